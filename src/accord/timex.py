"""Event dates from time expressions, resolved against the publication date.

Conventions: a date of precision ``week`` is the Monday of that week, ``month`` the first of
the month, ``year`` the first of January. ``historical`` is true when the whole period ends
more than ``window_days`` before publication, or when the expression names a past year
("in 2003", "last year").
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser
    from spacy.tokens import Span, Token

PRECISIONS = ("day", "week", "month", "year", "publication", "none")


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as precisely as the text says."""

    date: dt.date | None
    precision: str  # day | week | month | year | publication | none
    historical: bool
    text: str | None
    reason: str


@dataclass(frozen=True)
class _Resolved:
    date: dt.date
    precision: str
    reason: str
    past_year: bool = False  # names a year before publication: historical whatever the window


_WEEKDAYS = {
    name: n
    for n, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_WD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?"
)
_MO = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_EDGE = r"(?:early|late|mid|earlier|later)[\s-]+"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Cues searched in raw text, for the expressions spaCy's NER misses ("early Friday",
# "overnight"); the resolver below decides what each means.
_CUE = re.compile(
    r"\b(?:"
    rf"(?:{_EDGE})?(?:(?:last|this|next|on)\s+)?{_WD}(?:'s)?{_PART}"
    r"|(?:(?:early|late|earlier|later)\s+)?(?:yesterday|today|tonight|tomorrow)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|overnight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:(?:early|late|earlier|later)\s+)?(?:last|this|next)\s+(?:week|month|year|weekend)"
    r"|(?:over\s+)?the\s+weekend"
    rf"|{_NUM}\s+(?:days?|weeks?|months?|years?|decades?)\s+ago"
    rf"|(?:{_EDGE})?{_MO}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MO}(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:in|since|during|last|next|early|late|mid|until)[\s-]+{_MO}(?:\s+(?:19|20)\d\d)?"
    rf"|{_MO}\s+(?:19|20)\d\d"
    r"|(?:in|since|during|by|until)\s+(?:early\s+|late\s+|mid-)?(?:the\s+)?(?:19|20)\d\d(?:s\b)?"
    r"|\d{4}-\d\d-\d\d"
    r")",
    re.IGNORECASE,
)

_CAPITALIZED = {*_WEEKDAYS, *_MONTHS}


def _cue_ok(text: str) -> bool:
    """Month and weekday words must be capitalized in running text ("may", "sat", "march")."""
    words = re.findall(r"[A-Za-z]+", text)
    return all(w[0].isupper() for w in words if w.lower() in _CAPITALIZED)


def _cue_text(text: str) -> str:
    """The cue without a sentence-final full stop ("on Tuesday." -> "on Tuesday")."""
    if not text.endswith("."):
        return text
    last = re.findall(r"[A-Za-z]+", text)[-1].lower()
    abbreviation = last in _CAPITALIZED and last not in _FULL_NAMES
    return text if abbreviation else text[:-1]


_FULL_NAMES = {name for name in _CAPITALIZED if len(name) > 4} | {"may", "june", "july"}


_LEAD = re.compile(r"^(?:on|in|at|during|since|by|until|of|from|as of|over)\s+", re.IGNORECASE)


def resolve_expression(text: str, *, published: dt.date | None) -> EventDate | None:
    """Resolve one time expression ("early Friday", "last month", "in 2003"), or None when
    it is not one this module understands (a duration, a time of day, ...)."""
    resolved, relative = _resolve(text, published)
    if resolved is None:
        if relative and published is None:
            return EventDate(None, "none", False, text, "relative date without publication date")
        return None
    return EventDate(
        resolved.date,
        resolved.precision,
        _historical(resolved, published, 7),
        text,
        resolved.reason,
    )


