"""The gold-data scorer, on tiny synthetic gold files written into tmp_path."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from accord.actors.dictionary import SECTORS as ACTOR_SECTORS
from accord.domain import Actor, Event, Evidence, Modality, Place
from accord.errors import DataError, InputError
from accord.evaluate import (
    NoEvalData,
    evaluate,
    find_eval_dir,
    require_eval_dir,
)
from accord.evaluate.gold import norm_code

ActorSpec = tuple[str, str | None, str]  # code, sector, text


def gold_actor(text: str, code: str, sector: str | None = None) -> dict[str, Any]:
    return {"text": text, "code": code, "country": code, "sector": sector}


def gold_event(
    name: str,
    source: list[dict[str, Any]] | None,
    target: list[dict[str, Any]] | None,
    *,
    reciprocal: bool = False,
    location: dict[str, Any] | None = None,
    old_name: str | None = None,
) -> dict[str, Any]:
    return {
        "code": old_name or name,
        "plover_2021_name": name,
        "cameo": None,
        "source": source,
        "target": target,
        "reciprocal": reciprocal,
        "location": location,
    }


def record(
    id: str, text: str, events: list[dict[str, Any]], *, no_event: bool = False
) -> dict[str, Any]:
    return {"id": id, "text": text, "date": "2000-01-01", "no_event": no_event, "events": events}


def cameo_record(id: str, text: str, code: str) -> dict[str, Any]:
    event = {"code": code, "cameo": code, "cameo_root": code[:2], "source": None, "target": None}
    return {"id": id, "text": text, "date": None, "no_event": False, "events": [event]}


def write_gold(
    folder: Path,
    *,
    gsr: list[dict[str, Any]] | None = None,
    manual: list[dict[str, Any]] | None = None,
    table: dict[str, str] | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"plover_gsr_cameo.jsonl": gsr, "cameo_manual_examples.jsonl": manual}
    for name, records in files.items():
        if records is not None:
            lines = "\n".join(json.dumps(r) for r in records)
            (folder / name).write_text(lines + "\n", encoding="utf-8")
    if table is not None:
        rows = {
            code: {"plover": plover, "mode": None, "context": None}
            for code, plover in table.items()
        }
        (folder / "cameo2plover_2021.json").write_text(json.dumps({"table": rows}))
    return folder


def actor(code: str | None, sector: str | None = None, text: str = "") -> Actor:
    return Actor(code=code, sector=sector, name=text or (code or "?"), text=text)


def event(
    category: str,
    actors: Sequence[Actor] = (),
    recipients: Sequence[Actor] = (),
    *,
    reciprocal: bool = False,
    cameo: str = "",
    place: Place | None = None,
) -> Event:
    return Event(
        event_id="e",
        article_id="a",
        date=None,
        date_precision="none",
        event=category,
        mode=None,
        context=(),
        cameo=cameo,
        quad_class=0,
        goldstein=0.0,
        plover_scale=0.0,
        actor=tuple(actors),
        recipient=tuple(recipients),
        reciprocal=reciprocal,
        modality=Modality(),
        location=place or Place(name=None, country=None),
        speaker=None,
        quote=None,
        evidence=(Evidence(sentence_index=0, sentence="", start=0, end=0, trigger=""),),
        confidence=1.0,
    )


class FakeCoder:
    """Returns the hand-built events registered for a text; records the dates it saw."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.dates: list[dt.date | None] = []

    def __call__(self, text: str, date: dt.date | None) -> list[Event]:
        self.dates.append(date)
        return self.events.get(text, [])


AAA, BBB, CCC, DDD, EEE = (actor(c) for c in ("AAA", "BBB", "CCC", "DDD", "EEE"))


