"""The bundled heads of state and government of countries outside the other people files."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.actors.dictionary import ActorDictionary, Entry


@pytest.fixture(scope="module")
def rows() -> list[Entry]:
    return [e for e in ActorDictionary.load().entries if e.origin.startswith("people_world.tsv")]


def holders(rows: list[Entry], code: str, role: str, day: dt.date) -> set[str]:
    return {e.canonical for e in rows if e.code == code and e.role == role and e.valid_on(day)}


@pytest.mark.parametrize(
    ("code", "role", "day", "canonical"),
    [
        ("GRC", "Prime Minister", dt.date(1985, 1, 1), "Andreas Papandreou"),
        ("GRC", "Prime Minister", dt.date(2010, 6, 1), "George Papandreou"),
        ("IRL", "Taoiseach (Prime Minister)", dt.date(2000, 1, 1), "Bertie Ahern"),
        ("FIN", "President", dt.date(1995, 1, 1), "Martti Ahtisaari"),
        ("FJI", "Prime Minister", dt.date(2000, 1, 1), "Mahendra Chaudhry"),
        ("NZL", "Prime Minister", dt.date(2020, 1, 1), "Jacinda Ardern"),
        ("VNM", "Prime Minister", dt.date(2010, 1, 1), "Nguyen Tan Dung"),
    ],
)
def test_office_holders_on_a_date(
    rows: list[Entry], code: str, role: str, day: dt.date, canonical: str
) -> None:
    assert holders(rows, code, role, day) == {canonical}


def test_no_two_people_hold_one_office_at_once(rows: list[Entry]) -> None:
    clashes = []
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if (a.code, a.role) != (b.code, b.role) or a.canonical == b.canonical:
                continue
            start = max(a.start or dt.date.min, b.start or dt.date.min)
            end = min(a.end or dt.date.max, b.end or dt.date.max)
            if start < end:
                clashes.append((a.origin, b.origin))
    assert clashes == []


def test_a_surname_that_is_a_country_is_not_a_name_form(rows: list[Entry]) -> None:
    dictionary = ActorDictionary.load()
    countries = {n.casefold() for c in dictionary.countries for n in c.names}
    assert not [n for e in rows for n in e.names if n.casefold() in countries]
