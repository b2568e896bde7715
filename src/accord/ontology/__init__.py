"""The event ontologies: CAMEO codes, PLOVER categories, and this project's mapping between them.

The tables are data files under ``data/`` (formats in ``data/README.md``); ``Ontology.load()``
reads and validates the bundled ones once per process::

    >>> onto = Ontology.load()
    >>> onto.coding("042").event, onto.coding("042").mode, onto.coding("042").goldstein
    ('CONSULT', 'visit', 1.9)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from accord.errors import DataError

__all__ = ["DATA_DIR", "CameoCode", "Coding", "Mode", "Ontology", "PloverCategory"]

DATA_DIR = Path(__file__).with_name("data")
CAMEO_FILE = "cameo.tsv"
PLOVER_FILE = "plover.yaml"
MAPPING_FILE = "cameo_plover.tsv"
NO_EVENT = "-"

_CODE = re.compile(r"\d{2,4}")
_CATEGORY = re.compile(r"[A-Z][A-Z_]*")
_NAME = re.compile(r"[a-z][a-z0-9_-]*")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Mode:
    name: str
    description: str


@dataclass(frozen=True)
class PloverCategory:
    name: str
    description: str
    quad_class: int
    scale: float
    modes: tuple[Mode, ...]

    def has_mode(self, name: str) -> bool:
        return any(mode.name == name for mode in self.modes)


@dataclass(frozen=True)
class Coding:
    """The ontology values an event carries, all derived from one CAMEO code."""

    cameo: str
    cameo_name: str
    event: str | None
    mode: str | None
    context: tuple[str, ...]
    quad_class: int
    goldstein: float
    plover_scale: float


@dataclass(frozen=True)
class _Mapping:
    event: str | None
    mode: str | None
    context: tuple[str, ...]


def quad_class_of_root(root: str) -> int:
    """CAMEO QuadClass of a root: 1/2 verbal/material cooperation, 3/4 verbal/material conflict."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    return 3 if number <= 13 else 4


