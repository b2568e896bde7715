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
    subjects_of,
    through_quantity,
    with_conjuncts,
)
from accord.events.lexicon import Lexicon, Sense

# How a purpose or accompanying act hangs on the act it explains ("struck to protest X").
PURPOSE_DEPS = {"advcl", "xcomp", "acl", "prep", "pobj", "pcomp"}
# "in protest against X", "during demonstrations against X": the protest's target
PROTEST_NOUNS = {"protest", "defiance", "opposition", "demonstration", "rally", "march"}

# Commands of an authority: the coercion they order is the authority's act.
COMMANDS = {"order", "instruct", "direct", "force", "compel"}

# Temporal clauses of an act still to come hold acts still to come: "must agree before
# they demobilize", "will stay until the rebels withdraw".
TEMPORAL_MARKS = {"before", "until", "once"}

# Verbs of travel whose "for" phrase names the event the trip is for ("arrived for talks").
MOTION_VERBS = {
    "arrive",
    "travel",
    "go",
    "come",
    "return",
    "fly",
    "head",
    "gather",
    "meet",
    "converge",
    "assemble",
}
# Nouns that measure an event's extent: "ten days of war games", "a fresh round of talks".
SPANS = {"day", "week", "month", "hour", "round", "series", "wave", "spate", "string", "year"}

# Verbs that repeat a statement named by their object: "reiterated its demand that ...".
RESTATING_VERBS = {"reiterate", "repeat", "restate", "voice"}
STATEMENT_ROOTS = {"02", "10", "11", "12", "13"}

# Participles that, after a noun and without an agent, describe a standing state rather than
# an act of the reporting window: "militiamen armed with machetes", "troops deployed there".
STATE_PARTICIPLES = {
    "arm",
    "back",
    "support",
    "fund",
    "finance",
    "train",
    "deploy",
    "station",
    "base",
    "equip",
    "supply",
    "sponsor",
    "ally",
    "align",
    "link",
    "occupy",
    "control",
    "hold",
    "exile",
    "ban",
    "outlaw",
    "dispute",
}

# Predicates inside these prepositions are reasons or background, not new events:
# "condemned X for attacking Y", "accused X of shelling".
BACKGROUND_PREPS = {"for", "of", "over", "after", "despite", "because", "since", "amid"}


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
    unreal: set[str] = field(default_factory=set)  # modal | conditional | request | purpose
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
        if frame is not None:
            _apply_context(frame, lexicon)
            found.append(frame)
    _protest_targets(found, lexicon)
    for frame in found:
        lemma = frame.trigger.lemma_.lower()
        joint = lemma in lexicon.joint_activity or frame.sense.trigger in lexicon.joint_activity
        if frame.cameo[:2] == "15" and joint and _several(frame.actors):
            frame.cameo, frame.symmetric = "062", True  # drilling together is cooperation
            frame.notes.append("joint military activity")
    return found


def _several(heads: list[Token]) -> bool:
    """More than one side: "France and Egypt", "French and Egyptian warships"."""
    return len(heads) > 1 or any(
        c.dep_ in {"amod", "compound"} and any(g.dep_ == "conj" for g in c.children)
        for t in heads
        for c in t.children
    )


