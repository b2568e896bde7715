"""The store side of deduplication: which mentions to re-cluster, the ``events`` table, and
reading deduplicated events back."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from accord.dedup.cluster import (
    UNDIRECTED,
    DedupResult,
    DedupSettings,
    _assignments,
    _City,
    _Cluster,
    _Clusterer,
    _Mention,
    _order,
    _Started,
)
from accord.errors import AccordError
from accord.store import EventFilter, Store
from accord.store.schema import row_dict

# Re-cluster whole groups rather than the neighbourhood of new mentions when that is larger
# than this share of them (a back-fill): it is faster then.
WHOLE_GROUPS_SHARE = 0.5

# -- the store side: which mentions to re-cluster, and the events table -------------------------


def _group_sql() -> str:
    # Future (planned, intended) and actual reports of one event are one event: not a key.
    flags = " || ".join(
        f"CASE WHEN {name} THEN '{name[0]}' ELSE '-' END"
        for name in ("negated", "hypothetical", "historical")
    )
    return f"event || '|' || {flags}"


# One row per mention: its group, kind, codes and the block (dyad) it is clustered in.
_KEYS_SQL = f"""
WITH base AS (
    SELECT event_id, cluster_id, {_group_sql()} AS grp,
           list_sort(list_distinct(actor_codes)) AS a,
           list_sort(list_distinct(recipient_codes)) AS r,
           date - DATE '1970-01-01' AS day
    FROM mentions {{where}}
), kinds AS (
    SELECT *, CASE WHEN day IS NULL OR len(a) = 0 THEN 'S' WHEN len(r) = 0 THEN 'P' ELSE 'C' END
              AS kind,
           list_sort(list_distinct(list_concat(a, r))) AS codes
    FROM base
)
SELECT *, kind || '|' || grp || '|' || array_to_string(codes, ',') AS block FROM kinds
"""

# What clustering reads of the mentions listed in _dedup_load(event_id, role, old).
_LOAD_SQL = """
SELECT k.event_id, k.grp, k.kind, coalesce(k.day, 0), array_to_string(k.a, ','),
       array_to_string(k.r, ','), array_to_string(k.codes, ','), m.reciprocal,
       CASE WHEN m.geo_precision IN ('city', 'point') AND m.loc_name IS NOT NULL {dateline}
            THEN lower(m.loc_name) END,
       m.lat, m.lon, l.role, l.old
