"""Where an actor is from: nationality words, possessors, places named in the phrase (through
the gazetteer), and the text's own country."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from spacy.tokens import Doc, Token

from accord.actors.dictionary import ActorDictionary
from accord.actors.state import GROUP_PRONOUNS, PERSON_PRONOUNS, DocActors
from accord.actors.terms import Hit, PlaceCountry, closest

# Place names: entity types of toponyms, and the shortest names matched despite a misspelling.
PLACE_ENTS = {"GPE", "LOC"}
DIRECTIONS = {"north", "south", "east", "west", "centre", "center", "interior", "coast"}
PLACE_NOUNS = {"region", "province", "state", "territory", "district", "area", "enclave", "strip"}
# Nouns whose "of" phrase names a place ("the town of Samarra"), and prepositions of place:
# their object is a place whatever entity label the parser gave the name.
SETTLEMENT_NOUNS = PLACE_NOUNS | {"town", "city", "village", "port", "capital", "island"}
PLACE_PREPS = {"in", "near", "at", "outside", "around"}
# Definite descriptions of a state named before ("the kingdom", "the Gulf state").
COUNTRY_NOUNS = {
    "country",
    "nation",
    "kingdom",
    "republic",
    "state",
    "emirate",
    "sultanate",
    "principality",
    "archipelago",
}
# Modifiers that say an agent is not of the article's own country.
FOREIGN = {
    "foreign",
    "international",
    "western",
    "regional",
    "overseas",
    "global",
    "unidentified",
    "unknown",
}
# "Russian-backed separatists", "French-speaking rebels", "the Israeli-occupied West Bank": the
# nationality is someone else's.
BACKED = {
    "backed",
    "sponsored",
    "supported",
    "funded",
    "financed",
    "armed",
    "allied",
    "aligned",
    "trained",
    "installed",
    "friendly",
    "speaking",
    "born",
    "educated",
    "leaning",
    "inspired",
}
OCCUPIED = {"occupied", "controlled", "held", "annexed", "administered"}
# Verbs that report an act rather than do it: "relief officials in Nairobi said" places the
# speakers, not the act they speak of.
REPORTING = {
    "say",
    "tell",
    "report",
    "announce",
    "state",
    "add",
    "claim",
    "quote",
    "confirm",
    "deny",
    "note",
    "warn",
    "write",
    "declare",
    "explain",
}
# Verbs whose clause goes on in the clause they hang on ("attacked ..., killing four").
CLAUSE_LINKS = {"advcl", "conj", "xcomp"}
# Words that say where a group is at home ("a group based in Trinidad", "militants operating
# in Mindanao", "a rebel group active in eastern Congo").
LOCATED = {"base", "based", "headquarter", "headquartered", "operate", "active", "locate"}
# Those who represent their state abroad: "the Iranian ambassador" is in someone else's country,
# so his nationality says little of the text's own.
ENVOY_HEADS = {
    "ambassador",
    "envoy",
    "emissary",
    "consul",
    "diplomat",
    "embassy",
    "consulate",
    "legation",
    "attache",
    "attaché",
    "chargé",
    "charge",
}


class Nationality(NamedTuple):
    """A head's country, why, and how it was found (``source``): "phrase" (the phrase or its
    possessor gives it), "place" (a place the phrase puts it in), "home" (the text's own
    country, a guess), "foreign" (described as foreign, country unknown) or "none"."""

    code: str | None
    why: str
    source: str


# Sources that say nothing of the head itself: the resolver may look further.
NO_NATIONALITY = {"home", "foreign", "none"}


def nationality(
    head: Token, places: list[Hit], state: DocActors, *, place_country: PlaceCountry | None
) -> Nationality:
    if places:
        place = closest(places, head.i)
        return Nationality(place.term.code, f"from {place.term.kind} '{place.term.name}'", "phrase")
    for child in head.children:
        if child.dep_ == "poss" and (
            child.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
            or child.lemma_.lower() in COUNTRY_NOUNS
        ):
            # "his government", "their leaders": the possessor's country ("its" too often
            # stands for a thing no actor names: "the city and its residents")
            owners = {a.code for a in state.resolved.get(child.i, ()) if a.code}
            if len(owners) == 1:
                return Nationality(owners.pop(), f"from the possessor '{child.text}'", "phrase")
    own_term = state.by_token.get(head.i)
    if any(
        c.lower_ in FOREIGN and not (own_term is not None and own_term.start <= c.i < own_term.end)
        for c in head.children
        if c.dep_ == "amod"
    ):  # "foreign" inside "foreign ministry" says nothing of the ministry's country
        return Nationality(None, "unknown (described as foreign)", "foreign")
    if place_country is not None and head.pos_ != "PROPN":
        where = named_place(head)  # "an Istanbul court", "Karachi police"
        code = place_country(where) if where else None
        if code:
            return Nationality(code, f"from the place '{where}'", "place")
    if place_country is not None:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "from", "of"}:
                for obj in prep.children:
                    where = named_place(obj, any_label=place_slot(obj))
                    code = place_country(where) if where else None
                    named = state.by_token.get(obj.i)
                    if (
                        named is not None
                        and named.term.kind in {"country", "capital", "seat"}
                        and (
                            not where
                            or not code
                            or len(where) <= len(state.doc[named.start : named.end].text)
                        )
                    ):
                        # "rebels in Chad", "a village in western Cambodia"
                        return Nationality(
                            named.term.code, f"from the place '{named.term.name}'", "place"
                        )
                    if code:
                        return Nationality(code, f"from the place '{where}'", "place")
                    owner = _nationality_of(obj, state) if prep.lower_ == "from" else None
                    if owner is not None:
                        # "troops from the Ugandan army", "refugees from the Syrian war"
                        return Nationality(owner, f"from the body or place '{obj.text}'", "phrase")
                    if obj.lemma_.lower() in SETTLEMENT_NOUNS and prep.lower_ != "of":
                        # "police in the Indian state of Manipur", "in the Syrian city"
                        found = _place_of(obj, state, place_country=place_country)
                        if found is not None:
                            return Nationality(found[0], f"from the place '{found[1]}'", "place")
    if state.home_country:
        return Nationality(
            state.home_country, "from the article's dateline or main country", "home"
        )
    return Nationality(None, "unknown", "none")


def home_country(
    doc: Doc,
    hits: list[Hit],
    dateline: str | None,
    *,
    dictionary: ActorDictionary,
    capital_of: dict[str, str],
    place_country: PlaceCountry | None,
) -> str | None:
    """The text's own country: its dateline's, else the country it names most (not as an
    ethnicity), else that of the national bodies it names, else that of its towns and
    regions."""
    if dateline:
        code = capital_of.get(dateline.lower())
        if code:
            return code
        country = dictionary.country_by_name(dateline)
        if country:
            return country.code
    named = [h for h in hits if h.term.code and h.term.kind != "entry" and not is_ethnic(doc, h)]
    # an envoy's nationality is another state's: it decides only when nothing else does
    counts = Counter(h.term.code for h in named if not is_envoys(doc, h))
    if not counts:
        # no country named, but a national body is ("demands from UNITA"): its country
        counts = _entry_countries(hits, dictionary, people=False)
    if not counts and place_country is not None:
        # no country named at all: the country of the towns and regions the text names
        # ("gunmen killed five people in Kirkuk")
        taken = {i for h in hits for i in range(h.start, h.end)}
        counts = Counter(
            code
            for ent in doc.ents
            if ent.label_ == "GPE" and not taken.intersection(range(ent.start, ent.end))
            for code in [place_country(ent.text)]
            if code
        )
    if not counts:
        counts = Counter(h.term.code for h in named)
    if not counts:
        # only people named ("President Mubarak said the police ..."): their country
        counts = _entry_countries(hits, dictionary, people=True)
    return counts.most_common(1)[0][0] if counts else None


def _entry_countries(hits: list[Hit], dictionary: ActorDictionary, *, people: bool) -> Counter:
    """The states of the curated people (or of the other curated entries) the text names."""
    return Counter(
        h.term.code
        for h in hits
        if h.term.code
        and h.term.entry is not None
        and (h.term.entry.kind == "person") == people
        and dictionary.country(h.term.code) is not None
    )


def homeland(
    head: Token, state: DocActors, *, place_country: PlaceCountry | None
) -> tuple[str, str] | None:
    """The country of the place in a people's "of" phrase ("Serbs of Kosovo")."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            named = state.by_token.get(obj.i)
            if named is not None and named.term.kind in {"country", "capital"}:
                return named.term.code or "", named.term.name
            where = named_place(obj)
            code = place_country(where) if where and place_country else None
            if where and code:
                return code, where
    return None


