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
