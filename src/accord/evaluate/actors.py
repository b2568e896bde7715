"""Actor resolution measured on its own: every gold actor span, resolved in its sentence.

The event scores mix two things (was the event found, were its actors right); this one
asks only the resolver: for each annotated actor or recipient text, which actor does the
noun phrase under that text resolve to, and is its country (and sector) the gold one?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from accord.evaluate.gold import ANY_SECTOR, GoldActor, GoldSentence, norm_code, norm_sector
from accord.evaluate.metrics import Rate


@dataclass
class ActorSpanReport:
    country: Rate = field(default_factory=Rate)
    sector: Rate = field(default_factory=Rate)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {"country": self.country.to_dict(), "country_sector": self.sector.to_dict()}


def score_actor_spans(sentences: list[GoldSentence], *, nlp: Any, resolver: Any) -> ActorSpanReport:
    """Resolve each gold actor span of ``sentences`` with ``resolver`` and score it."""
    report = ActorSpanReport()
    country_hits = sector_hits = total = 0
    for sentence in sentences:
        actors = [
            a
            for e in sentence.events
            for side in (e.source, e.target)
            if side
            for a in side
            if a.code and a.text
        ]
        if not actors:
            continue
        doc = nlp(sentence.text)
        state = resolver.analyse(doc, date=sentence.date)
        for gold in actors:
            total += 1
            found = _resolve_span(doc, gold, state, resolver)
            codes = {norm_code(a.code) for a in found}
            ok = gold.code in codes
            country_hits += ok
            sector_ok = ok and (
                gold.sector in (None, ANY_SECTOR)
                or any(
                    norm_code(a.code) == gold.code
                    and gold.sector in {norm_sector(s) for s in (a.sector, *a.sectors)}
                    for a in found
                )
            )
            sector_hits += sector_ok
            if not sector_ok:
                report.misses.append(
                    {
                        "id": sentence.id,
                        "span": gold.text,
                        "gold": gold.raw,
                        "resolved": [f"{a.code} {a.sector or ''}".strip() for a in found],
                        "why": [a.reason for a in found][:1],
                    }
                )
    report.country = Rate(country_hits, total)
    report.sector = Rate(sector_hits, total)
    return report


def _resolve_span(doc: Doc, gold: GoldActor, state: Any, resolver: Any) -> list[Any]:
    span = _find(doc, gold.text)
    if span is None:
        return []
    found: list[Any] = []
    for token in span:
        for actor in resolver.actor_of(token, state):
            if actor not in found:
                found.append(actor)
    return found


def _find(doc: Doc, text: str) -> Span | None:
    """The sentence's span for a gold actor text. Gold texts are copied by hand: they may
    differ in case or spacing, elide words ("U.S. ... negotiators") or skip a coordinated
    part ("French warships" in "French and Egyptian warships"): then the span runs from the
    first word to the last one after it."""
    start = doc.text.find(text)
    if start >= 0:
        return doc.char_span(start, start + len(text), alignment_mode="expand")
    words = text.replace("…", " ... ").split()
    pieces = [w for w in words if not _ELLIPSIS.fullmatch(w)]
    if not pieces:
        return None
    spaced = r"\s+".join(map(re.escape, pieces))
    found = re.search(spaced, doc.text, re.IGNORECASE)
    if found is None and len(pieces) > 1:
        first, last = pieces[0], pieces[-1]
        gap = (
            re.escape(first)
            + (r"\b" if first[-1].isalnum() else "")
            + ".{0,60}?"  # a few words apart at most
            + (r"\b" if last[0].isalnum() else "")
            + re.escape(last)
        )
        found = re.search(gap, doc.text, re.IGNORECASE)
    if found is None:
        return None
    return doc.char_span(found.start(), found.end(), alignment_mode="expand")


_ELLIPSIS = re.compile(r"\.{2,}")
