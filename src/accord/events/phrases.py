"""Reading noun phrases off the dependency parse: whether a token names an actor, the objects
of prepositions and verbs, the counted noun of a quantity, and the prepositions that name a
recipient.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from accord.actors.dictionary import AGENTS_FILE, DATA_DIR
from accord.events.lexicon import Lexicon

# Dependents that never qualify a noun as an actor's: function words and clauses.
NOT_MODIFIERS = {"prep", "punct", "cc", "case", "det", "acl", "relcl", "advmod"}


def word_class(name: str) -> frozenset[str]:
    """A closed word class of the bundled lexicon, for rules that are not handed one."""
    return Lexicon.load().words(name)


def money(noun: Token) -> bool:
    """An amount of money: "$5 billion", "20 million pounds"."""
    return noun.ent_type_ == "MONEY" or noun.lemma_.lower() in word_class("currency_nouns")


def through_quantity(noun: Token) -> Token:
    """ "thousands of soldiers" -> "soldiers", "20 million pounds of aid" -> "aid": the counted
    noun decides the sense."""
    if noun.lemma_.lower() in word_class("quantity_nouns") or noun.pos_ == "NUM" or money(noun):
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
    return noun


def named(token: Token) -> bool:
    """The token itself names a person, group or place, or is a pronoun."""
    return token.pos_ in {"PROPN", "PRON"} or token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}


@functools.cache
def agent_nouns() -> frozenset[str]:
    """One-word agents of the actor dictionary ("police", "workers", "rebels")."""
    words: set[str] = set()
    with (DATA_DIR / AGENTS_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            words.update(t for t in line.split("\t", 1)[0].split("|") if " " not in t)
    return frozenset(words - word_class("not_people"))


def own_agent(token: Token) -> bool:
    """ "their embassies", "its troops": the subject's own people, not another side."""
    return token.lower_ in agent_nouns() and any(
        c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in token.children
    )


def bare_agent(token: Token) -> bool:
    """A generic agent noun with no name or nationality: "troops", "4,000 soldiers"."""
    return (
        token.pos_ == "NOUN"
        and token.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"}
        and token.lower_ in agent_nouns()
        and not any(
            c.ent_type_ in {"GPE", "NORP", "ORG"} or c.dep_ == "poss" or c.pos_ == "PROPN"
            for c in token.children
        )
    )


def actorlike(token: Token) -> bool:
    """A rough, parse-only test that a noun phrase names a political actor."""
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    if token.pos_ == "NOUN" and token.lower_ in agent_nouns():
        return True  # "pressured the workers", "dispersed the demonstrators"
    if token.pos_ == "PRON" and token.lower_ not in {"it", "this", "that", "what"}:
        return True
    # "Ugandan candidates", "South Korean army officers"; a preposition inside a name that
    # follows ("demands from the National Union for the Independence of X") is no modifier
    own = [c for c in token.children if c.dep_ not in NOT_MODIFIERS]
    modifiers = [c for c in own if c.dep_ in {"amod", "compound", "nmod"}]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in {"amod", "compound"}]
    return token.pos_ == "PROPN" or any(
        c.ent_type_ in {"GPE", "NORP", "ORG"} for c in [*own, *modifiers]
    )


def several(heads: list[Token]) -> bool:
    """More than one side: "France and Egypt", "French and Egyptian warships"."""
    return len(heads) > 1 or any(
        c.dep_ in {"amod", "compound", "nmod"} and any(g.dep_ == "conj" for g in c.children)
        for t in heads
        for c in t.children
    )


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts] if token.conjuncts else [token]


NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}


NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def prep_objects(prep: Token) -> list[Token]:
    """Objects of a preposition, without times and amounts ("on Tuesday", "by 50 percent")."""
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if not objs and prep.pos_ == "ADP":
        objs = _stranded_object(prep)
    return [t for c in objs if c.ent_type_ not in NOT_PARTICIPANTS for t in with_conjuncts(c)]