def named_place(token: Token, *, any_label: bool = False) -> str | None:
    """The proper name of a place phrase: "Sindh" in "Sindh province", "West Bank" in "the
    West Bank city", when the parser took it for a place (or ``any_label``)."""
    parts: list[Token] = []
    stack = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    while stack:
        part = stack.pop()
        parts.append(part)
        stack.extend(c for c in part.children if c.dep_ == "compound" and c.pos_ == "PROPN")
    if token.pos_ == "PROPN":
        parts.append(token)
    # "Khanty-Mansiysk": the hyphen between two parts of the name
    parts += [c for c in token.children if c.dep_ == "punct" and c.text == "-" and parts]
    if not parts or not (any_label or any(t.ent_type_ in PLACE_ENTS for t in parts)):
        return None
    parts.sort(key=lambda t: t.i)
    if parts[-1].i - parts[0].i + 1 != len(parts):
        return None
    name = token.doc[parts[0].i : parts[-1].i + 1].text
    return name if name.lower() not in DIRECTIONS else None


def place_slot(token: Token) -> bool:
    """A proper name where only a place can stand: "the town of Samarra", "in Khanty-Mansiysk"
    (whatever entity label other than a person's the parser gave it)."""
    if token.pos_ != "PROPN" or token.dep_ != "pobj" or token.ent_type_ == "PERSON":
        return False  # "confidence in Ali" is a person, whatever the gazetteer knows
    prep = token.head
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in SETTLEMENT_NOUNS and prep.head.pos_ == "NOUN"
    return prep.lower_ in PLACE_PREPS and prep.head.pos_ in {"VERB", "AUX"}


