"""Protests: whom they target and what they demand, read off the frames of the acts that
state their purpose ("rioted, demanding the resignation of X")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from accord.events.lexicon import Lexicon
from accord.events.owners import owners_of
from accord.events.phrases import actorlike, prep_objects, with_conjuncts, word_class

if TYPE_CHECKING:
    from accord.events.frame import Frame

# How a purpose or accompanying act hangs on the act it explains ("struck to protest X").
PURPOSE_DEPS = {"advcl", "xcomp", "acl", "prep", "pobj", "pcomp"}

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


def protest_aims(found: list[Frame]) -> None:
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


def without_riot_damage(found: list[Frame]) -> list[Frame]:
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


def protest_targets(found: list[Frame], lexicon: Lexicon) -> None:
    """A protest is against whoever its purpose names: "went on strike to protest Sweden's
    decision", "rioted, demanding the removal of President X"."""
    for frame in found:
        if any(actorlike(t) for t in frame.recipients) or frame.cameo[:2] != "14":
            continue
        clause = frame.trigger if frame.trigger.pos_ in {"VERB", "AUX"} else frame.trigger.head
        # "in protest against X", "in defiance of X": named outright, before any purpose
        target: list[Token] = _in_protest_against(frame.trigger, clause, lexicon)
        for other in [] if target else found:
            if other is not frame and other.recipients and _purpose_of(frame, other):
                target = list(other.recipients)
                frame.notes.append(f"target from '{other.trigger.text}'")
                break
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
                lemma = noun.lemma_.lower()
                if lemma not in lexicon.words("protest_nouns") and lemma not in word_class(
                    "defiance_nouns"
                ):
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
