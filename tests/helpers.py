"""Shared test helpers (importable because pytest puts tests/ on sys.path)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "accord" / "samples"
SAMPLE = SAMPLES / "articles" / "iran-turkey-defense-chiefs.txt"
SAMPLE_DATE = dt.date(2025, 9, 24)


def dyads(events, category):
    """Directed (actor, recipient) country pairs of the events of one category."""
    pairs = set()
    for event in events:
        if event.event != category:
            continue
        people = list(event.actor) + (list(event.recipient) if event.reciprocal else [])
        targets = list(event.recipient) + (list(event.actor) if event.reciprocal else [])
        for a in people:
            for r in targets:
                if a is not r and a.code != r.code:
                    pairs.add((a.code, r.code))
    return pairs


def resolve(coder, text: str, phrase: str, date: dt.date | None = None) -> list:
    """The actors of the noun phrases covering ``phrase`` in ``text``, in order, once each."""
    doc = coder.nlp(text)
    state = coder.resolver.analyse(doc, date=date)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    found: list = []
    for token in span:
        for actor in coder.resolver.actor_of(token, state):
            if actor not in found:
                found.append(actor)
    return found


def codes(actors) -> set[tuple[str | None, str | None]]:
    """(country, sector) of each actor."""
    return {(a.code, a.sector) for a in actors}
