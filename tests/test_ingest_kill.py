"""Nothing lost, nothing doubled: `accord ingest` killed with SIGKILL halfway and run again
gives exactly the store of an uninterrupted run."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

COUNTRIES = ["Kenya", "Peru", "Norway", "Japan", "Egypt", "Chile", "Nepal", "Ghana"]


def corpus(path: Path, n: int = 60) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a, b = COUNTRIES[i % 8], COUNTRIES[(i * 3 + 1) % 8]
            text = (
                f"{a} condemned {b} on Monday over border incident number {i}. "
                f"Police in {a} detained {i + 2} protesters."
            )
            out.write(json.dumps({"id": f"k{i:03d}", "date": "2025-04-02", "text": text}) + "\n")


def contents(db: Path) -> tuple[list[str], list[str], int]:
    from accord.store import Store

    with Store(str(db), read_only=True) as store:
        articles = [
            r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()
        ]
        events = [e["event_id"] for e in store.events(include_all_modalities=True)]
        runs = len(store.runs())
    return articles, sorted(events), runs


def ingest(db: Path, source: Path, **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "accord",
            "ingest",
            "--db",
            str(db),
            "--batch-size",
            "5",
            "--progress",
            str(source),
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_killed_ingest_rerun_equals_uninterrupted_run(tmp_path: Path):
    source = tmp_path / "news.jsonl"
    corpus(source)
    whole, broken = tmp_path / "whole.duckdb", tmp_path / "broken.duckdb"
    assert ingest(whole, source).wait(timeout=300) == 0

    victim = ingest(broken, source)
    committed = 0
    assert victim.stderr is not None
    for line in victim.stderr:
        if "committed" in line:
            committed += 1
            if committed == 3:
                victim.send_signal(signal.SIGKILL)
                break
    victim.wait(timeout=60)
    assert victim.returncode == -signal.SIGKILL
    partial, _, _ = contents(broken)
    assert 0 < len(partial) < 60  # really killed halfway, after whole batches

    assert ingest(broken, source).wait(timeout=300) == 0
    assert contents(broken)[:2] == contents(whole)[:2]
    assert len(contents(whole)[0]) == 60