def test_dyad_and_event_precision_recall_f1(tmp_path: Path) -> None:
    folder = write_gold(
        tmp_path,
        gsr=[
            record(
                "s1",
                "Alpha met Beta.",
                [gold_event("CONSULT", [gold_actor("Alpha", "AAA")], [gold_actor("Beta", "BBB")])],
            ),
            record(
                "s2",
                "Gamma hit Delta.",
                [gold_event("ASSAULT", [gold_actor("Gamma", "CCC")], [gold_actor("Delta", "DDD")])],
            ),
        ],
    )
    coder = FakeCoder(
        {
            "Alpha met Beta.": [event("CONSULT", [AAA], [BBB]), event("ACCUSE", [AAA], [BBB])],
            "Gamma hit Delta.": [event("ASSAULT", [CCC], [EEE])],
        }
    )
    gsr = evaluate(coder, eval_dir=folder).plover_gsr
    assert gsr is not None
    assert (gsr.dyad.tp, gsr.dyad.fp, gsr.dyad.fn) == (1, 2, 1)
    assert gsr.dyad.precision == pytest.approx(1 / 3)
    assert gsr.dyad.recall == pytest.approx(1 / 2)
    assert gsr.dyad.f1 == pytest.approx(0.4)
    assert (gsr.event.tp, gsr.event.fp, gsr.event.fn) == (2, 1, 0)
    assert gsr.event.f1 == pytest.approx(0.8)
    assert gsr.false_events_per_gold_event == pytest.approx(0.5)
    assert coder.dates == [dt.date(2000, 1, 1)] * 2
    assert [m.id for m in gsr.misses] == ["s2"]
    assert gsr.misses[0].missing == ("ASSAULT CCC -> DDD",)
    assert [(f.id, f.produced) for f in gsr.false_positives] == [
        ("s1", "ACCUSE AAA -> BBB"),
        ("s2", "ASSAULT CCC -> EEE"),
    ]
    assert set(gsr.confusion) == {
        ("ASSAULT", "ASSAULT", 1),
        ("CONSULT", "CONSULT", 1),
        ("(none)", "ACCUSE", 1),
    }
    rows = {row.category: row for row in gsr.per_category}
    assert (rows["ACCUSE"].event.fp, rows["ASSAULT"].dyad.fn) == (1, 1)


def test_confusion_pairs_a_wrong_category_with_the_gold_one(tmp_path: Path) -> None:
    folder = write_gold(
        tmp_path,
        gsr=[record("s1", "x", [gold_event("REJECT", [gold_actor("A", "AAA")], None)])],
    )
    gsr = evaluate(FakeCoder({"x": [event("ACCUSE", [AAA])]}), eval_dir=folder).plover_gsr
    assert gsr is not None
    assert gsr.confusion == (("REJECT", "ACCUSE", 1),)


def test_reciprocal_gold_expands_to_every_ordered_pair(tmp_path: Path) -> None:
    three = [gold_actor("A", "AAA"), gold_actor("B", "BBB"), gold_actor("C", "CCC")]
    folder = write_gold(
        tmp_path, gsr=[record("s1", "x", [gold_event("AGREE", three, None, reciprocal=True)])]
    )
    coder = FakeCoder({"x": [event("AGREE", [AAA, BBB], reciprocal=True)]})
    gsr = evaluate(coder, eval_dir=folder).plover_gsr
    assert gsr is not None
    assert (gsr.dyad.tp, gsr.dyad.fp, gsr.dyad.fn) == (2, 0, 4)
    assert gsr.actor_only_pairs == 0


def test_reciprocal_system_event_counts_both_directions(tmp_path: Path) -> None:
    pair = [gold_actor("A", "AAA"), gold_actor("B", "BBB")]
    folder = write_gold(
        tmp_path, gsr=[record("s1", "x", [gold_event("CONSULT", pair, None, reciprocal=True)])]
    )
    coder = FakeCoder({"x": [event("CONSULT", [AAA], [BBB], reciprocal=True)]})
    gsr = evaluate(coder, eval_dir=folder).plover_gsr
    assert gsr is not None
    assert (gsr.dyad.tp, gsr.dyad.fp, gsr.dyad.fn) == (2, 0, 0)


