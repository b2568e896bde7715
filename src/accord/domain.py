"""Domain values that flow through the pipeline: plain, frozen dataclasses.

``Event.to_dict`` is the output contract of DESIGN.md; every exporter goes through it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any


def content_id(text: str) -> str:
    """Stable id for a piece of content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news article. ``text`` is the body without headline and dateline."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: str | None = None  # place named in the dateline, e.g. "TEHRAN" -> "Tehran"
    language: str = "en"
    origin: str | None = None  # where it was read from: "path", "path:line", "<stdin>"


@dataclass(frozen=True)
class Actor:
    """A resolved actor mention. ``code`` is ISO 3166 alpha-3 or IGO/NGO/IMG/MNC/UNO/EUR."""

    code: str | None
    sector: str | None
    name: str
    text: str
    sectors: tuple[str, ...] = ()  # all sectors, primary first
    role: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "sector": self.sector,
            "name": self.name,
            "text": self.text,
            "sectors": list(self.sectors) or ([self.sector] if self.sector else []),
            "role": self.role,
        }


@dataclass(frozen=True)
class Place:
    """A resolved toponym, or an abstention (``geo_precision == "none"``) with its reason."""

    name: str | None
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str = "none"  # point | city | admin1 | country | none
    reason: str = ""
    gazetteer_id: str | None = None
    # Tied to the event word in the parse ("met in Ankara"), not merely named elsewhere in
    # the sentence or taken from the dateline. Used by the coder; not part of the output.
    attached: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "gazetteer_id": self.gazetteer_id,
            "geo_precision": self.geo_precision,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False

    @property
    def happened(self) -> bool:
        """False when the event did not (yet) happen in the reporting window."""
        return not (self.negated or self.hypothetical or self.historical)


@dataclass(frozen=True)
class Evidence:
    sentence_index: int
    sentence: str
    start: int  # character offsets of the sentence in Article.text
    end: int
    trigger: str


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    date: dt.date | None
    date_precision: str  # day | week | month | year | publication | none
    event: str  # PLOVER category
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    quad_class: int
    goldstein: float
    plover_scale: float
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    reciprocal: bool
    modality: Modality
    location: Place
    speaker: Actor | None
    quote: str | None
    evidence: tuple[Evidence, ...]  # first is the primary; repeats of the event follow
    confidence: float
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        primary = self.evidence[0]
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover_scale": self.plover_scale,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "reciprocal": self.reciprocal,
            "modality": {
                "negated": self.modality.negated,
                "future": self.modality.future,
                "hypothetical": self.modality.hypothetical,
                "historical": self.modality.historical,
            },
            "location": self.location.to_dict(),
            "source": {
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "quote": self.quote,
            },
            "evidence": {
                "sentence_index": primary.sentence_index,
                "sentence": primary.sentence,
                "start": primary.start,
                "end": primary.end,
                "trigger": primary.trigger,
                "also": [
                    {"sentence_index": e.sentence_index, "start": e.start, "end": e.end}
                    for e in self.evidence[1:]
                ],
            },
            "confidence": self.confidence,
            **self.extra,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)