def resolve_event_date(
    sentence: Span | str,
    *,
    published: dt.date | None,
    trigger: Token | None = None,
    window_days: int = 7,
) -> EventDate:
    """The date of the event in ``sentence``: the time expression attached to the trigger
    (nearest in the parse when there are several), resolved against ``published``.

    >>> resolve_event_date("They met on Tuesday.", published=dt.date(2025, 1, 2)).date
    datetime.date(2024, 12, 31)
    """
    best: tuple[tuple[int, int, int], _Resolved, str] | None = None
    unresolvable: str | None = None
    for text, rank in _expressions(sentence, trigger):
        resolved, relative = _resolve(text, published)
        if resolved is None:
            if relative and published is None and unresolvable is None:
                unresolvable = text
            continue
        if best is None or rank < best[0]:
            best = (rank, resolved, text)
    if best is not None:
        _, resolved, text = best
        return EventDate(
            resolved.date,
            resolved.precision,
            _historical(resolved, published, window_days),
            text,
            resolved.reason,
        )
    if unresolvable is not None:
        return EventDate(
            None, "none", False, unresolvable, "relative date without publication date"
        )
    if published is not None:
        return EventDate(
            published, "publication", False, None, "no date expression; publication date"
        )
    return EventDate(None, "none", False, None, "no date expression and no publication date")


# --- finding expressions ------------------------------------------------------------------

_DAY_WORD = re.compile(rf"\b(?:{_WD}|yesterday|today|tonight)", re.IGNORECASE)
_DESCRIPTIVE_DEPS = {"compound", "amod", "nummod", "nmod", "quantmod"}


def _expressions(
    sentence: Span | str, trigger: Token | None
) -> Iterator[tuple[str, tuple[int, int, int]]]:
    """Candidate expressions with a rank (lower is closer to the trigger)."""
    if isinstance(sentence, str):
        for n, match in enumerate(m for m in _CUE.finditer(sentence) if _cue_ok(m.group(0))):
            yield _cue_text(match.group(0)), (0, n, 0)
        return
    spans: list[Span] = [e for e in sentence.ents if e.label_ in {"DATE", "TIME"}]
    for match in _CUE.finditer(sentence.text):
        if not _cue_ok(match.group(0)):
            continue
        start = sentence.start_char + match.start()
        end = start + len(_cue_text(match.group(0)))
        span = sentence.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    kept = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)
    clause = _reported_clause(trigger) if trigger is not None else None
    for span in kept:
        root = span.root
        # "the 2015 nuclear deal", "a two-day visit": a date describing a noun, not the event
        # (but "during Friday prayers" dates what happened at the prayers)
        descriptive = root.dep_ in _DESCRIPTIVE_DEPS and not _DAY_WORD.search(span.text)
        if descriptive and (trigger is None or root.head != trigger):
            continue
        # "X said on Monday that Y struck on Sunday": each date stays with its own clause
        if trigger is not None and _reported_clause(root) != clause:
            continue
        longer = -len(span)  # "early Friday" over "Friday"
        if trigger is None:
            yield span.text, (0, span.start, longer)
        else:
            yield span.text, (_tree_distance(root, trigger), abs(root.i - trigger.i), longer)


def _reported_clause(token: Token) -> int | None:
    """Index of the innermost reported clause (ccomp, parataxis) containing ``token``."""
    for t in [token, *token.ancestors]:
        if t.dep_ in {"ccomp", "parataxis"}:
            return t.i
    return None


def _tree_distance(a: Token, b: Token) -> int:
    depth_a = {a.i: 0}
    for n, token in enumerate(a.ancestors, start=1):
        depth_a[token.i] = n
    if b.i in depth_a:
        return depth_a[b.i]
    for n, token in enumerate(b.ancestors, start=1):
        if token.i in depth_a:
            return n + depth_a[token.i]
    return 100


# --- resolving ------------------------------------------------------------------------------


