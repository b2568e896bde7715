"""Layout of the event store: DDL, the migrations that build it (applied in order at open),
and the mapping between event dicts (``Event.to_dict()`` shape) and ``mentions`` rows.

Version 1 holds what one coding pass produces: ``articles``, one row per coded report of an
event in ``mentions``, ingest ``failures`` and ``runs``. Deduplicated real-world events are
added later as a new migration (an ``events`` table whose ids fill ``mentions.cluster_id``);
the name ``events`` is kept free for it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from accord.errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = Migration(
    version=1,
    description="articles, event mentions, failures, runs",
    statements=(
        """
        CREATE TABLE articles (
            id          VARCHAR PRIMARY KEY,
            title       VARCHAR,
            date        DATE,
            url         VARCHAR,
            outlet      VARCHAR,
            dateline    VARCHAR,
            language    VARCHAR,
            origin      VARCHAR,
            text        VARCHAR NOT NULL,
            n_chars     INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL,  -- UTC
            run_id      VARCHAR
        )
        """,
        # One row per event as coded from one article. The JSON columns keep the parts of
        # Event.to_dict() that have no scalar column, so a row rebuilds the dict exactly;
        # ``evidence`` holds the evidence keys other than the primary sentence's (``also``).
        """
        CREATE TABLE mentions (
            event_id          VARCHAR PRIMARY KEY,
            article_id        VARCHAR NOT NULL,
            date              DATE,
            date_precision    VARCHAR NOT NULL,
            event             VARCHAR NOT NULL,
            mode              VARCHAR,
            context           VARCHAR[] NOT NULL,
            cameo             VARCHAR NOT NULL,
            quad_class        INTEGER NOT NULL,
            goldstein         DOUBLE NOT NULL,
            plover_scale      DOUBLE NOT NULL,
            actor_codes       VARCHAR[] NOT NULL,
            actor_sectors     VARCHAR[] NOT NULL,
            recipient_codes   VARCHAR[] NOT NULL,
            recipient_sectors VARCHAR[] NOT NULL,
            actors            JSON NOT NULL,
            recipients        JSON NOT NULL,
            reciprocal        BOOLEAN NOT NULL,
            negated           BOOLEAN NOT NULL,
            future            BOOLEAN NOT NULL,
            hypothetical      BOOLEAN NOT NULL,
            historical        BOOLEAN NOT NULL,
            location          JSON NOT NULL,
            loc_name          VARCHAR,
            loc_country       VARCHAR,
            loc_admin1        VARCHAR,
            lat               DOUBLE,
            lon               DOUBLE,
            geo_precision     VARCHAR,
            speaker           JSON,
            quote             VARCHAR,
            sentence_index    INTEGER NOT NULL,
            sentence          VARCHAR NOT NULL,
            start_char        INTEGER NOT NULL,
            end_char          INTEGER NOT NULL,
            trigger           VARCHAR NOT NULL,
            evidence          JSON NOT NULL,
            confidence        DOUBLE NOT NULL,
            extra             JSON NOT NULL,
            cluster_id        VARCHAR
        )
        """,
        "CREATE SEQUENCE failures_id_seq START 1",
        """
        CREATE TABLE failures (
            id      BIGINT PRIMARY KEY DEFAULT nextval('failures_id_seq'),
            origin  VARCHAR NOT NULL,
            reason  VARCHAR NOT NULL,
            record  VARCHAR,
            run_id  VARCHAR,
            "at"    TIMESTAMP NOT NULL  -- UTC (a reserved word: quote it)
        )
        """,
        """
        CREATE TABLE runs (
            run_id      VARCHAR PRIMARY KEY,
            command     VARCHAR NOT NULL,
            sources     VARCHAR[] NOT NULL,
            started_at  TIMESTAMP NOT NULL,  -- UTC
            finished_at TIMESTAMP,
            status      VARCHAR NOT NULL,
            counts      JSON
        )
        """,
    ),
)

# Deduplicated real-world events, maintained by ``accord.dedup.cluster_mentions``: one row per
# cluster of mentions (``mentions.cluster_id`` = ``events.event_id``), with the figures of the
# whole cluster. Column names follow ``mentions`` so that analytics read either table.
_V2 = Migration(
    version=2,
    description="deduplicated events",
    statements=(
        """
        CREATE TABLE events (
            event_id          VARCHAR PRIMARY KEY,
            event             VARCHAR NOT NULL,  -- PLOVER category
            cameo             VARCHAR NOT NULL,
            quad_class        INTEGER NOT NULL,
            goldstein         DOUBLE NOT NULL,
            plover_scale      DOUBLE NOT NULL,
            actor_codes       VARCHAR[] NOT NULL,
            actor_sectors     VARCHAR[] NOT NULL,
            recipient_codes   VARCHAR[] NOT NULL,
            recipient_sectors VARCHAR[] NOT NULL,
            actors            JSON NOT NULL,
            recipients        JSON NOT NULL,
            reciprocal        BOOLEAN NOT NULL,
            negated           BOOLEAN NOT NULL,
            future            BOOLEAN NOT NULL,
            hypothetical      BOOLEAN NOT NULL,
            historical        BOOLEAN NOT NULL,
            date              DATE,
            first_seen        DATE,
            last_seen         DATE,
            num_mentions      INTEGER NOT NULL,
            num_articles      INTEGER NOT NULL,
            num_sources       INTEGER NOT NULL,
            location          JSON NOT NULL,
            loc_name          VARCHAR,
            loc_country       VARCHAR,
            lat               DOUBLE,
            lon               DOUBLE,
            geo_precision     VARCHAR,
            confidence        DOUBLE NOT NULL,
            mention_ids       VARCHAR[] NOT NULL,
            article_ids       VARCHAR[] NOT NULL,
            sources           VARCHAR[] NOT NULL,
            updated_at        TIMESTAMP NOT NULL  -- UTC
        )
        """,
    ),
)

_V3 = Migration(
    version=3,
    description="actors: every resolved actor with its roles and how often it acts",
    statements=(
        """
        CREATE VIEW actors AS
        WITH sides AS (
            SELECT unnest(from_json(actors, '["json"]')) AS a, 'actor' AS side FROM mentions
            UNION ALL
            SELECT unnest(from_json(recipients, '["json"]')) AS a, 'recipient' AS side
            FROM mentions
        )
        SELECT a->>'code' AS code, a->>'sector' AS sector, a->>'name' AS name,
               count(*) FILTER (WHERE side = 'actor') AS as_actor,
               count(*) FILTER (WHERE side = 'recipient') AS as_recipient
        FROM sides
        GROUP BY ALL
        """,
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version recorded in ``meta``; 0 for a database accord has never written to."""
    # fetchall, not fetchone: DuckDB 2 refuses other work while a result is half read
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'meta'"
    ).fetchall()
    if not has_meta[0][0]:
        return 0
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 0


