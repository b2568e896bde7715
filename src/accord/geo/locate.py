"""Where did the event happen? Of the toponyms in the event's sentence (``toponyms``), the
one the parse ties to the event word: through a locative preposition ("met in Ankara"), a
relative clause ("Ankara, where they discussed"), or as the object of a verb of place
("captured Bakhmut"). Countries and capitals as subjects are actors ("Ankara said"), never
places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from accord.domain import Place
from accord.geo.gazetteer import Candidate, Gazetteer, inside, resolve_in_context
from accord.geo.toponyms import (
    DIRECTIONS,
    LOCATIVE,
    PLACE_NOUNS,
    Mention,
    embedded_countries,
    mentions_in,
)

NO_PLACE_REASON = "no place in the event's sentence or dateline"

# Prepositions that locate only a motion ("travelled to Moscow", "returned from Doha").
_MOTION_ONLY = {"to", "toward", "towards", "from"}
_MOTION = {
    "travel", "fly", "arrive", "go", "come", "return", "head", "trip", "visit", "journey",
    "deploy", "move", "relocate", "flee", "march", "advance", "push", "sail", "drive", "walk",
    "cross", "enter", "withdraw", "pull", "send", "dispatch", "evacuate", "retreat", "transfer",
    "deliver", "smuggle", "launch", "fire", "infiltrate", "escape", "deport", "expel",
}  # fmt: skip
# Links from a noun up to the word it depends on, inside one noun/prepositional phrase.
_NOMINAL_UP = {
    "pobj", "prep", "dobj", "attr", "appos", "conj", "compound", "nsubjpass", "oprd", "advmod",
    "npadvmod",
}  # fmt: skip
_COMPASS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern",
}  # fmt: skip
_MODIFIER = {"compound", "amod", "nmod", "poss"}
_CLAUSE_UP = {"xcomp", "advcl", "conj", "acl"}
_REPORTED = {"ccomp", "parataxis"}


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
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    named = mentions + [
        m for m in embedded_countries(doc) if sentence.start <= m.start < sentence.end
    ]

    for attached, scored in (
        (True, _attached(doc, trigger, mentions, by_token)),
        (False, _elsewhere(doc, trigger, mentions)),
    ):
        ranked = []
        for (rank, hops, distance), mention, how in scored:
            context = [*_sentence_countries(gazetteer, named, mention), *article_countries]
            place = _resolve_mention(doc, mention, mentions, context, dateline_country)
            if place is not None and place.name is not None:
                finer = _PRECISION_ORDER.get(place.geo_precision, 4)
                ranked.append(((rank, finer, hops, distance), place, how))
        if ranked:
            _, place, how = min(ranked, key=lambda item: item[0])
            return replace(_with_reason(place, how), attached=attached)
    if dateline_place is not None:
        return _with_reason(dateline_place, "dateline")
    return Place(name=None, country=None, geo_precision="none", reason=NO_PLACE_REASON)


def list_places(doc: Doc, *, dateline: str | None = None) -> list[dict[str, object]]:
    """Every toponym of ``doc`` with its resolution and the alternatives considered."""
    gazetteer = Gazetteer.load()
    mentions = mentions_in(doc)
    countries = _sentence_countries(gazetteer, mentions)
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
        own = gazetteer.country_of_name(mention.text)  # "Georgia" is no context for itself
        context = [
            *_sentence_countries(gazetteer, same, mention),
            *(c for c in countries if c != own),
        ]
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

# --- choosing the event's place -------------------------------------------------------------

# Verbs whose direct object is where they happen: "captured Bakhmut", "visited Beijing".
_PLACE_VERBS = {
    "enter", "capture", "seize", "take", "retake", "recapture", "shell", "bomb", "strike",
    "attack", "hit", "storm", "besiege", "encircle", "liberate", "reach", "leave", "visit",
    "tour", "raid", "invade", "annex", "occupy", "target", "flee", "evacuate", "overrun",
    "surround", "pound", "batter", "blockade", "cross", "rock", "ravage", "flood", "shake",
    "devastate", "control", "patrol", "bombard", "sweep",
}  # fmt: skip
# Verbs whose objects are contents, not places: "condemned strikes in the Caribbean".
_COMMUNICATIVE = {
    "say", "condemn", "accuse", "criticize", "criticise", "deny", "welcome", "praise", "urge",
    "call", "warn", "demand", "reject", "blame", "discuss", "support", "announce", "report",
    "claim", "confirm", "threaten", "vow", "pledge", "promise", "propose", "ask", "tell",
    "denounce", "decry", "slam", "hail", "applaud", "insist", "argue", "describe", "express",
    "agree", "accept", "endorse", "back", "oppose", "approve", "consider",
}  # fmt: skip
_PRECISION_ORDER = {"point": 0, "city": 1, "admin1": 2, "country": 3}

_Key = tuple[int, int, int]
_Scored = list[tuple[_Key, Mention, str]]


@dataclass(frozen=True)
class _Anchor:
    kind: str  # prep | object | subject
    word: Token  # the preposition, or the verb of which the toponym is object or subject
    rank: int
    via_noun: bool  # reached through a noun: "the port of Beirut", "a Dhaka factory"


def _attached(
    doc: Doc, trigger: Token, mentions: list[Mention], by_token: dict[int, Mention]
) -> _Scored:
    """Toponyms attached to the trigger (or else to the verbs that govern it)."""
    heads = [(trigger, "the event word")]
    token = trigger
    for _ in range(2):
        if token.dep_ not in _CLAUSE_UP or token.head == token:
            break
        token = token.head
        heads.append((token, f"the governing verb '{token.text}'"))
    if trigger.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        heads.insert(1, (trigger.head, f"the verb '{trigger.head.text}' of the event noun"))
    elif (
        trigger.dep_ == "pobj"
        and trigger.head.dep_ == "prep"
        and trigger.head.head.pos_
        in {
            "VERB",
            "AUX",
        }
    ):  # "travelled to Muscat for talks"
        verb = trigger.head.head
        heads.insert(1, (verb, f"the verb '{verb.text}' of the event noun"))
    for level, (head, name) in enumerate(heads):
        scored: _Scored = []
        lemma = head.lemma_.lower()
        for mention in mentions:
            anchor = _anchor(doc, mention)
            if anchor is None:
                continue
            distance = abs(mention.start - head.i)
            if anchor.kind == "prep":
                hops = _hops_to(anchor.word.head, head)
                if hops is None or (lemma in _COMMUNICATIVE and not _said_where(anchor, head)):
                    continue
                if _prep_fits(anchor.word, head, mention):
                    how = f"prepositional phrase of {name}"
                    scored.append(((anchor.rank, hops, distance), mention, how))
            elif anchor.word == head and anchor.kind == "object":
                if lemma in _PLACE_VERBS:
                    how = f"object of {name}, a place"
                    scored.append(((anchor.rank, 0, distance), mention, how))
            elif anchor.word == head and (anchor.via_noun or not _is_state_name(mention)):
                how = f"subject of {name}, a place"
                scored.append(((anchor.rank, 0, distance), mention, how))
        if level == 0:
            scored.extend(_compound_of_event_noun(trigger, mentions))
            scored.extend(_relative_clause_place(trigger, by_token))
        if scored:
            return scored
    return []


def _elsewhere(doc: Doc, trigger: Token, mentions: list[Mention]) -> _Scored:
    """Locative toponyms elsewhere in the trigger's clause (not in a reported clause)."""
    clause = _reported_clause(trigger)
    content = _content_tokens(trigger)
    scored: _Scored = []
    for mention in mentions:
        if mention.start in content:
            continue
        anchor = _anchor(doc, mention)
        if anchor is None or anchor.kind != "prep":
            continue
        word = anchor.word.lower_
        if word in _MOTION_ONLY or _reported_clause(doc[mention.start]) != clause:
            continue
        if word in {"on", "upon"} and _is_country(mention):
            continue
        how = "locative place elsewhere in the sentence"
        scored.append(((anchor.rank, 0, abs(mention.start - trigger.i)), mention, how))
    return scored