class Ontology:
    """CAMEO codes, PLOVER categories and the CAMEO→PLOVER mapping, validated together."""

    def __init__(
        self,
        *,
        codes: dict[str, CameoCode],
        categories: dict[str, PloverCategory],
        contexts: tuple[str, ...],
        mapping: dict[str, _Mapping],
        version: str,
    ) -> None:
        self._codes = codes
        self._categories = categories
        self._contexts = contexts
        self._context_set = frozenset(contexts)
        self.version = version
        # Resolve every code once so that lookups are a dict access.
        self._resolved = {code: _longest_prefix(mapping, code) for code in codes}
        self._representative: dict[tuple[str, str | None], str] = {}
        for code in sorted(codes, key=lambda c: (len(c) != 3, len(c), c)):
            resolved = self._resolved[code]
            if len(code) > 2 and resolved.event is not None:
                self._representative.setdefault((resolved.event, resolved.mode), code)

    @classmethod
    def load(cls) -> Ontology:
        """The bundled ontology, read and validated once per process."""
        return _load_bundled()

    @classmethod
    def from_dir(cls, path: str | Path) -> Ontology:
        """Read and validate the three ontology files in ``path`` (not cached)."""
        directory = Path(path)
        codes = _read_cameo(directory / CAMEO_FILE)
        version, categories, contexts = _read_plover(directory / PLOVER_FILE)
        mapping = _read_mapping(directory / MAPPING_FILE, codes, categories, frozenset(contexts))
        ontology = cls(
            codes=codes,
            categories=categories,
            contexts=contexts,
            mapping=mapping,
            version=version,
        )
        for name in categories:
            if (name, None) not in ontology._representative:
                raise DataError(
                    str(directory / MAPPING_FILE),
                    None,
                    f"no CAMEO code maps to {name} without a mode: add a row for one",
                )
        return ontology

    @property
    def codes(self) -> tuple[CameoCode, ...]:
        return tuple(self._codes.values())

    @property
    def categories(self) -> tuple[PloverCategory, ...]:
        return tuple(self._categories.values())

    @property
    def contexts(self) -> tuple[str, ...]:
        return self._contexts

    def is_cameo(self, code: str) -> bool:
        return code in self._codes

    def cameo(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise LookupError(
                f"unknown CAMEO code {code!r}: expected a 2-4 digit code of CAMEO 1.1b3, "
                "as a string with its leading zero (e.g. '042')"
            ) from None

    def category(self, name: str) -> PloverCategory:
        try:
            return self._categories[name]
        except KeyError:
            known = ", ".join(self._categories)
            raise LookupError(
                f"unknown PLOVER category {name!r}: expected one of {known}"
            ) from None

    def plover(self, cameo: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        """PLOVER (event, mode, context) of a CAMEO code; event is None for unmapped codes.

        >>> Ontology.load().plover("0871")
        ('RETREAT', 'ceasefire', ('military',))
        """
        self.cameo(cameo)
        resolved = self._resolved[cameo]
        return resolved.event, resolved.mode, resolved.context

    def coding(self, cameo: str, *, mode: str | None = None, context: Sequence[str] = ()) -> Coding:
        """All ontology values for a CAMEO code; ``mode`` replaces and ``context`` extends the
        mapping's."""
        code = self.cameo(cameo)
        resolved = self._resolved[cameo]
        event = resolved.event
        if mode is not None:
            if event is None:
                raise LookupError(f"CAMEO {cameo} has no PLOVER event, so it takes no mode")
            self._check_mode(event, mode)
        contexts = list(resolved.context)
        for name in context:
            if name not in self._context_set:
                raise LookupError(
                    f"unknown PLOVER context {name!r}: expected one of {', '.join(self._contexts)}"
                )
            if name not in contexts:
                contexts.append(name)
        return Coding(
            cameo=code.code,
            cameo_name=code.name,
            event=event,
            mode=mode if mode is not None else resolved.mode,
            context=tuple(contexts),
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            plover_scale=self._categories[event].scale if event is not None else 0.0,
        )

    def cameo_for(self, event: str, mode: str | None = None) -> str:
        """The most representative CAMEO code for a PLOVER category and mode.

        A mode that no CAMEO code expresses falls back to the category's code.

        >>> Ontology.load().cameo_for("CONSULT", "visit")
        '042'
        """
        self.category(event)
        if mode is not None:
            self._check_mode(event, mode)
            code = self._representative.get((event, mode))
            if code is not None:
                return code
        return self._representative[(event, None)]

    def _check_mode(self, event: str, mode: str) -> None:
        category = self.category(event)
        if not category.has_mode(mode):
            known = ", ".join(m.name for m in category.modes) or "none"
            raise LookupError(f"{mode!r} is not a mode of {event}: its modes are {known}")


@functools.cache
def _load_bundled() -> Ontology:
    return Ontology.from_dir(DATA_DIR)


def _longest_prefix(mapping: dict[str, _Mapping], code: str) -> _Mapping:
    for end in range(len(code), 1, -1):
        found = mapping.get(code[:end])
        if found is not None:
            return found
    return _Mapping(event=None, mode=None, context=())


def _tsv_rows(path: Path, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a TSV file after checking its header; skip blanks and #."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(str(path), None, f"cannot read ontology file: {err}") from err
    seen_header = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not seen_header:
            if tuple(fields) != header:
                expected = "\\t".join(header)
                raise DataError(str(path), number, f"header must be {expected!r}")
            seen_header = True
            continue
        if len(fields) != len(header):
            raise DataError(
                str(path),
                number,
                f"expected {len(header)} tab-separated fields, found {len(fields)}",
            )
        yield number, [field.strip() for field in fields]
    if not seen_header:
        raise DataError(str(path), None, "file is empty: expected a header line")


def _read_cameo(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    where = str(path)
    for number, (code, name, goldstein_text, quad_text) in _tsv_rows(
        path, ("code", "name", "goldstein", "quad_class")
    ):
        if not _CODE.fullmatch(code):
            raise DataError(where, number, f"CAMEO code {code!r} must be 2 to 4 digits")
        if not 1 <= int(code[:2]) <= 20:
            raise DataError(where, number, f"CAMEO code {code!r} has no root 01-20")
        if code in codes:
            raise DataError(where, number, f"duplicate CAMEO code {code!r}")
        if len(code) > 2 and code[:-1] not in codes:
            raise DataError(
                where, number, f"parent code {code[:-1]!r} of {code!r} must be listed before it"
            )
        if not name:
            raise DataError(where, number, f"CAMEO code {code!r} has no name")
        try:
            goldstein = float(goldstein_text)
        except ValueError:
            raise DataError(
                where, number, f"goldstein {goldstein_text!r} is not a number"
            ) from None
        if not -10.0 <= goldstein <= 10.0:
            raise DataError(where, number, f"goldstein {goldstein} is outside [-10, 10]")
        expected = quad_class_of_root(code[:2])
        if quad_text != str(expected):
            raise DataError(
                where, number, f"quad_class of {code!r} must be {expected}, not {quad_text!r}"
            )
        codes[code] = CameoCode(code=code, name=name, goldstein=goldstein, quad_class=expected)
    return codes


def _read_mapping(
    path: Path,
    codes: dict[str, CameoCode],
    categories: dict[str, PloverCategory],
    contexts: frozenset[str],
) -> dict[str, _Mapping]:
    mapping: dict[str, _Mapping] = {}
    where = str(path)
    for number, (code, event, mode, context_text) in _tsv_rows(
        path, ("cameo", "plover", "mode", "context")
    ):
        if code not in codes:
            raise DataError(where, number, f"CAMEO code {code!r} is not in {CAMEO_FILE}")
        if code in mapping:
            raise DataError(where, number, f"duplicate mapping for CAMEO code {code!r}")
        context = tuple(name.strip() for name in context_text.split("|")) if context_text else ()
        if event == NO_EVENT:
            if mode or context:
                raise DataError(where, number, f"{code!r} maps to no event, so it takes no mode")
            mapping[code] = _Mapping(event=None, mode=None, context=())
            continue
        category = categories.get(event)
        if category is None:
            raise DataError(
                where, number, f"{event!r} is not a PLOVER category in {PLOVER_FILE} (or '-')"
            )
        if mode and not category.has_mode(mode):
            raise DataError(where, number, f"{mode!r} is not a mode of {event}")
        for name in context:
            if name not in contexts:
                raise DataError(where, number, f"{name!r} is not a context in {PLOVER_FILE}")
        if len(set(context)) != len(context):
            raise DataError(where, number, "context lists a name twice")
        mapping[code] = _Mapping(event=event, mode=mode or None, context=context)
    return mapping


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """Safe YAML loader whose mappings remember their lines, so that errors can name them."""


class _Located(dict[Any, Any]):
    """A YAML mapping with the line where it starts and the line of each key."""

    line: int
    key_lines: dict[str, int]

    def at(self, key: str | None = None) -> int:
        return self.key_lines.get(key, self.line) if key is not None else self.line


def _construct_located(loader: Any, node: yaml.MappingNode) -> Iterator[_Located]:
    data = _Located()
    data.line = node.start_mark.line + 1
    data.key_lines = {
        key.value: key.start_mark.line + 1
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    yield data
    data.update(loader.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_located)


def _read_plover(path: Path) -> tuple[str, dict[str, PloverCategory], tuple[str, ...]]:
    where = str(path)
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark is not None else None
        raise DataError(where, line, f"invalid YAML: {err.problem}") from err
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise DataError(where, None, f"cannot read ontology file: {err}") from err
    if not isinstance(document, _Located):
        raise DataError(where, None, "expected a mapping with version, categories and contexts")
    _check_keys(where, document, required={"version", "categories", "contexts"})
    version = document["version"]
    if not isinstance(version, str | int | float):
        raise DataError(where, document.at("version"), "version must be a string")

    raw_categories = document["categories"]
    if not isinstance(raw_categories, _Located) or not raw_categories:
        raise DataError(
            where, document.at("categories"), "categories must be a mapping of NAME: {...}"
        )
    categories: dict[str, PloverCategory] = {}
    for name, raw in raw_categories.items():
        line = raw_categories.at(name)
        if not isinstance(name, str) or not _CATEGORY.fullmatch(name):
            raise DataError(where, line, f"category name {name!r} must be upper case")
        if not isinstance(raw, _Located):
            raise DataError(where, line, f"category {name!r} must be a mapping")
        _check_keys(where, raw, required={"description", "quad_class", "scale", "modes"})
        categories[name] = _category(where, name, raw)

    raw_contexts = document["contexts"]
    line = document.at("contexts")
    if not isinstance(raw_contexts, list) or not raw_contexts:
        raise DataError(where, line, "contexts must be a non-empty list of names")
    for name in raw_contexts:
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise DataError(where, line, f"context {name!r} must be a lower-case name")
    if len(set(raw_contexts)) != len(raw_contexts):
        duplicates = sorted({n for n in raw_contexts if raw_contexts.count(n) > 1})
        raise DataError(where, line, f"duplicate contexts: {', '.join(duplicates)}")
    return str(version), categories, tuple(raw_contexts)


def _category(where: str, name: str, raw: _Located) -> PloverCategory:
    description, quad_class, scale, raw_modes = (
        raw["description"],
        raw["quad_class"],
        raw["scale"],
        raw["modes"],
    )
    if not isinstance(description, str) or not description.strip():
        raise DataError(
            where, raw.at("description"), f"{name}: description must be a non-empty string"
        )
    if isinstance(quad_class, bool) or quad_class not in (1, 2, 3, 4):
        raise DataError(where, raw.at("quad_class"), f"{name}: quad_class must be 1, 2, 3 or 4")
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not -10 <= scale <= 10:
        raise DataError(where, raw.at("scale"), f"{name}: scale must be a number in [-10, 10]")
    if not isinstance(raw_modes, list):
        raise DataError(where, raw.at("modes"), f"{name}: modes must be a list (possibly empty)")
    modes: list[Mode] = []
    for raw_mode in raw_modes:
        if not isinstance(raw_mode, _Located):
            raise DataError(
                where, raw.at("modes"), f"{name}: each mode must be a {{name, description}}"
            )
        _check_keys(where, raw_mode, required={"name", "description"})
        mode_name, mode_description = raw_mode["name"], raw_mode["description"]
        line = raw_mode.at("name")
        if not isinstance(mode_name, str) or not _NAME.fullmatch(mode_name):
            raise DataError(where, line, f"{name}: mode {mode_name!r} must be lower case")
        if not isinstance(mode_description, str) or not mode_description.strip():
            raise DataError(
                where, raw_mode.at("description"), f"{name}: mode {mode_name!r} has no description"
            )
        if any(mode.name == mode_name for mode in modes):
            raise DataError(where, line, f"{name}: duplicate mode {mode_name!r}")
        modes.append(Mode(name=mode_name, description=" ".join(mode_description.split())))
    return PloverCategory(
        name=name,
        description=" ".join(description.split()),
        quad_class=quad_class,
        scale=float(scale),
        modes=tuple(modes),
    )


def _check_keys(where: str, raw: _Located, *, required: set[str]) -> None:
    missing = required - set(raw)
    if missing:
        raise DataError(where, raw.at(), f"missing key(s): {', '.join(sorted(missing))}")
    extra = sorted(str(key) for key in set(raw) - required)
    if extra:
        raise DataError(where, raw.at(extra[0]), f"unknown key(s): {', '.join(extra)}")