FROM _dedup_load l JOIN _dedup_all k USING (event_id) JOIN mentions m USING (event_id)
{where}
"""
_NOT_DATELINE = "AND coalesce(json_extract_string(m.location, '$.reason'), '') NOT LIKE 'dateline%'"
_PRECISION_RANK = (
    "CASE geo_precision WHEN 'point' THEN 4 WHEN 'city' THEN 3 WHEN 'admin1' THEN 2 "
    "WHEN 'country' THEN 1 ELSE 0 END"
)

# Rebuild the events rows of the clusters listed in _dedup_new(cluster_id). Counting distinct
# articles and sources goes through GROUP BYs: DISTINCT aggregates are far slower.
_EVENTS_SQL = f"""
INSERT INTO events BY NAME
WITH m AS (
    SELECT m.event_id, m.cluster_id, m.article_id, m.date, m.cameo, m.confidence, m.reciprocal,
           m.future, len(m.recipient_codes) > 0 AS complete,
           CASE WHEN len(m.recipient_codes) > 0
                THEN array_to_string(list_sort(list_distinct(m.actor_codes)), ',') END AS acting,
           coalesce(json_extract_string(m.location, '$.reason'), '') NOT LIKE 'dateline%' AS own,
           {_PRECISION_RANK} AS precision,
           a.outlet, coalesce(a.outlet, 'article:' || m.article_id) AS source,
           coalesce(a.date, m.date) AS seen
    FROM mentions m
    SEMI JOIN _dedup_new n ON m.cluster_id = n.cluster_id
    LEFT JOIN articles a ON a.id = m.article_id
), articles_of AS (
    SELECT cluster_id, article_id, any_value(source) AS source, any_value(outlet) AS outlet
    FROM m GROUP BY cluster_id, article_id
), per_article AS (
    SELECT cluster_id, count(*) AS num_articles, list_sort(list(article_id)) AS article_ids
    FROM articles_of GROUP BY cluster_id
), sources_of AS (
    SELECT cluster_id, source, any_value(outlet) AS outlet FROM articles_of
    GROUP BY cluster_id, source
), per_source AS (
    SELECT cluster_id, count(*) AS num_sources,
           coalesce(list_sort(list(outlet) FILTER (WHERE outlet IS NOT NULL)),
                    []::VARCHAR[]) AS sources
    FROM sources_of GROUP BY cluster_id
), cameo_counts AS (
    SELECT cluster_id, cameo, count(*) AS n FROM m GROUP BY ALL
), cameos AS (
    SELECT cluster_id, arg_max(cameo, struct_pack(n := n, len := length(cameo), c := cameo))
           AS cameo
    FROM cameo_counts GROUP BY cluster_id
), per AS (
    SELECT m.cluster_id,
        arg_max(event_id, struct_pack(
            complete := complete, conf := confidence,
            early := -coalesce(date - DATE '1970-01-01', 0), id := event_id)) AS rep_id,
        arg_max(event_id, struct_pack(
            own := own, p := precision, conf := confidence, id := event_id)) AS loc_id,
        arg_max(event_id, struct_pack(
            same := m.cameo = c.cameo, conf := confidence, id := event_id)) AS cameo_id,
        min(date) AS date, min(seen) AS first_seen, max(seen) AS last_seen,
        count(*) AS num_mentions, max(confidence) AS confidence, bool_and(future) AS future,
        -- reports that disagree on who acted make the event reciprocal
        bool_or(reciprocal) OR coalesce(min(acting) <> max(acting), FALSE) AS reciprocal,
        list(event_id ORDER BY date NULLS LAST, event_id) AS mention_ids
    FROM m JOIN cameos c ON c.cluster_id = m.cluster_id
    GROUP BY m.cluster_id
)
SELECT per.cluster_id AS event_id, r.event, c.cameo, c.quad_class, c.goldstein, c.plover_scale,
       r.actor_codes, r.actor_sectors, r.recipient_codes, r.recipient_sectors,
       r.actors, r.recipients, per.reciprocal,
       r.negated, per.future, r.hypothetical, r.historical,
       per.date, per.first_seen, per.last_seen,
       per.num_mentions, pa.num_articles, ps.num_sources,
       l.location, l.loc_name, l.loc_country, l.lat, l.lon, l.geo_precision,
       per.confidence, per.mention_ids, pa.article_ids, ps.sources, ? AS updated_at
FROM per
JOIN per_article pa ON pa.cluster_id = per.cluster_id
JOIN per_source ps ON ps.cluster_id = per.cluster_id
JOIN mentions r ON r.event_id = per.rep_id
JOIN mentions l ON l.event_id = per.loc_id
JOIN mentions c ON c.event_id = per.cameo_id
"""

_TEMP_TABLES = (
    "_dedup_all", "_dedup_c", "_dedup_d", "_dedup_k", "_dedup_w", "_dedup_load", "_dedup_new",
    "_dedup_update",
)  # fmt: skip


@contextlib.contextmanager
def _transaction(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store's transaction, with this module's temporary tables dropped afterwards."""
    try:
        with store.transaction("deduplicate events") as con:
            yield con
    finally:
        for table in _TEMP_TABLES:
            with contextlib.suppress(duckdb.Error):
                store.con.execute(f"DROP TABLE IF EXISTS {table}")


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    rows = con.execute(sql, list(params)).fetchall()
    return rows[0][0] if rows else None


