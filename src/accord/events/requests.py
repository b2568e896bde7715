"""Appeals and demands: the code of what they ask for, read off their infinitive or
that-clause, the event noun they name or the clause of a request noun. CAMEO's appeals (02x)
and demands (10x) carry the same sub-codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from accord.events.lexicon import WHEN_FORMS, Lexicon
from accord.events.phrases import (
    actorlike,
    direct_object,
    prep_objects,
    through_quantity,
    with_conjuncts,
)
from accord.events.senses import condition_holds, light_noun, noun_sense, verb_sense

if TYPE_CHECKING:
    from accord.events.frame import Frame

# What an appeal asks for that acts against a third party: sanctions and cut ties (16),
# coercion (17), force (18, 19, 20).
HOSTILE_ROOTS = {"16", "17", "18", "19", "20"}
# Acts that oppose whoever they are "against": protest (14) and mobilization (15) too.
OPPOSING_ROOTS = HOSTILE_ROOTS | {"14", "15"}


def ask_for(frame: Frame, asked: str, lexicon: Lexicon) -> None:
    """Sub-code an appeal (020) or a demand (100) by the code of what it asks for."""
    stance = "appeal" if frame.cameo == "020" else "demand"
    frame.cameo = lexicon.stance(stance, asked)
    if asked.startswith("10"):
        # CAMEO's appeals (02x) mirror its demands (10x) digit for digit
        frame.cameo = asked if stance == "demand" else "02" + asked[2:]
    frame.notes.append(f"{stance} for {asked}")


def refused_request(frame: Frame, verb: Token, obj: Token | None, lexicon: Lexicon) -> None:
    """A request turned down is the refusal of what it asks for: "rejected calls for economic
    aid" (1221), "turned down demands for his resignation" (1231)."""
    lemma = verb.lemma_.lower()
    if (
        lexicon.complement_verbs.get(lemma) != "refuse"
        or frame.cameo not in {"120", "124"}
        or obj is None
        or obj.lemma_.lower() not in lexicon.request_nouns
    ):
        return
    code = None
    for clause in obj.children:
        if clause.dep_ in {"acl", "ccomp"} and clause.pos_ in {"VERB", "AUX"}:
            code = clause_code(clause, lexicon)  # "rejected the demand that X withdraw"
            if code is not None:
                break
    if code is None:
        found = asked(obj, None, lexicon)
        code = None if found is None else found[0]
    if code is None or code[:2] in {"01", "02", "10", "11", "12", "13"}:
        return
    refused = lexicon.stance("refuse", code)
    if refused != frame.cameo and refused[:2] == "12":
        frame.cameo = refused
        frame.notes.append(f"refused the {obj.lemma_} for {code}")


def noun_request_aim(frame: Frame, lexicon: Lexicon) -> None:
    """An appeal or demand named by a noun takes the code of its clause: "renewed an appeal
    to Belgium to extradite the militant", "issued a demand that Kuwait return prisoners"."""
    for clause in frame.trigger.children:
        if clause.dep_ in {"acl", "ccomp", "relcl"} and clause.pos_ in {"VERB", "AUX"}:
            if clause.dep_ == "relcl" and not any(c.lower_ == "that" for c in clause.children):
                continue
            code = clause_code(clause, lexicon)
            if code is not None:
                ask_for(frame, code, lexicon)
                return
    # "renewed its call for sanctions against X": what the noun asks for, and against whom
    found = asked(frame.trigger, None, lexicon)
    if found is not None:
        ask_for(frame, found[0], lexicon)
    rally_opposition(frame, frame.trigger, None, lexicon)


def asked_code(verb: Token, obj: Token | None, lexicon: Lexicon) -> str | None:
    """The code of what an appeal or demand asks for: its infinitive or that-clause ("urged
    Iran to release the sailors", "demanded that troops withdraw"), else the event noun it
    names ("called for the withdrawal of troops", "asked for military aid")."""
    found = asked(verb, obj, lexicon)
    return None if found is None else found[0]


def asked(verb: Token, obj: Token | None, lexicon: Lexicon) -> tuple[str, Token] | None:
    """The code of what an appeal or demand asks for, with the clause or noun that names it."""
    for source in _asked_parts(verb, obj, lexicon):
        code = (
            clause_code(source, lexicon)
            if source.pos_ in {"VERB", "AUX"}
            else _thing_code(source, lexicon)
        )
        if code is not None:
            return code, source
    return None


