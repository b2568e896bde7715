"""Arguments of event predicates read off the dependency parse: subjects (inherited through
complements and relative clauses), objects, recipient prepositions, and the authors of things
("a proposal by France").
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from accord.actors.dictionary import AGENTS_FILE, DATA_DIR
from accord.events.lexicon import Lexicon, Sense

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
# Reactions to someone's proposal, demand or statement: the object's author is the recipient
# ("rejected a proposal by France", "welcomed Iran's offer").
REACTION_ROOTS = {"02", "03", "05", "08", "10", "11", "12"}
INHERIT_SUBJECT_DEPS = {"xcomp", "conj", "advcl", "acl", "acomp"}
# Dependents that never qualify a noun as an actor's: function words and clauses.
NOT_MODIFIERS = {"prep", "punct", "cc", "case", "det", "acl", "relcl", "advmod"}


def _words(name: str) -> frozenset[str]:
    """A closed word class of the bundled lexicon, for rules that are not handed one."""
    return Lexicon.load().words(name)


def through_quantity(noun: Token) -> Token:
    """ "thousands of soldiers" -> "soldiers": the counted noun decides the sense."""
    if noun.lemma_.lower() in _words("quantity_nouns") or noun.pos_ == "NUM":
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
    return noun


def named(token: Token) -> bool:
    """The token itself names a person, group or place, or is a pronoun."""
    return token.pos_ in {"PROPN", "PRON"} or token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}


@functools.cache
def _agent_nouns() -> frozenset[str]:
    """One-word agents of the actor dictionary ("police", "workers", "rebels")."""
    words: set[str] = set()
    with (DATA_DIR / AGENTS_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            words.update(t for t in line.split("\t", 1)[0].split("|") if " " not in t)
    return frozenset(words - _words("not_people"))


def _own_agent(token: Token) -> bool:
    """ "their embassies", "its troops": the subject's own people, not another side."""
    return token.lower_ in _agent_nouns() and any(
        c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in token.children
    )


def _bare_agent(token: Token) -> bool:
    """A generic agent noun with no name or nationality: "troops", "4,000 soldiers"."""
    return (
        token.pos_ == "NOUN"
        and token.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"}
        and token.lower_ in _agent_nouns()
        and not any(
            c.ent_type_ in {"GPE", "NORP", "ORG"} or c.dep_ == "poss" or c.pos_ == "PROPN"
            for c in token.children
        )
    )


def actorlike(token: Token) -> bool:
    """A rough, parse-only test that a noun phrase names a political actor."""
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    if token.pos_ == "NOUN" and token.lower_ in _agent_nouns():
        return True  # "pressured the workers", "dispersed the demonstrators"
    if token.pos_ == "PRON" and token.lower_ not in {"it", "this", "that", "what"}:
        return True
    # "Ugandan candidates", "South Korean army officers"; a preposition inside a name that
    # follows ("demands from the National Union for the Independence of X") is no modifier
    own = [c for c in token.children if c.dep_ not in NOT_MODIFIERS]
    modifiers = [c for c in own if c.dep_ in {"amod", "compound", "nmod"}]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in {"amod", "compound"}]
    return token.pos_ == "PROPN" or any(
        c.ent_type_ in {"GPE", "NORP", "ORG"} for c in [*own, *modifiers]
    )


def several(heads: list[Token]) -> bool:
    """More than one side: "France and Egypt", "French and Egyptian warships"."""
    return len(heads) > 1 or any(
        c.dep_ in {"amod", "compound"} and any(g.dep_ == "conj" for g in c.children)
        for t in heads
        for c in t.children
    )


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts] if token.conjuncts else [token]


NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def prep_objects(prep: Token) -> list[Token]:
    """Objects of a preposition, without times and amounts ("on Tuesday", "by 50 percent")."""
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if not objs and prep.pos_ == "ADP":
        objs = _stranded_object(prep)
    return [t for c in objs if c.ent_type_ not in NOT_PARTICIPANTS for t in with_conjuncts(c)]