def test_null_target_matches_on_actor_and_category_without_false_positives(
    tmp_path: Path,
) -> None:
    folder = write_gold(
        tmp_path, gsr=[record("s1", "x", [gold_event("REQUEST", [gold_actor("A", "AAA")], None)])]
    )
    coder = FakeCoder(
        {
            "x": [
                event("REQUEST", [AAA], [BBB]),
                event("REQUEST", [AAA], [CCC]),  # fits the open gold target: neutral
                event("REQUEST", [DDD], [BBB]),  # wrong actor: false positive
            ]
        }
    )
    gsr = evaluate(coder, eval_dir=folder).plover_gsr
    assert gsr is not None
    assert (gsr.dyad.tp, gsr.dyad.fp, gsr.dyad.fn) == (1, 1, 0)
    assert gsr.actor_only_pairs == 1
    assert (gsr.event.tp, gsr.event.fp, gsr.event.fn) == (1, 2, 0)
    assert [f.produced for f in gsr.false_positives] == ["REQUEST DDD -> BBB"]


def test_jap_is_japan_and_igo_is_one_class(tmp_path: Path) -> None:
    folder = write_gold(
        tmp_path,
        gsr=[
            record(
                "s1",
                "Japan asked the UN.",
                [
                    gold_event(
                        "REQUEST",
                        [gold_actor("Japan", "JAP", "GOV")],
                        [gold_actor("the UN", "IGO")],
                        old_name="DEMAND",
                    )
                ],
            )
        ],
    )
    coder = FakeCoder(
        {
            "Japan asked the UN.": [
                event("REQUEST", [actor("JPN", "GOV", "Japan")], [actor("UNO", "IGO", "UN")])
            ]
        }
    )
    gsr = evaluate(coder, eval_dir=folder).plover_gsr
    assert gsr is not None
    assert (gsr.dyad.tp, gsr.dyad_sector.tp) == (1, 1)
    assert (gsr.actors.country.hits, gsr.actors.sector.hits, gsr.actors.country.total) == (2, 2, 2)


def test_sector_suffix_and_unknown_sector(tmp_path: Path) -> None:
    folder = write_gold(
        tmp_path,
        gsr=[
            record(
                "s1",
                "x",
                [
                    gold_event(
                        "ASSAULT",
                        [gold_actor("rebels", "TUR", "REBkur")],
                        [gold_actor("army", "IRQ", "***")],
                    )
                ],
            ),
            record(
                "s2",
                "y",
                [
                    gold_event(
                        "COERCE",
                        [gold_actor("Ankara", "TUR", "GOV")],
                        [gold_actor("villagers", "SYR", "CVL")],
                    )
                ],
            ),
        ],
    )
    coder = FakeCoder(
        {
            "x": [event("ASSAULT", [actor("TUR", "REB")], [actor("IRQ", "MIL")])],
            "y": [event("COERCE", [actor("TUR", "MIL")], [actor("SYR", "CVL")])],
        }
    )
    gsr = evaluate(coder, eval_dir=folder).plover_gsr
    assert gsr is not None
    assert (gsr.dyad.tp, gsr.dyad.fp, gsr.dyad.fn) == (2, 0, 0)
    assert (gsr.dyad_sector.tp, gsr.dyad_sector.fp, gsr.dyad_sector.fn) == (1, 1, 1)


def test_actor_accuracy_by_overlapping_span_even_when_the_event_is_wrong(tmp_path: Path) -> None:
    text = "Turkish police detained Syrian villagers."
    folder = write_gold(
        tmp_path,
        gsr=[
            record(
                text,
                text,
                [
                    gold_event(
                        "COERCE",
                        [gold_actor("Turkish police", "TUR", "COP")],
                        [gold_actor("Syrian villagers", "SYR", "CVL")],
                    )
                ],
            )
        ],
    )
    police = actor("TUR", "COP", "the Turkish police")
    villagers = actor("SYR", "GOV", "Syrian villagers")
    gsr = evaluate(
        FakeCoder({text: [event("ASSAULT", [police], [villagers])]}), eval_dir=folder
    ).plover_gsr
    assert gsr is not None
    assert gsr.dyad.tp == 0
    actors = gsr.actors
    assert (actors.found.hits, actors.country.hits, actors.sector.hits) == (2, 2, 1)
    assert actors.found.total == 2
    assert [(m.text, m.gold, m.produced) for m in actors.misses] == [
        ("Syrian villagers", "SYR CVL", ('SYR GOV "Syrian villagers"',))
    ]


