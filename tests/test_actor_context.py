"""Actor resolution from context: generic bodies, partitive units, the text's own country and
the places of an act."""

from __future__ import annotations

import pytest

from helpers import codes, resolve


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("An international relief agency urged Ethiopia to open the roads.", "relief agency"),
        ("A humanitarian group accused the Chadian army of looting.", "humanitarian group"),
        ("A charity said Somali officials had seized the food.", "charity"),
        ("Aid groups warned Myanmar's junta that the camps were full.", "Aid groups"),
    ],
)
def test_aid_bodies_with_no_nationality_are_ngos(coder, text: str, phrase: str) -> None:
    assert codes(resolve(coder, text, phrase)) == {("NGO", "NGO")}


def test_an_aid_body_with_a_nationality_keeps_it(coder) -> None:
    text = "A British aid agency said the Kenyan authorities had blocked its trucks."
    assert codes(resolve(coder, text, "aid agency")) == {("GBR", "NGO")}


def test_a_local_charity_is_of_the_texts_country(coder) -> None:
    text = "Kenyan police raided the offices of a local charity in Nairobi."
    assert codes(resolve(coder, text, "charity")) == {("KEN", "NGO")}


def test_an_organisation_of_aid_workers_is_theirs(coder) -> None:
    text = "The aid workers' organisation condemned the attack on the convoy."
    assert codes(resolve(coder, text, "organisation")) == {("NGO", "NGO")}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("A company of Dutch soldiers arrived in the town.", "company", ("NLD", "MIL")),
        ("A platoon of US marines opened fire on the crowd.", "platoon", ("USA", "MIL")),
        ("A battalion of Ukrainian troops withdrew from the village.", "battalion", ("UKR", "MIL")),
        ("A detachment of French paratroopers secured the airport.", "detachment", ("FRA", "MIL")),
    ],
)
def test_a_unit_of_troops_is_the_troops(coder, text: str, phrase: str, expected) -> None:
    assert codes(resolve(coder, text, phrase)) == {expected}


def test_a_company_of_civilians_stays_a_company(coder) -> None:
    text = "A company of Nigerian investors bought the port in Lagos."
    assert ("NGA", "MIL") not in codes(resolve(coder, text, "company"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran's ambassador to Britain met opposition leaders. The government said the "
            "meeting was illegal.",
            "GBR",
        ),
        (
            "The Egyptian envoy held talks with Sudanese officials. The government later "
            "denied that any deal had been reached.",
            "SDN",
        ),
    ],
)
def test_the_government_is_not_the_envoys(coder, text: str, expected: str) -> None:
    assert codes(resolve(coder, text, "The government")) == {(expected, "GOV")}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Two German engineers were kidnapped by gunmen in Pakistan on Sunday, the German "
            "foreign ministry said. Berlin condemned the abduction.",
            "gunmen",
            ("PAK", "UAF"),
        ),
        (
            "Islamist militants attacked a police station in northern Mali on Friday, French "
            "officials said. France has troops in the region.",
            "militants",
            ("MLI", "REB"),
        ),
        (
            "Kidnappers seized a British tourist in Yemen, British diplomats said. London "
            "urged the release of the hostage.",
            "Kidnappers",
            ("YEM", "CRM"),
        ),
    ],
)
def test_armed_men_of_no_nationality_are_of_the_place_of_their_act(
    coder, text: str, phrase: str, expected
) -> None:
    assert codes(resolve(coder, text, phrase)) == {expected}


def test_the_place_a_statement_is_made_in_does_not_place_the_speakers(coder) -> None:
    text = (
        "Rebels said in Nairobi that they had freed the hostages. Sudan's army denied the "
        "claim and Khartoum called it a lie."
    )
    assert codes(resolve(coder, text, "Rebels")) == {("SDN", "REB")}


def test_troops_of_no_nationality_keep_the_texts_country(coder) -> None:
    text = "French officials said troops were deployed in Mali. Paris sent more on Friday."
    assert codes(resolve(coder, text, "troops")) == {("FRA", "MIL")}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Kurdish forces captured the town from the militants on Monday.", "Kurdish forces"),
        ("Moslem troops shelled the Serb villages near Tuzla.", "Moslem troops"),
    ],
)
def test_the_forces_of_a_people_are_an_armed_group(coder, text: str, phrase: str) -> None:
    assert {a.sector for a in resolve(coder, text, phrase)} == {"REB"}


def test_a_states_forces_stay_its_military(coder) -> None:
    text = "Iraqi Kurdish forces captured the town from the militants on Monday."
    assert codes(resolve(coder, text, "forces")) == {("IRQ", "MIL")}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "A militant group based in Trinidad threatened the United States on Friday.",
            "militant group",
            ("TTO", "REB"),
        ),
        (
            "A rebel group active in eastern Congo said it would disarm, US officials said.",
            "rebel group",
            ("COD", "REB"),
        ),
    ],
)
def test_a_group_is_of_the_place_it_is_based_in(coder, text: str, phrase: str, expected):
    assert codes(resolve(coder, text, phrase)) == {expected}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The rebel UNITA movement rejected the peace plan on Sunday.", "UNITA movement"),
        ("The armed wing of Fatah claimed the attack on the settlement.", "armed wing"),
    ],
)
def test_a_named_group_described_as_armed_is_an_armed_group(coder, text: str, phrase: str):
    assert {a.sector for a in resolve(coder, text, phrase)} == {"REB"}


