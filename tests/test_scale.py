"""Scale-out: coding on a local Dask cluster gives exactly the single-process result."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SAMPLES

pytestmark = pytest.mark.slow


def test_ingest_on_two_dask_workers_stores_the_same_events_as_one_process(tmp_path: Path):
    from accord.batch import ingest_paths
    from accord.store import Store

    articles = sorted((SAMPLES / "articles").glob("*.txt"))[:6]
    paths = [str(p) for p in articles]
    single, parallel = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    one = ingest_paths(paths, db=single, date=None, batch_size=4)
    two = ingest_paths(paths, db=parallel, date=None, batch_size=4, workers=2)
    assert (one.added, one.events) == (two.added, two.events) == (6, one.events)
    with Store(single, read_only=True) as a, Store(parallel, read_only=True) as b:
        assert a.events(include_all_modalities=True) == b.events(include_all_modalities=True)
