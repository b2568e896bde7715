"""Throughput and memory of the whole pipeline against spaCy's own parse, on the same text.

Run with ``make bench``. The corpus (default 600 articles) is generated deterministically from
the bundled sample articles: every article is a seeded recombination of sample sentences under
a fresh dateline, so the text is realistic news prose and identical from run to run. Each
measurement runs in a child process of its own so that peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "accord" / "samples" / "articles"
DATELINES = [
    "ANKARA (Reuters) - ",
    "NAIROBI (AP) - ",
    "DHAKA, March 3 - ",
    "KYIV - ",
    "BEIRUT (AFP) - ",
    "CARACAS - ",
    "MANILA (Reuters) - ",
    "KHARTOUM - ",
]


def corpus(n: int, *, seed: int = 7) -> list[dict[str, str]]:
    """``n`` articles of 4-8 sentences recombined from the bundled samples."""
    sentences: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[-1]
        for line in body.splitlines():
            for part in line.replace("? ", "?\n").replace(". ", ".\n").splitlines():
                part = part.strip()
                if len(part.split()) >= 6:
                    sentences.append(part)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        chosen = rng.sample(sentences, k=min(len(sentences), rng.randint(4, 8)))
        text = DATELINES[i % len(DATELINES)] + " ".join(chosen)
        out.append({"id": f"bench-{i:05d}", "date": "2025-09-24", "text": text})
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_spacy(path: str) -> dict[str, float]:
    from accord import nlp as nlp_module
    from accord.domain import Article
    from accord.ingest import read_articles

    nlp = nlp_module.load()
    texts = [a.text for a in read_articles([path]) if isinstance(a, Article)]
    start = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - start
    return {
        "articles": len(texts),
        "sentences": sentences,
        "seconds": seconds,
        "peak_mb": _peak_mb(),
    }


def measure_pipeline(path: str) -> dict[str, object]:
    from accord.domain import Article
    from accord.ingest import read_articles
    from accord.pipeline import Coder

    coder = Coder()
    articles = [a for a in read_articles([path]) if isinstance(a, Article)]
    start = time.perf_counter()
    events = sum(len(c.events) for c in coder.code_many(articles))
    seconds = time.perf_counter() - start
    return {
        "articles": len(articles),
        "sentences": coder.tally.sentences,
        "events": events,
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "stages": coder.tally.seconds,
    }


def measure_ingest(path: str) -> dict[str, float]:
    from accord.batch import ingest_paths
    from accord.pipeline import Coder

    coder = Coder()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        result = ingest_paths([path], db=db, coder=coder)
        seconds = time.perf_counter() - start
    return {
        "articles": result.added,
        "events": result.events,
        "seconds": seconds,
        "peak_mb": _peak_mb(),
    }


def measure_dask(path: str) -> dict[str, float]:
    from accord.domain import Article
    from accord.ingest import read_articles
    from accord.scale import code_distributed, local_cluster

    articles = [a for a in read_articles([path]) if isinstance(a, Article)]
    with local_cluster(2) as client:
        for _ in code_distributed(articles[:4], client=client, partition_size=2):
            pass  # workers load their spaCy pipeline before the clock starts
        start = time.perf_counter()
        events = sum(len(e) for _, e in code_distributed(articles, client=client))
        seconds = time.perf_counter() - start
    return {
        "articles": len(articles),
        "events": events,
        "seconds": seconds,
        "peak_mb": _peak_mb(),
    }


def measure_startup(path: str) -> dict[str, float]:
    """Load costs paid once per process: gazetteer, spaCy pipeline, actor matcher."""
    from accord.actors.dictionary import ActorDictionary
    from accord.actors.resolve import ActorResolver
    from accord.geo import Gazetteer

    out: dict[str, float] = {}
    start = time.perf_counter()
    Gazetteer.load()
    out["gazetteer_s"] = time.perf_counter() - start
    from accord import nlp as nlp_module

    start = time.perf_counter()
    nlp = nlp_module.load()
    out["spacy_s"] = time.perf_counter() - start
    start = time.perf_counter()
    ActorResolver(nlp, ActorDictionary.load())
    out["actors_s"] = time.perf_counter() - start
    return out


def _child(kind: str, path: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, path],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        measure = {
            "spacy": measure_spacy,
            "pipeline": measure_pipeline,
            "ingest": measure_ingest,
            "dask": measure_dask,
            "startup": measure_startup,
        }[kind]
        result = measure(path)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as handle:
            for record in corpus(args.articles):
                handle.write(json.dumps(record) + "\n")
        spacy_run = _child("spacy", path)
        full = _child("pipeline", path)
        stored = _child("ingest", path)
        dask = _child("dask", path)
        startup = _child("startup", path)
    print(
        f"corpus: {spacy_run['articles']} articles, {spacy_run['sentences']} sentences "
        f"(generated from the bundled samples)"
    )
    print(f"{'run':<32}{'articles/s':>12}{'sentences/s':>13}{'seconds':>9}{'peak MB':>9}")
    sentences = float(spacy_run["sentences"])
    for name, run in [
        ("spaCy nlp.pipe alone", spacy_run),
        ("accord pipeline (code)", full),
        ("accord ingest (code + DuckDB)", stored),
        ("accord code on Dask, 2 workers", dask),
    ]:
        seconds = float(run["seconds"])
        print(
            f"{name:<32}{float(run['articles']) / seconds:>12.1f}"
            f"{sentences / seconds:>13.1f}{seconds:>9.2f}{float(run['peak_mb']):>9.0f}"
        )
    total = float(full["seconds"])
    print(
        f"pipeline time / spaCy time: {total / float(spacy_run['seconds']):.2f}x   "
        f"events coded: {full['events']}   Dask speed-up with 2 workers: "
        f"{total / float(dask['seconds']):.2f}x (its peak MB is the client process only)"
    )
    print(
        f"load once per process: gazetteer {startup['gazetteer_s']:.2f} s, spaCy pipeline "
        f"{startup['spacy_s']:.2f} s, actor dictionaries + matcher {startup['actors_s']:.2f} s"
    )
    print("share of pipeline time by stage:")
    stages: dict[str, float] = full["stages"]
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<10}{seconds:>8.2f} s  {100 * seconds / total:>5.1f} %")


if __name__ == "__main__":
    main()
