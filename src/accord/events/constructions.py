"""Constructions that code a predicate otherwise than its word's sense: the sending of
inspectors that is an inquiry, a complaint about a party, a statement of what a party must do,
an order given to a party, and violence whose doer is its means."""

from __future__ import annotations

from spacy.tokens import Token

from accord.events.arguments import subjects_of
from accord.events.frame import Frame
from accord.events.lexicon import Lexicon, Sense
from accord.events.modality import obligation
from accord.events.phrases import (
    actorlike,
    agent_nouns,
    direct_object,
    prep_objects,
    with_conjuncts,
    word_class,
)
from accord.events.requests import ask_for, clause_code
from accord.events.senses import (
    condition_holds,
    noun_sense,
    triggers,
    verb_lemma,
    verb_sense,
)


def sent_to_inquire(verb: Token, lemma: str, lexicon: Lexicon, consumed: set[int]) -> Frame | None:
    """ "sent 20 inspectors to Iraq to investigate", "dispatched a team to the plant to monitor
    the work": the sending is the inquiry (CAMEO 09x), by the sender, into the destination."""
    sent = direct_object(verb)
    if lemma not in word_class("sending_verbs") or sent is None:
        return None
    if not any(t.lemma_.lower() in word_class("inquiry_bodies") for t in (sent, *of_objects(sent))):
        return None  # "dispatched ships to monitor the drills": a show of force
    for clause in verb.children:
        if clause.dep_ not in {"advcl", "xcomp"} or clause.pos_ != "VERB":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        sense = verb_sense(clause, lexicon, direct_object(clause))
        inquiry = sense is not None and sense.cameo[:2] == "09"
        if not inquiry and clause.lemma_.lower() in word_class("inquiry_purposes"):
            sense = Sense(
                f"{lemma} ... to {clause.lemma_.lower()}",
                "090",
                None,
                (),
                None,
                "extract.py: sent to inquire",
            )
            inquiry = True
        if not inquiry or sense is None or any(c.dep_ == "neg" for c in clause.children):
            continue
        consumed.update(t.i for t in clause.subtree if t.pos_ in {"VERB", "NOUN"})
        # "sent 21 personnel to Bosnia", the destination hung on what is sent
        holders = [verb, sent, *of_objects(sent)]
        places = [
            t
            for holder in holders
            for c in holder.children
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
            for t in prep_objects(c)
        ]
        frame = Frame(
            verb,
            sense,
            sense.cameo,
            subjects_of(verb),
            places,  # the destination's country, as the resolver reads it
            symmetric=False,
            kind="verb",
        )
        frame.notes.append(f"sent to '{clause.text}'")
        return frame
    return None


def complaint(verb: Token, lemma: str, consumed: set[int]) -> Frame | None:
    """ "protested that the authorities were failing to protect refugees", "complained that X
    had broken the truce": a criticism of the clause's subject (CAMEO 111), whose content is
    the complaint, not a new event."""
    if lemma not in word_class("complaining_verbs") or direct_object(verb) is not None:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in {"VERB", "AUX"}:
            continue
        criticised = [t for t in subjects_of(clause) if actorlike(t) and t.i > verb.i]
        if not criticised:
            continue
        consumed.update(t.i for t in clause.subtree)
        sense = Sense(f"{lemma} that", "111", None, (), None, "extract.py: complaint")
        frame = Frame(verb, sense, "111", subjects_of(verb), criticised, False, "verb")
        frame.notes.append(f"complaint about '{clause.text}'")
        return frame
    return None


