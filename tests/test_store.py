"""The DuckDB event store and its exports, on events built in memory (no spaCy)."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from accord.domain import Actor, Article, Event, Evidence, Modality, Place
from accord.errors import InputError, StoreError
from accord.store import (
    SCHEMA_VERSION,
    Store,
    export_events,
    import_events,
    mention_row,
)
from accord.store.schema import MENTION_ARROW_SCHEMA

SRC = str(Path(__file__).resolve().parents[1] / "src")

ANKARA = Place(
    name="Ankara",
    country="TUR",
    admin1="Ankara",
    lat=39.92,
    lon=32.85,
    geo_precision="city",
    reason="prepositional phrase of the event verb",
    gazetteer_id="323786",
)

MakeEvent = Callable[..., Event]


@pytest.fixture
def make_event() -> MakeEvent:
    """Build an Event; keyword arguments override the defaults."""
    counter = iter(range(10_000))

    def make(article_id: str = "a1", **overrides: Any) -> Event:
        n = next(counter)
        values: dict[str, Any] = {
            "event_id": f"{article_id}-e{n}",
            "article_id": article_id,
            "date": dt.date(2025, 9, 24),
            "date_precision": "day",
            "event": "CONSULT",
            "mode": "visit",
            "context": ("military",),
            "cameo": "042",
            "quad_class": 1,
            "goldstein": 1.9,
            "plover_scale": 2.5,
            "actor": (
                Actor(
                    code="IRN",
                    sector="MIL",
                    name="Aziz Nasirzadeh",
                    text="Iran's Defense Minister",
                    sectors=("MIL", "GOV"),
                    role="defense minister",
                ),
            ),
            "recipient": (Actor(code="TUR", sector="MIL", name="Yasar Guler", text="Guler"),),
            "reciprocal": False,
            "modality": Modality(),
            "location": ANKARA,
            "speaker": None,
            "quote": None,
            "evidence": (
                Evidence(
                    sentence_index=0, sentence="They met in Ankara.", start=0, end=19, trigger="met"
                ),
            ),
            "confidence": 0.87,
        }
        values.update(overrides)
        return Event(**values)

    return make


def article(article_id: str, *, date: dt.date | None = dt.date(2025, 9, 24)) -> Article:
    return Article(
        id=article_id,
        text=f"Text of {article_id}.",
        title=f"Title {article_id}",
        date=date,
        outlet="Tasnim",
        dateline="Tehran",
        origin=f"feed.jsonl:{article_id}",
    )


@pytest.fixture
def store() -> Any:
    with Store(":memory:") as store:
        yield store


@pytest.fixture
def filled(store: Store, make_event: MakeEvent) -> Store:
    """Five events in three articles, one of them negated and one with a rich payload."""
    speaker = Actor(code="IRN", sector="GOV", name="Nasirzadeh", text="he")
    batch = [
        (article("a1"), [make_event("a1"), make_event("a1", event="AGREE", cameo="057")]),
        (
            article("a2"),
            [
                make_event(
                    "a2",
                    event="ACCUSE",
                    cameo="112",
                    quad_class=3,
                    goldstein=-2.0,
                    date=dt.date(2025, 9, 25),
                    recipient=(Actor(code="ISR", sector="GOV", name="Israel", text="regime"),),
                    speaker=speaker,
                    quote="criminal aggressions",
                    location=Place(name=None, country=None, reason="no place found"),
                    evidence=(
                        Evidence(1, "He condemned Israel.", 20, 40, "condemned"),
                        Evidence(3, "He repeated it.", 60, 75, "repeated"),
                    ),
                    extra={"attributed": True},
                ),
                make_event(
                    "a2",
                    event="ASSAULT",
                    cameo="190",
                    modality=Modality(negated=True),
                    date=dt.date(2025, 9, 25),
                ),
            ],
        ),
        (
            article("a3", date=None),
            [
                make_event(
                    "a3",
                    event="CONSULT",
                    cameo="036",
                    date=None,
                    date_precision="none",
                    actor=(
                        Actor(code="TUR", sector="GOV", name="Turkey", text="Ankara"),
                        Actor(code=None, sector="CVL", name="civilians", text="residents"),
                    ),
                    recipient=(),
                    reciprocal=True,
                    modality=Modality(future=True),
                ),
            ],
        ),
    ]
    store.add(batch)
    return store


def expected(*events: Event) -> list[dict[str, Any]]:
    return sorted(
        (e.to_dict() for e in events),
        key=lambda d: (d["date"] is None, d["date"] or "", d["event_id"]),
    )


# -- opening ---------------------------------------------------------------------------------


def test_new_store_records_schema_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.fetchone() == (str(SCHEMA_VERSION),)
        assert store.stats()["articles"] == 0
    with Store(tmp_path / "s.duckdb") as store:  # reopening migrates nothing twice
        assert store.stats()["schema_version"] == SCHEMA_VERSION


def test_non_duckdb_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("just some text, not a database\n" * 50)
    with pytest.raises(StoreError, match="is not a DuckDB database"):
        Store(path)


def test_locked_file_is_a_store_error_naming_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    holder_code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {SRC!r})
        from accord.store import Store
        store = Store({str(path)!r})
        print("ready", flush=True)
        sys.stdin.read()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", holder_code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=rf"is locked by process {holder.pid}.*another"):
            Store(path)
        with pytest.raises(StoreError, match="is locked"):
            Store(path, read_only=True)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store(path) as store:  # free again once the other process is gone
        assert store.stats()["articles"] == 0


def test_read_only_open_of_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    foreign = tmp_path / "other.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(StoreError, match="not an accord store"):
        Store(foreign, read_only=True)


def test_store_from_a_newer_accord_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="upgrade accord"):
        Store(path)


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path, make_event: MakeEvent) -> None:
    path = tmp_path / "ro.duckdb"
    with Store(path) as store:
        store.add([(article("a1"), [make_event("a1")])])
    with Store(path, read_only=True) as store:
        assert len(store.events()) == 1
        with pytest.raises(StoreError, match="read-only"):
            store.add([(article("a2"), [])])


def test_closed_store_says_so() -> None:
    store = Store(":memory:")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.has_article("a1")


# -- adding ----------------------------------------------------------------------------------


def test_add_is_idempotent(store: Store, make_event: MakeEvent) -> None:
    batch = [
        (article("a1"), [make_event("a1"), make_event("a1")]),
        (article("a2"), [make_event("a2")]),
    ]
    assert store.add(batch).events_added == 3
    before = store.events(include_all_modalities=True)
    again = store.add(batch)
    assert (again.articles_added, again.articles_skipped, again.events_added) == (0, 2, 0)
    assert store.events(include_all_modalities=True) == before
    assert store.con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert store.con.execute("SELECT count(*) FROM mentions").fetchone() == (3,)


def test_add_skips_a_stored_article_even_with_new_events(
    store: Store, make_event: MakeEvent
) -> None:
    store.add([(article("a1"), [make_event("a1")])])
    result = store.add([(article("a1"), [make_event("a1")]), (article("a2"), [])])
    assert (result.articles_added, result.articles_skipped, result.events_added) == (1, 1, 0)
    assert store.known_articles(["a1", "a2", "a9"]) == {"a1", "a2"}
    assert store.has_article("a2") and not store.has_article("a9")


def test_add_counts_an_article_repeated_within_a_batch_once(
    store: Store, make_event: MakeEvent
) -> None:
    event = make_event("a1")
    result = store.add([(article("a1"), [event]), (article("a1"), [event])])
    assert (result.articles_added, result.articles_skipped, result.events_added) == (1, 1, 1)


def test_failed_batch_leaves_nothing_behind(
    store: Store, make_event: MakeEvent, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add([(article("a0"), [make_event("a0")])])

    def explode(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("disk on fire")

    # articles are inserted first, so this fails with the batch's articles already written
    monkeypatch.setattr(Store, "_insert_mentions", explode)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add([(article("a1"), [make_event("a1")]), (article("a2"), [make_event("a2")])])
    monkeypatch.undo()
    assert not store.known_articles(["a1", "a2"])
    assert store.stats()["events_all"] == 1
    # the connection is usable again and the same batch now lands whole
    result = store.add([(article("a1"), [make_event("a1")]), (article("a2"), [make_event("a2")])])
    assert (result.articles_added, result.events_added) == (2, 2)


def test_event_with_numeric_cameo_is_refused_whole_batch(
    store: Store, make_event: MakeEvent
) -> None:
    bad = make_event("a2", cameo=42)
    with pytest.raises(StoreError, match=r"a2-e\d+ of article a2 .*'cameo' must be str"):
        store.add([(article("a1"), [make_event("a1")]), (article("a2"), [bad])])
    assert not store.known_articles(["a1", "a2"])


def test_data_survives_reopening(tmp_path: Path, make_event: MakeEvent) -> None:
    path = tmp_path / "events.duckdb"
    event = make_event("a1")
    with Store(path) as store:
        store.add([(article("a1"), [event])])
    with Store(path) as store:
        assert store.has_article("a1")
        assert store.events() == [event.to_dict()]


def test_killed_process_keeps_committed_batches_only(tmp_path: Path) -> None:
    path = tmp_path / "killed.duckdb"
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {SRC!r})
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import article
        from accord.store import Store

        store = Store({str(path)!r})
        store.add([(article("a1"), []), (article("a2"), [])])

        def die(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)

        Store._insert_mentions = die  # the process dies inside the second batch
        store.add([(article("a3"), []), (article("a4"), [])])
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    with Store(path) as store:
        assert store.known_articles(["a1", "a2", "a3", "a4"]) == {"a1", "a2"}


def test_extra_fields_and_all_evidence_round_trip(filled: Store) -> None:
    (accuse,) = filled.events(category="ACCUSE")
    assert accuse["attributed"] is True
    assert accuse["source"]["speaker"]["name"] == "Nasirzadeh"
    assert accuse["evidence"]["also"] == [{"sentence_index": 3, "start": 60, "end": 75}]
    assert accuse["location"]["geo_precision"] == "none"


# -- reading ---------------------------------------------------------------------------------


def test_events_have_the_to_dict_shape_and_order(store: Store, make_event: MakeEvent) -> None:
    late = make_event("a1", date=dt.date(2025, 10, 1))
    undated = make_event("a1", date=None, date_precision="none")
    early = make_event("a1", date=dt.date(2025, 9, 1))
    store.add([(article("a1"), [late, undated, early])])
    events = store.events()
    assert events == [early.to_dict(), late.to_dict(), undated.to_dict()]
    assert list(events[0]) == list(early.to_dict())  # same key order as the contract


def test_cameo_keeps_leading_zeros(filled: Store) -> None:
    cameos = {e["cameo"] for e in filled.events(include_all_modalities=True)}
    assert cameos == {"042", "057", "112", "190", "036"}
    column_type = filled.con.execute(
        "SELECT data_type FROM information_schema.columns "
        "WHERE table_name = 'mentions' AND column_name = 'cameo'"
    ).fetchone()
    assert column_type == ("VARCHAR",)


def test_modality_filter(filled: Store) -> None:
    shown = {e["event"] for e in filled.events()}
    assert shown == {"CONSULT", "AGREE", "ACCUSE"}  # future kept, negated left out
    everything = filled.events(include_all_modalities=True)
    assert {e["event"] for e in everything} == shown | {"ASSAULT"}


def test_filters(filled: Store) -> None:
    def ids(**filters: Any) -> list[str]:
        return [e["event"] for e in filled.events(include_all_modalities=True, **filters)]

    assert ids(start=dt.date(2025, 9, 25)) == ["ACCUSE", "ASSAULT"]
    assert ids(end=dt.date(2025, 9, 24)) == ["CONSULT", "AGREE"]
    assert ids(actor="TUR") == ["CONSULT"]  # the undated reciprocal one
    # the last one is reciprocal: its actors are its recipients too
    assert ids(recipient="TUR") == ["CONSULT", "AGREE", "ASSAULT", "CONSULT"]
    assert ids(recipient="isr") == ["ACCUSE"]
    assert ids(category="accuse") == ["ACCUSE"]
    assert ids(actor="IRN", recipient="TUR", category="ASSAULT") == ["ASSAULT"]
    assert len(ids(limit=2)) == 2
    assert ids(actor="USA") == []


def test_stats(filled: Store) -> None:
    stats = filled.stats()
    assert (stats["articles"], stats["events"], stats["events_all"]) == (3, 4, 5)
    assert stats["by_category"] == {"CONSULT": 2, "ACCUSE": 1, "AGREE": 1}
    assert stats["top_dyads"] == [
        {"actor": "IRN", "recipient": "TUR", "count": 2},
        {"actor": "IRN", "recipient": "ISR", "count": 1},
    ]
    assert filled.stats(include_all_modalities=True)["top_dyads"][0]["count"] == 3


# -- failures and runs -----------------------------------------------------------------------


def test_failures_are_listed_and_cleared(store: Store) -> None:
    run_id = store.start_run(command="ingest", sources=["feed.jsonl"])
    store.add_failure("feed.jsonl:3", "invalid JSON", run_id=run_id, record="{oops")
    store.add_failure("feed.jsonl:9", "no text")
    store.add_failure("feed.jsonl:9", "no text again")
    failures = store.failures()
    assert [f["origin"] for f in failures] == ["feed.jsonl:3", "feed.jsonl:9", "feed.jsonl:9"]
    assert failures[0]["record"] == "{oops" and isinstance(failures[0]["at"], dt.datetime)
    assert [f["origin"] for f in store.failures(run_id=run_id)] == ["feed.jsonl:3"]
    assert store.clear_failure(origin="feed.jsonl:9") == 2
    assert store.clear_failure(failures[0]["id"]) == 1
    assert store.failures() == []
    with pytest.raises(ValueError, match="exactly one"):
        store.clear_failure()


def test_runs_are_recorded(store: Store, make_event: MakeEvent) -> None:
    run_id = store.start_run(command="ingest", sources=["a.txt", "b.txt"])
    store.add([(article("a1"), [make_event("a1")])], run_id=run_id)
    store.finish_run(run_id, status="ok", counts={"articles": 1, "events": 1})
    (run,) = store.runs()
    assert run["run_id"] == run_id and run["status"] == "ok"
    assert run["sources"] == ["a.txt", "b.txt"]
    assert run["counts"] == {"articles": 1, "events": 1}
    assert run["finished_at"] >= run["started_at"]
    assert store.con.execute("SELECT run_id FROM articles").fetchone() == (run_id,)
    with pytest.raises(StoreError, match="no run"):
        store.finish_run("nope", status="ok", counts={})


# -- exports ---------------------------------------------------------------------------------


def test_jsonl_export_import_round_trip(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export_events(filled, path, format="plover-jsonl", include_all_modalities=True) == 5
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(line["schema_version"] == "accord-events/1" for line in lines)
    assert lines[0]["cameo"] == "042"
    with Store(":memory:") as copy:
        result = import_events(copy, path)
        assert (result.lines, result.events_added, result.failed) == (5, 5, 0)
        assert copy.events(include_all_modalities=True) == filled.events(
            include_all_modalities=True
        )
        again = import_events(copy, path)
        assert (again.events_added, again.events_skipped) == (0, 5)


def test_jsonl_export_defaults_to_what_events_shows(filled: Store) -> None:
    out = io.StringIO()
    assert export_events(filled, out, format="plover-jsonl", category="CONSULT") == 2
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    for line in exported:
        del line["schema_version"]
    assert exported == filled.events(category="CONSULT")


def test_import_records_bad_lines_and_keeps_the_rest(
    filled: Store, tmp_path: Path, store: Store
) -> None:
    good = filled.events()[0]
    numeric_cameo = {**good, "event_id": "x2", "cameo": 42}
    lines = [
        json.dumps(good),
        "{not json",
        "",
        json.dumps({**good, "event_id": "x1", "schema_version": "accord-events/9"}),
        json.dumps(numeric_cameo),
        json.dumps({k: v for k, v in good.items() if k != "evidence"} | {"event_id": "x3"}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(":memory:") as copy:
        result = import_events(copy, path)
        assert (result.lines, result.events_added, result.failed) == (5, 1, 4)
        reasons = {f["origin"]: f["reason"] for f in copy.failures()}
        assert set(reasons) == {f"{path}:{n}" for n in (2, 4, 5, 6)}
        assert reasons[f"{path}:2"].startswith("invalid JSON")
        assert "accord-events/9" in reasons[f"{path}:4"]
        assert "'cameo' must be str" in reasons[f"{path}:5"]
        assert "'evidence' is missing" in reasons[f"{path}:6"]


def test_import_of_a_missing_file_is_an_input_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.jsonl: cannot read"):
        import_events(store, tmp_path / "missing.jsonl")


def test_import_from_a_stream_with_a_badly_encoded_line(filled: Store) -> None:
    good = json.dumps(filled.events()[0]).encode()
    stream = io.BytesIO(b"\xff\xfe broken\n" + good + b"\n")
    with Store(":memory:") as copy:
        result = import_events(copy, stream)
        assert (result.events_added, result.failed) == (1, 1)
        (failure,) = copy.failures()
        assert failure["origin"] == "<stream>:1" and "utf-8" in failure["reason"]


def test_csv_export_is_flat_and_readable(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert export_events(filled, path, format="csv", include_all_modalities=True) == 5
    assert not (tmp_path / "events.csv.part").exists()
    assert "042" in path.read_text(encoding="utf-8")
    con = duckdb.connect()
    table = con.sql(f"SELECT * FROM read_csv('{path}', all_varchar = true)")
    assert len(table.fetchall()) == 5
    assert table.columns[:3] == ["event_id", "article_id", "date"]
    assert table.columns[-2:] == ["sentence", "confidence"]
    (reciprocal,) = con.sql(
        f"SELECT actor_code, actor_sector, actor_name, recipient_code "
        f"FROM read_csv('{path}', all_varchar = true) WHERE reciprocal = 'true'"
    ).fetchall()
    # a missing code stays an empty slot so codes, sectors and names line up
    assert reciprocal == ("TUR;", "GOV;CVL", "Turkey;civilians", None)


def test_csv_to_text_stream(filled: Store) -> None:
    out = io.StringIO()
    assert export_events(filled, out, format="csv") == 4
    assert out.getvalue().count("\n") == 5  # header + rows
    assert out.getvalue().startswith('"event_id","article_id"')


def test_parquet_export_is_flat_and_typed(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export_events(filled, path, format="parquet", actor="IRN") == 3
    con = duckdb.connect()
    rows = con.sql(
        f"SELECT cameo, actor_code, recipient_code, speaker_name, date "
        f"FROM read_parquet('{path}') ORDER BY cameo"
    ).fetchall()
    assert rows == [
        ("042", "IRN", "TUR", None, dt.date(2025, 9, 24)),
        ("057", "IRN", "TUR", None, dt.date(2025, 9, 24)),
        ("112", "IRN", "ISR", "Nasirzadeh", dt.date(2025, 9, 25)),
    ]
    described = con.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    types = {name: kind for name, kind, *_ in described}
    assert types["cameo"] == "VARCHAR" and types["goldstein"] == "DOUBLE"


def test_parquet_to_binary_stream(filled: Store) -> None:
    out = io.BytesIO()
    assert export_events(filled, out, format="parquet") == 4
    assert out.getvalue()[:4] == b"PAR1"
    with pytest.raises(ValueError, match="binary"):
        export_events(filled, io.StringIO(), format="parquet")


def test_unknown_export_format(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="plover-jsonl, csv, parquet"):
        export_events(filled, tmp_path / "x", format="xlsx")


def test_mention_row_columns_match_the_table(store: Store, make_event: MakeEvent) -> None:
    row = mention_row(make_event().to_dict())
    assert list(row) == MENTION_ARROW_SCHEMA.names
    columns = [
        name
        for (name,) in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'mentions' "
            "ORDER BY ordinal_position"
        ).fetchall()
    ]
    assert columns == [*MENTION_ARROW_SCHEMA.names, "cluster_id"]


def test_actors_view_counts_each_actor_as_actor_and_recipient(tmp_path, make_event):
    from accord.store.schema import SCHEMA_VERSION

    with Store(tmp_path / "actors.duckdb") as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
        store.add([(article("a1"), [make_event("a1"), make_event("a1")])])
        rows = store.con.execute(
            "SELECT code, sector, name, as_actor, as_recipient FROM actors ORDER BY code"
        ).fetchall()
    assert rows == [("IRN", "MIL", "Aziz Nasirzadeh", 2, 0), ("TUR", "MIL", "Yasar Guler", 0, 2)]