def _stranded_object(prep: Token) -> list[Token]:
    """ "granted asylum to five army officers holed up in the embassy": the noun after a
    preposition left without an object, parsed as the subject of the reduced clause that
    follows it."""
    following = prep.nbor() if prep.i + 1 < len(prep.doc) else None
    if following is None or following.is_punct:
        return []
    for token in prep.sent:
        if (
            token.left_edge.i == following.i
            and token.dep_ in {"nsubj", "nsubjpass"}
            and token.pos_ in {"NOUN", "PROPN"}
            and token.head.dep_ in {"advcl", "relcl", "ccomp", "conj", "acl"}
        ):
            return [token]
    return []


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
        if not subjects and via == "conj":
            # "was indicted by the court and will resign": who was indicted resigns
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
            verb.dep_ == "pcomp"
            and verb.head.dep_ == "prep"
            and verb.head.lower_ in {"to", "on", "in", "by"}
            and verb.head.head.pos_ == "VERB"
        ):
            # "resorted to throwing stones", "insisted on meeting": the verb's subject acts
            via, verb = "", verb.head.head
            continue
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _words("causative_verbs"):
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


def _members(noun: Token) -> Token:
    """ "the first deployment of NATO troops arrived", "a contingent of 300 Indian
    peacekeepers": a collective or partitive head acts through its members."""
    collectives = _words("armed_units") | _words("quantity_nouns")
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in collectives:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for member in prep_objects(prep):
                if member.pos_ == "NOUN" and member.lower_ in _agent_nouns():
                    return member
    return noun


def _author_verb(noun: Token) -> Token | None:
    """The verb whose subject issues or stages a statement or collective action: "issued a
    declaration demanding", "converged on the capital for a rally to protest"."""
    if noun.lemma_.lower() not in _words("authored_nouns"):
        return None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _words("authoring_verbs"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            return _noun_of_participle(child)
    # "allowed candidate Ouattara to participate", "urged the rebels to disarm", parsed with
    # the one allowed or urged as the subject of the complement
    causative = verb.lemma_.lower() in _words("causative_verbs")
    for child in verb.children:
        # "pushed for Germany to back the plan": a "for" clause's subject
        for_clause = child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in child.children
        )
        if child.dep_ not in {"ccomp", "xcomp"} and not for_clause:
            continue
        if (
            causative
            or for_clause
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            for subject in child.children:
                if subject.dep_ == "nsubj" and subject.i < child.i:
                    return subject
    # "kidnapped up to 16 Russian advisers", parsed as a particle and a preposition
    for child in verb.children:
        if child.lower_ == "up" and child.dep_ in {"prt", "advmod", "prep"}:
            for prep in child.children:
                if prep.lower_ == "to":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in obj.children):
                            return obj
    return None


def _noun_of_participle(obj: Token) -> Token:
    """ "vetoed a UN resolution condemning the raid", parsed with the participle as the object
    and the noun as its compound: the noun is the object."""
    if obj.tag_ == "VBG":
        for child in obj.children:
            if child.dep_ == "compound" and child.pos_ in {"NOUN", "PROPN"} and child.i < obj.i:
                return child
    return obj


def _named_by_modifier(noun: Token) -> bool:
    """A thing named by whom it belongs to: "rebel positions", "a FARC stronghold", "Russia's
    assets"."""
    return any(
        c.dep_ in {"compound", "amod", "nmod", "poss"}
        and c.pos_ != "PRON"
        and (
            c.ent_type_ in {"ORG", "GPE", "NORP"}
            or c.pos_ == "PROPN"
            or (c.pos_ == "NOUN" and c.lower_ in _agent_nouns())
        )
        for c in noun.children
    )


def _named_modifiers(noun: Token) -> list[Token]:
    """The bodies named as modifiers of a noun that is itself parsed as a modifier: "vetoed a
    Security Council resolution censuring X", with the participle as the object's head."""
    if noun.dep_ != "compound" or noun.pos_ != "NOUN":
        return []
    return [
        c
        for c in noun.children
        if c.dep_ in {"compound", "amod", "nmod"} and c.ent_type_ in {"ORG", "GPE", "NORP"}
    ]


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
        (_bare_agent(obj) and verb.lemma_.lower() in _words("means_verbs")) or _own_agent(obj)
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
            if _own_agent(held)
            else [held]
        )
    ]
    if (
        root in REACTION_ROOTS
        and obj is not None
        and obj.pos_ == "NOUN"
        and obj.lower_ not in _agent_nouns()
        and any(actorlike(t) for t in found)
    ):
        # "accepted the EU's proposal on Kosovo": the proposal's author, not its topic; an
        # act's "from" is where it starts ("the withdrawal of X from Y")
        stated = obj.lemma_.lower() in (
            lexicon.request_nouns | lexicon.intent_nouns | _words("authored_nouns")
        )
        authors = [
            t
            for t in _authors(obj, root)
            if actorlike(t)
            and t.pos_ != "PRON"
            and (stated or t.head.dep_ != "prep" or t.head.lower_ == "by")
        ]
        if authors:
            return authors
    counted = None if obj is None else through_quantity(obj)
    if not found and counted is not None and counted is not obj:
        if _named_by_modifier(counted) and obj is not None and not actorlike(obj):
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
        and _bare_agent(obj)
        and any(actorlike(t) and not _bare_agent(t) for t in found)
    )
    if (
        obj is not None
        and actorlike(obj)
        and not weaker
        and (named(obj) or not any(named(t) for t in found))
    ):
        if _bare_agent(obj):
            # "demolished the homes of two Palestinians": whose homes
            whose = [
                t
                for prep in obj.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for t in prep_objects(prep)
                if actorlike(t) and not _bare_agent(t)
            ]
            if whose:
                return whose
        return _named_modifiers(obj) or with_conjuncts(obj)
    owners = [] if obj is None or actorlike(obj) else owners_of(obj, root, lexicon)
    if not owners and obj is not None and verb.lemma_.lower() in _words("causative_verbs"):
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
        [t for t in with_conjuncts(obj) if t.lower_ not in _words("not_people")], root
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
    background = _words("background_preps")  # "after attacks against its embassy"
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