def cluster_mentions(
    store: Store,
    *,
    window_days: int = 2,
    max_span_days: int | None = None,
    near_km: float = 25.0,
    undirected: Iterable[str] = UNDIRECTED,
    attach_partial: bool = True,
    dateline_places: bool = False,
    full: bool = False,
) -> DedupResult:
    """Assign every mention to a real-world event and bring the ``events`` table up to date.

    ``max_span_days`` defaults to twice ``window_days``. Only mentions not clustered yet and
    those around them are re-clustered, unless ``full`` or the settings differ from the
    previous run's.

    >>> with Store(":memory:") as store:
    ...     cluster_mentions(store).events
    0
    """
    span = 2 * window_days if max_span_days is None else max_span_days
    for name, value in (("window_days", window_days), ("max_span_days", span)):
        if value < 0:
            raise AccordError(f"{name} must be 0 or more, not {value}")
    if near_km < 0:
        raise AccordError(f"near_km must be 0 or more, not {near_km}")
    settings = DedupSettings(
        window_days=int(window_days),
        max_span_days=int(span),
        near_km=float(near_km),
        undirected=frozenset(c.upper() for c in undirected),
        attach_partial=attach_partial,
        dateline_places=dateline_places,
    )
    started = time.perf_counter()
    with _transaction(store) as con:
        previous = _scalar(con, "SELECT value FROM meta WHERE key = 'dedup_settings'")
        full = full or previous != settings.to_json()
        clusterer = _Clusterer(settings)
        if full:
            con.execute("CREATE TEMP TABLE _dedup_all AS " + _KEYS_SQL.format(where=""))
            assigned = _cluster_groups(con, clusterer)
        else:
            assigned = _cluster_new(con, clusterer)
        written = _write(con, assigned, full=full) if assigned or full else 0
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('dedup_settings', ?)", [settings.to_json()]
        )
        return DedupResult(
            mentions=int(_scalar(con, "SELECT count(*) FROM mentions")),
            events=int(_scalar(con, "SELECT count(*) FROM events")),
            reclustered=len(assigned),
            written=written,
            full=full,
            seconds=time.perf_counter() - started,
        )


def update_events(store: Store) -> DedupResult:
    """Fold newly stored mentions into events with the settings of the last clustering run
    (the defaults the first time). ``accord ingest`` calls this after every run."""
    stored = _scalar(store.con, "SELECT value FROM meta WHERE key = 'dedup_settings'")
    return cluster_mentions(store, **json.loads(stored)) if stored else cluster_mentions(store)


def pending_mentions(store: Store) -> int:
    """How many mentions no event holds yet (stored since the last :func:`cluster_mentions`)."""
    return int(_scalar(store.con, "SELECT count(*) FROM mentions WHERE cluster_id IS NULL"))


def _load(
    con: duckdb.DuckDBPyConnection,
    clusterer: _Clusterer,
    where: str = "",
    params: Sequence[Any] = (),
) -> Iterator[tuple[_Mention, str, str | None]]:
    """(mention, role, old cluster id) of the rows of _dedup_load, streamed."""
    dateline = "" if clusterer.settings.dateline_places else _NOT_DATELINE
    cursor = con.execute(_LOAD_SQL.format(dateline=dateline, where=where), list(params))
    lists: dict[str, tuple[str, ...]] = {"": ()}  # one tuple per distinct code list
    while rows := cursor.fetchmany(50_000):
        for eid, grp, kind, day, a, r, codes, reciprocal, city, lat, lon, role, old in rows:
            for text in (a, r, codes):
                if text not in lists:
                    lists[text] = tuple(text.split(","))
            mention = _Mention(
                eid, grp, kind, day, lists[a], lists[r], lists[codes], reciprocal,
                _City(city, lat, lon) if city else None,
            )  # fmt: skip
            yield mention, role, old


