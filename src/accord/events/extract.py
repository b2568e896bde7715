"""Find event predicates and their arguments in a dependency parse: the frames of a
sentence (see ``accord.events.frame``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.events import constructions
from accord.events.arguments import (
    PASSIVE_SUBJECT_DEPS,
    complement_recipients,
    recipients_of,
    subjects_of,
)
from accord.events.frame import Frame
from accord.events.lexicon import Lexicon, Sense
from accord.events.modality import apply_context, complement_effect, obligation
from accord.events.nouns import (
    attack_doers,
    is_background,
    noun_frame,
    noun_recipients,
)
from accord.events.phrases import (
    actorlike,
    direct_object,
    named,
    prep_objects,
    several,
    through_quantity,
    with_conjuncts,
    word_class,
)
from accord.events.protests import protest_aims, protest_targets, without_riot_damage
from accord.events.requests import (
    ask_for,
    asked_code,
    noun_request_aim,
    rally_opposition,
    refused_request,
)
from accord.events.senses import light_noun, noun_sense, triggers, verb_lemma, verb_sense


def frames(sent: Span, lexicon: Lexicon) -> list[Frame]:
    """Every event frame of one sentence, in token order."""
    consumed: set[int] = set()
    found: list[Frame] = []
    for token in sent:
        if token.i in consumed:
            continue
        frame = None
        if token.pos_ in {"VERB", "AUX"} or (
            token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.lemma_ in lexicon.verbs
        ):
            frame = _verb_frame(token, lexicon, consumed)
        if frame is None and token.pos_ in {"NOUN", "PROPN"}:
            frame = noun_frame(token, lexicon)
            if frame is not None and frame.cameo in {"020", "100"}:
                noun_request_aim(frame, lexicon)
        if frame is None and token.pos_ == "ADJ":
            frame = _responsible(token, lexicon, consumed)
        if frame is not None:
            apply_context(frame, lexicon)
            found.append(frame)
    protest_targets(found, lexicon)
    protest_aims(found)
    found = without_riot_damage(found)
    for frame in found:
        lemma = frame.trigger.lemma_.lower()
        joint = lemma in lexicon.joint_activity or frame.sense.trigger in lexicon.joint_activity
        if frame.cameo[:2] == "15" and joint and several(frame.actors):
            frame.cameo, frame.symmetric = "062", True  # drilling together is cooperation
            frame.notes.append("joint military activity")
    return found


# -- verbs ----------------------------------------------------------------------------------


def _verb_frame(verb: Token, lexicon: Lexicon, consumed: set[int]) -> Frame | None:
    lemma = verb_lemma(verb, lexicon)
    if is_background(verb, lexicon):
        return None
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return None  # "indigenous groups who had blocked roads for weeks": background
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and lemma in lexicon.words("state_participles")
        and not _agent(verb)
    ):
        return None  # a state, not an act: "militiamen armed with machetes"
    sent = constructions.sent_to_inquire(verb, lemma, lexicon, consumed)
    if sent is not None:
        return sent
    complaint = constructions.complaint(verb, lemma, consumed)
    if complaint is not None:
        return complaint
    told = constructions.statement_must(verb, lexicon, consumed)
    if told is not None:
        return told
    ordered = constructions.order(verb, lemma, lexicon, consumed)
    if ordered is not None:
        return ordered
    obj = direct_object(verb)
    if (
        lemma in lexicon.light_verbs
        and obj is not None
        and any(noun_sense(through_quantity(o), lexicon) for o in with_conjuncts(obj))
    ):
        return None  # the event noun is the trigger ("held talks")
    effect = complement_effect(verb, lemma, lexicon)
    complement = _event_complement(verb, lexicon)
    if effect and effect != "request" and complement is not None:
        return None  # coded at the complement, with this verb's effect
    if (
        (lemma in lexicon.words("expressing_verbs") or lemma == "confirm")
        and obj is not None
        and obj.lemma_.lower() in lexicon.intent_nouns
    ):
        inner = _intent_noun_complement(obj, lexicon)
        if inner is not None:
            return None
        intent = Sense(f"{lemma} {obj.lemma_}", "030", None, (), None, "lexicon.yaml:intent_nouns")
        frame = Frame(
            verb,
            intent,
            "030",
            subjects_of(verb),
            recipients_of(verb, intent, lexicon),
            symmetric=False,
            kind="intent",
        )
        frame.future = True
        return frame
    patient = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    sense = verb_sense(verb, lexicon, obj if patient is None else patient)  # passive: subject
    if sense is None and lemma in lexicon.speech_verbs:
        return _said_must(verb, lexicon)
    if sense is None:
        return None
    if sense.cameo == "036" and lemma == "invite":
        # "X invited Y to visit Z": the visit is the invited event, not one that happened
        for child in verb.children:
            if child.dep_ == "xcomp":
                consumed.update(t.i for t in child.subtree if t.pos_ in {"VERB", "NOUN"})
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children) or (
        verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
    )
    if passive:
        actors = [t for c in verb.children if c.dep_ == "agent" for t in prep_objects(c)]
        if not actors:
            # "was murdered in an attack on a police patrol by Kosovo Albanians", "were killed
            # in an Israeli air strike"
            attacks = [
                attack
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}
                for attack in prep_objects(prep)
                if noun_sense(attack, lexicon) is not None
            ]
            actors = [
                t
                for attack in attacks
                for by in attack.subtree
                if by.dep_ == "prep" and by.lower_ == "by"
                for t in prep_objects(by)
            ][:2] or [t for attack in attacks for t in attack_doers(attack)][:2]
        if not actors:
            actors = _late_agent(verb)
        weapons = lexicon.words("instruments") | lexicon.words("not_people")
        hands = [
            hand
            for t in actors
            if t.lemma_.lower() in weapons or t.lower_ in weapons
            for c in t.children
            if c.dep_ == "acl"  # "was hit by shells fired by Syrian troops"
            for agent in c.children
            if agent.dep_ == "agent"
            for hand in prep_objects(agent)
            if actorlike(hand)
        ]
        actors = hands or actors
        recipients = [
            t for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS for t in with_conjuncts(c)
        ]
        if not actors and lemma in word_class("stative_passives"):
            # "Serb forces were engaged in ethnic cleansing against X": the subject does it
            actors, recipients = recipients, recipients_of(verb, sense, lexicon)
    else:
        actors = subjects_of(verb) or _attempt_makers(verb, lexicon)
        recipients = recipients_of(verb, sense, lexicon)
        statement = verb.head
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and _agent(verb)
            and statement.dep_ == "dobj"
            and statement.lemma_.lower() in lexicon.words("authored_nouns")
        ):
            # "published a letter condemning the arrests by the police": an active participle
            # has no agent; the "by" phrase names the object's doer, and the letter's author
            # speaks
            doers = [t for c in verb.children if c.dep_ == "agent" for t in prep_objects(c)]
            actors = subjects_of(statement.head)
            if not any(actorlike(t) for t in recipients):
                recipients = doers
        if (
            not any(actorlike(t) for t in recipients)
            and sense.cameo[:2] != "04"
            and (lemma in lexicon.complement_verbs or lemma not in lexicon.symmetric)
        ):
            # "threatened to deliver blows to X", "fired tear gas to disperse the crowd"
            aimed = complement_recipients(verb, sense.cameo[:2], lexicon)
            if lemma in lexicon.symmetric and several(actors) and not any(map(named, aimed)):
                aimed = []  # "Egypt and Saudi Arabia agreed to set up a commission": mutual
            if aimed:
                # "agreed to set up a centre in Tokyo": one side acting on another
                recipients, lemma = aimed, ""
    if (
        not passive
        and verb_lemma(verb, lexicon) in lexicon.words("receiving_verbs")
        and (sense.particle or "").split(" ")[0] == "from"
    ):
        actors, recipients = recipients, actors  # "Sudan received aid from Japan": Japan gives
    sense = constructions.by_means(verb, sense, actors, lexicon)
    symmetric = lemma in lexicon.symmetric
    frame = Frame(verb, sense, sense.cameo, actors, recipients, symmetric, "verb")
    if sense.cameo in {"020", "100"} and not passive:
        asked = asked_code(verb, obj, lexicon)
        if asked is not None:
            ask_for(frame, asked, lexicon)
        rally_opposition(frame, verb, obj, lexicon)
    if not passive:
        refused_request(frame, verb, obj, lexicon)
    return frame


def _attempt_makers(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Who makes the attempt an infinitive names: "an attempt by gunmen to kill the mayor",
    "rebels launched a bid to assassinate the president" (not "police foiled an attempt")."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in word_class("attempt_nouns"):
        return []
    makers = [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for t in prep_objects(c)
    ]
    if not makers and noun.dep_ == "dobj" and verb_lemma(noun.head, lexicon) in lexicon.light_verbs:
        makers = subjects_of(noun.head)
    return makers


def _late_agent(verb: Token) -> list[Token]:
    """The passive's agent hung on the last word of its complement: "was accused of stealing
    public funds by Kenyan prosecutors" (a "by" closing the clause, naming a party)."""
    for by in reversed(list(verb.subtree)):
        if by.dep_ != "prep" or by.lower_ != "by" or by.head.i == verb.i:
            continue
        node = by.head
        while node.i != verb.i and node.dep_ in {"pcomp", "pobj", "prep", "dobj", "xcomp"}:
            node = node.head
        objs = [t for t in prep_objects(by) if actorlike(t)]
        if node.i == verb.i and objs and by.head.pos_ in {"VERB", "NOUN"}:
            return objs
        break
    return []


