"""Scoring against the CAMEO manual's examples: one gold code per sentence, as classification.

A sentence is a hit at a level when any event the system produced for it carries the gold
code at that level: PLOVER category (gold code converted through the 2021 table; CAMEO 01
and 02 have none and leave the PLOVER denominator), root (2 digits), base (3), full code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from accord.domain import Event
from accord.evaluate.gold import GoldSentence, plover_of
from accord.evaluate.metrics import Rate


@dataclass(frozen=True)
class CameoMiss:
    id: str
    text: str
    gold: str  # "0311 (AGREE)"
    produced: tuple[str, ...]  # "AGREE/031" per system event


@dataclass(frozen=True)
class CameoReport:
    codes: int  # gold codes scored (one per sentence in the manual)
    plover: Rate | None  # None without a conversion table
    root: Rate
    base: Rate
    full: Rate
    misses: tuple[CameoMiss, ...]  # sentences whose full code was not produced


def score_cameo(
    coded: Iterable[tuple[GoldSentence, Sequence[Event]]],
    *,
    conversion: dict[str, str | None] | None,
) -> CameoReport:
    """Score sentences that carry a gold CAMEO code; ``conversion`` maps CAMEO -> PLOVER."""
    codes = 0
    plover = root = base = full = Rate()
    misses: list[CameoMiss] = []
    for sentence, events in coded:
        for gold in dict.fromkeys(e.cameo for e in sentence.events if e.cameo):
            codes += 1
            produced = [event.cameo for event in events if event.cameo]
            root += Rate(int(any(c[:2] == gold[:2] for c in produced)), 1)
            if len(gold) >= 3:
                base += Rate(int(any(c[:3] == gold[:3] for c in produced)), 1)
            full_hit = gold in produced
            full += Rate(int(full_hit), 1)
            gold_plover = plover_of(gold, conversion) if conversion is not None else None
            if gold_plover is not None:
                categories = {event.event.upper() for event in events}
                plover += Rate(int(gold_plover in categories), 1)
            if not full_hit:
                misses.append(
                    CameoMiss(
                        id=sentence.id,
                        text=sentence.text,
                        gold=f"{gold} ({gold_plover or '-'})",
                        produced=tuple(f"{e.event}/{e.cameo}" for e in events),
                    )
                )
    return CameoReport(
        codes=codes,
        plover=plover if conversion is not None else None,
        root=root,
        base=base,
        full=full,
        misses=tuple(misses),
    )
