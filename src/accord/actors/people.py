"""Curated people by surname and role: "President Bush", "Prime Minister Haniyeh"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accord.actors.dictionary import ActorDictionary
from accord.actors.terms import Hit, Term, recency


class People:
    """Curated people by surname and by role."""

    def __init__(self, terms: Sequence[Term], dictionary: ActorDictionary) -> None:
        # curated people by surname, for titled references the dictionary leaves out as bare
        # names because they are ambiguous ("President Bush")
        self.by_surname: dict[str, list[Term]] = {}
        self.roles_of: dict[str, list[Term]] = {}  # every role of a curated person
        for term in terms:
            if term.entry is not None and term.entry.kind == "person":
                self.by_surname.setdefault(term.name.split()[-1].lower(), []).append(term)
                self.roles_of.setdefault(term.entry.canonical, []).append(term)
        self.title_terms = {a.terms[0]: a.terms for a in dictionary.agents if a.kind == "title"}

    def titled_surname(
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
        best = max(found, key=lambda t: recency(t.entry))
        return best if date is not None or len({t.code for t in found}) == 1 else None

    def role_by_title(
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
        best = max(roles, key=lambda t: (*fit(t), recency(t.entry)))
        return best if fit(best) > fit(term) else None

    def surname_country(self, name: str) -> str | None:
        """The one country of the curated people with this surname, if they share one."""
        codes = {t.code for t in self.by_surname.get(name.split()[-1].lower(), ())}
        if len(codes) == 1:
            (code,) = codes
            return code if code not in {"UNO", "IGO", "EUR", "NGO", "IMG", "MNC"} else None
        return None
