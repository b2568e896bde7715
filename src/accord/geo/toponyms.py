"""Toponyms in a parsed document.

They come from spaCy entities (GPE, LOC, FAC), from phrase matches of the curated table and
country names, and from capitalized words governed by a locative preposition that the
gazetteer knows (the small English model tags "Khan Younis" as a person and "Omdurman" as a
nationality). Demonyms are never toponyms.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from accord.geo.gazetteer import Gazetteer

# preposition -> rank (lower is a better locative)
LOCATIVE = {
    "in": 0, "at": 0, "near": 0, "outside": 0, "inside": 0, "across": 0, "throughout": 0,
    "around": 0, "within": 0, "into": 0, "over": 1, "off": 1, "along": 1, "onto": 1,
    "through": 1, "on": 1, "upon": 1, "to": 2, "toward": 2, "towards": 2, "from": 3,
}  # fmt: skip
_ENTITY_LABELS = {"GPE", "LOC", "FAC"}
# Nouns through which a toponym still locates: "in the city of Aleppo", "in Syria's north".
PLACE_NOUNS = {
    "city", "town", "village", "province", "region", "area", "capital", "outskirts", "suburb",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "part", "district", "camp", "border", "coast", "port", "street", "heart", "center",
    "centre", "countryside", "state", "county", "governorate", "neighborhood",
    "neighbourhood", "territory", "enclave", "island", "waters", "frontline", "front",
    "edge", "vicinity", "outpost", "base", "zone", "strip", "oblast", "municipality",
    "hospital", "square", "airport", "harbor", "harbour", "crossing", "road", "highway",
    "side", "corner", "mountains", "valley", "desert", "shore", "sea", "gulf", "strait",
    "hub", "settlement", "quarter", "refugee", "sector", "axis", "direction", "line",
    "control",  # "took control of El Fasher"
}  # fmt: skip
DIRECTIONS = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "occupied", "upper",
    "lower", "greater",
}  # fmt: skip
_CACHE_KEY = "accord.geo.mentions"
_EMBEDDED_KEY = "accord.geo.embedded_countries"


@dataclass(frozen=True)
class Mention:
    """A toponym in a parsed document (token offsets)."""

    start: int
    end: int
    text: str
    label: str  # GPE | LOC | FAC | TABLE | PROPN


def mentions_in(doc: Doc) -> list[Mention]:
    """Toponyms of ``doc``, longest first where they overlap; computed once per doc."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None:
        return list(cached)
    gazetteer = Gazetteer.load()
    found: list[Mention] = []
    embedded: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ in _ENTITY_LABELS:
            span = _strip_determiner(ent)
            if len(span) and (ent.label_ != "FAC" or gazetteer.candidates(span.text)):
                found.append(Mention(span.start, span.end, span.text, ent.label_))
    for _, start, end in _matcher(doc.vocab)(doc):
        span = doc[start:end]
        if not _capitalized(span):
            continue
        if _inside_other_entity(span):
            if gazetteer.country_of_name(span.text):
                embedded.append(Mention(start, end, span.text, "EMBEDDED"))
            continue
        found.append(Mention(start, end, span.text, "TABLE"))
    for token in doc:
        governed = token.dep_ == "pobj" and (
            token.head.lower_ in LOCATIVE
            # "the town of X": a name the tagger took for a people is still a place here
            or (token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS)
        )
        if governed or (token.dep_ == "conj" and token.head.dep_ == "pobj"):
            for span in _proper_noun_spans(token):
                if _known_name(gazetteer, span):
                    found.append(Mention(span.start, span.end, span.text, "PROPN"))
                    break
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        if mention.label != "PROPN" and any(
            doc[i].ent_type_ == "NORP" for i in range(mention.start, mention.end)
        ):
            continue  # demonyms are never places
        kept.append(mention)
    doc.user_data[_CACHE_KEY] = tuple(kept)
    doc.user_data[_EMBEDDED_KEY] = tuple(embedded)
    return kept


def embedded_countries(doc: Doc) -> list[Mention]:
    """Country names inside other entities ("the US National Weather Service"): context,
    never places."""
    mentions_in(doc)
    return list(doc.user_data.get(_EMBEDDED_KEY, ()))


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
    return words[0].text[:1].isupper() or words[0].lower_ in DIRECTIONS


def _strip_determiner(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    end = span.end
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].dep_ == "case"):
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


def _proper_noun_spans(token: Token) -> list[Span]:
    """Spans a capitalized noun governed by a locative preposition may name: its entity
    (even one the model mislabelled), else its compound chain ("Khan Younis")."""
    if not token.text[:1].isupper() or token.pos_ not in {"PROPN", "NOUN", "ADJ"}:
        return []
    spans = []
    if token.ent_type_ and token.ent_type_ not in _ENTITY_LABELS:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            spans.append(_strip_determiner(ent))
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ == "compound"
        and (token.doc[start - 1].pos_ == "PROPN")
    ):
        start -= 1
    spans.append(token.doc[start : token.i + 1])
    return spans


def _known_name(gazetteer: Gazetteer, span: Span) -> bool:
    """A gazetteer name, and for a word the model took for a demonym ("Omdurman" as NORP),
    the main name of a place rather than a loose alternate."""
    found = gazetteer.candidates(span.text)
    if not found:
        return False
    if span.root.ent_type_ == "NORP":
        return any(not c.alias for c in found)
    return True
