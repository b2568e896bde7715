"""Exports of stored events (PLOVER JSON Lines, CSV, Parquet) and the JSON Lines import.

``plover-jsonl`` is lossless: one ``Event.to_dict()`` object per line plus ``schema_version``,
and :func:`import_events` reads it back into the same store contents. CSV and Parquet are flat
tables for analysis: list-valued fields (codes, sectors, names, context) are joined with ";".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from accord.errors import InputError
from accord.store.database import EventFilter, Store
from accord.store.schema import mention_row

EXPORT_SCHEMA_VERSION = "accord-events/1"
FORMATS = ("plover-jsonl", "csv", "parquet")


def _joined(expr: str) -> str:
    # NULL items become "" so that the i-th code, sector and name still line up.
    return f"array_to_string(list_transform({expr}, lambda x: coalesce(x, '')), ';')"


# (column, SQL over ``mentions``) of the flat CSV/Parquet layout.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "event_id"),
    ("article_id", "article_id"),
    ("date", "date"),
    ("date_precision", "date_precision"),
    ("event", "event"),
    ("mode", "mode"),
    ("context", _joined("context")),
    ("cameo", "cameo"),
    ("quad_class", "quad_class"),
    ("goldstein", "goldstein"),
    ("plover_scale", "plover_scale"),
    ("actor_code", _joined("actor_codes")),
    ("actor_sector", _joined("actor_sectors")),
    ("actor_name", _joined("json_extract_string(actors, '$[*].name')")),
    ("recipient_code", _joined("recipient_codes")),
    ("recipient_sector", _joined("recipient_sectors")),
    ("recipient_name", _joined("json_extract_string(recipients, '$[*].name')")),
    ("reciprocal", "reciprocal"),
    ("negated", "negated"),
    ("future", "future"),
    ("hypothetical", "hypothetical"),
    ("historical", "historical"),
    ("location_name", "loc_name"),
    ("location_country", "loc_country"),
    ("location_admin1", "loc_admin1"),
    ("lat", "lat"),
    ("lon", "lon"),
    ("geo_precision", "geo_precision"),
    ("speaker_code", "json_extract_string(speaker, '$.code')"),
    ("speaker_name", "json_extract_string(speaker, '$.name')"),
    ("quote", "quote"),
    ("sentence_index", "sentence_index"),
    ("start_char", "start_char"),
    ("end_char", "end_char"),
    ("trigger", "trigger"),
    ("sentence", "sentence"),
    ("confidence", "confidence"),
)


@dataclass(frozen=True)
class ImportResult:
    lines: int  # non-blank lines read
    events_added: int
    events_skipped: int  # valid, but their event_id was stored already
    failed: int  # recorded with Store.add_failure


def export_events(
    store: Store,
    path_or_stream: str | Path | IO[Any],
    *,
    format: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    category: str | None = None,
    include_all_modalities: bool = False,
    batch_size: int = 10_000,
) -> int:
    """Write the stored events matching the filters (as for ``Store.events``); return the count.

    A path is written whole or not at all (via a ``.part`` file); a stream is written to as is.
    Pass ``include_all_modalities=True`` for a complete dump that :func:`import_events` restores.

    >>> export_events(store, "events.parquet", format="parquet", actor="IRN")  # doctest: +SKIP
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}: choose one of {', '.join(FORMATS)}")
    event_filter = EventFilter(
        start=start,
        end=end,
        actor=actor,
        recipient=recipient,
        category=category,
        include_all_modalities=include_all_modalities,
    )
    if (
        format == "parquet"
        and isinstance(path_or_stream, io.TextIOBase)
        and not hasattr(path_or_stream, "buffer")
    ):
        raise ValueError("parquet is binary: give a path or a binary stream, not a text stream")
    if format == "plover-jsonl":
        with _text_sink(path_or_stream) as out:
            return _write_jsonl(store, event_filter, out, batch_size=batch_size)
    with _binary_sink(path_or_stream) as out:
        return _write_flat(store, event_filter, out, format=format, batch_size=batch_size)


