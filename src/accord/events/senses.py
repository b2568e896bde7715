"""Which sense of a trigger word a predicate has: the verb's lemma, its particle and the
condition on its object; the event noun with its modifier."""

from __future__ import annotations

from spacy.tokens import Token

from accord.events.lexicon import Lexicon, Sense
from accord.events.phrases import actorlike, direct_object, prep_objects, through_quantity

ADVERB_PARTICLES = frozenset({"out", "off", "back", "down", "up", "over", "away", "forward"})


def verb_lemma(verb: Token, lexicon: Lexicon) -> str:
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


def light_noun(verb: Token, lexicon: Lexicon) -> bool:
    obj = direct_object(verb)
    return (
        verb_lemma(verb, lexicon) in lexicon.light_verbs
        and obj is not None
        and bool(noun_sense(obj, lexicon))
    )


def verb_sense(verb: Token, lexicon: Lexicon, obj: Token | None) -> Sense | None:
    senses = lexicon.verbs.get(verb_lemma(verb, lexicon))
    if not senses:
        return None
    # a particle, a preposition with a participant ("called on Iran", not "on Tuesday"), or a
    # bare preposition whose participant the parse hangs on the complement ("called on the
    # rebels to disarm", with the rebels as the complement's subject)
    particles: dict[str, list[Token]] = {}
    for c in verb.children:
        if (
            c.dep_ == "prt"
            or (c.dep_ in {"prep", "agent"} and (prep_objects(c) or not list(c.children)))
            # "walked out on Monday": a particle parsed as an adverb right after its verb
            or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in ADVERB_PARTICLES)
        ):
            # every one of a word: "engaged in ethnic cleansing in the north", where the
            # second "in" is only a place
            particles.setdefault(c.lower_, []).append(c)
    for clause in verb.children:
        if clause.dep_ == "advcl":
            for mark in clause.children:
                if mark.dep_ == "mark" and mark.lower_ == "for" and "for" not in particles:
                    particles["for"] = [mark]  # "pushed for Germany to back the plan"
    with_particle = [s for s in senses if s.particle and s.particle.split()[0] in particles]
    plain = [s for s in senses if not s.particle]
    for sense in with_particle + plain:
        word = (sense.particle or "").split(" ")[0]
        choices: list[Token | None] = [*particles.get(word, [])] or [None]
        for bare in choices:
            if _sense_holds(verb, sense, bare, obj, lexicon):
                return sense
    return None


def _sense_holds(
    verb: Token, sense: Sense, bare: Token | None, obj: Token | None, lexicon: Lexicon
) -> bool:
    """Whether ``sense`` holds of the verb with ``bare`` as its particle or preposition."""
    tested = obj
    if (
        bare is not None
        and bare.dep_ == "prep"
        and not list(bare.children)
        and obj is not None
        and bare.i < obj.i
    ):
        tested = None  # "called on Minister X to resign", X parsed as the object
    held = prep_objects(bare) if bare is not None and bare.dep_ == "prep" else []
    if tested is None and bare is not None and sense.when not in {None, "noobj"}:
        # "called for the withdrawal", "asked for military aid": what the particle takes
        objects = prep_objects(bare)
        tested = objects[0] if objects else None
    if condition_holds(sense.when, tested):
        return True
    named = sense.when not in {None, "noobj", "obj=actor", "obj=thing"}
    if named and held and condition_holds(sense.when, held[0]):
        return True  # "put X under investigation": what X is put under
    return named and tested is not None and _permitted(verb, tested, sense.when, lexicon)


def _permitted(verb: Token, party: Token, when: str | None, lexicon: Lexicon) -> bool:
    """ "allowed opposition leader X to hold a rally", "permitted the UN to deliver aid": what
    a causative verb lets its party do or have decides its sense, as its object would."""
    if verb.lemma_.lower() not in lexicon.words("causative_verbs"):
        return False
    if party.dep_ == "nsubj" and party.head.dep_ in {"ccomp", "xcomp"}:
        clause = party.head  # the party parsed as the complement's subject
    else:
        clause = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}), party)
    if clause.head.i != verb.i or clause.i < party.i:
        return False
    return condition_holds(when, clause) or condition_holds(when, direct_object(clause))


def condition_holds(when: str | None, obj: Token | None) -> bool:
    if when is None:
        return True
    if when == "noobj":
        # the subject of an infinitive complement is no direct object: "called on X to leave"
        return obj is None or obj.dep_ == "nsubj"
    if obj is None:
        return False
    obj = through_quantity(obj)
    if when == "obj=actor":
        return actorlike(obj)
    if when == "obj=thing":
        return not actorlike(obj)
    lemmas = set(when.removeprefix("obj=").split("|"))
    # "aerial photographs and military intelligence": any of the things given
    for thing in (obj, *obj.conjuncts):
        if thing.lemma_.lower() in lemmas or any(
            c.lemma_.lower() in lemmas for c in thing.children if c.dep_ in {"compound", "amod"}
        ):
            return True
    # "allowed the return of UN inspectors", "allowed the delivery of aid"
    if any(
        inner.lemma_.lower() in lemmas
        or any(c.lemma_.lower() in lemmas for c in inner.children if c.dep_ in {"compound"})
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for inner in prep.children
        if inner.dep_ == "pobj"
    ):
        return True
    # "rejected calls for a ceasefire", "accepted a proposal for talks": what is asked for
    return obj.lemma_.lower() in Lexicon.load().request_nouns and any(
        thing.lemma_.lower() in lemmas
        or any(c.lemma_.lower() in lemmas for c in thing.children if c.dep_ in {"compound", "amod"})
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for inner in prep.children
        if inner.dep_ == "pobj"
        for thing in (inner, *inner.conjuncts)
    )


def noun_sense(noun: Token, lexicon: Lexicon) -> Sense | None:
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ in {"compound", "amod"}:
            sense = lexicon.nouns.get(f"{child.lemma_.lower()} {lemma}")
            if sense:
                return sense
    if lemma in lexicon.words("labour_strike_nouns") and _labour_strike(noun, lexicon):
        return Sense(lemma, "143", None, (), None, "lexicon.yaml:labour_strike_verbs")
    return lexicon.nouns.get(lemma) or lexicon.nouns.get(noun.lower_)


def _labour_strike(noun: Token, lexicon: Lexicon) -> bool:
    """A bare "strike" that workers stage, go on or call is a labour strike, not an attack:
    "went on strike", "staged a strike", "are on strike"; "launched strikes" stays military."""
    if any(
        c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in {"hour", "day", "week"}
        for c in noun.children
    ):
        return True  # "a 48-hour strike", "a three-day strike": air strikes last no hours
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "on":
        return head.head.lemma_.lower() in {"go", "be", "remain", "stay", "come"}
    verb = head.head if noun.dep_ == "pobj" else head
    return noun.dep_ in {"dobj", "pobj", "nsubjpass"} and verb_lemma(
        verb, lexicon
    ) in lexicon.words("labour_strike_verbs")


def triggers(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` codes an event here: a matching sense, not just a known word."""
    if token.pos_ in {"VERB", "AUX"}:
        obj = direct_object(token)
        return verb_sense(token, lexicon, obj) is not None or light_noun(token, lexicon)
    return token.pos_ == "NOUN" and noun_sense(token, lexicon) is not None
