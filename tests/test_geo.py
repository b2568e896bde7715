"""Gazetteer, toponym resolution and event location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.errors import DataError
from accord.geo import Gazetteer, list_places, locate_event, resolve_toponym
from accord.geo import gazetteer as gazetteer_module
from accord.geo.gazetteer import normalize

EVALSET = Path(__file__).resolve().parents[1] / "evalsets" / "places.jsonl"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


# --- gazetteer ------------------------------------------------------------------------------


def test_load_is_cached_per_process(gazetteer):
    assert Gazetteer.load() is gazetteer


def test_normalize_ignores_case_diacritics_and_punctuation():
    assert normalize("Türkiye") == normalize("TURKIYE") == "turkiye"
    assert normalize("Ma'rib") == normalize("Marib")
    assert normalize("Deir ez-Zor") == "deir ez zor"
    assert normalize("the Gaza Strip") == "gaza strip"


def test_candidates_are_exact_not_substring(gazetteer):
    assert gazetteer.candidates("Anka") == []
    assert gazetteer.candidates("Ankara Province") == []
    assert gazetteer.candidates("khan younis")[0].country == "PSE"
    assert {c.country for c in gazetteer.candidates("Tripoli")} >= {"LBY", "LBN"}


def test_country_place_is_at_the_centroid(gazetteer):
    turkey = gazetteer.country("TUR")
    assert turkey is not None
    assert (turkey.name, turkey.country, turkey.geo_precision) == ("Turkey", "TUR", "country")
    assert turkey.lat == pytest.approx(38.96) and turkey.lon == pytest.approx(35.24)
    assert turkey.gazetteer_id == "geonames:298795"
    assert gazetteer.country("TR") == turkey
    assert gazetteer.country("XYZ") is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Britain", "GBR"),
        ("DR Congo", "COD"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("the United States", "USA"),
        ("Burma", "MMR"),
        ("Palestine", "PSE"),
    ],
)
def test_country_of_name(gazetteer, name, code):
    assert gazetteer.country_of_name(name) == code


def test_demonyms_and_cities_are_not_country_names(gazetteer):
    assert gazetteer.country_of_name("Turkish") is None
    assert gazetteer.country_of_name("Ankara") is None


def test_table_places_carry_ids_features_and_admin1(gazetteer):
    (strip,) = [c for c in gazetteer.candidates("Gaza Strip")]
    assert (strip.gazetteer_id, strip.feature, strip.geo_precision) == (
        "accord:gaza-strip",
        "territory",
        "admin1",
    )
    (zamzam,) = gazetteer.candidates("Zamzam camp")
    assert (zamzam.country, zamzam.admin1, zamzam.geo_precision) == ("SDN", "North Darfur", "point")
    (ankara,) = gazetteer.candidates("Ankara")
    assert (ankara.feature, ankara.admin1, ankara.gazetteer_id) == (
        "capital",
        "Ankara",
        "geonames:323786",
    )


def test_pickled_index_is_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE", str(tmp_path))
    first = gazetteer_module._cached_index()
    (cache,) = tmp_path.glob("gazetteer-*.pickle")
    second = gazetteer_module._cached_index()
    assert cache.exists() and second.by_name == first.by_name


def test_bad_table_row_names_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "places.tsv"
    header = "name\taliases\tcountry\tadmin1\tlat\tlon\tfeature\tnote\n"
    bad.write_text(header + "Nowhere\t\tXXX\t\t1\t2\tcity\t\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer_module, "DATA_DIR", tmp_path)
    builder = gazetteer_module._Builder()
    with pytest.raises(DataError, match=r"places.tsv:2: unknown country code 'XXX'"):
        gazetteer_module._add_table(builder, {"TUR"})


# --- resolution -----------------------------------------------------------------------------


def test_country_name_resolves_to_the_country():
    place, candidates = resolve_toponym("Georgia")
    assert (place.country, place.geo_precision) == ("GEO", "country")
    assert {c.country for c in candidates} == {"GEO", "USA"}


def test_georgia_with_us_context_is_the_state():
    place, _ = resolve_toponym("Georgia", context_countries=["USA"])
    assert (place.name, place.country, place.geo_precision) == ("Georgia", "USA", "admin1")


def test_georgia_with_both_in_context_stays_the_country():
    place, _ = resolve_toponym("Georgia", context_countries=["USA", "GEO"])
    assert place.country == "GEO"


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Tripoli", [], "LBY"),
        ("Tripoli", ["LBN"], "LBN"),
        ("Hyderabad", [], "IND"),
        ("Hyderabad", ["PAK"], "PAK"),
        ("Santiago", [], "CHL"),
        ("Santiago", ["DOM"], "DOM"),
        ("Paris", [], "FRA"),
        ("Paris", ["USA"], "FRA"),  # a small Texas town does not beat the capital
        ("Washington", [], "USA"),
    ],
)
def test_ambiguous_names_with_context(name, context, country):
    place, _ = resolve_toponym(name, context_countries=context)
    assert place.country == country


def test_dateline_country_is_preferred():
    place, _ = resolve_toponym("Tripoli", dateline_country="LBN")
    assert place.country == "LBN"
    assert place.reason == "in the dateline country"
    place, _ = resolve_toponym("Hyderabad", context_countries=["IND"], dateline_country="PAK")
    assert place.country == "PAK"


def test_unknown_name_and_suffixed_region():
    assert resolve_toponym("Nowhereville") == (None, [])
    place, _ = resolve_toponym("Homs province")
    assert (place.name, place.country, place.geo_precision) == ("Homs", "SYR", "admin1")


def test_curated_name_beats_loose_alternate():
    place, _ = resolve_toponym("White House")
    assert (place.name, place.country) == ("White House", "USA")


# --- locating events (spaCy model) ----------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from accord import nlp as accord_nlp

    return accord_nlp.load()


def _locate(nlp, text, trigger, **options):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return locate_event(doc, token, **options)


@pytest.mark.slow
def test_prepositional_phrase_of_the_event_verb(nlp):
    place = _locate(nlp, "The ministers met in Ankara on Tuesday.", "met")
    assert (place.name, place.country, place.admin1, place.geo_precision) == (
        "Ankara",
        "TUR",
        "Ankara",
        "city",
    )
    assert place.gazetteer_id == "geonames:323786"
    assert place.reason.startswith("prepositional phrase of the event word")
    assert place.attached  # tied to the event word, which the coder relies on


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # the tagger reads the town's name as a people (NORP): "the town of" still makes it one
        ("A car bomb exploded near the town of Samarra on Sunday.", "exploded", "IRQ"),
        # "outside of" is one locative preposition
        ("Two soldiers were wounded outside of the city of Mosul.", "wounded", "IRQ"),
    ],
)
def test_settlement_nouns_and_outside_of_locate(nlp, text, trigger, country):
    place = _locate(nlp, text, trigger)
    assert (place.country, place.geo_precision) == (country, "city")
    assert place.reason.startswith("prepositional phrase")


@pytest.mark.slow
def test_relative_clause_carries_the_place(nlp):
    text = "The two ministers met in Ankara, where they discussed military cooperation."
    place = _locate(nlp, text, "discussed")
    assert place.name == "Ankara"
    assert "relative clause" in place.reason


@pytest.mark.slow
def test_place_near_the_object(nlp):
    text = "Paramilitary forces shelled a camp near El Fasher on Tuesday."
    place = _locate(nlp, text, "shelled")
    assert (place.name, place.country) == ("El Fasher", "SDN")


@pytest.mark.slow
def test_capital_as_actor_is_never_the_location(nlp):
    text = "Ankara condemned the attack on Tuesday."
    place = _locate(nlp, text, "condemned", actor_spans=[(0, 1)])
    assert (place.name, place.geo_precision) == (None, "none")
    assert place.reason == "no place in the event's sentence or dateline"
    assert _locate(nlp, "Moscow warned Kyiv against new attacks.", "warned").name is None


@pytest.mark.slow
def test_actor_spans_exclude_a_toponym(nlp):
    text = "Officials in Tehran rejected the offer."
    assert _locate(nlp, text, "rejected").name == "Tehran"
    assert _locate(nlp, text, "rejected", actor_spans=[(0, 3)]).name is None


@pytest.mark.slow
def test_demonyms_are_not_places(nlp):
    text = "Turkish officials rejected the claims on Monday."
    assert _locate(nlp, text, "rejected").name is None
    doc = nlp(text)
    assert list_places(doc) == []


@pytest.mark.slow
def test_dateline_when_the_sentence_has_no_place(nlp):
    text = "Security forces killed four militants in a raid."
    place = _locate(nlp, text, "killed", dateline="ISLAMABAD")
    assert not place.attached
    assert (place.name, place.country) == ("Islamabad", "PAK")
    assert place.reason.startswith("dateline")


@pytest.mark.slow
def test_container_disambiguates(nlp):
    place = _locate(nlp, "The mayor spoke at a rally in Paris, Texas.", "spoke")
    assert (place.name, place.country, place.admin1) == ("Paris", "USA", "Texas")
    place = _locate(nlp, "Officials in Atlanta, Georgia announced new rules.", "announced")
    assert (place.name, place.country) == ("Atlanta", "USA")


@pytest.mark.slow
def test_a_list_of_places_is_not_a_container(nlp):
    doc = nlp("Strikes hit Gaza, Lebanon and Syria.")
    rows = {r["text"]: r["place"] for r in list_places(doc)}
    assert rows["Gaza"]["name"] == "Gaza Strip"
    assert rows["Lebanon"]["country"] == "LBN"


@pytest.mark.slow
def test_a_said_content_place_is_not_where_it_was_said(nlp):
    text = "Ankara said that Israeli strikes in southern Lebanon killed five people."
    assert _locate(nlp, text, "said", actor_spans=[(0, 1)]).name is None
    assert _locate(nlp, text, "killed").country == "LBN"


@pytest.mark.slow
def test_list_places_reports_alternatives(nlp):
    doc = nlp("Clashes erupted in Tripoli and near the Rafah crossing.")
    rows = list_places(doc, dateline="BEIRUT")
    assert rows[0]["label"] == "DATELINE"
    assert rows[0]["place"]["country"] == "LBN"
    tripoli = next(r for r in rows if r["text"] == "Tripoli")
    assert tripoli["place"]["country"] == "LBN"  # the dateline country
    assert {a["country"] for a in tripoli["alternatives"]} >= {"LBY", "LBN"}
    assert any(r["place"] and r["place"]["name"] == "Rafah crossing" for r in rows)
    json.dumps(rows)  # plain data


def test_evalset_is_well_formed():
    lines = EVALSET.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 120
    ids = set()
    for line in lines:
        record = json.loads(line)
        assert record["trigger"] in record["text"]
        assert record["date_precision"] in {"day", "week", "month", "year", "publication"}
        ids.add(record["id"])
    assert len(ids) == len(lines)


@pytest.mark.slow
def test_score_places_on_a_few_records(nlp):
    from accord.geo.evaluate import load_records, score_places

    records = load_records(EVALSET)[:20]
    result = score_places(records, nlp=nlp)
    assert result["n"] == 20
    assert result["country_accuracy"] >= 0.9 and result["date_exact"] >= 0.9
    assert isinstance(result["misses"], list)
