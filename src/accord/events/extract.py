"""Find event predicates and their arguments in a dependency parse.

A *frame* is one predicate: its trigger, the CAMEO code of the sense it matched, the argument
heads for actor and recipient, and the modality and attribution read off the parse. Frames
carry tokens, not actors; the pipeline resolves the heads to actors afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from accord.events.arguments import (
    PASSIVE_SUBJECT_DEPS,
    actorlike,
    complement_recipients,
    direct_object,
    owners_of,
    prep_objects,
    prep_recipients,
    recipients_of,
    several,
    subjects_of,
    through_quantity,
    with_conjuncts,
)
from accord.events.lexicon import WHEN_FORMS, Lexicon, Sense
from accord.events.modality import apply_context, complement_effect, obligation
from accord.events.senses import condition_holds, light_noun, noun_sense, verb_lemma, verb_sense

# How a purpose or accompanying act hangs on the act it explains ("struck to protest X").
PURPOSE_DEPS = {"advcl", "xcomp", "acl", "prep", "pobj", "pcomp"}
# Statements that a restating verb repeats ("reiterated its demand that ...").
STATEMENT_ROOTS = {"02", "10", "11", "12", "13"}


@dataclass
class Frame:
    trigger: Token
    sense: Sense
    cameo: str
    actors: list[Token]
    recipients: list[Token]
    symmetric: bool
    kind: str  # verb | noun | light | intent
    negated: bool = False
    future: bool = False
    unreal: set[str] = field(
        default_factory=set
    )  # modal | conditional | request | purpose | attempt
    speaker: Token | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def hypothetical(self) -> bool:
        return bool(self.unreal)


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
                _noun_request_aim(frame, lexicon)
        if frame is not None:
            apply_context(frame, lexicon)
            found.append(frame)
    _protest_targets(found, lexicon)
    _protest_aims(found)
    found = _without_riot_damage(found)
    for frame in found:
        lemma = frame.trigger.lemma_.lower()
        joint = lemma in lexicon.joint_activity or frame.sense.trigger in lexicon.joint_activity
        if frame.cameo[:2] == "15" and joint and several(frame.actors):
            frame.cameo, frame.symmetric = "062", True  # drilling together is cooperation
            frame.notes.append("joint military activity")
    return found


# What a protest asks for, by the code of the demand or appeal that states its purpose:
# leadership change (1), policy change (2), rights (3), institutional change (4).
PROTEST_AIMS = {"0241": "1", "1041": "1", "0831": "1", "0242": "2", "1042": "2", "0832": "2"}
PROTEST_AIMS |= {"0243": "3", "1043": "3", "0833": "3", "0244": "4", "1044": "4", "0834": "4"}


def _purpose_of(frame: Frame, other: Frame) -> bool:
    """``other`` hangs on ``frame`` as its purpose or accompanying act: "rioted, demanding
    the resignation of X", "rioted following a demonstration calling for X's removal"."""
    trigger = frame.trigger
    holders = {trigger.i, trigger.head.i}
    if trigger.pos_ in {"VERB", "AUX"}:
        holders = {trigger.i}
    elif trigger.head.dep_ == "prep":
        holders.add(trigger.head.head.i)  # "went on strike, demanding ..."
    node, hops = other.trigger, 0
    while node.head.i != node.i and hops < 3 and node.dep_ in PURPOSE_DEPS | {"dobj"}:
        node, hops = node.head, hops + 1
        if node.i in holders:
            return True
    return False


def _protest_aims(found: list[Frame]) -> None:
    """A demonstration, hunger strike, strike, blockade or riot takes the sub-code of what it
    demands: "marched demanding the president's resignation" (1411)."""
    for frame in found:
        if len(frame.cameo) != 3 or not "141" <= frame.cameo <= "145":
            continue
        for other in found:
            aim = PROTEST_AIMS.get(other.cameo)
            if other is not frame and aim and _purpose_of(frame, other):
                frame.cameo += aim
                frame.notes.append(f"protest aim from '{other.trigger.text}'")
                break


def _without_riot_damage(found: list[Frame]) -> list[Frame]:
    """The damage a riot does ("rioted, setting fire to their mattresses and smashing
    furniture") is the riot itself, coded once as the protest."""
    protests = [f for f in found if f.cameo[:2] == "14"]
    part = [
        other
        for other in found
        if other.cameo[:3] == "171"
        and any(other is not p and _purpose_of(p, other) for p in protests)
    ]
    return [f for f in found if not any(f is p for p in part)]


