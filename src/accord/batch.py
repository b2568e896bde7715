"""Code and store many articles: batches, one transaction each, failures recorded.

A killed run loses at most its open batch; running it again skips what was stored and codes
the rest, so the store ends up exactly as after an uninterrupted run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from accord.dedup import update_events
from accord.domain import Article, Event
from accord.errors import InputError
from accord.ingest import BadRecord, DuplicateDetector, read_articles
from accord.pipeline import Coder, Options
from accord.scale import code_distributed, local_cluster
from accord.store import Store


@dataclass
class IngestResult:
    read: int = 0
    added: int = 0
    skipped: int = 0  # stored before
    events: int = 0
    failed: int = 0
    events_merged: int | None = None  # deduplicated events in the store after the run
    copies: int = 0  # articles whose text repeats (or nearly) an earlier one of this run

    def summary(self) -> str:
        return (
            f"{self.read} articles read: {self.added} added, {self.skipped} already stored, "
            f"{self.failed} failed; {self.events} events added"
            + (f"; {self.copies} copies of earlier articles" if self.copies else "")
            + (
                f"; {self.events_merged} real-world events in the store"
                if self.events_merged is not None
                else ""
            )
        )


def ingest_paths(
    paths: Sequence[str],
    *,
    db: str,
    coder: Coder | None = None,
    date: dt.date | None = None,
    batch_size: int = 50,
    strict: bool = False,
    workers: int = 1,
    dedup: bool = True,
    on_problem: Callable[[str], None] | None = None,
    on_batch: Callable[[IngestResult], None] | None = None,
) -> IngestResult:
    """Read, code and store ``paths`` into the DuckDB store ``db``.

    ``workers > 1`` codes on a local Dask cluster of that many processes; storing stays here.
    """
    with contextlib.ExitStack() as stack:
        if workers > 1:
            client = stack.enter_context(local_cluster(workers))

            options = coder.options if coder else Options()

            def code(articles: list[Article]) -> list[tuple[Article, Sequence[Event]]]:
                size = max(1, -(-len(articles) // workers))
                return list(
                    code_distributed(articles, client=client, options=options, partition_size=size)
                )
        else:
            local = coder or Coder()

            def code(articles: list[Article]) -> list[tuple[Article, Sequence[Event]]]:
                return [(c.article, c.events) for c in local.code_many(articles)]

        store = stack.enter_context(Store(db))
        result = _ingest(
            store,
            paths,
            code,
            date=date,
            batch_size=batch_size,
            strict=strict,
            on_problem=on_problem,
            on_batch=on_batch,
        )
        if dedup and result.added:
            result.events_merged = update_events(store).events
        return result


def _ingest(
    store: Store,
    paths: Sequence[str],
    code: Callable[[list[Article]], list[tuple[Article, Sequence[Event]]]],
    *,
    date: dt.date | None,
    batch_size: int,
    strict: bool,
    on_problem: Callable[[str], None] | None,
    on_batch: Callable[[IngestResult], None] | None,
) -> IngestResult:
    result = IngestResult()
    recorded = {(f["origin"], f["reason"]) for f in store.failures()}
    # Republished wire copy is kept (each outlet's report counts as a source) but counted.
    copies = DuplicateDetector()
    run_id = store.start_run(command="ingest", sources=list(paths))
    status = "failed"
    try:
        for batch in _batches(read_articles(paths, date=date), batch_size):
            articles: list[Article] = []
            for item in batch:
                if isinstance(item, Article):
                    articles.append(item)
                    continue
                result.failed += 1
                if (item.origin, item.reason) not in recorded:  # a rerun records it once
                    store.add_failure(item.origin, item.reason, run_id=run_id)
                    recorded.add((item.origin, item.reason))
                if on_problem:
                    on_problem(f"{item.origin}: {item.reason}")
                if strict:
                    raise InputError(item.origin, item.reason)
            result.read += len(articles)
            result.copies += sum(copies.check(a) not in {None, a.id} for a in articles)
            failed_before = {o for o, _ in recorded}
            for article in articles:
                if article.origin in failed_before:  # a fixed record, read on a retry
                    store.clear_failure(origin=article.origin)
                    recorded = {(o, r) for o, r in recorded if o != article.origin}
            known = store.known_articles(a.id for a in articles)
            added = store.add(code([a for a in articles if a.id not in known]), run_id=run_id)
            result.added += added.articles_added
            result.skipped += len(articles) - added.articles_added
            result.events += added.events_added
            if on_batch:
                on_batch(result)  # the batch is committed
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
