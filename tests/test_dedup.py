"""Cross-article deduplication on events built in memory (no spaCy)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

import accord.dedup.events
from accord.dedup import cluster_mentions, real_events, score_dedup
from accord.domain import Actor, Article, Event, Evidence, Modality, Place, content_id
from accord.errors import AccordError, StoreError
from accord.store import Store

DAY = dt.date(2026, 3, 10)


def city(name: str, lat: float, lon: float, *, reason: str = "prepositional phrase") -> Place:
    return Place(name=name, country="XXX", lat=lat, lon=lon, geo_precision="city", reason=reason)


KHARKIV = city("Kharkiv", 49.99, 36.23)
KYIV = city("Kyiv", 50.45, 30.52)
DAMASCUS = city("Damascus", 33.51, 36.28)
KISWAH = city("Al Kiswah", 33.36, 36.24)  # a suburb 17 km south of Damascus
NOWHERE = Place(name=None, country=None, reason="no place found")


def actors(*codes: str) -> tuple[Actor, ...]:
    return tuple(Actor(code=code, sector="GOV", name=code, text=code) for code in codes)


def event(
    article_id: str,
    *,
    n: int = 0,
    category: str = "ASSAULT",
    cameo: str = "190",
    actor: tuple[str, ...] = ("RUS",),
    recipient: tuple[str, ...] = ("UKR",),
    date: dt.date | None = DAY,
    place: Place = KHARKIV,
    reciprocal: bool = False,
    confidence: float = 0.8,
    modality: Modality = Modality(),  # noqa: B008 (frozen value)
) -> Event:
    return Event(
        event_id=f"{article_id}-{n}",
        article_id=article_id,
        date=date,
        date_precision="day" if date else "none",
        event=category,
        mode=None,
        context=(),
        cameo=cameo,
        quad_class=4 if category == "ASSAULT" else 1,
        goldstein=-10.0 if category == "ASSAULT" else 1.0,
        plover_scale=-8.0 if category == "ASSAULT" else 2.0,
        actor=actors(*actor),
        recipient=actors(*recipient),
        reciprocal=reciprocal,
        modality=modality,
        location=place,
        speaker=None,
        quote=None,
        evidence=(Evidence(0, "Something happened.", 0, 19, "happened"),),
        confidence=confidence,
    )


def article(article_id: str, outlet: str, date: dt.date = DAY) -> Article:
    return Article(id=article_id, text=f"Text of {article_id}.", outlet=outlet, date=date)


def report(article_id: str, outlet: str, *events: Event) -> tuple[Article, list[Event]]:
    dates = [e.date for e in events if e.date]
    return article(article_id, outlet, max(dates) if dates else DAY), list(events)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as store:
        yield store


def events_table(store: Store) -> list[tuple[Any, ...]]:
    cursor = store.con.execute("SELECT * EXCLUDE (updated_at) FROM events ORDER BY event_id")
    return cursor.fetchall()


def clusters(store: Store) -> dict[str, str]:
    rows = store.con.execute("SELECT event_id, cluster_id FROM mentions").fetchall()
    return dict(rows)


def groups(store: Store) -> set[frozenset[str]]:
    found: dict[str, set[str]] = {}
    for mention, cluster in clusters(store).items():
        found.setdefault(cluster, set()).add(mention)
    return {frozenset(g) for g in found.values()}


# -- merging the same event ----------------------------------------------------------------


def test_three_outlets_on_neighbouring_days_make_one_event(store: Store) -> None:
    store.add(
        [
            report("a1", "Wire One", event("a1", cameo="190", confidence=0.7)),
            report("a2", "Wire Two", event("a2", date=DAY + dt.timedelta(days=1), cameo="195")),
            report("a3", "Wire Three", event("a3", cameo="195", confidence=0.9)),
        ]
    )
    result = cluster_mentions(store)
    assert (result.mentions, result.events) == (3, 1)
    (found,) = real_events(store)
    assert found["num_mentions"] == 3
    assert found["num_articles"] == 3
    assert found["num_sources"] == 3
    assert found["sources"] == ["Wire One", "Wire Three", "Wire Two"]
    assert found["date"] == DAY.isoformat()
    assert found["first_seen"] == DAY.isoformat()
    assert found["last_seen"] == (DAY + dt.timedelta(days=1)).isoformat()
    assert found["cameo"] == "195"  # the most common code
    assert found["confidence"] == 0.9
    assert found["mention_ids"] == ["a1-0", "a3-0", "a2-0"]
    assert found["event_id"] == content_id("event:a1-0")  # the earliest mention's hash
    assert [a["code"] for a in found["actor"]] == ["RUS"]
    assert found["location"]["name"] == "Kharkiv"


def test_two_reports_by_one_outlet_are_one_source(store: Store) -> None:
    store.add([report("a1", "Wire", event("a1")), report("a2", "Wire", event("a2"))])
    cluster_mentions(store)
    (found,) = real_events(store)
    assert (found["num_articles"], found["num_sources"]) == (2, 1)


def test_meetings_match_whichever_side_hosts(store: Store) -> None:
    meeting = {"category": "CONSULT", "cameo": "042", "place": DAMASCUS}
    store.add(
        [
            report("a1", "A", event("a1", actor=("EGY",), recipient=("QAT",), **meeting)),
            report("a2", "B", event("a2", actor=("QAT",), recipient=("EGY",), **meeting)),
        ]
    )
    cluster_mentions(store)
    assert len(real_events(store)) == 1


def test_reciprocal_event_matches_either_direction(store: Store) -> None:
    clash = {"actor": ("PAK",), "recipient": ("AFG",), "place": NOWHERE}
    store.add(
        [
            report("a1", "A", event("a1", **clash)),
            report("a2", "B", event("a2", actor=("AFG", "PAK"), recipient=(), reciprocal=True)),
            report("a3", "C", event("a3", actor=("AFG",), recipient=("PAK",), reciprocal=True)),
        ]
    )
    cluster_mentions(store)
    assert groups(store) == {frozenset({"a1-0", "a2-0", "a3-0"})}


def test_opposite_directed_attacks_stay_apart(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1", actor=("PAK",), recipient=("AFG",), place=NOWHERE)),
            report("a2", "B", event("a2", actor=("AFG",), recipient=("PAK",), place=NOWHERE)),
        ]
    )
    cluster_mentions(store)
    assert len(real_events(store)) == 2


def test_sectors_may_differ(store: Store) -> None:
    military = replace(event("a2"), actor=(Actor("RUS", "MIL", "army", "the army"),))
    store.add([report("a1", "A", event("a1")), report("a2", "B", military)])
    cluster_mentions(store)
    assert len(real_events(store)) == 1


def test_nearby_places_are_one_place_and_datelines_do_not_split(store: Store) -> None:
    filed_from = city("Beirut", 33.89, 35.50, reason="dateline (capital city)")
    strike = {"actor": ("ISR",), "recipient": ("SYR",)}
    store.add(
        [
            report("a1", "A", event("a1", place=DAMASCUS, **strike)),
            report("a2", "B", event("a2", place=KISWAH, **strike)),
            report("a3", "C", event("a3", place=filed_from, **strike)),
        ]
    )
    cluster_mentions(store)
    (found,) = real_events(store)
    assert found["num_mentions"] == 3
    assert found["location"]["name"] in {"Damascus", "Al Kiswah"}  # not the dateline's


def test_report_without_recipient_joins_the_one_event_it_fits(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1")),
            report("a2", "B", event("a2", recipient=(), place=NOWHERE)),
        ]
    )
    cluster_mentions(store)
    assert groups(store) == {frozenset({"a1-0", "a2-0"})}
    (found,) = real_events(store)
    assert [a["code"] for a in found["recipient"]] == ["UKR"]  # from the complete report


def test_report_without_recipient_stays_apart_when_ambiguous(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1", recipient=("UKR",), place=KHARKIV)),
            report("a2", "B", event("a2", recipient=("GEO",), place=KYIV)),
            report("a3", "C", event("a3", recipient=(), place=NOWHERE)),
        ]
    )
    cluster_mentions(store)
    assert groups(store) == {frozenset({"a1-0"}), frozenset({"a2-0"}), frozenset({"a3-0"})}
    cluster_mentions(store, attach_partial=False)
    assert len(groups(store)) == 3


def test_chain_of_reports_within_the_window_is_one_event(store: Store) -> None:
    days = [0, 2, 4]  # each within two days of the next: single linkage
    store.add(
        [report(f"a{d}", f"O{d}", event(f"a{d}", date=DAY + dt.timedelta(days=d))) for d in days]
    )
    cluster_mentions(store)
    assert len(real_events(store)) == 1
    cluster_mentions(store, window_days=1)
    assert len(real_events(store)) == 3


# -- keeping look-alikes apart -----------------------------------------------------------------


def test_same_dyad_a_week_apart_are_two_events(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1")),
            report("a2", "B", event("a2", date=DAY + dt.timedelta(days=7))),
        ]
    )
    cluster_mentions(store)
    assert len(real_events(store)) == 2


def test_different_cities_same_day_are_two_events(store: Store) -> None:
    store.add([report("a1", "A", event("a1")), report("a2", "B", event("a2", place=KYIV))])
    cluster_mentions(store)
    assert len(real_events(store)) == 2


def test_unknown_place_never_bridges_two_cities(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1", place=KHARKIV)),
            report("a2", "B", event("a2", place=NOWHERE)),
            report("a3", "C", event("a3", place=KYIV)),
        ]
    )
    cluster_mentions(store)
    assert len(real_events(store)) == 2
    assert frozenset({"a1-0", "a3-0"}) not in groups(store)


def test_different_category_same_day_are_two_events(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1")),
            report("a2", "B", event("a2", category="THREATEN", cameo="138")),
        ]
    )
    cluster_mentions(store)
    assert len(real_events(store)) == 2


def test_different_modality_or_no_date_stay_apart(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1")),
            report("a2", "B", event("a2", modality=Modality(negated=True))),
            report("a3", "C", event("a3", date=None)),
            report("a4", "D", event("a4", date=None)),
        ]
    )
    cluster_mentions(store)
    assert len(real_events(store, include_all_modalities=True)) == 4


def test_planned_and_actual_reports_are_one_event(store: Store) -> None:
    store.add(
        [
            report("a1", "A", event("a1", modality=Modality(future=True))),
            report("a2", "B", event("a2")),
        ]
    )
    cluster_mentions(store)
    (found,) = real_events(store)
    assert found["num_mentions"] == 2
    assert found["modality"]["future"] is False  # it happened


# -- order independence and incremental updates -------------------------------------------------


def corpus() -> list[tuple[Article, list[Event]]]:
    """Reports of three events, look-alikes included."""
    week = dt.timedelta(days=7)
    return [
        report("k1", "A", event("k1")),
        report("k2", "B", event("k2", date=DAY + dt.timedelta(days=1))),
        report("k3", "C", event("k3", recipient=(), place=NOWHERE)),
        report("k4", "D", event("k4", date=DAY + week)),
        report("k5", "E", event("k5", date=DAY + week, place=KYIV)),
        report("k6", "F", event("k6", date=DAY + week + dt.timedelta(days=2), place=NOWHERE)),
        report(
            "m1",
            "A",
            event("m1", category="CONSULT", cameo="043", actor=("EGY",), recipient=("QAT",)),
            event("m1", n=1, category="AGREE", cameo="057", actor=("EGY", "QAT"), recipient=()),
        ),
        report("m2", "B", event("m2", category="CONSULT", actor=("QAT",), recipient=("EGY",))),
    ]


def test_insertion_order_does_not_change_the_events(tmp_path: Path) -> None:
    tables = []
    for seed in range(3):
        batch = corpus()
        random.Random(seed).shuffle(batch)
        with Store(tmp_path / f"s{seed}.duckdb") as store:
            for pair in batch:  # one report at a time, clustering after each
                store.add([pair])
                cluster_mentions(store)
            tables.append(events_table(store))
    with Store(":memory:") as store:
        store.add(corpus())
        cluster_mentions(store)
        tables.append(events_table(store))
    assert all(table == tables[0] for table in tables)
    assert len(tables[0]) == 5


def test_new_report_joins_and_recomputes_counts(store: Store) -> None:
    store.add([report("a1", "A", event("a1")), report("a2", "B", event("a2"))])
    cluster_mentions(store)
    (before,) = real_events(store)
    store.add([report("a3", "C", event("a3", date=DAY + dt.timedelta(days=1)))])
    result = cluster_mentions(store)
    assert not result.full
    assert result.reclustered == 3
    (after,) = real_events(store)
    assert after["event_id"] == before["event_id"]
    assert (before["num_articles"], after["num_articles"]) == (2, 3)
    assert after["num_sources"] == 3
    assert after["last_seen"] == (DAY + dt.timedelta(days=1)).isoformat()
    assert cluster_mentions(store).reclustered == 0  # nothing new: nothing to do


def test_earlier_report_takes_over_the_event_id(store: Store) -> None:
    store.add([report("b1", "A", event("b1"))])
    cluster_mentions(store)
    store.add([report("a0", "B", event("a0", date=DAY - dt.timedelta(days=1)))])
    cluster_mentions(store)
    (found,) = real_events(store)
    assert found["event_id"] == content_id("event:a0-0")
    assert store.con.execute("SELECT count(*) FROM events").fetchone() == (1,)


@pytest.mark.parametrize("whole_groups_share", [0.5, 10.0])  # with and without the fallback
def test_incremental_is_the_same_as_clustering_everything(
    monkeypatch: pytest.MonkeyPatch, whole_groups_share: float
) -> None:
    monkeypatch.setattr(accord.dedup.events, "WHOLE_GROUPS_SHARE", whole_groups_share)
    rng = random.Random(11)
    codes = ["RUS", "UKR", "GEO"]
    places = [KHARKIV, KYIV, NOWHERE, NOWHERE]
    batch = []
    for i in range(160):
        actor = (rng.choice(codes),)
        recipient = () if rng.random() < 0.25 else (rng.choice(codes),)
        batch.append(
            report(
                f"r{i:03d}",
                f"O{i % 7}",
                event(
                    f"r{i:03d}",
                    category=rng.choice(["ASSAULT", "CONSULT"]),
                    actor=actor,
                    recipient=recipient,
                    reciprocal=rng.random() < 0.1,
                    date=DAY + dt.timedelta(days=rng.randrange(40)),
                    place=rng.choice(places),
                ),
            )
        )
    with Store(":memory:") as incremental, Store(":memory:") as whole:
        for start in range(0, len(batch), 23):
            incremental.add(batch[start : start + 23])
            cluster_mentions(incremental)
        whole.add(batch)
        cluster_mentions(whole)
        assert clusters(incremental) == clusters(whole)
        assert events_table(incremental) == events_table(whole)
        assert cluster_mentions(whole, full=True).full
        assert events_table(incremental) == events_table(whole)


def test_changed_settings_recluster_everything(store: Store) -> None:
    store.add([report("a1", "A", event("a1"))])
    assert cluster_mentions(store).full
    assert not cluster_mentions(store).full
    assert cluster_mentions(store, window_days=3).full


# -- reading and errors ------------------------------------------------------------------------


def test_real_events_filters(store: Store) -> None:
    store.add(corpus())
    cluster_mentions(store)
    assert len(real_events(store)) == 5
    assert {e["event"] for e in real_events(store, category="consult")} == {"CONSULT"}
    assert len(real_events(store, actor="egy")) == 2
    assert len(real_events(store, recipient="UKR")) == 3
    assert len(real_events(store, start=DAY + dt.timedelta(days=3))) == 2
    assert len(real_events(store, end=DAY)) == 3
    assert len(real_events(store, limit=1)) == 1


def test_bad_settings_and_read_only_store_are_clear_errors(tmp_path: Path) -> None:
    with Store(":memory:") as store, pytest.raises(AccordError, match="window_days"):
        cluster_mentions(store, window_days=-1)
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="read-write"):
        cluster_mentions(store)


# -- scoring -----------------------------------------------------------------------------------


@dataclass
class Coded:
    article: Article
    events: tuple[Event, ...]


class CannedCoder:
    """Stands in for the spaCy coder: a fixed event list per article id."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def code_many(self, articles: Any) -> Iterator[Coded]:
        for item in articles:
            yield Coded(item, tuple(self.events.get(item.id, [])))


