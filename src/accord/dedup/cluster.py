"""Clustering mentions into real-world events: a pure function of the mentions and settings."""

from __future__ import annotations

import bisect
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from accord.domain import content_id

# Meetings, agreements and cooperation are reported from either side ("X visited Y",
# "Y hosted X"): their direction does not tell events apart.
UNDIRECTED = frozenset({"CONSULT", "AGREE", "COOPERATE"})


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
