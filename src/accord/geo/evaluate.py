"""Score event location and event date against a hand-labelled set (evalsets/places.jsonl).

Each record: ``{"id", "text", "published", "dateline", "trigger", "place": {"name",
"country"} | null, "date", "date_precision"}``, optionally ``"context_countries"`` (the
countries the actor stage would have found in the article).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from accord.domain import Place
from accord.errors import DataError
from accord.geo.gazetteer import Gazetteer, normalize, resolve_toponym
from accord.geo.locate import locate_event
from accord.timex import resolve_event_date


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines evaluation file; a bad line raises DataError with its number."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataError(str(path), None, f"cannot read: {err}") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataError(str(path), number, f"invalid JSON: {err.msg}") from err
        missing = {"id", "text", "trigger", "place", "date"} - set(record)
        if missing:
            raise DataError(str(path), number, f"missing fields: {', '.join(sorted(missing))}")
        records.append(record)
    return records


def score_places(
    records: Iterable[Mapping[str, Any]], *, nlp: Language | None = None
) -> dict[str, Any]:
    """Parse each record, locate and date its event, and compare with the labels.

    Returns ``{"n", "country_accuracy", "place_accuracy", "date_exact", "misses"}``;
    ``date_exact`` needs both the date and its precision right.
    """
    if nlp is None:
        from accord import nlp as accord_nlp

        nlp = accord_nlp.load()
    n = countries = places = dates = 0
    misses: list[dict[str, Any]] = []
    for record in records:
        n += 1
        doc = nlp(record["text"])
        trigger = _trigger(doc, record["trigger"])
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
        place = locate_event(
            doc,
            trigger,
            article_countries=record.get("context_countries") or (),
            dateline=record.get("dateline"),
        )
        when = resolve_event_date(trigger.sent, published=published, trigger=trigger)
        expected = record.get("place")
        country_ok = _country_ok(place, expected)
        place_ok = country_ok and _place_ok(place, expected)
        got_date = when.date.isoformat() if when.date else None
        date_ok = got_date == record.get("date") and when.precision == record.get(
            "date_precision", when.precision
        )
        countries += country_ok
        places += place_ok
        dates += date_ok
        if not (place_ok and date_ok):
            misses.append(
                {
                    "id": record["id"],
                    "text": record["text"],
                    "expected_place": expected,
                    "got_place": {"name": place.name, "country": place.country},
                    "place_reason": place.reason,
                    "expected_date": [record.get("date"), record.get("date_precision")],
                    "got_date": [got_date, when.precision],
                    "date_reason": when.reason,
                }
            )
    return {
        "n": n,
        "country_accuracy": round(countries / n, 4) if n else 0.0,
        "place_accuracy": round(places / n, 4) if n else 0.0,
        "date_exact": round(dates / n, 4) if n else 0.0,
        "misses": misses,
    }


def _trigger(doc: Doc, word: str) -> Token:
    for token in doc:
        if token.text == word:
            return token
    for token in doc:
        if token.lower_ == word.lower() or word.lower() in token.lower_:
            return token
    return doc[0].sent.root


def _country_ok(place: Place, expected: Mapping[str, Any] | None) -> bool:
    if expected is None:
        return place.name is None
    return place.name is not None and place.country == expected.get("country")


def _place_ok(place: Place, expected: Mapping[str, Any] | None) -> bool:
    if expected is None:
        return place.name is None
    if place.name is None:
        return False
    name = str(expected.get("name") or "")
    if normalize(name) == normalize(place.name):
        return True
    ids = {c.gazetteer_id for c in Gazetteer.load().candidates(name)}
    resolved, _ = resolve_toponym(name)
    if resolved is not None and resolved.gazetteer_id:
        ids.add(resolved.gazetteer_id)
    return place.gazetteer_id in ids
