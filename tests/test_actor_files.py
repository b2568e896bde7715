"""Users extend the actor dictionaries with their own files (--actors, ACCORD_ACTORS)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

HEADER = "names\tcode\tsectors\tcanonical\tkind\trole\tstart\tend\tnote\n"


def test_a_user_entry_resolves_an_unknown_person(tmp_path: Path, monkeypatch):
    from accord.ingest import article_from_text
    from accord.pipeline import Coder, Options

    text = "Zorbal Quenti condemned the attack on the border post."
    article = article_from_text(text, date=dt.date(2025, 5, 1), headline=False)
    assert not Coder().code(article)
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        HEADER + "Zorbal Quenti|Quenti\tKEN\tGOV\tZorbal Quenti\tperson\t"
        "Minister\t2024-01-01\t\t\n",
        encoding="utf-8",
    )
    (event,) = Coder(options=Options(actor_files=(extra,))).code(article)
    assert (event.event, event.actor[0].code, event.actor[0].name) == (
        "ACCUSE",
        "KEN",
        "Zorbal Quenti",
    )
    monkeypatch.setenv("ACCORD_ACTORS", str(extra))
    assert Coder().code(article)[0].actor[0].code == "KEN"


def test_a_broken_user_file_names_file_and_line(tmp_path: Path):
    from accord.errors import DataError
    from accord.pipeline import Coder, Options

    extra = tmp_path / "bad.tsv"
    extra.write_text(HEADER + "Somebody\tXXQ\tGOV\tSomebody\tperson\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        Coder(options=Options(actor_files=(extra,)))
    assert "bad.tsv:2" in str(err.value)
