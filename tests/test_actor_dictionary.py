"""The bundled actor dictionaries and their loader."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from accord.actors.dictionary import (
    DATA_DIR,
    ENTRY_COLUMNS,
    SECTORS,
    ActorDictionary,
    Entry,
)
from accord.errors import DataError

UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()  # noqa: SIM905

ENTRY_HEADER = "\t".join(ENTRY_COLUMNS)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def entries_named(dictionary: ActorDictionary, name: str) -> list[Entry]:
    return [e for e in dictionary.entries if name in e.names]


def resolve(dictionary: ActorDictionary, name: str, day: dt.date | None) -> Entry:
    """The first entry with ``name`` valid on ``day``, as a resolver would pick it."""
    return next(e for e in entries_named(dictionary, name) if e.valid_on(day))


def write(tmp_path: Path, text: str, name: str = "extra.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the bundled data ------------------------------------------------------------------------


def test_loads_every_bundled_file(dictionary: ActorDictionary) -> None:
    origins = {e.origin.split(":")[0] for e in dictionary.entries}
    assert {"organisations.tsv", "political_names.tsv"} <= origins
    assert len(dictionary.countries) > 200
    assert len(dictionary.entries) > 300
    assert sum(len(a.terms) for a in dictionary.agents) > 300


def test_load_is_cached(dictionary: ActorDictionary) -> None:
    assert ActorDictionary.load() is dictionary


def test_every_un_member_and_the_other_states_are_present(dictionary: ActorDictionary) -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    codes = {c.code for c in dictionary.countries}
    assert set(UN_MEMBERS) <= codes
    assert {"PSE", "XKX", "TWN", "HKG", "ESH", "VAT"} <= codes


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("United States of America", "USA"),
        ("UK", "GBR"),
        ("Great Britain", "GBR"),
        ("DRC", "COD"),
        ("Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("DPRK", "PRK"),
        ("ROK", "KOR"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Czechia", "CZE"),
        ("Swaziland", "SWZ"),
        ("UAE", "ARE"),
        ("Palestine", "PSE"),
        ("Kosovo", "XKX"),
        ("USSR", "SUN"),
    ],
)
def test_country_names_and_aliases(dictionary: ActorDictionary, name: str, code: str) -> None:
    country = dictionary.country_by_name(name)
    assert country is not None and country.code == code


@pytest.mark.parametrize(
    ("code", "demonyms"),
    [
        ("TUR", {"Turkish", "Turk", "Turks"}),
        ("SAU", {"Saudi", "Saudis", "Saudi Arabian"}),
        ("ARE", {"Emirati", "Emiratis"}),
        ("PHL", {"Filipino", "Filipinos", "Philippine"}),
        ("ISR", {"Israeli", "Israelis"}),
        ("USA", {"American", "Americans"}),
        ("GBR", {"British", "Briton", "Britons"}),
        ("CHN", {"Chinese"}),
        ("IRN", {"Iranian", "Iranians"}),
        ("PSE", {"Palestinian", "Palestinians"}),
        ("UKR", {"Ukrainian", "Ukrainians"}),
        ("XKX", {"Kosovar", "Kosovan"}),
        ("TWN", {"Taiwanese"}),
        ("COD", {"Congolese"}),
        ("SDN", {"Sudanese"}),
        ("SSD", {"South Sudanese"}),
        ("NER", {"Nigerien"}),
        ("NGA", {"Nigerian"}),
    ],
)
def test_demonyms(dictionary: ActorDictionary, code: str, demonyms: set[str]) -> None:
    country = dictionary.country(code)
    assert country is not None
    assert demonyms <= set(country.demonyms)


@pytest.mark.parametrize(
    ("code", "capital", "seat"),
    [
        ("TUR", "Ankara", None),
        ("RUS", "Moscow", "Kremlin"),
        ("USA", "Washington", "White House"),
        ("GBR", "London", "Downing Street"),
        ("FRA", "Paris", "Élysée"),
        ("CHN", "Beijing", "Zhongnanhai"),
        ("UKR", "Kyiv", "Kiev"),
        ("IRN", "Tehran", None),
        ("ISR", "Jerusalem", None),
        ("PSE", "Ramallah", None),
    ],
)
def test_capitals_and_seats(
    dictionary: ActorDictionary, code: str, capital: str, seat: str | None
) -> None:
    country = dictionary.country(code)
    assert country is not None and country.capital == capital
    if seat:
        assert seat in country.seats


def test_no_country_name_points_at_two_countries(dictionary: ActorDictionary) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for country in dictionary.countries:
        capital = (country.capital,) if country.capital else ()
        for text in (*country.names, *country.demonyms, *capital, *country.seats):
            first = owner.setdefault(text.casefold(), country.code)
            if first != country.code:
                clashes.append((text, first, country.code))
    assert clashes == []


def test_historical_states_have_dates(dictionary: ActorDictionary) -> None:
    soviet = dictionary.country("SUN")
    assert soviet is not None and soviet.end == dt.date(1991, 12, 26)
    assert soviet.valid_on(dt.date(1980, 1, 1))
    assert not soviet.valid_on(dt.date(1995, 1, 1))
    assert not soviet.valid_on(None)
    russia = dictionary.country("RUS")
    assert russia is not None and russia.valid_on(None)


def test_un_bodies_and_igos(dictionary: ActorDictionary) -> None:
    assert resolve(dictionary, "UN", None).code == "UNO"
    assert resolve(dictionary, "UNSC", None).code == "UNO"
    assert resolve(dictionary, "UNHCR", None).code == "UNO"
    assert resolve(dictionary, "NATO", None).code == "IGO"
    assert resolve(dictionary, "EU", None).code == "EUR"
    assert resolve(dictionary, "ICC", None).code == "IGO"
    assert resolve(dictionary, "MSF", None).code == "NGO"
    assert resolve(dictionary, "ISIS", None).code == "IMG"


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("Pentagon", "USA", "MIL"),
        ("CIA", "USA", "SPY"),
        ("Congress", "USA", "LEG"),
        ("Knesset", "ISR", "LEG"),
        ("IDF", "ISR", "MIL"),
        ("IRGC", "IRN", "MIL"),
        ("State Duma", "RUS", "LEG"),
        ("PLA", "CHN", "MIL"),
        ("Tatmadaw", "MMR", "MIL"),
        ("Hamas", "PSE", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("Houthis", "YEM", "REB"),
        ("al-Shabaab", "SOM", "REB"),
        ("PKK", "TUR", "REB"),
        ("M23", "COD", "REB"),
        ("Palestinian Authority", "PSE", "GOV"),
    ],
)
def test_national_bodies_and_armed_groups(
    dictionary: ActorDictionary, name: str, code: str, sector: str
) -> None:
    entry = resolve(dictionary, name, dt.date(2025, 6, 1))
    assert (entry.code, entry.sector) == (code, sector)


def test_political_names(dictionary: ActorDictionary) -> None:
    zionist = resolve(dictionary, "Zionist regime", dt.date(2025, 9, 24))
    assert (zionist.code, zionist.sector, zionist.kind) == ("ISR", "GOV", "political")
    assert resolve(dictionary, "Kyiv regime", None).code == "UKR"
    assert resolve(dictionary, "Great Satan", None).code == "USA"
    assert resolve(dictionary, "Tehran regime", None).code == "IRN"
    assad = entries_named(dictionary, "Assad regime")
    assert [e.end for e in assad] == [dt.date(2024, 12, 8)]
    assert assad[0].valid_on(dt.date(2024, 12, 7))
    assert not assad[0].valid_on(dt.date(2024, 12, 8))


def test_taliban_are_rebels_before_the_fall_of_kabul_and_government_after(
    dictionary: ActorDictionary,
) -> None:
    assert resolve(dictionary, "Taliban", dt.date(2021, 8, 14)).sector == "REB"
    assert resolve(dictionary, "Taliban", dt.date(2021, 8, 15)).sector == "GOV"
    assert resolve(dictionary, "Taliban", dt.date(1999, 1, 1)).sector == "GOV"
    assert resolve(dictionary, "Taliban", None).sector == "GOV"
    assert {e.code for e in entries_named(dictionary, "Taliban")} == {"AFG"}


def test_hts_takes_power_on_the_fall_of_assad(dictionary: ActorDictionary) -> None:
    assert resolve(dictionary, "HTS", dt.date(2024, 12, 7)).sector == "REB"
    assert resolve(dictionary, "HTS", dt.date(2024, 12, 8)).sector == "GOV"


def test_entry_names_are_unambiguous_on_any_day(dictionary: ActorDictionary) -> None:
    """Two bundled rows sharing a name must cover disjoint periods or agree on the actor."""
    by_name: dict[str, list[Entry]] = {}
    for entry in dictionary.entries:
        if entry.origin.startswith(("organisations.tsv", "political_names.tsv")):
            for name in entry.names:
                by_name.setdefault(name.casefold(), []).append(entry)
    clashes = []
    for name, entries in by_name.items():
        for i, a in enumerate(entries):
            for b in entries[i + 1 :]:
                start = max(a.start or dt.date.min, b.start or dt.date.min)
                end = min(a.end or dt.date.max, b.end or dt.date.max)
                if start < end and (a.code, a.sectors) != (b.code, b.sectors):
                    clashes.append((name, a.origin, b.origin))
    assert clashes == []


@pytest.mark.parametrize(
    ("term", "sector", "kind"),
    [
        ("police", "COP", "agent"),
        ("riot police", "COP", "agent"),
        ("troops", "MIL", "agent"),
        ("protesters", "CVL", "agent"),
        ("rebels", "REB", "agent"),
        ("gunmen", "UAF", "agent"),
        ("refugees", "REF", "agent"),
        ("journalists", "MED", "agent"),
        ("lawmakers", "LEG", "agent"),
        ("smugglers", "CRM", "agent"),
        ("president", "GOV", "title"),
        ("foreign minister", "GOV", "title"),
        ("defense minister", "MIL", "title"),
        ("defence minister", "MIL", "title"),
        ("brigadier general", "MIL", "title"),
        ("attorney general", "JUD", "title"),
        ("opposition leader", "OPP", "title"),
    ],
)
def test_agents_and_titles(dictionary: ActorDictionary, term: str, sector: str, kind: str) -> None:
    (agent,) = [a for a in dictionary.agents if term in a.terms]
    assert (agent.sector, agent.kind) == (sector, kind)


def test_every_sector_used_is_known(dictionary: ActorDictionary) -> None:
    used = {s for e in dictionary.entries for s in e.sectors} | {
        a.sector for a in dictionary.agents
    }
    assert used <= SECTORS


# -- extra files and validation ---------------------------------------------------------------


def test_extra_entries_come_first_and_override(tmp_path: Path) -> None:
    path = write(
        tmp_path, f"{ENTRY_HEADER}\n# mine\n\nHamas\tPSE\tGOV\tHamas (mine)\tgroup\t\t\t\t\n"
    )
    dictionary = ActorDictionary.load([path])
    entry = resolve(dictionary, "Hamas", None)
    assert (entry.canonical, entry.sector, entry.origin) == ("Hamas (mine)", "GOV", f"{path}:4")
    assert len(dictionary.entries) == len(ActorDictionary.load().entries) + 1


def test_entry_fields_are_parsed(tmp_path: Path) -> None:
    row = "Jane Roe| Roe \tUSA\tGOV|MIL\t\tperson\tSecretary of Examples\t2025-01-20\t2026-01-01\tx"
    path = write(tmp_path, f"{ENTRY_HEADER}\n{row}\n")
    (entry, *_) = ActorDictionary.load([str(path)]).entries
    assert entry.names == ("Jane Roe", "Roe")
    assert entry.sectors == ("GOV", "MIL")
    assert entry.canonical == "Jane Roe"
    assert entry.role == "Secretary of Examples"
    assert (entry.start, entry.end) == (dt.date(2025, 1, 20), dt.date(2026, 1, 1))
    assert not entry.valid_on(None)


def test_readme_example_loads(tmp_path: Path) -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```\n(names\t.*?)```", readme, re.S)
    assert example is not None
    path = write(tmp_path, example.group(1))
    (entry, *_) = ActorDictionary.load([path]).entries
    assert (entry.code, entry.kind, entry.role) == ("USA", "person", "Secretary of Examples")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Foo\tUSA\tGOV\tFoo\tgroup\t\t\t", "expected 9 tab-separated columns"),
        ("Foo\tUSA\tGOV\tFoo\tgroup\t\t\t\t\t", "found 10"),
        ("Foo\tXYZ\tGOV\tFoo\tgroup\t\t\t\t", "unknown code 'XYZ'"),
        ("Foo\tusa\tGOV\tFoo\tgroup\t\t\t\t", "unknown code 'usa'"),
        ("Foo\tUSA\tGOVT\tFoo\tgroup\t\t\t\t", "unknown sector 'GOVT'"),
        ("Foo\tUSA\t\tFoo\tgroup\t\t\t\t", "no sector"),
        ("Foo\tUSA\tGOV\tFoo\tgang\t\t\t\t", "unknown kind 'gang'"),
        ("Foo\tUSA\tGOV\tFoo\tgroup\t\t2021-13-01\t\t", "start '2021-13-01' is not a date"),
        ("Foo\tUSA\tGOV\tFoo\tgroup\t\t\t15/08/2021\t", "end '15/08/2021' is not a date"),
        ("Foo\tUSA\tGOV\tFoo\tgroup\t\t2022-01-01\t2021-01-01\t", "is not before end"),
        (" | \tUSA\tGOV\tFoo\tgroup\t\t\t\t", "empty names"),
    ],
)
def test_bad_entry_rows_are_reported_with_file_and_line(
    tmp_path: Path, row: str, reason: str
) -> None:
    good = "Bar\tIGO\tIGO\tBar\torganisation\t\t\t\t"
    path = write(tmp_path, f"# comment\n{ENTRY_HEADER}\n{good}\n\n{row}\n")
    with pytest.raises(DataError) as caught:
        ActorDictionary.load([path])
    assert caught.value.path == str(path)
    assert caught.value.line == 5
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}:5: ")


def test_a_wrong_header_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "names\tcode\tsector\n")
    with pytest.raises(DataError, match=r"extra\.tsv:1: expected the header row"):
        ActorDictionary.load([path])


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        ActorDictionary.load([tmp_path / "nope.tsv"])


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes(f"{ENTRY_HEADER}\nCôte\tCIV\tGOV\t\tgroup\t\t\t\t\n".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8"):
        ActorDictionary.load([path])


def test_bundled_country_and_agent_files_are_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accord.actors import dictionary as module

    countries = (DATA_DIR / "countries.tsv").read_text(encoding="utf-8")
    write(tmp_path, countries + "XCG\tNew Congo\tCongo\t\t\t\t\t\n", "countries.tsv")
    write(tmp_path, (DATA_DIR / "agents.tsv").read_text(encoding="utf-8"), "agents.tsv")
    monkeypatch.setattr(module, "DATA_DIR", tmp_path)
    module._bundled.cache_clear()
    try:
        with pytest.raises(DataError, match=r"'Congo' already names COD"):
            module._bundled()
        write(tmp_path, countries, "countries.tsv")
        agents = (DATA_DIR / "agents.tsv").read_text(encoding="utf-8")
        write(tmp_path, agents + "police\tCOP\tagent\t\n", "agents.tsv")
        with pytest.raises(DataError, match=r"agents\.tsv:\d+: term 'police' is already listed"):
            module._bundled()
        write(tmp_path, agents + "cops\tCOP|MIL\tagent\t\n", "agents.tsv")
        with pytest.raises(DataError, match="exactly one sector"):
            module._bundled()
    finally:
        module._bundled.cache_clear()
