"""Appeals and demands: the code of what they ask for, read off their infinitive or
that-clause, the event noun they name or the clause of a request noun. CAMEO's appeals (02x)
and demands (10x) carry the same sub-codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from accord.events.arguments import actorlike, direct_object, prep_objects, through_quantity
from accord.events.lexicon import WHEN_FORMS, Lexicon
from accord.events.senses import condition_holds, light_noun, noun_sense, verb_sense

if TYPE_CHECKING:
    from accord.events.extract import Frame


def ask_for(frame: Frame, asked: str, lexicon: Lexicon) -> None:
    """Sub-code an appeal (020) or a demand (100) by the code of what it asks for."""
    stance = "appeal" if frame.cameo == "020" else "demand"
    frame.cameo = lexicon.stance(stance, asked)
    if asked.startswith("10"):
        # CAMEO's appeals (02x) mirror its demands (10x) digit for digit
        frame.cameo = asked if stance == "demand" else "02" + asked[2:]
    frame.notes.append(f"{stance} for {asked}")


def noun_request_aim(frame: Frame, lexicon: Lexicon) -> None:
    """An appeal or demand named by a noun takes the code of its clause: "renewed an appeal
    to Belgium to extradite the militant", "issued a demand that Kuwait return prisoners"."""
    for clause in frame.trigger.children:
        if clause.dep_ in {"acl", "ccomp", "relcl"} and clause.pos_ in {"VERB", "AUX"}:
            if clause.dep_ == "relcl" and not any(c.lower_ == "that" for c in clause.children):
                continue
            asked = _clause_code(clause, lexicon)
            if asked is not None:
                ask_for(frame, asked, lexicon)
                return


def asked_code(verb: Token, obj: Token | None, lexicon: Lexicon) -> str | None:
    """The code of what an appeal or demand asks for: its infinitive or that-clause ("urged
    Iran to release the sailors", "demanded that troops withdraw"), else the event noun it
    names ("called for the withdrawal of troops", "asked for military aid")."""
    asked_for = any(c.lower_ == "for" and c.dep_ in {"prep", "prt"} for c in verb.children)
    # "insisted on its demands that the government grant more rights": the demand's clause
    requests = [
        t
        for prep in verb.children
        if prep.dep_ in {"prep", "prt"}
        for t in prep_objects(prep)
        if t.lemma_.lower() in lexicon.request_nouns
    ]
    if obj is not None and obj.lemma_.lower() in lexicon.request_nouns:
        requests.append(obj)
    for child in [c for r in requests for c in r.children if c.dep_ in {"acl", "ccomp"}]:
        if child.pos_ in {"VERB", "AUX"}:
            code = _clause_code(child, lexicon)
            if code is not None:
                return code
    for child in verb.children:
        if child.pos_ not in {"VERB", "AUX"}:
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        # "called for Burma to release", "appealed for both sides to observe the truce"
        for_clause = (
            child.dep_ == "advcl"
            and infinitive
            and (asked_for or any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children))
        )
        if child.dep_ not in {"xcomp", "ccomp"} and not for_clause:
            continue
        that_clause = verb.lemma_.lower() in {"demand", "urge", "call"}  # "demanded that"
        if child.dep_ == "ccomp" and not infinitive and not that_clause:
            continue
        code = _clause_code(child, lexicon)
        if code is not None:
            return code
    things = [] if obj is None or actorlike(obj) else [obj]
    things += [
        t
        for prep in verb.children
        if prep.dep_ in {"prep", "prt"} and prep.lower_ in {"for", "on"}
        for t in prep_objects(prep)
    ]
    for thing in things:
        thing = through_quantity(thing)
        # "asked for the delivery of aid": what is delivered
        inner_things = [
            t
            for c in thing.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in prep_objects(c)
        ]
        for candidate in (thing, *inner_things):
            sense = noun_sense(candidate, lexicon)
            if sense is not None:
                return sense.cameo
        demanded = _demanded(thing, lexicon)
        if demanded is not None:
            return demanded
    return None


def _clause_code(clause: Token, lexicon: Lexicon) -> str | None:
    """The code of an asked-for clause: what its object names ("to hold elections", "to
    honour human rights"), else its own sense ("to release the sailors")."""
    inner = direct_object(clause)
    things = [inner] if inner is not None else []
    # "grant the Hutu majority more rights", however the parse hangs the rights
    things += [t for t in clause.subtree if t.dep_ in {"dobj", "dative"} and t.i != clause.i]
    for thing in things:
        demanded = _demanded(thing, lexicon)
        if demanded is not None:
            return demanded
    sense = verb_sense(clause, lexicon, inner)
    if sense is None and light_noun(clause, lexicon) and inner is not None:
        sense = noun_sense(inner, lexicon)
    return None if sense is None else sense.cameo


def _demanded(thing: Token | None, lexicon: Lexicon) -> str | None:
    """The demand code (10x) of a thing asked for, read off the object senses of "demand":
    "elections" (1041), "reforms" (104), "human rights" (1043), "independence" (1044)."""
    if thing is None:
        return None
    for sense in lexicon.verbs.get("demand", ()):
        when = sense.when or ""
        if when.startswith("obj=") and when not in WHEN_FORMS and condition_holds(when, thing):
            return sense.cameo
    return None
