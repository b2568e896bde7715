from __future__ import annotations

import pytest

from helpers import SAMPLE, SAMPLE_DATE


@pytest.fixture(scope="session")
def coder():
    from accord.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def all_coder():
    from accord.pipeline import Coder, Options

    return Coder(options=Options(all_modalities=True, keep_unresolved=True))


@pytest.fixture(scope="session")
def sample_events(coder):
    from accord.ingest import read_articles

    (article,) = list(read_articles([str(SAMPLE)], date=SAMPLE_DATE))
    return coder.code(article)