def _protest_targets(found: list[Frame], lexicon: Lexicon) -> None:
    """A protest is against whoever its purpose names: "went on strike to protest Sweden's
    decision", "rioted, demanding the removal of President X"."""
    for frame in found:
        if any(actorlike(t) for t in frame.recipients) or frame.cameo[:2] != "14":
            continue
        clause = frame.trigger if frame.trigger.pos_ in {"VERB", "AUX"} else frame.trigger.head
        target: list[Token] = []
        for other in found:
            if other is frame or not other.recipients:
                continue
            node, hops = other.trigger, 0
            # "rioted following a demonstration calling for X's removal"
            while node.head.i != node.i and hops < 3 and node.dep_ in PURPOSE_DEPS | {"dobj"}:
                node, hops = node.head, hops + 1
                if node.i in {clause.i, frame.trigger.i}:
                    target = list(other.recipients)
                    frame.notes.append(f"target from '{other.trigger.text}'")
                    break
            if target:
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
                if noun.lemma_.lower() not in PROTEST_NOUNS:
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
    lemma = _lemma(verb, lexicon)
    if _is_background(verb):
        return None
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return None  # "indigenous groups who had blocked roads for weeks": background
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and lemma in STATE_PARTICIPLES
        and not _agent(verb)
    ):
        return None  # a state, not an act: "militiamen armed with machetes"
    obj = direct_object(verb)
    if (
        lemma in lexicon.light_verbs
        and obj is not None
        and any(_noun_sense(o, lexicon) for o in with_conjuncts(obj))
    ):
        return None  # the event noun is the trigger ("held talks")
    effect = lexicon.complement_verbs.get(lemma)
    complement = _event_complement(verb, lexicon)
    if effect and effect != "request" and complement is not None:
        return None  # coded at the complement, with this verb's effect
    if (
        lemma in {"express", "signal", "voice", "show", "reaffirm", "confirm"}
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
    sense = _verb_sense(verb, lexicon, obj if patient is None else patient)  # passive: subject
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
                if _noun_sense(attack, lexicon) is not None
                for by in attack.subtree
                if by.dep_ == "prep" and by.lower_ == "by"
                for t in prep_objects(by)
            ][:2]
        recipients = [
            t for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS for t in with_conjuncts(c)
        ]
        if not actors:
            actors = []
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
    return Frame(verb, sense, sense.cameo, actors, recipients, symmetric, "verb")


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
            _verb_sense(link, lexicon, direct_object(link)) is not None
            or _light_noun(link, lexicon)
            for link in chain
            if link.pos_ in {"VERB", "AUX"}
        )
        if clause.dep_ == "ccomp" and _obligation(clause) and not codable:
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


def _lemma(verb: Token, lexicon: Lexicon) -> str:
    """The verb's lemma, repaired where the lemmatizer cuts a regular past form wrongly
    ("staged" -> "stag", "cordoned" -> "cordone")."""
    lemma = verb.lemma_.lower()
    text = verb.lower_
    known = lexicon.verbs.keys() | lexicon.light_verbs
    if lemma not in known and verb.tag_ in {"VBD", "VBN"} and text.endswith("ed"):
        for guess in (text[:-1], text[:-2], text[:-3]):
            if guess in known:
                return guess
    return lemma


def _light_noun(verb: Token, lexicon: Lexicon) -> bool:
    obj = direct_object(verb)
    return (
        _lemma(verb, lexicon) in lexicon.light_verbs
        and obj is not None
        and bool(_noun_sense(obj, lexicon))
    )


def _verb_sense(verb: Token, lexicon: Lexicon, obj: Token | None) -> Sense | None:
    senses = lexicon.verbs.get(_lemma(verb, lexicon))
    if not senses:
        return None
    # a particle, or a preposition with a participant ("called on Iran", not "on Tuesday")
    particles = {
        c.lower_
        for c in verb.children
        if c.dep_ == "prt" or (c.dep_ in {"prep", "agent"} and prep_objects(c))
    }
    with_particle = [s for s in senses if s.particle and s.particle.split()[0] in particles]
    plain = [s for s in senses if not s.particle]
    for sense in with_particle + plain:
        if _condition_holds(sense.when, obj):
            return sense
    return None


def _condition_holds(when: str | None, obj: Token | None) -> bool:
    if when is None:
        return True
    if when == "noobj":
        return obj is None
    if obj is None:
        return False
    obj = through_quantity(obj)
    if when == "obj=actor":
        return actorlike(obj)
    if when == "obj=thing":
        return not actorlike(obj)
    lemmas = set(when.removeprefix("obj=").split("|"))
    if obj.lemma_.lower() in lemmas or any(
        c.lemma_.lower() in lemmas for c in obj.children if c.dep_ in {"compound", "amod"}
    ):
        return True
    # "allowed the return of UN inspectors", "allowed the delivery of aid"
    return any(
        inner.lemma_.lower() in lemmas
        or any(c.lemma_.lower() in lemmas for c in inner.children if c.dep_ in {"compound"})
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for inner in prep.children
        if inner.dep_ == "pobj"
    )


# -- nouns ----------------------------------------------------------------------------------


