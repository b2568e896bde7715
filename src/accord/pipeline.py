"""The per-article pipeline: nlp -> actors -> events -> place & time -> Event values.

``Coder`` holds everything loaded once per process (spaCy pipeline, actor matcher, lexicon,
ontology, gazetteer); ``code_text`` and ``code_articles`` are the public entry points.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from accord import nlp as nlp_module
from accord.actors.agents import ARMED_SECTORS
from accord.actors.dictionary import ActorDictionary
from accord.actors.resolve import ActorResolver, DocActors
from accord.domain import Actor, Article, Event, Evidence, Modality, Place, content_id
from accord.events.arguments import DOMESTIC_RESTRICTIONS
from accord.events.extract import Frame, frames
from accord.events.lexicon import Lexicon
from accord.events.phrases import through_quantity
from accord.events.quotes import Quote, find_quotes
from accord.geo import Gazetteer, locate_event
from accord.ingest import article_from_text
from accord.ontology import Ontology
from accord.timex import resolve_event_date

# Categories where a compound actor with no recipient acts jointly on each other
# ("Iran and Turkey pledged to expand cooperation").
MUTUAL = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}


def configured_actor_files() -> list[Path]:
    """Extra actor dictionaries named in ``ACCORD_ACTORS`` (paths separated like PATH)."""
    value = os.environ.get("ACCORD_ACTORS", "")
    return [Path(p) for p in value.split(os.pathsep) if p]


@dataclass(frozen=True)
class Options:
    """What to keep. Defaults keep events that happened, between resolved actors."""

    all_modalities: bool = False
    keep_unresolved: bool = False
    actor_files: tuple[Path, ...] = ()


@dataclass
class Tally:
    """Counts of what was coded and what was dropped, and why."""

    articles: int = 0
    sentences: int = 0
    events: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage

    def drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1

    @contextlib.contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class CodedArticle:
    article: Article
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    doc: Doc
    actors: DocActors


class Coder:
    """Turns articles into events; build once per process and reuse."""

    def __init__(self, *, nlp: Language | None = None, options: Options | None = None) -> None:
        self.options = options or Options()
        self.nlp = nlp or nlp_module.load()
        self.ontology = Ontology.load()
        self.lexicon = Lexicon.load()
        self.dictionary = ActorDictionary.load(
            [*configured_actor_files(), *self.options.actor_files]
        )
        gazetteer = Gazetteer.load()

        def place_country(name: str) -> str | None:
            found = gazetteer.candidates(name)
            return found[0].country if found else None

        self.resolver = ActorResolver(self.nlp, self.dictionary, place_country=place_country)
        self.tally = Tally()

    def code(self, article: Article) -> list[Event]:
        with self.tally.timed("nlp"):
            doc = self.nlp(article.text)
        return list(self.code_article(article, doc).events)

    def code_many(
        self, articles: Iterable[Article], *, batch_size: int = 32
    ) -> Iterator[CodedArticle]:
        """Code a stream of articles, parsing them in batches with ``nlp.pipe``."""
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from self._code_batch(pending)
                pending = []
        if pending:
            yield from self._code_batch(pending)

    def _code_batch(self, articles: list[Article]) -> Iterator[CodedArticle]:
        with self.tally.timed("nlp"):
            docs = list(self.nlp.pipe([a.text for a in articles]))
        for article, doc in zip(articles, docs, strict=True):
            yield self.code_article(article, doc)

    def code_article(self, article: Article, doc: Doc) -> CodedArticle:
        self.tally.articles += 1
        with self.tally.timed("actors"):
            actors = self.resolver.analyse(doc, date=article.date, dateline=article.dateline)
        with self.tally.timed("quotes"):
            quotes = find_quotes(doc, actors, self.resolver, self.lexicon)
        events: list[Event] = []
        sentences = list(doc.sents)
        self.tally.sentences += len(sentences)
        countries = list(dict.fromkeys(actors.country_codes()))
        actor_spans = [(h.start, h.end) for h in actors.hits if _acts(doc, h.start, h.end)]
        for index, sent in enumerate(sentences):
            with self.tally.timed("events"):
                found = list(frames(sent, self.lexicon))
            coded = [
                self._event(article, doc, index, frame, actors, quotes, countries, actor_spans)
                for frame in found
            ]
            events += _without_partial_repeats([e for e in coded if e is not None])
        merged = merge_repeats(events)
        self.tally.events += len(merged)
        return CodedArticle(article, tuple(merged), tuple(quotes), doc, actors)

    def _country(self, code: str, text: str, why: str) -> Actor:
        """A bare-country actor: the state as the place an act holds in."""
        country = self.dictionary.country(code)
        name = country.name if country is not None else code
        return Actor(code, None, name, text, (), None, why)

    def _place(
        self,
        article: Article,
        doc: Doc,
        frame: Frame,
        countries: list[str],
        actor_spans: list[tuple[int, int]],
    ) -> Place:
        return locate_event(
            doc,
            frame.trigger,
            article_countries=countries,
            dateline=article.dateline,
            actor_spans=actor_spans,
        )

    def _event(
        self,
        article: Article,
        doc: Doc,
        index: int,
        frame: Frame,
        actors: DocActors,
        quotes: Sequence[Quote],
        countries: list[str],
        actor_spans: list[tuple[int, int]],
    ) -> Event | None:
        coding = self.ontology.coding(frame.cameo, mode=frame.sense.mode)
        if coding.event is None:
            self.tally.drop("statement without a PLOVER category")
            return None
        category: str = coding.event
        actor = _resolve_all(frame.actors, actors, self.resolver)
        own = {(a.code, a.name) for a in actor}
        recipient = [
            r
            for r in _resolve_all(frame.recipients, actors, self.resolver)
            if (r.code, r.name) not in own
        ]
        # "Bangladesh lifted the curfew imposed in Dhaka": a place of the actor's own country
        # is where the act holds, not the actor acting on itself; it stays, as that country
        recipient += [
            self._country(r.code, head.text, "the actor's own country, where the act holds")
            for head in frame.recipients
            if _place_token(head)
            for r in self.resolver.actor_of(head, actors)
            if (r.code, r.name) in own
            and r.code is not None
            and r.code not in {x.code for x in recipient}
        ][:1]
        peacekeeping = bool(actor) and all(_peacekeeping(a) for a in actor)
        if (
            frame.cameo[:3] == "042"
            and actor
            and (peacekeeping or all(a.sector in ARMED_SECTORS for a in actor))
            and _armed_bodies(frame, self.lexicon.words("armed_units"))
        ):
            # "peacekeeping troops arrived in Bosnia": a deployment, not a visit
            if not peacekeeping:
                self.tally.drop("armed force arriving, not a visit")
                return None
            coding = self.ontology.coding("074")
            if coding.event is None:
                return None
            category = coding.event
        place: Place | None = None
        local = self.lexicon.words("local_sectors")
        if any(a.code is None and a.sector in local for a in [*actor, *recipient]):
            # "police arrested 20 protesters in Istanbul": a generic local agent belongs to
            # the country where it acts
            with self.tally.timed("geo"):
                place = self._place(article, doc, frame, countries, actor_spans)
            if place.country and place.attached:
                actor = [_located(a, place, local) for a in actor]
                recipient = [_located(r, place, local) for r in recipient]
        unresolved = not actor or any(a.code is None for a in actor)
        if (
            unresolved
            and coding.event == "ASSAULT"
            and recipient
            and _unattributed(frame, self.lexicon.words("instruments"))
        ):
            # "a roadside bomb killed three soldiers near Samarra": an unidentified armed
            # force of the country where it happened
            if place is None:
                with self.tally.timed("geo"):
                    place = self._place(article, doc, frame, countries, actor_spans)
            if place.country:
                text = " ".join(t.text for t in frame.actors)
                actor = [
                    Actor(
                        place.country,
                        "UAF",
                        "unidentified attackers",
                        text,
                        ("UAF",),
                        None,
                        f"unattributed violence in {place.name or place.country}",
                    )
                ]
                unresolved = False
        if (
            not frame.actors
            and recipient
            and (coding.cameo[:2] in {"09", "11"} or coding.cameo[:3] == "173")
            and _agentless_passive(frame.trigger)
        ):
            # "a British journalist was arrested in Iran", "was put under investigation in
            # Italy": the state where it happens acts (not "homes were demolished in Gaza")
            if place is None:
                with self.tally.timed("geo"):
                    place = self._place(article, doc, frame, countries, actor_spans)
            if place.country and place.attached:
                actor = [
                    Actor(
                        place.country,
                        "GOV",
                        "authorities",
                        "",
                        ("GOV",),
                        None,
                        f"authorities of the place of an agentless act ({place.name})",
                    )
                ]
                unresolved = False
        if unresolved and not self.options.keep_unresolved:
            self.tally.drop("unresolved actor")
            return None
        reciprocal = False
        if (frame.symmetric or coding.event in MUTUAL) and not recipient and len(actor) > 1:
            actor, recipient, reciprocal = actor[:1], actor[1:], True
        elif frame.symmetric:
            reciprocal = bool(recipient)
        with self.tally.timed("timex"):
            when = resolve_event_date(
                frame.trigger.sent, published=article.date, trigger=frame.trigger
            )
        modality = Modality(frame.negated, frame.future, frame.hypothetical, when.historical)
        if not modality.happened and not self.options.all_modalities:
            self.tally.drop("did not happen (negated, hypothetical or historical)")
            return None
        if place is None:
            with self.tally.timed("geo"):
                place = self._place(article, doc, frame, countries, actor_spans)
        # promised aid and concessions land where they are to happen ("will evacuate the
        # settlements in Gaza"); a place where talks or an agreement happen is no party
        promised = coding.cameo.startswith(("033", "034", "035"))
        if (
            not recipient
            and (coding.event not in {"CONSULT", "AGREE"} or promised)
            and place.country
            and place.attached
        ):
            # "imposed a curfew in Abidjan", "protested in Serbia": the place's country is
            # the target when nobody else is named
            recipient = [
                Actor(
                    place.country,
                    None,
                    place.name or place.country,
                    place.name or "",
                    (),
                    None,
                    f"country of the event's place ({place.reason})",
                )
            ]
        domestic = len(coding.cameo) == 4 and coding.cameo[1:] in DOMESTIC_RESTRICTIONS
        state = actor[0].code if actor else None
        if domestic and not recipient and state and self.dictionary.country(state):
            # "Thailand imposed a curfew", "declared martial law": on the actor's own country
            recipient = [self._country(state, "", "a domestic restriction")]
        sent = frame.trigger.sent
        speaker, quote = _attribution(frame, actors, quotes, self.resolver)
        # The article's own characters: the parsed text has plain apostrophes (accord.nlp).
        text = article.text[sent.start_char : sent.end_char]
        evidence = Evidence(index, text, sent.start_char, sent.end_char, frame.trigger.text)
        confidence = _confidence(frame, actor, recipient)
        key = "|".join(
            [
                article.id,
                str(index),
                str(frame.trigger.i),
                coding.cameo,
                ",".join(a.code or "" for a in actor),
                ",".join(r.code or "" for r in recipient),
            ]
        )
        return Event(
            event_id=content_id(key),
            article_id=article.id,
            date=when.date,
            date_precision=when.precision,
            event=category,
            mode=coding.mode,
            context=coding.context,
            cameo=coding.cameo,
            quad_class=coding.quad_class,
            goldstein=coding.goldstein,
            plover_scale=coding.plover_scale,
            actor=tuple(actor),
            recipient=tuple(recipient),
            reciprocal=reciprocal,
            modality=modality,
            location=place,
            speaker=speaker,
            quote=quote,
            evidence=(evidence,),
            confidence=confidence,
            extra={
                "cameo_name": coding.cameo_name,
                "date_text": when.text,
                "date_reason": when.reason,
                "lexicon": frame.sense.origin,
                "notes": frame.notes,
            },
        )


def _place_token(token: Token) -> bool:
    """A place named as where something happens ("in Dhaka", "across Kashmir"), not a party."""
    return (
        token.ent_type_ in {"GPE", "LOC"}
        and token.dep_ == "pobj"
        and token.head.lower_ in {"in", "across", "throughout", "inside"}
    )


def _located(actor: Actor, place: Place, local: frozenset[str]) -> Actor:
    """A generic agent of a local sector ("police", "protesters") takes the place's country;
    troops and rebels often fight abroad and keep none."""
    if actor.code is not None or actor.sector not in local:
        return actor
    reason = f"{actor.reason}; country of the event's place ({place.name})".lstrip("; ")
    return replace(actor, code=place.country, reason=reason)


def _armed_bodies(frame: Frame, units: frozenset[str]) -> bool:
    """The frame's actors are armed bodies ("troops", "a contingent", "a first batch of
    troops"), not people with a military role ("the defence minister", "General X"): plural
    nouns or unit nouns, or a part of them."""

    def body(token: Token) -> bool:
        return token.tag_ in {"NNS", "NNPS"} or token.lemma_.lower() in units

    return all(
        body(t)
        or any(
            body(inner)
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for inner in c.children
            if inner.dep_ == "pobj"
        )
        for t in frame.actors
    )


def _peacekeeping(actor: Actor) -> bool:
    """A peacekeeping force, whether resolved as one or as the body that sends it ("NATO
    peacekeeping troops", "UN peacekeepers")."""
    return actor.sector == "PKO" or "peacekeep" in actor.text.lower()


def _agentless_passive(trigger: Token) -> bool:
    """ "was arrested", "has been put under investigation": a passive with nobody named."""
    return (
        trigger.pos_ == "VERB"
        and trigger.dep_ != "relcl"
        and any(c.dep_ == "nsubjpass" for c in trigger.children)
        and not any(c.dep_ == "agent" for c in trigger.children)
    )


def _unattributed(frame: Frame, instruments: frozenset[str]) -> bool:
    """Violence whose doer is a weapon: "a bomb killed", "were killed in an explosion"
    (not "where 20 people were killed in riots", a background description)."""
    trigger = frame.trigger
    if frame.kind == "suffered" and not frame.actors:
        return True  # "the governor survived a bomb attack", by nobody named
    if trigger.dep_ == "relcl" or trigger.pos_ != "VERB":
        return False
    if frame.actors:
        return all(t.lemma_.lower() in instruments for t in frame.actors)
    if frame.cameo == "185":
        return True  # "an attempt to assassinate the governor", by nobody named
    return any(c.dep_ == "nsubjpass" for c in trigger.children) and any(
        obj.lemma_.lower() in instruments
        for prep in trigger.children
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"in", "by"}
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def _resolve_all(heads: Sequence[Token], actors: DocActors, resolver: ActorResolver) -> list[Actor]:
    """Actors of argument heads; one actor per code and sector, the most specific kept
    ("his Turkish counterpart Yasar Guler" parsed as two heads is one actor)."""
    out: dict[tuple[str | None, str | None], Actor] = {}
    for head in heads:
        # "1,800 of 2,200 Serbian teachers": the counted people act
        found = resolver.actor_of(head, actors) or resolver.actor_of(through_quantity(head), actors)
        for actor in found:
            key = (actor.code, actor.sector)
            if key not in out or (out[key].name == out[key].text and actor.name != actor.text):
                out[key] = actor
    return list(out.values())


def _acts(doc: Doc, start: int, end: int) -> bool:
    """A place name used as an actor ("Ankara said", "Tehran's response"), not a location."""
    root = doc[start:end].root
    return root.dep_ in {"nsubj", "nsubjpass", "poss", "agent", "dobj", "appos"}


def _attribution(
    frame: Frame, actors: DocActors, quotes: Sequence[Quote], resolver: ActorResolver
) -> tuple[Actor | None, str | None]:
    for quote in quotes:
        if quote.start_char <= frame.trigger.idx < quote.end_char:
            return quote.speaker, quote.text
    if frame.speaker is not None:
        found = resolver.actor_of(frame.speaker, actors)
        if found:
            return found[0], None
    return None, None


def _confidence(frame: Frame, actor: Sequence[Actor], recipient: Sequence[Actor]) -> float:
    score = 0.9 if frame.kind == "verb" else 0.8
    if any("coreference" in a.reason or "context" in a.reason for a in actor):
        score -= 0.1
    if any(a.code is None for a in actor):
        score -= 0.3
    if not recipient:
        score -= 0.1
    if frame.speaker is not None:
        score -= 0.05
    return round(max(0.05, min(score, 0.99)), 2)


def _without_partial_repeats(events: list[Event]) -> list[Event]:
    """Within one sentence, an event without a recipient that another event of the same
    category and actor completes is the same act said twice ("dismissed Kyiv's plan and
    said it would not negotiate on it")."""

    def actors_of(event: Event) -> frozenset[str | None]:
        return frozenset(a.code for a in event.actor)

    def pairs(event: Event) -> frozenset[tuple[str | None, str | None]]:
        sides = [*event.actor, *event.recipient] if event.reciprocal else []
        if event.reciprocal:
            return frozenset((a.code, b.code) for a in sides for b in sides if a is not b)
        return frozenset((a.code, r.code) for a in event.actor for r in event.recipient)

    complete = {(e.event, actors_of(e)) for e in events if e.recipient}
    kept = [e for e in events if e.recipient or (e.event, actors_of(e)) not in complete]
    # "arrived in Baghdad for talks with Iraqi officials": the visit's dyad is inside the talks'
    return [
        e
        for i, e in enumerate(kept)
        if not any(
            o.event == e.event
            and o.reciprocal
            and not e.reciprocal
            and bool(e.recipient)
            and pairs(e) <= pairs(o)
            for j, o in enumerate(kept)
            if j != i
        )
    ]


def merge_repeats(events: list[Event]) -> list[Event]:
    """The same event said twice in one article is one event with both sentences as evidence."""
    merged: dict[tuple[object, ...], Event] = {}
    for event in events:
        recipients = [r.code for r in event.recipient] or [None]
        pairs = frozenset((a.code, r) for a in event.actor for r in recipients)
        key = (event.event, pairs, event.reciprocal, event.modality)
        first = merged.get(key)
        if first is None:
            merged[key] = event
            continue
        if any(e.sentence_index == event.evidence[0].sentence_index for e in first.evidence):
            continue
        merged[key] = _with_evidence(first, event.evidence[0])
    return list(merged.values())


def _with_evidence(event: Event, evidence: Evidence) -> Event:
    return replace(event, evidence=(*event.evidence, evidence))


@functools.cache
def coder_for(options: Options) -> Coder:
    """One coder per process and set of options (the spaCy pipeline is shared)."""
    return Coder(options=options)


def default_coder() -> Coder:
    return coder_for(Options())


def code_text(
    text: str, *, date: dt.date | str | None = None, title: str | None = None, id: str | None = None
) -> list[Event]:
    """Code one article's text. ``accord.code_text("Turkish police detained 20 protesters.")``"""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    article = article_from_text(text, title=title, date=date, id=id)
    return default_coder().code(article)


def code_articles(articles: Iterable[Article]) -> Iterator[Event]:
    """Stream events from many articles (parsed in batches)."""
    for coded in default_coder().code_many(articles):
        yield from coded.events
