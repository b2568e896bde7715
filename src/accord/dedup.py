"""Cross-article deduplication: the mentions of one real-world event become one event.

Mentions join one event when they share the PLOVER category and modality, their actors are
compatible (the same actor and recipient code sets, either direction when the event is
reciprocal or its category undirected), their dates lie within ``window_days`` of each other
(single linkage) and their places agree where both are known at city precision. A mention
with no recipient joins the one event it fits unambiguously, else events of its own kind.

Clustering is a pure function of the set of mentions: mentions are processed sorted by date
and id, and an event's id is a hash of its earliest mention's id, so arrival order never
changes the result. New mentions (``cluster_id IS NULL``) only re-cluster the runs of
mentions they can interact with; the ``events`` table holds one row per cluster.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import json
import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa

from accord.domain import content_id
from accord.errors import AccordError, StoreError
from accord.store import Store

# Meetings, agreements and cooperation are reported from either side ("X visited Y",
# "Y hosted X"): their direction does not tell events apart.
UNDIRECTED = frozenset({"CONSULT", "AGREE", "COOPERATE"})
CITY_PRECISIONS = ("city", "point")


@dataclass(frozen=True)
class DedupSettings:
    """How mentions are merged. Stored in the store's ``meta``: other settings re-cluster all."""

    window_days: int = 2
    near_km: float = 25.0  # two city-level places this close are one place (a metro area)
    undirected: frozenset[str] = UNDIRECTED
    attach_partial: bool = True  # mentions without a recipient may join a full event
    # A dateline says where the reporter filed from, not where the event happened: by default
    # a place known only from it does not keep two mentions apart.
    dateline_places: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "window_days": self.window_days,
                "near_km": self.near_km,
                "undirected": sorted(self.undirected),
                "attach_partial": self.attach_partial,
                "dateline_places": self.dateline_places,
            },
            sort_keys=True,
        )


@dataclass(frozen=True)
class DedupResult:
    mentions: int  # mentions in the store
    events: int  # deduplicated events in the store
    reclustered: int  # mentions (re)assigned by this run
    written: int  # event rows written by this run
    full: bool  # whether every mention was re-clustered
    seconds: float

    def summary(self) -> str:
        scope = "all" if self.full else f"{self.reclustered}"
        return (
            f"{self.mentions} mentions in {self.events} events "
            f"({scope} mentions re-clustered, {self.written} events written, "
            f"{self.seconds:.2f}s)"
        )


# -- the clustering itself: a pure function of the mentions -------------------------------------


class City(NamedTuple):
    name: str
    lat: float | None
    lon: float | None


class Mention(NamedTuple):
    """What clustering needs of one mention. ``group`` is category and modality; ``kind`` is
    "C" (actors and recipients), "P" (actors only) or "S" (no date or no actor: alone)."""

    event_id: str
    group: str
    kind: str
    day: int
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    reciprocal: bool
    city: City | None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.actors) | set(self.recipients)))


def _km(a: City, b: City) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class _Cluster:
    __slots__ = ("cities", "last_day", "members")

    def __init__(self, mention: Mention) -> None:
        self.members = [mention]
        self.cities = [mention.city] if mention.city else []
        self.last_day = mention.day

    def add(self, mention: Mention) -> None:
        self.members.append(mention)
        if mention.city:
            self.cities.append(mention.city)
        self.last_day = max(self.last_day, mention.day)

    def absorb(self, other: _Cluster) -> None:
        self.members = sorted(self.members + other.members, key=_order)
        self.cities += other.cities
        self.last_day = max(self.last_day, other.last_day)
        other.members = []

    def recent(self, since: int) -> Iterator[Mention]:
        for member in reversed(self.members):
            if member.day < since:
                return
            yield member


def _order(mention: Mention) -> tuple[int, str]:
    return (mention.day, mention.event_id)