def _noun_sense(noun: Token, lexicon: Lexicon) -> Sense | None:
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ in {"compound", "amod"}:
            sense = lexicon.nouns.get(f"{child.lemma_.lower()} {lemma}")
            if sense:
                return sense
    return lexicon.nouns.get(lemma) or lexicon.nouns.get(noun.lower_)


def _noun_frame(noun: Token, lexicon: Lexicon) -> Frame | None:
    sense = _noun_sense(noun, lexicon)
    if sense is None:
        return None
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
        first = first.head  # "imposed asset freezes and travel bans"
    if (
        first.dep_ == "pobj"
        and first.head.lower_ == "of"
        and first.head.head.lemma_.lower() in SPANS
        and first.head.head.dep_ in {"dobj", "attr"}
    ):
        first = first.head.head  # "launched ten days of war games", "held a round of talks"
    head = first.head
    trip = (
        first.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in MOTION_VERBS
    )
    if not trip and _is_background(first):
        return None
    lemma = noun.lemma_.lower()
    symmetric = lemma in lexicon.symmetric or noun.lower_ in lexicon.symmetric
    head_lemma = _lemma(head, lexicon)
    if (
        first.dep_ in {"dobj", "attr"}
        and head.pos_ in {"VERB", "AUX"}
        and (
            head_lemma in lexicon.light_verbs
            or (head_lemma in RESTATING_VERBS and sense.cameo[:2] in STATEMENT_ROOTS)
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
        joint = _several(actors) and (
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
        return _verb_sense(token, lexicon, obj) is not None or _light_noun(token, lexicon)
    return token.pos_ == "NOUN" and _noun_sense(token, lexicon) is not None


def _is_background(token: Token) -> bool:
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
            and head.lower_ in BACKGROUND_PREPS
        ):
            return True
        if node.dep_ in {"relcl", "ccomp", "xcomp", "conj", "advcl", "ROOT", "nsubj", "dobj"}:
            return False
        node = head
    return False


def _apply_context(frame: Frame, lexicon: Lexicon) -> None:
    """Read modality and attribution off the trigger's clause and the verbs above it."""
    clause = frame.trigger
    if frame.kind == "light" or (
        frame.kind != "complement" and frame.trigger.pos_ == "NOUN" and frame.trigger.dep_ != "ROOT"
    ):
        clause = frame.trigger.head
    _clause_modality(frame, clause, lexicon)
    node = clause
    direct = True  # effects of complement verbs reach only their own complement chain
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        lemma = head.lemma_.lower()
        if node is not clause and _purpose(node):
            frame.unreal.add("purpose")  # "sent a force to help the police fight the gangs"
            frame.notes.append(f"inside the purpose '{node.text}'")
        content = node.dep_ == "acl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children
        )  # "demanded an admission that ...": the noun's content clause
        if node.dep_ in {"advcl", "relcl", "acl", "parataxis"} and not content:
            direct = False
        if node.dep_ == "ccomp" and any(
            c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in node.children
        ):
            direct = False  # "... the city where 100 people were killed": a relative clause
        if direct and node.dep_ in {"xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep"}:
            effect = lexicon.complement_verbs.get(lemma)
            if lemma in {"express", "signal", "voice", "show", "reaffirm"} or (
                lemma in lexicon.intent_nouns or lemma in lexicon.intent_adjectives
            ):
                effect = "intent"
            if effect == "request" and node.dep_ != "xcomp" and lemma in lexicon.speech_verbs:
                effect = None  # "was told that ...": speech, not a request
            if effect == "request" and lemma in COMMANDS and frame.cameo[:2] >= "16":
                effect = "command"  # "ordered the newspaper to suspend publication": done
            told = direct_object(head)
            if (
                node.dep_ == "ccomp"
                and told is not None
                and told.lemma_.lower() in lexicon.request_nouns
                and told.i < node.i
            ):
                effect = "request"  # "reiterated its demand that Israel ease the curbs"
            if effect:
                if effect in {"intent", "threaten", "refuse"}:
                    frame.unreal -= {"modal", "conditional"}  # "agreed that they should cooperate"
                if effect != "command":
                    _apply_effect(frame, effect, head, lexicon)
                _clause_modality(frame, head, lexicon)
                if not frame.actors or all(_own_reference(t) for t in frame.actors):
                    # "officials agreed that their countries should cooperate"
                    frame.actors = subjects_of(head) or frame.actors
                told = direct_object(head)
                named = any(actorlike(t) for t in frame.recipients)
                if not named and told is not None and actorlike(told):
                    frame.recipients = with_conjuncts(told)  # "warned Eritrea it would strike"
        if node.dep_ in {"ccomp", "parataxis"} and lemma in lexicon.speech_verbs:
            subjects = subjects_of(head)
            frame.speaker = subjects[0] if subjects else None
            if direct and (_obligation(clause) or _obligation(node)) and subjects:
                # "Britain said Libya must hand over the suspects": a demand on Libya
                frame.recipients, frame.actors = frame.actors, subjects
                frame.cameo = lexicon.stance("demand", frame.cameo)
                frame.unreal.discard("modal")
                frame.symmetric = False
                frame.speaker = None
                frame.notes.append(f"demand reported by '{head.text}'")
            elif not any(c.dep_ == "neg" for c in head.children):
                _reported_future(frame, clause, lexicon)
            break
        if (
            node.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in node.children)
            and any(
                c.dep_ == "aux"
                and (c.lower_ in lexicon.hypothetical_aux or c.lower_ in lexicon.future_aux)
                for c in head.children
            )
        ):
            frame.unreal.add("condition")  # "must agree to changes before they demobilize"
        if node.dep_ == "advcl" and _conditional(node, lexicon):
            frame.unreal.add("condition")
        if (
            head.pos_ == "NOUN"
            and lemma in lexicon.request_nouns
            and node.dep_ in {"acl", "ccomp", "relcl", "xcomp", "pcomp", "pobj"}
        ):
            frame.unreal.add("request")  # "its demand that Israel ease restrictions"
            frame.notes.append(f"asked for in '{head.text}'")
        node = head
    if frame.future and not frame.cameo.startswith(("03", "13")) and not frame.negated:
        _apply_effect(frame, "intent", frame.trigger, lexicon)
    if frame.negated and frame.future and "03" <= frame.cameo[:2] <= "08":
        # "will not accept more refugees", "would not meet their demands": a refusal
        frame.cameo = lexicon.stance("refuse", frame.cameo)
        frame.negated = False
        frame.unreal.discard("modal")
        frame.symmetric = False
        frame.notes.append("refused: negated intention")
    if frame.cameo[:2] in {"03", "12", "13"}:
        frame.unreal.discard("conditional")  # a conditional offer, refusal or threat is made
    if not frame.negated and (frame.future or "modal" in frame.unreal or frame.cameo[:2] == "13"):
        _ultimatum(frame, clause, lexicon)
    for child in frame.trigger.sent:
        if child.lower_ == "according" and child.head.i in {clause.i, clause.head.i}:
            objs = [t for c in child.children if c.lower_ == "to" for t in prep_objects(c)]
            if objs:
                frame.speaker = objs[0]