def test_location_name_and_country_of_the_matched_event(tmp_path: Path) -> None:
    def located(id: str, place: dict[str, Any]) -> dict[str, Any]:
        return record(
            id,
            id,
            [
                gold_event(
                    "CONSULT", [gold_actor("A", "AAA")], [gold_actor("B", "BBB")], location=place
                )
            ],
        )

    folder = write_gold(
        tmp_path,
        gsr=[
            located("geneva", {"name": "Geneva", "country code": "CH"}),
            located("springfield", {"name": "Springfield"}),  # no country: not scored
            located("iraq", {"name": "Iraq"}),  # a country name implies its code
        ],
    )
    coder = FakeCoder(
        {
            "geneva": [event("CONSULT", [AAA], [BBB], place=Place(name="Geneva", country="CHE"))],
            "springfield": [event("CONSULT", [AAA], [BBB])],
            "iraq": [event("CONSULT", [AAA], [BBB], place=Place(name="Baghdad", country="IRQ"))],
        }
    )
    gsr = evaluate(coder, eval_dir=folder).plover_gsr
    assert gsr is not None
    places = gsr.locations
    assert (places.events, places.matched) == (3, 3)
    assert (places.name.hits, places.name.total) == (1, 3)
    assert (places.country.hits, places.country.total) == (2, 2)
    assert [m.id for m in places.misses] == ["springfield", "iraq"]


MANUAL = [
    cameo_record("c1", "one", "0311"),
    cameo_record("c2", "two", "042"),
    cameo_record("c3", "three", "190"),
    cameo_record("c4", "four", "0211"),
]
TABLE = {"03": "AGREE", "031": "COOPERATE", "04": "CONSULT", "19": "ASSAULT"}
MANUAL_EVENTS = {
    "one": [event("COOPERATE", cameo="031")],
    "two": [event("CONSULT", cameo="042")],
    "three": [event("ASSAULT", cameo="180")],
    "four": [event("REQUEST", cameo="021")],
}


def test_cameo_root_base_full_and_plover_hits(tmp_path: Path) -> None:
    folder = write_gold(tmp_path, manual=MANUAL, table=TABLE)
    cameo = evaluate(FakeCoder(MANUAL_EVENTS), eval_dir=folder).cameo_manual
    assert cameo is not None
    assert cameo.codes == 4
    assert cameo.plover is not None
    # 0311 goes through 031 (COOPERATE), not 03; 0211 has no PLOVER and leaves the denominator
    assert (cameo.plover.hits, cameo.plover.total) == (3, 3)
    assert (cameo.root.hits, cameo.root.total) == (3, 4)
    assert (cameo.base.hits, cameo.base.total) == (3, 4)
    assert (cameo.full.hits, cameo.full.total) == (1, 4)
    assert [m.id for m in cameo.misses] == ["c1", "c3", "c4"]
    assert cameo.misses[0].gold == "0311 (COOPERATE)"


def test_cameo_without_conversion_table_skips_plover_level(tmp_path: Path) -> None:
    folder = write_gold(tmp_path, manual=MANUAL)
    report = evaluate(FakeCoder(MANUAL_EVENTS), eval_dir=folder)
    assert report.cameo_manual is not None and report.cameo_manual.plover is None
    assert report.plover_gsr is None
    assert report.summary()["cameo_manual"]["plover"] is None


def test_no_event_sentences_count_the_events_produced(tmp_path: Path) -> None:
    folder = write_gold(tmp_path, gsr=[record("n1", "quiet", [], no_event=True)])
    coder = FakeCoder({"quiet": [event("ACCUSE", [AAA], [BBB]), event("AID", [AAA])]})
    report = evaluate(coder, eval_dir=folder)
    assert (report.no_event.sentences, report.no_event.events) == (1, 2)
    assert report.plover_gsr is not None and report.plover_gsr.event.fp == 2


def test_coder_error_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = write_gold(
        tmp_path,
        gsr=[
            record("bad", "boom", [gold_event("AID", [gold_actor("A", "AAA")], None)]),
            record("good", "fine", [gold_event("AID", [gold_actor("A", "AAA")], None)]),
        ],
    )

    def coder(text: str, date: dt.date | None) -> list[Event]:
        if text == "boom":
            raise InputError("<test>", "cannot code")
        return [event("AID", [AAA])]

    report = evaluate(coder, eval_dir=folder)
    assert [f.id for f in report.failures] == ["bad"]
    assert report.plover_gsr is not None
    assert (report.plover_gsr.dyad.tp, report.plover_gsr.dyad.fn) == (1, 1)
    assert report.summary()["coder_errors"] == 1