class _Clusterer:
    def __init__(self, settings: DedupSettings) -> None:
        self.window = settings.window_days
        self.near_km = settings.near_km
        self.undirected = settings.undirected
        self.attach_partial = settings.attach_partial

    def same_place(self, a: City, b: City) -> bool:
        return a.name == b.name or _km(a, b) <= self.near_km

    def place_fits(self, city: City | None, cities: Sequence[City]) -> bool:
        return city is None or all(self.same_place(city, other) for other in cities)

    def undirected_group(self, group: str) -> bool:
        return group.split("|", 1)[0] in self.undirected

    def greedy(
        self, block: list[Mention], link: Callable[[Mention, Mention], bool]
    ) -> list[_Cluster]:
        """Single linkage in date order within ``window``; never across two places."""
        clusters: list[_Cluster] = []
        active: list[_Cluster] = []
        for mention in block:
            since = mention.day - self.window
            active = [c for c in active if c.members and c.last_day >= since]
            found = [
                c
                for c in active
                if self.place_fits(mention.city, c.cities)
                and any(link(mention, other) for other in c.recent(since))
            ]
            if not found:
                cluster = _Cluster(mention)
                clusters.append(cluster)
                active.append(cluster)
                continue
            target = found[0]
            target.add(mention)
            for other in found[1:]:
                if all(self.place_fits(city, target.cities) for city in other.cities):
                    target.absorb(other)
        return [c for c in clusters if c.members]

    def assign(self, mentions: Iterable[Mention]) -> dict[str, str]:
        """event_id -> cluster id for every mention."""
        blocks: dict[tuple[str, str, tuple[str, ...]], list[Mention]] = defaultdict(list)
        clusters: list[_Cluster] = []
        for mention in mentions:
            if mention.kind == "S":
                clusters.append(_Cluster(mention))
            else:
                key = mention.codes if mention.kind == "C" else mention.actors
                blocks[(mention.group, mention.kind, key)].append(mention)
        by_group: dict[str, list[_Cluster]] = defaultdict(list)
        partials: dict[str, list[Mention]] = defaultdict(list)
        for (group, kind, _), block in sorted(blocks.items()):
            block.sort(key=_order)
            if kind == "P":
                partials[group].extend(block)
                continue
            undirected = self.undirected_group(group)

            def link(a: Mention, b: Mention, undirected: bool = undirected) -> bool:
                return (
                    undirected
                    or a.reciprocal
                    or b.reciprocal
                    or (a.actors == b.actors and a.recipients == b.recipients)
                )

            by_group[group].extend(self.greedy(block, link))
        for group, waiting in sorted(partials.items()):
            waiting.sort(key=_order)
            full = by_group.get(group, [])
            alone = self.attach(group, waiting, full) if self.attach_partial else waiting
            by_actors: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
            for mention in alone:
                by_actors[mention.actors].append(mention)
            for _, block in sorted(by_actors.items()):
                by_group[group].extend(self.greedy(block, lambda a, b: True))
        for found in by_group.values():
            clusters.extend(found)
        assigned: dict[str, str] = {}
        for cluster in clusters:
            seed = min(cluster.members, key=_order)
            cluster_id = content_id(f"event:{seed.event_id}")
            for member in cluster.members:
                assigned[member.event_id] = cluster_id
        return assigned

    def attach(self, group: str, waiting: list[Mention], full: list[_Cluster]) -> list[Mention]:
        """Join each actor-only mention to the one full event it fits; return the rest."""
        undirected = self.undirected_group(group)
        owner: dict[str, _Cluster] = {}
        index: dict[str, list[Mention]] = defaultdict(list)
        for cluster in full:
            for member in cluster.members:
                owner[member.event_id] = cluster
                for code in member.codes:
                    index[code].append(member)
        days: dict[str, list[int]] = {}
        for code, members in index.items():
            members.sort(key=_order)
            days[code] = [m.day for m in members]
        alone: list[Mention] = []
        for mention in waiting:
            code = mention.actors[0]
            members = index.get(code, [])
            lo = bisect.bisect_left(days.get(code, []), mention.day - self.window)
            hi = bisect.bisect_right(days.get(code, []), mention.day + self.window)
            candidates: dict[int, _Cluster] = {}
            for member in members[lo:hi]:
                cluster = owner[member.event_id]
                if id(cluster) not in candidates and self.fits(mention, member, undirected):
                    candidates[id(cluster)] = cluster
            fitting = [c for c in candidates.values() if self.place_fits(mention.city, c.cities)]
            if len(fitting) == 1:
                fitting[0].add(mention)
            else:
                alone.append(mention)
        return alone

    @staticmethod
    def fits(partial: Mention, member: Mention, undirected: bool) -> bool:
        if partial.actors == member.actors:
            return True
        if undirected or member.reciprocal or partial.reciprocal:
            return partial.actors in (member.recipients, member.codes)
        return False