def _protest_targets(found: list[Frame], lexicon: Lexicon) -> None:
    """A protest is against whoever its purpose names: "went on strike to protest Sweden's
    decision", "rioted, demanding the removal of President X"."""
    for frame in found:
        if any(actorlike(t) for t in frame.recipients) or frame.cameo[:2] != "14":
            continue
        clause = frame.trigger if frame.trigger.pos_ in {"VERB", "AUX"} else frame.trigger.head
        target: list[Token] = []
        for other in found:
            if other is not frame and other.recipients and _purpose_of(frame, other):
                target = list(other.recipients)
                frame.notes.append(f"target from '{other.trigger.text}'")
                break
        target = target or _in_protest_against(frame.trigger, clause, lexicon)
        if target:
            frame.recipients = target  # "threw stones" at nobody: the protest's target


def _in_protest_against(trigger: Token, clause: Token, lexicon: Lexicon) -> list[Token]:
    """ "staged a hunger strike in protest against violations by the security forces": the
    target is the author of what is protested."""
    for holder in (trigger, clause):
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "as", "during", "at"}:
                continue
            for noun in prep_objects(prep):
                if noun.lemma_.lower() not in lexicon.words("protest_nouns"):
                    continue
                for inner in noun.children:
                    if inner.dep_ == "prep" and inner.lower_ in {"against", "of", "at", "over"}:
                        for obj in prep_objects(inner):
                            if actorlike(obj):
                                return with_conjuncts(obj)
                            owners = owners_of(obj, "14", lexicon)
                            if owners:
                                return owners
    # "an open-ended strike over an employment bill signed by the labour minister"
    for holder in (trigger, clause):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in {"over", "against"}:
                for obj in prep_objects(prep):
                    found = [obj] if actorlike(obj) else owners_of(obj, "14", lexicon)
                    if found:
                        return found
    return []


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
            # "was murdered in an attack on a police patrol by Kosovo Albanians"
            actors = [
                t
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}
                for attack in prep_objects(prep)
                if noun_sense(attack, lexicon) is not None
                for by in attack.subtree
                if by.dep_ == "prep" and by.lower_ == "by"
                for t in prep_objects(by)
            ][:2]
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
    else:
        actors = subjects_of(verb)
        recipients = recipients_of(verb, sense, lexicon)
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
    symmetric = lemma in lexicon.symmetric
    frame = Frame(verb, sense, sense.cameo, actors, recipients, symmetric, "verb")
    if sense.cameo in {"020", "100"} and not passive:
        asked = _asked_code(verb, obj, lexicon)
        if asked is not None:
            _ask_for(frame, asked, lexicon)
    return frame


def _ask_for(frame: Frame, asked: str, lexicon: Lexicon) -> None:
    """Sub-code an appeal (020) or a demand (100) by the code of what it asks for."""
    stance = "appeal" if frame.cameo == "020" else "demand"
    frame.cameo = lexicon.stance(stance, asked)
    if asked.startswith("10"):
        # CAMEO's appeals (02x) mirror its demands (10x) digit for digit
        frame.cameo = asked if stance == "demand" else "02" + asked[2:]
    frame.notes.append(f"{stance} for {asked}")


def _noun_request_aim(frame: Frame, lexicon: Lexicon) -> None:
    """An appeal or demand named by a noun takes the code of its clause: "renewed an appeal
    to Belgium to extradite the militant", "issued a demand that Kuwait return prisoners"."""
    for clause in frame.trigger.children:
        if clause.dep_ in {"acl", "ccomp", "relcl"} and clause.pos_ in {"VERB", "AUX"}:
            if clause.dep_ == "relcl" and not any(c.lower_ == "that" for c in clause.children):
                continue
            asked = _clause_code(clause, lexicon)
            if asked is not None:
                _ask_for(frame, asked, lexicon)
                return


def _asked_code(verb: Token, obj: Token | None, lexicon: Lexicon) -> str | None:
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
            or [t for c in head.children if c.dep_ == "dative" for t in with_conjuncts(c)]
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
            and _triggers(child, lexicon)
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "on"}:
            for pcomp in child.children:
                if pcomp.dep_ in {"pcomp", "pobj"} and _triggers(pcomp, lexicon):
                    return pcomp
    obj = direct_object(verb)
    if obj is not None and obj.lemma_.lower() in lexicon.intent_nouns:
        return _intent_noun_complement(obj, lexicon)
    return None


def _intent_noun_complement(noun: Token, lexicon: Lexicon) -> Token | None:
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"} and _triggers(child, lexicon):
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "for"}:
            for inner in child.children:
                if inner.dep_ in {"pobj", "pcomp"} and _triggers(inner, lexicon):
                    return inner
    return None


def _triggers(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` codes an event here: a matching sense, not just a known word."""
    if token.pos_ in {"VERB", "AUX"}:
        obj = direct_object(token)
        return verb_sense(token, lexicon, obj) is not None or light_noun(token, lexicon)
    return token.pos_ == "NOUN" and noun_sense(token, lexicon) is not None


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