def migrate(con: duckdb.DuckDBPyConnection, *, path: str) -> int:
    """Apply the pending migrations, each in its own transaction; return the final version."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {current}, newer than this accord understands "
            f"({SCHEMA_VERSION}): upgrade accord to open it"
        )
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        con.begin()
        try:
            if current == 0:
                con.execute(
                    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"
                )
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                [str(migration.version)],
            )
            con.commit()
        except duckdb.Error as err:
            con.rollback()
            raise StoreError(
                f"{path}: migration to schema version {migration.version} "
                f"({migration.description}) failed: {err}"
            ) from err
        current = migration.version
    return current


# -- rows: the mapping between Event.to_dict() and the tables ---------------------------------

ARTICLE_ARROW_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("date", pa.date32()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("dateline", pa.string()),
        ("language", pa.string()),
        ("origin", pa.string()),
        ("text", pa.string()),
        ("n_chars", pa.int32()),
        ("ingested_at", pa.timestamp("us")),
        ("run_id", pa.string()),
    ]
)

_STRINGS = pa.list_(pa.string())
MENTION_ARROW_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("event", pa.string()),
        ("mode", pa.string()),
        ("context", _STRINGS),
        ("cameo", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("plover_scale", pa.float64()),
        ("actor_codes", _STRINGS),
        ("actor_sectors", _STRINGS),
        ("recipient_codes", _STRINGS),
        ("recipient_sectors", _STRINGS),
        ("actors", pa.string()),
        ("recipients", pa.string()),
        ("reciprocal", pa.bool_()),
        ("negated", pa.bool_()),
        ("future", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("historical", pa.bool_()),
        ("location", pa.string()),
        ("loc_name", pa.string()),
        ("loc_country", pa.string()),
        ("loc_admin1", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("geo_precision", pa.string()),
        ("speaker", pa.string()),
        ("quote", pa.string()),
        ("sentence_index", pa.int32()),
        ("sentence", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
        ("trigger", pa.string()),
        ("evidence", pa.string()),
        ("confidence", pa.float64()),
        ("extra", pa.string()),
    ]
)

# Top-level keys of Event.to_dict(); any other key of an event dict is kept in ``extra``.
_CONTRACT_KEYS = frozenset(
    {
        "event_id", "article_id", "date", "date_precision", "event", "mode", "context", "cameo",
        "quad_class", "goldstein", "plover_scale", "actor", "recipient", "reciprocal",
        "modality", "location", "source", "evidence", "confidence",
    }
)  # fmt: skip
_PRIMARY_EVIDENCE_KEYS = ("sentence_index", "sentence", "start", "end", "trigger")
_MODALITY_KEYS = ("negated", "future", "hypothetical", "historical")

# Columns read back to rebuild an event dict, in the order event_dict expects them.
EVENT_COLUMNS = (
    "event_id, article_id, date, date_precision, event, mode, context, cameo, quad_class, "
    "goldstein, plover_scale, actors, recipients, reciprocal, negated, future, hypothetical, "
    "historical, location, speaker, quote, sentence_index, sentence, start_char, end_char, "
    "trigger, evidence, confidence, extra"
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _need(mapping: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in mapping:
        raise ValueError(f"{where}{key!r} is missing")
    value = mapping[key]
    # bool is an int subclass: never accept it where a number is meant
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
        names = "/".join(k.__name__ for k in _kinds(kind))
        raise ValueError(f"{where}{key!r} must be {names}, not {type(value).__name__}")
    return value


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _actors(event: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    actors = _need(event, key, list, "")
    for i, actor in enumerate(actors):
        if not isinstance(actor, Mapping):
            raise ValueError(f"{key}[{i}] must be an object, not {type(actor).__name__}")
        for field in ("code", "sector"):
            if not isinstance(actor.get(field), str | None):
                raise ValueError(f"{key}[{i}].{field} must be a string or null")
    return actors


def _optional(
    mapping: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str
) -> Any:
    if mapping.get(key) is None:
        return None
    return _need(mapping, key, kind, where)


def mention_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten one event dict (``Event.to_dict()`` shape) into a ``mentions`` row.

    Raises ``ValueError`` naming the offending field; CAMEO codes must be strings ("042").
    """
    _need(event, "event_id", str, "")
    _need(event, "article_id", str, "")
    raw_date = _need(event, "date", (str, type(None)), "")
    try:
        date = dt.date.fromisoformat(raw_date) if raw_date else None
    except ValueError as err:
        raise ValueError(f"'date' must be YYYY-MM-DD, not {raw_date!r}") from err
    context = _need(event, "context", list, "")
    if not all(isinstance(c, str) for c in context):
        raise ValueError("'context' must be a list of strings")
    actors = _actors(event, "actor")
    recipients = _actors(event, "recipient")
    modality = _need(event, "modality", Mapping, "")
    location = _need(event, "location", Mapping, "")
    source = _need(event, "source", Mapping, "")
    evidence = _need(event, "evidence", Mapping, "")
    speaker = _need(source, "speaker", (Mapping, type(None)), "source.")
    number = (int, float)
    return {
        "event_id": event["event_id"],
        "article_id": event["article_id"],
        "date": date,
        "date_precision": _need(event, "date_precision", str, ""),
        "event": _need(event, "event", str, ""),
        "mode": _need(event, "mode", (str, type(None)), ""),
        "context": context,
        "cameo": _need(event, "cameo", str, ""),
        "quad_class": _need(event, "quad_class", int, ""),
        "goldstein": float(_need(event, "goldstein", number, "")),
        "plover_scale": float(_need(event, "plover_scale", number, "")),
        "actor_codes": [a.get("code") for a in actors],
        "actor_sectors": [a.get("sector") for a in actors],
        "recipient_codes": [a.get("code") for a in recipients],
        "recipient_sectors": [a.get("sector") for a in recipients],
        "actors": _dumps(actors),
        "recipients": _dumps(recipients),
        "reciprocal": _need(event, "reciprocal", bool, ""),
        **{key: _need(modality, key, bool, "modality.") for key in _MODALITY_KEYS},
        "location": _dumps(location),
        "loc_name": _optional(location, "name", str, "location."),
        "loc_country": _optional(location, "country", str, "location."),
        "loc_admin1": _optional(location, "admin1", str, "location."),
        "lat": _optional(location, "lat", number, "location."),
        "lon": _optional(location, "lon", number, "location."),
        "geo_precision": _optional(location, "geo_precision", str, "location."),
        "speaker": _dumps(speaker) if speaker is not None else None,
        "quote": _need(source, "quote", (str, type(None)), "source."),
        "sentence_index": _need(evidence, "sentence_index", int, "evidence."),
        "sentence": _need(evidence, "sentence", str, "evidence."),
        "start_char": _need(evidence, "start", int, "evidence."),
        "end_char": _need(evidence, "end", int, "evidence."),
        "trigger": _need(evidence, "trigger", str, "evidence."),
        "evidence": _dumps({k: v for k, v in evidence.items() if k not in _PRIMARY_EVIDENCE_KEYS}),
        "confidence": float(_need(event, "confidence", number, "")),
        "extra": _dumps({k: v for k, v in event.items() if k not in _CONTRACT_KEYS}),
    }


