"""Appeals and demands: what they ask for decides their sub-code; whom they ask is read off
the parse whichever way it hangs the one asked."""

from __future__ import annotations

import pytest

from test_events import code

pytestmark = pytest.mark.slow


def asks(events):
    return {
        (e.cameo, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in events
        if e.event == "REQUEST"
    }


def test_appeal_takes_the_code_of_the_requested_act(coder):
    events = code(coder, "Sweden urged Belarus to free the jailed reporters on Monday.")
    assert ("0253", ("SWE",), ("BLR",)) in asks(events)  # appeal to release persons


def test_appeal_for_an_event_noun_takes_its_code(coder):
    events = code(coder, "The Arab League on Sunday called for the withdrawal of Ethiopian troops.")
    assert {cameo for cameo, _, _ in asks(events)} == {"0256"}  # appeal to de-escalate


def test_asked_for_military_aid_is_an_appeal_for_military_aid(coder):
    events = code(coder, "Somalia asked for military aid from Turkey on Tuesday.")
    assert ("0232", ("SOM",), ("TUR",)) in asks(events)


def test_appeal_to_resume_talks_is_an_appeal_for_negotiation(coder):
    events = code(coder, "Qatar urged Sudan's warring generals to resume talks.")
    assert {cameo for cameo, _, _ in asks(events)} == {"026"}


def test_appeal_for_something_uncoded_stays_generic(coder):
    events = code(coder, "The ministers urged Chile to think again about the new tax law.")
    assert {cameo for cameo, _, _ in asks(events)} <= {"020"}


def test_subject_of_an_infinitive_complement_is_the_one_asked(coder):
    from accord.events.phrases import direct_object

    doc = coder.nlp("Washington wants Seoul to pay more for the US troops based there.")
    verb = next(t for t in doc if t.lemma_ == "want")
    obj = direct_object(verb)
    assert obj is not None and obj.lower_ == "seoul"


def test_wanting_a_party_to_act_is_a_request_of_it(coder):
    events = code(coder, "Namibia wants Germany to pay reparations for the colonial killings.")
    assert ("023", ("NAM",), ("DEU",)) in asks(events)  # reparations: an appeal for aid
    assert {e.event for e in events} == {"REQUEST"}


def test_wanting_to_act_oneself_is_no_request(coder):
    events = code(coder, "Vietnam wants to buy more fighter jets from India.")
    assert not asks(events)


def test_would_not_is_a_refusal(coder):
    events = code(coder, "Armenia would not attend the summit in Baku, its foreign ministry said.")
    assert {e.event for e in events} == {"REJECT"}


def test_would_not_under_a_condition_stays_hypothetical(coder):
    events = code(coder, "Armenia would not attend the summit if Azerbaijan kept shelling.")
    assert "REJECT" not in {e.event for e in events}


def test_light_verb_object_goes_through_quantities(coder):
    events = code(coder, "Japan delivered 500 tons of food aid to North Korea on Friday.")
    assert {(e.event, e.cameo) for e in events} == {("AID", "073")}
    assert [e.evidence[0].trigger for e in events] == ["aid"]


def test_appeal_to_hold_elections_is_for_leadership_change(coder):
    events = code(coder, "The African Union called on Guinea's junta to hold free elections.")
    assert {cameo for cameo, _, _ in asks(events)} == {"0241"}


def test_appeal_to_respect_rights_is_for_rights(coder):
    events = code(coder, "Norway urged the Sri Lankan government to respect human rights.")
    assert {cameo for cameo, _, _ in asks(events)} == {"0243"}


def test_asking_a_party_for_the_delivery_of_aid(coder):
    events = code(coder, "Niger asked the European Union for the delivery of food aid.")
    assert ("0233", ("NER",), ("EUR",)) in asks(events)


def test_pushing_for_a_party_to_act_asks_that_party(coder):
    events = code(
        coder, "Italy is pushing hard for Austria to back its plan for a European border force."
    )
    assert ("022", ("ITA",), ("AUT",)) in asks(events)  # appeal for policy support


def test_appeal_for_both_sides_to_observe_a_truce(coder):
    events = code(coder, "Egypt appealed for Israel and Hamas to observe the ceasefire.")
    assert {cameo for cameo, _, _ in asks(events)} == {"0256"}


def test_insisting_on_demands_that_a_party_act_asks_that_party(coder):
    events = code(
        coder,
        "Kurdish rebels insisted on their demands that Turkey's government grant Kurds rights.",
    )
    assert any(cameo == "1043" and "TUR" in recipients for cameo, _, recipients in asks(events))


def test_call_on_a_named_official_to_resign(coder):
    events = code(
        coder, "Kenyan opposition lawmakers called on Energy Minister Davis Chirchir to resign."
    )
    assert {cameo for cameo, _, _ in asks(events)} == {"0241"}
    assert "CONSULT" not in {e.event for e in events}


def test_demanding_a_party_abandon_a_policy_is_for_policy_change(coder):
    events = code(
        coder, "Zambian opposition groups demanded that President Lungu abandon his land policy."
    )
    assert {cameo for cameo, _, _ in asks(events)} == {"1042"}


def test_demanding_an_end_to_curbs_asks_to_ease_them(coder):
    events = code(coder, "Amnesty demanded that Ethiopia's government end curbs on the press.")
    assert {cameo for cameo, _, _ in asks(events)} == {"1051"}


def test_an_appeal_named_by_a_noun_takes_its_clause(coder):
    events = code(
        coder, "Turkey renewed an appeal to Belgium to extradite a militant wanted for murder."
    )
    assert ("0213", ("TUR",), ("BEL",)) in asks(events)


def test_a_demand_named_by_a_noun_takes_its_clause(coder):
    events = code(coder, "Iraq issued a demand that Kuwait return the prisoners it holds.")
    assert ("1053", ("IRQ",), ("KWT",)) in asks(events)


def rallies(events):
    return {
        (e.cameo, e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in events
        if e.cameo == "113"
    }


def test_a_call_for_air_strikes_on_a_country_rallies_opposition_against_it(coder):
    text = "Tehran on Sunday called for air strikes on Israel."
    assert rallies(code(coder, text)) == {("113", "ACCUSE", ("IRN",), ("ISR",))}


def test_asking_a_named_party_to_impose_sanctions_is_a_request_of_it(coder):
    text = "Tehran on Sunday urged the European Union to impose sanctions on Israel."
    events = code(coder, text)
    assert not rallies(events)
    assert {r for _, _, r in asks(events)} == {("EUR",)}


def test_an_appeal_to_mobilize_against_a_party_rallies_opposition_against_it(coder):
    text = "Syria's foreign minister called on Arab states to unite and mobilize against Israel."
    events = code(coder, text)
    assert rallies(events) == {("113", "ACCUSE", ("SYR",), ("ISR",))}
    assert not asks(events)


def test_an_appeal_for_a_peaceful_act_stays_an_appeal(coder):
    text = "The Pope urged Nigeria to release the detained students."
    events = code(coder, text)
    assert not rallies(events)
    assert asks(events)


def test_an_appeal_not_to_attack_rallies_nobody(coder):
    text = "The UN chief urged Israel not to attack Lebanon."
    assert not rallies(code(coder, text))


def test_a_renewed_call_for_sanctions_rallies_opposition_against_their_target(coder):
    text = "Kenya on Friday renewed its call for sanctions against South Sudan."
    assert rallies(code(coder, text)) == {("113", "ACCUSE", ("KEN",), ("SSD",))}


def test_the_act_pushed_for_in_a_for_clause_has_not_happened(coder):
    text = "Britain is pushing hard for the United States back its plan for debt relief."
    events = code(coder, text)
    assert {e.event for e in events} == {"REQUEST"}
