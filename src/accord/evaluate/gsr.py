"""Scoring against the PLOVER gold standard records: dyads, events, actors, places.

A gold event expands into ordered (actor, recipient) pairs: every source x every target,
every ordered pair of participants when reciprocal. System events expand the same way.
A system pair matches a gold pair when the PLOVER category and the actor codes agree
(and, at the stricter level, the sectors); each gold pair is matched at most once. A gold
side the coders left unannotated (a null target) matches any system side: such gold pairs
are matched on category and actor alone, and further system pairs that fit them are
neither true nor false positives.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Literal

from accord.domain import Actor, Event
from accord.evaluate.gold import (
    ANY_SECTOR,
    GoldActor,
    GoldEvent,
    GoldSentence,
    norm_code,
    norm_sector,
)
from accord.evaluate.metrics import Rate, Score

Level = Literal["country", "sector"]
LEVELS: tuple[Level, ...] = ("country", "sector")
Side = GoldActor | Actor | None  # gold: None is unannotated; system: None is nobody
NONE = "(none)"  # the empty row/column of the confusion table

_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "in", "s", "for", "to", "on", "at"})


@dataclass(frozen=True)
class CategoryRow:
    category: str
    event: Score
    dyad: Score


@dataclass(frozen=True)
class Miss:
    """A gold event with at least one dyad the system did not produce."""

    id: str
    text: str
    gold: str
    missing: tuple[str, ...]
    produced: tuple[str, ...]


@dataclass(frozen=True)
class FalsePositive:
    """A system event with at least one dyad the gold does not list."""

    id: str
    text: str
    produced: str
    gold: tuple[str, ...]


@dataclass(frozen=True)
class ActorMiss:
    id: str
    text: str
    gold: str
    produced: tuple[str, ...]  # system actors whose text overlaps the gold span


@dataclass(frozen=True)
class ActorAccuracy:
    found: Rate  # some system actor's text overlaps the gold span
    country: Rate
    sector: Rate
    misses: tuple[ActorMiss, ...]


@dataclass(frozen=True)
class LocationMiss:
    id: str
    gold: str
    produced: str


@dataclass(frozen=True)
class LocationAccuracy:
    events: int  # gold events with a location
    matched: int  # ... of which a system event matched
    name: Rate
    country: Rate  # over gold places whose country is known
    misses: tuple[LocationMiss, ...]


@dataclass(frozen=True)
class GsrReport:
    sentences: int
    gold_events: int
    system_events: int
    dyad: Score
    dyad_sector: Score
    event: Score
    actor_only_pairs: int  # gold pairs with an unannotated side, matched on the other
    per_category: tuple[CategoryRow, ...]
    confusion: tuple[tuple[str, str, int], ...]  # (gold, predicted, count)
    misses: tuple[Miss, ...]
    false_positives: tuple[FalsePositive, ...]
    actors: ActorAccuracy
    locations: LocationAccuracy

    @property
    def false_events_per_gold_event(self) -> float:
        """System events whose category the sentence's gold lacks, per gold event."""
        return self.event.fp / self.gold_events if self.gold_events else 0.0


def score_gsr(coded: Iterable[tuple[GoldSentence, Sequence[Event]]]) -> GsrReport:
    """Score gold sentences, each paired with the events the system coded from its text."""
    tally = _Tally()
    for sentence, events in coded:
        tally.add(sentence, events)
    return tally.report()


def event_label(event: Event) -> str:
    """``ACCUSE/112 IRN GOV "Tehran" -> ISR "Israel"``, for miss lists."""
    if event.reciprocal:
        everyone = (*event.actor, *event.recipient)
        sides = " <-> ".join(_actor_label(a) for a in everyone)
    else:
        sides = f"{_actors_label(event.actor)} -> {_actors_label(event.recipient)}"
    name = f"{event.event}/{event.cameo}" if event.cameo else event.event
    return f"{name} {sides}"


@dataclass(frozen=True)
class _Pair:
    event: int  # index of the event within its sentence (gold or system)
    category: str
    actor: Side
    recipient: Side

    @property
    def open_sides(self) -> int:
        return (self.actor is None) + (self.recipient is None)

    def label(self) -> str:
        return f"{self.category} {_side_label(self.actor)} -> {_side_label(self.recipient)}"


