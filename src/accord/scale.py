"""Scale-out: the same per-article coding on a Dask cluster, partition by partition.

Workers load the spaCy pipeline once each (``default_coder`` is cached per process) and
return plain ``Event`` values; the caller stores them, so the store keeps a single writer.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from dask.distributed import Client, Future, LocalCluster

from accord.domain import Article, Event
from accord.pipeline import Options, coder_for


def code_partition(
    articles: Sequence[Article], options: Options
) -> list[tuple[Article, tuple[Event, ...]]]:
    """Code one partition in a worker process (module-level so Dask ships only its name)."""
    coder = coder_for(options)
    return [(coded.article, coded.events) for coded in coder.code_many(articles)]


@contextmanager
def local_cluster(workers: int) -> Iterator[Client]:
    """A local Dask cluster of ``workers`` single-threaded processes."""
    # glibc's trim threshold set by Dask's nanny halves throughput on spaCy workloads
    os.environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        env={"MALLOC_TRIM_THRESHOLD_": ""},
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def code_distributed(
    articles: Iterable[Article],
    *,
    client: Client,
    options: Options | None = None,
    partition_size: int = 32,
    in_flight: int = 4,
) -> Iterator[tuple[Article, tuple[Event, ...]]]:
    """Code ``articles`` on the cluster behind ``client``, yielding results in input order.

    At most ``in_flight`` partitions are queued at a time, so a corpus of any size streams.
    """
    options = options or Options()
    pending: deque[Future] = deque()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= partition_size:
            pending.append(client.submit(code_partition, batch, options, pure=False))
            batch = []
            while len(pending) >= in_flight:
                yield from pending.popleft().result()
    if batch:
        pending.append(client.submit(code_partition, batch, options, pure=False))
    while pending:
        yield from pending.popleft().result()