def assign_clusters(mentions: Iterable[Mention], settings: DedupSettings) -> dict[str, str]:
    """The cluster id of every mention (a pure function: same mentions, same answer)."""
    return _Clusterer(settings).assign(mentions)


# -- the store side: which mentions to re-cluster, and the events table -------------------------


def _group_sql(alias: str = "") -> str:
    p = f"{alias}." if alias else ""
    flags = " || ".join(
        f"CASE WHEN {p}{name} THEN '{name[0]}' ELSE '-' END"
        for name in ("negated", "future", "hypothetical", "historical")
    )
    return f"{p}event || '|' || {flags}"


# One row per mention: its group, kind, codes and the block it is clustered in.
_KEYS_SQL = f"""
WITH base AS (
    SELECT event_id, cluster_id, {_group_sql()} AS grp,
           list_sort(list_distinct(actor_codes)) AS a,
           list_sort(list_distinct(recipient_codes)) AS r,
           date - DATE '1970-01-01' AS day
    FROM mentions {{where}}
), kinds AS (
    SELECT *, CASE WHEN day IS NULL OR len(a) = 0 THEN 'S' WHEN len(r) = 0 THEN 'P' ELSE 'C' END
              AS kind
    FROM base
)
SELECT *, CASE WHEN kind = 'C' THEN list_sort(list_distinct(list_concat(a, r))) ELSE a END
          AS codes,
       kind || '|' || grp || '|' || array_to_string(
           CASE WHEN kind = 'C' THEN list_sort(list_distinct(list_concat(a, r))) ELSE a END, ','
       ) AS block
FROM kinds
"""

_NOT_DATELINE = "AND coalesce(json_extract_string(m.location, '$.reason'), '') NOT LIKE 'dateline%'"
_PRECISION_RANK = (
    "CASE geo_precision WHEN 'point' THEN 4 WHEN 'city' THEN 3 WHEN 'admin1' THEN 2 "
    "WHEN 'country' THEN 1 ELSE 0 END"
)

