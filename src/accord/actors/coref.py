"""Mentions that refer back: pronouns, bare surnames, definite descriptions ("the minister",
"the country", "the group") and "the two sides"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from accord.actors.phrases import np_head, np_tokens, span_text
from accord.actors.places import COUNTRY_NOUNS, in_place_phrase
from accord.actors.state import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    SUBJECTS,
    THING_PRONOUNS,
    DocActors,
    as_coref,
    looks_personal,
)
from accord.domain import Actor

# Definite descriptions of a body named earlier ("the group" after "the PKK") and the kinds of
# dictionary entry each may stand for.
DEFINITE_BODIES = {
    "group": {"group", "historical"},
    "organization": {"group", "organisation", "historical"},
    "organisation": {"group", "organisation", "historical"},
    "movement": {"group", "party", "historical"},
    "militia": {"group", "historical"},
    "faction": {"group", "party", "historical"},
    "party": {"party"},
    "agency": {"organisation"},
    "alliance": {"organisation", "party", "group"},
    "bloc": {"organisation", "party"},
}
RECIPROCAL_NOUNS = {
    "both sides",
    "the two sides",
    "the two countries",
    "the two nations",
    "both countries",
    "the two leaders",
    "both leaders",
    "the two ministers",
    "the two governments",
    "both governments",
    "the sides",
    "the parties",
}
# Predicates and the dependents they describe: the subject of "is the main threat", the object
# of "calling it a threat".
PREDICATE_DEPS = {"attr": SUBJECTS, "oprd": {"dobj"}}
# Terms that make a predicate name an actor of its own.
NAMED_KINDS = {"entry", "country", "capital", "seat", "demonym"}
_ENTRY_KIND = re.compile(r"^entry \S+ \((\w+)")


def pronoun(head: Token, state: DocActors) -> tuple[Actor, ...]:
    lower = head.lower_
    if lower.endswith(("self", "selves")):
        return ()  # "killed themselves": never a separate recipient
    if lower in THING_PRONOUNS | GROUP_PRONOUNS:
        kept = object_kept(head, state)
        if kept:
            return tuple(as_coref(a, head.text) for a in kept)
    before = [(i, a) for i, a in state.history if i < head.i]
    if head.dep_ in {"dobj", "pobj", "dative"}:
        # "authorities arrested them", "Ankara accuses it": an object is never its own
        # clause's subject
        clause_subjects = subjects_of_clause(head)
        before = [(i, a) for i, a in before if np_head(state.doc[i]).i not in clause_subjects]
    if lower in PERSON_PRONOUNS:
        people = [(i, a) for i, a in before if looks_personal(a)]
        # Prefer the latest person who was a subject: "He" continues the topic.
        subjects = [(i, a) for i, a in people if is_subject(np_head(state.doc[i]))]
        for _, actor in reversed(subjects or people):
            return (as_coref(actor, head.text),)
        return ()
    if lower in GROUP_PRONOUNS:
        if head.dep_ in {"dobj", "pobj", "dative"}:
            state = DocActors(
                state.doc,
                state.hits,
                state.by_token,
                state.home_country,
                state.home_reliable,
                state.resolved,
                before,
            )
        return last_group(head, state)
    if lower in THING_PRONOUNS:
        things = [(i, a) for i, a in before if not looks_personal(a) and a.code]
        subjects = [(i, a) for i, a in things if np_head(state.doc[i]).dep_ in SUBJECTS]
        for _, actor in reversed(subjects or things):
            return (as_coref(actor, head.text),)
    return ()


def object_kept(head: Token, state: DocActors) -> tuple[Actor, ...]:
    """The object a participle clause keeps talking about: "it" in "condemned the
    government, accusing it of ..." is the government, whatever was the topic before; not
    when another noun comes between ("thanked X for the aid, calling it a gift")."""
    clause = head.head
    if head.dep_ != "dobj" or clause.dep_ not in {"advcl", "conj"} or clause.tag_ != "VBG":
        return ()
    objects = [c for c in clause.head.children if c.dep_ == "dobj" and c.i < head.i]
    if len(objects) != 1:
        return ()
    kept = [objects[0], *objects[0].conjuncts]
    end = max(t.i for k in kept for t in k.subtree)
    if any(
        t.dep_ == "pobj" and t.head.lower_ != "as" and t.ent_type_ not in {"DATE", "TIME"}
        for t in state.doc[end + 1 : clause.i]
    ):
        return ()
    actors = [a for k in kept for a in state.resolved.get(np_head(k).i, ())]
    return tuple(a for a in actors if a.code and not looks_personal(a))


def predicate_of(head: Token, state: DocActors) -> tuple[Actor, ...]:
    """An attribute or object predicate is the actor it describes, not one of its own: "the
    main threat" in "the militia is the main threat" is the militia, "the most dangerous
    regime" in "calling it the most dangerous regime" is what "it" stands for. A predicate
    that names its own actor ("the enemy is Israel") or a cleft ("it was the army that
    fired") is resolved on its own."""
    deps = PREDICATE_DEPS.get(head.dep_)
    if deps is None or head.pos_ == "PROPN" or any(c.dep_ == "relcl" for c in head.children):
        return ()
    tokens = np_tokens(head, with_of=False)
    if any(state.by_token[i].term.kind in NAMED_KINDS for i in tokens if i in state.by_token):
        return ()
    said_of = [c for c in head.head.children if c.dep_ in deps and c.i != head.i]
    if len(said_of) != 1:
        return ()
    other = said_of[0]
    text = span_text(head.doc, tokens)
    return tuple(
        as_coref(a, text, f"coreference: said of '{a.text}'")
        for a in state.resolved.get(np_head(other).i, ())
    )


def last_group(head: Token, state: DocActors) -> tuple[Actor, ...]:
    """The most recent group: a compound of several actors, else a plural actor."""
    before = [(i, a) for i, a in state.history if i < head.i]
    if not before:
        return ()
    doc = head.doc
    for i, _ in reversed(before):
        members = [a for j, a in before if same_group(doc, i, j)]
        if len({(a.code, a.name) for a in members}) > 1:
            return tuple(as_coref(a, head.text) for a in dedupe_actors(members))
    # "they" and "them" are people before they are states: "two French citizens detained
    # in Iran ... arrested them"
    for i, actor in reversed(before):
        if doc[i].tag_ in {"NNS", "NNPS"} and not in_place_phrase(doc[i]):
            return (as_coref(actor, head.text),)
    for i, actor in reversed(before):
        if doc[i].tag_ in {"NNS", "NNPS"} or not looks_personal(actor):
            return (as_coref(actor, head.text),)
    return ()


def two_sides(head: Token, state: DocActors) -> tuple[Actor, ...]:
    """ "the two sides", "both countries": a compound actor named before, else the two
    latest parties of different countries ("Fidan met Hussein ... the two sides")."""
    doc = head.doc
    before = [(i, a) for i, a in state.history if i < head.i]
    for i, _ in reversed(before):
        members = [a for j, a in before if same_group(doc, i, j)]
        if len({a.code for a in members}) > 1:
            return tuple(as_coref(a, head.text) for a in dedupe_actors(members))
    # the people who met first ("Fidan met Hussein ... the two sides"), then anyone
    for pool in ([a for _, a in before if looks_personal(a)], [a for _, a in before]):
        sides: dict[str, Actor] = {}
        for actor in reversed(pool):
            if actor.code and actor.code not in sides:
                sides[actor.code] = actor
            if len(sides) == 2:
                return tuple(as_coref(a, head.text) for a in reversed(sides.values()))
    return ()


def same_person(name: str, text: str, state: DocActors) -> Actor | None:
    """A bare or titled surname ("Nasirzadeh", "General Guler") named in full earlier."""
    surname = name.split()[-1]
    for _, actor in reversed(state.history):
        parts = actor.name.split()
        # family name last, or first as in "Lee Jae-myung", "Xi Jinping"
        if looks_personal(actor) and surname in {parts[-1], parts[0]} and len(parts) > 1:
            return as_coref(actor, text, f"coreference: surname of '{actor.name}'")
    return None


def definite_country(head: Token, tokens: list[int], state: DocActors) -> Actor | None:
    """ "the country", "the kingdom", "the Gulf state", "the island nation": the latest
    state named before."""
    lemma = head.lemma_.lower()
    doc = head.doc
    if lemma not in COUNTRY_NOUNS or head.tag_ in {"NNS", "NNPS"}:
        return None
    if doc[tokens[0]].lower_ != "the" or any(doc[i].dep_ == "poss" for i in tokens if i != head.i):
        return None
    described = [i for i in tokens if doc[i].dep_ in {"amod", "compound"}]
    if lemma == "state" and not described:
        return None  # bare "the state" is too often a state of a federation
    if any(doc[i].dep_ in {"prep", "relcl", "acl"} for i in tokens):
        return None
    states = [
        (i, a)
        for i, a in state.history
        if i < head.i
        and (
            a.reason.startswith("country ")
            # a capital stands for its state when it speaks or acts, not as a destination
            # ("said he would visit Havana ... the country")
            or (a.reason.startswith(("capital ", "seat ")) and np_head(doc[i]).dep_ in SUBJECTS)
        )
    ]
    # the state the text is about: the latest named as a subject, else the latest
    subjects = [(i, a) for i, a in states if np_head(doc[i]).dep_ in SUBJECTS]
    if not states:
        return None
    _, actor = (subjects or states)[-1]
    return replace(
        actor,
        sector=None,
        sectors=(),
        text=span_text(doc, tokens),
        reason=f"coreference: the state '{actor.text}'",
    )


def definite_body(head: Token, tokens: list[int], state: DocActors) -> Actor | None:
    """ "the group", "the militant group", "the movement": the latest named body of that
    kind (an armed group, a party, an organisation)."""
    kinds = DEFINITE_BODIES.get(head.lemma_.lower())
    doc = head.doc
    if kinds is None or head.tag_ in {"NNS", "NNPS"} or doc[tokens[0]].lower_ != "the":
        return None
    if any(doc[i].pos_ == "PROPN" or doc[i].dep_ == "poss" for i in tokens):
        return None
    for i, actor in reversed(state.history):
        if i >= head.i:
            continue
        if entry_kind(actor) in kinds:
            return as_coref(actor, span_text(doc, tokens))
        if np_head(doc[i]).lemma_.lower() == head.lemma_.lower():
            return None  # "a group of protesters ... the group"
    return None


def definite_reference(
    head: Token,
    tokens: list[int],
    country: str | None,
    sector: str,
    state: DocActors,
    *,
    role: str | None = None,
) -> Actor | None:
    """'the minister', 'the Iranian minister': an earlier named person of that kind."""
    first = head.doc[tokens[0]]
    if first.lower_ != "the" or head.tag_ in {"NNS", "NNPS"}:
        return None
    people = [
        a
        for _, a in reversed(state.history)
        if looks_personal(a) and (country is None or a.code == country)
    ]
    if not people:
        return None
    # the same office first ("the envoy" after "the French ambassador"), then the same
    # sector, then the text's own country, then the latest
    best = max(
        enumerate(people),
        key=lambda p: (
            role is not None and p[1].role == role,
            p[1].sector == sector,
            p[1].code == state.home_country,
            -p[0],
        ),
    )[1]
    return as_coref(best, span_text(head.doc, tokens))


def counterpart_sector(head: Token, state: DocActors) -> str | None:
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in PERSON_PRONOUNS:
            antecedent = pronoun(child, state)
            if antecedent and antecedent[0].sector:
                return antecedent[0].sector
    return None


def entry_kind(actor: Actor) -> str | None:
    """The dictionary kind of an actor resolved from an entry ("group", "party" ...)."""
    found = _ENTRY_KIND.match(actor.reason.removeprefix("coreference: "))
    return found.group(1) if found else None


def subjects_of_clause(token: Token) -> set[int]:
    """Subjects of the clause an object belongs to ("them" in "police arrested them", "it" in
    "Ankara accuses it of ...")."""
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ in {"prep", "agent"}:
        verb = verb.head
    subjects = {t.i for t in verb.children if t.dep_ in SUBJECTS}
    if not subjects and verb.dep_ in {"conj", "xcomp"}:
        subjects = {t.i for t in verb.head.children if t.dep_ in SUBJECTS}
    return subjects


def is_subject(token: Token) -> bool:
    """A clause subject, or a name in apposition to one ("The UN envoy, X, urged ...")."""
    if token.dep_ in SUBJECTS:
        return True
    return token.dep_ == "appos" and np_head(token.head).dep_ in SUBJECTS


def same_group(doc: Doc, i: int, j: int) -> bool:
    """Two resolved heads are one compound actor when joined by a conjunction."""
    a, b = doc[i], doc[j]
    return a.i == b.i or b in a.conjuncts


def dedupe_actors(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[tuple[str | None, str], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.code, actor.name), actor)
    return list(seen.values())