# Roots where a thing "of" someone stands for them: support for "the rights of X"; force
# against "the offices of X", "the computers of X".
PROPERTY_ROOTS = {"05", "17", "18", "19", "20"}

# Roots where "the X of Y" names Y as the one acted on or asked to act: "demanded the
# withdrawal of Serbian forces", "rejected the demands of the rebels", "the blockade of Serbia".
OF_PATIENT_ROOTS = {
    "02",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "10",
    "12",
    "13",
    "15",
    "16",
    "17",
    "18",
    "19",
    "20",
}


def event_noun(noun: Token, lexicon: Lexicon) -> bool:
    """The noun names an act ("removal", "blockade", "decision"), not a thing."""
    lemma = noun.lemma_.lower()
    return lemma in lexicon.nouns or lemma in lexicon.patient_nouns


def owners_of(noun: Token, root: str, lexicon: Lexicon) -> list[Token]:
    """The actors a thing or act belongs to: its possessor ("Sweden's decision"), its author
    ("a plan by France") and, for acts done to someone, its "of" object ("the release of X")."""
    eventlike = event_noun(noun, lexicon)
    # a possessive pronoun mostly points back at the subject ("reaffirmed its support",
    # "withdrew its troops"), and "its neighbours" are not "it"
    out = [
        t
        for c in noun.children
        if c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in NOT_PARTICIPANTS
        for t in with_conjuncts(c)
    ]
    preps = {"by"}
    if (root in OF_PATIENT_ROOTS and eventlike) or root in PROPERTY_ROOTS:
        preps.add("of")  # "defended the right of Russian troops", "the offices of the PLO"
    out += [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for t in prep_objects(c)
    ]
    if eventlike or any(event_noun(c, lexicon) for c in noun.children if c.dep_ == "compound"):
        # "suspended its mediation between Israel and Hamas", "mediation efforts among X",
        # "its mediation of talks between X and Y"
        talks = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in prep_objects(c)
            if event_noun(t, lexicon)
        ]
        out += [
            t
            for holder in (noun, *talks)
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ in {"between", "among"}
            for t in prep_objects(c)
        ]
    # "crimes committed by Croat forces"
    out += [
        t
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for c in acl.children
        if c.dep_ == "agent"
        for t in prep_objects(c)
    ]
    if root == "12" and not out and noun.lemma_.lower() in lexicon.intent_nouns:
        # "reneged on its promise to the Zambian people": a broken pledge is a refusal
        # towards whom it was made to
        out = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for t in prep_objects(c)
            if actorlike(t)
        ]
    # "Croat forces": a proper-name modifier the tagger left without an entity type
    if root in {"02", "10"} and eventlike and not out:
        # "called for sanctions against Nigeria", "demanded talks with the rebels"
        out = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in {"against", "on", "with", "to"}
            for t in prep_objects(c)
        ]
    return [t for t in out if actorlike(t) or any(c.pos_ == "PROPN" for c in t.children)]


def authors_of(nouns: list[Token], root: str) -> list[Token]:
    """For reactions, a thing stands for its author: "rejected a proposal by France",
    "welcomed Iran's offer", "conceded to demands from UNITA"."""
    if root not in REACTION_ROOTS:
        return nouns
    out: list[Token] = []
    for noun in nouns:
        named = _named_modifiers(noun)
        if named:
            out += named
            continue
        if actorlike(noun):
            out.append(noun)
            continue
        owners = _authors(noun, root)
        if not owners:
            owners = [
                t
                for c in noun.head.children
                if c.dep_ == "prep" and c.lower_ == "by" and noun.dep_ == "dobj"
                for t in prep_objects(c)
            ]
        out += owners or _invited_to(noun) or [noun]
    return out