# Rebuild the events rows of the clusters listed in _dedup_new(cluster_id).
_EVENTS_SQL = f"""
INSERT INTO events BY NAME
WITH m AS (
    SELECT m.*, a.outlet, coalesce(a.date, m.date) AS seen
    FROM mentions m
    SEMI JOIN _dedup_new n ON m.cluster_id = n.cluster_id
    LEFT JOIN articles a ON a.id = m.article_id
), cameo_counts AS (
    SELECT cluster_id, cameo, count(*) AS n FROM m GROUP BY ALL
), cameos AS (
    SELECT cluster_id, arg_max(cameo, struct_pack(n := n, len := length(cameo), c := cameo))
           AS cameo
    FROM cameo_counts GROUP BY cluster_id
), per AS (
    SELECT m.cluster_id,
        arg_max(event_id, struct_pack(
            full := len(recipient_codes) > 0, conf := confidence,
            early := -coalesce(date - DATE '1970-01-01', 0), id := event_id)) AS rep_id,
        arg_max(event_id, struct_pack(
            own := coalesce(json_extract_string(location, '$.reason'), '') NOT LIKE 'dateline%',
            p := {_PRECISION_RANK}, conf := confidence, id := event_id)) AS loc_id,
        arg_max(event_id, struct_pack(
            same := m.cameo = c.cameo, conf := confidence, id := event_id))
            AS cameo_id,
        min(date) AS date, min(seen) AS first_seen, max(seen) AS last_seen,
        count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
        count(DISTINCT coalesce(outlet, 'article:' || article_id)) AS num_sources,
        max(confidence) AS confidence,
        -- reports that disagree on who acted make the event reciprocal
        bool_or(reciprocal) OR count(DISTINCT CASE WHEN len(recipient_codes) > 0
                                     THEN list_sort(list_distinct(actor_codes)) END) > 1
            AS reciprocal,
        list(event_id ORDER BY date NULLS LAST, event_id) AS mention_ids,
        list_sort(list_distinct(list(article_id))) AS article_ids,
        list_sort(list_distinct(list(outlet))) AS sources
    FROM m JOIN cameos c ON c.cluster_id = m.cluster_id
    GROUP BY m.cluster_id
)
SELECT per.cluster_id AS event_id, r.event, c.cameo, c.quad_class, c.goldstein, c.plover_scale,
       r.actor_codes, r.actor_sectors, r.recipient_codes, r.recipient_sectors,
       r.actors, r.recipients, per.reciprocal,
       r.negated, r.future, r.hypothetical, r.historical,
       per.date, per.first_seen, per.last_seen,
       per.num_mentions, per.num_articles, per.num_sources,
       l.location, l.loc_name, l.loc_country, l.lat, l.lon, l.geo_precision,
       per.confidence, per.mention_ids, per.article_ids, per.sources, ? AS updated_at
FROM per
JOIN mentions r ON r.event_id = per.rep_id
JOIN mentions l ON l.event_id = per.loc_id
JOIN mentions c ON c.event_id = per.cameo_id
"""


@contextlib.contextmanager
def _transaction(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    if store.read_only:
        raise StoreError(f"{store.path} is open read-only: open it read-write to deduplicate")
    con = store.con
    con.begin()
    try:
        yield con
    except BaseException as err:
        with contextlib.suppress(duckdb.Error):
            con.rollback()
        if isinstance(err, duckdb.Error):
            raise StoreError(f"{store.path}: could not deduplicate events: {err}") from err
        raise
    else:
        con.commit()


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    rows = con.execute(sql, list(params)).fetchall()
    return rows[0][0] if rows else None


def cluster_mentions(
    store: Store,
    *,
    window_days: int = 2,
    near_km: float = 25.0,
    undirected: Iterable[str] = UNDIRECTED,
    attach_partial: bool = True,
    dateline_places: bool = False,
    full: bool = False,
) -> DedupResult:
    """Assign every mention to a real-world event and bring the ``events`` table up to date.

    Only mentions not clustered yet, and those they can interact with, are re-clustered,
    unless ``full`` or the settings differ from the previous run's.

    >>> with Store(":memory:") as store:
    ...     cluster_mentions(store).events
    0
    """
    if window_days < 0:
        raise AccordError(f"window_days must be 0 or more, not {window_days}")
    if near_km < 0:
        raise AccordError(f"near_km must be 0 or more, not {near_km}")
    settings = DedupSettings(
        window_days=int(window_days),
        near_km=float(near_km),
        undirected=frozenset(c.upper() for c in undirected),
        attach_partial=attach_partial,
        dateline_places=dateline_places,
    )
    started = time.perf_counter()
    with _transaction(store) as con:
        previous = _scalar(con, "SELECT value FROM meta WHERE key = 'dedup_settings'")
        full = full or previous != settings.to_json()
        if full:
            con.execute("CREATE OR REPLACE TEMP TABLE _dedup_keys AS " + _KEYS_SQL.format(where=""))
        elif not _prepare_scope(con, settings):
            con.execute("DROP TABLE IF EXISTS _dedup_keys")
            return _result(con, 0, 0, False, started)
        dateline = "" if settings.dateline_places else _NOT_DATELINE
        rows = con.execute(
            f"""
            SELECT k.event_id, k.grp, k.kind, coalesce(k.day, 0), k.a, k.r, m.reciprocal,
                   CASE WHEN m.geo_precision IN ('city', 'point') AND m.loc_name IS NOT NULL
                        {dateline} THEN lower(m.loc_name) END, m.lat, m.lon
            FROM _dedup_keys k JOIN mentions m USING (event_id)
            """
        ).fetchall()
        mentions = [
            Mention(
                eid, grp, kind, day, tuple(a), tuple(r), reciprocal,
                City(city, lat, lon) if city else None,
            )
            for eid, grp, kind, day, a, r, reciprocal, city, lat, lon in rows
        ]  # fmt: skip
        assigned = assign_clusters(mentions, settings)
        written = _write(con, assigned, full=full)
        con.execute("DROP TABLE IF EXISTS _dedup_keys")
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('dedup_settings', ?)", [settings.to_json()]
        )
        return _result(con, len(assigned), written, full, started)