def _write_jsonl(store: Store, event_filter: EventFilter, out: IO[str], *, batch_size: int) -> int:
    n = 0
    for event in store.iter_events(
        start=event_filter.start,
        end=event_filter.end,
        actor=event_filter.actor,
        recipient=event_filter.recipient,
        category=event_filter.category,
        include_all_modalities=event_filter.include_all_modalities,
        batch_size=batch_size,
    ):
        event["schema_version"] = EXPORT_SCHEMA_VERSION
        out.write(json.dumps(event, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def _write_flat(
    store: Store, event_filter: EventFilter, out: IO[bytes], *, format: str, batch_size: int
) -> int:
    where, params = event_filter.where()
    columns = ", ".join(f'{sql} AS "{name}"' for name, sql in FLAT_COLUMNS)
    sql = f"SELECT {columns} FROM mentions {where} ORDER BY date NULLS LAST, event_id"
    cursor = store.con.cursor()
    try:
        reader = cursor.sql(sql, params=params).to_arrow_reader(batch_size)
        writer: pa_csv.CSVWriter | pq.ParquetWriter
        if format == "csv":
            writer = pa_csv.CSVWriter(out, reader.schema)
        else:
            writer = pq.ParquetWriter(out, reader.schema, compression="zstd")
        n = 0
        with writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
        return n
    finally:
        cursor.close()


@contextlib.contextmanager
def _atomic_path(path: Path, mode: str) -> Iterator[IO[Any]]:
    part = path.with_name(path.name + ".part")
    encoding = None if "b" in mode else "utf-8"
    try:
        with open(part, mode, encoding=encoding) as out:
            yield out
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


@contextlib.contextmanager
def _text_sink(target: str | Path | IO[Any]) -> Iterator[IO[str]]:
    if isinstance(target, str | Path):
        with _atomic_path(Path(target), "w") as out:
            yield out
    elif isinstance(target, io.TextIOBase):
        yield target
    else:
        text = io.TextIOWrapper(target, encoding="utf-8", newline="\n", write_through=True)
        try:
            yield text
        finally:
            text.flush()
            text.detach()  # leave the caller's binary stream open


@contextlib.contextmanager
def _binary_sink(target: str | Path | IO[Any]) -> Iterator[IO[bytes]]:
    if isinstance(target, str | Path):
        with _atomic_path(Path(target), "wb") as out:
            yield out
    elif not isinstance(target, io.TextIOBase):
        yield target
    elif hasattr(target, "buffer"):  # sys.stdout and files opened in text mode
        target.flush()
        yield target.buffer
        target.buffer.flush()
    else:  # io.StringIO: only text formats make sense there
        buffer = io.BytesIO()
        yield buffer
        target.write(buffer.getvalue().decode("utf-8"))


def import_events(
    store: Store,
    path_or_stream: str | Path | IO[str] | IO[bytes],
    *,
    run_id: str | None = None,
    batch_size: int = 10_000,
) -> ImportResult:
    """Load a ``plover-jsonl`` export into ``store``; events already stored are skipped.

    A bad line is recorded as a failure (origin ``file:line``) and the rest continue. Only
    events are imported: their articles are not part of the export.
    """
    with contextlib.ExitStack() as stack:
        lines: Iterable[str | bytes]
        if isinstance(path_or_stream, str | Path):
            name = str(path_or_stream)
            try:
                # bytes, decoded line by line, so a bad encoding fails one line, not the file
                lines = stack.enter_context(open(path_or_stream, "rb"))
            except OSError as err:
                raise InputError(name, f"cannot read: {err.strerror}") from err
        else:
            name = str(getattr(path_or_stream, "name", "<stream>"))
            lines = path_or_stream
        n_lines = added = failed = 0
        batch: list[dict[str, Any]] = []
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            n_lines += 1
            try:
                batch.append(_parse_line(line))
            except ValueError as err:  # UnicodeDecodeError included
                record = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
                store.add_failure(
                    f"{name}:{lineno}", str(err), run_id=run_id, record=record.rstrip()
                )
                failed += 1
                continue
            if len(batch) >= batch_size:
                added += store.add_event_dicts(batch)
                batch = []
        if batch:
            added += store.add_event_dicts(batch)
    return ImportResult(
        lines=n_lines, events_added=added, events_skipped=n_lines - failed - added, failed=failed
    )


def _parse_line(line: str | bytes) -> dict[str, Any]:
    if isinstance(line, bytes):
        line = line.decode("utf-8")
    try:
        event = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"invalid JSON: {err}") from err
    if not isinstance(event, dict):
        raise ValueError(f"expected a JSON object, got {type(event).__name__}")
    version = event.pop("schema_version", EXPORT_SCHEMA_VERSION)
    if version != EXPORT_SCHEMA_VERSION:
        raise ValueError(
            f"schema_version {version!r} is not supported: this accord reads "
            f"{EXPORT_SCHEMA_VERSION!r}"
        )
    mention_row(event)  # validate now, so one bad line cannot fail its whole batch
    return event
