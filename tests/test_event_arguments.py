"""Arguments the parse hangs away from the verb: late passive agents, the hands behind
weapons, the party a purpose names."""

from __future__ import annotations

import pytest

from test_events import code, summary

pytestmark = pytest.mark.slow


def test_agent_closing_the_complement_is_the_passive_agent(coder):
    events = code(coder, "A former Malawian minister was accused of stealing aid money by Norway.")
    assert ("ACCUSE", ("NOR",), ("MWI",)) in {
        (event, actor, recipient[:1]) for event, actor, recipient in summary(events)
    }


def test_weapon_fired_by_a_force_names_the_force(coder):
    events = code(coder, "The school was hit by rockets fired by Houthi rebels from Yemen.")
    assert any(e.event == "ASSAULT" and e.actor and e.actor[0].code == "YEM" for e in events)


def test_aid_sent_to_help_defend_a_country_is_for_that_country(coder):
    events = code(
        coder, "Denmark is willing to send equipment to help defend Estonia if it is attacked."
    )
    assert any(e.event == "AGREE" and [r.code for r in e.recipient] == ["EST"] for e in events), (
        summary(events)
    )


def test_any_of_the_things_given_decides_the_aid(coder):
    events = code(
        coder, "Britain is providing satellite images and military intelligence to Ukraine."
    )
    assert ("AID", ("GBR",), ("UKR",)) in summary(events)
    assert {e.cameo for e in events if e.event == "AID"} == {"072"}


def test_asked_to_provide_information_is_an_appeal_to_share_it(coder):
    from test_event_requests import asks

    events = code(coder, "Turkey asked Iraq to provide urgent information about the seized trucks.")
    assert ("0214", ("TUR",), ("IRQ",)) in asks(events)


def test_aid_cut_for_a_country_is_against_that_country(coder):
    events = code(coder, "Germany suspended part of a military aid program for Niger on Friday.")
    assert ("SANCTION", ("DEU",), ("NER",)) in summary(events)


@pytest.mark.parametrize(
    "text, recipients",
    [
        ("Japan agreed on Monday to provide aid for Vietnam and Laos.", ("LAO", "VNM")),
        (
            "The European Union will provide about 40 million euros of food aid for Niger.",
            ("NER",),
        ),
    ],
)
def test_aid_given_as_a_light_verb_object_is_for_the_party_named(coder, text, recipients):
    events = [e for e in code(coder, text) if e.event in {"AGREE", "AID"}]
    assert events and {tuple(sorted(r.code for r in e.recipient)) for e in events} == {
        recipients
    }, summary(events)


def test_aid_given_for_a_time_or_a_purpose_names_no_recipient(coder):
    events = code(coder, "The World Bank agreed to provide aid for two more years.")
    assert all(not e.recipient for e in events), summary(events)


def test_a_future_light_verb_over_a_quantity_is_an_intent(coder):
    text = "The World Food Programme will provide 20,000 tons of food aid to refugees in Chad."
    events = code(coder, text)
    assert [(e.event, e.modality.future) for e in events] == [("AGREE", True)], summary(events)
    past = code(coder, "The World Food Programme provided 20,000 tons of food aid to Chad.")
    assert [e.event for e in past] == ["AID"], summary(past)


@pytest.mark.parametrize(
    "text",
    [
        "Zimbabwe has reneged on its pledge to Britain to compensate white farmers.",
        "The Kenyan government has reneged on its promise to Britain to hold a referendum.",
    ],
)
def test_a_broken_pledge_is_refused_to_whom_it_was_made(coder, text):
    events = [e for e in code(coder, text) if e.event == "REJECT"]
    assert events and all([r.code for r in e.recipient] == ["GBR"] for e in events), summary(events)


def test_victims_and_survivors_are_civilians_who_receive_aid(coder):
    text = "Japan provided 20 million dollars of emergency aid to earthquake survivors in Nepal."
    events = [e for e in code(coder, text) if e.event == "AID"]
    assert events and all(
        [(r.code, r.sector) for r in e.recipient] == [("NPL", "CVL")] for e in events
    ), summary(events)


def test_aid_given_to_a_party_parsed_as_a_dative_preposition(coder):
    events = code(coder, "Norway provided emergency aid to Malawi on Monday.")
    assert ("AID", ("NOR",), ("MWI",)) in summary(events)
