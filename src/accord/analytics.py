"""Aggregates for analysts: dyad time series, top dyads and actors, and spikes (alerts).

Everything is one DuckDB query over the deduplicated ``events`` table when it has rows (run
``accord dedup``), else over ``mentions`` (one row per report). Events that did not happen
in the reporting window (negated, hypothetical, historical) are left out, as everywhere.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from accord.errors import AccordError
from accord.store import Store, dyad_clause

FREQS = ("day", "week", "month", "quarter", "year")
SOURCES = ("auto", "events", "mentions")
QUAD_CLASSES = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
HAPPENED = "NOT (negated OR hypothetical OR historical)"


def source_table(store: Store, source: str = "auto") -> str:
    """``events`` (deduplicated) when asked for or, for ``auto``, when it has rows."""
    if source not in SOURCES:
        raise AccordError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
    if source == "auto":
        rows = store.con.execute("SELECT count(*) > 0 FROM (SELECT 1 FROM events LIMIT 1)")
        return "events" if rows.fetchall()[0][0] else "mentions"
    return source


def _freq(freq: str) -> str:
    if freq not in FREQS:
        raise AccordError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    return freq


def period_start(day: dt.date, freq: str) -> dt.date:
    """The first day of the period holding ``day`` (weeks start on Monday, as in DuckDB)."""
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def shift(period: dt.date, freq: str, steps: int) -> dt.date:
    """The start of the period ``steps`` periods after (or before) ``period``."""
    if freq == "day":
        return period + dt.timedelta(days=steps)
    if freq == "week":
        return period + dt.timedelta(weeks=steps)
    months = {"month": 1, "quarter": 3, "year": 12}[freq] * steps
    index = period.year * 12 + period.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _where(
    *,
    actor: str | None = None,
    recipient: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
) -> tuple[str, list[Any]]:
    clauses = [HAPPENED, "date IS NOT NULL"]
    params: list[Any] = []
    if actor or recipient:
        clause, values = dyad_clause(actor, recipient)
        clauses.append(clause)
        params.extend(values)
    if start is not None:
        clauses.append("date >= ?")
        params.append(start)
    if end is not None:
        clauses.append("date <= ?")
        params.append(end)
    if category:
        clauses.append("event = ?")
        params.append(category.upper())
    return "WHERE " + " AND ".join(clauses), params


def _empty_period(period: dt.date) -> dict[str, Any]:
    return {
        "period": period.isoformat(),
        "events": 0,
        "cooperation": 0,
        "conflict": 0,
        "balance": 0.0,
        "goldstein": 0.0,
        "goldstein_mean": 0.0,
        "plover_scale": 0.0,
        "quad_class": {name: 0 for name in QUAD_CLASSES.values()},
        "by_category": {},
    }


def dyad_series(
    store: Store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    freq: str = "month",
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
    source: str = "auto",
) -> list[dict[str, Any]]:
    """Per period: event counts by PLOVER category and QuadClass, cooperation and conflict
    counts and their balance ((cooperation - conflict) / events, from -1 to 1), Goldstein
    and PLOVER-scale sums. One dyad (``actor`` and ``recipient``; reciprocal events count
    either way round), one actor, or everything. Periods without events are filled with
    zeros between the first and last (or ``start`` and ``end``); every period lists the same
    categories.

    >>> with Store(":memory:") as store:
    ...     dyad_series(store, actor="IRN", recipient="TUR")
    []
    """
    freq = _freq(freq)
    table = source_table(store, source)
    where, params = _where(
        actor=actor, recipient=recipient, start=start, end=end, category=category
    )
    rows = store.con.execute(
        f"""
        SELECT date_trunc('{freq}', date)::DATE AS period, event, quad_class,
               count(*), sum(goldstein), sum(plover_scale)
        FROM {table} {where}
        GROUP BY ALL ORDER BY 1, 2, 3
        """,
        params,
    ).fetchall()
    periods: dict[dt.date, dict[str, Any]] = {}
    for period, event, quad_class, count, goldstein, plover in rows:
        row = periods.setdefault(period, _empty_period(period))
        row["events"] += count
        row["goldstein"] += goldstein
        row["plover_scale"] += plover
        row["by_category"][event] = row["by_category"].get(event, 0) + count
        name = QUAD_CLASSES.get(quad_class)
        if name:
            row["quad_class"][name] += count
            row["cooperation" if quad_class <= 2 else "conflict"] += count
    if not periods and (start is None or end is None):
        return []
    first = period_start(start, freq) if start else min(periods)
    last = period_start(end, freq) if end else max(periods)
    categories = sorted({c for row in periods.values() for c in row["by_category"]})
    series = []
    period = first
    while period <= last:
        row = periods.get(period) or _empty_period(period)
        row["by_category"] = {c: row["by_category"].get(c, 0) for c in categories}
        if row["events"]:
            row["balance"] = round((row["cooperation"] - row["conflict"]) / row["events"], 4)
            row["goldstein_mean"] = round(row["goldstein"] / row["events"], 4)
        row["goldstein"] = round(row["goldstein"], 4)
        row["plover_scale"] = round(row["plover_scale"], 4)
        series.append(row)
        period = shift(period, freq, 1)
    return series


# Keys of ``top`` and ``alerts``: output fields and the SQL (CTEs after a filtered ``e``) of a
# table ``k`` with one row per event and key (k1, k2). Unnesting in the select list is many
# times faster than lateral joins.
_COLUMNS = "date, quad_class, goldstein"
_KEYS = {
    "dyad": (
        ("actor", "recipient"),
        f"""a AS (SELECT unnest(list_distinct(actor_codes)) AS k1, recipient_codes, {_COLUMNS}
                  FROM e),
            k AS (SELECT k1, unnest(list_distinct(recipient_codes)) AS k2, {_COLUMNS} FROM a)""",
    ),
    "actor": (
        ("actor",),
        f"k AS (SELECT unnest(list_distinct(actor_codes)) AS k1, {_COLUMNS} FROM e)",
    ),
    "recipient": (
        ("recipient",),
        f"k AS (SELECT unnest(list_distinct(recipient_codes)) AS k1, {_COLUMNS} FROM e)",
    ),
    "country": (
        ("country",),
        "k AS (SELECT unnest(list_distinct(list_concat(actor_codes, recipient_codes))) AS k1, "
        f"{_COLUMNS} FROM e)",
    ),
}


def _keys(by: str, allowed: Sequence[str]) -> tuple[tuple[str, ...], str]:
    if by not in allowed:
        raise AccordError(f"by must be one of {', '.join(allowed)}, not {by!r}")
    return _KEYS[by]


def top(
    store: Store,
    *,
    by: str = "dyad",
    start: dt.date | None = None,
    end: dt.date | None = None,
    n: int = 10,
    category: str | None = None,
    source: str = "auto",
) -> list[dict[str, Any]]:
    """The ``n`` most active directed dyads (``by="dyad"``), actors, recipients or countries
    (either side), with their cooperation and conflict counts and Goldstein sum."""
    if n < 0:
        raise AccordError(f"n must be 0 or more, not {n}")
    fields, keyed = _keys(by, tuple(_KEYS))
    table = source_table(store, source)
    where, params = _where(start=start, end=end, category=category)
    columns = ", ".join(f"k{i + 1}" for i in range(len(fields)))
    rows = store.con.execute(
        f"""
        WITH e AS (SELECT * FROM {table} {where}), {keyed}
        SELECT {columns}, count(*) AS events,
               count(*) FILTER (quad_class <= 2) AS cooperation,
               count(*) FILTER (quad_class >= 3) AS conflict,
               sum(goldstein) AS goldstein
        FROM k
        WHERE {" AND ".join(f"k{i + 1} IS NOT NULL" for i in range(len(fields)))}
        GROUP BY ALL ORDER BY events DESC, {columns}
        LIMIT {int(n)}
        """,
        params,
    ).fetchall()
    found = []
    for row in rows:
        *codes, events, cooperation, conflict, goldstein = row
        found.append(
            {
                **dict(zip(fields, codes, strict=True)),
                "events": events,
                "cooperation": cooperation,
                "conflict": conflict,
                "balance": round((cooperation - conflict) / events, 4),
                "goldstein": round(goldstein, 4),
            }
        )
    return found


def _poisson_tail(count: int, mean: float) -> float:
    """P(X >= count) for X ~ Poisson(mean)."""
    if count <= 0:
        return 1.0
    term = math.exp(count * math.log(mean) - mean - math.lgamma(count + 1))
    tail, k = 0.0, count
    while term > 1e-300 and (term > tail * 1e-12 or k < mean):
        tail += term
        k += 1
        term *= mean / k
    return float(f"{min(tail, 1.0):.4g}")


def alerts(
    store: Store,
    *,
    by: str = "dyad",
    freq: str = "week",
    baseline_periods: int = 8,
    threshold: float = 3.0,
    min_count: int = 3,
    end: dt.date | None = None,
    category: str | None = None,
    source: str = "auto",
) -> list[dict[str, Any]]:
    """Spikes: dyads (or countries, either side) whose event count in the latest period (the
    one holding ``end``, default the latest event date) stands ``threshold`` or more
    standard deviations above their mean over the ``baseline_periods`` before it.

    The deviation is the larger of the baseline's standard deviation, the Poisson one
    (square root of the mean) and 1, so that a flat or empty baseline does not make every
    change a spike; ``p_value`` is the Poisson probability of at least that count. Only
    counts of ``min_count`` or more are listed, highest z first.
    """
    freq = _freq(freq)
    if baseline_periods < 2:
        raise AccordError(f"baseline_periods must be 2 or more, not {baseline_periods}")
    fields, keyed = _keys(by, ("dyad", "country"))
    table = source_table(store, source)
    if end is None:
        where, params = _where(category=category)
        latest = store.con.execute(f"SELECT max(date) FROM {table} {where}", params).fetchall()
        end = latest[0][0]
        if end is None:
            return []
    current = period_start(end, freq)
    first = shift(current, freq, -baseline_periods)
    where, params = _where(start=first, end=shift(current, freq, 1) - dt.timedelta(days=1))
    if category:
        where += " AND event = ?"
        params.append(category.upper())
    columns = ", ".join(f"k{i + 1}" for i in range(len(fields)))
    rows = store.con.execute(
        f"""
        WITH e AS (SELECT * FROM {table} {where}), {keyed},
        counts AS (
            SELECT {columns}, date_trunc('{freq}', date)::DATE AS period, count(*) AS n
            FROM k
            WHERE {" AND ".join(f"k{i + 1} IS NOT NULL" for i in range(len(fields)))}
            GROUP BY ALL
        )
        SELECT {columns}, sum(n) FILTER (period = ?) AS current,
               coalesce(sum(n) FILTER (period < ?), 0) AS total,
               coalesce(sum(n * n) FILTER (period < ?), 0) AS squares
        FROM counts GROUP BY ALL
        HAVING current >= ?
        """,
        [*params, current, current, current, min_count],
    ).fetchall()
    found = []
    for row in rows:
        *codes, count, total, squares = row
        mean = total / baseline_periods
        variance = max(0.0, (squares - baseline_periods * mean**2) / (baseline_periods - 1))
        std = math.sqrt(variance)
        z = (count - mean) / max(std, math.sqrt(mean), 1.0)
        if z < threshold:
            continue
        found.append(
            {
                **dict(zip(fields, codes, strict=True)),
                "period": current.isoformat(),
                "count": count,
                "baseline_mean": round(mean, 4),
                "baseline_std": round(std, 4),
                "z": round(z, 4),
                # a baseline of zeros still allows the odd event
                "p_value": _poisson_tail(count, max(mean, 0.5 / baseline_periods)),
            }
        )
    found.sort(key=lambda a: (-a["z"], -a["count"], *(a[f] for f in fields)))
    return found
