"""The event lexicon: verb senses, event nouns and closed word classes, loaded from data files."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from accord.errors import DataError
from accord.ontology import Ontology

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Sense:
    """One sense of a trigger word: the CAMEO code it codes under an optional condition."""

    trigger: str
    cameo: str
    when: str | None
    preps: tuple[str, ...]
    mode: str | None
    origin: str

    @property
    def particle(self) -> str | None:
        parts = self.trigger.split(" ", 1)
        return parts[1] if len(parts) == 2 else None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]  # by verb lemma
    nouns: dict[str, Sense]  # by "lemma" or "modifier lemma"
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    complement_verbs: dict[str, str]  # verb lemma -> intent|threaten|refuse|future|negate|attempt
    intent_nouns: frozenset[str]
    intent_adjectives: frozenset[str]
    patient_nouns: frozenset[str]
    request_nouns: frozenset[str]
    joint_activity: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    negation_words: frozenset[str]
    recipient_preps: tuple[str, ...]
    symmetric: frozenset[str]
    stances: dict[tuple[str, str], str]  # (stance, full/base/root/*) -> CAMEO code
    word_classes: dict[str, frozenset[str]]  # smaller closed classes, by name

    def words(self, name: str) -> frozenset[str]:
        """The closed word class ``name`` of lexicon.yaml's ``word_classes``.

        >>> "send" in Lexicon.load().words("means_verbs")
        True
        """
        try:
            return self.word_classes[name]
        except KeyError as err:
            raise DataError(str(DATA / "lexicon.yaml"), None, f"no word class {name!r}") from err

    def stance(self, name: str, cameo: str) -> str:
        """The CAMEO code for ``cameo`` intended, threatened, refused, demanded or appealed for.

        The most specific row wins: the full code, then its base, its root, then "*".

        >>> Lexicon.load().stance("intent", "042")  # a visit promised
        '036'
        >>> Lexicon.load().stance("refuse", "0831")  # declined to resign
        '1231'
        """
        root = self.stances[(name, "*")][:2]
        if cameo.startswith(root):
            return cameo
        for key in dict.fromkeys((cameo, cameo[:3], cameo[:2], "*")):
            if (name, key) in self.stances:
                return self.stances[(name, key)]
        return cameo

    @classmethod
    def from_dir(cls, path: Path, *, ontology: Ontology | None = None) -> Lexicon:
        ontology = ontology or Ontology.load()
        verbs: dict[str, list[Sense]] = {}
        for sense in _read_senses(path / "verbs.tsv", ontology):
            verbs.setdefault(sense.trigger.split(" ", 1)[0], []).append(sense)
        nouns = {s.trigger: s for s in _read_senses(path / "nouns.tsv", ontology)}
        words = _read_yaml(path / "lexicon.yaml")
        complements = {
            verb: effect
            for effect, verb_list in words["complement_verbs"].items()
            for verb in verb_list
        }
        return cls(
            verbs={k: tuple(v) for k, v in verbs.items()},
            nouns=nouns,
            light_verbs=frozenset(words["light_verbs"]),
            speech_verbs=frozenset(words["speech_verbs"]),
            complement_verbs=complements,
            intent_nouns=frozenset(words["intent_nouns"]),
            intent_adjectives=frozenset(words["intent_adjectives"]),
            patient_nouns=frozenset(words["patient_nouns"]),
            request_nouns=frozenset(words["request_nouns"]),
            joint_activity=frozenset(words["joint_activity"]),
            future_aux=frozenset(words["future_aux"]),
            hypothetical_aux=frozenset(words["hypothetical_aux"]),
            conditional_marks=frozenset(words["conditional_marks"]),
            negation_words=frozenset(words["negation_words"]),
            recipient_preps=tuple(words["recipient_preps"]),
            symmetric=frozenset(words["symmetric"]),
            stances=_read_stances(path / "stances.tsv", ontology),
            word_classes={k: frozenset(v) for k, v in words["word_classes"].items()},
        )

    @classmethod
    @functools.cache
    def load(cls) -> Lexicon:
        """The bundled lexicon (cached)."""
        return cls.from_dir(DATA)


WHEN_FORMS = ("obj=actor", "obj=thing", "noobj")


def _read_senses(path: Path, ontology: Ontology) -> list[Sense]:
    senses = []
    with path.open(encoding="utf-8") as handle:
        rows = [(n, line) for n, line in enumerate(handle, 1)]
    header_seen = False
    for number, line in rows:
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line.rstrip("\n")], delimiter="\t"))
        if not header_seen:
            header_seen = True
            continue
        cells += [""] * (6 - len(cells))
        trigger, cameo = cells[0].strip(), cells[1].strip()
        if not trigger or not cameo:
            raise DataError(str(path), number, "trigger and cameo are required")
        if not ontology.is_cameo(cameo):
            raise DataError(str(path), number, f"unknown CAMEO code {cameo!r}")
        preps: tuple[str, ...] = ()
        if path.name == "nouns.tsv":
            when, mode = None, cells[2].strip() or None
        else:
            when = cells[2].strip() or None
            preps = tuple(p for p in cells[3].strip().split("|") if p)
            mode = cells[4].strip() or None
            if when and not (when in WHEN_FORMS or when.startswith("obj=")):
                raise DataError(str(path), number, f"unknown condition {when!r}")
        senses.append(Sense(trigger, cameo, when, preps, mode, f"{path.name}:{number}"))
    return senses


STANCES = ("intent", "threat", "refuse", "demand", "appeal")


def _read_stances(path: Path, ontology: Ontology) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8") as handle:
        rows = [(n, line.rstrip("\n")) for n, line in enumerate(handle, 1)]
    data = [(n, line.split("\t")) for n, line in rows if line.strip() and not line.startswith("#")]
    for number, cells in data[1:]:
        if len(cells) != 3:
            raise DataError(str(path), number, "expected 3 columns: stance, from, to")
        stance, source, target = (c.strip() for c in cells)
        if stance not in STANCES:
            raise DataError(str(path), number, f"unknown stance {stance!r}")
        if not ontology.is_cameo(target) or not (source == "*" or ontology.is_cameo(source)):
            raise DataError(str(path), number, f"unknown CAMEO code in {source!r} -> {target!r}")
        table[(stance, source)] = target
    missing = [s for s in STANCES if (s, "*") not in table]
    if missing:
        raise DataError(str(path), None, f"no default (*) row for {', '.join(missing)}")
    return table


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise DataError(str(path), None if line is None else line + 1, str(err)) from err
    required = [
        "light_verbs",
        "speech_verbs",
        "complement_verbs",
        "intent_nouns",
        "intent_adjectives",
        "future_aux",
        "hypothetical_aux",
        "conditional_marks",
        "negation_words",
        "recipient_preps",
        "symmetric",
        "word_classes",
    ]
    missing = [key for key in required if key not in data]
    if missing:
        raise DataError(str(path), None, f"missing keys: {', '.join(missing)}")
    for key, value in data.items():
        lists = value.values() if isinstance(value, dict) else [value]
        for items in lists:
            bad = [w for w in items if not isinstance(w, str)] if isinstance(items, list) else []
            if bad:
                # YAML reads bare on/off/yes/no as booleans: quote them
                raise DataError(str(path), None, f"{key}: {bad!r} are not words; quote them")
    return data
