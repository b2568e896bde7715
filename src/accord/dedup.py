"""Cross-article deduplication: the reports (mentions) of one real-world event become one event.

A mention joins an event when they share the PLOVER category and modality (planned and actual
reports alike), their actors are compatible (the same actor and recipient code sets, either
way round when the event is reciprocal or its category undirected), it is within
``window_days`` of one of the event's mentions with the event spanning at most
``max_span_days``, and their places agree where both are known at city precision (cities
``near_km`` apart are one place; a place known only from a dateline does not count). A mention
with actors but no recipient joins the one event it fits, if exactly one; else it clusters
with mentions like it.

Mentions are taken in date and id order, each joining the earliest-started event it fits, and
an event's id is a hash of its first mention's id: the result depends on the set of mentions,
never on the order they arrived in. New mentions (``cluster_id IS NULL``) resume each dyad
from their first date instead of re-clustering everything. The ``events`` table holds one row
per event, with its counts, sources and most precise place.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import json
import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
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
# Re-cluster whole groups rather than the neighbourhood of new mentions when that is larger
# than this share of them (a back-fill): it is faster then.
WHOLE_GROUPS_SHARE = 0.5


@dataclass(frozen=True)
class DedupSettings:
    """How mentions are merged. Kept in the store's ``meta``: new settings re-cluster all."""

    window_days: int = 2
    max_span_days: int = 4  # first to last report date of one event
    near_km: float = 25.0  # two city-level places this close are one place (a metro area)
    undirected: frozenset[str] = UNDIRECTED
    attach_partial: bool = True  # mentions without a recipient may join a complete event
    # A dateline says where the reporter filed from, not where the event happened: by default
    # a place known only from it does not keep two mentions apart.
    dateline_places: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "window_days": self.window_days,
                "max_span_days": self.max_span_days,
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


class _City(NamedTuple):
    name: str
    lat: float | None
    lon: float | None


class _Mention(NamedTuple):
    """What clustering needs of one mention. ``group`` is category and modality; ``kind`` is
    "C" (actors and recipients), "P" (actors only) or "S" (no date or no actor: alone);
    ``codes`` are the actor and recipient codes together, sorted."""

    event_id: str
    group: str
    kind: str
    day: int
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    codes: tuple[str, ...]
    reciprocal: bool
    city: _City | None


def _order(mention: _Mention) -> tuple[int, str]:
    return (mention.day, mention.event_id)


def _km(a: _City, b: _City) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class _Cluster:
    """Members (sorted) decide what may join; attached actor-only mentions do not."""

    __slots__ = ("attached", "cities", "first_day", "last_day", "members")

    def __init__(self, members: list[_Mention]) -> None:
        self.members = members
        self.attached: list[_Mention] = []
        self.cities = [m.city for m in members if m.city]
        self.first_day = members[0].day
        self.last_day = max(m.day for m in members)

    def add(self, mention: _Mention) -> None:
        self.members.append(mention)
        if mention.city:
            self.cities.append(mention.city)
        self.last_day = max(self.last_day, mention.day)

    def recent(self, since: int) -> Iterator[_Mention]:
        for member in reversed(self.members):
            if member.day < since:
                return
            yield member

    def event_id(self) -> str:
        seed = (
            min(self.members[0], *self.attached, key=_order) if self.attached else self.members[0]
        )
        return content_id(f"event:{seed.event_id}")


_Started = dict[tuple[str, tuple[str, ...]], list[_Cluster]]


class _Index:
    """Complete clusters' members by group and code, sorted by date, for actor-only ones."""

    def __init__(self, clusters: Iterable[_Cluster]) -> None:
        entries: dict[tuple[str, str], list[tuple[int, str, _Mention, _Cluster]]] = defaultdict(
            list
        )
        for cluster in clusters:
            for member in cluster.members:
                for code in member.codes:
                    entries[(member.group, code)].append(
                        (member.day, member.event_id, member, cluster)
                    )
        self.entries = {key: sorted(rows, key=lambda r: r[:2]) for key, rows in entries.items()}
        self.days = {key: [r[0] for r in rows] for key, rows in self.entries.items()}

    def near(self, group: str, code: str, day: int, window: int) -> list[tuple[_Mention, _Cluster]]:
        key = (group, code)
        days = self.days.get(key, [])
        lo, hi = bisect.bisect_left(days, day - window), bisect.bisect_right(days, day + window)
        return [(row[2], row[3]) for row in self.entries.get(key, [])[lo:hi]]