def pending_mentions(store: Store) -> int:
    """How many mentions no event holds yet (stored since the last :func:`cluster_mentions`)."""
    return int(_scalar(store.con, "SELECT count(*) FROM mentions WHERE cluster_id IS NULL"))


def _result(
    con: duckdb.DuckDBPyConnection, reclustered: int, written: int, full: bool, started: float
) -> DedupResult:
    return DedupResult(
        mentions=int(_scalar(con, "SELECT count(*) FROM mentions")),
        events=int(_scalar(con, "SELECT count(*) FROM events")),
        reclustered=reclustered,
        written=written,
        full=full,
        seconds=time.perf_counter() - started,
    )


def _prepare_scope(con: duckdb.DuckDBPyConnection, settings: DedupSettings) -> bool:
    """Leave in ``_dedup_keys`` the new mentions and every mention whose cluster they could
    change: whole runs (no gap over the window) of their blocks, closed under the blocks that
    actor-only mentions link. False when there is nothing new."""
    window = settings.window_days
    new_groups = con.execute(
        f"SELECT DISTINCT {_group_sql()} FROM mentions WHERE cluster_id IS NULL"
    ).fetchall()
    if not new_groups:
        return False
    groups = pa.table({"grp": pa.array([g for (g,) in new_groups], pa.string())})
    con.register("_dedup_groups", groups)
    try:
        where = f"WHERE {_group_sql()} IN (SELECT grp FROM _dedup_groups)"
        con.execute("CREATE OR REPLACE TEMP TABLE _dedup_all AS " + _KEYS_SQL.format(where=where))
    finally:
        con.unregister("_dedup_groups")
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _dedup_runs AS
        WITH gaps AS (
            SELECT event_id, block, day, cluster_id IS NULL AS is_new,
                   CASE WHEN day - lag(day) OVER (PARTITION BY block ORDER BY day, event_id)
                        > {window} THEN 1 ELSE 0 END AS gap
            FROM _dedup_all WHERE kind <> 'S'
        )
        SELECT event_id, block, is_new, day,
               sum(gap) OVER (PARTITION BY block ORDER BY day, event_id
                              ROWS UNBOUNDED PRECEDING) AS run
        FROM gaps
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _dedup_segs AS
        SELECT r.block, r.run, any_value(k.grp) AS grp, any_value(k.kind) AS kind,
               any_value(k.codes) AS codes, min(r.day) AS lo, max(r.day) AS hi,
               bool_or(r.is_new) AS is_new
        FROM _dedup_runs r JOIN _dedup_all k USING (event_id)
        GROUP BY r.block, r.run
        """
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _dedup_scope AS SELECT * FROM _dedup_segs WHERE is_new"
    )
    con.execute("CREATE OR REPLACE TEMP TABLE _dedup_front AS SELECT * FROM _dedup_scope")
    while settings.attach_partial:
        added = con.execute(
            f"""
            SELECT count(*) FROM (
                SELECT DISTINCT s.block, s.run FROM _dedup_segs s JOIN _dedup_front f
                  ON s.grp = f.grp AND s.lo <= f.hi + {window} AND f.lo <= s.hi + {window}
                 AND ((s.kind = 'C' AND f.kind = 'P' AND list_has_all(s.codes, f.codes))
                   OR (s.kind = 'P' AND f.kind = 'C' AND list_has_all(f.codes, s.codes)))
                ANTI JOIN _dedup_scope o ON o.block = s.block AND o.run = s.run
            ) x
            """
        ).fetchall()[0][0]
        if not added:
            break
        con.execute(
            f"""
            CREATE OR REPLACE TEMP TABLE _dedup_front AS
            SELECT s.* FROM _dedup_segs s SEMI JOIN (
                SELECT s.block, s.run FROM _dedup_segs s JOIN _dedup_front f
                  ON s.grp = f.grp AND s.lo <= f.hi + {window} AND f.lo <= s.hi + {window}
                 AND ((s.kind = 'C' AND f.kind = 'P' AND list_has_all(s.codes, f.codes))
                   OR (s.kind = 'P' AND f.kind = 'C' AND list_has_all(f.codes, s.codes)))
            ) n ON n.block = s.block AND n.run = s.run
            ANTI JOIN _dedup_scope o ON o.block = s.block AND o.run = s.run
            """
        )
        con.execute("INSERT INTO _dedup_scope SELECT * FROM _dedup_front")
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _dedup_keys AS
        SELECT k.* FROM _dedup_all k
        WHERE (k.kind = 'S' AND k.cluster_id IS NULL)
           OR k.event_id IN (
                SELECT r.event_id FROM _dedup_runs r
                SEMI JOIN _dedup_scope s ON s.block = r.block AND s.run = r.run)
        """
    )
    for table in ("_dedup_all", "_dedup_runs", "_dedup_segs", "_dedup_scope", "_dedup_front"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    return True


def _write(con: duckdb.DuckDBPyConnection, assigned: dict[str, str], *, full: bool) -> int:
    """Store the cluster ids and rebuild the events rows of every cluster they touch."""
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
        con.execute(
            "UPDATE mentions SET cluster_id = t.cluster_id FROM _dedup_assigned t "
            "WHERE mentions.event_id = t.event_id"
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _dedup_new AS "
            "SELECT DISTINCT cluster_id FROM _dedup_assigned"
        )
    finally:
        con.unregister("_dedup_assigned")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(_EVENTS_SQL, [now])
    written = int(_scalar(con, "SELECT count(*) FROM _dedup_new"))
    con.execute("DROP TABLE IF EXISTS _dedup_new")
    return written


# -- reading deduplicated events ----------------------------------------------------------------

_EVENT_FIELDS = (
    "event_id, date, event, cameo, quad_class, goldstein, plover_scale, actors, recipients, "
    "reciprocal, negated, future, hypothetical, historical, location, first_seen, last_seen, "
    "num_mentions, num_articles, num_sources, sources, confidence, mention_ids, article_ids"
)


def _event_row(row: tuple[Any, ...]) -> dict[str, Any]:
    (
        event_id, date, event, cameo, quad_class, goldstein, plover_scale, actors, recipients,
        reciprocal, negated, future, hypothetical, historical, location, first_seen, last_seen,
        num_mentions, num_articles, num_sources, sources, confidence, mention_ids, article_ids,
    ) = row  # fmt: skip
    return {
        "event_id": event_id,
        "date": date.isoformat() if date else None,
        "event": event,
        "cameo": cameo,
        "quad_class": quad_class,
        "goldstein": goldstein,
        "plover_scale": plover_scale,
        "actor": json.loads(actors),
        "recipient": json.loads(recipients),
        "reciprocal": reciprocal,
        "modality": {
            "negated": negated,
            "future": future,
            "hypothetical": hypothetical,
            "historical": historical,
        },
        "location": json.loads(location),
        "first_seen": first_seen.isoformat() if first_seen else None,
        "last_seen": last_seen.isoformat() if last_seen else None,
        "num_mentions": num_mentions,
        "num_articles": num_articles,
        "num_sources": num_sources,
        "sources": list(sources),
        "confidence": confidence,
        "mention_ids": list(mention_ids),
        "article_ids": list(article_ids),
    }


def dyad_clause(actor: str | None, recipient: str | None) -> tuple[str, list[str]]:
    """SQL matching events with ``actor`` among the actors and ``recipient`` among the
    recipients, either way round for reciprocal events."""
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
    clauses: list[str] = []
    params: list[Any] = []
    if start is not None:
        clauses.append("date >= ?")
        params.append(start)
    if end is not None:
        clauses.append("date <= ?")
        params.append(end)
    if actor or recipient:
        clause, values = dyad_clause(actor, recipient)
        clauses.append(clause)
        params.extend(values)
    if category:
        clauses.append("event = ?")
        params.append(category.upper())
    if not include_all_modalities:
        clauses.append("NOT (negated OR hypothetical OR historical)")
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    sql = f"SELECT {_EVENT_FIELDS} FROM events {where} ORDER BY date NULLS LAST, event_id"
    if limit is not None:
        if limit < 0:
            raise AccordError(f"limit must be 0 or more, not {limit}")
        sql += f" LIMIT {int(limit)}"
    return [_event_row(row) for row in store.con.execute(sql, params).fetchall()]


# -- evaluation on a corpus with a real-world event key per article -----------------------------


@dataclass
class _Pairs:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_merges: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "true_pairs": self.tp,
            "false_pairs": self.fp,
            "missed_pairs": self.fn,
            "misses": self.misses,
            "false_merges": self.false_merges,
        }


