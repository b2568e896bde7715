"""Speed and memory of deduplication and analytics on a large store (no coder involved).

Generates ``--rows`` synthetic mentions (default 1,000,000) deterministically: real-world
events on skewed dyads over five years, each reported 1-5 times by different outlets on
neighbouring days, with city places, actor-only reports and look-alikes, and inserts them in
bulk (Arrow) into a temporary DuckDB store. Then times ``dyad_series`` over everything,
``top``, ``alerts``, a full ``cluster_mentions`` over ``--dedup-rows`` mentions, an incremental
one after a small batch of new reports about the last week, one after a batch spread over
the five years (a back-fill), and the analytics again over the deduplicated events. Prints
seconds per step and the peak memory (max RSS) of the process so far.

    .venv/bin/python benchmarks/bench_store.py [--rows N] [--dedup-rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
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

COUNTRIES = [
    "USA", "RUS", "UKR", "CHN", "IRN", "ISR", "PSE", "TUR", "SYR", "IRQ", "AFG", "PAK", "IND",
    "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "SAU", "EGY", "LBN", "YEM", "SDN", "ETH", "KEN",
    "NGA", "ZAF", "BRA", "VEN", "COL", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR",
    "BGD", "LKA", "NPL", "KAZ", "GEO", "ARM", "AZE", "SRB", "XKX", "POL", "HUN", "ITA", "ESP",
    "GRC", "QAT", "ARE", "JOR", "LBY", "TUN", "DZA", "MAR",
]  # fmt: skip
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


def _sql_list(values: list[Any]) -> str:
    return "[" + ", ".join(f"'{v}'" if isinstance(v, str) else repr(v) for v in values) + "]"


def synthetic(rows: int, *, seed: int = 7, first_day: int = 0) -> pa.Table:
    """``rows`` mention skeletons (numbers only) of about rows/2.5 real-world events: skewed
    dyads, 1-5 reports each on neighbouring days, 12% without recipient, 30% without place."""
    rng = np.random.default_rng(seed)
    n_events = max(1, int(rows / 2.5))
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1) ** 1.1
    weights /= weights.sum()
    actor = rng.choice(len(COUNTRIES), n_events, p=weights)
    recipient = rng.choice(len(COUNTRIES), n_events, p=weights)
    category = rng.integers(0, len(CATEGORIES), n_events)
    day = rng.integers(first_day, DAYS, n_events)
    place = rng.integers(-1, 4, n_events)  # -1: none, else one of four cities of the recipient
    event_of = np.repeat(np.arange(n_events), rng.integers(1, 6, n_events))[:rows]
    m = len(event_of)
    partial = rng.random(m) < 0.12
    unplaced = rng.random(m) < 0.3
    return pa.table(
        {
            "i": np.arange(m, dtype=np.int64),
            "category": category[event_of].astype(np.int16),
            "day": (day[event_of] + rng.integers(0, 3, m)).astype(np.int32),
            "actor": actor[event_of].astype(np.int16),
            "recipient": np.where(partial, -1, recipient[event_of]).astype(np.int16),
            "place": np.where(unplaced, -1, place[event_of]).astype(np.int8),
            "reciprocal": rng.random(m) < 0.05,
            "negated": rng.random(m) < 0.02,
            "confidence": np.round(rng.uniform(0.5, 0.95, m), 2),
            "outlet": rng.integers(0, len(OUTLETS), m).astype(np.int16),
        }
    )


def insert(store: Store, skeleton: pa.Table, *, prefix: str = "m") -> None:
    """Bulk insert: the Arrow skeleton expanded to full rows by one SQL statement per table."""
    codes = _sql_list(COUNTRIES)
    names = list(CATEGORIES)
    values = list(CATEGORIES.values())
    recipient = f"{codes}[recipient + 1]"
    place = f"CASE WHEN place >= 0 THEN {recipient} || ' city ' || place END"
    con = store.con
    con.register("_bench", skeleton)
    try:
        con.execute(
            f"""
            INSERT INTO articles BY NAME
            SELECT printf('{prefix}a%08d', i) AS id, DATE '{START}' + day AS date,
                   {_sql_list(OUTLETS)}[outlet + 1] AS outlet, 'en' AS language, '' AS text,
                   0 AS n_chars, TIMESTAMP '2025-01-01' AS ingested_at
            FROM _bench
            """
        )
        con.execute(
            f"""
            INSERT INTO mentions BY NAME
            SELECT printf('{prefix}%08d', i) AS event_id, printf('{prefix}a%08d', i) AS article_id,
                   DATE '{START}' + day AS date, 'day' AS date_precision,
                   {_sql_list(names)}[category + 1] AS event, []::VARCHAR[] AS context,
                   {_sql_list([v[0] for v in values])}[category + 1] AS cameo,
                   {_sql_list([v[1] for v in values])}[category + 1] AS quad_class,
                   {_sql_list([v[2] for v in values])}[category + 1] AS goldstein,
                   {_sql_list([v[3] for v in values])}[category + 1] AS plover_scale,
                   [{codes}[actor + 1]] AS actor_codes, ['GOV'] AS actor_sectors,
                   CASE WHEN recipient >= 0 THEN [{recipient}] ELSE []::VARCHAR[] END
                       AS recipient_codes,
                   CASE WHEN recipient >= 0 THEN ['GOV'] ELSE []::VARCHAR[] END
                       AS recipient_sectors,
                   to_json([{{'code': {codes}[actor + 1], 'sector': 'GOV'}}]) AS actors,
                   CASE WHEN recipient >= 0
                        THEN to_json([{{'code': {recipient}, 'sector': 'GOV'}}])
                        ELSE '[]' END AS recipients,
                   reciprocal, negated, FALSE AS future, FALSE AS hypothetical,
                   FALSE AS historical,
                   to_json({{'name': {place}, 'reason': 'synthetic',
                            'geo_precision': CASE WHEN place >= 0 THEN 'city' ELSE 'none' END}})
                       AS location,
                   {place} AS loc_name,
                   CASE WHEN place >= 0 THEN recipient + place END AS lat,
                   CASE WHEN place >= 0 THEN 0.0 END AS lon,
                   CASE WHEN place >= 0 THEN 'city' ELSE 'none' END AS geo_precision,
                   0 AS sentence_index, '' AS sentence, 0 AS start_char, 0 AS end_char,
                   '' AS trigger, '{{}}' AS evidence, confidence, '{{}}' AS extra
            FROM _bench
            """
        )
    finally:
        con.unregister("_bench")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dedup-rows", type=int, default=None, help="default: all rows")
    parser.add_argument("--new-rows", type=int, default=2_000, help="incremental batch")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"rows": args.rows}
    print(f"{args.rows:,} synthetic mentions; peak memory is the process's max RSS so far")
    skeleton = timed("generate (numpy to Arrow)", lambda: synthetic(args.rows), results)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        timed("bulk insert (Arrow, SQL)", functools.partial(insert, store, skeleton), results)
        del skeleton
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
        for label, first_day, prefix in (("last week", DAYS - 7, "n"), ("five years", 0, "o")):
            insert(store, synthetic(args.new_rows, seed=8, first_day=first_day), prefix=prefix)
            update = timed(
                f"cluster_mentions, +{args.new_rows:,} over the {label}",
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
