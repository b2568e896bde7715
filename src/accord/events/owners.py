"""Whose a thing or an act is: the possessor, author or "of" object that a reaction, a
demand or an act on someone's property points at ("rejected a proposal by France", "the
release of the hostages", "an invitation to a meeting of Arab ministers").
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.events.lexicon import Lexicon
from accord.events.phrases import (
    NOT_PARTICIPANTS,
    actorlike,
    agent_nouns,
    bare_agent,
    direct_object,
    named_modifiers,
    own_agent,
    prep_objects,
    prep_recipients,
    with_conjuncts,
)

# Reactions to someone's proposal, demand or statement: the object's author is the recipient
# ("rejected a proposal by France", "welcomed Iran's offer").
REACTION_ROOTS = {"02", "03", "05", "08", "10", "11", "12"}


# Roots where a thing "of" someone stands for them: support for "the rights of X"; force
# against "the offices of X", "the computers of X".
PROPERTY_ROOTS = {"05", "17", "18", "19", "20"}


# Roots where "the X of Y" names Y as the one acted on or asked to act: "demanded the
# withdrawal of Serbian forces", "rejected the demands of the rebels", "the blockade of Serbia".
OF_PATIENT_ROOTS = {
    "02",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "10",
    "12",
    "13",
    "15",
    "16",
    "17",
    "18",
    "19",
    "20",
}


def event_noun(noun: Token, lexicon: Lexicon) -> bool:
    """The noun names an act ("removal", "blockade", "decision"), not a thing."""
    lemma = noun.lemma_.lower()
    return lemma in lexicon.nouns or lemma in lexicon.patient_nouns


def owners_of(noun: Token, root: str, lexicon: Lexicon) -> list[Token]:
    """The actors a thing or act belongs to: its possessor ("Sweden's decision"), its author
    ("a plan by France") and, for acts done to someone, its "of" object ("the release of X")."""
    eventlike = event_noun(noun, lexicon)
    # a possessive pronoun mostly points back at the subject ("reaffirmed its support",
    # "withdrew its troops"), and "its neighbours" are not "it"
    out = [
        t
        for c in noun.children
        if c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in NOT_PARTICIPANTS
        for t in with_conjuncts(c)
    ]
    preps = {"by"}
    if (root in OF_PATIENT_ROOTS and eventlike) or root in PROPERTY_ROOTS:
        preps.add("of")  # "defended the right of Russian troops", "the offices of the PLO"
    out += [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for t in prep_objects(c)
    ]
    if eventlike or any(event_noun(c, lexicon) for c in noun.children if c.dep_ == "compound"):
        # "suspended its mediation between Israel and Hamas", "mediation efforts among X",
        # "its mediation of talks between X and Y"
        talks = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in prep_objects(c)
            if event_noun(t, lexicon)
        ]
        out += [
            t
            for holder in (noun, *talks)
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ in {"between", "among"}
            for t in prep_objects(c)
        ]
    # "crimes committed by Croat forces"
    out += [
        t
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for c in acl.children
        if c.dep_ == "agent"
        for t in prep_objects(c)
    ]
    if root == "12" and not out and noun.lemma_.lower() in lexicon.intent_nouns:
        # "reneged on its promise to the Zambian people": a broken pledge is a refusal
        # towards whom it was made to
        out = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for t in prep_objects(c)
            if actorlike(t)
        ]
    # "Croat forces": a proper-name modifier the tagger left without an entity type
    if root in {"02", "10"} and eventlike and not out:
        # "called for sanctions against Nigeria", "demanded talks with the rebels"
        out = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in {"against", "on", "with", "to"}
            for t in prep_objects(c)
        ]
    return [t for t in out if actorlike(t) or any(c.pos_ == "PROPN" for c in t.children)]


def authors_of(nouns: list[Token], root: str) -> list[Token]:
    """For reactions, a thing stands for its author: "rejected a proposal by France",
    "welcomed Iran's offer", "conceded to demands from UNITA"."""
    if root not in REACTION_ROOTS:
        return nouns
    out: list[Token] = []
    for noun in nouns:
        named = named_modifiers(noun)
        if named:
            out += named
            continue
        if actorlike(noun):
            out.append(noun)
            continue
        owners = named_authors(noun, root)
        if not owners:
            owners = [
                t
                for c in noun.head.children
                if c.dep_ == "prep" and c.lower_ == "by" and noun.dep_ == "dobj"
                for t in prep_objects(c)
            ]
        out += owners or _invited_to(noun) or [noun]
    return out


def named_authors(noun: Token, root: str) -> list[Token]:
    """Who a proposal, demand or statement is by: its possessor or its "by" or "from" phrase
    (for appeals and demands also "of": "the demands of the strikers")."""
    preps = {"by", "from", "of"} if root in {"02", "10"} else {"by", "from"}
    # "Sunday's decision", "last week's resolution": a date owns nothing
    owners = [
        t
        for c in noun.children
        if c.dep_ == "poss" and c.ent_type_ not in NOT_PARTICIPANTS
        for t in with_conjuncts(c)
    ]
    owners += [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for t in prep_objects(c)
    ]
    # "rejected rebel demands", "met the kidnappers' demands" written without the apostrophe
    return owners or [
        c for c in noun.children if c.dep_ in {"compound", "amod"} and c.lower_ in agent_nouns()
    ]


def _invited_to(noun: Token) -> list[Token]:
    """An invitation or offer with no named author stands for whom it brings the invited
    side to: "accepted an invitation to visit Moscow", "declined an offer to attend a meeting
    of Arab foreign ministers"."""
    lexicon = Lexicon.load()
    gatherings = lexicon.symmetric
    clauses = [
        c
        for c in noun.children
        if c.dep_ in {"acl", "relcl"}
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    # "accepted a plan for ending the border war with Eritrea"
    clauses += [
        c
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in {"for", "on"}
        for c in prep.children
        if c.dep_ == "pcomp" and c.tag_ == "VBG"
    ]
    for clause in clauses:
        obj = direct_object(clause)
        if obj is None:
            # "a call for UN troops to be deployed in East Timor": where it would happen
            return [
                t
                for prep in clause.children
                if prep.dep_ == "prep" and prep.lower_ == "in"
                for t in prep_objects(prep)
                if t.ent_type_ == "GPE"
            ]
        if actorlike(obj) and not bare_agent(obj) and not own_agent(obj):
            return with_conjuncts(obj)
        # "rejected a call to send troops to Liberia"
        sent_to = [t for t in prep_recipients(clause, lexicon, ()) if actorlike(t)]
        if sent_to:
            return sent_to
        held = lexicon.nouns.get(obj.lemma_.lower())
        if obj.lemma_.lower() in gatherings or (held is not None and held.cameo[:2] == "04"):
            hosts = [c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            hosts += [
                t
                for c in obj.children
                if c.dep_ == "prep" and c.lower_ in {"of", "by"}
                for t in prep_objects(c)
            ]
            return [t for t in hosts if actorlike(t)]
    return []
