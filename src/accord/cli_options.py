"""Options and checks shared by the command modules (``accord.cli``, ``accord.analytics_cli``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from accord.errors import AccordError

FORMATS = ("jsonl", "table", "csv")


def date_value(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    """Click callback: a YYYY-MM-DD option as a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from err


date_option = click.option(
    "--date",
    callback=date_value,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that have none.",
)
db_option = click.option(
    "--db",
    default="accord.duckdb",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="DuckDB store file.",
)


def require_store(db: str) -> None:
    """Fail with the fix when there is no store file at ``db``."""
    if not Path(db).exists():
        raise AccordError(f"no store at {db}: run `accord ingest PATH --db {db}` first")