def test_a_rebel_held_town_is_not_the_rebels(coder) -> None:
    text = "Turkish troops entered the rebel-held Kurdish town near the border."
    assert "REB" not in {a.sector for a in resolve(coder, text, "town")}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Rebels shelled Kabul overnight, killing six people.", "Kabul", ("AFG", "CVL")),
        ("The army imposed a curfew in Algiers after the riots.", "Algiers", ("DZA", "CVL")),
        ("Paris condemned the attack on its embassy.", "Paris", ("FRA", "GOV")),
    ],
)
def test_a_capital_as_a_place_is_its_people_and_as_a_speaker_its_government(
    coder, text: str, phrase: str, expected
) -> None:
    assert codes(resolve(coder, text, phrase)) == {expected}


def test_with_only_a_person_named_agents_take_the_persons_country(coder) -> None:
    text = "President Hosni Mubarak said the police had arrested the suspects."
    assert codes(resolve(coder, text, "the police")) == {("EGY", "COP")}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Officials from Hamas met Egyptian mediators in Cairo.", "Officials", ("PSE", "REB")),
        ("Delegates from the United Nations arrived in Juba.", "Delegates", ("UNO", "IGO")),
        (
            "Representatives from Kenyan aid groups met the minister.",
            "Representatives",
            ("KEN", "NGO"),
        ),
    ],
)
def test_people_from_a_body_are_that_bodys(coder, text: str, phrase: str, expected) -> None:
    assert codes(resolve(coder, text, phrase)) == {expected}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("A Russian cruise missile attack hit the town.", "attack", ("RUS", "MIL")),
        ("An Israeli helicopter strike killed two men in Gaza.", "strike", ("ISR", "MIL")),
        ("US Predator attacks killed eight militants in Waziristan.", "attacks", ("USA", "MIL")),
    ],
)
def test_a_nationality_on_an_attack_by_military_means_is_that_states_military(
    coder, text: str, phrase: str, expected
) -> None:
    assert codes(resolve(coder, text, phrase)) == {expected}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The junta's spokesman in Niamey denied the report.", "spokesman", ("NER", "MIL")),
        ("Hamas's spokesman praised the attack on Sunday.", "spokesman", ("PSE", "REB")),
    ],
)
def test_a_bodys_spokesman_speaks_for_it(coder, text: str, phrase: str, expected) -> None:
    assert codes(resolve(coder, text, phrase)) == {expected}


def test_unidentified_gunmen_are_of_the_place_of_their_act(coder) -> None:
    text = "Unidentified gunmen shot dead a police officer in Karachi, Indian media said."
    assert codes(resolve(coder, text, "gunmen")) == {("PAK", "UAF")}


def test_foreign_fighters_are_not_of_the_place_they_fight_in(coder) -> None:
    text = "Foreign fighters attacked the army base in Syria on Monday."
    assert "SYR" not in {a.code for a in resolve(coder, text, "fighters")}


def test_agents_in_a_named_states_province_are_of_that_state(coder) -> None:
    text = "Police in the Indian state of Manipur arrested 12 men, Pakistani officials said."
    assert codes(resolve(coder, text, "Police")) == {("IND", "COP")}


def test_troops_from_a_named_states_army_are_that_states(coder) -> None:
    text = "Troops from the Ugandan army entered the town, Kenyan officials said."
    assert codes(resolve(coder, text, "Troops")) == {("UGA", "MIL")}


def test_the_country_is_not_a_capital_visited(coder) -> None:
    text = (
        "Colombia's government signed the deal on Thursday. President Juan Manuel Santos "
        "said he would visit Havana. Santos said the country would not back down."
    )
    assert {a.code for a in resolve(coder, text, "the country")} == {"COL"}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Thousands of protesters marched in Tbilisi on Sunday, Russian media reported. "
            "Moscow said the rally was organised abroad.",
            "protesters",
            ("GEO", "CVL"),
        ),
        (
            "Residents fled their homes in Aleppo, Turkish officials said. Ankara opened the "
            "border gates.",
            "Residents",
            ("SYR", "CVL"),
        ),
    ],
)
def test_protesters_and_residents_are_of_the_place_they_act_in(
    coder, text: str, phrase: str, expected
) -> None:
    assert codes(resolve(coder, text, phrase)) == {expected}


def test_tourists_are_not_taken_for_people_of_the_place(coder) -> None:
    text = "Tourists were attacked in Luxor, British officials said. London urged caution."
    assert "EGY" not in {a.code for a in resolve(coder, text, "Tourists")}


def test_the_government_protested_against_is_that_of_the_place(coder) -> None:
    text = (
        "Thousands of protesters marched in Tbilisi against the government, Russian media "
        "reported. Moscow said the rally was organised abroad."
    )
    assert codes(resolve(coder, text, "the government")) == {("GEO", "GOV")}


def test_a_government_that_speaks_keeps_the_texts_country(coder) -> None:
    text = (
        "Kenya's president flew to Addis Ababa. The government said troops were deployed "
        "in Somalia."
    )
    assert codes(resolve(coder, text, "The government")) == {("KEN", "GOV")}


def test_a_capital_arrived_in_is_still_its_government(coder) -> None:
    text = "The French foreign minister arrived in Baghdad on Monday for talks."
    assert codes(resolve(coder, text, "Baghdad")) == {("IRQ", "GOV")}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("A French battalion secured the airport in Bangui.", "battalion", ("FRA", "MIL")),
        ("A Ukrainian brigade repelled the assault near Bakhmut.", "brigade", ("UKR", "MIL")),
    ],
)
def test_a_states_military_unit_is_its_military(coder, text: str, phrase: str, expected):
    assert codes(resolve(coder, text, phrase)) == {expected}


def test_a_named_brigade_of_no_state_stays_an_armed_group(coder) -> None:
    text = "The Omar Mukhtar Brigade seized the port of Derna, Libyan officials said."
    assert {a.sector for a in resolve(coder, text, "Brigade")} == {"REB"}