def _dyad_match(mention: dict[str, Any], gold: dict[str, Any]) -> int:
    """2: the gold dyad (either way if reciprocal); 1: the gold actor, no recipient; 0."""
    actors, recipients = set(mention["actor_codes"]), set(mention["recipient_codes"])
    want_actor, want_recipient = gold["actor"], gold["recipient"]
    ways = [(actors, recipients)]
    if gold["reciprocal"] or mention["reciprocal"]:
        ways.append((recipients, actors))
    for a, r in ways:
        if want_actor in a and (want_recipient is None or want_recipient in r):
            return 2
    if not recipients and want_actor in actors | (recipients if mention["reciprocal"] else set()):
        return 1
    return 0


def _main_mentions(
    mentions: list[dict[str, Any]], keys: dict[str, str], gold: dict[str, dict[str, Any]]
) -> dict[str, tuple[int, dict[str, Any]]]:
    """Per article, its best mention of the gold category: (dyad match, mention)."""
    best: dict[str, tuple[int, dict[str, Any]]] = {}
    for mention in mentions:
        key = keys.get(mention["article_id"])
        if key is None or mention["event"] != gold[key]["event"]:
            continue
        match = _dyad_match(mention, gold[key])
        if not match:
            continue
        rank = (match, mention["confidence"], mention["event_id"])
        current = best.get(mention["article_id"])
        if current is None or rank > (current[0], current[1]["confidence"], current[1]["event_id"]):
            best[mention["article_id"]] = (match, mention)
    return best