def _stranded_object(prep: Token) -> list[Token]:
    """ "granted asylum to five army officers holed up in the embassy": the noun after a
    preposition left without an object, parsed as the subject of the reduced clause that
    follows it."""
    following = prep.nbor() if prep.i + 1 < len(prep.doc) else None
    if following is None or following.is_punct:
        return []
    for token in prep.sent:
        if (
            token.left_edge.i == following.i
            and token.dep_ in {"nsubj", "nsubjpass"}
            and token.pos_ in {"NOUN", "PROPN"}
            and token.head.dep_ in {"advcl", "relcl", "ccomp", "conj", "acl"}
        ):
            return [token]
    return []


def direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            return _noun_of_participle(child)
    # "allowed candidate Ouattara to participate", "urged the rebels to disarm", parsed with
    # the one allowed or urged as the subject of the complement
    causative = verb.lemma_.lower() in word_class("causative_verbs")
    for child in verb.children:
        # "pushed for Germany to back the plan": a "for" clause's subject
        for_clause = child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in child.children
        )
        if child.dep_ not in {"ccomp", "xcomp"} and not for_clause:
            continue
        if (
            causative
            or for_clause
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            for subject in child.children:
                if subject.dep_ == "nsubj" and subject.i < child.i:
                    return subject
    # "kidnapped up to 16 Russian advisers", parsed as a particle and a preposition
    for child in verb.children:
        if child.lower_ == "up" and child.dep_ in {"prt", "advmod", "prep"}:
            for prep in child.children:
                if prep.lower_ == "to":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in obj.children):
                            return obj
    return None


def _noun_of_participle(obj: Token) -> Token:
    """ "vetoed a UN resolution condemning the raid", parsed with the participle as the object
    and the noun as its compound: the noun is the object."""
    if obj.tag_ == "VBG":
        for child in obj.children:
            if child.dep_ == "compound" and child.pos_ in {"NOUN", "PROPN"} and child.i < obj.i:
                return child
    return obj


def named_by_modifier(noun: Token) -> bool:
    """A thing named by whom it belongs to: "rebel positions", "a FARC stronghold", "Russia's
    assets"."""
    return any(
        c.dep_ in {"compound", "amod", "nmod", "poss"}
        and c.pos_ != "PRON"
        and (
            c.ent_type_ in {"ORG", "GPE", "NORP"}
            or c.pos_ == "PROPN"
            or (c.pos_ == "NOUN" and c.lower_ in agent_nouns())
        )
        for c in noun.children
    )


def named_modifiers(noun: Token) -> list[Token]:
    """The bodies named as modifiers of a noun that is itself parsed as a modifier: "vetoed a
    Security Council resolution censuring X", with the participle as the object's head."""
    if noun.dep_ != "compound" or noun.pos_ != "NOUN":
        return []
    return [
        c
        for c in noun.children
        if c.dep_ in {"compound", "amod", "nmod"} and c.ent_type_ in {"ORG", "GPE", "NORP"}
    ]


def prep_recipients(verb: Token, lexicon: Lexicon, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the recipient prepositions on the verb or its object; a phrase that names
    an actor beats one that names a thing ("broke off relations with Congo over their ties")."""
    allowed = preps or lexicon.recipient_preps
    obj = direct_object(verb)
    # a clause, a modifier or a weapon is not a participant ("kept them from participating",
    # "attacked the tanker with missiles")
    candidates = [
        [
            t
            for t in prep_objects(child)
            if t.pos_ in NOMINAL and t.lower_ not in word_class("not_people")
        ]
        for holder in (verb, *([] if obj is None else with_conjuncts(obj)))
        for child in holder.children
        if child.dep_ == "prep" and child.lower_ in allowed
    ]
    candidates = [c for c in candidates if c]
    for objs in candidates:
        if any(actorlike(t) for t in objs):
            return objs
    return candidates[0] if candidates else []