@dataclass(frozen=True)
class _Matching:
    pairs: dict[int, int]  # gold pair index -> system pair index
    false: tuple[int, ...]  # system pair indexes that are false positives


@dataclass
class _Tally:
    """Running counts over sentences (private and mutable; the report is frozen)."""

    sentences: int = 0
    gold_events: int = 0
    system_events: int = 0
    actor_only_pairs: int = 0
    dyad: dict[Level, Counter[tuple[str, str]]] = field(
        default_factory=lambda: {level: Counter() for level in LEVELS}
    )
    event: Counter[tuple[str, str]] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    actor_found: Rate = field(default_factory=Rate)
    actor_country: Rate = field(default_factory=Rate)
    actor_sector: Rate = field(default_factory=Rate)
    actor_misses: list[ActorMiss] = field(default_factory=list)
    place_events: int = 0
    place_matched: int = 0
    place_name: Rate = field(default_factory=Rate)
    place_country: Rate = field(default_factory=Rate)
    place_misses: list[LocationMiss] = field(default_factory=list)

    def add(self, sentence: GoldSentence, events: Sequence[Event]) -> None:
        self.sentences += 1
        self.gold_events += len(sentence.events)
        self.system_events += len(events)
        links = self._add_events(sentence.events, events)
        for level in LEVELS:
            gold = _pairs(sentence.events, level)
            system = _pairs(events, level)
            matching = _match(gold, system, level)
            counts = self.dyad[level]
            for g, pair in enumerate(gold):
                counts[pair.category, "tp" if g in matching.pairs else "fn"] += 1
            for s in matching.false:
                counts[system[s].category, "fp"] += 1
            if level == "country":
                self.actor_only_pairs += sum(1 for pair in gold if pair.open_sides)
                self._add_misses(sentence, events, gold, matching)
                self._add_false_positives(sentence, events, system, matching)
                dyad_links: dict[int, int] = {}
                for g, s in matching.pairs.items():
                    dyad_links.setdefault(gold[g].event, system[s].event)
                links = {**links, **dyad_links}
        self._add_places(sentence, events, links)
        self._add_actors(sentence, events)

    def _add_events(self, gold: Sequence[GoldEvent], events: Sequence[Event]) -> dict[int, int]:
        """Match events on category alone; return gold index -> system index."""
        links: dict[int, int] = {}
        free = list(range(len(gold)))
        extra: list[int] = []
        for s, event in enumerate(events):
            category = event.event.upper()
            g = next((g for g in free if gold[g].category == category), None)
            if g is None:
                extra.append(s)
                continue
            free.remove(g)
            links[g] = s
            self.event[category, "tp"] += 1
            self.confusion[category, category] += 1
        for g in free:
            self.event[gold[g].category, "fn"] += 1
        for s in extra:
            self.event[events[s].event.upper(), "fp"] += 1
        for g_left, s_left in zip_longest(free, extra):
            gold_name = gold[g_left].category if g_left is not None else NONE
            system_name = events[s_left].event.upper() if s_left is not None else NONE
            self.confusion[gold_name, system_name] += 1
        return links

    def _add_misses(
        self,
        sentence: GoldSentence,
        events: Sequence[Event],
        gold: Sequence[_Pair],
        matching: _Matching,
    ) -> None:
        missing: dict[int, list[str]] = {}
        for g, pair in enumerate(gold):
            if g not in matching.pairs:
                missing.setdefault(pair.event, []).append(pair.label())
        produced = tuple(event_label(event) for event in events)
        for index, labels in sorted(missing.items()):
            self.misses.append(
                Miss(
                    id=sentence.id,
                    text=sentence.text,
                    gold=sentence.events[index].label(),
                    missing=tuple(labels),
                    produced=produced,
                )
            )

    def _add_false_positives(
        self,
        sentence: GoldSentence,
        events: Sequence[Event],
        system: Sequence[_Pair],
        matching: _Matching,
    ) -> None:
        gold = tuple(event.label() for event in sentence.events)
        for index in sorted({system[s].event for s in matching.false}):
            self.false_positives.append(
                FalsePositive(
                    id=sentence.id,
                    text=sentence.text,
                    produced=event_label(events[index]),
                    gold=gold,
                )
            )

    def _add_places(
        self, sentence: GoldSentence, events: Sequence[Event], links: dict[int, int]
    ) -> None:
        for g, gold_event in enumerate(sentence.events):
            place = gold_event.location
            if place is None:
                continue
            self.place_events += 1
            event = events[links[g]] if g in links else None
            self.place_matched += event is not None
            name_hit = event is not None and _same_place(place.name, event.location.name)
            self.place_name += Rate(int(name_hit), 1)
            country_hit = True
            if place.country is not None:
                country_hit = (
                    event is not None and norm_code(event.location.country) == place.country
                )
                self.place_country += Rate(int(country_hit), 1)
            if not (name_hit and country_hit):
                produced = "no matching event"
                if event is not None:
                    produced = _place_label(event.location.name, event.location.country)
                self.place_misses.append(
                    LocationMiss(
                        id=sentence.id,
                        gold=_place_label(place.name, place.country),
                        produced=produced,
                    )
                )

    def _add_actors(self, sentence: GoldSentence, events: Sequence[Event]) -> None:
        produced = [
            actor
            for event in events
            for actor in (*event.actor, *event.recipient, *_speaker(event))
        ]
        seen: set[tuple[str, str | None, str | None]] = set()
        for gold_event in sentence.events:
            for gold in (*(gold_event.source or ()), *(gold_event.target or ())):
                key = (gold.text, gold.code, gold.sector)
                if not gold.text or key in seen:
                    continue
                seen.add(key)
                overlapping = [a for a in produced if _overlaps(gold.text, a.text)]
                country = any(_side_fits(gold, a, "country") for a in overlapping)
                sector = any(_side_fits(gold, a, "sector") for a in overlapping)
                self.actor_found += Rate(int(bool(overlapping)), 1)
                self.actor_country += Rate(int(country), 1)
                self.actor_sector += Rate(int(sector), 1)
                if not sector:
                    labels = dict.fromkeys(_actor_label(a) for a in overlapping)
                    miss = ActorMiss(sentence.id, gold.text, gold.raw, produced=tuple(labels))
                    self.actor_misses.append(miss)

    def report(self) -> GsrReport:
        def score(counts: Counter[tuple[str, str]], category: str | None = None) -> Score:
            def total(kind: str) -> int:
                return sum(n for (c, k), n in counts.items() if k == kind and category in (None, c))

            return Score(tp=total("tp"), fp=total("fp"), fn=total("fn"))

        categories = sorted({c for c, _ in self.event} | {c for c, _ in self.dyad["country"]})
        return GsrReport(
            sentences=self.sentences,
            gold_events=self.gold_events,
            system_events=self.system_events,
            dyad=score(self.dyad["country"]),
            dyad_sector=score(self.dyad["sector"]),
            event=score(self.event),
            actor_only_pairs=self.actor_only_pairs,
            per_category=tuple(
                CategoryRow(c, event=score(self.event, c), dyad=score(self.dyad["country"], c))
                for c in categories
            ),
            confusion=tuple((g, p, n) for (g, p), n in sorted(self.confusion.items())),
            misses=tuple(self.misses),
            false_positives=tuple(self.false_positives),
            actors=ActorAccuracy(
                found=self.actor_found,
                country=self.actor_country,
                sector=self.actor_sector,
                misses=tuple(self.actor_misses),
            ),
            locations=LocationAccuracy(
                events=self.place_events,
                matched=self.place_matched,
                name=self.place_name,
                country=self.place_country,
                misses=tuple(self.place_misses),
            ),
        )