def _score_pairs(
    ids: list[str], keys: dict[str, str], main: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    pairs = _Pairs()
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            gold_same = keys[first] == keys[second]
            same = main[first]["cluster_id"] == main[second]["cluster_id"]
            pair = {
                "articles": [first, second],
                "event_keys": [keys[first], keys[second]],
                "events": [main[first]["cluster_id"], main[second]["cluster_id"]],
            }
            if same and gold_same:
                pairs.tp += 1
            elif same:
                pairs.fp += 1
                pairs.false_merges.append(pair)
            elif gold_same:
                pairs.fn += 1
                pairs.misses.append(pair)
    return pairs.figures()


def score_dedup(
    articles_path: str | Path,
    *,
    coder: Any = None,
    events_path: str | Path | None = None,
    window_days: int = 2,
    near_km: float = 25.0,
    attach_partial: bool = True,
) -> dict[str, Any]:
    """Pairwise clustering precision and recall on a corpus whose articles carry an
    ``event_key`` (``evalsets/dedup``): code the articles into an in-memory store, cluster,
    and compare, over pairs of articles whose main event was coded, "their main mentions
    share an event" with "same event_key".

    An article's main mention is its highest-confidence mention of the key's category whose
    actors match the key's dyad (either way round when reciprocal). The headline figures
    count only articles with such a mention; ``partial`` also lets in mentions with the
    key's actor and no recipient; ``all_articles`` counts every gold pair, uncoded ones as
    misses (coder and clustering together).
    """
    from accord.ingest import BadRecord, read_articles
    from accord.pipeline import Coder

    articles_path = Path(articles_path)
    events_path = Path(events_path or articles_path.with_name("events.json"))
    gold: dict[str, dict[str, Any]] = json.loads(events_path.read_text(encoding="utf-8"))
    keys: dict[str, str] = {}
    with articles_path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                keys[str(record["id"])] = record["event_key"]
    coder = coder or Coder()
    articles = [a for a in read_articles([str(articles_path)]) if not isinstance(a, BadRecord)]
    with Store(":memory:") as store:
        store.add([(coded.article, coded.events) for coded in coder.code_many(articles)])
        result = cluster_mentions(
            store, window_days=window_days, near_km=near_km, attach_partial=attach_partial
        )
        cursor = store.con.execute(
            "SELECT event_id, article_id, event, actor_codes, recipient_codes, reciprocal, "
            "confidence, cluster_id FROM mentions WHERE NOT (negated OR hypothetical OR historical)"
        )
        names = [d[0] for d in cursor.description]
        mentions = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    best = _main_mentions(mentions, keys, gold)
    ids = sorted(keys)
    strict = {a: m for a, (match, m) in best.items() if match == 2}
    loose = {a: m for a, (_, m) in best.items()}
    report: dict[str, Any] = {
        "articles": len(ids),
        "event_keys": len(set(keys.values())),
        "gold_pairs": sum(1 for i, a in enumerate(ids) for b in ids[i + 1 :] if keys[a] == keys[b]),
        "coded_articles": len(strict),
        "mentions": result.mentions,
        "events": result.events,
        "settings": {
            "window_days": window_days,
            "near_km": near_km,
            "attach_partial": attach_partial,
        },
        **_score_pairs(sorted(strict), keys, strict),
        "uncoded": [
            {
                "article": a,
                "event_key": keys[a],
                "reason": "actor only, no recipient"
                if a in loose
                else f"no {gold[keys[a]]['event']} mention of the key's actors",
            }
            for a in ids
            if a not in strict
        ],
    }
    partial = _score_pairs(sorted(loose), keys, loose)
    report["partial"] = {
        "coded_articles": len(loose),
        **{k: v for k, v in partial.items() if k not in ("misses", "false_merges")},
    }
    everything = dict(report)
    true_pairs, false_pairs = report["true_pairs"], report["false_pairs"]
    recall = true_pairs / report["gold_pairs"] if report["gold_pairs"] else 1.0
    precision = everything["precision"]
    report["all_articles"] = {
        "precision": precision,
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
        "true_pairs": true_pairs,
        "false_pairs": false_pairs,
        "gold_pairs": report["gold_pairs"],
    }
    return report