def _clause_modality(frame: Frame, verb: Token, lexicon: Lexicon) -> None:
    if verb.dep_ in {"advcl", "acl", "relcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        # a purpose may not be achieved: "sent troops to restore order", "a meeting to discuss"
        frame.unreal.add("purpose")
        frame.notes.append("purpose clause")
    for child in verb.children:
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and lower in {"never", "not"}):
            frame.negated = True
        elif child.dep_ in {"aux", "auxpass"}:
            if lower in lexicon.future_aux or child.lemma_.lower() in lexicon.future_aux:
                frame.future = True
            elif (
                lower in lexicon.hypothetical_aux
                or child.lemma_.lower() in lexicon.hypothetical_aux
            ):
                frame.unreal.add("modal")
                frame.notes.append(f"modal '{child.text}'")
        elif child.dep_ == "mark" and lower in lexicon.conditional_marks:
            frame.unreal.add("condition")  # the event is itself the condition
    if _conditional(verb, lexicon):
        frame.unreal.add("condition")
    if any(c.dep_ == "advcl" and _conditional(c, lexicon) for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ in {"would", "could", "might", "will"} for c in verb.children
    ):
        frame.unreal.add("conditional")
    if verb.lower_ == "going" or any(
        c.lower_ == "going" for c in verb.head.children if verb.dep_ == "xcomp"
    ):
        frame.future = True


