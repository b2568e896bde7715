"""The main job of ``make run``: ingest the bundled samples and summarise what was found."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from accord.batch import ingest_paths
from accord.domain import Article, Event
from accord.ingest import read_articles
from accord.pipeline import default_coder

SAMPLES = Path(__file__).parent / "samples" / "articles"
MANIFEST = SAMPLES.parent / "manifest.json"
SAMPLE_ARTICLE = SAMPLES / "iran-turkey-defense-chiefs.txt"
SAMPLE_DATE = dt.date(2025, 9, 24)


def sample_dates(manifest: Path = MANIFEST) -> dict[str, dt.date]:
    """Publication dates of the bundled samples, from their manifest."""
    dates = {SAMPLE_ARTICLE.name: SAMPLE_DATE}
    if manifest.exists():
        for row in json.loads(manifest.read_text(encoding="utf-8")):
            if row.get("date"):
                dates[row["file"]] = dt.date.fromisoformat(row["date"])
    return dates


def run_demo(*, db: str, samples: Path | None = None) -> str:
    """Ingest every sample article into ``db`` and return a readable summary."""
    from accord.cli import format_table
    from accord.store import Store

    samples = samples or SAMPLES
    coder = default_coder()
    dates = sample_dates()
    lines = []
    files = sorted(p for p in samples.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    total_read = total_events = 0
    for path in files:
        result = ingest_paths([str(path)], db=db, coder=coder, date=dates.get(path.name))
        total_read += result.read
        total_events += result.events
    with Store(db, read_only=True) as store:
        stats = store.stats()
    lines.append(f"accord demo: {len(files)} sample articles from {samples} into {db}")
    lines.append(
        f"store holds {stats['articles']} articles and {stats['events']} events "
        f"(this run added {total_events})"
    )
    lines.append("")
    lines.append("Events per PLOVER category:")
    for category, count in sorted(stats["by_category"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {category:<10} {count:>4}")
    lines.append("")
    lines.append("Most active dyads (actor -> recipient):")
    for dyad in stats["top_dyads"][:10]:
        lines.append(f"  {dyad['actor']:>4} -> {dyad['recipient'] or '-':<4} {dyad['count']:>4}")
    sample = [
        a for a in read_articles([str(SAMPLE_ARTICLE)], date=SAMPLE_DATE) if isinstance(a, Article)
    ]
    if sample:
        events: list[Event] = coder.code(sample[0])
        lines.append("")
        lines.append(f"Events of the sample article ({SAMPLE_ARTICLE.name}):")
        lines.append(format_table([e.to_dict() for e in events]))
    return "\n".join(lines)
