"""Speed and memory of deduplication and analytics on a large store (no coder involved).

Generates ``--rows`` synthetic mentions (default 1,000,000) deterministically: real-world
events on skewed dyads over five years, each reported 1-5 times by different outlets on
neighbouring days, with city places, actor-only reports and look-alikes, and inserts them in
bulk (Arrow) into a temporary DuckDB store. Then times ``dyad_series`` over everything,
``top``, ``alerts``, a full ``cluster_mentions`` over ``--dedup-rows`` mentions, an incremental
one after a small new batch, and the analytics again over the deduplicated events. Prints
seconds per step and the peak memory (max RSS) of the process so far.

    .venv/bin/python benchmarks/bench_store.py [--rows N] [--dedup-rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from accord.analytics import alerts, dyad_series, top
from accord.dedup import cluster_mentions
from accord.store import Store
from accord.store.schema import ARTICLE_ARROW_SCHEMA, MENTION_ARROW_SCHEMA

COUNTRIES = (
    "USA RUS UKR CHN IRN ISR PSE TUR SYR IRQ AFG PAK IND GBR FRA DEU JPN KOR PRK SAU EGY LBN "
    "YEM SDN ETH KEN NGA ZAF BRA VEN COL MEX CAN AUS IDN PHL VNM THA MMR BGD LKA NPL KAZ GEO "
    "ARM AZE SRB XKX POL HUN ITA ESP GRC QAT ARE JOR LBY TUN DZA MAR"
).split()
# category: (cameo, quad class, goldstein, PLOVER scale)
CATEGORIES = {
    "CONSULT": ("040", 1, 1.0, 1.0),
    "AGREE": ("057", 1, 4.0, 3.0),
    "SUPPORT": ("051", 1, 3.4, 2.5),
    "CONCEDE": ("080", 2, 5.0, 4.0),
    "COOPERATE": ("061", 2, 6.4, 5.0),
    "AID": ("070", 2, 7.0, 6.0),
    "RETREAT": ("0871", 2, 9.0, 6.0),
    "REQUEST": ("020", 1, 3.0, 1.0),
    "ACCUSE": ("112", 3, -2.0, -2.0),
    "REJECT": ("120", 3, -4.0, -3.0),
    "THREATEN": ("130", 3, -4.4, -5.0),
    "PROTEST": ("141", 3, -6.5, -4.0),
    "SANCTION": ("163", 4, -8.0, -6.0),
    "MOBILIZE": ("150", 4, -7.2, -6.0),
    "COERCE": ("173", 4, -5.0, -7.0),
    "ASSAULT": ("190", 4, -10.0, -9.0),
}
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
START = dt.date(2020, 1, 1)
DAYS = 5 * 365


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, run: Callable[[], Any], results: dict[str, Any]) -> Any:
    started = time.perf_counter()
    value = run()
    seconds = time.perf_counter() - started
    results[label] = {"seconds": round(seconds, 3), "peak_mb": round(peak_mb(), 1)}
    print(f"{label:<48} {seconds:8.2f} s   peak {peak_mb():8.1f} MB", flush=True)
    return value


def _lists(values: list[list[str]]) -> pa.Array:
    return pa.array(values, pa.list_(pa.string()))


def synthetic(rows: int, *, seed: int = 7, prefix: str = "m") -> tuple[pa.Table, pa.Table]:
    """``rows`` mentions of about rows/2.5 events, and their articles."""
    rng = np.random.default_rng(seed)
    n_events = max(1, int(rows / 2.5))
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1) ** 1.1
    weights /= weights.sum()
    actor = rng.choice(len(COUNTRIES), n_events, p=weights)
    recipient = rng.choice(len(COUNTRIES), n_events, p=weights)
    names = list(CATEGORIES)
    category = rng.integers(0, len(names), n_events)
    day = rng.integers(0, DAYS, n_events)
    place = rng.integers(-1, 4, n_events)  # -1: no place, else one of four cities
    reports = rng.integers(1, 6, n_events)
    event_of = np.repeat(np.arange(n_events), reports)[:rows]
    m = len(event_of)
    lag = rng.integers(0, 3, m)
    partial = rng.random(m) < 0.12
    unplaced = rng.random(m) < 0.3
    outlet = rng.integers(0, len(OUTLETS), m)
    codes = COUNTRIES
    event_ids = [f"{prefix}{i:08d}" for i in range(m)]
    article_ids = [f"{prefix}a{i:08d}" for i in range(m)]
    dates = [START + dt.timedelta(days=int(day[e] + lag[i])) for i, e in enumerate(event_of)]
    actor_codes = [[codes[actor[e]]] for e in event_of]
    recipient_codes = [[] if partial[i] else [codes[recipient[e]]] for i, e in enumerate(event_of)]
    cats = [names[category[e]] for e in event_of]
    cities = [
        None if unplaced[i] or place[e] < 0 else f"{codes[recipient[e]]} city {place[e]}"
        for i, e in enumerate(event_of)
    ]
    lat = [None if c is None else float(recipient[e] + place[e]) for c, e in zip(cities, event_of)]
    actors_json = [json.dumps([{"code": c[0], "sector": "GOV"}]) for c in actor_codes]
    recipients_json = [
        json.dumps([{"code": c[0], "sector": "GOV"}]) if c else "[]" for c in recipient_codes
    ]
    location_json = [
        json.dumps({"name": c, "geo_precision": "city" if c else "none", "reason": "bench"})
        for c in cities
    ]
    mentions = pa.table(
        {
            "event_id": event_ids,
            "article_id": article_ids,
            "date": pa.array(dates, pa.date32()),
            "date_precision": ["day"] * m,
            "event": cats,
            "mode": pa.nulls(m, pa.string()),
            "context": _lists([[] for _ in range(m)]),
            "cameo": [CATEGORIES[c][0] for c in cats],
            "quad_class": pa.array([CATEGORIES[c][1] for c in cats], pa.int32()),
            "goldstein": [CATEGORIES[c][2] for c in cats],
            "plover_scale": [CATEGORIES[c][3] for c in cats],
            "actor_codes": _lists(actor_codes),
            "actor_sectors": _lists([["GOV"]] * m),
            "recipient_codes": _lists(recipient_codes),
            "recipient_sectors": _lists([["GOV"] if c else [] for c in recipient_codes]),
            "actors": actors_json,
            "recipients": recipients_json,
            "reciprocal": (rng.random(m) < 0.05).tolist(),
            "negated": (rng.random(m) < 0.02).tolist(),
            "future": [False] * m,
            "hypothetical": [False] * m,
            "historical": [False] * m,
            "location": location_json,
            "loc_name": cities,
            "loc_country": pa.nulls(m, pa.string()),
            "loc_admin1": pa.nulls(m, pa.string()),
            "lat": pa.array(lat, pa.float64()),
            "lon": pa.array([None if v is None else 0.0 for v in lat], pa.float64()),
            "geo_precision": ["city" if c else "none" for c in cities],
            "speaker": pa.nulls(m, pa.string()),
            "quote": pa.nulls(m, pa.string()),
            "sentence_index": pa.array(np.zeros(m, np.int32)),
            "sentence": [""] * m,
            "start_char": pa.array(np.zeros(m, np.int32)),
            "end_char": pa.array(np.zeros(m, np.int32)),
            "trigger": [""] * m,
            "evidence": ["{}"] * m,
            "confidence": np.round(rng.uniform(0.5, 0.95, m), 2).tolist(),
            "extra": ["{}"] * m,
        }
    ).cast(MENTION_ARROW_SCHEMA)
    now = dt.datetime(2025, 1, 1)
    articles = pa.table(
        {
            "id": article_ids,
            "title": pa.nulls(m, pa.string()),
            "date": pa.array(dates, pa.date32()),
            "url": pa.nulls(m, pa.string()),
            "outlet": [OUTLETS[o] for o in outlet],
            "dateline": pa.nulls(m, pa.string()),
            "language": ["en"] * m,
            "origin": pa.nulls(m, pa.string()),
            "text": [""] * m,
            "n_chars": pa.array(np.zeros(m, np.int32)),
            "ingested_at": pa.array([now] * m, pa.timestamp("us")),
            "run_id": pa.nulls(m, pa.string()),
        }
    ).cast(ARTICLE_ARROW_SCHEMA)
    return mentions, articles


def insert(store: Store, mentions: pa.Table, articles: pa.Table) -> None:
    con = store.con
    con.register("_bench_mentions", mentions)
    con.register("_bench_articles", articles)
    con.execute("INSERT INTO articles BY NAME SELECT * FROM _bench_articles")
    con.execute("INSERT INTO mentions BY NAME SELECT * FROM _bench_mentions")
    con.unregister("_bench_mentions")
    con.unregister("_bench_articles")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dedup-rows", type=int, default=None, help="default: all rows")
    parser.add_argument("--new-rows", type=int, default=2_000, help="incremental batch")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"rows": args.rows}
    print(f"{args.rows:,} synthetic mentions; peak memory is the process's max RSS so far")
    mentions, articles = timed("generate (numpy + Arrow)", lambda: synthetic(args.rows), results)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        timed("bulk insert", lambda: insert(store, mentions, articles), results)
        del mentions, articles
        timed(
            "dyad_series(freq='month'), all, mentions",
            lambda: dyad_series(store, freq="month"),
            results,
        )
        timed(
            "dyad_series(USA->RUS, freq='week'), mentions",
            lambda: dyad_series(store, actor="USA", recipient="RUS", freq="week"),
            results,
        )
        timed("top(by='dyad'), mentions", lambda: top(store, by="dyad"), results)
        timed("alerts(by='dyad', freq='week'), mentions", lambda: alerts(store), results)
        if args.dedup_rows is not None and args.dedup_rows < args.rows:
            store.con.execute(
                "DELETE FROM mentions WHERE event_id >= ?", [f"m{args.dedup_rows:08d}"]
            )
        dedup = timed(
            f"cluster_mentions, full ({args.dedup_rows or args.rows:,} mentions)",
            lambda: cluster_mentions(store),
            results,
        )
        print(f"    {dedup.summary()}")
        results["events"] = dedup.events
        new_mentions, new_articles = synthetic(args.new_rows, seed=8, prefix="n")
        insert(store, new_mentions, new_articles)
        update = timed(
            f"cluster_mentions, incremental (+{args.new_rows:,} mentions)",
            lambda: cluster_mentions(store),
            results,
        )
        print(f"    {update.summary()}")
        timed(
            "dyad_series(freq='month'), all, events",
            lambda: dyad_series(store, freq="month"),
            results,
        )
        timed("top(by='dyad'), events", lambda: top(store, by="dyad"), results)
        timed(
            "alerts(by='country', freq='week'), events",
            lambda: alerts(store, by="country"),
            results,
        )
        store.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
