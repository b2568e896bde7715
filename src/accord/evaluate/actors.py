"""Actor resolution measured on its own: every gold actor span, resolved in its sentence.

The event scores mix two things (was the event found, were its actors right); this one
asks only the resolver: for each annotated actor or recipient text, which actor does the
noun phrase under that text resolve to, and is its country (and sector) the gold one?
"""

from __future__ import annotations

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
    start = doc.text.find(text)
    if start < 0:
        start = doc.text.lower().find(text.lower())
    if start < 0:
        return None
    return doc.char_span(start, start + len(text), alignment_mode="expand")
