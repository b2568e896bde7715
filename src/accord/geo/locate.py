"""Where did the event happen? Toponyms in a parsed sentence, and the one that locates it.

Toponyms come from spaCy entities (GPE, LOC, FAC), from phrase matches of the curated table
and country names, and from proper nouns governed by a locative preposition that the
gazetteer knows (the small English model often tags "Khan Younis" as a person). A toponym
locates an event only when a locative preposition (or a relative clause "where ...")
attaches it to the event word; subjects and objects are actors, never places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from accord.domain import Place
from accord.geo.gazetteer import Candidate, Gazetteer, resolve_in_context

NO_PLACE_REASON = "no place in the event's sentence or dateline"

# preposition -> rank (lower is a better locative)
_LOCATIVE = {
    "in": 0, "at": 0, "near": 0, "outside": 0, "inside": 0, "across": 0, "throughout": 0,
    "around": 0, "within": 0, "into": 0, "over": 1, "off": 1, "along": 1, "onto": 1,
    "through": 1, "on": 1, "upon": 1, "to": 2, "toward": 2, "towards": 2, "from": 3,
}  # fmt: skip
# Prepositions that locate only a motion ("travelled to Moscow", "returned from Doha").
_MOTION_ONLY = {"to", "toward", "towards", "from"}
_MOTION = {
    "travel", "fly", "arrive", "go", "come", "return", "head", "trip", "visit", "journey",
    "deploy", "move", "relocate", "flee", "march", "advance", "push", "sail", "drive", "walk",
    "cross", "enter", "withdraw", "pull", "send", "dispatch", "evacuate", "retreat", "transfer",
    "deliver", "smuggle", "launch", "fire", "infiltrate", "escape", "deport", "expel",
}  # fmt: skip
# Nouns through which a toponym still locates: "in the city of Aleppo", "in Syria's north".
_PLACE_NOUNS = {
    "city", "town", "village", "province", "region", "area", "capital", "outskirts", "suburb",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "part", "district", "camp", "border", "coast", "port", "street", "heart", "center",
    "centre", "countryside", "state", "county", "governorate", "neighborhood",
    "neighbourhood", "territory", "enclave", "island", "waters", "frontline", "front",
    "edge", "vicinity", "outpost", "base", "zone", "strip", "oblast", "municipality",
    "hospital", "square", "airport", "harbor", "harbour", "crossing", "road", "highway",
    "side", "corner", "mountains", "valley", "desert", "shore", "sea", "gulf", "strait",
    "hub", "settlement", "quarter", "refugee", "sector", "axis", "direction", "line",
}  # fmt: skip
# Links from a noun up to the word it depends on, inside one noun/prepositional phrase.
_NOMINAL_UP = {"pobj", "prep", "dobj", "attr", "appos", "conj", "compound", "nsubjpass", "oprd"}
_MODIFIER = {"compound", "amod", "nmod", "poss"}
_CLAUSE_UP = {"xcomp", "advcl", "conj", "acl"}
_REPORTED = {"ccomp", "parataxis"}
_ENTITY_LABELS = {"GPE", "LOC", "FAC"}
_NOT_PLACES = {"NORP", "PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}
_DIRECTIONS = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "occupied", "upper",
    "lower", "greater",
}  # fmt: skip
_CACHE_KEY = "accord.geo.mentions"


@dataclass(frozen=True)
class Mention:
    """A toponym in a parsed document (token offsets)."""

    start: int
    end: int
    text: str
    label: str  # GPE | LOC | FAC | TABLE | PROPN


def locate_event(
    doc: Doc,
    trigger: Token,
    *,
    article_countries: Sequence[str] = (),
    dateline: str | None = None,
    actor_spans: Sequence[tuple[int, int]] = (),
) -> Place:
    """The place where the event of ``trigger`` happened, with the reason it was chosen.

    1) a toponym attached to the event word by a locative preposition or a relative clause
    ("met in Ankara", "shelled a camp near El Fasher", "in Ankara, where they discussed");
    2) else a locative toponym elsewhere in the event's clause; 3) else the dateline place;
    4) else an abstention, ``geo_precision == "none"``.
    """
    gazetteer = Gazetteer.load()
    dateline_place = _dateline_place(dateline, article_countries)
    dateline_country = dateline_place.country if dateline_place else None
    sentence = trigger.sent
    mentions = [
        m
        for m in mentions_in(doc)
        if sentence.start <= m.start < sentence.end
        and not any(m.start < end and start < m.end for start, end in actor_spans)
    ]
    context = [*_sentence_countries(gazetteer, doc, mentions), *article_countries]
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}

    chosen = _attached(doc, trigger, mentions, by_token)
    if chosen is None:
        chosen = _elsewhere(doc, trigger, mentions)
    for mention, how in chosen or []:
        place = _resolve_mention(doc, mention, mentions, context, dateline_country)
        if place is not None and place.name is not None:
            return _with_reason(place, how)
    if dateline_place is not None:
        return _with_reason(dateline_place, "dateline")
    return Place(name=None, country=None, geo_precision="none", reason=NO_PLACE_REASON)


def list_places(doc: Doc, *, dateline: str | None = None) -> list[dict[str, object]]:
    """Every toponym of ``doc`` with its resolution and the alternatives considered."""
    gazetteer = Gazetteer.load()
    mentions = mentions_in(doc)
    countries = _sentence_countries(gazetteer, doc, mentions)
    dateline_place = _dateline_place(dateline, countries)
    dateline_country = dateline_place.country if dateline_place else None
    sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
    rows: list[dict[str, object]] = []
    if dateline:
        _, found = resolve_in_context(dateline, context_countries=countries)
        rows.append(_row(dateline, "DATELINE", None, None, None, dateline_place, found))
    for mention in mentions:
        sentence = doc[mention.start].sent
        same = [m for m in mentions if sentence.start <= m.start < sentence.end]
        context = [*_sentence_countries(gazetteer, doc, same), *countries]
        place = _resolve_mention(doc, mention, same, context, dateline_country)
        _, found = resolve_in_context(mention.text, context_countries=context)
        span = doc[mention.start : mention.end]
        rows.append(
            _row(
                mention.text,
                mention.label,
                sentence_of.get(sentence.start),
                span.start_char,
                span.end_char,
                place,
                found,
            )
        )
    return rows


def _row(
    text: str,
    label: str,
    sentence_index: int | None,
    start: int | None,
    end: int | None,
    place: Place | None,
    found: list[Candidate],
) -> dict[str, object]:
    return {
        "text": text,
        "label": label,
        "sentence_index": sentence_index,
        "start": start,
        "end": end,
        "place": place.to_dict() if place else None,
        "alternatives": [
            {"name": c.name, "country": c.country, "feature": c.feature, "population": c.population}
            for c in found
        ],
    }


# --- finding toponyms -----------------------------------------------------------------------


def mentions_in(doc: Doc) -> list[Mention]:
    """Toponyms of ``doc``, longest first where they overlap; computed once per doc."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None:
        return list(cached)
    gazetteer = Gazetteer.load()
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ in _ENTITY_LABELS:
            span = _strip_determiner(ent)
            if len(span) and (ent.label_ != "FAC" or gazetteer.candidates(span.text)):
                found.append(Mention(span.start, span.end, span.text, ent.label_))
    for _, start, end in _matcher(doc.vocab)(doc):
        span = doc[start:end]
        if not _capitalized(span) or _inside_other_entity(span):
            continue
        found.append(Mention(start, end, span.text, "TABLE"))
    for token in doc:
        governed = token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE
        if governed or (token.dep_ == "conj" and token.head.dep_ == "pobj"):
            span = _proper_noun_span(token)
            if span is not None and gazetteer.candidates(span.text):
                found.append(Mention(span.start, span.end, span.text, "PROPN"))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        if any(doc[i].ent_type_ == "NORP" for i in range(mention.start, mention.end)):
            continue  # demonyms are never places
        kept.append(mention)
    doc.user_data[_CACHE_KEY] = tuple(kept)
    return kept


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: object) -> PhraseMatcher:
    key = id(vocab)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        from accord import nlp

        tokenizer = nlp.load().tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")  # type: ignore[arg-type]
        names = [n for n in Gazetteer.load().surface_names() if len(n) > 2 or n.isupper()]
        matcher.add("PLACE", [tokenizer(name) for name in names])
        _MATCHERS[key] = matcher
    return matcher