def _resolve(text: str, published: dt.date | None) -> tuple[_Resolved | None, bool]:
    """(resolution, is_relative): relative expressions need a publication date."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    t = _LEAD.sub("", t).strip(" ,.")
    t = re.sub(r"^the ", "", t)
    absolute = _absolute(t, published)
    if absolute is not None:
        return absolute, False
    if published is None:
        return None, _is_relative(t)
    relative = _relative(t, published)
    if relative is not None:
        return relative, True
    fallback = _dateparser(t, published)
    return fallback, fallback is not None


def _is_relative(t: str) -> bool:
    return bool(
        re.search(
            r"\b(?:yesterday|today|tonight|tomorrow|overnight|ago|last|this|next|earlier|week|"
            r"weekend|month|year)\b",
            t,
        )
        or re.search(rf"\b{_WD}\b", t)
        or re.fullmatch(rf"(?:{_EDGE})?{_MO}", t)
    )


def _absolute(t: str, published: dt.date | None) -> _Resolved | None:
    """Expressions that carry their year: "March 3, 2024", "in 2003", "2024-03-03"."""
    iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", t)
    if iso:
        day = _date(int(iso[1]), int(iso[2]), int(iso[3]))
        return _Resolved(day, "day", "ISO date") if day else None
    for pattern in (
        rf"(?:{_EDGE})?(?P<month>{_MO}) {_DAY},? {_YEAR}",
        rf"{_DAY} (?:of )?(?P<month>{_MO}),? {_YEAR}",
    ):
        m = re.fullmatch(pattern, t)
        if m:
            day = _date(int(m["year"]), _month(m["month"]), int(m["day"]))
            return _Resolved(day, "day", "explicit date") if day else None
    m = re.fullmatch(rf"(?:{_EDGE})?(?P<month>{_MO}),? {_YEAR}", t)
    if m:
        return _Resolved(dt.date(int(m["year"]), _month(m["month"]), 1), "month", "explicit month")
    m = re.fullmatch(rf"(?:{_EDGE})?{_YEAR}(?P<decade>s)?", t)
    if m:
        year = int(m["year"])
        past = published is not None and year < published.year
        what = "decade" if m["decade"] else "year"
        return _Resolved(dt.date(year, 1, 1), "year", f"explicit {what}", past_year=past)
    return None


def _relative(t: str, published: dt.date) -> _Resolved | None:
    day = published
    m = re.fullmatch(
        r"(?:(?:early|late|earlier|later) )?(today|tonight|yesterday|tomorrow)"
        r"(?: (?:morning|afternoon|evening|night))?"
        r"|overnight|last night|this (?:morning|afternoon|evening)|(?:day )?before yesterday",
        t,
    )
    if m:
        word = m.group(1) or t
        if word in {"today", "tonight"} or word.startswith("this "):
            return _Resolved(day, "day", "today: publication date")
        if word == "tomorrow":
            return _Resolved(day + dt.timedelta(days=1), "day", "tomorrow")
        if "before yesterday" in word:
            return _Resolved(day - dt.timedelta(days=2), "day", "the day before yesterday")
        return _Resolved(day - dt.timedelta(days=1), "day", f"{word}: the day before publication")
    m = re.fullmatch(rf"(?:{_EDGE})?(?:(?P<mod>last|this|next|on) )?(?P<wd>{_WD})(?:'s)?{_PART}", t)
    if m:
        return _weekday(_WEEKDAYS[m["wd"].rstrip(".")], m["mod"], published)
    m = re.fullmatch(
        r"(?:(?:early|late|earlier|later) )?(?P<rel>last|past|this|next) "
        r"(?P<unit>week|weekend|month|year)",
        t,
    )
    if m:
        return _period(m["rel"], m["unit"], published)
    if t in {"weekend", "over the weekend"}:
        return _period("last", "weekend", published)
    m = re.fullmatch(rf"(?P<n>{_NUM}|few|several) (?P<unit>day|week|month|year|decade)s? ago", t)
    if m:
        return _ago(m["n"], m["unit"], published)
    m = re.fullmatch(
        rf"(?:(?P<rel>last|next|early|late|mid|earlier|later)[ -]+)?(?P<month>{_MO})", t
    )
    if m:
        month = _month(m["month"])
        if m["rel"] == "next":
            year = published.year if month > published.month else published.year + 1
        else:
            year = published.year if month <= published.month else published.year - 1
        return _Resolved(dt.date(year, month, 1), "month", "month name: the most recent one")
    for pattern in (rf"(?:{_EDGE})?(?P<month>{_MO}) {_DAY}", rf"{_DAY} (?:of )?(?P<month>{_MO})"):
        m = re.fullmatch(pattern, t)
        if m:
            month, number = _month(m["month"]), int(m["day"])
            date = _date(published.year, month, number)
            if date is not None and date > published:
                date = _date(published.year - 1, month, number)
            if date is None:
                return None
            return _Resolved(date, "day", "day and month: the most recent one")
    return None


def _weekday(weekday: int, mod: str | None, published: dt.date) -> _Resolved:
    back = (published.weekday() - weekday) % 7
    if mod == "next":
        ahead = (weekday - published.weekday()) % 7 or 7
        return _Resolved(published + dt.timedelta(days=ahead), "day", "next weekday")
    if mod == "last" and back == 0:
        back = 7
    reason = "weekday: publication day" if back == 0 else "weekday: the most recent one"
    return _Resolved(published - dt.timedelta(days=back), "day", reason)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _period(rel: str, unit: str, published: dt.date) -> _Resolved | None:
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = _monday(published) + dt.timedelta(weeks=step)
        return _Resolved(monday, "week", f"{rel} week")
    if unit == "weekend":
        back = (published.weekday() - 5) % 7  # the most recent Saturday
        if rel == "next":
            back -= 7
        saturday = published - dt.timedelta(days=back)
        return _Resolved(_monday(saturday), "week", "weekend: its week")
    if unit == "month":
        return _Resolved(_add_months(published.replace(day=1), step), "month", f"{rel} month")
    year = published.year + step
    return _Resolved(dt.date(year, 1, 1), "year", f"{rel} year", past_year=step < 0)


def _ago(number: str, unit: str, published: dt.date) -> _Resolved:
    vague = number in {"few", "several"}
    n = 3 if vague else (int(number) if number.isdigit() else _NUMBERS[number])
    if unit == "day":
        day = published - dt.timedelta(days=n)
        if vague:
            return _Resolved(_monday(day), "week", "a few days ago: that week")
        return _Resolved(day, "day", f"{number} {unit}(s) ago")
    if unit == "week":
        day = _monday(published - dt.timedelta(weeks=n))
        return _Resolved(day, "week", f"{number} {unit}(s) ago")
    if unit == "month":
        day = _add_months(published.replace(day=1), -n)
        return _Resolved(day, "month", f"{number} {unit}(s) ago")
    years = n * 10 if unit == "decade" else n
    return _Resolved(
        dt.date(published.year - years, 1, 1), "year", f"{number} {unit}(s) ago", past_year=True
    )


def _dateparser(t: str, published: dt.date) -> _Resolved | None:
    """Numeric and unusual forms ("03/04/2024", "the 3rd of March") through dateparser."""
    if not re.search(rf"\b{_MO}", t) and not re.search(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}", t):
        return None  # durations and vague phrases ("60 days", "recent days") stay unresolved
    if re.search(r"\b(?:for|each|every|per|annual|daily|weekly|hours?|minutes?)\b|\d-", t):
        return None
    data = _parser(published).get_date_data(t)
    if data.date_obj is None:
        return None
    precision = data.period if data.period in {"day", "week", "month", "year"} else "day"
    day = data.date_obj.date()
    if precision == "week":
        day = _monday(day)
    elif precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = dt.date(day.year, 1, 1)
    return _Resolved(
        day, precision, "dateparser", past_year=precision == "year" and day.year < published.year
    )


@functools.lru_cache(maxsize=64)
def _parser(published: dt.date) -> DateDataParser:
    from dateparser.date import DateDataParser  # imported on first use: 0.15 s

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def _historical(resolved: _Resolved, published: dt.date | None, window_days: int) -> bool:
    if resolved.past_year:
        return True
    if published is None:
        return False
    return _period_end(resolved) < published - dt.timedelta(days=window_days)


def _period_end(resolved: _Resolved) -> dt.date:
    day = resolved.date
    if resolved.precision == "week":
        return day + dt.timedelta(days=6)
    if resolved.precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if resolved.precision == "year":
        return dt.date(day.year, 12, 31)
    return day


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
