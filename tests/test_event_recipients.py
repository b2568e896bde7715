"""Whom an event is done to when the parse hides it: the owner of a demand or a resolution,
the sides of a mediation, a recipient the parser left stranded, a body acting through its
members."""

from __future__ import annotations

import pytest

from test_events import code, summary

pytestmark = pytest.mark.slow


def test_demands_from_a_named_movement_point_at_the_movement(coder):
    # the preposition inside the movement's long name does not make "demands" an actor
    events = code(
        coder,
        "The Kenyan government has finally conceded to demands from the Orange Democratic "
        "Movement for Electoral Reform of Kenya to redraw the constituencies.",
    )
    assert any(e.event == "CONCEDE" and [r.code for r in e.recipient] == ["KEN"] for e in events)


def test_halting_mediation_among_parties_targets_the_parties(coder):
    events = code(
        coder,
        "The African Union may halt mediation efforts among Sudan's warring factions if the "
        "fighting continues, a Kenyan diplomat said on Monday.",
    )
    assert ("THREATEN", ("IGO",), ("SDN",)) in summary(events)
    # the speaker of the trailing reporting clause is no side
    assert not any("KEN" in {r.code for r in e.recipient} for e in events)


def test_vetoed_resolution_parsed_under_its_participle_is_the_councils(coder):
    events = code(
        coder,
        "Russia on Tuesday vetoed a Security Council resolution condemning as illegal the "
        "bombing of a hospital in Aleppo.",
    )
    assert ("REJECT", ("RUS",), ("UNO",)) in summary(events)


def test_asylum_granted_to_officers_stranded_by_a_reduced_clause(coder):
    events = code(
        coder,
        "Ecuador has granted political asylum to three Venezuelan army officers hiding in "
        "its embassy in Caracas.",
    )
    assert any(
        e.event == "AID" and e.actor[0].code == "ECU" and [r.code for r in e.recipient] == ["VEN"]
        for e in events
    ), summary(events)


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("Hamas accepted an invitation to visit Moscow next month.", "RUS"),
        (
            "The Syrian government rejected an invitation to attend a meeting of Lebanese "
            "political parties in Beirut.",
            "LBN",
        ),
    ],
)
def test_invitation_without_an_author_points_at_the_host(coder, text, recipient):
    events = code(coder, text)
    assert any(
        e.event in {"AGREE", "REJECT"} and recipient in {r.code for r in e.recipient}
        for e in events
    ), summary(events)


def test_deployment_of_troops_acts_through_the_troops(coder):
    events = code(coder, "A first deployment of NATO peacekeeping troops arrived in Kosovo.")
    assert ("AID", ("IGO",), ("XKX",)) in summary(events)
    assert {a.sector for e in events for a in e.actor} == {"PKO"}


def test_part_of_a_stronghold_belongs_to_its_owner_not_the_border_nearby(coder):
    events = code(
        coder,
        "Colombian troops captured part of a FARC rebel stronghold near the Venezuelan border.",
    )
    assert summary(events) == {("COERCE", ("COL",), ("COL",))}
    assert events[0].recipient[0].sector == "REB"


def test_allowing_the_return_of_inspectors_is_towards_the_inspectors(coder):
    events = code(coder, "Iraq agreed on Monday to allow the return of UN weapons inspectors.")
    assert any(e.event == "AGREE" and [r.code for r in e.recipient] == ["UNO"] for e in events), (
        summary(events)
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Moscow imposed new visa restrictions for Georgian citizens on Friday.",
            ("COERCE", ("RUS",), ("GEO",)),
        ),
        (
            "Austria plans to impose restrictions on its labour market for Romanian workers.",
            ("THREATEN", ("AUT",), ("ROU",)),
        ),
    ],
)
def test_restrictions_for_a_people_target_that_people(coder, text, expected):
    assert expected in summary(code(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "Serbia accepted the European Union's proposal on Kosovo.",
        "Serbia accepted a proposal from the European Union on Kosovo.",
    ],
)
def test_an_accepted_proposal_is_towards_its_author_not_its_topic(coder, text):
    assert ("AGREE", ("SRB",), ("EUR",)) in summary(code(coder, text))


def test_demanded_withdrawal_from_a_country_targets_the_forces(coder):
    events = code(
        coder, "EU foreign ministers demanded the withdrawal of Russian forces from Moldova."
    )
    assert {r.code for e in events if e.event == "REQUEST" for r in e.recipient} == {"RUS"}