def test_limit_takes_the_first_records(tmp_path: Path) -> None:
    records = [record(f"s{i}", f"t{i}", [gold_event("AID", None, None)]) for i in range(3)]
    folder = write_gold(tmp_path, gsr=records)
    gsr = evaluate(FakeCoder({}), eval_dir=folder, limit=2).plover_gsr
    assert gsr is not None and gsr.sentences == 2


def test_malformed_gold_line_names_file_and_line(tmp_path: Path) -> None:
    folder = write_gold(tmp_path, gsr=[record("s1", "x", [])])
    with (folder / "plover_gsr_cameo.jsonl").open("a") as handle:
        handle.write("{not json\n")
    with pytest.raises(DataError) as caught:
        evaluate(FakeCoder({}), eval_dir=folder)
    assert caught.value.line == 2


def test_missing_eval_dir_is_reported_as_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACCORD_EVAL_DIR", raising=False)
    absent = tmp_path / "nowhere"
    assert find_eval_dir(absent) is None
    with pytest.raises(NoEvalData, match=r"^skipped: no evaluation data at .*nowhere"):
        require_eval_dir(absent)
    (tmp_path / "empty").mkdir()
    with pytest.raises(NoEvalData):
        evaluate(FakeCoder({}), eval_dir=tmp_path / "empty")
    monkeypatch.setenv("ACCORD_EVAL_DIR", str(absent))
    assert find_eval_dir() is None


def test_eval_dir_from_env_var_and_from_shared_above_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = write_gold(tmp_path / "shared" / "eval", gsr=[record("s1", "x", [])])
    monkeypatch.setenv("ACCORD_EVAL_DIR", str(gold))
    assert find_eval_dir() == gold.resolve()
    monkeypatch.delenv("ACCORD_EVAL_DIR")
    repo = tmp_path / "repo" / "sub"
    repo.mkdir(parents=True)
    monkeypatch.chdir(repo)
    assert find_eval_dir() == gold.resolve()


def test_markdown_and_summary_carry_the_headline_numbers(tmp_path: Path) -> None:
    folder = write_gold(
        tmp_path,
        gsr=[
            record(
                "s1",
                "Alpha met Beta.",
                [gold_event("CONSULT", [gold_actor("Alpha", "AAA")], [gold_actor("Beta", "BBB")])],
            ),
            record(
                "s2",
                "Gamma hit Delta.",
                [gold_event("ASSAULT", [gold_actor("Gamma", "CCC")], [gold_actor("Delta", "DDD")])],
            ),
        ],
        manual=MANUAL,
        table=TABLE,
    )
    events = {
        "Alpha met Beta.": [event("CONSULT", [AAA], [BBB]), event("ACCUSE", [AAA], [BBB])],
        "Gamma hit Delta.": [event("ASSAULT", [CCC], [EEE])],
        **MANUAL_EVENTS,
    }
    report = evaluate(FakeCoder(events), eval_dir=folder)
    summary = json.loads(json.dumps(report.summary()))
    assert summary["plover_gsr"]["dyad"] == {
        "precision": 0.3333,
        "recall": 0.5,
        "f1": 0.4,
        "tp": 1,
        "fp": 2,
        "fn": 1,
    }
    assert summary["plover_gsr"]["false_events_per_gold_event"] == 0.5
    assert summary["cameo_manual"]["full"] == {"rate": 0.25, "hits": 1, "total": 4}
    markdown = report.to_markdown()
    assert "| dyad (category + countries) | 0.333 | 0.500 | 0.400 | 1 | 2 | 1 |" in markdown
    assert "| full code | 0.250 | 1 | 4 |" in markdown
    assert "False events per gold event: **0.50**" in markdown
    assert "Gamma hit Delta." in markdown  # the miss list shows the sentence


def test_non_iso_gold_country_codes_are_normalised() -> None:
    assert [norm_code(c) for c in ("JAP", "ITL", "vtn", "ITA", "UNO", None)] == [
        "JPN",
        "ITA",
        "VNM",
        "ITA",
        "IGO",
        None,
    ]


