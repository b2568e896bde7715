"""The bundled CAMEO/PLOVER ontology and its loader's validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from accord.errors import DataError
from accord.ontology import DATA_DIR, Coding, Ontology

PLOVER_CATEGORIES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_load_is_cached(onto: Ontology) -> None:
    assert Ontology.load() is onto
    assert onto.version


def test_counts(onto: Ontology) -> None:
    roots = [code for code in onto.codes if len(code.code) == 2]
    assert [root.code for root in roots] == [f"{n:02d}" for n in range(1, 21)]
    assert len(onto.codes) >= 280
    assert tuple(category.name for category in onto.categories) == PLOVER_CATEGORIES
    assert len(onto.contexts) == len(set(onto.contexts)) >= 15
    assert {"military", "economic", "diplomatic", "humanitarian"} <= set(onto.contexts)


def test_every_code_carries_the_quad_class_of_its_root(onto: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for code in onto.codes:
        assert int(code.root) in expected[code.quad_class], code


def test_known_goldstein_values(onto: Ontology) -> None:
    published = {
        "010": 0.0,
        "036": 4.0,
        "042": 1.9,
        "043": 2.8,
        "046": 7.0,
        "057": 8.0,
        "111": -2.0,
        "112": -2.0,
        "120": -4.0,
        "190": -10.0,
    }
    assert {code: onto.cameo(code).goldstein for code in published} == published


def test_consult_visit_coding(onto: Ontology) -> None:
    assert onto.coding("042") == Coding(
        cameo="042",
        cameo_name=onto.cameo("042").name,
        event="CONSULT",
        mode="visit",
        context=(),
        quad_class=1,
        goldstein=1.9,
        plover_scale=onto.category("CONSULT").scale,
    )


def test_conventional_force_is_assault_in_quad_four(onto: Ontology) -> None:
    coding = onto.coding("190")
    assert (coding.event, coding.quad_class) == ("ASSAULT", 4)
    assert coding.plover_scale == onto.category("ASSAULT").scale < 0


def test_ceasefire_is_retreat(onto: Ontology) -> None:
    assert onto.plover("0871") == ("RETREAT", "ceasefire", ("military",))


def test_public_statements_have_no_plover_event(onto: Ontology) -> None:
    for code in onto.codes:
        if code.root == "01":
            assert onto.plover(code.code) == (None, None, ()), code
    coding = onto.coding("013")
    assert (coding.event, coding.mode, coding.plover_scale) == (None, None, 0.0)
    assert coding.quad_class == 1


def test_every_other_code_has_a_plover_event(onto: Ontology) -> None:
    unmapped = [c.code for c in onto.codes if c.root != "01" and onto.plover(c.code)[0] is None]
    assert unmapped == []


def test_longest_listed_prefix_wins(onto: Ontology) -> None:
    # 0862 has no row of its own: it takes 086's; 0861 has one.
    assert onto.plover("0862") == onto.plover("086") == ("RETREAT", "access", ("diplomatic",))
    assert onto.plover("0861") == ("RETREAT", "access", ("military",))
    # 196 has no row and no 19x parent row: the root's default applies.
    assert onto.plover("196") == onto.plover("19") == ("ASSAULT", None, ("military",))
    # A 3-digit row overrides its root: 085 is RETREAT though 08 is CONCEDE.
    assert onto.plover("085")[0] == "RETREAT"
    assert onto.plover("057")[0] == "SUPPORT"
    assert onto.plover("051")[0] == "SUPPORT"
    assert onto.plover("055") == ("SUPPORT", "apologize", ("diplomatic",))
    assert onto.plover("0874")[0] == "RETREAT" and onto.plover("08")[0] == "CONCEDE"


def test_coding_mode_replaces_and_context_extends(onto: Ontology) -> None:
    coding = onto.coding("0871", mode="withdraw", context=["territory", "military"])
    assert coding.mode == "withdraw"
    assert coding.context == ("military", "territory")


def test_coding_rejects_unknown_mode_and_context(onto: Ontology) -> None:
    with pytest.raises(LookupError, match="not a mode of CONSULT"):
        onto.coding("042", mode="riot")
    with pytest.raises(LookupError, match="unknown PLOVER context"):
        onto.coding("042", context=["nonsense"])
    with pytest.raises(LookupError, match="no PLOVER event"):
        onto.coding("010", mode="visit")


def test_unknown_lookups_raise_lookup_error(onto: Ontology) -> None:
    assert onto.is_cameo("0871")
    assert not onto.is_cameo("42")
    assert not onto.is_cameo("0999")
    with pytest.raises(LookupError, match="leading zero"):
        onto.cameo("42")
    with pytest.raises(LookupError, match="unknown CAMEO code"):
        onto.plover("999")
    with pytest.raises(LookupError, match="unknown PLOVER category"):
        onto.category("ATTACK")


def test_cameo_for_known_examples(onto: Ontology) -> None:
    assert onto.cameo_for("CONSULT", "visit") == "042"
    assert onto.cameo_for("CONSULT", "host") == "043"
    assert onto.cameo_for("CONSULT") == "040"
    assert onto.cameo_for("RETREAT", "ceasefire") == "0871"
    assert onto.cameo_for("ACCUSE") == "110"
    # A valid mode that no CAMEO code carries falls back to the category's code.
    assert onto.cameo_for("PROTEST", "boycott") == onto.cameo_for("PROTEST") == "140"
    with pytest.raises(LookupError, match="not a mode of ASSAULT"):
        onto.cameo_for("ASSAULT", "visit")


def test_cameo_for_round_trips_through_coding(onto: Ontology) -> None:
    pairs = 0
    for category in onto.categories:
        for mode in (None, *(m.name for m in category.modes)):
            code = onto.cameo_for(category.name, mode)
            coding = onto.coding(code)
            assert coding.event == category.name, (category.name, mode, code)
            if coding.mode == mode:
                pairs += 1
            else:  # only a fallback may lose the mode
                assert code == onto.cameo_for(category.name), (category.name, mode, code)
    assert pairs >= 60


# --- validation: broken copies of the bundled files --------------------------------------


def _broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    for path in DATA_DIR.iterdir():
        if path.suffix in {".tsv", ".yaml"}:
            shutil.copy(path, tmp_path / path.name)
    target = tmp_path / name
    text = target.read_text(encoding="utf-8")
    assert old in text, old
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_from_dir_reads_an_unchanged_copy(tmp_path: Path) -> None:
    _broken_copy(tmp_path, "cameo.tsv", "\n", "\n")
    assert len(Ontology.from_dir(tmp_path).codes) == len(Ontology.load().codes)


@pytest.mark.parametrize(
    ("name", "old", "new", "fragment", "reason"),
    [
        ("cameo.tsv", "042\tMake a visit\t1.9\t1", "042\tMake a visit\t19\t1", "042\t", "outside"),
        ("cameo.tsv", "042\tMake a visit\t1.9\t1", "042\tMake a visit\t1.9\t2", "042\t", "quad"),
        ("cameo.tsv", "042\tMake a visit", "04a\tMake a visit", "04a\t", "digits"),
        ("cameo.tsv", "0871\tDeclare", "42\tDeclare", "42\tDeclare", "no root"),
        ("cameo.tsv", "043\tHost", "042\tHost", "042\tHost", "duplicate"),
        ("cameo.tsv", "0871\tDeclare", "0881\tDeclare", "0881\t", "parent"),
        ("cameo.tsv", "\t1.9\t", "\tlots\t", "\tlots\t", "not a number"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit", "0429\tCONSULT\tvisit", "0429", "not in"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit", "042\tMEET\tvisit", "MEET", "category"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit", "042\tCONSULT\tfly", "\tfly", "not a mode"),
        ("cameo_plover.tsv", "\tmilitary\n", "\tmartial\n", "martial", "not a context"),
        ("cameo_plover.tsv", "01\t-\t\t", "01\t-\tvisit\t", "01\t-", "no mode"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit\t", "042\tCONSULT\tvisit", "042\t", "fields"),
        ("plover.yaml", "quad_class: 2\n", "quad_class: 7\n", "quad_class: 7", "quad_class"),
        ("plover.yaml", "scale: -9.0", "scale: -19.0", "scale: -19.0", "scale"),
        ("plover.yaml", "- name: host\n", "- nam: host\n", "nam: host", "key"),
        ("plover.yaml", "- name: host\n", "- name: visit\n", "name: visit", "duplicate"),
        ("plover.yaml", "  - gender\n", "  - military\n", "contexts:", "duplicate contexts"),
        ("plover.yaml", "categories:\n", "categories: [\n", "categories: [", "YAML"),
    ],
)
def test_validation_errors_name_file_and_line(
    tmp_path: Path, name: str, old: str, new: str, fragment: str, reason: str
) -> None:
    target = _broken_copy(tmp_path, name, old, new)
    with pytest.raises(DataError, match=reason) as caught:
        Ontology.from_dir(tmp_path)
    error = caught.value
    assert error.path == str(target)
    assert error.line is not None
    if reason != "YAML":
        assert fragment in target.read_text(encoding="utf-8").splitlines()[error.line - 1]
    assert str(error).startswith(f"{target}:{error.line}: ")


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    _broken_copy(tmp_path, "cameo.tsv", "\n", "\n")
    (tmp_path / "plover.yaml").unlink()
    with pytest.raises(DataError, match="cannot read"):
        Ontology.from_dir(tmp_path)


def test_category_without_unmoded_code_is_rejected(tmp_path: Path) -> None:
    target = _broken_copy(tmp_path, "cameo_plover.tsv", "07\tAID\t\t\n", "07\tAID\teconomic\t\n")
    text = target.read_text(encoding="utf-8")
    for code in ("071", "072", "073", "074", "075"):
        assert f"\n{code}\tAID\t" in text
    with pytest.raises(DataError, match="no CAMEO code maps to AID without a mode"):
        Ontology.from_dir(tmp_path)
