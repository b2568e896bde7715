"""The bundled sample articles and the deduplication evaluation set are well formed."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "accord" / "samples"
ARTICLES = SAMPLES / "articles"
DEDUP = ROOT / "evalsets" / "dedup"

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
# ISO 3166 alpha-3, or a non-state code of the same shape (IGO, UNO, EUR ...)
ACTOR_CODE = re.compile(r"^[A-Z]{3}$")
# "DHAKA, March 3 (Reuters) - ", "NAIROBI (AP) — ", "KYIV, Ukraine — ", "TEHRAN (Tasnim) – "
DATELINE = re.compile(r"^[A-Z][A-Z'. -]*[A-Z](?:, [A-Z][\w. ]*?)*(?: \([^()]+\))? (?:--|-|–|—) \S")


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture(scope="module")
def manifest() -> list[dict]:
    return json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    lines = (DEDUP / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def events() -> dict[str, dict]:
    return json.loads((DEDUP / "events.json").read_text(encoding="utf-8"))


def test_manifest_lists_exactly_the_sample_files(manifest):
    listed = [entry["file"] for entry in manifest]
    assert len(listed) == len(set(listed))
    assert set(listed) == {p.name for p in ARTICLES.glob("*.txt")}
    assert len(listed) >= 30


def test_manifest_entries_are_complete(manifest):
    for entry in manifest:
        assert entry["title"] and entry["outlet"], entry["file"]
        assert 2025 <= _date(entry["date"]).year <= 2026, entry["file"]
        assert entry["expected"], entry["file"]
        for expected in entry["expected"]:
            assert expected["event"] in PLOVER, entry["file"]
            assert ACTOR_CODE.match(expected["actor"]), entry["file"]
            recipient = expected["recipient"]
            assert recipient is None or ACTOR_CODE.match(recipient), entry["file"]


def test_manifest_titles_match_the_headlines(manifest):
    for entry in manifest:
        headline = (ARTICLES / entry["file"]).read_text(encoding="utf-8").splitlines()[0]
        assert headline.strip() == entry["title"], entry["file"]


def test_every_plover_category_is_expected_at_least_twice(manifest):
    counts = Counter(e["event"] for entry in manifest for e in entry["expected"])
    assert {c for c in PLOVER if counts[c] < 2} == set()


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_sample_has_headline_and_dateline(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 2
    headline, body = lines[0], lines[1]
    assert headline.strip() and not headline.rstrip().endswith(".")
    assert DATELINE.match(body), body[:60]


def test_dateline_pattern_accepts_the_wire_styles():
    for body in (
        "DHAKA, March 3 (Reuters) - Workers",
        "NAIROBI (AP) — Kenya",
        "KYIV, Ukraine — Russia",
        "TEHRAN (Tasnim) – Iran",
        "GOMA, Congo, April 9 (Reuters) - M23",
        "SEOUL, May 20 (Yonhap) -- Lee",
    ):
        assert DATELINE.match(body), body
    assert not DATELINE.match("Kenya sent aid to Somalia on Tuesday.")


def test_dedup_corpus_has_enough_articles_outlets_and_events(articles, events):
    assert len(articles) >= 80
    assert len({a["outlet"] for a in articles}) >= 12
    assert len({a["event_key"] for a in articles}) >= 25


def test_dedup_ids_are_unique_and_records_complete(articles):
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids))
    for article in articles:
        assert set(article) == {"id", "outlet", "date", "title", "text", "event_key"}
        assert article["title"].strip() and article["text"].strip(), article["id"]
        _date(article["date"])


def test_dedup_event_keys_are_described(articles, events):
    used = {a["event_key"] for a in articles}
    assert used <= set(events)
    assert set(events) <= used
    for key, event in events.items():
        assert event["event"] in PLOVER, key
        assert ACTOR_CODE.match(event["actor"]), key
        assert event["recipient"] is None or ACTOR_CODE.match(event["recipient"]), key
        _date(event["date"])


def test_each_dedup_event_is_reported_by_two_to_five_outlets_within_three_days(articles, events):
    by_key: dict[str, list[dict]] = defaultdict(list)
    for article in articles:
        by_key[article["event_key"]].append(article)
    for key, reports in by_key.items():
        assert 2 <= len(reports) <= 5, key
        assert len({r["outlet"] for r in reports}) == len(reports), key
        happened = _date(events[key]["date"])
        for report in reports:
            assert 0 <= (_date(report["date"]) - happened).days <= 3, report["id"]


def test_dedup_lookalikes_are_symmetric_and_really_alike(events):
    pairs = {(k, other) for k, e in events.items() for other in e.get("lookalikes", [])}
    assert pairs, "the corpus must contain deliberate look-alike events"
    for key, other in pairs:
        assert other in events and other != key
        assert (other, key) in pairs, (key, other)
        a, b = events[key], events[other]
        shared_day = a["date"] == b["date"]
        shared_dyad = {a["actor"], a["recipient"]} & {b["actor"], b["recipient"]} - {None}
        assert shared_day or shared_dyad or a["place"] == b["place"], (key, other)