def _pairs(events: Sequence[GoldEvent | Event], level: Level) -> list[_Pair]:
    """Ordered (actor, recipient) pairs of each event, without repeats at ``level``."""
    pairs: list[_Pair] = []
    seen: set[tuple[object, ...]] = set()
    for index, event in enumerate(events):
        if isinstance(event, GoldEvent):
            category = event.category
            actors: Sequence[GoldActor | Actor] = event.source or ()
            recipients: Sequence[GoldActor | Actor] = event.target or ()
        else:
            category, actors, recipients = event.event.upper(), event.actor, event.recipient
        for actor, recipient in _expand(actors, recipients, reciprocal=event.reciprocal):
            key = (index, category, _side_key(actor, level), _side_key(recipient, level))
            if key not in seen:
                seen.add(key)
                pairs.append(_Pair(index, category, actor, recipient))
    return pairs


def _expand(
    actors: Sequence[GoldActor | Actor],
    recipients: Sequence[GoldActor | Actor],
    *,
    reciprocal: bool,
) -> list[tuple[Side, Side]]:
    pairs: list[tuple[Side, Side]]
    if reciprocal:
        everyone: list[Side] = [*actors, *recipients]
        pairs = [(a, b) for i, a in enumerate(everyone) for j, b in enumerate(everyone) if i != j]
        return pairs or [(a, None) for a in everyone] or [(None, None)]
    sources: Sequence[Side] = actors or [None]
    targets: Sequence[Side] = recipients or [None]
    return [(a, r) for a in sources for r in targets]