def statement_must(verb: Token, lexicon: Lexicon, consumed: set[int]) -> Frame | None:
    """ "issued a stern reminder to Iraq that it must cooperate", "sent a warning to X that it
    must withdraw": a statement whose content is what a party must do is a demand of it."""
    noun = direct_object(verb)
    if noun is None or noun.lemma_.lower() not in word_class("statement_nouns") | lexicon.words(
        "authored_nouns"
    ):
        return None
    for clause in noun.children:
        if clause.dep_ not in {"acl", "ccomp"} or not obligation(clause):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue
        told = [
            t
            for holder in (verb, noun)
            for c in holder.children
            if c.dep_ in {"dative", "prep"} and c.lower_ == "to"
            for t in prep_objects(c)
            if actorlike(t)
        ] or [t for t in subjects_of(clause) if actorlike(t)]
        if not told:
            continue
        consumed.update(t.i for t in noun.subtree)
        sense = Sense(f"{noun.lemma_} ... must", "100", None, (), None, "extract.py: told must")
        frame = Frame(verb, sense, "100", subjects_of(verb), told, False, "verb")
        asked = clause_code(clause, lexicon)
        if asked is not None:
            ask_for(frame, asked, lexicon)
        frame.notes.append(f"must '{clause.text}'")
        return frame
    return None


def order(verb: Token, lemma: str, lexicon: Lexicon, consumed: set[int]) -> Frame | None:
    """ "ordered the ambassador to leave": an expulsion, coded as "expelled the ambassador";
    "ordered the former president to appear for questioning": a demand of him (10x). An order
    to do something the lexicon codes ("ordered the army to attack") is coded at that act."""
    if lemma != "order":
        return None
    party = direct_object(verb)
    if party is None or not actorlike(party) or party.dep_ != "dobj":
        return None
    if party.lemma_.lower() in word_class("commanded_bodies"):
        return None  # "ordered the military to raise its readiness": a command to one's own
    clause = next(
        (
            c
            for c in verb.children
            if c.dep_ in {"xcomp", "ccomp", "advcl"}
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if clause is None or any(c.dep_ == "neg" for c in clause.children):
        return None
    if clause.lemma_.lower() in word_class("departing_verbs"):
        expulsion = next(
            (
                s
                for s in lexicon.verbs.get("expel", ())
                if not s.particle and s.when and condition_holds(s.when, party)
            ),
            None,
        )
        if expulsion is not None:
            consumed.update(t.i for t in clause.subtree)
            frame = Frame(
                verb, expulsion, expulsion.cameo, subjects_of(verb), [party], False, "verb"
            )
            frame.notes.append(f"ordered to '{clause.text}': an expulsion")
            return frame
    if triggers(clause, lexicon):
        return None
    consumed.update(t.i for t in clause.subtree)
    sense = Sense("order ... to", "100", None, (), None, "extract.py: order")
    frame = Frame(verb, sense, "100", subjects_of(verb), with_conjuncts(party), False, "verb")
    frame.notes.append(f"ordered to '{clause.text}'")
    return frame


def of_objects(noun: Token) -> list[Token]:
    return [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in prep_objects(c)
    ]


def by_means(verb: Token, sense: Sense, doers: list[Token], lexicon: Lexicon) -> Sense:
    """ "a roadside bombing killed two soldiers", "were killed by an improvised explosive
    device": a weapon or attack as the doer is the means, coded as "killed in" it would be."""
    # a weapon or attack is a thing, whoever's it is ("Israeli air strikes", "Russian artillery")
    things = [t for t in doers if _thing(t)]
    if sense.particle or not things or sense.cameo[:2] < "18":
        return sense
    if len(things) < len(doers) and any(actorlike(t) for t in doers if t not in things):
        return sense  # "were killed by soldiers and a bomb": a party acts
    for doer in things:
        named = noun_sense(doer, lexicon)  # "a car bomb killed", "a roadside bombing killed"
        if named is not None and "18" <= named.cameo[:2] <= "20":
            return named
    for means in lexicon.verbs.get(verb_lemma(verb, lexicon), ()):
        if (
            means.particle == "in"
            and means.when not in {None, "noobj", "obj=actor", "obj=thing"}
            and any(condition_holds(means.when, t) for t in things)
        ):
            return means
    return sense


def _thing(token: Token) -> bool:
    """A common noun that names no party: a weapon, an attack ("a roadside bomb", "Israeli
    air strikes"), not "militants" or "the army"."""
    return (
        token.pos_ == "NOUN"
        and token.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"}
        and token.lower_ not in agent_nouns()
    )
