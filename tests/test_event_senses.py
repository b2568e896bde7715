"""Verb senses and codebook conventions the event engine applies to wire-style sentences."""

from __future__ import annotations

import pytest

from test_events import code

pytestmark = pytest.mark.slow


def coded(events):
    return {(e.event, e.cameo) for e in events}


# One sentence, one (category, CAMEO code) the sense must give.
SENSES = [
    pytest.param(
        "Bulgaria's prime minister will resign on Friday, his office said.",
        ("CONCEDE", "0831"),
        id="announced_resignation_is_the_concession_itself",
    ),
    pytest.param(
        "Germany sent weapons and military equipment to Ukraine on Thursday.",
        ("AID", "072"),
        id="sending_weapons_is_military_aid",
    ),
    pytest.param(
        "Indian troops remained on high alert along the Line of Control on Monday.",
        ("MOBILIZE", "152"),
        id="remaining_on_high_alert_is_a_raised_alert",
    ),
    pytest.param(
        "Ethiopia has agreed to Kenyan mediation in its border dispute with Sudan.",
        ("AGREE", "038"),
        id="agreeing_to_anothers_mediation_accepts_it",
    ),
    pytest.param(
        "Qatar offered to mediate between Israel and Hamas on Tuesday.",
        ("AGREE", "039"),
        id="offering_to_mediate_is_an_offer_of_mediation",
    ),
    pytest.param(
        "Italian prosecutors put a Dutch businessman under investigation for fraud.",
        ("ACCUSE", "091"),
        id="put_under_investigation_is_a_criminal_investigation",
    ),
    pytest.param(
        "Myanmar's junta put the opposition leader under house arrest on Monday.",
        ("COERCE", "173"),
        id="put_under_house_arrest_is_a_detention",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENSES)
def test_sense_codes_the_sentence(coder, text, expected):
    assert expected in coded(code(coder, text))


def test_attempted_assassination_is_coded_as_an_attempt(all_coder):
    events = code(all_coder, "Gunmen tried to assassinate the Somali interior minister on Monday.")
    assert {cameo for _, cameo in coded(events)} == {"185"}


def test_will_not_tolerate_is_a_refusal(all_coder):
    events = code(all_coder, "Cuba's government will not tolerate the protests, Havana said.")
    assert ("REJECT", "124") in coded(events)


def test_insisting_on_a_release_is_a_demand_for_it(all_coder):
    events = code(
        all_coder, "Hamas insisted on the release of Palestinian prisoners held by Israel."
    )
    assert "1053" in {cameo for _, cameo in coded(events)}


def test_preventing_a_party_from_acting_is_coercion(all_coder):
    events = code(all_coder, "Zimbabwean police prevented the opposition from holding a rally.")
    assert "170" in {cameo for _, cameo in coded(events)}


def test_trying_to_broker_a_deal_is_no_deal(coder):
    events = code(
        coder, "Qatari mediators trying to broker a truce deal met Hamas leaders in Doha."
    )
    assert "AGREE" not in {e.event for e in events}


def test_an_offer_to_negotiate_is_one_sides(coder):
    (event,) = code(coder, "Putin offered to negotiate with the president of Azerbaijan.")
    assert event.event == "AGREE" and not event.reciprocal
    assert [a.code for a in event.actor] == ["RUS"] and [r.code for r in event.recipient] == ["AZE"]


def test_two_sides_agreeing_to_talk_is_mutual(coder):
    events = code(coder, "Israel and Syria agreed to hold talks in Geneva next month.")
    assert any(e.event == "AGREE" and e.reciprocal for e in events)


def test_preparing_to_attack_is_a_show_of_force(coder):
    events = code(
        coder, "The Sudanese army prepared to resume shelling rebel-held areas of Darfur."
    )
    assert ("MOBILIZE", "150") in coded(events)
    assert "THREATEN" not in {e.event for e in events}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Police in Harare allowed the Zimbabwean opposition leader to hold a rally on Sunday.",
            ("CONCEDE", "0811"),
        ),
        (
            "The Sudanese government permitted the United Nations to deliver aid to Darfur.",
            ("RETREAT", "0863"),
        ),
    ],
)
def test_what_a_causative_verb_lets_its_party_do_decides_its_sense(coder, text, expected):
    assert expected in coded(code(coder, text))


def test_letting_a_party_keep_a_thing_has_no_concession_sense(coder):
    text = "The court allowed the Kenyan government to keep the documents secret."
    assert not {c for c in coded(code(coder, text)) if c[1][:2] == "08"}


def test_the_party_a_causative_verb_permits_does_the_permitted_act(coder):
    text = "The Sudanese government permitted the United Nations to deliver aid to Darfur."
    aid = [e for e in code(coder, text) if e.event == "AID"]
    assert aid and all(e.actor[0].code == "UNO" for e in aid)


def test_a_vow_to_fight_on_is_a_threat_of_force(coder):
    events = code(coder, "Sudanese rebels have vowed to fight on.")
    assert {e.event for e in events} == {"THREATEN"}


def test_an_infinitive_right_after_a_vow_is_its_complement_not_a_purpose(coder):
    text = "Ethiopian rebels have sworn to fight until they gain control of the capital."
    events = code(coder, text)
    assert [(e.event, e.modality.hypothetical) for e in events] == [("THREATEN", False)]


def test_an_armed_force_arriving_is_no_visit(coder):
    peacekeepers = code(coder, "A first contingent of Ghanaian peacekeepers arrived in Liberia.")
    assert coded(peacekeepers) == {("AID", "074")}
    troops = code(coder, "Several thousand Russian troops arrived in Syria on Tuesday.")
    assert not {c for c in coded(troops) if c[0] == "CONSULT"}
    visit = code(coder, "The French president arrived in Beijing on Tuesday.")
    assert coded(visit) == {("CONSULT", "042")}
    # a person with a military role is no armed force: a defence minister arriving visits
    minister = code(coder, "The Turkish defence minister arrived in Baghdad on Monday.")
    assert coded(minister) == {("CONSULT", "042")}