def _side_key(side: Side, level: Level) -> tuple[object, ...] | None:
    if side is None:
        return None
    if isinstance(side, GoldActor):
        return (side.code,) if level == "country" else (side.code, side.sector)
    code = norm_code(side.code)
    if level == "country":
        return (code,)
    return (code, tuple(sorted(_sectors(side), key=str)))


def _match(gold: Sequence[_Pair], system: Sequence[_Pair], level: Level) -> _Matching:
    """Greedy one-to-one matching, fully annotated gold pairs first."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for g in sorted(range(len(gold)), key=lambda g: gold[g].open_sides):
        for s, candidate in enumerate(system):
            if s not in taken and _fits(gold[g], candidate, level):
                pairs[g] = s
                taken.add(s)
                break
    open_gold = [pair for pair in gold if pair.open_sides]
    false = tuple(
        s
        for s, candidate in enumerate(system)
        if s not in taken and not any(_fits(pair, candidate, level) for pair in open_gold)
    )
    return _Matching(pairs=pairs, false=false)


def _fits(gold: _Pair, system: _Pair, level: Level) -> bool:
    return (
        gold.category == system.category
        and _side_fits(gold.actor, system.actor, level)
        and _side_fits(gold.recipient, system.recipient, level)
    )


def _side_fits(gold: Side, system: Side, level: Level) -> bool:
    if gold is None:
        return True
    if not isinstance(gold, GoldActor) or not isinstance(system, Actor):
        return False
    if norm_code(system.code) != gold.code:
        return False
    if level == "country" or gold.sector == ANY_SECTOR:
        return True
    return gold.sector in _sectors(system)


def _sectors(actor: Actor) -> set[str | None]:
    """Every sector the system gave (primary and others); {None} for none."""
    return {norm_sector(s) for s in (actor.sectors or (actor.sector,))}


def _speaker(event: Event) -> tuple[Actor, ...]:
    return (event.speaker,) if event.speaker is not None else ()


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").casefold()) if w not in _STOPWORDS}


def _overlaps(gold_text: str, system_text: str) -> bool:
    return bool(_words(gold_text) & _words(system_text))


def _same_place(gold_name: str, system_name: str | None) -> bool:
    """Same place name, allowing a descriptor on either side ("town of Rafah" ~ "Rafah")."""
    gold, system = _words(gold_name), _words(system_name)
    return bool(gold and system) and (gold <= system or system <= gold)


def _place_label(name: str | None, country: str | None) -> str:
    return f"{name or '(no place)'} ({country or '?'})"


def _side_label(side: Side) -> str:
    if side is None:
        return "?"
    if isinstance(side, GoldActor):
        return side.raw
    return _actor_label(side)


def _actor_label(actor: Actor) -> str:
    code = " ".join(part for part in (actor.code or "?", actor.sector) if part)
    return f'{code} "{actor.text}"' if actor.text else code


def _actors_label(actors: Sequence[Actor]) -> str:
    return " + ".join(_actor_label(a) for a in actors) or "-"