def _agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _said_must(verb: Token, lexicon: Lexicon) -> Frame | None:
    """ "Washington said Beijing must drop its barriers": a demand, whatever is demanded."""
    for clause in verb.children:
        chain, frontier = [clause], [clause]  # "must be ready to mediate": coded there
        for _ in range(3):
            frontier = [c for t in frontier for c in t.children if c.dep_ in {"xcomp", "acomp"}]
            chain += frontier
        codable = any(
            verb_sense(link, lexicon, direct_object(link)) is not None or light_noun(link, lexicon)
            for link in chain
            if link.pos_ in {"VERB", "AUX"}
        )
        if clause.dep_ == "ccomp" and obligation(clause) and not codable:
            # "saying any deal must guarantee ...": only a party can be told what it must do
            demanded = [t for t in subjects_of(clause) if actorlike(t)]
            if demanded:
                sense = Sense(
                    f"{verb.lemma_} ... must",
                    "100",
                    None,
                    (),
                    None,
                    "extract.py: reported obligation",
                )
                frame = Frame(verb, sense, "100", subjects_of(verb), demanded, False, "verb")
                frame.notes.append(f"obligation '{clause.text}'")
                return frame
    return None


# -- nouns ----------------------------------------------------------------------------------


def _responsible(adjective: Token, lexicon: Lexicon, consumed: set[int]) -> Frame | None:
    """ "X is responsible for mass killings", "X are guilty of violating the ceasefire": the
    hostile event blamed on X, with X as its actor."""
    if (
        adjective.lemma_.lower() not in word_class("responsible_adjectives")
        or adjective.dep_ != "acomp"
        or adjective.head.lemma_.lower() != "be"
    ):
        return None
    copula = adjective.head
    actors = [t for t in subjects_of(copula) if actorlike(t)]
    if not actors:
        return None
    for prep in adjective.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"for", "of"}:
            continue
        for deed in prep.children:
            frame = None
            if deed.dep_ == "pobj" and deed.pos_ == "NOUN":
                sense = noun_sense(deed, lexicon)
                if sense is not None:
                    recipients = noun_recipients(deed, sense, lexicon)
                    frame = Frame(deed, sense, sense.cameo, actors, recipients, False, "noun")
            elif deed.dep_ == "pcomp" and deed.pos_ == "VERB":
                sense = verb_sense(deed, lexicon, direct_object(deed))
                if sense is not None:
                    recipients = recipients_of(deed, sense, lexicon)
                    frame = Frame(deed, sense, sense.cameo, actors, recipients, False, "verb")
            if frame is not None and "11" <= frame.cameo[:2] <= "20":
                # blame, not a duty: "responsible for distributing aid" is no event
                consumed.update(t.i for t in deed.subtree)
                frame.notes.append(f"'{adjective.text} {prep.text}'")
                return frame
    return None


# -- complements, modality and attribution --------------------------------------------------


def _event_complement(verb: Token, lexicon: Lexicon) -> Token | None:
    """The xcomp/ccomp predicate of a complement verb when it is itself an event trigger."""
    for child in verb.children:
        if (
            child.dep_ in {"xcomp", "ccomp", "pcomp"}
            and child.pos_ in {"VERB", "AUX"}
            and triggers(child, lexicon)
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "on"}:
            for pcomp in child.children:
                if pcomp.dep_ in {"pcomp", "pobj"} and triggers(pcomp, lexicon):
                    return pcomp
    obj = direct_object(verb)
    if obj is not None and obj.lemma_.lower() in lexicon.intent_nouns:
        return _intent_noun_complement(obj, lexicon)
    return None


def _intent_noun_complement(noun: Token, lexicon: Lexicon) -> Token | None:
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"} and triggers(child, lexicon):
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "for"}:
            for inner in child.children:
                if inner.dep_ in {"pobj", "pcomp"} and triggers(inner, lexicon):
                    return inner
    return None