def _capitalized(span: Span) -> bool:
    """ "West Bank", "southern Lebanon", not "turkey" or "us"."""
    words = [t for t in span if t.is_alpha]
    if not words or not any(t.text[:1].isupper() for t in words):
        return False
    return words[0].text[:1].isupper() or words[0].lower_ in _DIRECTIONS


def _strip_determiner(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    end = span.end
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


def _inside_other_entity(span: Span) -> bool:
    """ "Gaza" in "the Gaza Health Ministry" (ORG) is part of an actor's name."""
    for ent in span.doc.ents:
        if ent.label_ in _ENTITY_LABELS:
            continue
        if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            return True
    return False


def _proper_noun_span(token: Token) -> Span | None:
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ == "NORP":
        return None
    if token.ent_type_ and token.ent_type_ not in _ENTITY_LABELS:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            return _strip_determiner(ent)
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ == "compound"
        and (token.doc[start - 1].pos_ == "PROPN")
    ):
        start -= 1
    return token.doc[start : token.i + 1]


# --- choosing the event's place -------------------------------------------------------------

_Choice = list[tuple[Mention, str]]


def _attached(
    doc: Doc, trigger: Token, mentions: list[Mention], by_token: dict[int, Mention]
) -> _Choice | None:
    """Toponyms attached to the trigger (or the verbs that govern it), best first."""
    heads = [(trigger, "the event word")]
    token = trigger
    for _ in range(2):
        if token.dep_ not in _CLAUSE_UP or token.head == token:
            break
        token = token.head
        heads.append((token, f"the governing verb '{token.text}'"))
    if trigger.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        heads.insert(1, (trigger.head, f"the verb '{trigger.head.text}' of the event noun"))
    for level, (head, name) in enumerate(heads):
        scored: list[tuple[tuple[int, int, int], Mention, str]] = []
        for mention in mentions:
            anchor = _locative_anchor(doc, mention)
            if anchor is None:
                continue
            prep, rank = anchor
            hops = _hops_to(prep.head, head)
            if hops is None or not _prep_fits(prep, head, mention):
                continue
            how = f"prepositional phrase of {name}"
            scored.append(((rank, hops, abs(mention.start - head.i)), mention, how))
        if level == 0:
            scored.extend(_compound_of_event_noun(trigger, mentions))
            scored.extend(_relative_clause_place(trigger, by_token))
        if scored:
            scored.sort(key=lambda item: item[0])
            return [(mention, how) for _, mention, how in scored]
    return None


