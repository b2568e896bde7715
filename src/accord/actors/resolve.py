"""Resolve noun phrases to actors: the public ``ActorResolver``.

The terms of the dictionaries are matched first (``terms``); each noun phrase is then resolved
from the terms inside it: a curated person or organisation, else a title or agent (``agents``,
``people``) with a nationality (``places``), else a country, capital or seat of power.
Pronouns, bare surnames and definite descriptions ("the minister") are linked to earlier
resolved actors (``coref``), all recorded in the document's ``DocActors`` (``state``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from accord.actors.agents import (
    ALLY_HEADS,
    ARMED_SECTORS,
    BODY_HEADS,
    FORCE_SECTORS,
    GENERIC_HEADS,
    GROUP_HEADS,
    KIN,
    PEOPLE_WORDS,
    QUANTITY_HEADS,
    SPEAKER_HEADS,
    UNIT_HEADS,
    behind_verb,
    implied,
    is_former,
    is_military_act,
    named_body,
    noun_of,
    role_applies,
)
from accord.actors.coref import (
    RECIPROCAL_NOUNS,
    counterpart_sector,
    definite_body,
    definite_country,
    definite_reference,
    predicate_of,
    pronoun,
    same_person,
    two_sides,
)
from accord.actors.dictionary import ActorDictionary
from accord.actors.people import People
from accord.actors.phrases import is_np_head, np_head, np_tokens, person_name, span_text
from accord.actors.places import (
    NO_NATIONALITY,
    PLACE_ENTS,
    PLACE_NOUNS,
    clause_place,
    home_country,
    homeland,
    in_place_phrase,
    is_backer,
    is_ethnic,
    located_in,
    named_place,
    nationality,
    place_slot,
)
from accord.actors.state import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    SUBJECTS,
    THING_PRONOUNS,
    DocActors,
    looks_personal,
)
from accord.actors.terms import (
    Hit,
    PlaceCountry,
    TermMatcher,
    actor_from_entry,
    closest,
    unique_hits,
)
from accord.domain import Actor

__all__ = ["ActorResolver", "DocActors"]

OWNED = "thing"
# Sectors of non-governmental bodies, and the reasons of a country the phrase does not give.
NGO_SECTORS = {"NGO", "HRI"}
NGO_BODIES = {
    "group",
    "agency",
    "organisation",
    "organization",
    "charity",
    "ngo",
    "nonprofit",
    "non-profit",
    "watchdog",
    "body",
}
LOCAL = {"local", "domestic", "grassroots"}
# Descriptions of a named group as an armed one ("the rebel UNITA movement", "its armed wing").
INSURGENT_SECTORS = {"REB", "SEP", "INS"}
# Verbs whose object is a place under attack ("shelled Juba"), not a party addressed.
ASSAULTED = {
    "shell",
    "bomb",
    "bombard",
    "blockade",
    "besiege",
    "storm",
    "raid",
    "rocket",
    "invade",
    "encircle",
    "surround",
    "overrun",
    "capture",
    "seize",
    "occupy",
}
TRAVEL = {"arrive", "travel", "fly", "return", "come", "go", "visit", "land", "stop", "head"}
ARMED_WORDS = {"armed", "military", "militarist", "militant", "paramilitary", "guerrilla"}
# Sectors of people who belong where they act: gunmen, kidnappers, militants and police with no
# nationality given are of the place of their act, not the text's country (a state's troops and
# envoys act abroad; civilians there are as often foreigners: tourists, hostages, passengers).
# Civilians who are where they live: "protesters marched in Tbilisi", "villagers in Helmand".
LOCAL_PEOPLE = {
    "protester",
    "protestor",
    "demonstrator",
    "marcher",
    "rioter",
    "villager",
    "resident",
    "inhabitant",
    "local",
    "striker",
}
RULERS = {"government", "authority", "regime", "administration"}
# "unidentified gunmen": of no known nationality, but not foreign to the place of their act.
UNIDENTIFIED = {"unidentified", "unknown", "masked"}
PLACE_BOUND = {"UAF", "CRM", "REB", "RAD", "INS", "SEP", "COP"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "conj"}


class ActorResolver:
    """Precompiled actor matcher for one spaCy vocabulary and one dictionary."""

    def __init__(
        self,
        nlp: Language,
        dictionary: ActorDictionary,
        *,
        place_country: PlaceCountry | None = None,
    ) -> None:
        """``place_country`` maps a place name to its country ("Darfur" -> "SDN"), for
        agents described by where they are ("rebels in Darfur")."""
        self.dictionary = dictionary
        self.place_country = place_country
        self.matcher = TermMatcher(nlp, dictionary, place_country=place_country)
        self.people = People(self.matcher.terms, dictionary)
        self.capital_of = {c.capital.lower(): c.code for c in dictionary.countries if c.capital}

    def analyse(self, doc: Doc, *, date: dt.date | None, dateline: str | None = None) -> DocActors:
        """Match terms and resolve every noun phrase of ``doc`` in reading order."""
        hits = self.matcher.hits(doc, date=date)
        by_token = {i: h for h in hits for i in range(h.start, h.end)}
        home = home_country(
            doc,
            hits,
            dateline,
            dictionary=self.dictionary,
            capital_of=self.capital_of,
            place_country=self.place_country,
        )
        named = {h.term.code for h in hits if h.term.code and h.term.kind != "agent"}
        reliable = home is not None and (dateline is not None or named == {home})
        state = DocActors(doc, hits, by_token, home, reliable)
        for token in doc:
            if is_np_head(token):
                actors = self._resolve_np(token, state, date=date)
                if actors:
                    state.resolved[token.i] = actors
                    for actor in actors:
                        if not actor.reason.startswith(OWNED):
                            state.history.append((token.i, actor))
        return state

    def actor_of(self, token: Token, state: DocActors) -> tuple[Actor, ...]:
        """The actors a token's noun phrase refers to (conjuncts are resolved separately)."""
        head = np_head(token)
        found = state.resolved.get(head.i, ())
        if found or token.dep_ not in MODIFIER_DEPS:
            return found
        # a nationality modifier ("Hungarian" in "Hungarian and Romanian officials")
        owner = token
        while owner.dep_ in MODIFIER_DEPS and owner.head.i != owner.i:
            owner = owner.head
        hit = state.by_token.get(token.i)
        candidates = state.resolved.get(np_head(owner).i, ())
        if hit is not None and hit.term.code:
            # a body named as a modifier keeps its sector ("Security Council" in "Security
            # Council members"); a country or demonym names a state, not a sector
            own = hit.term.sectors if hit.term.kind == "entry" else ()
            candidates = tuple(a for a in candidates if a.code == hit.term.code) or (
                Actor(
                    hit.term.code,
                    own[0] if own else None,
                    hit.term.name,
                    token.text,
                    own,
                    None,
                    f"{hit.term.kind} '{hit.term.name}' as modifier",
                ),
            )
        return candidates

    def _resolve_np(
        self, head: Token, state: DocActors, *, date: dt.date | None
    ) -> tuple[Actor, ...]:
        actors = self._resolve_phrase(head, state, date=date)
        if actors:
            # "calling it the most dangerous regime": the actor described, not a new one
            actors = predicate_of(head, state) or actors
        if (
            head.dep_ == "appos"
            and len(actors) == 1
            and actors[0].sector == "ELI"
            and (actors[0].role or "").startswith("former")
        ):
            # "the United Nations envoy, Ramtane Lamamra": the office the text gives now,
            # not the one the person left
            described = state.resolved.get(np_head(head.head).i, ())
            if len(described) == 1 and described[0].code and described[0].sector != "ELI":
                office = described[0]
                reason = f"{actors[0].reason}; now '{office.text}'"
                return (replace(office, name=actors[0].name, text=actors[0].text, reason=reason),)
        if actors and len(actors) == 1 and looks_personal(actors[0]) and is_former(head, state):
            # "former prime minister ...", "ousted President ...": no longer the government
            actor = actors[0]
            if actor.sector != "ELI" and not actor.reason.startswith("coreference"):
                role = actor.role if (actor.role or "").startswith("former") else None
                return (
                    replace(
                        actor,
                        sector="ELI",
                        sectors=("ELI",),
                        role=role or f"former {actor.role or 'office holder'}",
                        reason=f"{actor.reason}; former office holder -> ELI",
                    ),
                )
        return actors

    def _resolve_phrase(
        self, head: Token, state: DocActors, *, date: dt.date | None
    ) -> tuple[Actor, ...]:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
            return pronoun(head, state)
        core = np_tokens(head, with_of=False)
        titled = head.lemma_.lower() in GROUP_HEADS or any(
            state.by_token[i].term.kind == "title" for i in core if i in state.by_token
        )
        tokens = np_tokens(head, with_of=True) if titled else core
        text = span_text(head.doc, tokens)
        voice = noun_of(head, "for") if head.lemma_.lower() in SPEAKER_HEADS else None
        if voice is not None and not any(
            state.by_token[i].term.kind in {"country", "demonym", "capital", "entry"}
            for i in core
            if i in state.by_token
        ):
            # "a spokesman for the Taliban": the body's own voice, its code and sector
            found = self._resolve_np(voice, state, date=date)
            if len(found) == 1 and found[0].code:
                reason = f"{found[0].reason}; speaks for '{found[0].text}'"
                return (replace(found[0], name=text, text=text, role=None, reason=reason),)
        if head.lemma_.lower() in SPEAKER_HEADS and voice is None:
            # "the junta's spokesman", "the rebels' negotiator": the voice of a body, its code
            # and sector; a person's spokesman works for a government ("his spokesman")
            aside = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
            owners = [
                a for c in head.children if c.dep_ == "poss" for a in state.resolved.get(c.i, ())
            ]
            spoken = [
                i
                for i in core
                if i in state.by_token
                and i not in aside
                and state.by_token[i].term.kind in {"country", "demonym", "capital", "entry"}
            ]
            if (
                not spoken
                and len(owners) == 1
                and owners[0].code
                and owners[0].sector
                and not looks_personal(owners[0])
            ):
                voiced = owners[0]
                reason = f"{voiced.reason}; speaks for '{voiced.text}'"
                return (replace(voiced, name=text, text=text, role=None, reason=reason),)
        counted = noun_of(head, "of") if head.lemma_.lower() in QUANTITY_HEADS else None
        if counted is not None:
            # "a group of Yoruba leaders", "thousands of Hamas supporters": who is counted
            found = self._resolve_np(counted, state, date=date)
            if found:
                return tuple(replace(a, text=text) for a in found)
        unit = noun_of(head, "of") if head.lemma_.lower() in UNIT_HEADS else None
        if unit is not None and head.pos_ == "NOUN":
            # "a company of Dutch soldiers", "a platoon of marines": the force itself
            found = self._resolve_np(unit, state, date=date)
            if found and all(a.sector in FORCE_SECTORS for a in found):
                whole = span_text(head.doc, np_tokens(head, with_of=True))
                return tuple(replace(a, text=whole) for a in found)
        if text.lower() in RECIPROCAL_NOUNS or _strip_det(text.lower()) in RECIPROCAL_NOUNS:
            return two_sides(head, state)
        hits = unique_hits(state.by_token[i] for i in tokens if i in state.by_token)
        if not any(h.term.kind in {"entry", "country", "demonym", "capital", "seat"} for h in hits):
            named_before = definite_country(head, tokens, state)
            if named_before is not None:
                return (named_before,)
            body = definite_body(head, tokens, state)
            if body is not None:
                return (body,)
        entries = [h for h in hits if h.term.kind == "entry" and not behind_verb(head, h)]
        head_hit = state.by_token.get(head.i)
        owns_head = head_hit is not None and head_hit.term.kind in {"country", "capital", "seat"}
        if entries and not owns_head:  # "NATO-member Norway" is Norway
            best = min(entries, key=lambda h: (not h.start <= head.i < h.end, -(h.end - h.start)))
            person = best.term.entry is not None and best.term.entry.kind == "person"
            other = [
                h
                for h in hits
                if h.term.kind in {"country", "demonym"}
                and h.term.code != best.term.code
                and h.end <= best.start
                and head.doc[h.end - 1].head.i == best.end - 1
                and head.doc[h.end - 1].dep_ in {"compound", "amod", "poss"}
            ]
            if other and not person and best.end - best.start == 1:
                # "the Peruvian Congress", "Colombia's Congress": that country's own body of
                # the kind a bare name stands for elsewhere ("Congress" is the US Congress)
                home = other[-1]
                reason = f"{home.term.kind} '{home.term.name}' + '{best.term.name}' as a kind"
                sectors = best.term.sectors
                return (Actor(home.term.code, sectors[0], text, text, sectors, None, reason),)
            titles = [h for h in hits if h.term.kind == "title" and h.end <= best.start]
            term = best.term
            if person and titles:
                # "General Michel Aoun", "Prime Minister Haniyeh": the role the title names
                named = {h.term.code for h in hits if h.term.kind in {"demonym", "country"}}
                said = head.doc[titles[-1].start : titles[-1].end].text
                term = (
                    self.people.role_by_title(best.term, titles[-1], named, date, said=said) or term
                )
            actor = actor_from_entry(term, text)
            if person and titles and term.sectors == ("ELI",):
                # out of office, but the text names the office held now ("opposition leader")
                title = titles[-1].term
                actor = replace(
                    actor,
                    sector=title.sectors[0],
                    sectors=title.sectors,
                    role=title.name,
                    reason=f"{actor.reason}; title '{title.name}' -> {title.sectors[0]}",
                )
            if not person and actor.code not in {"UNO", "IGO", "EUR"}:
                armed = armed_description(head, best, hits)
                if armed is not None and actor.sector not in ARMED_SECTORS:
                    # "the rebel UNITA movement", "the UNITA militarist wing": the group as
                    # the armed body the text describes, whatever its row says it is now
                    actor = replace(
                        actor,
                        sector=armed,
                        sectors=(armed, *(s for s in actor.sectors if s != armed)),
                        reason=f"{actor.reason}; described as armed -> {armed}",
                    )
            # "Djindjic's opposition coalition": a person's group, not the person
            owner = person and head.doc[best.end - 1].dep_ == "poss" and best.end <= head.i
            if owner and head.lemma_.lower() in KIN:
                # "the president's son": family of the powerful are elites, not the office
                reason = f"{actor.reason}; relative -> ELI"
                return (Actor(actor.code, "ELI", text, text, ("ELI",), None, reason),)
            role = (
                head_hit
                if head_hit is not None
                and head_hit.term.kind in {"agent", "title"}
                and (not person or owner)
                else None
            )
            if (
                role is not None
                and not owner
                and head.lemma_.lower() in GENERIC_HEADS
                and role.end - role.start == 1
                and actor.code not in {"UNO", "IGO", "EUR"}
            ):
                # "M23 rebel leaders", "Hamas officials": the group's own people, its sector;
                # the leaders of a people ("Yoruba leaders") are its elite
                reason = f"{actor.reason}; {role.term.kind} '{role.term.name}' of the group"
                if actor.sector == "CVL":
                    return (
                        replace(
                            actor,
                            sector="ELI",
                            sectors=("ELI",),
                            name=text,
                            role=None,
                            reason=f"{reason} -> ELI",
                        ),
                    )
                return (replace(actor, name=text, role=None, reason=reason),)
            if role is not None:
                # "UN peacekeepers", "Hamas fighters": the body's code, the role's sector
                role_sector = role.term.sectors[0]
                if role_sector == "MIL" and actor.sector == "CVL":
                    role_sector = "REB"  # "Tigrayan forces": a people's fighters, not a state's
                sectors = implied(
                    (role_sector, *(s for s in actor.sectors if s != role_sector and not owner))
                )
                return (
                    replace(
                        actor,
                        sector=role_sector,
                        sectors=sectors,
                        name=text if owner else actor.name,
                        role=None if owner else actor.role,
                        reason=f"{actor.reason}; {role.term.kind} '{role.term.name}'",
                    ),
                )
            office = [h for h in hits if h.term.kind == "title" and h.term.sectors == ("IGO",)]
            if office and not person and actor.code in {"UNO", "IGO", "EUR"}:
                # "Arab League Secretary-General ...": the organisation's executive
                sectors = implied((*actor.sectors, "GOV"))
                name = person_name(head, tokens)
                return (
                    replace(
                        actor,
                        sectors=tuple(dict.fromkeys(sectors)),
                        name=name or actor.name,
                        role=office[0].term.name,
                        reason=f"{actor.reason}; title '{office[0].term.name}'",
                    ),
                )
            return (actor,)
        body = named_body(head, state, place_country=self.place_country)
        if body is not None:
            return (body,)
        # a demonym the tagger took for a person ("Azerbaijani and Armenian ministers") is none
        name = person_name(
            head,
            [
                i
                for i in tokens
                if i not in state.by_token or state.by_token[i].term.kind != "demonym"
            ],
        )
        surname = (
            name
            or (
                head.text
                if head.i not in state.by_token
                and (
                    head.pos_ == "PROPN"
                    # "Safadi said": a surname the tagger took for a common noun
                    or (head.pos_ == "NOUN" and head.text[:1].isupper() and head.dep_ in SUBJECTS)
                )
                else None
            )
        )
        if surname is not None:
            earlier = same_person(surname, text, state)
            if earlier is not None:
                return (earlier,)
        places = [
            h
            for h in hits
            if h.term.kind in {"country", "capital", "seat", "demonym"}
            and not is_backer(head.doc, h)
        ]
        roles = [h for h in hits if h.term.kind in {"title", "agent"} and role_applies(h, head)]
        lemma = head.lemma_.lower()
        if lemma in QUANTITY_HEADS or (lemma in GROUP_HEADS and not roles):
            # "thousands of soldiers", "a member of the Syrian parliament"
            of_phrase = set(np_tokens(head, with_of=True)) - set(core)
            members = [h for h in hits if h.term.kind == "agent" and h.start in of_phrase]
            if members:
                roles = [min(members, key=lambda h: h.start)]
        if lemma in GENERIC_HEADS | BODY_HEADS and not any(h.start > head.i for h in roles):
            modifiers = [
                h
                for h in hits
                if h.term.kind == "agent"
                and h.end <= head.i
                and head.doc[h.end - 1].head.i == head.i
                and (
                    head.doc[h.end - 1].dep_ in {"compound", "amod", "nmod"}
                    # "the aid workers' organisation": a body of its members' kind
                    or (head.doc[h.end - 1].dep_ == "poss" and lemma in BODY_HEADS)
                )
            ]
            if modifiers:
                roles = [max(modifiers, key=lambda h: h.end)]
            elif lemma in GENERIC_HEADS:
                # "leaders of the opposition coalition", "officials of the interior ministry"
                of_phrase = set(np_tokens(head, with_of=True)) - set(core)
                members = [h for h in hits if h.term.kind == "agent" and h.start in of_phrase]
                if members:
                    roles = [min(members, key=lambda h: h.start)]
        source = noun_of(head, "from") if lemma in GENERIC_HEADS and not places else None
        if source is not None and name is None:
            # "representatives from Egyptian civil society groups", "officials from Hamas":
            # the body they come from, with their own sector where it gives none
            found = self._resolve_np(source, state, date=date)
            if len(found) == 1 and found[0].code and not looks_personal(found[0]):
                came = found[0]
                own = roles[0].term.sectors if roles and not came.sector else came.sectors
                return (
                    replace(
                        came,
                        sector=own[0] if own else None,
                        sectors=own,
                        name=text,
                        text=text,
                        role=None,
                        reason=f"{came.reason}; {lemma} from '{came.text}'",
                    ),
                )
        if roles:
            # "ethnic Albanian guerrillas": an ethnicity, not the fighters' state
            places = [h for h in places if not is_ethnic(head.doc, h)]
        partners: set[str | None] = set()
        if lemma in ALLY_HEADS:
            # "Israel's militia ally", "Iran's proxies": the partner, not the ally itself
            partners = {h.term.code for h in places if head.doc[h.end - 1].dep_ == "poss"}
            places = [h for h in places if head.doc[h.end - 1].dep_ != "poss"]
        if head.lemma_.lower() == "counterpart":
            sector = counterpart_sector(head, state)
            country, why, _ = nationality(head, places, state, place_country=self.place_country)
            possessors = {
                a.code
                for c in head.children
                if c.dep_ == "poss"
                for a in state.resolved.get(c.i, ())
            }
            if country in possessors:
                # "his counterpart": of another country than his, which the phrase does not give
                country, why = None, "unknown (another country than the possessor's)"
            reason = f"title 'counterpart' -> sector of the possessor; country {why}"
            return (
                Actor(
                    country,
                    sector,
                    name or text,
                    text,
                    (sector,) if sector else (),
                    "counterpart",
                    reason,
                ),
            )
        if roles:
            role = closest(roles, head.i)
            sector = role.term.sectors[0]
            if (
                sector == "MIL"
                and role.term.kind == "agent"
                and not [h for h in places if h.term.kind in {"country", "demonym"}]
                and any(
                    c.lower_ in PEOPLE_WORDS and c.i < role.start
                    for c in head.children
                    if c.dep_ in {"amod", "compound", "nmod"}
                )
            ):
                # "Kurdish forces", "Moslem troops": a people's fighters are an armed group
                sector = "REB"
            if head.lower_ == "men":
                # "his men", "the commander's men": the fighters of an armed leader
                leaders = [
                    a.sector
                    for c in head.children
                    if c.dep_ == "poss"
                    for a in state.resolved.get(c.i, ())
                    if a.sector in ARMED_SECTORS
                ]
                sector = leaders[0] or sector if leaders else sector
            country, why, found_by = nationality(
                head, places, state, place_country=self.place_country
            )
            if country in partners:
                country, why = None, "unknown (the possessor is an ally's partner)"
                found_by = "none"
            unidentified = found_by == "foreign" and any(
                c.lower_ in UNIDENTIFIED for c in head.children
            )
            local = (
                sector in PLACE_BOUND
                or head.lemma_.lower() in LOCAL_PEOPLE
                # "protesters marched in Tbilisi against the government": the government of
                # the place of the act it undergoes
                or (head.lemma_.lower() in RULERS and head.dep_ not in SUBJECTS)
            )
            if local and (found_by == "home" or unidentified):
                based = located_in(head, state, place_country=self.place_country)
                act = clause_place(head, state, place_country=self.place_country)
                if based is not None:
                    country, why = based[0], f"from the place it is based in '{based[1]}'"
                    found_by = "place"
                elif act is not None:
                    country, why = act[0], f"from the place of the act '{act[1]}'"
                    found_by = "place"
            if name is None and role.term.kind == "title":
                # only a nationality the phrase gives narrows the search, not the text's own
                explicit = None if found_by in NO_NATIONALITY else country
                earlier = definite_reference(
                    head, tokens, explicit, sector, state, role=role.term.name
                )
                if earlier is not None:
                    return (earlier,)
            role_name = role.term.name if role.term.kind == "title" else None
            nationalities = list(
                dict.fromkeys(h.term.code for h in places if h.term.kind in {"demonym", "country"})
            )
            if name is None and len(nationalities) > 1:
                # "Hungarian and Romanian officials": one actor per nationality
                return tuple(
                    Actor(
                        code,
                        sector,
                        text,
                        text,
                        implied((sector,)),
                        role_name,
                        f"{role.term.kind} '{role.term.name}' with several nationalities",
                    )
                    for code in nationalities
                )
            if name is not None and role.term.kind == "title":
                known = self.people.titled_surname(name, role, places, date)
                if known is not None:
                    return (actor_from_entry(known, text),)
            if (
                sector in NGO_SECTORS
                and name is None
                and head.lemma_.lower() in NGO_BODIES
                and found_by in NO_NATIONALITY
                and not any(c.lower_ in LOCAL for c in head.children)
            ):
                # "an international aid agency", "a human rights group": CAMEO codes a
                # non-governmental body the phrase gives no nationality as NGO
                country, why = "NGO", "a non-governmental body (no nationality given)"
                found_by = "phrase"
            if sector == "PKO" and not places and found_by != "place":
                # "peacekeepers", "a regional peacekeeping force": multinational unless a
                # nationality is given
                country, why = "IGO", "a multinational force (no nationality given)"
                found_by = "phrase"
            if name is not None and not places:
                same_name = (
                    self.people.surname_country(name)
                    if role.term.kind == "agent"
                    and " " not in name
                    and role.start <= head.i < role.end
                    else None
                )
                if same_name is not None:
                    # "the Bush administration": the country of the curated people so named
                    country, why = same_name, f"of the curated people named '{name}'"
                elif not state.home_reliable and found_by == "home":
                    country, why = None, "unknown (a named person with no nationality given)"
            reason = f"{role.term.kind} '{role.term.name}' -> {sector}; country {why}"
            return (
                Actor(country, sector, name or text, text, implied((sector,)), role_name, reason),
            )
        if places:
            place = closest(places, head.i)
            owns_head = place.start <= head.i < place.end
            if not owns_head and name is None:
                # "a Philippine boat", "Iran's nuclear sites": a country's thing stands for the
                # country as a recipient; it never becomes a coreference antecedent
                reason = f"{OWNED} of {place.term.kind} '{place.term.name}'"
                if is_military_act(head):
                    # "Israeli air strikes", "a Russian missile attack": the state's forces
                    reason = f"{reason}; a military act -> MIL"
                    return (
                        Actor(
                            place.term.code, "MIL", place.term.name, text, ("MIL",), None, reason
                        ),
                    )
                return (Actor(place.term.code, None, place.term.name, text, (), None, reason),)
            if name is not None and not owns_head:
                reason = f"person named with {place.term.kind} '{place.term.name}'"
                return (Actor(place.term.code, None, name, text, (), None, reason),)
            if place.term.kind == "demonym" and head.pos_ == "ADJ":
                # "Azerbaijani and Armenian ministers" parsed with the first adjective as the
                # head: the conjoined noun's role, with this nationality
                nouns = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
                found = self._resolve_np(nouns[0], state, date=date) if nouns else ()
                if len(found) == 1 and found[0].sector and found[0].code != place.term.code:
                    reason = f"demonym '{place.term.name}' with the conjoined '{found[0].text}'"
                    return (
                        replace(
                            found[0], code=place.term.code, name=text, text=text, reason=reason
                        ),
                    )
                return ()
            longer = named_place(head) if self.place_country is not None else None
            if (
                longer
                and self.place_country is not None
                and len(longer) > len(state.doc[place.start : place.end].text)
                and place.term.kind in {"country", "capital"}
            ):
                elsewhere = self.place_country(longer)
                if elsewhere and elsewhere != place.term.code:
                    # "East Jerusalem", "Northern Ireland": a place of its own
                    reason = f"place '{longer}' in the gazetteer -> its people (CVL)"
                    return (Actor(elsewhere, "CVL", longer, text, ("CVL",), None, reason),)
            if place.start > 0 and state.doc[place.start - 1].lower_ == "ethnic":
                # "ethnic Albanians in Serbia": an ethnic group, not a state's nationals
                country, why, _ = nationality(head, [], state, place_country=self.place_country)
                return (
                    Actor(
                        country, "CVL", text, text, ("CVL",), None, f"ethnic group; country {why}"
                    ),
                )
            residence = [
                h
                for h in places
                if h is not place
                and h.term.kind in {"demonym", "country"}
                and h.end <= place.start
                and head.doc[h.end - 1].head.i == head.i
            ]
            abroad = (
                homeland(head, state, place_country=self.place_country)
                if place.term.kind == "demonym" and head.tag_ in {"NNS", "NNPS"}
                else None
            )
            if abroad is not None and abroad[0] != place.term.code:
                # "the Albanians of southern Serbia", "the Hungarians of Romania": a people
                # living in another state are that state's civilians
                reason = f"people of the place '{abroad[1]}'"
                return (Actor(abroad[0], "CVL", text, text, ("CVL",), None, reason),)
            if place.term.kind == "demonym" and residence and head.tag_ in {"NNS", "NNPS"}:
                # "Bosnian Serbs", "Kosovo Albanians": the people of the first-named state
                home = residence[-1]
                reason = f"people of {home.term.kind} '{home.term.name}'"
                return (Actor(home.term.code, "CVL", text, text, ("CVL",), None, reason),)
            sectors = place.term.sectors
            if place.term.kind == "demonym" and head.pos_ in {"NOUN", "PROPN"}:
                sectors = ("CVL",)  # "Palestinians", "a Nigerian": the people of a country
            reason = f"{place.term.kind} '{state.doc[place.start : place.end].text}'"
            if place.term.kind == "capital" and owns_head and city_as_place(head):
                # "a curfew in Algiers", "rebels shelled Juba": the city and its people, not
                # the government that sits there
                sectors, reason = ("CVL",), f"{reason} as a place -> its people (CVL)"
            sector = sectors[0] if sectors else None
            return (Actor(place.term.code, sector, place.term.name, text, sectors, None, reason),)
        if (
            not [h for h in hits if not is_backer(head.doc, h)]
            and (
                head.ent_type_ in PLACE_ENTS
                or head.lemma_.lower() in PLACE_NOUNS
                or place_slot(head)
            )
            and self.place_country is not None
        ):
            # a region, territory or town standing for its country ("Gaza Strip", "Darfur")
            place_name = named_place(head, any_label=place_slot(head))
            code = self.place_country(place_name) if place_name else None
            if code and place_name:
                # a town or region as an actor stands for its people, as CAMEO codes the
                # targets of attacks on places (capitals stand for the government instead)
                reason = f"place '{place_name}' in the gazetteer -> its people (CVL)"
                return (Actor(code, "CVL", place_name, text, ("CVL",), None, reason),)
        if head.dep_ == "appos" and head.pos_ == "PROPN":
            # "the opposition newspaper La Prensa": a name the dictionaries lack is the
            # phrase it stands in apposition to
            described = [a for a in state.resolved.get(np_head(head.head).i, ()) if a.code]
            if len(described) == 1 and not looks_personal(described[0]):
                reason = f"apposition to '{described[0].text}'"
                return (replace(described[0], name=text, text=text, reason=reason),)
        if name is not None and head.ent_type_ == "PERSON":
            state.unresolved.append(head.doc[tokens[0] : tokens[-1] + 1])
        return ()


