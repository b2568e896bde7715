"""Dictionary terms in a document: one precompiled ``PhraseMatcher`` for every country,
capital, seat of power, curated entry, title and agent, with the checks on case, dates and
misspellings that decide which matches count."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from accord.actors.dictionary import ActorDictionary, Entry
from accord.actors.spelling import deletions, is_slip
from accord.domain import Actor

# Maps a place name to its country ("Darfur" -> "SDN"); the gazetteer provides one.
PlaceCountry = Callable[[str], str | None]
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
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]{5,}\b")  # words a misspelling check looks at
FUZZY_MIN = {"country": 5, "demonym": 6, "capital": 8}
FUZZY_ENTS = {"", "GPE", "NORP", "LOC", "ORG"}  # the parser tags unknown words ORG
# Days after leaving office during which the news still names a person by that office.
GRACE_DAYS = 31


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


class TermMatcher:
    """Every dictionary term of one spaCy vocabulary, matched in a document."""

    def __init__(
        self,
        nlp: Language,
        dictionary: ActorDictionary,
        *,
        place_country: PlaceCountry | None = None,
    ) -> None:
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
                    for key in deletions(name.lower()):
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
                -recency(h.term.entry),
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
            candidates = {c for key in deletions(lower) for c in self._fuzzy.get(key, ())}
            close = {index for index, name in candidates if is_slip(lower, name)}
            codes = {self.terms[i].code for i in close}
            elsewhere = self.place_country(text) if self.place_country is not None else None
            if len(codes) != 1 or (elsewhere is not None and elsewhere not in codes):
                continue  # "Indiana" is a place of its own, not a slip for "Indian"
            best = min(close, key=lambda i: KIND_RANK[self.terms[i].kind])
            extra.append(Hit(token.i, token.i + 1, self.terms[best]))
        return extra


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
            term = max(past, key=lambda t: recency(t.entry))
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


def recency(entry: Entry | None) -> int:
    """Later roles first for undated text: an open role, then the most recently ended."""
    if entry is None or entry.end is None:
        return dt.date.max.toordinal()
    return entry.end.toordinal()


def unique_hits(hits: Iterable[Hit]) -> list[Hit]:
    seen: dict[tuple[int, int], Hit] = {}
    for hit in hits:
        seen.setdefault((hit.start, hit.end), hit)
    return list(seen.values())


def closest(hits: list[Hit], i: int) -> Hit:
    return min(hits, key=lambda h: (abs(h.start - i), KIND_RANK[h.term.kind]))


def actor_from_entry(term: Term, text: str) -> Actor:
    entry = term.entry
    assert entry is not None  # entry hits always carry their entry
    dates = f"{entry.start or '…'}–{entry.end or '…'}"
    reason = (
        f"entry {entry.origin} ({entry.kind}{', ' + entry.role if entry.role else ''}, {dates})"
    )
    sector = entry.sectors[0] if entry.sectors else None
    return Actor(entry.code, sector, entry.canonical, text, entry.sectors, entry.role, reason)