class _Clusterer:
    def __init__(self, settings: DedupSettings) -> None:
        self.settings = settings
        self.window = settings.window_days
        self.span = settings.max_span_days
        self.near_km = settings.near_km

    def same_place(self, a: _City, b: _City) -> bool:
        return a.name == b.name or _km(a, b) <= self.near_km

    def place_fits(self, city: _City | None, cities: Sequence[_City]) -> bool:
        return city is None or all(self.same_place(city, other) for other in cities)

    def undirected(self, group: str) -> bool:
        return group.split("|", 1)[0] in self.settings.undirected

    def greedy(
        self,
        block: list[_Mention],
        link: Callable[[_Mention, _Mention], bool],
        started: Sequence[_Cluster] = (),
    ) -> list[_Cluster]:
        """Each mention, in date order, joins the earliest-started cluster it links to within
        the window that stays within ``max_span_days`` and its place; else starts one.

        ``started`` are clusters as they stood before the first of ``block`` (members all
        earlier): clusters never merge, so resuming from them gives what clustering from
        the start would."""
        clusters = sorted(started, key=lambda c: _order(c.members[0]))
        active = list(clusters)
        for mention in block:
            since = mention.day - self.window
            active = [c for c in active if c.last_day >= since]
            for cluster in active:
                if (
                    mention.day - cluster.first_day <= self.span
                    and self.place_fits(mention.city, cluster.cities)
                    and any(link(mention, other) for other in cluster.recent(since))
                ):
                    cluster.add(mention)
                    break
            else:
                cluster = _Cluster([mention])
                clusters.append(cluster)
                active.append(cluster)
        return clusters

    def link(self, group: str) -> Callable[[_Mention, _Mention], bool]:
        """Whether two complete mentions of one dyad block may be one event."""
        if self.undirected(group):
            return lambda a, b: True
        return lambda a, b: (
            a.reciprocal or b.reciprocal or (a.actors == b.actors and a.recipients == b.recipients)
        )

    def complete(self, mentions: Iterable[_Mention], started: _Started) -> list[_Cluster]:
        """Clusters of mentions with actors and recipients, dyad by dyad."""
        blocks: dict[tuple[str, tuple[str, ...]], list[_Mention]] = defaultdict(list)
        for mention in mentions:
            blocks[(mention.group, mention.codes)].append(mention)
        clusters: list[_Cluster] = []
        for key in sorted(blocks.keys() | started.keys()):
            block = sorted(blocks.get(key, []), key=_order)
            clusters += self.greedy(block, self.link(key[0]), started.get(key, []))
        return clusters

    def fits(self, partial: _Mention, member: _Mention) -> bool:
        if partial.actors == member.actors:
            return True
        if self.undirected(member.group) or member.reciprocal or partial.reciprocal:
            return partial.actors in (member.recipients, member.codes)
        return False

    def decide(self, partial: _Mention, index: _Index) -> _Cluster | None:
        """The one complete cluster an actor-only mention fits, if exactly one."""
        found: dict[int, _Cluster] = {}
        for member, cluster in index.near(
            partial.group, partial.actors[0], partial.day, self.window
        ):
            if id(cluster) not in found and self.fits(partial, member):
                found[id(cluster)] = cluster
        fitting = [
            c
            for c in found.values()
            if max(c.last_day, partial.day) - min(c.first_day, partial.day) <= self.span
            and self.place_fits(partial.city, c.cities)
        ]
        return fitting[0] if len(fitting) == 1 else None

    def alone(self, mentions: Iterable[_Mention], started: _Started) -> list[_Cluster]:
        """Clusters of actor-only mentions that joined no complete cluster, actor by actor."""
        blocks: dict[tuple[str, tuple[str, ...]], list[_Mention]] = defaultdict(list)
        for mention in mentions:
            blocks[(mention.group, mention.actors)].append(mention)
        clusters: list[_Cluster] = []
        for key in sorted(blocks.keys() | started.keys()):
            block = sorted(blocks.get(key, []), key=_order)
            clusters += self.greedy(block, lambda a, b: True, started.get(key, []))
        return clusters

    def solve(
        self,
        *,
        complete: Iterable[_Mention] = (),
        complete_started: _Started | None = None,
        stored: Iterable[_Cluster] = (),
        deciding: Iterable[_Mention] = (),
        waiting: Iterable[_Mention] = (),
        waiting_started: _Started | None = None,
        single: Iterable[_Mention] = (),
    ) -> list[_Cluster]:
        """Clusters of ``complete`` mentions (resuming ``complete_started`` ones), joined by
        the ``deciding`` actor-only mentions that fit one of them or of the ``stored``
        clusters; the rest of ``deciding`` cluster with ``waiting`` ones (actor-only
        mentions that joined nothing before, resuming ``waiting_started``)."""
        clusters = self.complete(complete, complete_started or {}) + list(stored)
        index = _Index(clusters)
        left = list(waiting)
        for mention in deciding:
            target = self.decide(mention, index) if self.settings.attach_partial else None
            if target is None:
                left.append(mention)
            else:
                target.attached.append(mention)
        return clusters + self.alone(left, waiting_started or {}) + [_Cluster([m]) for m in single]


