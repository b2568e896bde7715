"""The ``accord`` command line: each command parses its input, calls the library, formats.

Errors are translated once, here: one line on stderr naming the problem and its fix, and a
non-zero exit status.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from accord.analytics_cli import register as register_analytics
from accord.cli_options import FORMATS, date_option, date_value, db_option, require_store
from accord.errors import AccordError


def _coding_options(function: Any) -> Any:
    function = click.option(
        "--all-modalities",
        is_flag=True,
        help="Keep negated, hypothetical and historical events (flagged).",
    )(function)
    function = click.option(
        "--keep-unresolved", is_flag=True, help="Keep events whose actor could not be resolved."
    )(function)
    function = click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra actor dictionary (TSV, entry schema); repeatable.",
    )(function)
    return function


class AccordGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AccordError as err:
            click.echo(f"accord: error: {err}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=AccordGroup)
@click.version_option(package_name="accord")
def main() -> None:
    """accord: who did what to whom, when and where, from the news (PLOVER and CAMEO)."""


def _coder(all_modalities: bool, keep_unresolved: bool, actor_files: Sequence[str]) -> Any:
    from accord.pipeline import Coder, Options

    options = Options(
        all_modalities=all_modalities,
        keep_unresolved=keep_unresolved,
        actor_files=tuple(Path(p) for p in actor_files),
    )
    return Coder(options=options)


def _articles(
    paths: Sequence[str], *, date: dt.date | None, strict: bool, problems: list[str]
) -> Iterator[Any]:
    """Good articles from the inputs; each bad record is reported on stderr and skipped."""
    from accord.ingest import BadRecord, read_articles

    for item in read_articles(paths or ["-"], date=date):
        if isinstance(item, BadRecord):
            problems.append(f"{item.origin}: {item.reason}")
            click.echo(f"accord: skipped {item.origin}: {item.reason}", err=True)
            if strict:
                sys.exit(1)
            continue
        yield item


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: jsonl when piped, table on a terminal].",
)
@date_option
@click.option("--strict", is_flag=True, help="Stop at the first bad input record.")
@_coding_options
def code(
    paths: tuple[str, ...],
    fmt: str | None,
    date: dt.date | None,
    strict: bool,
    all_modalities: bool,
    keep_unresolved: bool,
    actor_files: tuple[str, ...],
) -> None:
    """Code articles (files, folders or - for stdin) and print one event per line."""
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    coder = _coder(all_modalities, keep_unresolved, actor_files)
    problems: list[str] = []
    read = 0
    events: list[dict[str, Any]] = []
    for coded in coder.code_many(_articles(paths, date=date, strict=strict, problems=problems)):
        read += 1
        for event in coded.events:
            if fmt == "jsonl":
                click.echo(event.to_json())
            else:
                events.append(event.to_dict())
    if fmt == "table":
        click.echo(format_table(events))
    elif fmt == "csv":
        write_csv(events, sys.stdout)
    dropped = ", ".join(f"{n} {why}" for why, n in sorted(coder.tally.dropped.items()))
    click.echo(
        f"accord: {coder.tally.events} events from {read} articles"
        + (f"; left out: {dropped}" if dropped else ""),
        err=True,
    )
    if read == 0:
        click.echo("accord: error: no article could be read from the input", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@date_option
@click.option("--batch-size", default=50, show_default=True, help="Articles per transaction.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    help="Code on a local Dask cluster of this many processes.",
)
@click.option("--strict", is_flag=True, help="Stop at the first bad input record.")
@click.option("--progress", is_flag=True, help="Report each committed batch on stderr.")
@click.option(
    "--dedup/--no-dedup",
    default=True,
    show_default=True,
    help="Fold the new reports into deduplicated events after the run.",
)
@_coding_options
def ingest(
    paths: tuple[str, ...],
    db: str,
    date: dt.date | None,
    batch_size: int,
    strict: bool,
    workers: int,
    progress: bool,
    dedup: bool,
    all_modalities: bool,
    keep_unresolved: bool,
    actor_files: tuple[str, ...],
) -> None:
    """Code articles and store them with their events (re-ingesting adds nothing)."""
    from accord.batch import ingest_paths

    coder = _coder(all_modalities, keep_unresolved, actor_files)
    result = ingest_paths(
        paths,
        db=db,
        coder=coder,
        date=date,
        batch_size=batch_size,
        strict=strict,
        workers=workers,
        dedup=dedup,
        on_batch=(
            lambda r: click.echo(f"accord: committed {r.read} articles read so far", err=True)
        )
        if progress
        else None,
        on_problem=lambda line: click.echo(f"accord: skipped {line}", err=True),
    )
    click.echo(result.summary())
    if result.read == 0 and result.skipped == 0:
        sys.exit(1)


@main.command()
@db_option
@click.option("--start", callback=date_value, help="First event date (YYYY-MM-DD).")
@click.option("--end", callback=date_value, help="Last event date (YYYY-MM-DD).")
@click.option("--actor", help="Actor code (e.g. IRN).")
@click.option("--recipient", help="Recipient code.")
@click.option("--category", help="PLOVER category (e.g. ASSAULT).")
@click.option("--limit", type=int)
@click.option("--all-modalities", is_flag=True, help="Include negated/hypothetical/historical.")
@click.option(
    "--deduplicated",
    is_flag=True,
    help="List real-world events (each with its reports, articles and sources) instead of "
    "one row per report.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None)
def events(
    db: str,
    start: dt.date | None,
    end: dt.date | None,
    actor: str | None,
    recipient: str | None,
    category: str | None,
    limit: int | None,
    all_modalities: bool,
    deduplicated: bool,
    fmt: str | None,
) -> None:
    """List stored events, filtered."""
    from accord.dedup import real_events
    from accord.store import Store

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    require_store(db)
    with Store(db, read_only=True) as store:
        query = real_events if deduplicated else Store.events
        found = query(
            store,
            start=start,
            end=end,
            actor=actor,
            recipient=recipient,
            category=category.upper() if category else None,
            limit=limit,
            include_all_modalities=all_modalities,
        )
    _print_events(found, fmt)


@main.command()
@db_option
@click.option(
    "--samples",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Folder of articles to use instead of the bundled samples.",
)
def demo(db: str, samples: str | None) -> None:
    """Ingest the bundled sample articles and print a readable summary."""
    from accord.demo import run_demo

    click.echo(run_demo(db=db, samples=Path(samples) if samples else None))


@main.command()
@click.argument("paths", nargs=-1)
@date_option
def quotes(paths: tuple[str, ...], date: dt.date | None) -> None:
    """List direct quotes with their speakers (JSON Lines)."""
    coder = _coder(False, False, ())
    problems: list[str] = []
    for coded in coder.code_many(_articles(paths, date=date, strict=False, problems=problems)):
        for quote in coded.quotes:
            click.echo(
                json.dumps({"article_id": coded.article.id, **quote.to_dict()}, ensure_ascii=False)
            )


@main.command()
@click.argument("text_or_path")
@date_option
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True))
def actors(text_or_path: str, date: dt.date | None, actor_files: tuple[str, ...]) -> None:
    """Explain actor resolution: every mention, what it resolved to, and why."""
    from accord.explain import explain_actors

    coder = _coder(False, False, actor_files)
    for article in _text_or_path(text_or_path, date=date):
        for row in explain_actors(coder, article):
            click.echo(json.dumps(row, ensure_ascii=False))


@main.command()
@click.argument("text_or_path")
@date_option
def places(text_or_path: str, date: dt.date | None) -> None:
    """List toponyms with their resolution and the alternatives considered."""
    from accord.geo import list_places

    coder = _coder(False, False, ())
    for article in _text_or_path(text_or_path, date=date):
        doc = coder.nlp(article.text)
        for row in list_places(doc, dateline=article.dateline):
            click.echo(
                json.dumps({"article_id": article.id, **row}, ensure_ascii=False, default=str)
            )


@main.command(name="eval")
@click.option(
    "--eval-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder with the gold files [default: ../shared/eval or $ACCORD_EVAL_DIR].",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the full report as Markdown here.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N records per file.")
def eval_command(eval_dir: str | None, report: str | None, limit: int | None) -> None:
    """Score the coder against the gold data and print the headline figures."""
    from accord.scoring import run_all

    click.echo(run_all(eval_dir=eval_dir, report=report, limit=limit))


@main.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plover-jsonl", "csv", "parquet"]),
    default="plover-jsonl",
    show_default=True,
)
@click.option("--output", "-o", default="-", help="File to write [default: stdout].")
@click.option("--all-modalities", is_flag=True)
def export(db: str, fmt: str, output: str, all_modalities: bool) -> None:
    """Export stored events as PLOVER JSON Lines, CSV or Parquet."""
    from accord.store import Store
    from accord.store.export import export_events

    require_store(db)
    with Store(db, read_only=True) as store:
        if output == "-":
            stream: Any = sys.stdout.buffer if fmt == "parquet" else sys.stdout
            count = export_events(store, stream, format=fmt, include_all_modalities=all_modalities)
        else:
            count = export_events(store, output, format=fmt, include_all_modalities=all_modalities)
    click.echo(f"exported {count} events", err=True)


@main.command()
@db_option
def failures(db: str) -> None:
    """List input records that failed, with their reasons."""
    from accord.store import Store

    require_store(db)
    with Store(db, read_only=True) as store:
        for row in store.failures():
            click.echo(json.dumps(row, ensure_ascii=False, default=str))


register_analytics(main)


# -- helpers -------------------------------------------------------------------------------


def _text_or_path(value: str, *, date: dt.date | None) -> Iterable[Any]:
    from accord.ingest import BadRecord, article_from_text, read_articles

    if value == "-" or _is_path(value):
        for item in read_articles([value], date=date):
            if isinstance(item, BadRecord):
                click.echo(f"accord: skipped {item.origin}: {item.reason}", err=True)
            else:
                yield item
    else:
        yield article_from_text(value, default_date=date, headline=False)


def _is_path(value: str) -> bool:
    """An existing file or folder; a long sentence is no path (and may be too long for one)."""
    try:
        return Path(value).exists()
    except OSError:
        return False


def _print_events(found: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for event in found:
            click.echo(json.dumps(event, ensure_ascii=False, default=str))
    elif fmt == "csv" and found and "num_mentions" in found[0]:
        raise AccordError("CSV lists reports; use --format jsonl for deduplicated events")
    elif fmt == "csv":
        write_csv(found, sys.stdout)
    else:
        click.echo(format_table(found))


def _actors_text(actors: list[dict[str, Any]]) -> str:
    return (
        "+".join(
            f"{a.get('code') or '?'}{'/' + a['sector'] if a.get('sector') else ''}" for a in actors
        )
        or "-"
    )


def format_table(events: list[dict[str, Any]]) -> str:
    """A readable fixed-width table of event dicts."""
    if not events:
        return "(no events)"
    rows = [("date", "event", "cameo", "actor", "", "recipient", "trigger", "place", "conf")]
    for event in events:
        flags = "".join(k[0].upper() for k, v in event["modality"].items() if v)
        arrow = "<->" if event["reciprocal"] else "->"
        rows.append(
            (
                event["date"] or "-",
                event["event"] + (f" [{flags}]" if flags else ""),
                event["cameo"],
                _actors_text(event["actor"]),
                arrow,
                _actors_text(event["recipient"]),
                event["evidence"]["trigger"]
                if "evidence" in event
                else f"{event['num_mentions']} reports, {event['num_sources']} sources",
                event["location"]["name"] or "-",
                f"{event['confidence']:.2f}",
            )
        )
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def write_csv(events: list[dict[str, Any]], stream: Any) -> None:
    """Flat CSV of event dicts, in the same columns as ``accord export --format csv``."""
    from accord.store import Store
    from accord.store.export import export_events

    with Store(":memory:") as store:
        store.add_event_dicts(events)
        export_events(
            store,
            stream.buffer if hasattr(stream, "buffer") else stream,
            format="csv",
            include_all_modalities=True,
        )