# The project's own blind event set (evalsets/events.jsonl): shape and scoring.

EVENT_SET = Path(__file__).resolve().parents[1] / "evalsets" / "events.jsonl"
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UNO", "EUR"})
SECTORS = ACTOR_SECTORS  # the actor dictionaries' sector codes


def event_set_records() -> list[dict[str, Any]]:
    lines = EVENT_SET.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_project_event_set_loads_with_the_gold_reader() -> None:
    from accord.evaluate.gold import read_sentences

    sentences = read_sentences(EVENT_SET)
    assert len(sentences) >= 200
    assert len({s.id for s in sentences}) == len(sentences)
    quiet = [s for s in sentences if s.no_event]
    assert len(quiet) >= 25 and all(not s.events for s in quiet)
    assert all(s.events for s in sentences if not s.no_event)
    assert all(s.date is not None and 2015 <= s.date.year <= 2026 for s in sentences)


def test_project_event_set_records_are_well_formed() -> None:
    from collections import Counter

    from accord.geo.gazetteer import Gazetteer
    from accord.ontology import Ontology

    ontology, gazetteer = Ontology.load(), Gazetteer.load()
    categories = {category.name for category in ontology.categories}
    assert len(categories) == 16
    counts: Counter[str] = Counter()
    for rec in event_set_records():
        assert set(rec) == {"id", "text", "date", "no_event", "events"}, rec["id"]
        for ev in rec["events"]:
            where = f"{rec['id']} {ev['code']}"
            assert ev["code"] in categories and ev["plover_2021_name"] == ev["code"], where
            assert ontology.is_cameo(ev["cameo"]) and ev["cameo_root"] == ev["cameo"][:2], where
            assert isinstance(ev["reciprocal"], bool) and ev["location"] is None, where
            if ev["reciprocal"]:
                assert len(ev["source"]) >= 2 and ev["target"] == [], where
            counts[ev["code"]] += 1
            for actor in (*(ev["source"] or ()), *(ev["target"] or ())):
                code, sector = actor["code"], actor["sector"]
                assert actor["text"] in rec["text"], f"{where}: {actor['text']!r}"
                if code in NON_STATE_CODES:
                    assert sector is None, where
                else:
                    assert gazetteer.country(code) is not None, f"{where}: {code}"
                    assert sector is None or sector in SECTORS, f"{where}: {sector}"
    assert set(counts) == categories
    assert min(counts.values()) >= 8, counts


@pytest.mark.slow
def test_run_all_scores_the_project_event_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import accord.scoring as scoring

    evalsets = tmp_path / "evalsets"
    evalsets.mkdir()
    (evalsets / "events.jsonl").write_text(
        "\n".join(json.dumps(rec) for rec in event_set_records()[:4]) + "\n", encoding="utf-8"
    )
    monkeypatch.setattr(scoring, "EVALSETS", evalsets)
    report = tmp_path / "report.md"
    out = scoring.run_all(eval_dir=str(tmp_path / "no-gold"), report=str(report), limit=3)
    assert "skipped: no evaluation data" in out  # the project set needs no external gold
    (line,) = [line for line in out.splitlines() if line.startswith("events (events.jsonl")]
    assert "3 sentences" in line and "dyad P" in line and "false events per gold event" in line
    markdown = report.read_text(encoding="utf-8")
    assert "## Project event set (evalsets/events.jsonl) (first 3 records)" in markdown
    assert "### Per category" in markdown


def test_actor_span_finder_tolerates_hand_copied_gold_spans() -> None:
    import spacy

    from accord.evaluate.actors import _find

    doc = spacy.blank("en")("French and Egyptian warships shadowed U.S. and Soviet  negotiators.")

    def found(text: str) -> str | None:
        span = _find(doc, text)
        return span.text if span is not None else None

    assert found("Egyptian warships") == "Egyptian warships"
    assert found("french  WARSHIPS") == "French and Egyptian warships"
    assert found("U.S. ... negotiators") == "U.S. and Soviet  negotiators"
    assert found(" Soviet negotiators ") == "Soviet  negotiators"
    assert found("Chinese warships") is None