def _elsewhere(doc: Doc, trigger: Token, mentions: list[Mention]) -> _Choice | None:
    """Locative toponyms elsewhere in the trigger's clause (not in a reported clause)."""
    clause = _reported_clause(trigger)
    scored: list[tuple[tuple[int, int], Mention]] = []
    for mention in mentions:
        anchor = _locative_anchor(doc, mention)
        if anchor is None:
            continue
        prep, rank = anchor
        if prep.lower_ in _MOTION_ONLY or _reported_clause(doc[mention.start]) != clause:
            continue
        if prep.lower_ in {"on", "upon"} and _is_country(mention):
            continue
        scored.append(((rank, abs(mention.start - trigger.i)), mention))
    if not scored:
        return None
    scored.sort(key=lambda item: item[0])
    return [(m, "locative place elsewhere in the sentence") for _, m in scored]


def _locative_anchor(doc: Doc, mention: Mention) -> tuple[Token, int] | None:
    """The locative preposition governing a toponym, through "the city of", "Syria's north"."""
    token = doc[mention.start : mention.end].root
    for _ in range(6):
        dep = token.dep_
        coordinated = dep in {"conj", "appos"} and token.head != token
        if coordinated or (dep in _MODIFIER and token.head.lemma_.lower() in _PLACE_NOUNS):
            token = token.head
        elif dep == "pobj":
            prep = token.head
            word = prep.lower_
            if word == "of" and prep.head.lemma_.lower() in _PLACE_NOUNS:
                token = prep.head
            elif word in _LOCATIVE:
                return prep, _LOCATIVE[word]
            else:
                return None
        else:
            return None
    return None


def _hops_to(start: Token, target: Token) -> int | None:
    """Steps from ``start`` up to ``target`` through noun-phrase links, if it gets there."""
    token = start
    for hops in range(6):
        if token == target:
            return hops
        if token.dep_ not in _NOMINAL_UP or token.head == token:
            return None
        token = token.head
    return None