def event_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    """Rebuild the ``Event.to_dict()`` shape from a row of ``EVENT_COLUMNS``."""
    return row_dict(EVENT_COLUMNS, row)


# How stored columns go back into the event dict shape, for ``mentions`` and ``events`` alike:
# columns of a nested object, renamed columns, and columns that hold JSON.
_NESTED = {
    **{key: ("modality", key) for key in _MODALITY_KEYS},
    "speaker": ("source", "speaker"),
    "quote": ("source", "quote"),
    "sentence_index": ("evidence", "sentence_index"),
    "sentence": ("evidence", "sentence"),
    "start_char": ("evidence", "start"),
    "end_char": ("evidence", "end"),
    "trigger": ("evidence", "trigger"),
}
_RENAMED = {"actors": "actor", "recipients": "recipient"}
_JSON = frozenset({"actors", "recipients", "location", "speaker"})
_SPREAD = {"evidence": "evidence", "extra": None}  # JSON objects merged into a parent (or top)


def row_dict(columns: str, row: tuple[Any, ...]) -> dict[str, Any]:
    """The event dict of one stored row, given the comma-separated ``columns`` it was read
    with: dates as ISO strings, JSON decoded, flags and evidence regrouped; key order follows
    ``columns``."""
    out: dict[str, Any] = {}
    for name, value in zip((c.strip() for c in columns.split(",")), row, strict=True):
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = list(value)
        elif name in _JSON and value is not None:
            value = json.loads(value)
        if name in _SPREAD:
            parent = _SPREAD[name]
            (out.setdefault(parent, {}) if parent else out).update(json.loads(value))
        elif name in _NESTED:
            parent, key = _NESTED[name]
            out.setdefault(parent, {})[key] = value
        else:
            out[_RENAMED.get(name, name)] = value
    return out
