"""Frames triggered by an event noun: "held talks with X", "Russian strikes on Y", "agreed to
a ceasefire", "survived an assassination attempt"; and whom such a noun's event is done to."""

from __future__ import annotations

from spacy.tokens import Token

from accord.events.arguments import (
    PASSIVE_SUBJECT_DEPS,
    beneficiaries,
    benefits,
    complement_recipients,
    subjects_of,
)
from accord.events.frame import Frame
from accord.events.lexicon import Lexicon, Sense
from accord.events.owners import owners_of
from accord.events.phrases import (
    actorlike,
    money,
    prep_objects,
    prep_recipients,
    several,
    through_quantity,
    with_conjuncts,
    word_class,
)
from accord.events.senses import noun_sense, verb_lemma, verb_sense

# Statements that a restating verb repeats ("reiterated its demand that ...").
STATEMENT_ROOTS = {"02", "10", "11", "12", "13"}


def noun_frame(noun: Token, lexicon: Lexicon) -> Frame | None:
    """The frame of an event noun: the object of a light verb ("held talks"), a trip's purpose
    ("arrived for talks"), a complement ("agreed to a ceasefire"), violence its subject suffered
    ("died in an air strike"), or a noun with its own actor ("Russian strikes on Kyiv")."""
    sense = noun_sense(noun, lexicon)
    if sense is None:
        return None
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
        first = first.head  # "imposed asset freezes and travel bans"
    amount = first.head.head
    if (
        first.dep_ == "pobj"
        and amount.dep_ in {"dobj", "attr"}
        and (
            through_quantity(amount).i == first.i
            or (first.head.lower_ == "of" and amount.lemma_.lower() in lexicon.words("span_nouns"))
            # "approved $14 billion in military aid", where the verb has no sense for money
            or (
                first.head.lower_ == "in"
                and money(amount)
                and verb_sense(amount.head, lexicon, amount) is None
            )
        )
    ):
        # "launched ten days of war games", "held a round of talks", "sent tons of aid"
        first = first.head.head
    head = first.head
    trip = (
        first.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in lexicon.words("motion_verbs")
    )
    intended = (
        first.dep_ == "pobj"
        and head.lower_ in {"for", "to"}
        and head.head.pos_ == "ADJ"
        and head.head.lemma_.lower() in lexicon.intent_adjectives
    )
    if not trip and not intended and is_background(first, lexicon):
        return None
    lemma = noun.lemma_.lower()
    symmetric = lemma in lexicon.symmetric or noun.lower_ in lexicon.symmetric
    head_lemma = verb_lemma(head, lexicon)
    if (
        first.dep_ in {"dobj", "attr"}
        and (head.pos_ in {"VERB", "AUX"} or infinitive(head))
        and (
            head_lemma in lexicon.light_verbs
            or (
                head_lemma in lexicon.words("restating_verbs")
                and sense.cameo[:2] in STATEMENT_ROOTS
            )
        )
    ):
        actors = subjects_of(head)
        if (
            sense.cameo[:2] == "06"
            and several(actors)
            and (lemma in lexicon.joint_activity or sense.trigger in lexicon.joint_activity)
        ):
            symmetric = True  # "Egypt and Israel conducted a joint operation": each with the other
        passive = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        recipients = (
            noun_recipients(noun, sense, lexicon)
            # "held talks in Cairo with Qatar's prime minister on the truce"
            or prep_recipients(head, lexicon, ("with", "between", "among") if symmetric else ())
            # "gave Malawi a grant", or "provided aid to X" with "to" parsed as the dative
            or [
                t
                for c in head.children
                if c.dep_ == "dative"
                for t in (prep_objects(c) if c.pos_ == "ADP" else with_conjuncts(c))
            ]
        )
        if not recipients and not symmetric:
            # "undertook a mediation mission between Syria and the PLO"
            recipients = between_sides(noun)
        if not recipients and sense.cameo[:2] in STATEMENT_ROOTS:
            # "reiterated its demand that Israel ease the restrictions"
            recipients = [
                t
                for holder in (noun, head)
                for c in holder.children
                if c.dep_ in {"ccomp", "acl", "advcl"} and c.i > noun.i
                for t in subjects_of(c)
                if actorlike(t) and t.head.i == c.i
            ]
        if not any(actorlike(t) for t in recipients) and benefits(sense.cameo):
            # "will provide 70 million dollars of aid for Chad and Niger"
            recipients = (
                [t for t in prep_recipients(head, lexicon, ("for",)) if actorlike(t)]
                or beneficiaries(first)
                or recipients
            )
        joint = several(actors) and (
            lemma in lexicon.joint_activity or sense.trigger in lexicon.joint_activity
        )
        if (
            not any(actorlike(t) for t in recipients)
            and not symmetric
            and not joint
            and sense.cameo[:2] != "04"
        ):
            recipients = complement_recipients(head, sense.cameo[:2], lexicon) or recipients
        if passive and not actors:
            actors = [t for c in head.children if c.dep_ == "agent" for t in prep_objects(c)]
        if actors and recipients and all(t in between_sides(noun) for t in recipients):
            # "ready to host a meeting between the two sides": the host is not a side
            symmetric = False
        frame = Frame(noun, sense, sense.cameo, actors, recipients, symmetric, "light")
        frame.notes.append(f"light verb '{head.text}'")
        return frame
    if (
        first.dep_ == "pobj"
        and head.lower_ == "on"
        and sense.cameo[:2] in {"14", "15"}
        and head.head.lemma_.lower() in {"go", "be", "remain", "stay"}
    ):
        trip = True  # "went on strike", "have been on hunger strike", "remained on high alert"
    if trip:
        # "negotiators return to Geneva this week for talks", "arrived in Cairo for talks"
        verb = head.head
        frame = Frame(
            noun,
            sense,
            sense.cameo,
            subjects_of(verb),
            noun_recipients(noun, sense, lexicon),
            symmetric,
            "light",
        )
        frame.notes.append(f"purpose of '{verb.text}'")
        return frame
    if (
        first.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in {"to", "on"}
        and head.head.lemma_.lower() in lexicon.complement_verbs
    ):
        # "agreed to a ceasefire", "refused to talks", "insisted on a referendum"
        verb = head.head
        # "Israel is opposed to French mediation": the adjectival passive's subject acts
        holders = subjects_of(verb) or [
            t for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS for t in with_conjuncts(c)
        ]
        authors = [
            c
            for c in noun.children
            if c.dep_ == "poss"
            or (c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"NORP", "GPE", "ORG"})
        ]
        frame = Frame(
            noun,
            sense,
            sense.cameo,
            holders,
            noun_recipients(noun, sense, lexicon) or authors,
            symmetric,
            "complement",
        )
        frame.notes.append(f"complement of '{verb.text}'")
        return frame
    if intended:
        # "said it was ready for talks with Russia", "open to dialogue": an intended event
        ready = head.head
        frame = Frame(
            noun,
            sense,
            sense.cameo,
            subjects_of(ready) or subjects_of(ready.head),
            noun_recipients(noun, sense, lexicon),
            symmetric,
            "complement",
        )
        frame.notes.append(f"complement of '{ready.text}'")
        return frame
    suffered = head
    if first.dep_ == "pobj" and head.lower_ in {"in", "during"}:
        suffered = head.head  # "died in an air strike"
    if (
        "18" <= sense.cameo[:2] <= "20"
        and not between_sides(noun)
        and (
            (first.dep_ == "dobj" and head.lemma_.lower() in word_class("surviving_verbs"))
            or (suffered is not head and suffered.lemma_.lower() in word_class("dying_verbs"))
        )
    ):
        # "the governor survived an assassination attempt", "five soldiers died in an air
        # strike": the subject is the target
        frame = Frame(
            noun,
            sense,
            sense.cameo,
            attack_doers(noun),
            subjects_of(suffered),
            False,
            "suffered",
        )
        frame.notes.append(f"suffered: '{suffered.text}'")
        return frame
    if noun.dep_ == "nsubjpass" and sense.cameo[:2] in STATEMENT_ROOTS:
        return None  # "until their demands are met": an earlier demand, acted on
    if noun.dep_ not in {"nsubj", "nsubjpass", "ROOT", "appos"}:
        return None
    owners = [t for c in noun.children if c.dep_ == "poss" for t in with_conjuncts(c)]
    patient = lemma in lexicon.patient_nouns
    # "Palestinian riots", "Russian strikes": a nationality adjective names who acts
    nationals = [
        c
        for c in noun.children
        if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}
    ]
    actors = [] if patient else owners or nationals
    actors += [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for t in prep_objects(c)
    ]
    between = [
        t
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in {"between", "among"}
        for t in prep_objects(c)
    ]
    recipients = noun_recipients(noun, sense, lexicon) + (owners if patient else [])
    if between:
        actors, recipients, symmetric = between[:1], between[1:], True
    if not actors and sense.cameo[:2] == "14" and noun.dep_ == "nsubj":
        actors = protest_place(noun)
    if not actors:
        return None
    return Frame(noun, sense, sense.cameo, actors, recipients, symmetric, "noun")