def _prep_fits(prep: Token, head: Token, mention: Mention) -> bool:
    word = prep.lower_
    if word in _MOTION_ONLY:
        return prep.head == head and head.lemma_.lower() in _MOTION
    # "sanctions on Iran": a target, not a place
    return not (word in {"on", "upon"} and _is_country(mention))


def _is_country(mention: Mention) -> bool:
    return Gazetteer.load().country_of_name(mention.text) is not None


def _compound_of_event_noun(
    trigger: Token, mentions: list[Mention]
) -> list[tuple[tuple[int, int, int], Mention, str]]:
    """ "the Doha talks": a city or region naming the event noun (a country there is an actor)."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return []
    found = []
    for child in trigger.children:
        if child.dep_ not in {"compound", "nmod"}:
            continue
        for mention in mentions:
            if mention.start <= child.i < mention.end and not _is_country(mention):
                found.append(((1, 0, 0), mention, "toponym naming the event noun"))
    return found


def _relative_clause_place(
    trigger: Token, by_token: dict[int, Mention]
) -> list[tuple[tuple[int, int, int], Mention, str]]:
    """ "met in Ankara, where they discussed ...": the discussion is in Ankara."""
    token = trigger
    for _ in range(3):
        if token.dep_ == "relcl":
            break
        if token.dep_ not in _CLAUSE_UP or token.head == token:
            return []
        token = token.head
    else:
        return []
    mention = by_token.get(token.head.i)
    if mention is None:
        return []
    where = any(c.lower_ in {"where", "there"} for c in token.children)
    if not where:
        return []
    return [((0, 0, 0), mention, "relative clause on the place")]


def _reported_clause(token: Token) -> int | None:
    """Index of the innermost reported clause (ccomp, parataxis) containing ``token``."""
    for t in [token, *token.ancestors]:
        if t.dep_ in _REPORTED:
            return t.i
    return None


# --- resolving ------------------------------------------------------------------------------


def _resolve_mention(
    doc: Doc,
    mention: Mention,
    mentions: list[Mention],
    context: Sequence[str],
    dateline_country: str | None,
) -> Place | None:
    within = _container(doc, mention, mentions, context, dateline_country)
    place, _ = resolve_in_context(
        mention.text, context_countries=context, dateline_country=dateline_country, within=within
    )
    if place is None:
        words = mention.text.split()
        if len(words) > 1 and words[0].lower() in _DIRECTIONS:
            place, _ = resolve_in_context(
                " ".join(words[1:]),
                context_countries=context,
                dateline_country=dateline_country,
                within=within,
            )
    return place


def _container(
    doc: Doc,
    mention: Mention,
    mentions: list[Mention],
    context: Sequence[str],
    dateline_country: str | None,
) -> Place | None:
    """The larger place that qualifies a toponym: "Tbilisi, Georgia", "Tripoli in Lebanon"."""
    root = doc[mention.start : mention.end].root
    for other in mentions:
        if other.start <= mention.start:
            continue
        between = doc[mention.end : other.start]
        appositive = len(between) == 1 and between[0].text == ","
        other_root = doc[other.start : other.end].root
        in_phrase = (
            other_root.dep_ == "pobj"
            and other_root.head.lower_ == "in"
            and other_root.head.head == root
        ) or (
            other_root.dep_ == "poss"
            and other_root.head.head.lower_ == "in"
            and other_root.head.head.head == root
        )
        if not (appositive or in_phrase):
            continue
        place, _ = resolve_in_context(
            other.text, context_countries=context, dateline_country=dateline_country
        )
        if place is not None and place.geo_precision in {"country", "admin1"}:
            return place
    return None


def _sentence_countries(gazetteer: Gazetteer, doc: Doc, mentions: list[Mention]) -> list[str]:
    found: list[str] = []
    for mention in mentions:
        code = gazetteer.country_of_name(mention.text)
        if code and code not in found:
            found.append(code)
    return found


def _dateline_place(dateline: str | None, article_countries: Sequence[str]) -> Place | None:
    if not dateline or not dateline.strip():
        return None
    place, _ = resolve_in_context(dateline.strip(), context_countries=article_countries)
    return place


def _with_reason(place: Place, how: str) -> Place:
    reason = f"{how} ({place.reason})" if place.reason else how
    return Place(
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        lat=place.lat,
        lon=place.lon,
        geo_precision=place.geo_precision,
        reason=reason,
        gazetteer_id=place.gazetteer_id,
    )
