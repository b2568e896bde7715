"""Arguments of event predicates read off the dependency parse: subjects (inherited through
complements and relative clauses) and recipients (objects, recipient prepositions, owners and
authors, the targets of shows of force and of concessions).
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.events.lexicon import Lexicon, Sense
from accord.events.owners import REACTION_ROOTS, authors_of, event_noun, named_authors, owners_of
from accord.events.phrases import (
    actorlike,
    agent_nouns,
    bare_agent,
    direct_object,
    named,
    named_by_modifier,
    named_modifiers,
    own_agent,
    prep_objects,
    prep_recipients,
    through_quantity,
    with_conjuncts,
    word_class,
)

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
INHERIT_SUBJECT_DEPS = {"xcomp", "conj", "advcl", "acl", "acomp"}


def subjects_of(verb: Token) -> list[Token]:
    """Subject heads of a verb, inherited through xcomp, conj, advcl and relative clauses."""
    seen, via = 0, ""
    while seen < 6:
        seen += 1
        subjects = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in with_conjuncts(c)]
        # "The Red Cross operating in Iraq said": a participle parsed as the subject
        subjects = [
            next((g for g in t.children if g.dep_ == "nsubj"), t)
            if t.pos_ == "VERB" and t.tag_ == "VBG"
            else t
            for t in subjects
        ]
        if not subjects and (via == "conj" or _acting_passive(verb, via)):
            # "was indicted by the court and will resign": who was indicted resigns;
            # "is committed to holding talks": who is committed holds them
            patients = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            subjects = [t for c in patients for t in with_conjuncts(c)]
        if subjects:
            subjects = [_members(t) for t in subjects]
            if subjects[0].lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                author = _author_verb(verb.head)
                if author is not None:
                    via, verb = "", author
                    continue
                return with_conjuncts(verb.head)
            return subjects
        agents = [t for c in verb.children if c.dep_ == "agent" for t in prep_objects(c)]
        if agents:
            return agents
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBN"}):
            author = _author_verb(verb.head) if verb.tag_ != "VBN" else None
            if author is not None:
                via, verb = "", author  # "issued a statement condemning X": the issuer
                continue
            return with_conjuncts(verb.head) if verb.head.pos_ in {"NOUN", "PROPN"} else []
        if (
            (verb.dep_ == "pcomp" or (verb.dep_ == "pobj" and verb.tag_ == "VBG"))
            and verb.head.dep_ == "prep"
            and verb.head.lower_ in {"to", "on", "in", "by"}
            and verb.head.head.pos_ == "VERB"
        ):
            # "resorted to throwing stones", "insisted on meeting": the verb's subject acts
            via, verb = "complement", verb.head.head
            continue
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in word_class("causative_verbs"):
            # "permitted the UN to deliver aid": the one permitted acts
            allowed = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if allowed:
                return with_conjuncts(allowed[0])
        if verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head.i != verb.i:
            # "were killed or wounded" shares the passive; "was indicted and will resign" not
            via = "conj" if verb.dep_ == "conj" and verb.tag_ != "VBN" else ""
            verb = verb.head
            continue
        return []
    return []


def _acting_passive(verb: Token, via: str) -> bool:
    """ "is committed to holding talks", "were engaged in fighting": reached from the
    complement, with no agent, the passive's subject acts."""
    return (
        via == "complement"
        and verb.lemma_.lower() in word_class("acting_passives")
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _members(noun: Token) -> Token:
    """ "the first deployment of NATO troops arrived", "a contingent of 300 Indian
    peacekeepers": a collective or partitive head acts through its members."""
    collectives = word_class("armed_units") | word_class("quantity_nouns")
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in collectives:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for member in prep_objects(prep):
                if member.pos_ == "NOUN" and member.lower_ in agent_nouns():
                    return member
    return noun


def _author_verb(noun: Token) -> Token | None:
    """The verb whose subject issues or stages a statement or collective action: "issued a
    declaration demanding", "converged on the capital for a rally to protest"."""
    if noun.lemma_.lower() not in word_class("authored_nouns"):
        return None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in word_class("authoring_verbs"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def reporting_subject(token: Token, lexicon: Lexicon) -> bool:
    """The token names the source of a trailing reporting clause (", Dutch Foreign Minister
    X said on Tuesday"), however the parse hangs it: a source, never a party."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i
    if start == 0 or doc[start - 1].text not in {",", "--", "\u2014"}:
        return False
    # a name the parser split ("Hans Van den Broek said") may leave a word or two between
    for word in doc[end + 1 : end + 4]:
        if word.is_punct:
            return False
        if word.pos_ == "VERB" and word.lemma_.lower() in lexicon.speech_verbs:
            return True
    return False


def recipients_of(verb: Token, sense: Sense, lexicon: Lexicon) -> list[Token]:
    """Whom a verb's event is done to: its object, a recipient preposition, the owner or
    author of what it acts on, or the party its clause names."""
    return [t for t in _recipients_of(verb, sense, lexicon) if not reporting_subject(t, lexicon)]


def _recipients_of(verb: Token, sense: Sense, lexicon: Lexicon) -> list[Token]:
    root = sense.cameo[:2]
    particle = sense.particle
    told = direct_object(verb)
    if root == "11" and (told is None or not actorlike(told)):
        # "complained to the UN over Israeli air raids": the complaint is about Israel
        about = [
            t
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in {"over", "about"}
            for noun in prep_objects(prep)
            for t in ([noun] if actorlike(noun) else owners_of(noun, root, lexicon))
        ]
        if about:
            return about
    if particle:
        preps = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ == particle]
        for prep in preps:
            objs = prep_objects(prep)
            if objs and not any(actorlike(t) for t in objs):
                # "hacked into the computers of South Korean officers"
                objs = [t for noun in objs for t in owners_of(noun, root, lexicon)] or objs
            if objs and not any(actorlike(t) for t in objs):
                # "asked for military aid from Britain": the thing asked for is no party
                told = direct_object(verb)  # "asked the EU for aid"
                others = [told] if told is not None and actorlike(told) else []
                # "insisted on its demands that the government grant more rights"
                others = others or [
                    t
                    for noun in objs
                    for clause in noun.children
                    if clause.dep_ in {"acl", "ccomp"}
                    for t in subjects_of(clause)
                    if actorlike(t) and t.head.i == clause.i
                ]
                others = others or [t for t in prep_recipients(verb, lexicon, ()) if actorlike(t)]
                # "reneged on his promise to the Zambian people", "to" parsed as a dative
                others = others or [
                    t
                    for c in verb.children
                    if c.dep_ == "dative" and c.pos_ == "ADP"
                    for t in prep_objects(c)
                    if actorlike(t)
                ]
                objs = others or objs
            if objs:
                return authors_of(objs, root)
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            return with_conjuncts(child)  # "gave the Ivory Coast $5 million"
        if child.dep_ == "dative" and child.pos_ == "ADP":
            given = [t for t in prep_objects(child) if actorlike(t)]  # "to" parsed as dative
            if given:
                return given
    # the forces a side mobilises or deploys are not its target
    own_means = root == "15" or sense.cameo[:3] == "087"  # deployed or withdrawn forces
    obj = None if own_means else direct_object(verb) or _object_after_as(verb)
    if obj is not None and (
        (bare_agent(obj) and verb.lemma_.lower() in word_class("means_verbs")) or own_agent(obj)
    ):
        # "contributed 500 troops to the UN force", "reopened their embassies": own means
        obj = None
    # "condemned the attack on its embassy": the subject's own people are not the other side,
    # though a "by" hung on them still names the attacker ("on its embassy by militants")
    found = [
        t
        for held in prep_recipients(verb, lexicon, sense.preps)
        for t in (
            [
                hand
                for c in held.children
                if c.dep_ == "prep" and c.lower_ == "by"
                for hand in prep_objects(c)
                if actorlike(hand)
            ]
            if own_agent(held)
            else [held]
        )
    ]
    if (
        root in REACTION_ROOTS
        and obj is not None
        and obj.pos_ == "NOUN"
        and obj.lower_ not in agent_nouns()
        and any(actorlike(t) for t in found)
    ):
        # "accepted the EU's proposal on Kosovo": the proposal's author, not its topic; an
        # act's "from" is where it starts ("the withdrawal of X from Y")
        stated = obj.lemma_.lower() in (
            lexicon.request_nouns | lexicon.intent_nouns | word_class("authored_nouns")
        )
        authors = [
            t
            for t in named_authors(obj, root)
            if actorlike(t)
            and t.pos_ != "PRON"
            and (stated or t.head.dep_ != "prep" or t.head.lower_ == "by")
        ]
        if authors:
            return authors
    counted = None if obj is None else through_quantity(obj)
    if not found and counted is not None and counted is not obj:
        if named_by_modifier(counted) and obj is not None and not actorlike(obj):
            # "captured part of a rebel stronghold near the border": whose stronghold
            return authors_of(with_conjuncts(counted), root)
        # "suspended a range of sanctions on Syria"
        found = [
            t
            for c in counted.children
            if c.dep_ == "prep" and c.lower_ in (sense.preps or lexicon.recipient_preps)
            for t in prep_objects(c)
            if actorlike(t)
        ]
    if (
        not found
        and not sense.preps
        and benefits(sense.cameo)  # aid given or cut
        and (obj is None or not actorlike(obj))
    ):
        found = prep_recipients(verb, lexicon, ("for",))  # "provided aid for Romania"
        if not found and obj is not None:
            found = beneficiaries(obj)  # "pledged 500 million euros in aid for Ukraine"
    # a named object wins; a thing merely modified by a name ("the Torkham border crossing
    # with Afghanistan") yields to a named prepositional object, and a bare agent noun
    # ("shared intelligence with Iraqi security services") to a qualified one
    weaker = (
        obj is not None
        and bare_agent(obj)
        and any(actorlike(t) and not bare_agent(t) for t in found)
    )
    if (
        obj is not None
        and actorlike(obj)
        and not weaker
        and (named(obj) or not any(named(t) for t in found))
    ):
        if bare_agent(obj):
            # "demolished the homes of two Palestinians": whose homes
            whose = [
                t
                for prep in obj.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for t in prep_objects(prep)
                if actorlike(t) and not bare_agent(t)
            ]
            if whose:
                return whose
        return named_modifiers(obj) or with_conjuncts(obj)
    owners = [] if obj is None or actorlike(obj) else owners_of(obj, root, lexicon)
    if not owners and obj is not None and verb.lemma_.lower() in word_class("causative_verbs"):
        # "allowed the return of UN inspectors": the ones let in or let act
        owners = [
            t
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in prep_objects(c)
            if actorlike(t)
        ]
    if owners and obj is not None and event_noun(obj, lexicon):
        return owners  # "demanded the removal of X", "tightened the blockade of X"
    if (
        (root in {"13", "16"} or sense.cameo[:3] == "172")
        and not owners
        and obj is not None
        and not actorlike(obj)
        and not any(actorlike(t) for t in found)
    ):
        # "imposed visa restrictions for Russian diplomats", "restrictions on its labour
        # market for workers from the new member states": whom the restriction is for
        aimed = [t for t in prep_recipients(verb, lexicon, ("for",)) if actorlike(t)]
        aimed = aimed or beneficiaries(obj, *found)
        if aimed:
            return aimed
    if not owners and found and not any(actorlike(t) for t in found):
        # "hacked into the computers of South Korean officers"
        owners = [t for noun in found for t in owners_of(noun, root, lexicon)]
    if found and (any(actorlike(t) for t in found) or not owners):
        return authors_of(found, root)
    if owners:
        return owners  # "protested Sweden's decision"
    if root == "15":
        # "mobilized reservists for a possible war against Iraq"
        means = direct_object(verb)
        for prep in [*verb.children, *(means.children if means is not None else ())]:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for noun in prep_objects(prep):
                    aimed = [
                        t
                        for c in noun.children
                        if c.dep_ == "prep" and c.lower_ in {"against", "with", "on"}
                        for t in prep_objects(c)
                        if actorlike(t)
                    ]
                    if aimed:
                        return aimed
        aimed = _aimed_at(verb, means)
        if aimed:
            return aimed
    if root in {"02", "10", "11", "12", "13"}:
        # "demanded that the US cancel", "warned that Iran would": the clause's subject
        for child in verb.children:
            if child.dep_ == "ccomp" and (subjects := subjects_of(child)):
                return subjects
    if root in {"08", "12"} and (obj is None or not actorlike(obj)):
        pressing = _pressing(verb, lexicon)
        if pressing:
            return pressing
    if sense.cameo[1:] in DOMESTIC_RESTRICTIONS and obj is not None and not actorlike(obj):
        # "lifted the curfew imposed in Dhaka": a curfew or emergency is on the country
        # where it holds, however deep the parse names it
        held = [
            t
            for prep in obj.subtree
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for t in prep_objects(prep)
            if t.ent_type_ == "GPE"
        ]
        if held:
            return held[:1]
    if obj is None:
        # "donated and delivered medicine to the hospital": the object and its recipient
        # are written once, on the second verb
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and direct_object(conj) is not None:
                shared = [t for t in prep_recipients(conj, lexicon, ("to",)) if actorlike(t)]
                if shared:
                    return shared
        return []
    # "provided photographs and military intelligence": things given are no recipient
    return authors_of(
        [t for t in with_conjuncts(obj) if t.lower_ not in word_class("not_people")], root
    )


# Curfews, states of emergency and martial law imposed (172x), threatened (132x) or eased
# (081x): the last three digits of their codes.
DOMESTIC_RESTRICTIONS = {"723", "724", "323", "324", "813", "814"}


def _pressing(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Whom a concession or a refusal answers when it names no one else: "declined to resign
    despite pressure from the opposition", "resigned under pressure from the army", "called
    off the strike after talks with the government"."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for clause in clauses:
        for prep in clause.children:
            if prep.dep_ != "prep":
                continue
            word = prep.lower_
            for noun in prep_objects(prep):
                if word in {"despite", "under"} or (
                    word in {"after", "following"} and noun.lemma_.lower() in lexicon.symmetric
                ):
                    sides = {"with"} if word in {"after", "following"} else {"by", "from", "of"}
                    named = [
                        t
                        for c in noun.children
                        if c.dep_ == "prep" and c.lower_ in sides
                        for t in prep_objects(c)
                        if actorlike(t)
                    ]
                    named = named or [
                        t
                        for c in noun.children
                        if c.dep_ == "poss" and c.pos_ != "PRON"
                        for t in with_conjuncts(c)
                        if word != "after"
                    ]
                    if named:
                        return named
    return []


def _aimed_at(verb: Token, means: Token | None) -> list[Token]:
    """Whom a show of force is aimed at, named under the forces or the verb: "trained hackers
    capable of launching attacks against Israel", "massed troops on the border with India"."""
    background = word_class("background_preps")  # "after attacks against its embassy"
    holders = [c for c in verb.children if c.dep_ == "prep" and c.lower_ not in background]
    holders += [means] if means is not None else []
    for holder in holders:
        for token in holder.subtree:
            if token.dep_ != "prep" or token.lower_ not in {"against", "with"}:
                continue
            if token.lower_ == "with" and token.head.lemma_.lower() not in {"border", "frontier"}:
                continue
            aimed = [t for t in prep_objects(token) if actorlike(t)]
            if aimed:
                return aimed
    return []


# Cooperation, support and aid are given "for" someone as well as "to" them.
BENEFIT_ROOTS = {"03", "05", "06", "07"}


def benefits(cameo: str) -> bool:
    """Codes whose recipient may be named by "for": aid, support and cooperation given, and
    aid cut off (162)."""
    return cameo[:2] in BENEFIT_ROOTS or cameo[:3] == "162"


def beneficiaries(*holders: Token) -> list[Token]:
    """The first party named by a "for" phrase anywhere under the holders: "pledged 500
    million euros in aid for Ukraine", "to provide 70 million dollars of aid for Chad and
    Niger"; a time or a purpose ("for two years", "for reconstruction") is none."""
    for holder in holders:
        for prep in holder.subtree:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                found = [t for t in prep_objects(prep) if actorlike(t)]
                if found:
                    return found
    return []


def _object_after_as(verb: Token) -> Token | None:
    """ "denounced as a crime Serbia's suppression of the unrest": the object, parsed as an
    apposition inside the "as" phrase."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for pobj in prep.children:
                for child in pobj.children:
                    if child.dep_ == "appos":
                        return child
    return None


def _first_named_party(clause: Token, lexicon: Lexicon) -> list[Token]:
    """The first actor a clause names as a party (object, prepositional object or owner),
    places excepted."""
    for token in clause.subtree:
        if token.pos_ == "PRON" or token.i == clause.i:
            continue
        place = token.dep_ == "pobj" and token.head.lower_ in {"in", "at", "near", "outside"}
        if place or token.dep_ not in {"dobj", "pobj", "poss"}:
            continue
        if actorlike(token) and not bare_agent(token):
            return [token]
    return []


def purpose_clause(token: Token) -> bool:
    """ "opened fire to disperse the demonstrators": an infinitive of purpose."""
    return (
        token.dep_ == "advcl"
        and token.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def complement_recipients(verb: Token, root: str, lexicon: Lexicon) -> list[Token]:
    """Whom an uncoded complement acts on, for the verb that frames it: "threatened to deliver
    blows to the United States", "refused to allow UN planes to land", "threatened to resume
    attacks in Israel" (a country where the act would happen)."""
    return [
        t for t in _complement_recipients(verb, root, lexicon) if not reporting_subject(t, lexicon)
    ]


def _complement_recipients(verb: Token, root: str, lexicon: Lexicon) -> list[Token]:
    for child in verb.children:
        complement = child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}
        if not complement and not purpose_clause(child):
            continue
        obj = direct_object(child)
        # "ready to contribute 4,000 troops": forces given are the means, not the target
        means = (
            child.lemma_.lower() in word_class("means_verbs")
            and obj is not None
            and bare_agent(obj)
        )
        # "agreed to reopen their embassies": their own
        own = obj is not None and own_agent(obj)
        if obj is not None and actorlike(obj) and not means and not own:
            return with_conjuncts(obj)
        found = prep_recipients(child, lexicon, ())
        if any(actorlike(t) for t in found):
            return found
        owners = [] if obj is None else owners_of(obj, root, lexicon)
        owners += [t for t in authors_of(found, root) if actorlike(t)]
        if obj is None:  # "refused to allow UN planes to land": who was to be allowed
            for inner in child.children:
                if inner.dep_ not in {"ccomp", "xcomp"} or inner.pos_ not in {"VERB", "AUX"}:
                    continue
                # its own subject, not one inherited from the clause above
                named = [t for t in inner.children if t.dep_ == "nsubj" and actorlike(t)]
                aimed = direct_object(inner)  # "to help defend Kuwait"
                if not named and aimed is not None and actorlike(aimed):
                    named = [aimed]
                owners += named
        if owners:
            return owners
        if root == "14":
            # a protest's purpose names its target: "blocked roads to press demands for
            # reform from President X's government", "to show anger at the US"
            named = _first_named_party(child, lexicon)
            if named:
                return named
        for holder in (child, obj, *found):
            for prep in holder.children if holder is not None else ():
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    places = [t for t in prep_objects(prep) if t.ent_type_ == "GPE"]
                    if places:
                        return places
    return []