def protest_place(protest: Token) -> list[Token]:
    """Where protests without a named actor happen stands for its people: "protests broke out
    across Iran", "riots erupted in Nairobi", "a general strike paralysed Argentina"."""
    verb = protest.head
    places = [
        t
        for holder in (protest, verb)
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in {"in", "across", "throughout"}
        for t in prep_objects(c)
    ] + [c for c in verb.children if c.dep_ == "dobj"]
    return [t for t in places if t.ent_type_ in {"GPE", "LOC"}][:1]


def attack_doers(attack: Token) -> list[Token]:
    """Who carried out an attack named by a noun: its "by" ("an attack by rebels"), else the
    side that names it ("an Israeli air strike", "a NATO raid")."""
    return [
        t for c in attack.children if c.dep_ == "prep" and c.lower_ == "by" for t in prep_objects(c)
    ] or [
        c
        for c in attack.children
        if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "ORG"}
    ]


def between_sides(noun: Token) -> list[Token]:
    return [
        t
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in {"between", "among"}
        for t in prep_objects(c)
    ]


def noun_recipients(noun: Token, sense: Sense, lexicon: Lexicon) -> list[Token]:
    out = []
    # "negotiations on an Israeli troop pullback": the topic of talks is not a side
    preps = (
        {"with", "between", "among"}
        if noun.lemma_.lower() in lexicon.symmetric
        else set(lexicon.recipient_preps)
    )
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out += prep_objects(child)
    if not any(actorlike(t) for t in out) and "17" <= sense.cameo[:2] <= "20":
        # "its invasion of South Lebanon", "the blockade of Gaza": force's target
        hit = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in prep_objects(c)
            if actorlike(t)
        ]
        if hit:
            return hit
    if out and not any(actorlike(t) for t in out):
        # "an investigation into crimes committed by Croat forces"
        owners = [t for thing in out for t in owners_of(thing, sense.cameo[:2], lexicon)]
        if owners:
            return owners
    if not any(actorlike(t) for t in out):
        # "a suspension of air links with Serbia", "the withdrawal of forces from Panama"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for inner in prep_objects(child):
                    named = [
                        t
                        for c in inner.children
                        if c.dep_ == "prep" and c.lower_ in lexicon.recipient_preps
                        for t in prep_objects(c)
                        if actorlike(t)
                    ]
                    if named:
                        return named
    return out


def is_background(token: Token, lexicon: Lexicon) -> bool:
    """Predicates given as the reason for another ("condemned X for its attacks")."""
    node = token
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"dobj", "attr"}:
        node = token.head  # the light verb's clause: "a proposal for signing an agreement"
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if (
            node.dep_ in {"pobj", "pcomp"}
            and head.dep_ == "prep"
            and head.lower_ in lexicon.words("background_preps")
        ):
            return True
        if node.dep_ in {"relcl", "ccomp", "xcomp", "conj", "advcl", "ROOT", "nsubj", "dobj"}:
            return False
        node = head
    return False


def infinitive(token: Token) -> bool:
    """A verb the tagger took for a noun after "to": "offered to host talks"."""
    return token.dep_ in {"xcomp", "advcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )
