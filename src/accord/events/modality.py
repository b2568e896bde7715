"""Modality and attribution of a frame, read off its clause and the verbs above it: negation,
future and intent, hypotheticals and conditions, requests, threats and refusals, reported
speech and its speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from accord.events.arguments import subjects_of
from accord.events.lexicon import Lexicon
from accord.events.phrases import (
    actorlike,
    direct_object,
    named,
    prep_objects,
    several,
    with_conjuncts,
    word_class,
)

if TYPE_CHECKING:
    from accord.events.frame import Frame


def apply_context(frame: Frame, lexicon: Lexicon) -> None:
    """Read modality and attribution off the trigger's clause and the verbs above it."""
    clause = frame.trigger
    if frame.kind == "light" or (
        frame.kind != "complement" and frame.trigger.pos_ == "NOUN" and frame.trigger.dep_ != "ROOT"
    ):
        clause = frame.trigger.head
    if frame.kind == "light":
        clause = _light_verb(frame.trigger)
    _clause_modality(frame, clause, lexicon)
    node = clause
    direct = True  # effects of complement verbs reach only their own complement chain
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        lemma = head.lemma_.lower()
        # "pushing for the US to support the plan": a "for" clause is the complement
        complement = _misparsed_infinitive(node, lexicon) or _for_clause(node)
        if node is not clause and _purpose(node) and not complement:
            frame.unreal.add("purpose")  # "sent a force to help the police fight the gangs"
            frame.notes.append(f"inside the purpose '{node.text}'")
        content = node.dep_ == "acl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children
        )  # "demanded an admission that ...": the noun's content clause
        if node.dep_ in {"advcl", "relcl", "acl", "parataxis"} and not (content or complement):
            direct = False
        if node.dep_ == "ccomp" and any(
            c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in node.children
        ):
            direct = False  # "... the city where 100 people were killed": a relative clause
        complemented = node.dep_ in {"xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep"}
        if direct and (complement or complemented) and lemma in word_class("deliberating_verbs"):
            frame.unreal.add("considered")
            frame.notes.append(f"only considered: '{head.text}'")
        if direct and (complement or complemented):
            effect = complement_effect(head, lemma, lexicon)
            if lemma in lexicon.words("expressing_verbs") or (
                lemma in lexicon.intent_nouns or lemma in lexicon.intent_adjectives
            ):
                effect = "intent"
            if effect == "request" and node.dep_ != "xcomp" and lemma in lexicon.speech_verbs:
                effect = None  # "was told that ...": speech, not a request
            if (
                effect == "request"
                and lemma in lexicon.words("command_verbs")
                and frame.cameo[:2] >= "16"
            ):
                effect = "command"  # "ordered the newspaper to suspend publication": done
            if (
                lemma in lexicon.words("preparing_verbs")
                and head.pos_ == "VERB"
                and "18" <= frame.cameo[:2] <= "20"
            ):
                # "the army prepared to resume shelling": military preparation (CAMEO 150)
                effect = "command"
                frame.cameo, frame.symmetric = "150", False
                frame.notes.append(f"prepared '{head.text}'")
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
                    apply_effect(frame, effect, head, lexicon)
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
            if direct and (obligation(clause) or obligation(node)) and subjects:
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
            and any(
                c.dep_ == "mark" and c.lower_ in lexicon.words("temporal_marks")
                for c in node.children
            )
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
            and not attempted_killing(frame.cameo, node)  # "a bid to assassinate X"
        ):
            frame.unreal.add("request")  # "its demand that Israel ease restrictions"
            frame.notes.append(f"asked for in '{head.text}'")
        node = head
    if frame.future and frame.cameo == "0831" and not frame.negated:
        frame.notes.append("announced resignation")  # "will resign": the yielding is announced
    elif frame.future and not frame.cameo.startswith(("03", "13")) and not frame.negated:
        apply_effect(frame, "intent", frame.trigger, lexicon)
    would_not = (
        frame.negated
        and "modal" in frame.unreal
        and not frame.unreal & {"condition", "conditional", "purpose", "request"}
        and any(c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in clause.children)
    )  # "would not attend the talks" (no condition): a refusal, as "will not"
    if frame.negated and (frame.future or would_not) and "03" <= frame.cameo[:2] <= "08":
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


def _accepts_mediation(frame: Frame) -> bool:
    """An intent towards someone else's mediation accepts it (038) rather than offering
    one's own (039)."""
    trigger = frame.trigger
    if frame.cameo[:3] == "039" and trigger.pos_ == "NOUN":
        return any(
            c.dep_ == "poss"
            or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"})
            or (c.dep_ == "prep" and c.lower_ == "by")
            for c in trigger.children
        )
    told = direct_object(trigger) if trigger.pos_ in {"VERB", "AUX"} else None
    return frame.cameo[:3] == "036" and told is not None and told.lemma_.lower() == "mediator"


def complement_effect(verb: Token, lemma: str, lexicon: Lexicon) -> str | None:
    """What a complement verb does to its complement: "wants to build" is a plan, "wants
    Germany to pay" a request of Germany."""
    effect = lexicon.complement_verbs.get(lemma)
    if lemma in lexicon.words("wanting_verbs"):
        told = direct_object(verb)
        if told is not None and actorlike(told) and told not in subjects_of(verb):
            return "request"
    return effect


def _light_verb(noun: Token) -> Token:
    """The verb whose object the event noun is, through a quantity or a coordination: "will
    send 500 tons of aid", "will impose asset freezes and travel bans" (the verb's tense and
    modals are the event's)."""
    node = noun.head
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        counted = node.lower_ == "of" and node.dep_ == "prep"
        listed = node.pos_ in {"NOUN", "PROPN", "NUM"} and node.dep_ in {"conj", "dobj", "attr"}
        if not (counted or listed):
            return noun.head
        node = node.head
    return node


def _clause_modality(frame: Frame, verb: Token, lexicon: Lexicon) -> None:
    if attempted_killing(frame.cameo, verb):
        # "an attempt to assassinate the governor": the attempt was made (CAMEO 185)
        frame.cameo = "185"
        frame.notes.append(f"attempted: '{verb.head.text}'")
    elif (
        verb.dep_ in {"advcl", "acl", "relcl"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not _misparsed_infinitive(verb, lexicon)
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
        elif child.dep_ == "mark" and lower == "whether" and verb.dep_ in {"ccomp", "xcomp"}:
            frame.unreal.add("question")  # "undecided whether to send troops": an open question
            frame.notes.append("an open question")
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


def attempted_killing(cameo: str, verb: Token) -> bool:
    """ "an attempt to assassinate X", "a bid to kill the president": the infinitive of an
    attempt noun names an assassination."""
    return (
        cameo in {"185", "186"}
        and verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and verb.head.lemma_.lower() in word_class("attempt_nouns")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


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


def _misparsed_infinitive(node: Token, lexicon: Lexicon) -> bool:
    """ "have sworn to fight until they win", "moved swiftly to expel the envoy": an
    infinitive right after a verb that takes one as its complement (an adverb or a date
    between them), parsed as a purpose clause, is that complement."""
    head = node.head
    effect = lexicon.complement_verbs.get(head.lemma_.lower())
    if (
        node.dep_ != "advcl"
        or head.i == node.i
        or head.pos_ not in {"VERB", "AUX"}
        or effect not in {"intent", "threaten", "refuse", "negate", "attempt"}
        or any(c.dep_ in {"dobj", "dative"} for c in head.children)  # "moved troops to ..."
    ):
        return False
    to = next((c for c in node.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return (
        to is not None
        and to.i > head.i
        and all(_incidental(t, head) for t in head.doc[head.i + 1 : to.i])
    )


def _incidental(token: Token, verb: Token) -> bool:
    """An adverb or a time phrase of ``verb``: "moved quickly", "moved on Monday"."""
    if token.pos_ == "ADV" and token.head.i == verb.i:
        return True
    node = token
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    objects = [c for c in node.children if c.dep_ == "pobj"]
    return (
        node.dep_ == "prep"
        and node.head.i == verb.i
        and bool(objects)
        and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)
    )


def _for_clause(node: Token) -> bool:
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in node.children
    )


def _purpose(verb: Token) -> bool:
    return verb.dep_ in {"advcl", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def obligation(verb: Token) -> bool:
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


def apply_effect(frame: Frame, effect: str, verb: Token, lexicon: Lexicon) -> None:
    root = frame.cameo[:2]
    if (
        effect == "intent"
        and frame.kind == "complement"
        and root in {"02", "10"}
        and verb.lemma_.lower() in lexicon.words("acceding_verbs")
    ):
        # "agreed to the strikers' demands": a demand agreed to is acceded to, not a promise
        frame.cameo = "083"
        frame.notes.append(f"acceded '{verb.text}'")
        return
    if effect == "intent":
        frame.future = True
        if root in {"01", "02", "09", "10", "11", "12"}:
            return  # "will condemn", "will appeal": an announced statement keeps its code
        joint = root == "15" and verb.lemma_.lower() == "agree" and several(frame.actors)
        if joint:
            # "Belarus and Russia agreed to deploy a joint force": an agreement between them
            frame.cameo = lexicon.stance("intent", "06")
        elif int(root) >= 14 or root == "13":
            frame.cameo = lexicon.stance("threat", frame.cameo)
        elif int(root) <= 8:
            frame.cameo = lexicon.stance("intent", frame.cameo)
            if _accepts_mediation(frame):
                frame.cameo = "038"  # "agreed to Kenyan mediation", "would meet the mediator"
        if not several(frame.actors):
            frame.symmetric = False  # "offered to negotiate with X", "will meet X": one side
        elif verb.lemma_.lower() in lexicon.symmetric and not any(
            named(t) for t in frame.recipients
        ):
            # "Russia and Ukraine agreed to exchange prisoners": each agrees with the other
            frame.symmetric = True
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
    elif effect == "attempt" and frame.cameo == "186" and verb.lemma_.lower() in {"try", "attempt"}:
        frame.cameo = "185"  # "tried to assassinate": an attempted assassination
        frame.notes.append(f"attempted '{verb.text}'")
    elif effect == "attempt" and (frame.cameo == "057" or frame.cameo[:2] == "03"):
        frame.unreal.add("attempt")  # "trying to broker a deal": no deal yet
        frame.notes.append(f"only attempted: '{verb.text}'")
    elif effect == "negate":
        frame.negated = True
        frame.notes.append(f"negated by '{verb.text}'")