def _asked_parts(verb: Token, obj: Token | None, lexicon: Lexicon) -> list[Token]:
    """The clauses and nouns that say what an appeal or demand asks for, in order of trust."""
    parts: list[Token] = []
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
    addressed = [
        t
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in {"on", "upon", "to"}
        for t in prep_objects(prep)
        if actorlike(t)
    ]
    parts += [
        c
        for r in requests
        for c in r.children
        if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}
    ]
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
        # "called on Arabs to unite", the infinitive parsed as a purpose clause
        told = child.dep_ == "advcl" and infinitive and bool(addressed)
        if child.dep_ not in {"xcomp", "ccomp"} and not (for_clause or told):
            continue
        that_clause = verb.lemma_.lower() in {"demand", "urge", "call"}  # "demanded that"
        if child.dep_ == "ccomp" and not infinitive and not that_clause:
            continue
        parts.append(child)
    parts += [] if obj is None or actorlike(obj) else [through_quantity(obj)]
    parts += [
        through_quantity(t)
        for prep in verb.children
        if prep.dep_ in {"prep", "prt"} and prep.lower_ in {"for", "on"}
        for t in prep_objects(prep)
    ]
    return parts


def _thing_code(thing: Token, lexicon: Lexicon) -> str | None:
    # "asked for the delivery of aid": what is delivered
    inner_things = [
        t for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for t in prep_objects(c)
    ]
    for candidate in (thing, *inner_things):
        sense = noun_sense(candidate, lexicon)
        if sense is not None:
            return sense.cameo
    return _demanded(thing, lexicon)


def rally_opposition(frame: Frame, verb: Token, obj: Token | None, lexicon: Lexicon) -> None:
    """An appeal or demand for hostile action against a third party rallies opposition against
    it (CAMEO 113): "called for sanctions against X", "urged the world to isolate X", "called
    on Arabs to mobilize against X". The party acted against is the recipient; an appeal for
    anything else ("urged X to release the prisoners") stays an appeal."""
    parts = _asked_parts(verb, obj, lexicon)
    if any(_negated(p) for p in parts):
        return  # "urged both sides not to attack civilians"
    found = asked(verb, obj, lexicon)
    # the party appealed to is not the one acted against
    addressees = {t.i for t in frame.recipients if _addressed(t, verb)}
    hostile = found is not None and found[0][:2] in HOSTILE_ROOTS
    if found is not None and hostile:
        if any(actorlike(t) for t in frame.recipients if t.i in addressees):
            return  # "urged the EU to impose sanctions on X": a request of the EU
        targets = _opposed(found[1], hostile=True)
    elif found is None or found[0][:2] in {"14", "15"}:
        # "to unite and mobilize against X", "to protest against X"; not "to protect
        # civilians against X", an act of help whatever it is aimed at
        acts = [
            act
            for p in parts
            if p.pos_ in {"VERB", "AUX"}
            for act in (p, *(c for c in p.children if c.dep_ == "conj"))
            if (sense := verb_sense(act, lexicon, direct_object(act))) is not None
            and sense.cameo[:2] in OPPOSING_ROOTS
        ]
        targets = next((t for act in acts if (t := _opposed(act, hostile=False))), [])
    else:
        return
    targets = [t for t in targets if t.i not in addressees]
    sanctions = found is not None and found[0][:2] == "16"
    if not targets and not sanctions:
        return
    frame.cameo = "113"
    frame.recipients = targets or [t for t in frame.recipients if t.i not in addressees]
    frame.symmetric = False
    frame.notes.append("rallies opposition")


def _addressed(party: Token, verb: Token) -> bool:
    """``party`` is the one an appeal is made to: "urged X to", "called on X to", "appealed
    to X", "demanded that X"."""
    head = party
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj":
        return head.head.lower_ in {"on", "upon", "to"} and head.head.head.i == verb.i
    if head.dep_ == "nsubj":
        return head.head.head.i == verb.i and head.head.i != verb.i
    return head.head.i == verb.i and head.dep_ in {"dobj", "dative"}


def _negated(clause: Token) -> bool:
    return any(c.dep_ == "neg" for c in clause.children)


def _opposed(source: Token, hostile: bool) -> list[Token]:
    """Whom an asked-for act is aimed against: the object of "against" ("to unite and mobilize
    against X", "sanctions against X"), or, for a hostile act, its object ("to isolate X",
    "sanctions on X")."""
    holders = [source, *(c for c in source.children if c.dep_ == "conj" and hostile)]
    if source.pos_ in {"VERB", "AUX"}:
        # "to impose sanctions on X": the event noun the clause's verb takes
        holders += [o for h in list(holders) if (o := direct_object(h)) is not None]
    preps = {"against"} | ({"on", "at", "into", "of"} if hostile else set())
    targets = [
        t
        for holder in holders
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in preps
        for t in prep_objects(c)
        if actorlike(t)
    ]
    if not targets and hostile and source.pos_ in {"VERB", "AUX"}:
        inner = direct_object(source)
        passive = [c for c in source.children if c.dep_ == "nsubjpass"]
        for candidate in [inner, *passive]:
            if candidate is not None and actorlike(candidate):
                targets = with_conjuncts(candidate)
                break
    return targets


def clause_code(clause: Token, lexicon: Lexicon) -> str | None:
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
