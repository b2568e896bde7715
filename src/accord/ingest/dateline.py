"""Headline and dateline recognition at the start of wire copy.

``"TEHRAN (Tasnim) – Iran's ..."`` → place ``"Tehran"``, agency ``"Tasnim"``;
``"UNITED NATIONS, Nov 2 (Reuters) - ..."`` → place, agency and a day of the month that is
resolved against the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# All-caps words that open a story without being a place ("BREAKING: ...").
_NOT_PLACES = frozenset(
    {
        "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "BULLETIN", "CORRECTED", "CORRECTION",
        "EDITORIAL", "EXCLUSIVE", "EXPLAINER", "FACTBOX", "FEATURE", "FLASH", "INTERVIEW",
        "LIVE", "NEW", "NOTE", "OPINION", "PHOTOS", "POLL", "REFILE", "REVIEW", "UPDATE",
        "UPDATED", "URGENT", "VIDEO", "WARNING", "WATCH",
    }
)  # fmt: skip
# Lower-case words allowed inside a place name ("RIO DE JANEIRO" → "Rio de Janeiro").
_PARTICLES = frozenset(
    {
        "al", "as", "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos", "du",
        "el", "en", "la", "le", "los", "of", "on", "upon", "van", "von", "y",
    }
)  # fmt: skip

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WORD = r"[^\W\d_][\w'’.\-]*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_DATELINE = re.compile(
    rf"""
    [ \t\n]*
    (?P<places>{_NAME}(?:[ ]?/[ ]?{_NAME})*)
    (?:,[ ]*(?P<region>{_NAME}))??
    (?:,[ ]*(?:
        (?P<month>{_MONTH})\.?[ ]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
      | (?P<day2>\d{{1,2}})[ ]+(?P<month2>{_MONTH})\.?
    )(?:,?[ ]+(?P<year>(?:19|20)\d\d))?\.?)?
    [ ]*
    (?:\((?P<agency>[^()\n]{{1,40}})\)|/(?P<agency2>[^/\n]{{1,40}})/)?
    (?:[ ]*(?:-{{1,3}}|[–—:])[ \t\n]*|(?<=[)/])\.?[ \t\n]+)
    (?=[^\s\-–—])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a story body; ``end`` is where the story begins."""

    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None
    end: int

    def resolve_date(self, reference: dt.date | None) -> dt.date | None:
        """The dateline day, in the year of ``reference`` (most recent one not after it)."""
        if self.month is None or self.day is None:
            return None
        if self.year is not None:
            return _make_date(self.year, self.month, self.day)
        if reference is None:
            return None
        for year in range(reference.year, reference.year - 8, -1):
            candidate = _make_date(year, self.month, self.day)
            if candidate is not None and candidate <= reference:
                return candidate
        return None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_dateline(body: str) -> Dateline | None:
    """The dateline at the very start of ``body``, or None.

    >>> parse_dateline("KYIV, Ukraine (AP) — Russia said ...").place
    'Kyiv'
    """
    match = _DATELINE.match(body[:200])
    if match is None:
        return None
    if body[match.end()].islower():  # "NATO - the alliance ..." is a sentence, not a dateline
        return None
    places = [p.strip() for p in match["places"].split("/")]
    agency = (match["agency"] or match["agency2"] or "").strip() or None
    month_name = match["month"] or match["month2"]
    has_date = month_name is not None
    all_caps = all(_is_caps_name(p) for p in places)
    # A title-case opening is a dateline only with the agency or date that marks it as one.
    if not all_caps and not (agency or has_date):
        return None
    if not all(_is_name(p) for p in places) or places[0].upper() in _NOT_PLACES:
        return None
    if match["region"] is not None and not _is_name(match["region"]):
        return None
    if agency is not None and not any(c.isalpha() for c in agency):
        return None
    day_text = match["day"] or match["day2"]
    return Dateline(
        place=_title_case(places[0]) if all_caps else places[0],
        agency=agency,
        month=_MONTHS[month_name[:3].lower()] if month_name else None,
        day=int(day_text) if day_text else None,
        year=int(match["year"]) if match["year"] else None,
        end=match.end(),
    )


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _is_caps_name(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in _PARTICLES or w.isupper()]
    return bool(words) and all(w.isupper() for w in words) and len(text.replace(" ", "")) >= 2


def _title_case(place: str) -> str:
    """``"UNITED NATIONS"`` → ``"United Nations"``; keeps ``"D.C."`` and particles."""
    words = []
    for position, word in enumerate(place.split()):
        if position and word.lower() in _PARTICLES:
            words.append(word.lower())
        elif re.fullmatch(r"(?:\w\.)+", word):
            words.append(word)
        else:
            words.append("-".join(_capitalise(part) for part in word.split("-")))
    return " ".join(words)


def _capitalise(part: str) -> str:
    cut = next((i for i, c in enumerate(part) if c in "'’"), -1)
    if cut == 1:  # N'DJAMENA → N'Djamena, O'HARE → O'Hare
        return part[0].upper() + part[1] + part[2:3].upper() + part[3:].lower()
    return part[:1].upper() + part[1:].lower()


def split_headline(
    text: str, *, title: str | None = None, headline: bool | None = None
) -> tuple[str | None, str]:
    """Split ``text`` into (headline, body).

    With ``title`` given, a first line equal to it is dropped and ``title`` is returned.
    Otherwise the first line is the headline when ``headline`` is True, or (when None) when
    it is short, has no final period, is no dateline, and more text follows.
    """
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    first = first.strip()
    if title is not None:
        if headline or (newline and _same_line(first, title)):
            return title, rest
        return title, stripped
    if headline is False or not first:
        return None, stripped
    if headline or (newline and rest.strip() and _looks_like_headline(first, stripped)):
        return first, rest
    return None, stripped


def _same_line(line: str, title: str) -> bool:
    def key(s: str) -> str:
        return " ".join(s.casefold().split()).rstrip(".:")

    return key(line) == key(title)


def _looks_like_headline(line: str, text: str) -> bool:
    if len(line) > 200 or len(line.split()) > 25:
        return False
    if line[-1] in ".,;:" or line.endswith("…"):
        return False
    return parse_dateline(text) is None