def armed_description(head: Token, entry: Hit, hits: list[Hit]) -> str | None:
    """The sector of an armed body a named group is described as: "rebel" before the name
    ("the rebel UNITA movement" REB), or its armed wing ("the UNITA militarist wing",
    "the armed wing of Fatah")."""
    doc = head.doc
    for hit in hits:
        if (
            hit.term.kind == "agent"
            and hit.term.sectors[0] in INSURGENT_SECTORS
            and hit.end <= entry.start
            and not (hit.end < len(doc) and doc[hit.end].text == "-")  # "rebel-held"
        ):
            return hit.term.sectors[0]
    if head.lemma_.lower() == "wing" and any(
        c.lower_ in ARMED_WORDS for c in head.children if c.dep_ in {"amod", "compound"}
    ):
        return "REB"
    return None


def city_as_place(head: Token) -> bool:
    """A capital named as a place, not as its government: in a phrase of place ("in central
    Baghdad", "at Kyiv") or as what is attacked ("shelled Juba", "would blockade Paris")."""
    if in_place_phrase(head):
        # "arrived in Baghdad": a visit to the government that sits there
        return head.head.head.lemma_.lower() not in TRAVEL
    return head.dep_ == "dobj" and head.head.lemma_.lower() in ASSAULTED


def _strip_det(text: str) -> str:
    return text.removeprefix("the ")