def _authors(noun: Token, root: str) -> list[Token]:
    """Who a proposal, demand or statement is by: its possessor or its "by" or "from" phrase
    (for appeals and demands also "of": "the demands of the strikers")."""
    preps = {"by", "from", "of"} if root in {"02", "10"} else {"by", "from"}
    # "Sunday's decision", "last week's resolution": a date owns nothing
    owners = [
        t
        for c in noun.children
        if c.dep_ == "poss" and c.ent_type_ not in NOT_PARTICIPANTS
        for t in with_conjuncts(c)
    ]
    owners += [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for t in prep_objects(c)
    ]
    # "rejected rebel demands", "met the kidnappers' demands" written without the apostrophe
    return owners or [
        c for c in noun.children if c.dep_ in {"compound", "amod"} and c.lower_ in _agent_nouns()
    ]


def _invited_to(noun: Token) -> list[Token]:
    """An invitation or offer with no named author stands for whom it brings the invited
    side to: "accepted an invitation to visit Moscow", "declined an offer to attend a meeting
    of Arab foreign ministers"."""
    lexicon = Lexicon.load()
    gatherings = lexicon.symmetric
    clauses = [
        c
        for c in noun.children
        if c.dep_ in {"acl", "relcl"}
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    # "accepted a plan for ending the border war with Eritrea"
    clauses += [
        c
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in {"for", "on"}
        for c in prep.children
        if c.dep_ == "pcomp" and c.tag_ == "VBG"
    ]
    for clause in clauses:
        obj = direct_object(clause)
        if obj is None:
            # "a call for UN troops to be deployed in East Timor": where it would happen
            return [
                t
                for prep in clause.children
                if prep.dep_ == "prep" and prep.lower_ == "in"
                for t in prep_objects(prep)
                if t.ent_type_ == "GPE"
            ]
        if actorlike(obj) and not _bare_agent(obj) and not _own_agent(obj):
            return with_conjuncts(obj)
        # "rejected a call to send troops to Liberia"
        sent_to = [t for t in prep_recipients(clause, lexicon, ()) if actorlike(t)]
        if sent_to:
            return sent_to
        held = lexicon.nouns.get(obj.lemma_.lower())
        if obj.lemma_.lower() in gatherings or (held is not None and held.cameo[:2] == "04"):
            hosts = [c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            hosts += [
                t
                for c in obj.children
                if c.dep_ == "prep" and c.lower_ in {"of", "by"}
                for t in prep_objects(c)
            ]
            return [t for t in hosts if actorlike(t)]
    return []


def prep_recipients(verb: Token, lexicon: Lexicon, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the recipient prepositions on the verb or its object; a phrase that names
    an actor beats one that names a thing ("broke off relations with Congo over their ties")."""
    allowed = preps or lexicon.recipient_preps
    obj = direct_object(verb)
    # a clause, a modifier or a weapon is not a participant ("kept them from participating",
    # "attacked the tanker with missiles")
    candidates = [
        [
            t
            for t in prep_objects(child)
            if t.pos_ in NOMINAL and t.lower_ not in _words("not_people")
        ]
        for holder in (verb, *([] if obj is None else with_conjuncts(obj)))
        for child in holder.children
        if child.dep_ == "prep" and child.lower_ in allowed
    ]
    candidates = [c for c in candidates if c]
    for objs in candidates:
        if any(actorlike(t) for t in objs):
            return objs
    return candidates[0] if candidates else []


def _first_named_party(clause: Token, lexicon: Lexicon) -> list[Token]:
    """The first actor a clause names as a party (object, prepositional object or owner),
    places excepted."""
    for token in clause.subtree:
        if token.pos_ == "PRON" or token.i == clause.i:
            continue
        place = token.dep_ == "pobj" and token.head.lower_ in {"in", "at", "near", "outside"}
        if place or token.dep_ not in {"dobj", "pobj", "poss"}:
            continue
        if actorlike(token) and not _bare_agent(token):
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
            child.lemma_.lower() in _words("means_verbs") and obj is not None and _bare_agent(obj)
        )
        # "agreed to reopen their embassies": their own
        own = obj is not None and _own_agent(obj)
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