def in_place_phrase(token: Token) -> bool:
    """A noun in a phrase of place ("in the villages"): where something is, not who acts."""
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


def is_backer(doc: Doc, hit: Hit) -> bool:
    """ "Russian-backed", "Tehran-sponsored", "French-speaking": someone else's backer or a
    language, not the nationality of what follows; "Israeli-occupied", "Russian-held" before a
    place: its occupier, not its country ("Kremlin-controlled media" are Russia's)."""
    if not (
        hit.term.kind in {"demonym", "country", "capital", "seat"}
        and hit.end + 1 < len(doc)
        and doc[hit.end].text == "-"
    ):
        return False
    word = doc[hit.end + 1]
    if word.lower_ in BACKED:
        return True
    if word.lower_ not in OCCUPIED:
        return False
    held = word.head if word.head.i > word.i else word
    return (
        held.ent_type_ in PLACE_ENTS
        or held.pos_ == "PROPN"  # "Russian-held Zaporizhzhia", whatever its entity label
        or held.lemma_.lower() in SETTLEMENT_NOUNS | {"area"}
    )


def is_ethnic(doc: Doc, hit: Hit) -> bool:
    """ "ethnic Albanian", "anti-Syrian", "pro-Iranian": a stance or ethnicity, not a state."""
    if is_backer(doc, hit):
        return True
    if hit.term.kind not in {"demonym", "country"} or hit.start == 0:
        return False
    before = doc[hit.start - 1]
    if hit.term.kind == "demonym" and before.lower_ == "ethnic":
        return True
    if before.text == "-" and hit.start > 1:
        before = doc[hit.start - 2]
    return before.lower_ in {"anti", "pro"}