def test_a_counted_group_of_two_nationalities_keeps_both(coder):
    events = code(
        coder, "Police in Guinea tortured dozens of Sierra Leonean and Liberian refugees."
    )
    assert {r.code for e in events for r in e.recipient} == {"SLE", "LBR"}


def test_demands_named_by_their_makers_go_to_the_makers(coder):
    events = code(coder, "The Nigerian government rejected union demands for higher wages.")
    assert ("REJECT", ("NGA",), ("NGA",)) in summary(events)
    assert [r.sector for e in events for r in e.recipient] == ["LAB"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Iran has trained hundreds of computer hackers capable of launching cyber attacks "
            "against Israel.",
            ("MOBILIZE", ("IRN",), ("ISR",)),
        ),
        (
            "Pakistan mobilized troops along the border with India.",
            ("MOBILIZE", ("PAK",), ("IND",)),
        ),
    ],
)
def test_a_show_of_force_is_aimed_at_whom_its_forces_face(coder, text, expected):
    assert expected in summary(code(coder, text))


def test_ending_mediation_of_talks_targets_the_sides_of_the_talks(coder):
    events = code(coder, "Qatar ended its mediation of talks between Israel and Hamas.")
    assert {r.code for e in events if e.event == "SANCTION" for r in e.recipient} == {
        "ISR",
        "PSE",
    }


def test_the_source_of_a_trailing_report_is_no_party():
    from accord import nlp
    from accord.events.arguments import reporting_subject
    from accord.events.lexicon import Lexicon

    lexicon = Lexicon.load()
    doc = nlp.load()(
        "The army will shell Misrata and Sirte, Libyan army spokesman Ahmed Mismari said."
    )
    assert {t.text for t in doc if reporting_subject(t, lexicon)} >= {"Mismari"}
    assert not any(reporting_subject(t, lexicon) for t in doc if t.text in {"Misrata", "Sirte"})


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Iraq rejected the plan despite pressure from Washington.",
            ("REJECT", ("IRQ",), ("USA",)),
        ),
        (
            "Pakistan's prime minister resigned under pressure from the army.",
            ("CONCEDE", ("PAK",), ("PAK",)),
        ),
        (
            "Ghanaian teachers called off their strike after talks with the Ghanaian government.",
            ("CONCEDE", ("GHA",), ("GHA",)),
        ),
    ],
)
def test_a_concession_or_refusal_answers_whoever_pressed_for_it(coder, text, expected):
    events = code(coder, text)
    assert expected in summary(events)
    assert all(r.sector != "LAB" for e in events for r in e.recipient)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The African Union rejected a call for its troops to be deployed in Somalia.",
            ("REJECT", ("IGO",), ("SOM",)),
        ),
        ("Nigeria rejected a call to send troops to Liberia.", ("REJECT", ("NGA",), ("LBR",))),
    ],
)
def test_an_unattributed_call_points_where_it_would_act(coder, text, expected):
    assert expected in summary(code(coder, text))


def test_a_date_owns_no_decision(coder):
    events = code(coder, "Iran rejected Sunday's decision by the IAEA board.")
    assert ("REJECT", ("IRN",), ("UNO",)) in summary(events)


def test_an_attack_on_the_subjects_own_embassy_points_at_the_attackers(coder):
    events = code(coder, "France condemned the attack on its embassy by Islamist militants.")
    assert all(r.sector == "REB" for e in events for r in e.recipient)
    assert any(e.recipient for e in events)


def test_two_verbs_sharing_one_object_share_its_recipient(coder):
    events = code(coder, "Norway promised and shipped 500 tons of food to Malawi.")
    assert ("AGREE", ("NOR",), ("MWI",)) in summary(events)
    assert ("AID", ("NOR",), ("MWI",)) in summary(events)


def test_an_accepted_plan_for_ending_a_war_is_towards_the_other_side(coder):
    events = code(coder, "Ethiopia accepted a plan for ending the border war with Eritrea.")
    assert ("AGREE", ("ETH",), ("ERI",)) in summary(events)


def test_an_eased_curfew_is_on_the_country_where_it_was_imposed(coder):
    events = code(
        coder, "The Sudanese government eased the nightly curfew imposed in Khartoum on Monday."
    )
    assert ("CONCEDE", ("SDN",), ("SDN",)) in summary(events)
