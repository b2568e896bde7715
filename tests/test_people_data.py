"""The curated people dictionary (accord/actors/data/people.tsv) is well formed and right
about the people the examples and the design brief rely on.

The file is read with the csv module on purpose: these tests pin the data, not the loader.
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

PEOPLE_TSV = Path(__file__).resolve().parents[1] / "src/accord/actors/data/people.tsv"

HEADER = ["names", "code", "sectors", "canonical", "kind", "role", "start", "end", "note"]
SECTORS = {
    *("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY"),
    *("IGO", "CVL", "BUS", "MED", "REL"),
}
# Surnames shared by too many people to stand for one person on their own.
AMBIGUOUS_SURNAMES = {"Kim", "Lee", "Khan", "Ali", "Smith", "Singh", "Wang", "Li", "Zhang", "Ahmed"}
# Offices that two people really held at once: rival governments, an acting chief.
SHARED_OFFICES = {("LBY", "Prime Minister"), ("NGA", "Chief of Army Staff")}


@dataclass(frozen=True)
class Row:
    line: int
    cells: list[str]

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


def _lines() -> Iterator[tuple[int, str]]:
    for number, line in enumerate(PEOPLE_TSV.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line


def _header() -> list[str]:
    _number, line = next(_lines())
    return next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def _rows() -> list[Row]:
    numbered = list(_lines())[1:]
    reader = csv.reader((line for _n, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Row(number, cells) for (number, _line), cells in zip(numbered, reader, strict=True)]


ROWS = _rows()


def _find(canonical: str, role: str, start: str) -> Row:
    found = [
        row
        for row in ROWS
        if row.canonical == canonical and row.role == role and row.cells[6] == start
    ]
    assert len(found) == 1, f"expected one row for {canonical}, {role}, {start}; got {found}"
    return found[0]


def test_header_is_exact() -> None:
    assert _header() == HEADER


def test_several_hundred_people() -> None:
    assert len(ROWS) >= 300


def test_every_row_has_nine_columns() -> None:
    bad = [row.line for row in ROWS if len(row.cells) != len(HEADER)]
    assert bad == [], f"rows without 9 tab-separated columns on lines {bad}"


def test_codes_are_three_capital_letters() -> None:
    bad = [(row.line, row.code) for row in ROWS if not re.fullmatch(r"[A-Z]{3}", row.code)]
    assert bad == []


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


def test_one_row_per_person_per_role_and_term() -> None:
    seen: dict[tuple[str, str, str], int] = {}
    for row in ROWS:
        key = (row.canonical, row.role, row.cells[6])
        assert key not in seen, f"line {row.line} repeats line {seen[key]}"
        seen[key] = row.line


def test_single_holder_offices_do_not_overlap() -> None:
    holders: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in ROWS:
        holders[(row.code, row.role)].append(row)
    far = dt.date.max
    for office, rows in holders.items():
        if office in SHARED_OFFICES:
            continue
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                if first.canonical == second.canonical:
                    continue
                assert not (
                    first.start < (second.end or far) and second.start < (first.end or far)
                ), f"{office}: lines {first.line} and {second.line} overlap"


def test_no_ambiguous_bare_surname() -> None:
    bad = [(row.line, name) for row in ROWS for name in row.names if name in AMBIGUOUS_SURNAMES]
    assert bad == []


@pytest.mark.parametrize(
    ("canonical", "code", "sectors", "role", "start", "end"),
    [
        ("Yasar Guler", "TUR", "MIL", "Chief of General Staff", "2018-07-10", "2023-06-04"),
        ("Yasar Guler", "TUR", "MIL|GOV", "Minister of National Defence", "2023-06-04", ""),
        ("Aziz Nasirzadeh", "IRN", "MIL|GOV", "Minister of Defence", "2024-08-21", ""),
        ("Recep Tayyip Erdogan", "TUR", "GOV", "President", "2014-08-28", ""),
        ("Joe Biden", "USA", "GOV", "President", "2021-01-20", "2025-01-20"),
        ("Donald Trump", "USA", "GOV", "President", "2017-01-20", "2021-01-20"),
        ("Donald Trump", "USA", "GOV", "President", "2025-01-20", ""),
        ("Bashar al-Assad", "SYR", "GOV", "President", "2000-07-17", "2024-12-08"),
        ("Ebrahim Raisi", "IRN", "GOV", "President", "2021-08-03", "2024-05-19"),
        ("Masoud Pezeshkian", "IRN", "GOV", "President", "2024-07-28", ""),
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
        ("Erdogan", "TUR"),
        ("Erdoğan", "TUR"),
        ("Guler", "TUR"),
        ("Nasirzadeh", "IRN"),
        ("Hemedti", "SDN"),
        ("Burhan", "SDN"),
        ("Guterres", "UNO"),
        ("Rutte", "IGO"),
        ("Kallas", "EUR"),
    ],
)
def test_distinctive_surnames_are_name_forms(name: str, code: str) -> None:
    assert any(name in row.names and row.code == code for row in ROWS)


def test_former_leaders_are_closed() -> None:
    # people who left office must not look like current holders
    for canonical in ("Joe Biden", "Bashar al-Assad", "Ebrahim Raisi", "Hassan Nasrallah"):
        assert all(row.end for row in ROWS if row.canonical == canonical), canonical