def is_envoys(doc: Doc, hit: Hit) -> bool:
    """ "the Iranian ambassador", "Iran's envoy", "the ambassador of Iran", "the Iranian
    embassy": the nationality of someone who represents the state abroad."""
    if hit.term.kind not in {"country", "demonym"}:
        return False
    token = doc[hit.end - 1]
    steps = 0
    while token.dep_ in {"compound", "amod", "poss", "nmod"} and steps < 4:
        token = token.head
        steps += 1
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        token = token.head.head
    return token.lemma_.lower() in ENVOY_HEADS


def located_in(
    head: Token, state: DocActors, *, place_country: PlaceCountry | None
) -> tuple[str, str] | None:
    """The country a phrase says its group is based or active in: "a terror group based in
    Trinidad", "militants operating in Mindanao"."""
    for word in head.children:
        if word.dep_ not in {"acl", "amod", "relcl"} or word.lemma_.lower() not in LOCATED:
            continue
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = _place_of(obj, state, place_country=place_country)
                    if found is not None:
                        return found
    return None


def clause_place(
    head: Token, state: DocActors, *, place_country: PlaceCountry | None
) -> tuple[str, str] | None:
    """The country of the place where the act of the phrase's own clause happens ("kidnapped by
    gunmen in Pakistan", "attacked a police station in northern Mali"), not where it is
    reported from ("officials in Nairobi said")."""
    token = head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head  # "thousands of protesters marched in Tbilisi"
    if token.dep_ == "conj":
        token = token.head
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ in {"agent", "prep"}:
        verb = token.head.head
    else:
        return None
    verbs = [verb]
    if verb.dep_ in CLAUSE_LINKS:
        verbs.append(verb.head)
    for verb in verbs:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in REPORTING:
            return None
        # "seized a tourist in Yemen": the place may hang on the object
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for prep in [*verb.children, *(p for o in objects for p in o.children)]:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = _place_of(obj, state, place_country=place_country)
                if found is not None:
                    return found
    return None


def _nationality_of(token: Token, state: DocActors) -> str | None:
    """The state a nationality word before a noun names ("the Ugandan army" UGA)."""
    for child in token.children:
        hit = state.by_token.get(child.i)
        if (
            child.dep_ in {"amod", "compound", "poss"}
            and hit is not None
            and hit.term.kind in {"country", "demonym"}
            and hit.term.code
            and not is_ethnic(token.doc, hit)
        ):
            return hit.term.code
    return None


def _place_of(
    obj: Token, state: DocActors, *, place_country: PlaceCountry | None
) -> tuple[str, str] | None:
    """The country a place phrase names: "Pakistan", "northern Mali", "Kirkuk", "the town of
    Samarra"."""
    named = state.by_token.get(obj.i)
    if named is not None:
        if named.term.kind in {"country", "capital", "seat"} and named.term.code:
            return named.term.code, named.term.name
        return None
    if place_country is None:
        return None
    if obj.lemma_.lower() in SETTLEMENT_NOUNS and obj.pos_ == "NOUN":
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for inner in prep.children:
                    if inner.dep_ == "pobj":
                        return _place_of(inner, state, place_country=place_country)
        # "the Indian state", "the Syrian city": a place of the state its modifier names
        code = _nationality_of(obj, state)
        return (code, obj.text) if code else None
    where = named_place(obj, any_label=place_slot(obj))
    code = place_country(where) if where else None
    return (code, where) if code and where else None
