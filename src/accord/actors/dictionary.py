"""Actor dictionaries: countries, curated entries and generic agents, loaded from TSV files.

The bundled files live in ``accord/actors/data`` (their formats are described in the README
there). ``ActorDictionary.load()`` reads and validates them once per process; users add their
own entry files (people, organisations) with ``extra``. Matching the names against text is
the resolver's job, not this module's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from accord.errors import DataError

DATA_DIR = Path(__file__).with_name("data")
COUNTRIES_FILE = "countries.tsv"
AGENTS_FILE = "agents.tsv"

COUNTRY_COLUMNS = ("code", "name", "aliases", "demonyms", "capital", "seats", "start", "end")
ENTRY_COLUMNS = ("names", "code", "sectors", "canonical", "kind", "role", "start", "end", "note")
AGENT_COLUMNS = ("terms", "sector", "kind", "note")

# Codes of non-state actors; every other code must be a country of countries.tsv.
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UNO", "EUR"})

# CAMEO-style sector (agent type) codes.
SECTORS = frozenset(
    {
        "GOV",  # government, executive
        "MIL",  # military
        "COP",  # police
        "JUD",  # judiciary, prosecutors
        "LEG",  # legislature
        "OPP",  # political opposition
        "REB",  # rebels, insurgents, armed opposition
        "SEP",  # separatists
        "INS",  # insurgents (when told apart from rebels)
        "UAF",  # unaffiliated armed forces: gunmen, militias, mercenaries
        "SPY",  # intelligence services
        "PKO",  # peacekeepers
        "CVL",  # civilians, protesters
        "BUS",  # business
        "MED",  # media
        "REL",  # religious
        "LAB",  # labour
        "EDU",  # education
        "REF",  # refugees, displaced people, migrants
        "HLH",  # health
        "HRI",  # human rights
        "ENV",  # environment
        "AGR",  # agriculture
        "DEV",  # development
        "ELI",  # elites
        "CRM",  # criminals
        "MOD",  # moderates
        "RAD",  # radicals
        "IGO",  # intergovernmental organisation
        "NGO",  # non-governmental organisation
    }
)

ENTRY_KINDS = frozenset(
    {"organisation", "group", "legislature", "party", "seat", "political", "historical", "person"}
)
AGENT_KINDS = frozenset({"agent", "title"})

_CODE_RE = re.compile(r"[A-Z]{3}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _valid_on(start: dt.date | None, end: dt.date | None, day: dt.date | None) -> bool:
    if day is None:
        return end is None
    return (start is None or start <= day) and (end is None or day < end)


@dataclass(frozen=True)
class Country:
    """A state (or territory) with the names that refer to it or to its government."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    seats: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the state existed on ``day`` (``end`` is exclusive; None means today)."""
        return _valid_on(self.start, self.end, day)


