"""Commands for deduplication and analytics: ``dedup``, ``dyads``, ``top``, ``alerts``, ``plot``.

Each parses its options, makes one library call and formats the result: JSON Lines when
piped, a table on a terminal, or ``--format jsonl|table|csv``. ``register(main)`` adds them
to the ``accord`` group.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import Any

import click

from accord.cli_options import FORMATS, date_value, db_option, require_store

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: jsonl when piped, table on a terminal].",
)
start_option = click.option("--start", callback=date_value, help="First event date (YYYY-MM-DD).")
end_option = click.option("--end", callback=date_value, help="Last event date (YYYY-MM-DD).")
freq_option = click.option(
    "--freq",
    type=click.Choice(["day", "week", "month", "quarter", "year"]),
    default="month",
    show_default=True,
    help="Period length.",
)
source_option = click.option(
    "--source",
    type=click.Choice(["auto", "events", "mentions"]),
    default="auto",
    show_default=True,
    help="Deduplicated events, raw mentions, or events when deduplicated.",
)


def _open(db: str) -> Any:
    """The store, read-only, after a warning when reports await ``accord dedup``."""
    from accord.dedup import pending_mentions
    from accord.store import Store

    require_store(db)
    store = Store(db, read_only=True)
    pending = pending_mentions(store)
    if pending and store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]:
        click.echo(
            f"accord: warning: mentions not deduplicated yet: {pending} "
            f"(run `accord dedup --db {db}`)",
            err=True,
        )
    return store


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become ``parent.child`` columns; lists are joined with ";"."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = ";".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def table(rows: list[dict[str, Any]], *, columns: list[str] | None = None) -> str:
    """A readable fixed-width table of flat rows."""
    if not rows:
        return "(nothing)"
    columns = columns or _columns(rows)
    cells = [columns] + [
        ["" if row.get(c) is None else str(row[c]) for c in columns] for row in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells
    )


def emit(
    rows: list[dict[str, Any]], fmt: str | None, *, table_columns: list[str] | None = None
) -> None:
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    flat = [flatten(row) for row in rows]
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=_columns(flat), lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return
    columns = [c for c in (table_columns or _columns(flat)) if any(c in r for r in flat)]
    click.echo(table(flat, columns=columns))


@click.command()
@db_option
@click.option(
    "--window",
    "window_days",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Days between a report and the nearest other report of its event.",
)
@click.option(
    "--max-span",
    "max_span_days",
    type=click.IntRange(min=0),
    default=None,
    help="Days from first to last report of one event  [default: twice the window].",
)
@click.option(
    "--near-km",
    type=click.FloatRange(min=0),
    default=25.0,
    show_default=True,
    help="Two cities this close count as one place.",
)
@click.option(
    "--no-partial",
    is_flag=True,
    help="Keep reports without a recipient apart from complete ones.",
)
@click.option(
    "--dateline-places", is_flag=True, help="Let places known only from datelines split events."
)
@click.option("--full", is_flag=True, help="Re-cluster every mention, not only new ones.")
def dedup(
    db: str,
    window_days: int,
    max_span_days: int | None,
    near_km: float,
    no_partial: bool,
    dateline_places: bool,
    full: bool,
) -> None:
    """Merge reports of the same real-world event into deduplicated events."""
    from accord.dedup import cluster_mentions
    from accord.store import Store

    require_store(db)
    with Store(db) as store:
        result = cluster_mentions(
            store,
            window_days=window_days,
            max_span_days=max_span_days,
            near_km=near_km,
            attach_partial=not no_partial,
            dateline_places=dateline_places,
            full=full,
        )
    click.echo(result.summary())


@click.command()
@db_option
@click.option("--actor", help="Actor code (e.g. IRN); leave out for all.")
@click.option("--recipient", help="Recipient code (e.g. TUR); leave out for all.")
@click.option("--category", help="Only this PLOVER category.")
@freq_option
@start_option
@end_option
@source_option
@format_option
def dyads(
    db: str,
    actor: str | None,
    recipient: str | None,
    category: str | None,
    freq: str,
    start: dt.date | None,
    end: dt.date | None,
    source: str,
    fmt: str | None,
) -> None:
    """Time series of a dyad (or an actor, or everything): counts, balance, Goldstein."""
    from accord.analytics import dyad_series

    with _open(db) as store:
        rows = dyad_series(
            store,
            actor=actor,
            recipient=recipient,
            category=category,
            freq=freq,
            start=start,
            end=end,
            source=source,
        )
    emit(
        rows,
        fmt,
        table_columns=[
            "period",
            "events",
            "cooperation",
            "conflict",
            "balance",
            "goldstein",
            "plover_scale",
            *(f"quad_class.{q}" for q in ("verbal_cooperation", "material_cooperation")),
            *(f"quad_class.{q}" for q in ("verbal_conflict", "material_conflict")),
        ],
    )


@click.command()
@db_option
@click.option(
    "--by",
    type=click.Choice(["dyad", "actor", "recipient", "country"]),
    default="dyad",
    show_default=True,
)
@click.option("-n", "--n", "n", type=click.IntRange(min=0), default=10, show_default=True)
@click.option("--category", help="Only this PLOVER category.")
@start_option
@end_option
@source_option
@format_option
def top(
    db: str,
    by: str,
    n: int,
    category: str | None,
    start: dt.date | None,
    end: dt.date | None,
    source: str,
    fmt: str | None,
) -> None:
    """The most active dyads, actors, recipients or countries."""
    from accord.analytics import top as top_rows

    with _open(db) as store:
        rows = top_rows(store, by=by, n=n, category=category, start=start, end=end, source=source)
    emit(rows, fmt)


@click.command()
@db_option
@click.option("--by", type=click.Choice(["dyad", "country"]), default="dyad", show_default=True)
@click.option(
    "--freq",
    type=click.Choice(["day", "week", "month", "quarter", "year"]),
    default="week",
    show_default=True,
)
@click.option(
    "--baseline",
    "baseline_periods",
    type=click.IntRange(min=2),
    default=8,
    show_default=True,
    help="Periods before the latest one to compare with.",
)
@click.option("--threshold", type=float, default=3.0, show_default=True, help="Minimum z.")
@click.option("--min-count", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--category", help="Only this PLOVER category.")
@end_option
@source_option
@format_option
def alerts(
    db: str,
    by: str,
    freq: str,
    baseline_periods: int,
    threshold: float,
    min_count: int,
    category: str | None,
    end: dt.date | None,
    source: str,
    fmt: str | None,
) -> None:
    """Spikes: dyads or countries far above their usual activity in the latest period."""
    from accord.analytics import alerts as find_alerts

    with _open(db) as store:
        rows = find_alerts(
            store,
            by=by,
            freq=freq,
            baseline_periods=baseline_periods,
            threshold=threshold,
            min_count=min_count,
            category=category,
            end=end,
            source=source,
        )
    emit(rows, fmt)


@click.command()
@db_option
@click.option("--actor", help="Actor code (e.g. IRN).")
@click.option("--recipient", help="Recipient code (e.g. TUR).")
@freq_option
@start_option
@end_option
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False),
    help="Chart file to write: .svg or .html.",
)
def plot(
    db: str,
    actor: str | None,
    recipient: str | None,
    freq: str,
    start: dt.date | None,
    end: dt.date | None,
    output: str,
) -> None:
    """Chart a dyad's cooperation (up) and conflict (down) with its Goldstein line."""
    from accord.plot import plot_dyad

    with _open(db) as store:
        path = plot_dyad(
            store,
            actor=actor,
            recipient=recipient,
            freq=freq,
            start=start,
            end=end,
            path=output,
        )
    click.echo(f"wrote {path}", err=True)


COMMANDS: tuple[click.Command, ...] = (dedup, dyads, top, alerts, plot)


def register(group: click.Group) -> None:
    """Add the deduplication and analytics commands to ``group`` (the ``accord`` CLI)."""
    for command in COMMANDS:
        group.add_command(command)