def _assignments(clusters: Iterable[_Cluster]) -> dict[str, str]:
    assigned: dict[str, str] = {}
    for cluster in clusters:
        event_id = cluster.event_id()
        for member in (*cluster.members, *cluster.attached):
            assigned[member.event_id] = event_id
    return assigned


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
        try:
            con.commit()
        except duckdb.Error as err:
            raise StoreError(f"{store.path}: could not deduplicate events: {err}") from err
    finally:
        for table in _TEMP_TABLES:
            with contextlib.suppress(duckdb.Error):
                con.execute(f"DROP TABLE IF EXISTS {table}")


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


def _dyad_match(mention: dict[str, Any], gold: dict[str, Any]) -> int:
    """2: the gold dyad (either way round if reciprocal); 1: the gold actor and no
    recipient; 0: neither."""
    actors, recipients = set(mention["actor_codes"]), set(mention["recipient_codes"])
    ways = [(actors, recipients)]
    if gold["reciprocal"] or mention["reciprocal"]:
        ways.append((recipients, actors))
    for a, r in ways:
        if gold["actor"] in a and (gold["recipient"] is None or gold["recipient"] in r):
            return 2
    return 1 if not recipients and gold["actor"] in actors else 0


def _main_mentions(
    mentions: list[dict[str, Any]], keys: dict[str, str], gold: dict[str, dict[str, Any]]
) -> dict[str, tuple[int, dict[str, Any]]]:
    """Per article, its best mention of the gold category: (dyad match, mention)."""
    best: dict[str, tuple[int, float, str, dict[str, Any]]] = {}
    for mention in mentions:
        key = keys.get(mention["article_id"])
        if key is None or mention["event"] != gold[key]["event"]:
            continue
        rank = (_dyad_match(mention, gold[key]), mention["confidence"], mention["event_id"])
        if rank[0] and rank > best.get(mention["article_id"], (0, 0.0, ""))[:3]:
            best[mention["article_id"]] = (*rank, mention)
    return {article: (match, mention) for article, (match, _, _, mention) in best.items()}


def _score_pairs(keys: dict[str, str], main: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Pairwise precision and recall of "same event" over the articles in ``main``."""
    ids = sorted(main)
    tp, misses, false_merges = 0, [], []
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            gold_same = keys[first] == keys[second]
            same = main[first]["cluster_id"] == main[second]["cluster_id"]
            pair = {
                "articles": [first, second],
                "event_keys": [keys[first], keys[second]],
                "events": [main[first]["cluster_id"], main[second]["cluster_id"]],
            }
            tp += same and gold_same
            if same and not gold_same:
                false_merges.append(pair)
            elif gold_same and not same:
                misses.append(pair)
    fp, fn = len(false_merges), len(misses)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "coded_articles": len(ids),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if tp else 0.0,
        "true_pairs": tp,
        "false_pairs": fp,
        "missed_pairs": fn,
        "misses": misses,
        "false_merges": false_merges,
    }


def score_dedup(
    articles_path: str | Path,
    *,
    coder: Any = None,
    events_path: str | Path | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Pairwise clustering precision and recall on a corpus whose articles carry an
    ``event_key`` (``evalsets/dedup``): code the articles into an in-memory store, cluster
    them (``options`` go to :func:`cluster_mentions`) and compare "their main mentions share
    an event" with "same event_key" over pairs of articles whose main event was coded.

    An article's main mention is its highest-confidence mention of the key's category whose
    actors match the key's dyad (either way round when reciprocal); articles without one
    are listed in ``uncoded``. ``partial`` also admits mentions with the key's actor and no
    recipient; ``end_to_end`` counts every gold pair, uncoded articles' pairs as misses.
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
        result = cluster_mentions(store, **options)
        cursor = store.con.execute(
            "SELECT event_id, article_id, event, actor_codes, recipient_codes, reciprocal, "
            "confidence, cluster_id FROM mentions WHERE NOT (negated OR hypothetical OR historical)"
        )
        names = [d[0] for d in cursor.description]
        mentions = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    best = _main_mentions(mentions, keys, gold)
    strict = {article: m for article, (match, m) in best.items() if match == 2}
    headline = _score_pairs(keys, strict)
    partial = _score_pairs(keys, {article: m for article, (_, m) in best.items()})
    ids = sorted(keys)
    gold_pairs = sum(keys[a] == keys[b] for i, a in enumerate(ids) for b in ids[i + 1 :])
    recall = headline["true_pairs"] / gold_pairs if gold_pairs else 1.0
    precision = headline["precision"]
    return {
        "articles": len(ids),
        "event_keys": len(set(keys.values())),
        "gold_pairs": gold_pairs,
        "mentions": result.mentions,
        "events": result.events,
        **headline,
        "uncoded": [
            {
                "article": a,
                "event_key": keys[a],
                "reason": "actor only, no recipient"
                if a in best
                else f"no {gold[keys[a]]['event']} mention with the key's actors",
            }
            for a in ids
            if a not in strict
        ],
        "partial": {k: v for k, v in partial.items() if k not in ("misses", "false_merges")},
        "end_to_end": {
            "precision": precision,
            "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if recall else 0.0,
        },
    }