def _said_where(anchor: _Anchor, verb: Token) -> bool:
    """For a verb of saying, a place phrase on the verb or right on its object
    ("announced the prize in Oslo"), not one deeper in what was said."""
    owner = anchor.word.head
    return owner == verb or (owner.dep_ == "dobj" and owner.head == verb)


def _content_tokens(trigger: Token) -> set[int]:
    """For a verb of saying or judging, the tokens of what is said or judged: a place
    there ("condemned strikes in the Caribbean") is not where the saying happened."""
    if trigger.lemma_.lower() not in _COMMUNICATIVE:
        return set()
    inside: set[int] = set()
    for child in trigger.children:
        if child.dep_ in {"nsubj", "nsubjpass", "punct", "aux", "neg", "advmod", "npadvmod"}:
            continue
        inside.update(t.i for t in child.subtree)
        if child.dep_ == "prep" and child.lower_ in LOCATIVE and child.lower_ not in _MOTION_ONLY:
            inside.difference_update(_phrase_head_tokens(child))  # "said in Geneva"
        if child.dep_ == "dobj":
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in LOCATIVE:
                    inside.difference_update(_phrase_head_tokens(prep))
    return inside


def _phrase_head_tokens(prep: Token) -> set[int]:
    """A prepositional phrase without the phrases nested in it: "on boats", not "on boats
    in the Caribbean"."""
    tokens = {t.i for t in prep.subtree}
    for t in prep.subtree:
        if t != prep and t.dep_ == "prep":
            tokens.difference_update(u.i for u in t.subtree)
    return tokens