def _cluster_groups(con: duckdb.DuckDBPyConnection, clusterer: _Clusterer) -> dict[str, str]:
    """Every mention of the groups (category and modality) in _dedup_all, one group at a
    time to bound memory: groups never share an event."""
    con.execute("DROP TABLE IF EXISTS _dedup_load")
    con.execute(
        "CREATE TEMP TABLE _dedup_load AS "
        "SELECT event_id, kind AS role, NULL::VARCHAR AS old FROM _dedup_all"
    )
    assigned: dict[str, str] = {}
    rows = _load(con, clusterer, "ORDER BY k.grp")
    for _, group in itertools.groupby(rows, key=lambda row: row[0].group):
        kinds: dict[str, list[_Mention]] = defaultdict(list)
        for mention, _, _ in group:
            kinds[mention.kind].append(mention)
        clusters = clusterer.solve(complete=kinds["C"], deciding=kinds["P"], single=kinds["S"])
        assigned.update(_assignments(clusters))
    return assigned


def _cluster_new(con: duckdb.DuckDBPyConnection, clusterer: _Clusterer) -> dict[str, str]:
    """The new mentions and every mention whose event they can change (see `_scope`); the
    groups (category and modality) concerned whole when that is most of them."""
    new = con.execute(
        f"SELECT DISTINCT {_group_sql()}, min(date - DATE '1970-01-01') OVER () "
        "FROM mentions WHERE cluster_id IS NULL"
    ).fetchall()
    if not new:
        return {}
    groups = ", ".join("'" + g.replace("'", "''") + "'" for g, _ in new)
    first_new = new[0][1]
    recent = "cluster_id IS NULL"  # new mentions without a date reach nothing
    if first_new is not None:
        # how far back a new mention's reach goes (see _scope): nothing older is read
        since = first_new - 5 * (clusterer.window + clusterer.span) - 1
        recent += f" OR date >= DATE '1970-01-01' + {since}"
    con.execute(
        "CREATE TEMP TABLE _dedup_all AS "
        + _KEYS_SQL.format(where=f"WHERE {_group_sql()} IN ({groups}) AND ({recent})")
    )
    _scope(con, clusterer)
    scope = _scalar(con, "SELECT count(*) FROM _dedup_load")
    if scope > WHOLE_GROUPS_SHARE * _scalar(
        con, f"SELECT count(*) FROM mentions WHERE {_group_sql()} IN ({groups})"
    ):
        con.execute("DROP TABLE _dedup_all")
        con.execute(
            "CREATE TEMP TABLE _dedup_all AS "
            + _KEYS_SQL.format(where=f"WHERE {_group_sql()} IN ({groups})")
        )
        return _cluster_groups(con, clusterer)
    mentions: dict[str, list[_Mention]] = defaultdict(list)
    old_groups: dict[str, dict[str, list[_Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention, role, old in _load(con, clusterer):
        if old is None:
            mentions[role].append(mention)
        else:
            old_groups[role][old].append(mention)

    def started(role: str, key: Callable[[_Mention], tuple[str, ...]]) -> _Started:
        found: _Started = defaultdict(list)
        for members in old_groups[role].values():
            members.sort(key=_order)
            found[(members[0].group, key(members[0]))].append(_Cluster(members))
        return found

    stored = []
    for old, members in sorted(old_groups["stored"].items()):
        cluster = _Cluster(sorted(members, key=_order))
        cluster.attached = old_groups["attached"].get(old, [])
        stored.append(cluster)
    return _assignments(
        clusterer.solve(
            complete=mentions["complete"],
            complete_started=started("complete_started", lambda m: m.codes),
            stored=stored,
            deciding=mentions["deciding"],
            waiting=mentions["waiting"],
            waiting_started=started("waiting_started", lambda m: m.actors),
            single=mentions["single"],
        )
    )


def _scope(con: duckdb.DuckDBPyConnection, clusterer: _Clusterer) -> None:
    """List in _dedup_load the mentions of _dedup_all to re-cluster, with their role.

    Clusters never merge and mentions join them in date order, so a dyad block can resume
    from its first new mention ``t0``, its clusters open then (a member in ``window +
    max_span_days`` before ``t0``) restarted with their members before ``t0``
    ("complete_started") and every mention from ``t0`` on clustered again ("complete").
    Actor-only mentions near those clusters, or new, are decided again ("deciding"); the
    stored events they could join or leave come whole ("stored", with their "attached"
    actor-only mentions); actor-only mentions that joined no complete event resume the
    same way in their actor's block ("waiting_started", "waiting")."""
    window, reach = clusterer.window, clusterer.window + clusterer.span
    attach = "TRUE" if clusterer.settings.attach_partial else "FALSE"
    con.execute(
        f"""
        CREATE TEMP TABLE _dedup_c AS
        WITH blocks AS (
            SELECT block, min(day) AS t0 FROM _dedup_all
            WHERE kind = 'C' AND cluster_id IS NULL GROUP BY block
        ), open AS (
            SELECT DISTINCT a.cluster_id FROM _dedup_all a JOIN blocks b USING (block)
            WHERE a.kind = 'C' AND a.cluster_id IS NOT NULL AND a.day >= b.t0 - {reach}
        )
        SELECT a.event_id, a.grp, a.codes, a.day, a.cluster_id, b.t0,
               CASE WHEN a.day >= b.t0 THEN 'complete' ELSE 'complete_started' END AS role
        FROM _dedup_all a JOIN blocks b USING (block)
        WHERE a.kind = 'C' AND (a.day >= b.t0 OR a.cluster_id IN (SELECT cluster_id FROM open))
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE _dedup_d AS
        WITH blocks AS (
            SELECT grp, codes, unnest(codes) AS code, t0
            FROM (SELECT grp, codes, min(t0) AS t0 FROM _dedup_c GROUP BY grp, codes)
        ), near AS (
            SELECT DISTINCT p.event_id FROM _dedup_all p
            JOIN blocks b ON b.grp = p.grp AND b.code = p.codes[1]
            WHERE {attach} AND p.kind = 'P' AND p.day >= b.t0 - {window + reach + clusterer.span}
              AND list_has_all(b.codes, p.codes)
        )
        SELECT p.event_id, p.block, p.day, p.grp, p.codes FROM _dedup_all p
        WHERE p.kind = 'P' AND (p.cluster_id IS NULL OR p.event_id IN (SELECT event_id FROM near))
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE _dedup_k AS
        WITH c AS (  -- an equi-join on days in buckets of 2 windows + 1: one or two per day
            SELECT grp, day, codes, unnest(codes) AS code, day // {2 * window + 1} AS bucket,
                   cluster_id
            FROM _dedup_all
            WHERE {attach} AND kind = 'C' AND cluster_id IS NOT NULL
              AND event_id NOT IN (SELECT event_id FROM _dedup_c)
        ), d AS (
            SELECT DISTINCT grp, day, codes, codes[1] AS code, unnest(list_distinct(
                [(day - {window}) // {2 * window + 1}, (day + {window}) // {2 * window + 1}]
            )) AS bucket
            FROM _dedup_d
        )
        SELECT DISTINCT c.cluster_id FROM c
        JOIN d ON c.grp = d.grp AND c.code = d.code AND c.bucket = d.bucket
        WHERE c.day BETWEEN d.day - {window} AND d.day + {window}
          AND list_has_all(c.codes, d.codes)
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE _dedup_w AS
        WITH blocks AS (SELECT block, min(day) AS t0 FROM _dedup_d GROUP BY block),
        alone AS (
            SELECT p.event_id, p.block, p.day, p.cluster_id, b.t0,
                   p.event_id IN (SELECT event_id FROM _dedup_d) AS deciding
            FROM _dedup_all p JOIN blocks b USING (block)
            WHERE p.kind = 'P' AND p.cluster_id IS NOT NULL AND p.cluster_id NOT IN (
                SELECT cluster_id FROM _dedup_all WHERE kind = 'C' AND cluster_id IS NOT NULL)
        ), open AS (
            SELECT DISTINCT cluster_id FROM alone WHERE day >= t0 - {reach}
        )
        SELECT event_id, cluster_id,
               CASE WHEN day >= t0 THEN 'waiting' ELSE 'waiting_started' END AS role
        FROM alone
        WHERE NOT deciding AND (day >= t0 OR cluster_id IN (SELECT cluster_id FROM open))
        """
    )
    con.execute(
        """
        CREATE TEMP TABLE _dedup_load AS
        SELECT event_id, role,
               CASE WHEN role = 'complete' THEN NULL ELSE cluster_id END AS old
        FROM _dedup_c
        UNION ALL
        SELECT event_id, 'deciding', NULL FROM _dedup_d
        UNION ALL
        SELECT a.event_id, CASE a.kind WHEN 'C' THEN 'stored' ELSE 'attached' END, a.cluster_id
        FROM _dedup_all a
        WHERE a.cluster_id IN (SELECT cluster_id FROM _dedup_k)
          AND a.event_id NOT IN (SELECT event_id FROM _dedup_d)
        UNION ALL
        SELECT event_id, role, CASE WHEN role = 'waiting' THEN NULL ELSE cluster_id END
        FROM _dedup_w
        UNION ALL
        SELECT event_id, 'single', NULL FROM _dedup_all WHERE kind = 'S' AND cluster_id IS NULL
        """
    )


def _write(con: duckdb.DuckDBPyConnection, assigned: dict[str, str], *, full: bool) -> int:
    """Store the event ids and rebuild the events rows of every event they touch."""
    table = pa.table(
        {
            "event_id": pa.array(list(assigned), pa.string()),
            "cluster_id": pa.array(list(assigned.values()), pa.string()),
        }
    )
    con.register("_dedup_assigned", table)
    try:
        if full:
            con.execute("DELETE FROM events")
        else:
            con.execute(
                "DELETE FROM events WHERE event_id IN (SELECT m.cluster_id FROM mentions m "
                "SEMI JOIN _dedup_assigned t ON m.event_id = t.event_id)"
            )
        # Update in storage order: in the order of a hash join, DuckDB can take minutes.
        con.execute(
            "CREATE TEMP TABLE _dedup_update AS SELECT m.rowid AS row, t.cluster_id "
            "FROM mentions m JOIN _dedup_assigned t ON m.event_id = t.event_id ORDER BY row"
        )
        con.execute(
            "UPDATE mentions SET cluster_id = u.cluster_id FROM _dedup_update u "
            "WHERE mentions.rowid = u.row"
        )
        con.execute(
            "CREATE TEMP TABLE _dedup_new AS SELECT DISTINCT cluster_id FROM _dedup_assigned"
        )
    finally:
        con.unregister("_dedup_assigned")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(_EVENTS_SQL, [now])
    return int(_scalar(con, "SELECT count(*) FROM _dedup_new"))


# -- reading deduplicated events ----------------------------------------------------------------

_EVENT_FIELDS = (
    "event_id, date, event, cameo, quad_class, goldstein, plover_scale, actors, recipients, "
    "reciprocal, negated, future, hypothetical, historical, location, first_seen, last_seen, "
    "num_mentions, num_articles, num_sources, sources, confidence, mention_ids, article_ids"
)


def real_events(
    store: Store,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    category: str | None = None,
    limit: int | None = None,
    include_all_modalities: bool = False,
) -> list[dict[str, Any]]:
    """Deduplicated events (run :func:`cluster_mentions` first), ordered by date then id.

    ``actor``/``recipient`` match any code of the lists (either way round when the event is
    reciprocal), ``category`` is a PLOVER category; negated, hypothetical and historical
    events are left out unless ``include_all_modalities``.
    """
    sql, params = EventFilter(
        start=start,
        end=end,
        actor=actor,
        recipient=recipient,
        category=category,
        include_all_modalities=include_all_modalities,
    ).select(_EVENT_FIELDS, "events", limit)
    return [row_dict(_EVENT_FIELDS, row) for row in store.con.execute(sql, params).fetchall()]