def test_score_dedup_counts_pairs_and_misses(tmp_path: Path) -> None:
    records = [
        ("x1", "E1", "2026-03-10"),
        ("x2", "E1", "2026-03-11"),
        ("x3", "E1", "2026-03-11"),
        ("x4", "E2", "2026-03-17"),
        ("x5", "E2", "2026-03-17"),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": i, "outlet": f"O{i}", "date": d, "text": "Words.", "event_key": k})
            + "\n"
            for i, k, d in records
        )
    )
    gold = {"event": "ASSAULT", "actor": "RUS", "recipient": "UKR", "reciprocal": False}
    (tmp_path / "events.json").write_text(json.dumps({"E1": gold, "E2": gold}))
    week = DAY + dt.timedelta(days=7)
    coder = CannedCoder(
        {
            "x1": [event("x1")],
            "x2": [event("x2", place=KYIV)],  # a place error splits it: one missed pair
            "x3": [event("x3", category="ACCUSE", cameo="111")],  # not coded
            "x4": [event("x4", date=week)],
            "x5": [event("x5", date=week, recipient=())],  # actor only
        }
    )
    report = score_dedup(path, coder=coder)
    assert report["articles"] == 5
    assert report["gold_pairs"] == 4
    assert report["coded_articles"] == 3
    assert (report["true_pairs"], report["false_pairs"], report["missed_pairs"]) == (0, 0, 1)
    assert report["misses"][0]["articles"] == ["x1", "x2"]
    assert report["recall"] == 0.0
    assert {u["article"] for u in report["uncoded"]} == {"x3", "x5"}
    assert report["partial"]["true_pairs"] == 1  # x4 and x5
    assert report["gold_pairs"] == 4
    assert report["end_to_end"]["recall"] == 0.0


@pytest.mark.slow
def test_dedup_corpus_keeps_reports_of_one_event_together_and_look_alikes_apart(coder: Any) -> None:
    corpus = Path(__file__).resolve().parents[1] / "evalsets" / "dedup" / "articles.jsonl"
    report = score_dedup(corpus, coder=coder)
    assert report["coded_articles"] >= 30
    assert report["precision"] >= 0.9
    assert report["recall"] >= 0.85


def test_events_without_articles_have_no_named_sources(store: Store) -> None:
    store.add_event_dicts([event("a1").to_dict(), event("a2").to_dict()])
    cluster_mentions(store)
    (found,) = real_events(store)
    assert found["sources"] == []
    assert (found["num_articles"], found["num_sources"]) == (2, 2)  # each report its own