def _anchor(doc: Doc, mention: Mention) -> _Anchor | None:
    """How a toponym hangs in the parse: under a locative preposition (through "the city
    of", "Syria's north", "a Dhaka factory"), or as the object or subject of a verb."""
    token = doc[mention.start : mention.end].root
    via_noun = False
    country = _is_country(mention)
    for _ in range(6):
        dep = token.dep_
        head = token.head
        if dep in {"conj", "appos"} and head != token:
            token = head
        elif (dep in _MODIFIER and head.lemma_.lower() in PLACE_NOUNS) or (
            dep == "compound" and head.pos_ in {"NOUN", "PROPN"} and not country
        ):
            token, via_noun = head, True
        elif dep == "pobj":
            word = head.lower_
            if word == "of" and head.head.lower_ in _COMPASS:
                return _Anchor("prep", head, 1, via_noun)  # "south of the Litani River"
            if word == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
                token, via_noun = head.head, True
            elif word == "of" and head.head.dep_ == "prep" and head.head.lower_ in LOCATIVE:
                # "outside of the city of Mosul"
                return _Anchor("prep", head.head, LOCATIVE[head.head.lower_], via_noun)
            elif word in LOCATIVE:
                return _Anchor("prep", head, LOCATIVE[word], via_noun)
            else:
                return None
        elif dep == "dobj":
            return _Anchor("object", head, 1, via_noun)
        elif dep in {"nsubj", "nsubjpass"}:
            return _Anchor("subject", head, 2, via_noun)
        else:
            break
    return _surface_anchor(doc, mention)


def _surface_anchor(doc: Doc, mention: Mention) -> _Anchor | None:
    """When the parse went astray ("at the Kerem Shalom crossing" with "crossing" taken for
    a verb), a locative preposition just before the toponym still anchors it."""
    i = mention.start - 1
    while i >= 0 and doc[i].pos_ in {"DET", "ADJ", "NUM"}:
        i -= 1
    if i < 0 or doc[i].dep_ != "prep" or doc[i].lower_ not in LOCATIVE:
        return None
    return _Anchor("prep", doc[i], LOCATIVE[doc[i].lower_], False)


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
    if word in _MOTION_ONLY:  # on the motion verb or its object: "launched a missile toward"
        owner = prep.head
        on_verb = owner == head or (owner.dep_ == "dobj" and owner.head == head)
        return on_verb and head.lemma_.lower() in _MOTION
    # "sanctions on Iran": a target, not a place
    return not (word in {"on", "upon"} and _is_country(mention))


def _is_country(mention: Mention) -> bool:
    return Gazetteer.load().country_of_name(mention.text) is not None


def _is_state_name(mention: Mention) -> bool:
    """A country or capital: as a subject it names a government ("Ankara said")."""
    found = Gazetteer.load().candidates(mention.text)
    return bool(found) and found[0].feature in {"country", "capital"}


def _compound_of_event_noun(trigger: Token, mentions: list[Mention]) -> _Scored:
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


def _relative_clause_place(trigger: Token, by_token: dict[int, Mention]) -> _Scored:
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
        if len(words) > 1 and words[0].lower() in DIRECTIONS:
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
    """The larger place that qualifies a toponym: "Tbilisi, Georgia", "Tripoli in Lebanon",
    "Pakistan's Sindh province". Of an ambiguous container, the reading that holds a place
    of the toponym's name wins ("Atlanta, Georgia" is the US state)."""
    root = doc[mention.start : mention.end].root
    gazetteer = Gazetteer.load()
    inner = gazetteer.candidates(mention.text)
    for other in mentions:
        other_root = doc[other.start : other.end].root
        # "Nepal's Koshi province", "Pakistan's Sindh province"
        owner = other_root.dep_ == "poss" and (
            other_root.head == root or (root.dep_ == "compound" and root.head == other_root.head)
        )
        if other.start <= mention.start and not owner:
            continue
        between = doc[mention.end : other.start]
        appositive = len(between) == 1 and between[0].text == ","
        in_phrase = (
            owner
            or (
                other_root.dep_ == "pobj"
                and other_root.head.lower_ == "in"
                and other_root.head.head == root
            )
            or (
                other_root.dep_ == "poss"
                and other_root.head.head.lower_ == "in"
                and other_root.head.head.head == root
            )
        )
        if not (appositive or in_phrase):
            continue
        place, _ = resolve_in_context(
            other.text, context_countries=context, dateline_country=dateline_country
        )
        readings = [place] if place is not None else []
        readings += [
            c.to_place("container")
            for c in gazetteer.candidates(other.text)
            if c.geo_precision in {"country", "admin1"}
        ]
        readings = [p for p in readings if p.geo_precision in {"country", "admin1"}]
        for reading in readings:
            if any(inside(c, reading) for c in inner):
                return reading
        if readings and in_phrase:
            return readings[0]  # "Koshi" in "Nepal's Koshi province" is in Nepal, or unknown
        # after a bare comma, a place that holds nothing of the name is the next item of a
        # list ("Gaza, Lebanon and Syria"), not a container
    return None


def _sentence_countries(
    gazetteer: Gazetteer, mentions: list[Mention], excluded: Mention | None = None
) -> list[str]:
    """Countries named by the mentions (but ``excluded``): context for resolving it."""
    found: list[str] = []
    for mention in mentions:
        if mention == excluded:
            continue
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
    return replace(place, reason=f"{how} ({place.reason})" if place.reason else how)
