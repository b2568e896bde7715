"""Find event predicates and their arguments in a dependency parse: the frames of a
sentence (see ``accord.events.frame``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.events import constructions
from accord.events.arguments import (
    PASSIVE_SUBJECT_DEPS,
    STATIVE_PASSIVES,
    beneficiaries,
    benefits,
    complement_recipients,
    recipients_of,
    subjects_of,
)
from accord.events.frame import Frame
from accord.events.lexicon import Lexicon, Sense
from accord.events.modality import ATTEMPT_NOUNS, apply_context, complement_effect, obligation
from accord.events.owners import owners_of
from accord.events.phrases import (
    actorlike,
    direct_object,
    prep_objects,
    prep_recipients,
    several,
    through_quantity,
    with_conjuncts,
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

# "X is responsible for the killings": X did them.
RESPONSIBLE_ADJECTIVES = {"responsible", "guilty", "culpable"}

# Violence its target lived through or died in: "survived an assassination attempt", "died
# in an air strike".
SURVIVING_VERBS = {"survive", "escape"}
DYING_VERBS = {"die", "perish"}

# Statements that a restating verb repeats ("reiterated its demand that ...").
STATEMENT_ROOTS = {"02", "10", "11", "12", "13"}


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
            frame = _noun_frame(token, lexicon)
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
    if _is_background(verb, lexicon):
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
        if not actors and lemma in STATIVE_PASSIVES:
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
            if aimed:
                # "agreed to set up a centre in Tokyo": one side acting on another
                recipients, lemma = aimed, ""
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
    if verb.dep_ != "acl" or noun.lemma_.lower() not in ATTEMPT_NOUNS:
        return []
    makers = [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for t in prep_objects(c)
    ]
    if not makers and noun.dep_ == "dobj" and verb_lemma(noun.head, lexicon) in lexicon.light_verbs:
        makers = subjects_of(noun.head)
    return makers


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


def _noun_frame(noun: Token, lexicon: Lexicon) -> Frame | None:
    sense = noun_sense(noun, lexicon)
    if sense is None:
        return None
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
        first = first.head  # "imposed asset freezes and travel bans"
    if (
        first.dep_ == "pobj"
        and first.head.lower_ == "of"
        and first.head.head.lemma_.lower()
        in lexicon.words("span_nouns") | lexicon.words("quantity_nouns")
        and first.head.head.dep_ in {"dobj", "attr"}
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
    if not trip and _is_background(first, lexicon):
        return None
    lemma = noun.lemma_.lower()
    symmetric = lemma in lexicon.symmetric or noun.lower_ in lexicon.symmetric
    head_lemma = verb_lemma(head, lexicon)
    if (
        first.dep_ in {"dobj", "attr"}
        and head.pos_ in {"VERB", "AUX"}
        and (
            head_lemma in lexicon.light_verbs
            or (
                head_lemma in lexicon.words("restating_verbs")
                and sense.cameo[:2] in STATEMENT_ROOTS
            )
        )
    ):
        actors = subjects_of(head)
        passive = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        recipients = (
            _noun_recipients(noun, sense, lexicon)
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
            recipients = _between(noun)
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
        if actors and recipients and all(t in _between(noun) for t in recipients):
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
            _noun_recipients(noun, sense, lexicon),
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
            _noun_recipients(noun, sense, lexicon) or authors,
            symmetric,
            "complement",
        )
        frame.notes.append(f"complement of '{verb.text}'")
        return frame
    suffered = head
    if first.dep_ == "pobj" and head.lower_ in {"in", "during"}:
        suffered = head.head  # "died in an air strike"
    if (
        "18" <= sense.cameo[:2] <= "20"
        and not _between(noun)
        and (
            (first.dep_ == "dobj" and head.lemma_.lower() in SURVIVING_VERBS)
            or (suffered is not head and suffered.lemma_.lower() in DYING_VERBS)
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
    recipients = _noun_recipients(noun, sense, lexicon) + (owners if patient else [])
    if between:
        actors, recipients, symmetric = between[:1], between[1:], True
    if not actors:
        return None
    return Frame(noun, sense, sense.cameo, actors, recipients, symmetric, "noun")


def _responsible(adjective: Token, lexicon: Lexicon, consumed: set[int]) -> Frame | None:
    """ "X is responsible for mass killings", "X are guilty of violating the ceasefire": the
    hostile event blamed on X, with X as its actor."""
    if (
        adjective.lemma_.lower() not in RESPONSIBLE_ADJECTIVES
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
                    recipients = _noun_recipients(deed, sense, lexicon)
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


def _between(noun: Token) -> list[Token]:
    return [
        t
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in {"between", "among"}
        for t in prep_objects(c)
    ]


def _noun_recipients(noun: Token, sense: Sense, lexicon: Lexicon) -> list[Token]:
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


def _is_background(token: Token, lexicon: Lexicon) -> bool:
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