def _ultimatum(frame: Frame, clause: Token, lexicon: Lexicon) -> None:
    """ "will boycott the vote unless the president resigns" is a threat, and a threat is aimed
    at whoever its condition names ("threatened to strike if Iraq refuses")."""
    node, conditions = clause, []
    for _ in range(3):
        conditions = [
            c
            for c in node.children
            if c.dep_ == "advcl"
            and _conditional(c, lexicon)
            and c.lemma_.lower() not in lexicon.speech_verbs  # a misparsed attribution
        ]
        if conditions or node.dep_ not in {"xcomp", "ccomp"} or node.head.i == node.i:
            break
        node = node.head
    if not conditions:
        return
    unless = any(m.dep_ == "mark" and m.lower_ == "unless" for c in conditions for m in c.children)
    # "may halt its mediation if the parties fail": a sanction or force held out is a threat
    hostile = int(frame.cameo[:2]) >= 11 and frame.cameo[:2] != "12"
    if (unless or hostile) and frame.cameo[:2] not in {"12", "13"}:
        frame.cameo = lexicon.stance("threat", frame.cameo)
        frame.unreal -= {"conditional", "modal"}
        frame.symmetric = False
        frame.notes.append("conditional threat")
    elif "04" <= frame.cameo[:2] <= "08" and frame.speaker is not None:
        # "the rebels said they would meet the mediator if he gave them a veto": an offer
        frame.cameo = lexicon.stance("intent", frame.cameo)
        frame.unreal -= {"conditional", "modal"}
        frame.future = True
        frame.symmetric = False  # an offer is one side's
        frame.notes.append("conditional offer")
    if frame.cameo[:2] == "13" and not any(actorlike(t) for t in frame.recipients):
        named = [
            t
            for c in conditions
            for s in c.children
            if s.dep_ in {"nsubj", "nsubjpass"}
            for t in with_conjuncts(s)
            if actorlike(t)
        ]
        if named:
            frame.recipients = named
            frame.notes.append("target named by the condition")


def _own_reference(token: Token) -> bool:
    """ "their countries", "its government": the subject's own side named through a pronoun."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children
    )


def _purpose(verb: Token) -> bool:
    return verb.dep_ in {"advcl", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _obligation(verb: Token) -> bool:
    """'must', 'should', 'has to' on the clause: what someone is told to do."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in {"must", "should", "ought"}:
            return True
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ in {"have", "need"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _conditional(verb: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in verb.children)


def _reported_future(frame: Frame, clause: Token, lexicon: Lexicon) -> None:
    """'said it would send aid' is a reported intention, not a hypothetical."""
    auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if (
        "would" in auxes
        and not _conditional(clause, lexicon)
        and not any(c.dep_ == "advcl" and _conditional(c, lexicon) for c in clause.children)
    ):
        frame.unreal.discard("modal")
        frame.future = True


def _apply_effect(frame: Frame, effect: str, verb: Token, lexicon: Lexicon) -> None:
    root = frame.cameo[:2]
    if effect == "intent":
        frame.future = True
        if root in {"01", "02", "09", "10", "11", "12"}:
            return  # "will condemn", "will appeal": an announced statement keeps its code
        joint = root == "15" and verb.lemma_.lower() == "agree" and _several(frame.actors)
        if joint:
            # "Belarus and Russia agreed to deploy a joint force": an agreement between them
            frame.cameo = lexicon.stance("intent", "06")
        elif int(root) >= 14 or root == "13":
            frame.cameo = lexicon.stance("threat", frame.cameo)
        elif int(root) <= 8:
            frame.cameo = lexicon.stance("intent", frame.cameo)
        frame.notes.append(f"intent '{verb.text}'")
    elif effect == "threaten":
        frame.symmetric = False
        frame.cameo = lexicon.stance("threat", frame.cameo)
        frame.notes.append(f"threat '{verb.text}'")
    elif effect == "refuse":
        frame.symmetric = False
        frame.cameo = lexicon.stance("refuse", frame.cameo)
        frame.notes.append(f"refusal '{verb.text}'")
    elif effect == "future":
        frame.future = True
    elif effect == "request":
        frame.unreal.add("request")
        frame.notes.append(f"requested by '{verb.text}'")
    elif effect == "negate":
        frame.negated = True
        frame.notes.append(f"negated by '{verb.text}'")
