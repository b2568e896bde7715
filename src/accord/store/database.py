"""The embedded DuckDB event store: articles, event mentions, failures and runs.

One ``Store`` owns one connection. Writes go in bulk (Arrow tables joined against what is
already stored), one transaction per batch, so a killed process leaves whole batches or none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from accord.domain import Article, Event
from accord.errors import StoreError
from accord.store.schema import (
    ARTICLE_ARROW_SCHEMA,
    EVENT_COLUMNS,
    MENTION_ARROW_SCHEMA,
    SCHEMA_VERSION,
    event_dict,
    mention_row,
    migrate,
    schema_version,
)


@dataclass(frozen=True)
class AddResult:
    articles_added: int
    articles_skipped: int
    events_added: int


@dataclass(frozen=True)
class EventFilter:
    """Which stored events a query returns. Codes and categories are matched upper-case."""

    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None
    recipient: str | None = None
    category: str | None = None
    include_all_modalities: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """The SQL ``WHERE`` clause (or ``""``) over ``mentions`` or ``events``, and its
        parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.start is not None:
            clauses.append("date >= ?")
            params.append(self.start)
        if self.end is not None:
            clauses.append("date <= ?")
            params.append(self.end)
        if self.actor or self.recipient:
            clause, values = dyad_clause(self.actor, self.recipient)
            clauses.append(clause)
            params.extend(values)
        if self.category:
            clauses.append("event = ?")
            params.append(self.category.upper())
        if not self.include_all_modalities:
            # Same rule as Modality.happened: future/intent events are kept.
            clauses.append("NOT (negated OR hypothetical OR historical)")
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def select(self, columns: str, table: str, limit: int | None = None) -> tuple[str, list[Any]]:
        """The query for ``columns`` of the matching rows of ``table`` (``mentions`` or
        ``events``), ordered by date then event id, at most ``limit`` of them."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be >= 0, not {limit}")
        where, params = self.where()
        sql = f"SELECT {columns} FROM {table} {where} ORDER BY date NULLS LAST, event_id"
        return (sql + f" LIMIT {int(limit)}" if limit is not None else sql), params


def dyad_clause(actor: str | None, recipient: str | None) -> tuple[str, list[str]]:
    """SQL matching events with ``actor`` among the actors and ``recipient`` among the
    recipients, either way round for reciprocal events; codes are matched upper-case."""
    forward, backward, params = [], [], []
    for code, side, other in (
        (actor, "actor_codes", "recipient_codes"),
        (recipient, "recipient_codes", "actor_codes"),
    ):
        if code:
            forward.append(f"list_contains({side}, ?)")
            backward.append(f"list_contains({other}, ?)")
            params.append(code.upper())
    return (
        f"(({' AND '.join(forward)}) OR (reciprocal AND {' AND '.join(backward)}))",
        params + params,
    )


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> int:
    """The single number a count or a write returns. Read with fetchall: DuckDB 2 refuses
    other work on a connection (e.g. ``register``) while a result is half read."""
    rows = con.execute(sql, list(params)).fetchall()
    return int(rows[0][0]) if rows else 0


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _open_error(path: str, read_only: bool, err: duckdb.Error) -> StoreError:
    message = str(err)
    if "Could not set lock" in message:
        pid = re.search(r"\(PID (\d+)\)", message)
        holder = f"process {pid.group(1)}" if pid else "another process"
        return StoreError(
            f"{path} is locked by {holder}: only one process can write a store at a time; "
            "wait for it to finish, stop it, or use another database path"
        )
    if "not a valid DuckDB database" in message:
        return StoreError(
            f"{path} is not a DuckDB database: give the path of an accord store "
            "or of a file that does not exist yet"
        )
    if read_only and "does not exist" in message:
        return StoreError(f"{path} does not exist: there is no store to open read-only")
    if "No such file or directory" in message:
        return StoreError(f"cannot create store {path}: its directory does not exist")
    if "different configuration" in message:
        mode = "read-write" if read_only else "read-only"
        return StoreError(f"{path} is already open {mode} in this process: close that Store first")
    return StoreError(f"cannot open store {path}: {message}")


@contextlib.contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[str]:
    con.register(name, table)
    try:
        yield name
    finally:
        con.unregister(name)


class Store:
    """An accord event store in one DuckDB file (or ``":memory:"``).

    >>> with Store(":memory:") as store:
    ...     store.stats()["articles"]
    0
    """

    def __init__(self, path: str | Path = "accord.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(
                self.path, read_only=read_only
            )
        except duckdb.Error as err:
            raise _open_error(self.path, read_only, err) from err
        try:
            if read_only:
                self._check_version()
            else:
                migrate(self._con, path=self.path)
        except BaseException:
            self.close()
            raise

    def _check_version(self) -> None:
        version = schema_version(self.con)
        if version == SCHEMA_VERSION:
            return
        if version == 0:
            raise StoreError(f"{self.path} is not an accord store (it has no accord schema)")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this accord understands "
                f"({SCHEMA_VERSION}): upgrade accord to open it"
            )
        raise StoreError(
            f"{self.path} has schema version {version}: open it once without read-only "
            f"to migrate it to version {SCHEMA_VERSION}"
        )

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"store {self.path} is closed")
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"Store({self.path!r}{mode})"

    @contextlib.contextmanager
    def transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction on the store's connection; DuckDB errors become StoreError saying
        what could not be done (``what``, e.g. "add articles")."""
        con = self.con
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only: cannot {what} (open it read-write)")
        con.begin()
        try:
            yield con
        except BaseException as err:
            with contextlib.suppress(duckdb.Error):
                con.rollback()
            if isinstance(err, duckdb.Error):
                raise StoreError(f"{self.path}: could not {what}: {err}") from err
            raise
        else:
            try:
                con.commit()
            except duckdb.Error as err:
                raise StoreError(f"{self.path}: could not {what}: {err}") from err

    # -- articles and events ---------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return _count(self.con, "SELECT count(*) FROM articles WHERE id = ?", [article_id]) > 0

    def known_articles(self, article_ids: Iterable[str]) -> set[str]:
        """The subset of ``article_ids`` already stored (to skip coding them again)."""
        return self._known(self.con, list(article_ids))

    @staticmethod
    def _known(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> set[str]:
        if not article_ids:
            return set()
        ids = pa.table({"id": pa.array(article_ids, pa.string())})
        with _registered(con, "_accord_ids", ids):
            rows = con.execute(
                "SELECT a.id FROM articles a SEMI JOIN _accord_ids i ON a.id = i.id"
            ).fetchall()
        return {row[0] for row in rows}

    def add(
        self, batch: Sequence[tuple[Article, Sequence[Event]]], *, run_id: str | None = None
    ) -> AddResult:
        """Store articles with their events in one transaction; stored articles are skipped.

        Re-adding an article changes nothing; a failure leaves nothing of the batch behind.
        """
        unique: dict[str, tuple[Article, Sequence[Event]]] = {}
        for article, events in batch:
            unique.setdefault(article.id, (article, events))
        repeats = len(batch) - len(unique)
        if not unique:
            return AddResult(0, repeats, 0)
        with self.transaction("add articles") as con:
            known = self._known(con, list(unique))
            new = [pair for article_id, pair in unique.items() if article_id not in known]
            self._insert_articles(con, [article for article, _ in new], run_id=run_id)
            rows = []
            for article, events in new:
                for event in events:
                    try:
                        rows.append(mention_row(event.to_dict()))
                    except (ValueError, TypeError) as err:  # TypeError: extra not JSON
                        raise StoreError(
                            f"event {event.event_id} of article {article.id} "
                            f"cannot be stored: {err}"
                        ) from err
            events_added = self._insert_mentions(con, rows)
        return AddResult(len(new), len(known) + repeats, events_added)

    def add_event_dicts(self, events: Iterable[Mapping[str, Any]]) -> int:
        """Store event dicts (``Event.to_dict()`` shape) without their articles, in one
        transaction; events whose ``event_id`` is stored already are skipped. Returns the
        number added. Raises ``ValueError`` on a malformed dict."""
        rows = [mention_row(event) for event in events]
        with self.transaction("add events") as con:
            return self._insert_mentions(con, rows)

    def _insert_articles(
        self, con: duckdb.DuckDBPyConnection, articles: Sequence[Article], *, run_id: str | None
    ) -> int:
        if not articles:
            return 0
        now = _utcnow()
        table = pa.Table.from_pylist(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "date": a.date,
                    "url": a.url,
                    "outlet": a.outlet,
                    "dateline": a.dateline,
                    "language": a.language,
                    "origin": a.origin,
                    "text": a.text,
                    "n_chars": len(a.text),
                    "ingested_at": now,
                    "run_id": run_id,
                }
                for a in articles
            ],
            schema=ARTICLE_ARROW_SCHEMA,
        )
        with _registered(con, "_accord_articles", table):
            return _count(
                con,
                "INSERT INTO articles BY NAME SELECT * FROM _accord_articles b "
                "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = b.id)",
            )

    def _insert_mentions(self, con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> int:
        first: dict[str, dict[str, Any]] = {}
        for row in rows:
            first.setdefault(row["event_id"], row)
        unique = list(first.values())
        if not unique:
            return 0
        table = pa.Table.from_pylist(unique, schema=MENTION_ARROW_SCHEMA)
        with _registered(con, "_accord_mentions", table):
            return _count(
                con,
                "INSERT INTO mentions BY NAME SELECT * FROM _accord_mentions b "
                "WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = b.event_id)",
            )

    def iter_events(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        category: str | None = None,
        limit: int | None = None,
        include_all_modalities: bool = False,
        batch_size: int = 10_000,
    ) -> Iterator[dict[str, Any]]:
        """Like :meth:`events`, streamed in batches (for exports of any size)."""
        sql, params = EventFilter(
            start=start,
            end=end,
            actor=actor,
            recipient=recipient,
            category=category,
            include_all_modalities=include_all_modalities,
        ).select(EVENT_COLUMNS, "mentions", limit)
        # A cursor of its own, so the caller may use the store while iterating.
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(batch_size):
                for row in rows:
                    yield event_dict(row)
        finally:
            cursor.close()

    def events(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        category: str | None = None,
        limit: int | None = None,
        include_all_modalities: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored events as ``Event.to_dict()`` dicts, ordered by date then event id.

        ``actor``/``recipient`` match any code of the lists ("IRN"); ``category`` is a PLOVER
        category. Negated, hypothetical and historical events are left out unless
        ``include_all_modalities``.
        """
        return list(
            self.iter_events(
                start=start,
                end=end,
                actor=actor,
                recipient=recipient,
                category=category,
                limit=limit,
                include_all_modalities=include_all_modalities,
            )
        )

    def stats(self, *, top: int = 10, include_all_modalities: bool = False) -> dict[str, Any]:
        """Counts: articles, events (all and those that happened), events by PLOVER category,
        the ``top`` directed dyads (actor code -> recipient code), failures and runs."""
        con = self.con
        where, params = EventFilter(include_all_modalities=include_all_modalities).where()

        by_category = con.execute(
            f"SELECT event, count(*) FROM mentions {where} GROUP BY event ORDER BY 2 DESC, 1",
            params,
        ).fetchall()
        dyads = con.execute(
            f"""
            SELECT a.code, r.code, count(DISTINCT m.event_id) AS n
            FROM (SELECT * FROM mentions {where}) m,
                 unnest(m.actor_codes) a(code), unnest(m.recipient_codes) r(code)
            WHERE a.code IS NOT NULL AND r.code IS NOT NULL
            GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT ?
            """,
            [*params, top],
        ).fetchall()
        return {
            "schema_version": SCHEMA_VERSION,
            "articles": _count(con, "SELECT count(*) FROM articles"),
            "events": _count(con, f"SELECT count(*) FROM mentions {where}", params),
            "events_all": _count(con, "SELECT count(*) FROM mentions"),
            "by_category": {event: n for event, n in by_category},
            "top_dyads": [{"actor": a, "recipient": r, "count": n} for a, r, n in dyads],
            "failures": _count(con, "SELECT count(*) FROM failures"),
            "runs": _count(con, "SELECT count(*) FROM runs"),
        }

    # -- failures and runs -----------------------------------------------------------------

    def add_failure(
        self, origin: str, reason: str, *, run_id: str | None = None, record: str | None = None
    ) -> None:
        """Record an input that could not be coded, for ``accord failures`` and retries."""
        with self.transaction("record a failure") as con:
            con.execute(
                'INSERT INTO failures (origin, reason, record, run_id, "at") '
                "VALUES (?, ?, ?, ?, ?)",
                [origin, reason, record, run_id, _utcnow()],
            )

    def failures(self, *, run_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded failures, oldest first: id, origin, reason, record, run_id, at (UTC)."""
        sql = 'SELECT id, origin, reason, record, run_id, "at" FROM failures'
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        cursor = self.con.execute(sql + " ORDER BY id", params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def clear_failure(self, failure_id: int | None = None, *, origin: str | None = None) -> int:
        """Forget one failure by id, or every failure of ``origin`` (after a successful
        retry). Returns how many were removed."""
        if (failure_id is None) == (origin is None):
            raise ValueError("clear_failure needs exactly one of failure_id or origin")
        column, value = ("id", failure_id) if failure_id is not None else ("origin", origin)
        with self.transaction("clear failures") as con:
            return _count(con, f"DELETE FROM failures WHERE {column} = ?", [value])

    def start_run(self, *, command: str, sources: Sequence[str]) -> str:
        """Record the start of a run (``accord ingest ...``) and return its id."""
        now = _utcnow()
        run_id = f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        with self.transaction("start a run") as con:
            con.execute(
                "INSERT INTO runs (run_id, command, sources, started_at, status) "
                "VALUES (?, ?, ?, ?, 'running')",
                [run_id, command, list(sources), now],
            )
        return run_id

    def finish_run(self, run_id: str, *, status: str, counts: Mapping[str, Any]) -> None:
        with self.transaction("finish a run") as con:
            updated = _count(
                con,
                "UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE run_id = ?",
                [_utcnow(), status, json.dumps(dict(counts), ensure_ascii=False), run_id],
            )
        if not updated:
            raise StoreError(f"{self.path}: no run {run_id!r} to finish")

    def runs(self) -> list[dict[str, Any]]:
        """Recorded runs, newest first; ``counts`` decoded from JSON."""
        cursor = self.con.execute(
            "SELECT run_id, command, sources, started_at, finished_at, status, counts "
            "FROM runs ORDER BY started_at DESC, run_id DESC"
        )
        names = [d[0] for d in cursor.description]
        runs = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for run in runs:
            run["counts"] = json.loads(run["counts"]) if run["counts"] else None
        return runs
