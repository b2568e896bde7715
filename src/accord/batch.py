"""Code and store many articles: batches, one transaction each, failures recorded.

A killed run loses at most its open batch; running it again skips what was stored and codes
the rest, so the store ends up exactly as after an uninterrupted run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from accord.domain import Article, Event
from accord.ingest import BadRecord, read_articles
from accord.pipeline import Coder
from accord.store import Store


@dataclass
class IngestResult:
    read: int = 0
    added: int = 0
    skipped: int = 0  # stored before
    events: int = 0
    failed: int = 0

    def summary(self) -> str:
        return (
            f"{self.read} articles read: {self.added} added, {self.skipped} already stored, "
            f"{self.failed} failed; {self.events} events added"
        )


def ingest_paths(
    paths: Sequence[str],
    *,
    db: str,
    coder: Coder | None = None,
    date: dt.date | None = None,
    batch_size: int = 50,
    strict: bool = False,
    on_problem: Callable[[str], None] | None = None,
) -> IngestResult:
    """Read, code and store ``paths`` into the DuckDB store ``db``."""
    coder = coder or Coder()
    result = IngestResult()
    with Store(db) as store:
        run_id = store.start_run(command="ingest", sources=list(paths))
        status = "failed"
        try:
            for batch in _batches(read_articles(paths, date=date), batch_size):
                articles: list[Article] = []
                for item in batch:
                    if isinstance(item, BadRecord):
                        result.failed += 1
                        store.add_failure(item.origin, item.reason, run_id=run_id)
                        if on_problem:
                            on_problem(f"{item.origin}: {item.reason}")
                        if strict:
                            raise SystemExit(1)
                        continue
                    articles.append(item)
                result.read += len(articles)
                known = store.known_articles(a.id for a in articles)
                fresh = [a for a in articles if a.id not in known]
                coded: list[tuple[Article, Sequence[Event]]] = [
                    (c.article, c.events) for c in coder.code_many(fresh)
                ]
                added = store.add(coded, run_id=run_id)
                result.added += added.articles_added
                result.skipped += len(articles) - added.articles_added
                result.events += added.events_added
            status = "done"
        finally:
            store.finish_run(run_id, status=status, counts=result.__dict__)
    return result


def _batches(
    items: Iterable[Article | BadRecord], size: int
) -> Iterable[list[Article | BadRecord]]:
    batch: list[Article | BadRecord] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
