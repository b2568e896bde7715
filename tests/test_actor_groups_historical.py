"""The bundled file of historical armed groups, movements, parties and international bodies."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.actors.dictionary import ActorDictionary, Entry


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def lookup(dictionary: ActorDictionary, name: str, day: dt.date | None) -> Entry:
    found = [
        e
        for e in dictionary.entries
        if name.casefold() in {n.casefold() for n in e.names} and e.valid_on(day)
    ]
    assert found, f"no entry for {name!r} on {day}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "day", "code", "sector"),
    [
        ("Revolutionary United Front", dt.date(1999, 5, 1), "SLE", "REB"),
        ("LTTE", dt.date(2006, 8, 1), "LKA", "REB"),
        ("UNITA", dt.date(1998, 1, 1), "AGO", "REB"),
        ("UNITA", dt.date(2010, 1, 1), "AGO", "OPP"),
        ("NPFL", dt.date(1992, 1, 1), "LBR", "REB"),
        ("Islamic Salvation Front", dt.date(1995, 1, 1), "DZA", "REB"),
        ("Shining Path", dt.date(1990, 1, 1), "PER", "REB"),
        ("Moro Islamic Liberation Front", dt.date(2000, 1, 1), "PHL", "REB"),
        ("Kosovo Liberation Army", dt.date(1998, 6, 1), "XKX", "REB"),
        ("Rwandan Patriotic Front", dt.date(1993, 1, 1), "RWA", "REB"),
        ("Rwandan Patriotic Front", dt.date(1995, 1, 1), "RWA", "GOV"),
        ("Organization of African Unity", dt.date(1990, 1, 1), "IGO", "IGO"),
        ("UNPROFOR", dt.date(1994, 1, 1), "UNO", "PKO"),
        ("Chechen rebels", dt.date(1996, 1, 1), "RUS", "SEP"),
    ],
)
def test_historical_groups_carry_country_and_sector_on_the_date(
    dictionary: ActorDictionary, name: str, day: dt.date, code: str, sector: str
) -> None:
    entry = lookup(dictionary, name, day)
    assert (entry.code, entry.sector) == (code, sector)


def test_splm_is_sudanese_before_the_south_became_independent(dictionary: ActorDictionary) -> None:
    assert lookup(dictionary, "SPLM", dt.date(1995, 1, 1)).code == "SDN"
    assert lookup(dictionary, "SPLM", dt.date(1995, 1, 1)).sector == "REB"
    assert lookup(dictionary, "SPLM", dt.date(2015, 1, 1)).code == "SSD"


def test_given_names_and_surnames_are_not_ethnic_names(dictionary: ActorDictionary) -> None:
    names = {n.casefold() for e in dictionary.entries for n in e.names}
    assert "karen" not in names
    assert "moro" not in names
    assert "solidarity" not in names
