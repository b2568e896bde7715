"""The evaluation report: headline numbers as a dict, the whole of it as Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.evaluate.cameo import CameoReport
from accord.evaluate.gsr import NONE, GsrReport
from accord.evaluate.metrics import Rate, Score

LIST_CAP = 100  # rows per miss list in the Markdown report


@dataclass(frozen=True)
class CoderFailure:
    """A sentence the coder refused with an AccordError; it counts as producing nothing."""

    id: str
    error: str


@dataclass(frozen=True)
class NoEventCount:
    """Sentences the gold says carry no event, and the (false) events produced on them."""

    sentences: int = 0
    events: int = 0


@dataclass(frozen=True)
class EvalReport:
    eval_dir: Path
    limit: int | None
    plover_gsr: GsrReport | None  # None when its file is absent
    cameo_manual: CameoReport | None
    no_event: NoEventCount
    failures: tuple[CoderFailure, ...]

    def summary(self) -> dict[str, Any]:
        """The headline numbers, JSON-serialisable."""
        gsr, cameo = self.plover_gsr, self.cameo_manual
        return {
            "eval_dir": str(self.eval_dir),
            "limit": self.limit,
            "plover_gsr": _gsr_summary(gsr) if gsr is not None else None,
            "cameo_manual": _cameo_summary(cameo) if cameo is not None else None,
            "no_event": {"sentences": self.no_event.sentences, "events": self.no_event.events},
            "coder_errors": len(self.failures),
        }

    def to_markdown(self) -> str:
        """A readable report: score tables, confusion table and capped miss lists."""
        limit = f" (first {self.limit} records of each file)" if self.limit is not None else ""
        parts = [f"# accord evaluation\n\nGold data: `{self.eval_dir}`{limit}"]
        if self.plover_gsr is not None:
            parts.append(_gsr_markdown(self.plover_gsr))
        if self.cameo_manual is not None:
            parts.append(_cameo_markdown(self.cameo_manual))
        parts.append(
            "## No-event sentences\n\n"
            f"{self.no_event.events} events produced on {self.no_event.sentences} sentences "
            "that carry none."
        )
        if self.failures:
            rows = [(f.id, f.error) for f in self.failures]
            parts.append("## Coder errors\n\n" + _capped(("id", "error"), rows))
        return "\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class SetReport:
    """One event set in the gold record shape (the project's own), scored like the gold."""

    path: Path
    limit: int | None
    gsr: GsrReport
    no_event: NoEventCount
    failures: tuple[CoderFailure, ...]

    def summary(self) -> dict[str, Any]:
        """The headline numbers, JSON-serialisable."""
        return {
            "path": str(self.path),
            "limit": self.limit,
            **_gsr_summary(self.gsr),
            "no_event": {"sentences": self.no_event.sentences, "events": self.no_event.events},
            "coder_errors": len(self.failures),
        }

    def to_markdown(self, title: str) -> str:
        """Score tables, per-category table, confusion and miss lists under ``title``."""
        limit = f" (first {self.limit} records)" if self.limit is not None else ""
        parts = [
            _gsr_markdown(self.gsr, title=f"{title}{limit}"),
            "### No-event sentences\n\n"
            f"{self.no_event.events} events produced on {self.no_event.sentences} sentences "
            "that carry none.",
        ]
        if self.failures:
            rows = [(f.id, f.error) for f in self.failures]
            parts.append("### Coder errors\n\n" + _capped(("id", "error"), rows))
        return "\n\n".join(parts)


def _gsr_summary(gsr: GsrReport) -> dict[str, Any]:
    actors, places = gsr.actors, gsr.locations
    return {
        "sentences": gsr.sentences,
        "gold_events": gsr.gold_events,
        "system_events": gsr.system_events,
        "dyad": gsr.dyad.to_dict(),
        "dyad_sector": gsr.dyad_sector.to_dict(),
        "event": gsr.event.to_dict(),
        "false_events_per_gold_event": round(gsr.false_events_per_gold_event, 4),
        "actor_only_pairs": gsr.actor_only_pairs,
        "actor_found": actors.found.to_dict(),
        "actor_country": actors.country.to_dict(),
        "actor_sector": actors.sector.to_dict(),
        "location_events": places.events,
        "location_matched": places.matched,
        "location_name": places.name.to_dict(),
        "location_country": places.country.to_dict(),
    }


def _cameo_summary(cameo: CameoReport) -> dict[str, Any]:
    return {
        "codes": cameo.codes,
        "plover": cameo.plover.to_dict() if cameo.plover is not None else None,
        "root": cameo.root.to_dict(),
        "base": cameo.base.to_dict(),
        "full": cameo.full.to_dict(),
    }


def _gsr_markdown(gsr: GsrReport, *, title: str = "PLOVER gold standard records") -> str:
    scores = [
        ("dyad (category + countries)", gsr.dyad),
        ("dyad (category + countries + sectors)", gsr.dyad_sector),
        ("event only (category)", gsr.event),
    ]
    actors, places = gsr.actors, gsr.locations
    parts = [
        f"## {title}",
        f"{gsr.sentences} sentences, {gsr.gold_events} gold events, "
        f"{gsr.system_events} system events. False events per gold event: "
        f"**{gsr.false_events_per_gold_event:.2f}**. {gsr.actor_only_pairs} gold pairs have "
        "an unannotated side and are matched on category and the other side.",
        _table(("level", "P", "R", "F1", "TP", "FP", "FN"), [_score_row(n, s) for n, s in scores]),
        "### Actors\n\nEvery gold actor span, against the system actors whose text overlaps it.",
        _table(
            ("measure", "rate", "hits", "total"),
            [
                _rate_row("span found", actors.found),
                _rate_row("country correct", actors.country),
                _rate_row("country + sector correct", actors.sector),
            ],
        ),
        f"### Locations\n\n{places.events} gold events name a place; a system event matched "
        f"{places.matched} of them. Country is scored where the gold implies one.",
        _table(
            ("measure", "rate", "hits", "total"),
            [_rate_row("place name", places.name), _rate_row("country", places.country)],
        ),
        "### Per category",
        _table(
            ("category", "event P", "event R", "event F1", "dyad P", "dyad R", "dyad F1", "gold"),
            [
                (
                    row.category,
                    *(f"{v:.3f}" for v in _prf(row.event)),
                    *(f"{v:.3f}" for v in _prf(row.dyad)),
                    str(row.event.tp + row.event.fn),
                )
                for row in gsr.per_category
            ],
        ),
        "### Confusion (rows: gold category, columns: predicted)",
        _confusion(gsr.confusion),
        _section(
            "Misses (gold events with a dyad not produced)",
            ("id", "text", "gold", "missing", "produced"),
            [
                (m.id, m.text, m.gold, "; ".join(m.missing), "; ".join(m.produced))
                for m in gsr.misses
            ],
        ),
        _section(
            "False positives (system events with a dyad the gold lacks)",
            ("id", "text", "produced", "gold"),
            [(f.id, f.text, f.produced, "; ".join(f.gold)) for f in gsr.false_positives],
        ),
        _section(
            "Actor misses (country + sector)",
            ("id", "gold span", "gold", "overlapping system actors"),
            [(m.id, m.text, m.gold, "; ".join(m.produced)) for m in actors.misses],
        ),
        _section(
            "Location misses",
            ("id", "gold", "produced"),
            [(m.id, m.gold, m.produced) for m in places.misses],
        ),
    ]
    return "\n\n".join(parts)


def _cameo_markdown(cameo: CameoReport) -> str:
    rows = [
        _rate_row("root (2 digits)", cameo.root),
        _rate_row("base (3 digits)", cameo.base),
        _rate_row("full code", cameo.full),
    ]
    if cameo.plover is not None:
        rows.insert(0, _rate_row("PLOVER category (01, 02 excluded)", cameo.plover))
    parts = [
        "## CAMEO manual examples",
        f"{cameo.codes} gold codes; a hit when any event produced for the sentence carries it.",
        _table(("level", "rate", "hits", "total"), rows),
        _section(
            "Misses (full code not produced)",
            ("id", "text", "gold", "produced"),
            [(m.id, m.text, m.gold, "; ".join(m.produced)) for m in cameo.misses],
        ),
    ]
    return "\n\n".join(parts)


def _prf(score: Score) -> tuple[float, float, float]:
    return score.precision, score.recall, score.f1


def _score_row(name: str, score: Score) -> tuple[str, ...]:
    p, r, f = _prf(score)
    return (name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(score.tp), str(score.fp), str(score.fn))


def _rate_row(name: str, rate: Rate) -> tuple[str, ...]:
    return (name, f"{rate.rate:.3f}", str(rate.hits), str(rate.total))


def _confusion(cells: Sequence[tuple[str, str, int]]) -> str:
    gold = sorted({g for g, _, _ in cells}, key=lambda c: (c == NONE, c))
    predicted = sorted({p for _, p, _ in cells}, key=lambda c: (c == NONE, c))
    counts = {(g, p): n for g, p, n in cells}
    rows = [(g, *(str(counts.get((g, p), "")) for p in predicted)) for g in gold]
    return _table(("gold \\ predicted", *predicted), rows)


def _section(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    return f"### {title}\n\n{_capped(header, rows)}"


def _capped(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return "None."
    note = f"\n\n{len(rows) - LIST_CAP} more not shown." if len(rows) > LIST_CAP else ""
    return _table(header, rows[:LIST_CAP]) + note


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [_row(header), "|" + "---|" * len(header)]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
