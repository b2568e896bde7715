"""The historical people dictionary (accord/actors/data/people_historical.tsv) is well formed,
fits people.tsv without overlaps, and is right about the leaders event coders rely on most.

The files are read with the csv module, as in test_people_data; the last tests go through the
real loader.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from accord.actors.dictionary import NON_STATE_CODES, SECTORS, ActorDictionary

DATA = Path(__file__).resolve().parents[1] / "src/accord/actors/data"
HISTORICAL_TSV = DATA / "people_historical.tsv"
PEOPLE_TSV = DATA / "people.tsv"
COUNTRIES_TSV = DATA / "countries.tsv"

HEADER = ["names", "code", "sectors", "canonical", "kind", "role", "start", "end", "note"]
# Surnames shared by too many people to stand for one person on their own.
AMBIGUOUS_SURNAMES = {
    *("Kim", "Lee", "Khan", "Ali", "Smith", "Singh", "Wang", "Li", "Zhang", "Ahmed"),
    *("Bush", "Clinton", "Gandhi", "Sharif", "Hussein", "Abdullah", "Zia", "Rice", "Baker"),
}
# Offices that two people really held at once: rival governments, an acting chief, a
# disputed election (Gbagbo and Ouattara, 2010-2011).
SHARED_OFFICES = {("LBY", "Prime Minister"), ("NGA", "Chief of Army Staff"), ("CIV", "President")}
FAR = dt.date.max


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    cells: list[str]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def names(self) -> list[str]:
        return [name.strip() for name in self.cells[0].split("|")]

    @property
    def code(self) -> str:
        return self.cells[1]

    @property
    def sectors(self) -> list[str]:
        return self.cells[2].split("|")

    @property
    def canonical(self) -> str:
        return self.cells[3]

    @property
    def role(self) -> str:
        return self.cells[5]

    @property
    def start(self) -> dt.date | None:
        return dt.date.fromisoformat(self.cells[6]) if self.cells[6] else None

    @property
    def end(self) -> dt.date | None:
        return dt.date.fromisoformat(self.cells[7]) if self.cells[7] else None

    def overlaps(self, other: Row) -> bool:
        first, second = self.start or dt.date.min, other.start or dt.date.min
        return first < (other.end or FAR) and second < (self.end or FAR)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line


def _header(path: Path) -> list[str]:
    _number, line = next(_lines(path))
    return next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def _rows(path: Path) -> list[Row]:
    numbered = list(_lines(path))[1:]
    reader = csv.reader((line for _n, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [
        Row(path.name, number, cells)
        for (number, _line), cells in zip(numbered, reader, strict=True)
    ]


ROWS = _rows(HISTORICAL_TSV)
PEOPLE = _rows(PEOPLE_TSV)
CODES = {row.cells[0] for row in _rows(COUNTRIES_TSV)} | NON_STATE_CODES


def _find(canonical: str, role: str, start: str) -> Row:
    found = [r for r in ROWS if r.canonical == canonical and r.role == role and r.cells[6] == start]
    assert len(found) == 1, f"expected one row for {canonical}, {role}, {start}; got {found}"
    return found[0]


# -- form ------------------------------------------------------------------------------------


def test_header_is_exact() -> None:
    assert _header(HISTORICAL_TSV) == HEADER


def test_several_hundred_people() -> None:
    assert len(ROWS) >= 500


def test_every_row_has_nine_columns() -> None:
    bad = [row.line for row in ROWS if len(row.cells) != len(HEADER)]
    assert bad == [], f"rows without 9 tab-separated columns on lines {bad}"


def test_codes_are_known() -> None:
    bad = [(row.line, row.code) for row in ROWS if row.code not in CODES]
    assert bad == []
    assert all(re.fullmatch(r"[A-Z]{3}", row.code) for row in ROWS)


def test_sectors_are_known() -> None:
    bad = [(row.line, row.cells[2]) for row in ROWS if not set(row.sectors) <= SECTORS]
    assert bad == []


def test_every_row_is_a_person_with_a_role_and_a_start() -> None:
    bad = [row.line for row in ROWS if row.cells[4] != "person" or not row.role or not row.start]
    assert bad == []


def test_canonical_is_the_first_name_form() -> None:
    bad = [row.line for row in ROWS if row.canonical != row.names[0]]
    assert bad == []


def test_name_forms_are_clean_and_unique_within_a_row() -> None:
    for row in ROWS:
        folded = [name.casefold() for name in row.names]
        assert all(row.names), f"line {row.line}: empty name form"
        assert len(folded) == len(set(folded)), f"line {row.line}: repeated name form"


def test_dates_parse_and_start_precedes_end() -> None:
    for row in ROWS:
        try:
            start, end = row.start, row.end
        except ValueError as err:
            pytest.fail(f"line {row.line}: {err}")
        if start and end:
            # end is the first day out of office (exclusive), so it must come after start
            assert start < end, f"line {row.line}: start {start} is not before end {end}"


def test_the_file_is_historical() -> None:
    # rows begin before the period of people.tsv, give or take its first year
    late = [row.where for row in ROWS if row.start and row.start >= dt.date(2016, 1, 1)]
    assert late == []


def test_no_ambiguous_bare_surname() -> None:
    bad = [(row.line, name) for row in ROWS for name in row.names if name in AMBIGUOUS_SURNAMES]
    assert bad == []


# -- fit with people.tsv ------------------------------------------------------------------------


def test_one_row_per_person_per_role_and_term_across_both_files() -> None:
    seen: dict[tuple[str, str, str], str] = {}
    for row in PEOPLE + ROWS:
        key = (row.canonical, row.role, row.cells[6])
        assert key not in seen, f"{row.where} repeats {seen[key]}"
        seen[key] = row.where


def test_no_overlap_with_people_tsv_for_the_same_person_and_role() -> None:
    by_person: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in PEOPLE:
        by_person[(row.canonical, row.role)].append(row)
    clashes = [
        (row.where, other.where)
        for row in ROWS
        for other in by_person.get((row.canonical, row.role), [])
        if row.overlaps(other)
    ]
    assert clashes == []


def test_single_holder_offices_do_not_overlap_across_both_files() -> None:
    holders: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in PEOPLE + ROWS:
        holders[(row.code, row.role)].append(row)
    clashes = []
    for office, rows in holders.items():
        if office in SHARED_OFFICES:
            continue
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                if first.canonical == second.canonical or first.file == second.file == "people.tsv":
                    continue
                if first.overlaps(second):
                    clashes.append((office, first.where, second.where))
    assert clashes == []


def test_a_name_form_names_one_person_at_a_time() -> None:
    # "George Bush" is on the rows of both presidents Bush, whose terms do not overlap
    by_form: dict[str, list[Row]] = defaultdict(list)
    for row in PEOPLE + ROWS:
        for name in row.names:
            by_form[name.casefold()].append(row)
    clashes = []
    for form, rows in by_form.items():
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                if first.canonical == second.canonical or first.file == second.file == "people.tsv":
                    continue
                if first.overlaps(second):
                    clashes.append((form, first.where, second.where))
    assert clashes == []


@pytest.mark.parametrize(
    ("code", "role", "outgoing", "day"),
    [
        ("USA", "President", "George W. Bush", "2009-01-20"),
        ("USA", "Secretary of State", "Hillary Clinton", "2013-02-01"),
        ("GBR", "Prime Minister", "Gordon Brown", "2010-05-11"),
        ("FRA", "President", "Nicolas Sarkozy", "2012-05-15"),
        ("DEU", "Chancellor", "Gerhard Schroeder", "2005-11-22"),
        ("ISR", "Prime Minister", "Ehud Olmert", "2009-03-31"),
        ("SYR", "President", "Hafez al-Assad", None),
        ("CHN", "President", "Hu Jintao", "2013-03-14"),
        ("PRK", "Supreme Leader", "Kim Jong Il", "2011-12-17"),
        ("UNO", "Secretary-General of the United Nations", "Kofi Annan", "2007-01-01"),
        ("IGO", "Secretary General of NATO", "Anders Fogh Rasmussen", "2014-10-01"),
        ("EUR", "President of the European Commission", "Jose Manuel Barroso", "2014-11-01"),
    ],
)
def test_historical_rows_hand_over_to_people_tsv(
    code: str, role: str, outgoing: str, day: str | None
) -> None:
    """The last historical holder leaves office on the day the first people.tsv holder starts."""
    first = min(
        (r for r in PEOPLE if (r.code, r.role) == (code, role)),
        key=lambda r: r.start or dt.date.min,
    )
    last = max((r for r in ROWS if (r.code, r.role) == (code, role)), key=lambda r: r.end or FAR)
    assert last.canonical == outgoing
    if day is None:  # a short vacancy or an acting holder between the two
        assert last.end is not None and last.end <= first.start
    else:
        assert last.cells[7] == first.cells[6] == day


# -- people the examples and the brief rely on ---------------------------------------------------


@pytest.mark.parametrize(
    ("canonical", "code", "sectors", "role", "start", "end"),
    [
        (
            "Mikhail Gorbachev",
            "SUN",
            "GOV",
            "General Secretary of the Communist Party of the Soviet Union",
            "1985-03-11",
            "1991-08-24",
        ),
        ("Mikhail Gorbachev", "SUN", "GOV", "President", "1990-03-15", "1991-12-25"),
        ("Boris Yeltsin", "RUS", "GOV", "President", "1991-07-10", "1999-12-31"),
        ("Vladimir Putin", "RUS", "GOV", "President", "1999-12-31", "2008-05-07"),
        ("Francois Mitterrand", "FRA", "GOV", "President", "1981-05-21", "1995-05-17"),
        ("Hosni Mubarak", "EGY", "GOV", "President", "1981-10-14", "2011-02-11"),
        (
            "Yasser Arafat",
            "PSE",
            "GOV",
            "President of the Palestinian Authority",
            "1994-07-05",
            "2004-11-11",
        ),
        ("Saddam Hussein", "IRQ", "GOV", "President", "1979-07-16", "2003-04-09"),
        ("Nelson Mandela", "ZAF", "GOV", "President", "1994-05-10", "1999-06-14"),
        ("Ruhollah Khomeini", "IRN", "GOV", "Supreme Leader", "1979-02-11", "1989-06-03"),
        ("Slobodan Milosevic", "SRB", "GOV", "President", "1989-05-08", "1997-07-23"),
        (
            "Radovan Karadzic",
            "BIH",
            "REB|SEP",
            "President of Republika Srpska",
            "1992-01-09",
            "1996-07-19",
        ),
        (
            "Ratko Mladic",
            "BIH",
            "MIL|REB",
            "Commander of the Army of Republika Srpska",
            "1992-05-12",
            "1996-11-08",
        ),
        (
            "Manuel Noriega",
            "PAN",
            "MIL",
            "Commander of the Panama Defense Forces",
            "1983-08-12",
            "1989-12-20",
        ),
        ("Jonas Savimbi", "AGO", "REB", "Leader of UNITA", "1966-03-13", "2002-02-22"),
        ("Mullah Mohammed Omar", "AFG", "GOV", "Supreme Leader", "1996-09-27", "2001-11-13"),
        (
            "Kurt Waldheim",
            "UNO",
            "IGO|GOV",
            "Secretary-General of the United Nations",
            "1972-01-01",
            "1982-01-01",
        ),
    ],
)
def test_reference_rows(
    canonical: str, code: str, sectors: str, role: str, start: str, end: str
) -> None:
    row = _find(canonical, role, start)
    assert (row.code, row.cells[2], row.cells[7]) == (code, sectors, end)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Gorbachev", "SUN"),
        ("Yeltsin", "RUS"),
        ("Mitterrand", "FRA"),
        ("Mubarak", "EGY"),
        ("Arafat", "PSE"),
        ("Saddam", "IRQ"),
        ("Mandela", "ZAF"),
        ("Tudjman", "HRV"),
        ("Izetbegovic", "BIH"),
        ("Boutros-Ghali", "UNO"),
        ("Delors", "EUR"),
        ("Solana", "IGO"),
    ],
)
def test_distinctive_surnames_are_name_forms(name: str, code: str) -> None:
    assert any(name in row.names and row.code == code for row in ROWS)


def test_dead_and_departed_leaders_are_closed() -> None:
    for canonical in ("Yasser Arafat", "Saddam Hussein", "Muammar Gaddafi", "Kim Jong Il"):
        assert all(row.end for row in ROWS if row.canonical == canonical), canonical


# -- through the loader --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _holder(dictionary: ActorDictionary, name: str, day: str) -> tuple[str, str]:
    date = dt.date.fromisoformat(day)
    found = {
        (e.canonical, e.code) for e in dictionary.entries if name in e.names and e.valid_on(date)
    }
    assert len(found) == 1, f"{name} on {day}: {found}"
    return found.pop()


def test_the_loader_reads_the_file(dictionary: ActorDictionary) -> None:
    origins = [e.origin for e in dictionary.entries if e.origin.startswith(HISTORICAL_TSV.name)]
    assert len(origins) == len(ROWS)


@pytest.mark.parametrize(
    ("name", "day", "canonical", "code"),
    [
        ("George Bush", "1990-08-02", "George H. W. Bush", "USA"),
        ("George Bush", "2003-03-20", "George W. Bush", "USA"),
        ("Assad", "1990-01-01", "Hafez al-Assad", "SYR"),
        ("Assad", "2012-01-01", "Bashar al-Assad", "SYR"),
        ("Gorbachev", "1989-11-09", "Mikhail Gorbachev", "SUN"),
        ("Putin", "2005-01-01", "Vladimir Putin", "RUS"),
        ("Kabila", "1998-08-02", "Laurent-Desire Kabila", "COD"),
        ("Kabila", "2005-01-01", "Joseph Kabila", "COD"),
        ("Netanyahu", "1997-01-01", "Benjamin Netanyahu", "ISR"),
    ],
)
def test_dates_decide_who_a_shared_name_is(
    dictionary: ActorDictionary, name: str, day: str, canonical: str, code: str
) -> None:
    assert _holder(dictionary, name, day) == (canonical, code)
