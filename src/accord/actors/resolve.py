"""Resolve noun phrases to actors: dictionary lookup, title rules, context and coreference.

One precompiled ``PhraseMatcher`` finds every dictionary term in a document; each noun phrase
is then resolved from the terms inside it (a curated person or organisation, else a title or
agent with a nationality, else a country, capital or seat of power), and pronouns, bare
surnames and definite descriptions ("the minister") are linked to earlier resolved actors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from accord.actors.dictionary import ActorDictionary, Entry
from accord.actors.phrases import is_np_head, np_head, np_tokens, person_name, span_text
from accord.domain import Actor

# Kinds of dictionary terms, strongest first when two terms cover the same tokens.
KIND_RANK = {
    "entry": 0,
    "seat": 1,
    "country": 2,
    "capital": 3,
    "demonym": 4,
    "title": 5,
    "agent": 6,
}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
SUBJECTS = {"nsubj", "nsubjpass"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "conj"}
# Nouns whose "of" phrase names the group they belong to: "members of Hamas".
GROUP_HEADS = {
    "member",
    "supporter",
    "leader",
    "official",
    "fighter",
    "representative",
    "delegation",
    "head",
    "chief",
    "activist",
    "militant",
    "soldier",
    "unit",
    "wing",
    "faction",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "commander",
    "force",
    "troop",
    "thousand",
    "hundred",
    "dozen",
    "score",
    "million",
    "group",
    "team",
    "number",
    "contingent",
    "batch",
    "wave",
    "patch",
    "deployment",
    "mission",
    "convoy",
    "column",
    "band",
    "crowd",
    "body",
}
OWNED = "thing"
# Modifiers that say an agent is not of the article's own country.
FOREIGN = {
    "foreign",
    "international",
    "western",
    "regional",
    "overseas",
    "global",
    "unidentified",
    "unknown",
}
# Words that put a person out of the office their title or dictionary entry names: CAMEO
# codes former office holders as elites (ELI), not as the government.
FORMER = {
    "former",
    "ex",
    "ousted",
    "deposed",
    "exiled",
    "toppled",
    "overthrown",
    "onetime",
    "one-time",
    "erstwhile",
}
# Heads that take the sector of an agent modifier: "rebel leaders" are rebels, "civilian
# advisers" civilians, "church officials" clergy.
GENERIC_HEADS = {
    "leader",
    "official",
    "adviser",
    "advisor",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "personnel",
    "representative",
    "figure",
    "delegation",
    "delegate",
    "staff",
    "commander",
    "member",
    "chief",
}
# Bodies named by what their members are: "an extremist organisation", "a student movement".
BODY_HEADS = {"organization", "organisation", "movement", "faction", "wing", "network", "cell"}
# Heads of named bodies the dictionaries do not list ("the Association of African Jurists",
# "the Third World Water Forum"): non-governmental organisations, of the country their name
# gives when it gives one. A named party ("the Umma party") belongs to the country in context.
NAMED_BODY_HEADS = {
    "association",
    "forum",
    "league",
    "society",
    "foundation",
    "federation",
    "committee",
    "institute",
    "network",
    "coalition",
    "centre",
    "center",
    "observatory",
    "organization",
    "organisation",
    "campaign",
    "trust",
    "party",
}
# Words of a body's name that say what its members do, beyond the agents of agents.tsv.
NAME_SECTORS = {
    "jurists": "JUD",
    "jurist": "JUD",
    "legal": "JUD",
    "bar": "JUD",
    "medical": "HLH",
    "physicians": "HLH",
    "health": "HLH",
    "rights": "HRI",
    "liberties": "HRI",
    "press": "MED",
    "publishers": "MED",
    "environmental": "ENV",
    "environment": "ENV",
    "wildlife": "ENV",
    "farmers": "AGR",
    "peasants": "AGR",
    "commerce": "BUS",
    "employers": "BUS",
    "industrialists": "BUS",
    "islamic": "REL",
    "muslim": "REL",
    "christian": "REL",
    "catholic": "REL",
    "churches": "REL",
    "ulema": "REL",
}
NAME_GLUE = {"of", "for", "on", "the", "and", "in", "to", "against"}
# Heads of named armed groups ("the Zomi Revolutionary Army"), and name words that make an
# army a state's or no name at all ("the Red Army", "the National Army").
NAMED_ARMED_HEADS = {"army", "front", "brigade", "brigades", "battalion", "legion"}
ARMY_GENERIC = {
    "national",
    "people",
    "popular",
    "republican",
    "royal",
    "red",
    "regular",
    "federal",
    "imperial",
    "continental",
    "territorial",
    "salvation",
    "patriotic",
    "unity",
    "democratic",
    "home",
    "western",
    "eastern",
    "northern",
    "southern",
}
# Capitalised words that do not make a name on their own ("the Central Committee").
NAME_GENERIC = {
    "central",
    "national",
    "executive",
    "standing",
    "special",
    "joint",
    "international",
    "supreme",
    "high",
    "general",
    "permanent",
    "political",
    "higher",
    "federal",
    "select",
    "new",
    "the",
}
# Words of a body's name that make it an association of states ("Economic Cooperation
# Organization"), and the sectors of a state's own bodies ("Senate Foreign Relations
# Committee"), which are no NGO.
NAME_STATES = {
    "states",
    "nations",
    "countries",
    "governments",
    "intergovernmental",
    "cooperation",
    "co-operation",
}
STATE_SECTORS = {"GOV", "LEG", "MIL", "COP", "SPY", "JUD"}
PROFESSIONS = {"lawyer", "attorney", "jurist", "officer", "diplomat"}
# Heads that count people ("thousands of soldiers"): the "of" phrase says who they are.
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "score", "million", "number", "group"}
# Definite descriptions of a body named earlier ("the group" after "the PKK") and the kinds of
# dictionary entry each may stand for.
DEFINITE_BODIES = {
    "group": {"group", "historical"},
    "organization": {"group", "organisation", "historical"},
    "organisation": {"group", "organisation", "historical"},
    "movement": {"group", "party", "historical"},
    "militia": {"group", "historical"},
    "faction": {"group", "party", "historical"},
    "party": {"party"},
    "agency": {"organisation"},
    "alliance": {"organisation", "party", "group"},
    "bloc": {"organisation", "party"},
}
# Definite descriptions of a state named before ("the kingdom", "the Gulf state").
COUNTRY_NOUNS = {
    "country",
    "nation",
    "kingdom",
    "republic",
    "state",
    "emirate",
    "sultanate",
    "principality",
    "archipelago",
}
ARMED_SECTORS = {"MIL", "REB", "UAF", "SEP", "INS", "PKO"}
# Heads that speak for the body of their "for" phrase ("a spokesman for the Taliban").
SPEAKER_HEADS = {"spokesman", "spokeswoman", "spokesperson", "representative", "negotiator"}
# "Russian-backed separatists", "French-speaking rebels", "the Israeli-occupied West Bank": the
# nationality is someone else's.
BACKED = {
    "backed",
    "sponsored",
    "supported",
    "funded",
    "financed",
    "armed",
    "allied",
    "aligned",
    "trained",
    "installed",
    "friendly",
    "speaking",
    "born",
    "educated",
    "leaning",
    "inspired",
}
OCCUPIED = {"occupied", "controlled", "held", "annexed", "administered"}
# "the Houthi-run news agency", "a Hamas-led government": run by the name before.
RUN_BY = {"run", "led", "controlled", "owned", "operated", "dominated"}
# Heads whose possessor is someone else: "Israel's militia ally" is not Israel.
ALLY_HEADS = {"ally", "proxy", "client", "partner", "protege", "surrogate"}
# Relatives: "the president's son" is not the president.
KIN = {
    "son",
    "daughter",
    "wife",
    "husband",
    "widow",
    "brother",
    "sister",
    "father",
    "mother",
    "nephew",
    "niece",
    "cousin",
    "relative",
    "family",
    "grandson",
    "granddaughter",
    "child",
}
# Acts of armed forces: a nationality on them names the state's military.
MILITARY_ACTS = {
    "airstrike",
    "shelling",
    "bombardment",
    "incursion",
    "offensive",
    "blockade",
    "drill",
    "exercise",
    "raid",
    "airstrikes",
}
MILITARY_MEANS = {"air", "missile", "drone", "artillery", "naval", "military", "ballistic", "tank"}
# Days after leaving office during which the news still names a person by that office.
GRACE_DAYS = 31
# A sector that implies a second one: peacekeepers are soldiers.
IMPLIED_SECTORS = {"PKO": "MIL"}
# Place names: entity types of toponyms, and the shortest names matched despite a misspelling.
PLACE_ENTS = {"GPE", "LOC"}
DIRECTIONS = {"north", "south", "east", "west", "centre", "center", "interior", "coast"}
PLACE_NOUNS = {"region", "province", "state", "territory", "district", "area", "enclave", "strip"}
# Nouns whose "of" phrase names a place ("the town of Samarra"), and prepositions of place:
# their object is a place whatever entity label the parser gave the name.
SETTLEMENT_NOUNS = PLACE_NOUNS | {"town", "city", "village", "port", "capital", "island"}
PLACE_PREPS = {"in", "near", "at", "outside", "around"}
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]{5,}\b")  # words a misspelling check looks at
FUZZY_MIN = {"country": 5, "demonym": 6, "capital": 8}
FUZZY_ENTS = {"", "GPE", "NORP", "LOC", "ORG"}  # the parser tags unknown words ORG
RECIPROCAL_NOUNS = {
    "both sides",
    "the two sides",
    "the two countries",
    "the two nations",
    "both countries",
    "the two leaders",
    "both leaders",
    "the two ministers",
    "the two governments",
    "both governments",
    "the sides",
    "the parties",
}


@dataclass(frozen=True)
class Term:
    kind: str  # entry | seat | country | capital | demonym | title | agent
    code: str | None
    sectors: tuple[str, ...]
    name: str
    entry: Entry | None = None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: Term


@dataclass
class DocActors:
    """Actors of one document: term hits, per-token resolutions and the coreference history."""

    doc: Doc
    hits: list[Hit]
    by_token: dict[int, Hit]
    home_country: str | None
    home_reliable: bool  # from the dateline, or the only country the document names
    resolved: dict[int, tuple[Actor, ...]] = field(default_factory=dict)
    history: list[tuple[int, Actor]] = field(default_factory=list)
    unresolved: list[Span] = field(default_factory=list)

    def country_codes(self) -> list[str]:
        return [h.term.code for h in self.hits if h.term.code and h.term.kind != "agent"]


class ActorResolver:
    """Precompiled actor matcher for one spaCy vocabulary and one dictionary."""

    def __init__(
        self,
        nlp: Language,
        dictionary: ActorDictionary,
        *,
        place_country: Callable[[str], str | None] | None = None,
    ) -> None:
        """``place_country`` maps a place name to its country ("Darfur" -> "SDN"), for
        agents described by where they are ("rebels in Darfur")."""
        self.dictionary = dictionary
        self.place_country = place_country
        self.terms: list[Term] = []
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._case: dict[int, set[str]] = {}
        by_text: dict[str, list[int]] = {}
        # misspelled country names, demonyms and capitals ("Ethopia", "Afganistan"): every
        # form of a long single-word name with one letter dropped points at the name
        self._fuzzy: dict[str, set[tuple[int, str]]] = {}
        for term, names in self._terms(dictionary):
            self.terms.append(term)
            for name in names:
                by_text.setdefault(name, []).append(len(self.terms) - 1)
                if len(name) >= FUZZY_MIN.get(term.kind, 99) and name.isalpha():
                    for key in _deletions(name.lower()):
                        self._fuzzy.setdefault(key, set()).add((len(self.terms) - 1, name.lower()))
        texts = list(by_text)
        # names written exactly as in the dictionary pass the capitalisation check ("al-Qaeda")
        self._exact_names = set(texts)
        self._written: dict[str, list[str]] = {}  # lower-cased name -> names as written
        for text in texts:
            if " " in text:
                self._written.setdefault(text.lower(), []).append(text)
        for text, pattern in zip(texts, nlp.tokenizer.pipe(texts), strict=True):  # type: ignore[union-attr]
            for index in by_text[text]:
                key = f"t{index}"
                self.matcher.add(key, [pattern])
                if _needs_case(text):
                    self._case.setdefault(index, set()).add(text)
        self._case_lower = {i: {t.lower() for t in texts} for i, texts in self._case.items()}
        self._key_index = {nlp.vocab.strings[f"t{i}"]: i for i in range(len(self.terms))}
        self.capital_of = {c.capital.lower(): c.code for c in dictionary.countries if c.capital}
        # curated people by surname, for titled references the dictionary leaves out as bare
        # names because they are ambiguous ("President Bush")
        self.by_surname: dict[str, list[Term]] = {}
        self.roles_of: dict[str, list[Term]] = {}  # every role of a curated person
        for term in self.terms:
            if term.entry is not None and term.entry.kind == "person":
                self.by_surname.setdefault(term.name.split()[-1].lower(), []).append(term)
                self.roles_of.setdefault(term.entry.canonical, []).append(term)
        self.title_terms = {a.terms[0]: a.terms for a in dictionary.agents if a.kind == "title"}

    @staticmethod
    def _terms(dictionary: ActorDictionary) -> Iterable[tuple[Term, Sequence[str]]]:
        for country in dictionary.countries:
            yield Term("country", country.code, (), country.name), (country.name, *country.aliases)
            if country.demonyms:
                yield Term("demonym", country.code, (), country.name), country.demonyms
            if country.capital:
                yield Term("capital", country.code, ("GOV",), country.name), (country.capital,)
            if country.seats:
                yield Term("seat", country.code, ("GOV",), country.name), country.seats
        for entry in dictionary.entries:
            yield Term("entry", entry.code, entry.sectors, entry.canonical, entry), entry.names
        for agent in dictionary.agents:
            yield Term(agent.kind, None, (agent.sector,), agent.terms[0]), agent.terms

    # -- term matching -------------------------------------------------------------------

    def hits(self, doc: Doc, *, date: dt.date | None) -> list[Hit]:
        found: list[Hit] = []
        out_of_office: dict[tuple[int, int], list[Term]] = {}
        for key, start, end in self.matcher(doc):
            index = self._key_index[key]
            term = self.terms[index]
            span_text = doc[start:end].text
            exact = self._case.get(index)
            if exact and span_text not in exact and span_text.lower() in self._case_lower[index]:
                continue
            if term.kind in {"country", "capital", "entry", "seat"} and (
                (not _proper(doc[start:end]) and span_text not in self._exact_names)
                or not self._capitalised_as_written(span_text)
            ):
                continue
            if (
                term.entry is not None
                and term.entry.kind == "person"
                and _other_person(doc, start, end, term.entry)
            ):
                continue  # "Laura Bush", "Betssy Chavez": someone else of that surname
            if term.entry is not None and date is not None and not term.entry.valid_on(date):
                if term.entry.kind == "person" and end - start > 1:
                    # a full name only: a bare surname out of office is too often someone else
                    out_of_office.setdefault((start, end), []).append(term)
                continue
            found.append(Hit(start, end, term))
        if out_of_office and date is not None:
            found += _out_of_office(out_of_office, found, date)
        found += self._misspelled(doc, found)
        if date is None:
            # undated text is read as today's: a place that stood for another state once
            # ("Moscow" as the Soviet government until 1991) stands for today's
            found = [
                h
                for h in found
                if not (
                    h.term.entry is not None
                    and h.term.entry.end is not None
                    and h.term.entry.kind == "seat"
                )
            ]
        # longest first; on a tie the stronger kind, then (undated text) the current entry
        found.sort(
            key=lambda h: (
                -(h.end - h.start),
                KIND_RANK[h.term.kind],
                h.start,
                -_recency(h.term.entry),
            )
        )
        taken: set[int] = set()
        kept: list[Hit] = []
        for hit in found:
            if taken.intersection(range(hit.start, hit.end)):
                continue
            taken.update(range(hit.start, hit.end))
            kept.append(hit)
        kept.sort(key=lambda h: h.start)
        return kept

    def _capitalised_as_written(self, text: str) -> bool:
        """ "Russia today" is not the broadcaster "Russia Today": every capitalised word of a
        many-word name must be capitalised in the text (upper-case headlines pass)."""
        forms = self._written.get(text.lower())
        if not forms:
            return True
        words = text.split()
        return any(
            len(form.split()) == len(words)
            and all(
                not (a[:1].isupper() and b[:1].islower())
                for a, b in zip(form.split(), words, strict=True)
            )
            for form in forms
        )

    def _misspelled(self, doc: Doc, found: list[Hit]) -> list[Hit]:
        """Capitalised words the dictionary lacks that are one slip away from a long country
        name, demonym or capital ("Ethopia", "Ghanians", "Khatmandu"); never a place of
        another country."""
        if not self._fuzzy:
            return []
        taken = {i for h in found for i in range(h.start, h.end)}
        extra: list[Hit] = []
        for match in _CAPITALISED.finditer(doc.text):
            span = doc.char_span(match.start(), match.end())
            if span is None or len(span) != 1:
                continue
            token = span[0]
            text = token.text
            if (
                token.i in taken
                or token.ent_type_ not in FUZZY_ENTS
                or token.pos_ not in {"PROPN", "ADJ", "NOUN"}
            ):
                continue
            lower = text.lower()
            candidates = {c for key in _deletions(lower) for c in self._fuzzy.get(key, ())}
            close = {index for index, name in candidates if _slip(lower, name)}
            codes = {self.terms[i].code for i in close}
            elsewhere = self.place_country(text) if self.place_country is not None else None
            if len(codes) != 1 or (elsewhere is not None and elsewhere not in codes):
                continue  # "Indiana" is a place of its own, not a slip for "Indian"
            best = min(close, key=lambda i: KIND_RANK[self.terms[i].kind])
            extra.append(Hit(token.i, token.i + 1, self.terms[best]))
        return extra

    def analyse(self, doc: Doc, *, date: dt.date | None, dateline: str | None = None) -> DocActors:
        """Match terms and resolve every noun phrase of ``doc`` in reading order."""
        hits = self.hits(doc, date=date)
        by_token = {i: h for h in hits for i in range(h.start, h.end)}
        home = self._home_country(doc, hits, dateline)
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

    def _home_country(self, doc: Doc, hits: list[Hit], dateline: str | None) -> str | None:
        if dateline:
            code = self.capital_of.get(dateline.lower())
            if code:
                return code
            country = self.dictionary.country_by_name(dateline)
            if country:
                return country.code
        counts = Counter(
            h.term.code
            for h in hits
            if h.term.code and h.term.kind != "entry" and not _ethnic(doc, h)
        )
        if not counts:
            # no country named, but a national body is ("demands from UNITA"): its country
            counts = Counter(
                h.term.code
                for h in hits
                if h.term.code
                and h.term.entry is not None
                and h.term.entry.kind != "person"
                and self.dictionary.country(h.term.code) is not None
            )
        if not counts and self.place_country is not None:
            # no country named at all: the country of the towns and regions the text names
            # ("gunmen killed five people in Kirkuk")
            taken = {i for h in hits for i in range(h.start, h.end)}
            counts = Counter(
                code
                for ent in doc.ents
                if ent.label_ == "GPE" and not taken.intersection(range(ent.start, ent.end))
                for code in [self.place_country(ent.text)]
                if code
            )
        return counts.most_common(1)[0][0] if counts else None

    # -- noun phrase resolution ------------------------------------------------------------

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
        if actors and len(actors) == 1 and _looks_personal(actors[0]) and _former(head, state):
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
            return self._pronoun(head, state)
        core = np_tokens(head, with_of=False)
        titled = head.lemma_.lower() in GROUP_HEADS or any(
            state.by_token[i].term.kind == "title" for i in core if i in state.by_token
        )
        tokens = np_tokens(head, with_of=True) if titled else core
        text = span_text(head.doc, tokens)
        voice = _spoken_for(head) if head.lemma_.lower() in SPEAKER_HEADS else None
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
        counted = _counted(head) if head.lemma_.lower() in QUANTITY_HEADS else None
        if counted is not None:
            # "a group of Yoruba leaders", "thousands of Hamas supporters": who is counted
            found = self._resolve_np(counted, state, date=date)
            if found:
                return tuple(replace(a, text=text) for a in found)
        if text.lower() in RECIPROCAL_NOUNS or _strip_det(text.lower()) in RECIPROCAL_NOUNS:
            return self._two_sides(head, state)
        hits = _unique(state.by_token[i] for i in tokens if i in state.by_token)
        if not any(h.term.kind in {"entry", "country", "demonym", "capital", "seat"} for h in hits):
            named_before = self._definite_country(head, tokens, state)
            if named_before is not None:
                return (named_before,)
            body = self._definite_body(head, tokens, state)
            if body is not None:
                return (body,)
        entries = [h for h in hits if h.term.kind == "entry" and not _behind_verb(head, h)]
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
                term = self._role_by_title(best.term, titles[-1], named, date, said=said) or term
            actor = _actor_from_entry(term, text)
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
                sectors = _implied(
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
                sectors = _implied((*actor.sectors, "GOV"))
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
        body = self._named_body(head, state)
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
            earlier = self._same_person(surname, text, state)
            if earlier is not None:
                return (earlier,)
        places = [
            h
            for h in hits
            if h.term.kind in {"country", "capital", "seat", "demonym"} and not _backer(head.doc, h)
        ]
        roles = [h for h in hits if h.term.kind in {"title", "agent"} and _role_applies(h, head)]
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
                and head.doc[h.end - 1].dep_ in {"compound", "amod", "nmod"}
            ]
            if modifiers:
                roles = [max(modifiers, key=lambda h: h.end)]
            elif lemma in GENERIC_HEADS:
                # "leaders of the opposition coalition", "officials of the interior ministry"
                of_phrase = set(np_tokens(head, with_of=True)) - set(core)
                members = [h for h in hits if h.term.kind == "agent" and h.start in of_phrase]
                if members:
                    roles = [min(members, key=lambda h: h.start)]
        if roles:
            # "ethnic Albanian guerrillas": an ethnicity, not the fighters' state
            places = [h for h in places if not _ethnic(head.doc, h)]
        partners: set[str | None] = set()
        if lemma in ALLY_HEADS:
            # "Israel's militia ally", "Iran's proxies": the partner, not the ally itself
            partners = {h.term.code for h in places if head.doc[h.end - 1].dep_ == "poss"}
            places = [h for h in places if head.doc[h.end - 1].dep_ != "poss"]
        if head.lemma_.lower() == "counterpart":
            sector = self._counterpart_sector(head, state)
            country, why = self._nationality(head, places, state)
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
            role = _closest(roles, head.i)
            sector = role.term.sectors[0]
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
            country, why = self._nationality(head, places, state)
            if country in partners:
                country, why = None, "unknown (the possessor is an ally's partner)"
            if name is None and role.term.kind == "title":
                # only a nationality the phrase gives narrows the search, not the text's own
                explicit = None if why.startswith(("from the article", "unknown")) else country
                earlier = self._definite_reference(
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
                        _implied((sector,)),
                        role_name,
                        f"{role.term.kind} '{role.term.name}' with several nationalities",
                    )
                    for code in nationalities
                )
            if name is not None and role.term.kind == "title":
                known = self._titled_surname(name, role, places, date)
                if known is not None:
                    return (_actor_from_entry(known, text),)
            if sector == "PKO" and not places and not why.startswith("from the place"):
                # "peacekeepers", "a regional peacekeeping force": multinational unless a
                # nationality is given
                country, why = "IGO", "a multinational force (no nationality given)"
            if name is not None and not places:
                same_name = (
                    self._surname_country(name)
                    if role.term.kind == "agent"
                    and " " not in name
                    and role.start <= head.i < role.end
                    else None
                )
                if same_name is not None:
                    # "the Bush administration": the country of the curated people so named
                    country, why = same_name, f"of the curated people named '{name}'"
                elif not state.home_reliable and why.startswith("from the article"):
                    country, why = None, "unknown (a named person with no nationality given)"
            reason = f"{role.term.kind} '{role.term.name}' -> {sector}; country {why}"
            return (
                Actor(country, sector, name or text, text, _implied((sector,)), role_name, reason),
            )
        if places:
            place = _closest(places, head.i)
            owns_head = place.start <= head.i < place.end
            if not owns_head and name is None:
                # "a Philippine boat", "Iran's nuclear sites": a country's thing stands for the
                # country as a recipient; it never becomes a coreference antecedent
                reason = f"{OWNED} of {place.term.kind} '{place.term.name}'"
                if _military_act(head):
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
            longer = _place_name(head) if self.place_country is not None else None
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
                country, why = self._nationality(head, [], state)
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
                self._homeland(head, state)
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
            sector = sectors[0] if sectors else None
            reason = f"{place.term.kind} '{state.doc[place.start : place.end].text}'"
            return (Actor(place.term.code, sector, place.term.name, text, sectors, None, reason),)
        if (
            not [h for h in hits if not _backer(head.doc, h)]
            and (
                head.ent_type_ in PLACE_ENTS
                or head.lemma_.lower() in PLACE_NOUNS
                or _place_slot(head)
            )
            and self.place_country is not None
        ):
            # a region, territory or town standing for its country ("Gaza Strip", "Darfur")
            place_name = _place_name(head, any_label=_place_slot(head))
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
            if len(described) == 1 and not _looks_personal(described[0]):
                reason = f"apposition to '{described[0].text}'"
                return (replace(described[0], name=text, text=text, reason=reason),)
        if name is not None and head.ent_type_ == "PERSON":
            state.unresolved.append(head.doc[tokens[0] : tokens[-1] + 1])
        return ()

    def _named_body(self, head: Token, state: DocActors) -> Actor | None:
        """A body the dictionaries lack, named by capitalised words and a head that says what
        it is ("the Association of African Jurists" NGO JUD, "the Kenyan Human Rights
        League" KEN HRI, "the Umma party" OPP of the country in context)."""
        lemma = head.lemma_.lower()
        armed = lemma in NAMED_ARMED_HEADS and head.text[:1].isupper()
        if (lemma not in NAMED_BODY_HEADS and not armed) or head.tag_ in {"NNS", "NNPS"}:
            return None
        party = lemma == "party"
        if not head.text[:1].isupper() and not party:
            return None
        doc = head.doc
        words = [
            t
            for t in head.subtree
            if t.i < head.i and t.dep_ not in {"det", "punct", "case"} and not t.like_num
        ]
        if any(w.dep_ in {"relcl", "acl", "appos", "conj", "cc"} for w in words):
            return None
        for prep in head.rights:
            if party or prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "on"}:
                continue
            post = [t for t in prep.subtree if t.i != prep.i and t.dep_ not in {"det", "punct"}]
            content = [t for t in post if t.is_alpha and t.lower_ not in NAME_GLUE]
            if content and all(t.text[:1].isupper() for t in content):
                words += post  # "Association of African Jurists", "Centre for Human Rights"
        named = [
            w
            for w in words
            if w.text[:1].isupper() and w.is_alpha and w.lower_ not in NAME_GENERIC | NAME_GLUE
        ]
        if not named or (party and not any(w.pos_ == "PROPN" for w in named)):
            return None
        inside = {w.i for w in words} | {head.i}
        own = _unique(state.by_token[i] for i in sorted(inside) if i in state.by_token)
        if any(not set(range(h.start, h.end)) <= inside for h in own):
            return None
        if armed:
            if [h for h in own if not h.start <= head.i < h.end] or any(
                w.lower_ in ARMY_GENERIC for w in named
            ):
                return None  # "the Pakistan Army", "the Red Army", "the National Army"
            # "the Zomi Revolutionary Army": a named army of no state is an armed group
            code, why = self._nationality(head, [], state)
            reason = f"named armed group -> REB; country {why}"
            text = span_text(doc, sorted(inside))
            return Actor(code, "REB", text, text, ("REB",), None, reason)
        if any(h.term.kind in {"entry", "seat", "capital", "title"} for h in own) or any(
            h.term.kind == "agent" and h.start <= head.i < h.end for h in own
        ):
            return None  # a known body, or a generic agent ("Trade Union Federation")
        places = [h for h in own if h.term.kind in {"country", "demonym"} and not _ethnic(doc, h)]
        agents = [h for h in own if h.term.kind == "agent"]
        if any(
            h.term.sectors[0] in STATE_SECTORS and doc[h.end - 1].lemma_.lower() not in PROFESSIONS
            for h in agents
        ):
            return None  # a state's own body ("Senate Foreign Relations Committee")
        sector = agents[0].term.sectors[0] if agents else None
        if sector is None:
            sector = next((NAME_SECTORS[w.lower_] for w in words if w.lower_ in NAME_SECTORS), None)
        text = span_text(doc, sorted(inside))
        if party:
            code, why = self._nationality(head, places, state)
            reason = f"named party -> OPP; country {why}"
            return Actor(code, "OPP", text, text, ("OPP",), None, reason)
        sectors = (sector,) if sector else ("NGO",)
        if any(w.lower_ in NAME_STATES for w in words):
            reason = "named body of states -> IGO"
            return Actor("IGO", "IGO", text, text, ("IGO",), None, reason)
        if places:
            place = places[0]
            reason = f"named body of {place.term.kind} '{place.term.name}'"
            return Actor(place.term.code, sectors[0], text, text, sectors, None, reason)
        return Actor("NGO", sectors[0], text, text, sectors, None, "named body -> NGO")

    def _titled_surname(
        self, name: str, role: Hit, places: list[Hit], date: dt.date | None
    ) -> Term | None:
        """ "President Bush", "Chancellor Kohl": a curated person with that surname whose role
        has that title (and nationality, when given), on the date or most recently."""
        words = set(role.term.name.lower().split()) | {
            w for t in self.title_terms.get(role.term.name, ()) for w in t.split()
        }
        codes = {h.term.code for h in places if h.term.kind in {"demonym", "country"}}
        found = [
            t
            for t in self.by_surname.get(name.split()[-1].lower(), ())
            if t.entry is not None
            and t.entry.role
            and words & set(t.entry.role.lower().replace("-", " ").split())
            and (not codes or t.code in codes)
            and (date is None or t.entry.valid_on(date))
        ]
        if not found:
            return None
        best = max(found, key=lambda t: _recency(t.entry))
        return best if date is not None or len({t.code for t in found}) == 1 else None

    def _role_by_title(
        self,
        term: Term,
        title: Hit,
        named: set[str | None],
        date: dt.date | None,
        *,
        said: str = "",
    ) -> Term | None:
        """Among a person's roles on the date, the one that the title before the name fits:
        the nationality named with it, the same sector, shared words ("Prime Minister"),
        then the latest."""
        assert term.entry is not None  # person terms carry their entry
        # the words written ("Supreme Leader") before the title's row name ("president")
        words = set(said.lower().split()) - {"of", "the", "and"}
        words = words or set(title.term.name.lower().split()) - {"of", "the", "and"}

        def fit(t: Term) -> tuple[bool, bool, int]:
            assert t.entry is not None
            role = set((t.entry.role or "").lower().replace("-", " ").split())
            return (
                not named or t.code in named,
                t.entry.sectors[0] == title.term.sectors[0],
                len(words & role),
            )

        roles = [
            t
            for t in self.roles_of.get(term.entry.canonical, ())
            if t.entry is not None and (date is None or t.entry.valid_on(date))
        ]
        if not roles:
            return None
        best = max(roles, key=lambda t: (*fit(t), _recency(t.entry)))
        return best if fit(best) > fit(term) else None

    def _surname_country(self, name: str) -> str | None:
        """The one country of the curated people with this surname, if they share one."""
        codes = {t.code for t in self.by_surname.get(name.split()[-1].lower(), ())}
        if len(codes) == 1:
            (code,) = codes
            return code if code not in {"UNO", "IGO", "EUR", "NGO", "IMG", "MNC"} else None
        return None

    def _same_person(self, name: str, text: str, state: DocActors) -> Actor | None:
        """A bare or titled surname ("Nasirzadeh", "General Guler") named in full earlier."""
        surname = name.split()[-1]
        for _, actor in reversed(state.history):
            parts = actor.name.split()
            # family name last, or first as in "Lee Jae-myung", "Xi Jinping"
            if _looks_personal(actor) and surname in {parts[-1], parts[0]} and len(parts) > 1:
                return _as_coref(actor, text, f"coreference: surname of '{actor.name}'")
        return None

    def _nationality(
        self, head: Token, places: list[Hit], state: DocActors
    ) -> tuple[str | None, str]:
        if places:
            place = _closest(places, head.i)
            return place.term.code, f"from {place.term.kind} '{place.term.name}'"
        for child in head.children:
            if child.dep_ == "poss" and (
                child.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
                or child.lemma_.lower() in COUNTRY_NOUNS
            ):
                # "his government", "their leaders": the possessor's country ("its" too often
                # stands for a thing no actor names: "the city and its residents")
                owners = {a.code for a in state.resolved.get(child.i, ()) if a.code}
                if len(owners) == 1:
                    return owners.pop(), f"from the possessor '{child.text}'"
        own_term = state.by_token.get(head.i)
        if any(
            c.lower_ in FOREIGN
            and not (own_term is not None and own_term.start <= c.i < own_term.end)
            for c in head.children
            if c.dep_ == "amod"
        ):  # "foreign" inside "foreign ministry" says nothing of the ministry's country
            return None, "unknown (described as foreign)"
        if self.place_country is not None and head.pos_ != "PROPN":
            where = _place_name(head)  # "an Istanbul court", "Karachi police"
            code = self.place_country(where) if where else None
            if code:
                return code, f"from the place '{where}'"
        if self.place_country is not None:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in {"in", "from", "of"}:
                    for obj in prep.children:
                        where = _place_name(obj, any_label=_place_slot(obj))
                        code = self.place_country(where) if where else None
                        named = state.by_token.get(obj.i)
                        if (
                            named is not None
                            and named.term.kind in {"country", "capital", "seat"}
                            and (
                                not where
                                or not code
                                or len(where) <= len(state.doc[named.start : named.end].text)
                            )
                        ):
                            # "rebels in Chad", "a village in western Cambodia"
                            return named.term.code, f"from the place '{named.term.name}'"
                        if code:
                            return code, f"from the place '{where}'"
        if state.home_country:
            return state.home_country, "from the article's dateline or main country"
        return None, "unknown"

    def _homeland(self, head: Token, state: DocActors) -> tuple[str, str] | None:
        """The country of the place in a people's "of" phrase ("Serbs of Kosovo")."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                named = state.by_token.get(obj.i)
                if named is not None and named.term.kind in {"country", "capital"}:
                    return named.term.code or "", named.term.name
                where = _place_name(obj)
                code = self.place_country(where) if where and self.place_country else None
                if where and code:
                    return code, where
        return None

    def _definite_country(self, head: Token, tokens: list[int], state: DocActors) -> Actor | None:
        """ "the country", "the kingdom", "the Gulf state", "the island nation": the latest
        state named before."""
        lemma = head.lemma_.lower()
        doc = head.doc
        if lemma not in COUNTRY_NOUNS or head.tag_ in {"NNS", "NNPS"}:
            return None
        if doc[tokens[0]].lower_ != "the" or any(
            doc[i].dep_ == "poss" for i in tokens if i != head.i
        ):
            return None
        described = [i for i in tokens if doc[i].dep_ in {"amod", "compound"}]
        if lemma == "state" and not described:
            return None  # bare "the state" is too often a state of a federation
        if any(doc[i].dep_ in {"prep", "relcl", "acl"} for i in tokens):
            return None
        states = [
            (i, a)
            for i, a in state.history
            if i < head.i and a.reason.startswith(("country ", "capital ", "seat "))
        ]
        # the state the text is about: the latest named as a subject, else the latest
        subjects = [(i, a) for i, a in states if np_head(doc[i]).dep_ in SUBJECTS]
        if not states:
            return None
        _, actor = (subjects or states)[-1]
        return replace(
            actor,
            sector=None,
            sectors=(),
            text=span_text(doc, tokens),
            reason=f"coreference: the state '{actor.text}'",
        )

    def _definite_body(self, head: Token, tokens: list[int], state: DocActors) -> Actor | None:
        """ "the group", "the militant group", "the movement": the latest named body of that
        kind (an armed group, a party, an organisation)."""
        kinds = DEFINITE_BODIES.get(head.lemma_.lower())
        doc = head.doc
        if kinds is None or head.tag_ in {"NNS", "NNPS"} or doc[tokens[0]].lower_ != "the":
            return None
        if any(doc[i].pos_ == "PROPN" or doc[i].dep_ == "poss" for i in tokens):
            return None
        for i, actor in reversed(state.history):
            if i >= head.i:
                continue
            if _entry_kind(actor) in kinds:
                return _as_coref(actor, span_text(doc, tokens))
            if np_head(doc[i]).lemma_.lower() == head.lemma_.lower():
                return None  # "a group of protesters ... the group"
        return None

    def _counterpart_sector(self, head: Token, state: DocActors) -> str | None:
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in PERSON_PRONOUNS:
                antecedent = self._pronoun(child, state)
                if antecedent and antecedent[0].sector:
                    return antecedent[0].sector
        return None

    def _definite_reference(
        self,
        head: Token,
        tokens: list[int],
        country: str | None,
        sector: str,
        state: DocActors,
        *,
        role: str | None = None,
    ) -> Actor | None:
        """'the minister', 'the Iranian minister': an earlier named person of that kind."""
        first = head.doc[tokens[0]]
        if first.lower_ != "the" or head.tag_ in {"NNS", "NNPS"}:
            return None
        people = [
            a
            for _, a in reversed(state.history)
            if _looks_personal(a) and (country is None or a.code == country)
        ]
        if not people:
            return None
        # the same office first ("the envoy" after "the French ambassador"), then the same
        # sector, then the text's own country, then the latest
        best = max(
            enumerate(people),
            key=lambda p: (
                role is not None and p[1].role == role,
                p[1].sector == sector,
                p[1].code == state.home_country,
                -p[0],
            ),
        )[1]
        return _as_coref(best, span_text(head.doc, tokens))

    def _pronoun(self, head: Token, state: DocActors) -> tuple[Actor, ...]:
        lower = head.lower_
        if lower.endswith(("self", "selves")):
            return ()  # "killed themselves": never a separate recipient
        before = [(i, a) for i, a in state.history if i < head.i]
        if head.dep_ in {"dobj", "pobj", "dative"}:
            # "authorities arrested them", "Ankara accuses it": an object is never its own
            # clause's subject
            clause_subjects = _clause_subjects(head)
            before = [(i, a) for i, a in before if np_head(state.doc[i]).i not in clause_subjects]
        if lower in PERSON_PRONOUNS:
            people = [(i, a) for i, a in before if _looks_personal(a)]
            # Prefer the latest person who was a subject: "He" continues the topic.
            subjects = [(i, a) for i, a in people if _subject(np_head(state.doc[i]))]
            for _, actor in reversed(subjects or people):
                return (_as_coref(actor, head.text),)
            return ()
        if lower in GROUP_PRONOUNS:
            if head.dep_ in {"dobj", "pobj", "dative"}:
                state = DocActors(
                    state.doc,
                    state.hits,
                    state.by_token,
                    state.home_country,
                    state.home_reliable,
                    state.resolved,
                    before,
                )
            return self._last_group(head, state)
        if lower in THING_PRONOUNS:
            things = [(i, a) for i, a in before if not _looks_personal(a) and a.code]
            subjects = [(i, a) for i, a in things if np_head(state.doc[i]).dep_ in SUBJECTS]
            for _, actor in reversed(subjects or things):
                return (_as_coref(actor, head.text),)
        return ()

    def _two_sides(self, head: Token, state: DocActors) -> tuple[Actor, ...]:
        """ "the two sides", "both countries": a compound actor named before, else the two
        latest parties of different countries ("Fidan met Hussein ... the two sides")."""
        doc = head.doc
        before = [(i, a) for i, a in state.history if i < head.i]
        for i, _ in reversed(before):
            members = [a for j, a in before if _same_group(doc, i, j)]
            if len({a.code for a in members}) > 1:
                return tuple(_as_coref(a, head.text) for a in _dedupe_actors(members))
        # the people who met first ("Fidan met Hussein ... the two sides"), then anyone
        for pool in ([a for _, a in before if _looks_personal(a)], [a for _, a in before]):
            sides: dict[str, Actor] = {}
            for actor in reversed(pool):
                if actor.code and actor.code not in sides:
                    sides[actor.code] = actor
                if len(sides) == 2:
                    return tuple(_as_coref(a, head.text) for a in reversed(sides.values()))
        return ()

    def _last_group(self, head: Token, state: DocActors) -> tuple[Actor, ...]:
        """The most recent group: a compound of several actors, else a plural actor."""
        before = [(i, a) for i, a in state.history if i < head.i]
        if not before:
            return ()
        doc = head.doc
        for i, _ in reversed(before):
            members = [a for j, a in before if _same_group(doc, i, j)]
            if len({(a.code, a.name) for a in members}) > 1:
                return tuple(_as_coref(a, head.text) for a in _dedupe_actors(members))
        # "they" and "them" are people before they are states: "two French citizens detained
        # in Iran ... arrested them"
        for i, actor in reversed(before):
            if doc[i].tag_ in {"NNS", "NNPS"} and not _place_of(doc[i]):
                return (_as_coref(actor, head.text),)
        for i, actor in reversed(before):
            if doc[i].tag_ in {"NNS", "NNPS"} or not _looks_personal(actor):
                return (_as_coref(actor, head.text),)
        return ()


# -- helpers on tokens ------------------------------------------------------------------------


def _slip(word: str, name: str) -> bool:
    """A likely misspelling of ``name``: same first letter, one letter dropped, added or
    swapped (two for long names); a changed letter only in long names ("Franco" is not
    "France"), an added one only in short names ("Quatar", not "Spin" for "Spain")."""
    if word == name or word[0] != name[0]:
        return False
    if len(name) < 6:  # "Quatar": short names only take an extra letter
        return len(word) == len(name) + 1 and _edits(word, name) == 1
    if len(name) >= 9:
        return _edits(word, name) <= 2
    if len(word) == len(name):
        return sorted(word) == sorted(name) and _edits(word, name) == 1
    return _edits(word, name) == 1


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _edits(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _out_of_office(
    spans: dict[tuple[int, int], list[Term]], found: list[Hit], date: dt.date
) -> list[Hit]:
    """Curated people named on a date outside all their terms: elites (ELI) of their country,
    with the office they last held ("former President"), as CAMEO codes former leaders."""
    covered = {(h.start, h.end) for h in found if h.term.kind == "entry"}
    hits: list[Hit] = []
    for (start, end), terms in spans.items():
        if (start, end) in covered:
            continue
        past = [t for t in terms if t.entry and t.entry.end and t.entry.end <= date]
        if past:
            term = max(past, key=lambda t: _recency(t.entry))
            assert term.entry is not None and term.entry.end is not None
            if (date - term.entry.end).days <= GRACE_DAYS:
                # the news keeps the office of someone who has just died, resigned or lost it
                hits.append(Hit(start, end, term))
                continue
            role = f"former {term.entry.role}" if term.entry.role else None
        else:
            term = min(terms, key=lambda t: t.entry.start or dt.date.min if t.entry else date)
            role = None
        assert term.entry is not None  # person terms carry their entry
        entry = replace(term.entry, sectors=("ELI",), role=role)
        hits.append(Hit(start, end, replace(term, sectors=("ELI",), entry=entry)))
    return hits


def _military_act(head: Token) -> bool:
    """Nouns for what only armed forces do: "air strikes", "shelling", "a missile attack"."""
    lemma = head.lemma_.lower()
    if lemma in MILITARY_ACTS:
        return True
    return lemma in {"attack", "strike", "fire"} and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in MILITARY_MEANS for c in head.children
    )


def _behind_verb(head: Token, hit: Hit) -> bool:
    """A name inside a clause that the parser hung on the phrase ("rulers refused entry to
    a delegation of the AU"): not the phrase's own description."""
    token = head.doc[hit.end - 1]
    steps = 0
    while token.i != head.i and token.head.i != token.i and steps < 12:
        token = token.head
        steps += 1
        if token.i != head.i and token.pos_ in {"VERB", "AUX"}:
            # "the Houthi-run news agency": a body run by the name belongs to it
            owned = token.i > 0 and head.doc[token.i - 1].text == "-" and token.i < head.i
            if not (owned and token.lower_ in RUN_BY):
                return True
    return False


def _other_person(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    """A bare surname after a given name that none of the entry's names has."""
    if end - start != 1 or start == 0:
        return False
    before = doc[start - 1]
    if before.pos_ != "PROPN" or before.ent_type_ != "PERSON" or not before.text[:1].isupper():
        return False
    return not any(before.text in name.split() for name in entry.names)


def _needs_case(text: str) -> bool:
    """Short or dotted upper-case aliases ("US", "U.N.") must match with their case."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (text.isupper() or "." in text) and len(letters) <= 5


def _proper(span: Span) -> bool:
    first = span[0]
    if first.lower_ in {"the", "a"} and len(span) > 1:
        first = span[1]
    return first.text[:1].isupper() or not first.text[:1].isalpha()


def _former(head: Token, state: DocActors) -> bool:
    """ "former President X", "ousted leader", "ex-minister": the phrase names a past office.
    An apposition names one only when the phrase itself gives no office ("Opposition leader
    X, a former finance minister" leads the opposition now)."""
    doc = head.doc
    aside = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    tokens = np_tokens(head, with_of=False)
    own = [i for i in tokens if i not in aside]
    for i in tokens:
        token = doc[i]
        if token.lower_ in FORMER or token.lower_.startswith("ex-"):
            if i in aside and any(
                j in state.by_token and state.by_token[j].term.kind == "title" for j in own
            ):
                continue
            return True
    return False


def _backer(doc: Doc, hit: Hit) -> bool:
    """ "Russian-backed", "Tehran-sponsored", "French-speaking": someone else's backer or a
    language, not the nationality of what follows; "Israeli-occupied", "Russian-held" before a
    place: its occupier, not its country ("Kremlin-controlled media" are Russia's)."""
    if not (
        hit.term.kind in {"demonym", "country", "capital", "seat"}
        and hit.end + 1 < len(doc)
        and doc[hit.end].text == "-"
    ):
        return False
    word = doc[hit.end + 1]
    if word.lower_ in BACKED:
        return True
    if word.lower_ not in OCCUPIED:
        return False
    held = word.head if word.head.i > word.i else word
    return (
        held.ent_type_ in PLACE_ENTS
        or held.pos_ == "PROPN"  # "Russian-held Zaporizhzhia", whatever its entity label
        or held.lemma_.lower() in SETTLEMENT_NOUNS | {"area"}
    )


def _ethnic(doc: Doc, hit: Hit) -> bool:
    """ "ethnic Albanian", "anti-Syrian", "pro-Iranian": a stance or ethnicity, not a state."""
    if _backer(doc, hit):
        return True
    if hit.term.kind not in {"demonym", "country"} or hit.start == 0:
        return False
    before = doc[hit.start - 1]
    if hit.term.kind == "demonym" and before.lower_ == "ethnic":
        return True
    if before.text == "-" and hit.start > 1:
        before = doc[hit.start - 2]
    return before.lower_ in {"anti", "pro"}


def _implied(sectors: tuple[str, ...]) -> tuple[str, ...]:
    extra = tuple(IMPLIED_SECTORS[s] for s in sectors if s in IMPLIED_SECTORS)
    return tuple(dict.fromkeys((*sectors, *extra)))


def _place_of(token: Token) -> bool:
    """A noun in a phrase of place ("in the villages"): where something is, not who acts."""
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


_ENTRY_KIND = re.compile(r"^entry \S+ \((\w+)")


def _entry_kind(actor: Actor) -> str | None:
    """The dictionary kind of an actor resolved from an entry ("group", "party" ...)."""
    found = _ENTRY_KIND.match(actor.reason.removeprefix("coreference: "))
    return found.group(1) if found else None


def _clause_subjects(token: Token) -> set[int]:
    """Subjects of the clause an object belongs to ("them" in "police arrested them", "it" in
    "Ankara accuses it of ...")."""
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ in {"prep", "agent"}:
        verb = verb.head
    subjects = {t.i for t in verb.children if t.dep_ in SUBJECTS}
    if not subjects and verb.dep_ in {"conj", "xcomp"}:
        subjects = {t.i for t in verb.head.children if t.dep_ in SUBJECTS}
    return subjects


def _spoken_for(head: Token) -> Token | None:
    """The body a spokesperson speaks for: "the Taliban" in "a spokesman for the Taliban"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj
    return None


def _subject(token: Token) -> bool:
    """A clause subject, or a name in apposition to one ("The UN envoy, X, urged ...")."""
    if token.dep_ in SUBJECTS:
        return True
    return token.dep_ == "appos" and np_head(token.head).dep_ in SUBJECTS


def _counted(head: Token) -> Token | None:
    """The noun a counting head counts: "leaders" in "a group of Yoruba leaders"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj
    return None


def _place_slot(token: Token) -> bool:
    """A proper name where only a place can stand: "the town of Samarra", "in Khanty-Mansiysk"
    (whatever entity label other than a person's the parser gave it)."""
    if token.pos_ != "PROPN" or token.dep_ != "pobj" or token.ent_type_ == "PERSON":
        return False  # "confidence in Ali" is a person, whatever the gazetteer knows
    prep = token.head
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in SETTLEMENT_NOUNS and prep.head.pos_ == "NOUN"
    return prep.lower_ in PLACE_PREPS and prep.head.pos_ in {"VERB", "AUX"}


def _place_name(token: Token, *, any_label: bool = False) -> str | None:
    """The proper name of a place phrase: "Sindh" in "Sindh province", "West Bank" in "the
    West Bank city", when the parser took it for a place (or ``any_label``)."""
    parts: list[Token] = []
    stack = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    while stack:
        part = stack.pop()
        parts.append(part)
        stack.extend(c for c in part.children if c.dep_ == "compound" and c.pos_ == "PROPN")
    if token.pos_ == "PROPN":
        parts.append(token)
    # "Khanty-Mansiysk": the hyphen between two parts of the name
    parts += [c for c in token.children if c.dep_ == "punct" and c.text == "-" and parts]
    if not parts or not (any_label or any(t.ent_type_ in PLACE_ENTS for t in parts)):
        return None
    parts.sort(key=lambda t: t.i)
    if parts[-1].i - parts[0].i + 1 != len(parts):
        return None
    name = token.doc[parts[0].i : parts[-1].i + 1].text
    return name if name.lower() not in DIRECTIONS else None


def _strip_det(text: str) -> str:
    return text.removeprefix("the ")


def _unique(hits: Iterable[Hit]) -> list[Hit]:
    seen: dict[tuple[int, int], Hit] = {}
    for hit in hits:
        seen.setdefault((hit.start, hit.end), hit)
    return list(seen.values())


def _closest(hits: list[Hit], i: int) -> Hit:
    return min(hits, key=lambda h: (abs(h.start - i), KIND_RANK[h.term.kind]))


def _recency(entry: Entry | None) -> int:
    """Later roles first for undated text: an open role, then the most recently ended."""
    if entry is None or entry.end is None:
        return dt.date.max.toordinal()
    return entry.end.toordinal()


def _actor_from_entry(term: Term, text: str) -> Actor:
    entry = term.entry
    assert entry is not None  # entry hits always carry their entry
    dates = f"{entry.start or '…'}–{entry.end or '…'}"
    reason = (
        f"entry {entry.origin} ({entry.kind}{', ' + entry.role if entry.role else ''}, {dates})"
    )
    sector = entry.sectors[0] if entry.sectors else None
    return Actor(entry.code, sector, entry.canonical, text, entry.sectors, entry.role, reason)


def _looks_personal(actor: Actor) -> bool:
    """Persons: curated people, titled people and their coreferents (pronoun antecedents)."""
    return bool(actor.role) or "person" in actor.reason


def _role_applies(hit: Hit, head: Token) -> bool:
    """A title or agent term describes the phrase when it is its head ("Turkish police") or a
    noun title in front of a name ("Defense Minister ... Nasirzadeh"), not an adjective
    ("military cooperation", "civilian casualties")."""
    if hit.start <= head.i < hit.end:
        return True
    last = head.doc[hit.end - 1]
    if last.pos_ not in {"NOUN", "PROPN"}:
        return False
    # a noun title before a name, or a noun-noun compound ("coast guard personnel")
    return head.pos_ == "PROPN" or (last.dep_ == "compound" and last.head.i == head.i)


def _as_coref(actor: Actor, text: str, reason: str | None = None) -> Actor:
    """The earlier actor, as mentioned here."""
    return replace(actor, text=text, reason=reason or f"coreference: '{actor.text}'")


def _same_group(doc: Doc, i: int, j: int) -> bool:
    """Two resolved heads are one compound actor when joined by a conjunction."""
    a, b = doc[i], doc[j]
    return a.i == b.i or b in a.conjuncts


def _dedupe_actors(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[tuple[str | None, str], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.code, actor.name), actor)
    return list(seen.values())