@dataclass(frozen=True)
class Entry:
    """A curated actor: a person, organisation, party, seat of power or political name."""

    names: tuple[str, ...]
    code: str
    sectors: tuple[str, ...]
    canonical: str
    kind: str
    role: str | None
    start: dt.date | None
    end: dt.date | None
    origin: str  # "file.tsv:LINE"

    @property
    def sector(self) -> str:
        """The primary sector."""
        return self.sectors[0]

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the entry applies on ``day``.

        ``start`` is inclusive and ``end`` exclusive, so one row can end on the day the next
        begins. An unknown day (None) means "now": only entries without an end apply.
        """
        return _valid_on(self.start, self.end, day)


@dataclass(frozen=True)
class Agent:
    """Generic terms for an agent ("police", "protesters") or a title ("defense minister")."""

    terms: tuple[str, ...]
    sector: str
    kind: str  # agent | title
    origin: str


@dataclass(frozen=True)
class ActorDictionary:
    """Every name the actor resolver knows, validated."""

    countries: tuple[Country, ...]
    entries: tuple[Entry, ...]
    agents: tuple[Agent, ...]

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorDictionary:
        """The bundled dictionaries plus ``extra`` entry files, whose entries come first.

        >>> ActorDictionary.load().country("TUR").capital
        'Ankara'
        """
        bundled = _bundled()
        if not extra:
            return bundled
        codes = bundled.codes
        added = tuple(
            entry for path in extra for entry in _read_entries(Path(path), codes, bundled=False)
        )
        return cls(
            countries=bundled.countries, entries=added + bundled.entries, agents=bundled.agents
        )

    @functools.cached_property
    def _by_code(self) -> dict[str, Country]:
        return {country.code: country for country in self.countries}

    @functools.cached_property
    def _by_name(self) -> dict[str, Country]:
        return {name.casefold(): country for country in self.countries for name in country.names}

    @property
    def codes(self) -> frozenset[str]:
        """Every valid actor code: the country codes and the non-state codes."""
        return frozenset(self._by_code) | NON_STATE_CODES

    def country(self, code: str) -> Country | None:
        """The country with ISO 3166 alpha-3 ``code`` (or a historical code such as SUN)."""
        return self._by_code.get(code)

    def country_by_name(self, name: str) -> Country | None:
        """The country whose name or alias is ``name``, ignoring case ("Türkiye", "UK")."""
        return self._by_name.get(name.strip().casefold())


@functools.cache
def _bundled() -> ActorDictionary:
    countries = _read_countries(DATA_DIR / COUNTRIES_FILE)
    codes = frozenset(c.code for c in countries) | NON_STATE_CODES
    entry_files = sorted(
        path for path in DATA_DIR.glob("*.tsv") if path.name not in {COUNTRIES_FILE, AGENTS_FILE}
    )
    entries = tuple(
        entry for path in entry_files for entry in _read_entries(path, codes, bundled=True)
    )
    agents = _read_agents(DATA_DIR / AGENTS_FILE)
    return ActorDictionary(countries=countries, entries=entries, agents=agents)


# -- reading ---------------------------------------------------------------------------------


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a TSV file as (line number, stripped cells), after checking the header."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # tolerate the BOM spreadsheets write
    except FileNotFoundError as err:
        raise DataError(str(path), None, "file not found") from err
    except UnicodeDecodeError as err:
        raise DataError(str(path), None, f"not UTF-8 text ({err.reason})") from err
    except OSError as err:
        raise DataError(str(path), None, f"cannot read the file: {err.strerror}") from err
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if tuple(cells) != columns:
                raise DataError(
                    str(path), number, f"expected the header row {'<TAB>'.join(columns)!r}"
                )
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataError(
                str(path),
                number,
                f"expected {len(columns)} tab-separated columns ({', '.join(columns)}), "
                f"found {len(cells)}; keep empty columns as empty fields",
            )
        yield number, cells
    if not header_seen:
        raise DataError(str(path), None, f"no header row {'<TAB>'.join(columns)!r}")


def _listing(values: frozenset[str]) -> str:
    return ", ".join(sorted(values))


def _items(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split("|") if item.strip())


def _date(cell: str, column: str, path: Path, line: int) -> dt.date | None:
    if not cell:
        return None
    if _DATE_RE.fullmatch(cell):
        try:
            return dt.date.fromisoformat(cell)
        except ValueError:
            pass
    raise DataError(str(path), line, f"{column} {cell!r} is not a date YYYY-MM-DD")


def _period(start: str, end: str, path: Path, line: int) -> tuple[dt.date | None, dt.date | None]:
    first, last = _date(start, "start", path, line), _date(end, "end", path, line)
    if first and last and first >= last:
        raise DataError(
            str(path), line, f"start {first} is not before end {last} (end is exclusive)"
        )
    return first, last


def _read_countries(path: Path) -> tuple[Country, ...]:
    countries: list[Country] = []
    owner: dict[str, tuple[str, int]] = {}  # casefolded name -> (code, line)
    for line, cells in _rows(path, COUNTRY_COLUMNS):
        code, name, aliases, demonyms, capital, seats, start, end = cells
        if not _CODE_RE.fullmatch(code):
            raise DataError(str(path), line, f"code {code!r} is not three capital letters")
        if code in NON_STATE_CODES:
            raise DataError(str(path), line, f"code {code} is reserved for non-state actors")
        if code in {c.code for c in countries}:
            raise DataError(str(path), line, f"country {code} is listed twice")
        if not name:
            raise DataError(str(path), line, "empty name")
        first, last = _period(start, end, path, line)
        country = Country(
            code=code,
            name=name,
            aliases=_items(aliases),
            demonyms=_items(demonyms),
            capital=capital or None,
            seats=_items(seats),
            start=first,
            end=last,
        )
        # A name must point at one country, or "Congo" would resolve by file order.
        own = (*country.names, *country.demonyms, *([capital] if capital else []), *country.seats)
        for text in own:
            key = text.casefold()
            other = owner.setdefault(key, (code, line))
            if other[0] != code:
                raise DataError(
                    str(path), line, f"{text!r} already names {other[0]} (line {other[1]})"
                )
        countries.append(country)
    return tuple(countries)


def _read_entries(path: Path, codes: frozenset[str], *, bundled: bool) -> Iterator[Entry]:
    label = path.name if bundled else str(path)
    for line, cells in _rows(path, ENTRY_COLUMNS):
        names, code, sectors, canonical, kind, role, start, end, _note = cells
        name_list = _items(names)
        if not name_list:
            raise DataError(str(path), line, "empty names")
        if code not in codes:
            raise DataError(
                str(path),
                line,
                f"unknown code {code!r}: use a country code of {COUNTRIES_FILE} or one of "
                f"{_listing(NON_STATE_CODES)}",
            )
        sector_list = _sectors(sectors, path, line)
        if kind not in ENTRY_KINDS:
            raise DataError(
                str(path), line, f"unknown kind {kind!r}: use one of {_listing(ENTRY_KINDS)}"
            )
        first, last = _period(start, end, path, line)
        yield Entry(
            names=name_list,
            code=code,
            sectors=sector_list,
            canonical=canonical or name_list[0],
            kind=kind,
            role=role or None,
            start=first,
            end=last,
            origin=f"{label}:{line}",
        )


def _sectors(cell: str, path: Path, line: int) -> tuple[str, ...]:
    sectors = _items(cell)
    if not sectors:
        raise DataError(str(path), line, "no sector")
    for sector in sectors:
        if sector not in SECTORS:
            raise DataError(
                str(path), line, f"unknown sector {sector!r}: use one of {_listing(SECTORS)}"
            )
    return sectors


def _read_agents(path: Path) -> tuple[Agent, ...]:
    agents: list[Agent] = []
    seen: dict[str, int] = {}
    for line, cells in _rows(path, AGENT_COLUMNS):
        terms, sector, kind, _note = cells
        term_list = _items(terms)
        if not term_list:
            raise DataError(str(path), line, "empty terms")
        if "|" in sector:
            raise DataError(str(path), line, "an agent row has exactly one sector")
        (sector_code,) = _sectors(sector, path, line)
        if kind not in AGENT_KINDS:
            raise DataError(
                str(path), line, f"unknown kind {kind!r}: use one of {_listing(AGENT_KINDS)}"
            )
        for term in term_list:
            first = seen.setdefault(term.casefold(), line)
            if first != line:
                raise DataError(str(path), line, f"term {term!r} is already listed on line {first}")
        agents.append(
            Agent(terms=term_list, sector=sector_code, kind=kind, origin=f"{path.name}:{line}")
        )
    return tuple(agents)
