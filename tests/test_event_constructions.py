"""Constructions whose reading changes what is coded: a second preposition of the same word,
stative passives, attempts named by a noun, deliberation, turned-down requests and verbs of
action that take an infinitive."""

from __future__ import annotations

import pytest

from test_events import code

pytestmark = pytest.mark.slow


def found(events):
    return {
        (e.event, e.cameo, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in events
    }


def test_a_later_preposition_of_the_same_word_keeps_the_sense(coder):
    events = code(
        coder, "Croatian troops were engaged in ethnic cleansing in the Krajina region on Monday."
    )
    assert ("ASSAULT", "203") in {(e.event, e.cameo) for e in events}
    assert {a.code for e in events for a in e.actor} == {"HRV"}


def test_engaged_in_fighting_is_done_by_the_passive_subject(all_coder):
    events = code(all_coder, "Sudanese troops were engaged in fighting with rebels on Sunday.")
    assert any(e.event == "ASSAULT" and e.actor and e.actor[0].code == "SDN" for e in events)


def test_committed_to_holding_talks_is_the_subjects_intent(coder):
    events = code(coder, "The Colombian government is committed to holding talks with the ELN.")
    assert any(
        e.event == "AGREE" and e.actor[0].code == "COL" and e.modality.future for e in events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen made an attempt to assassinate the Afghan vice president in Kabul on Monday.",
        "There was an attempt to assassinate the Pakistani prime minister in Lahore on Friday.",
    ],
    ids=["attempt_made_by_gunmen", "agentless_attempt"],
)
def test_an_attempt_to_assassinate_is_an_attempted_assassination(coder, text):
    events = code(coder, text)
    assert [e.cameo for e in events] == ["185"]
    assert events[0].actor[0].sector == "UAF"
    assert events[0].actor[0].code == events[0].recipient[0].code


def test_a_bid_to_assassinate_by_a_named_group_is_theirs(coder):
    events = code(coder, "Rebels launched a bid to assassinate the Congolese president on Friday.")
    assert [(e.cameo, e.actor[0].sector, e.recipient[0].code) for e in events] == [
        ("185", "REB", "COD")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "France is considering sending troops to Mali.",
        "Britain is weighing whether to send warships to the Gulf.",
        "Germany is contemplating imposing new sanctions on Iran.",
        "Japan is studying sending peacekeepers to South Sudan.",
    ],
)
def test_an_act_only_considered_did_not_happen(coder, all_coder, text):
    assert code(coder, text) == []
    weighed = code(all_coder, text)
    assert weighed and all(e.modality.hypothetical and not e.modality.future for e in weighed)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Egypt rejected calls for economic aid from the IMF on Monday.", "1221"),
        ("Israel rejected a proposal for a ceasefire with Hamas on Tuesday.", "1246"),
        ("Russia rejected Ukraine's proposal for a prisoner exchange.", "1243"),
        ("Syria rejected calls for talks with the rebels.", "125"),
    ],
)
def test_a_rejected_request_refuses_what_it_asks_for(coder, text, cameo):
    assert cameo in {e.cameo for e in code(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The government moved quickly to expel the Russian diplomats.",
        "Britain moved on Monday to expel two Iranian diplomats.",
    ],
)
def test_moved_to_act_is_the_act(coder, text):
    events = code(coder, text)
    assert any(e.cameo == "161" and not e.modality.hypothetical for e in events)


def test_moving_troops_to_protect_is_still_a_purpose(all_coder):
    events = code(all_coder, "Kenya moved troops to the border to attack the Somali rebels.")
    attacks = [e for e in events if e.event == "ASSAULT"]
    assert attacks and all(e.modality.hypothetical for e in attacks)


@pytest.mark.parametrize(
    "text",
    [
        "Thailand imposed a nationwide curfew on Monday.",
        "Peru declared a state of emergency on Monday.",
    ],
)
def test_a_domestic_restriction_is_on_the_actors_own_country(coder, text):
    (event,) = [e for e in code(coder, text) if e.event == "COERCE"]
    assert event.recipient and event.recipient[0].code == event.actor[0].code
    assert event.recipient[0].sector is None


def test_a_curfew_lifted_in_the_capital_keeps_its_place(coder):
    events = code(coder, "Bangladesh lifted the curfew imposed in Dhaka on Tuesday.")
    assert ("CONCEDE", "0813", ("BGD",), ("BGD",)) in found(events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Twenty Palestinians were killed by Israeli air strikes in Gaza on Sunday.", "195"),
        ("Russian artillery killed four Ukrainian soldiers near Bakhmut on Monday.", "194"),
        ("Three Afghan soldiers were wounded by a landmine in Helmand on Friday.", "1834"),
    ],
)
def test_a_weapon_named_with_its_side_still_names_the_means(coder, text, cameo):
    assert cameo in {e.cameo for e in code(coder, text)}


def test_militants_as_the_doer_are_a_party_not_a_means(coder):
    events = code(coder, "Two Pakistani soldiers were killed by militants in Waziristan.")
    assert {e.cameo for e in events} <= {"190"}


def test_who_survived_an_assassination_attempt_was_its_target(coder):
    events = code(
        coder, "The Afghan vice president survived an assassination attempt in Kabul on Monday."
    )
    assert [(e.cameo, e.actor[0].sector, e.recipient[0].code) for e in events] == [
        ("185", "UAF", "AFG")
    ]


def test_surviving_a_crisis_is_no_attack(all_coder):
    assert code(all_coder, "The Colombian senator survived the crisis in Bogota.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Seven Syrian soldiers died in an Israeli air strike near Damascus on Sunday.",
        "Seven Syrian soldiers were killed in an Israeli air strike near Damascus on Sunday.",
    ],
)
def test_the_side_that_names_an_attack_carried_it_out(coder, text):
    assert ("ASSAULT", "195", ("ISR",), ("SYR",)) in found(code(coder, text))


def test_dying_in_hospital_is_no_attack(all_coder):
    assert code(all_coder, "The former Kenyan president died in hospital in Nairobi.") == []
