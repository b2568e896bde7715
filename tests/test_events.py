"""The event engine on constructions news uses; each test pins one behaviour."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow
DAY = dt.date(2025, 3, 5)  # a Wednesday


def code(coder, text, day=DAY):
    from accord.ingest import article_from_text

    return coder.code(article_from_text(text, date=day, headline=False))


def summary(events):
    return {
        (e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in events
    }


def test_active_verb_codes_actor_and_recipient(coder):
    (event,) = code(coder, "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday.")
    assert (event.event, event.actor[0].code, event.actor[0].sector) == ("ASSAULT", "RUS", "MIL")
    assert event.recipient[0].code == "UKR"
    assert event.date == dt.date(2025, 3, 4) and event.date_precision == "day"


def test_passive_voice_swaps_to_the_agent(coder):
    events = code(coder, "A Turkish patrol boat was attacked by Greek coast guard vessels.")
    assert ("ASSAULT", ("GRC",), ("TUR",)) in summary(events)


def test_compound_actors_are_one_event_with_a_list(coder):
    events = code(coder, "France and Germany condemned Belarus on Monday.")
    (event,) = [e for e in events if e.event == "ACCUSE"]
    assert {a.code for a in event.actor} == {"FRA", "DEU"}
    assert [r.code for r in event.recipient] == ["BLR"]


def test_meetings_are_reciprocal(coder):
    (event,) = code(coder, "Indian and Chinese foreign ministers met in Beijing on Monday.")
    assert event.event == "CONSULT" and event.reciprocal
    assert {event.actor[0].code, event.recipient[0].code} == {"IND", "CHN"}
    assert event.location.country == "CHN"


def test_light_verb_with_event_noun(coder):
    events = code(coder, "The European Union imposed new sanctions on Iran on Monday.")
    assert ("SANCTION", ("EUR",), ("IRN",)) in summary(events)


def test_vowed_to_retaliate_is_a_threat(coder):
    events = code(coder, "Iran vowed to strike Israel in response to the killing.")
    assert {e.event for e in events} == {"THREATEN"}


def test_agreed_to_hold_talks_is_intent_to_meet(coder):
    events = code(coder, "Armenia and Azerbaijan agreed to hold talks in Washington next week.")
    (event,) = events
    assert event.event == "AGREE" and event.cameo == "036" and event.reciprocal
    assert event.modality.future


def test_refused_to_withdraw_is_a_rejection(coder):
    (event,) = code(coder, "Russia refused to withdraw its troops from Moldova.")
    assert event.event == "REJECT" and event.cameo.startswith("124")


def test_calls_on_are_requests_and_the_requested_act_is_not_coded(coder):
    events = code(coder, "The United Nations called on Sudan to end the fighting in Darfur.")
    assert summary(events) == {("REQUEST", ("UNO",), ("SDN",))}


def test_negated_and_conditional_events_are_left_out_by_default(coder, all_coder):
    text = "Israel did not attack Iran. Iran would attack Israel if it struck its nuclear sites."
    assert not [e for e in code(coder, text) if e.event == "ASSAULT"]
    flagged = [e for e in code(all_coder, text) if e.event == "ASSAULT"]
    assert any(e.modality.negated for e in flagged)
    assert any(e.modality.hypothetical for e in flagged)


def test_explicitly_old_events_are_historical(all_coder):
    (event,) = code(all_coder, "Iraq invaded Kuwait in 1990.")
    assert event.modality.historical and event.date.year == 1990


def test_reported_speech_codes_the_reported_event_with_its_source(coder):
    events = code(coder, "Kenya's government said Somali militants attacked a police post.")
    (event,) = [e for e in events if e.event == "ASSAULT"]
    assert event.speaker is not None and event.speaker.code == "KEN"
    assert event.actor[0].sector in {"REB", "UAF"}


def test_reported_obligation_is_a_demand(coder):
    events = code(coder, "Britain said Libya must hand over the two suspects.")
    assert any(
        e.event == "REQUEST" and e.actor[0].code == "GBR" and e.recipient[0].code == "LBY"
        for e in events
    )


def test_background_reason_is_not_a_new_event(coder):
    events = code(coder, "Qatar condemned Israel for its attacks on civilians in Gaza.")
    assert summary(events) == {("ACCUSE", ("QAT",), ("ISR",))}


def test_same_event_twice_is_one_event_with_two_evidence_sentences(coder):
    events = code(
        coder,
        "Japan denounced China over the incident. Tokyo condemned Beijing "
        "again later on Wednesday.",
    )
    accusations = [e for e in events if e.event == "ACCUSE"]
    assert len(accusations) == 1 and len(accusations[0].evidence) == 2


def test_the_one_asked_to_act_is_the_of_object_of_the_demanded_act(coder):
    events = code(coder, "Ukraine demanded the withdrawal of Russian troops from Crimea.")
    assert ("REQUEST", ("UKR",), ("RUS",)) in summary(events)


def test_a_protested_decision_stands_for_its_owner(coder):
    events = code(coder, "Thousands of Kenyan teachers marched to protest Uganda's decision.")
    protests = [e for e in events if e.event == "PROTEST"]
    assert protests and all([r.code for r in e.recipient] == ["UGA"] for e in protests)


def test_a_threat_is_aimed_at_whom_the_threatened_act_names(coder):
    events = code(coder, "The Taliban threatened to deliver heavy blows to Pakistan and India.")
    (event,) = [e for e in events if e.event == "THREATEN"]
    assert {r.code for r in event.recipient} == {"PAK", "IND"}


def test_an_act_announced_unless_a_condition_is_met_is_a_threat_at_the_conditioned(coder):
    events = code(coder, "Kenya said it will pull out of the talks unless Ethiopia pays.")
    assert ("THREATEN", ("KEN",), ("ETH",)) in summary(events)


def test_a_threat_is_aimed_at_whom_its_condition_names(coder):
    text = "Hamas threatened to resume rocket fire unless Israel lifted the blockade."
    events = code(coder, text)
    assert ("THREATEN", ("PSE",), ("ISR",)) in summary(events)


def test_an_offer_inside_a_condition_is_not_made(coder):
    text = "The rebels will boycott the vote unless the president agrees to step down."
    assert not [e for e in code(coder, text) if e.event == "AGREE"]


def test_a_statement_speaks_for_whoever_issued_it(coder):
    events = code(coder, "Hamas issued a statement condemning Egypt on Sunday.")
    assert ("ACCUSE", ("PSE",), ("EGY",)) in summary(events)


def test_a_rally_dispersed_by_police_does_not_make_the_police_demand(coder):
    events = code(
        coder, "Turkish police dispersed a rally demanding the release of Syrian detainees."
    )
    assert not any(e.event == "REQUEST" and e.actor[0].sector == "COP" for e in events)


def test_in_protest_against_names_the_author_of_what_is_protested(coder):
    text = "Nigerian nurses staged a hunger strike in protest against cuts by Ghanaian officials."
    (event,) = [e for e in code(coder, text) if e.event == "PROTEST"]
    assert [r.code for r in event.recipient] == ["GHA"]


def test_a_bomb_with_no_named_hand_is_an_unidentified_force_of_the_place(coder):
    events = code(coder, "A roadside bomb killed three Afghan soldiers in Kandahar on Monday.")
    (event,) = [e for e in events if e.event == "ASSAULT"]
    assert (event.actor[0].code, event.actor[0].sector) == ("AFG", "UAF")
    assert event.recipient[0].code == "AFG"


def test_deaths_in_riots_described_in_passing_are_not_attacks(coder):
    text = "Protesters gathered in Kenya, where ten people were killed in riots last month."
    assert not [e for e in code(coder, text) if e.event == "ASSAULT"]


def test_a_purpose_clause_names_whom_the_act_is_aimed_at(coder):
    text = "Kenyan police fired tear gas to disperse Ugandan protesters on Monday."
    events = [e for e in code(coder, text) if e.event in {"ASSAULT", "COERCE"}]
    assert events and all([r.code for r in e.recipient] == ["UGA"] for e in events)


def test_aid_is_given_for_someone_and_to_someone_named_as_a_dative(coder):
    events = code(coder, "Japan agreed to provide $20 million in aid for Sudan and Chad.")
    assert any({r.code for r in e.recipient} == {"SDN", "TCD"} for e in events)
    events = code(coder, "Norway will give Malawi a grant of $5 million next year.")
    assert any([r.code for r in e.recipient] == ["MWI"] for e in events)


def test_mediation_between_two_sides_has_both_as_recipients(coder):
    events = code(coder, "Qatar launched a mediation effort between Ethiopia and Eritrea.")
    (event,) = [e for e in events if e.event == "CONSULT"]
    assert {r.code for r in event.recipient} == {"ETH", "ERI"}


def test_neighbours_of_a_country_are_not_the_country(coder):
    events = code(coder, "Iran threatened its neighbours on Tuesday.")
    assert not any(r.code == "IRN" for e in events for r in e.recipient)


def test_a_nominal_act_names_its_target_through_its_object(coder):
    events = code(coder, "Egypt announced a suspension of flights with Libya on Sunday.")
    assert any(e.event == "SANCTION" and [r.code for r in e.recipient] == ["LBY"] for e in events)


def test_force_against_property_targets_its_owner(coder):
    events = code(coder, "Russian hackers hacked into the computers of Estonian ministers.")
    assert any([r.code for r in e.recipient] == ["EST"] for e in events)
    events = code(coder, "Israeli settlers set fire to the offices of Palestinian officials.")
    assert any([r.code for r in e.recipient] == ["PSE"] for e in events)


def test_mobilizing_for_a_war_against_someone_targets_them(coder):
    events = code(coder, "Armenia mobilized reservists for a war against Azerbaijan.")
    assert ("MOBILIZE", ("ARM",), ("AZE",)) in summary(events)


def test_an_act_inside_a_demand_is_asked_for_not_done(coder):
    text = "Turkey demanded that NATO members refuse to arm Kurdish militias."
    assert not [e for e in code(coder, text) if e.event == "REJECT"]


def test_a_restated_demand_is_a_request_of_the_clause_subject(coder):
    text = "The African Union reiterated its demand that Sudan ease curbs on aid workers."
    events = code(coder, text)
    assert any(e.event == "REQUEST" and [r.code for r in e.recipient] == ["SDN"] for e in events)
    assert not [e for e in events if e.event == "CONCEDE"]


def test_who_is_indicted_and_resigns_is_the_one_who_resigns(coder):
    text = "Serbia's interior minister was indicted by a Belgrade court and will resign."
    (event,) = [e for e in code(coder, text) if e.evidence[0].trigger == "resign"]
    assert (event.actor[0].code, event.actor[0].sector) == ("SRB", "GOV")


def test_fighters_armed_with_rifles_are_not_given_arms(coder):
    text = "Gunmen armed with rifles attacked a Kenyan police post near Garissa."
    assert not [e for e in code(coder, text) if e.event == "AID"]


def test_will_not_accept_is_a_refusal(coder):
    events = code(coder, "Jordan said it will not accept any more Syrian refugees.")
    assert any(e.event == "REJECT" and e.actor[0].code == "JOR" for e in events)


def test_a_sanction_held_out_on_a_condition_is_a_threat(coder):
    text = "The European Union may suspend aid to Mali if the junta delays the elections."
    events = code(coder, text)
    assert any(e.event == "THREATEN" and e.actor[0].code == "EUR" for e in events)


def test_opposed_to_a_nations_proposal_rejects_that_nation(coder):
    events = code(coder, "India is opposed to Chinese mediation in the border dispute.")
    assert ("REJECT", ("IND",), ("CHN",)) in summary(events)


def test_a_participle_parsed_as_subject_yields_its_own_subject(coder):
    text = "The Red Cross operating in Sudan said the army must allow aid convoys to pass."
    events = code(coder, text)
    assert any(
        e.event == "REQUEST" and e.recipient and e.recipient[0].code == "SDN" for e in events
    )


def test_people_named_by_a_generic_agent_noun_are_recipients(coder):
    text = "Kenyan authorities pressured Kenyan bus workers to cancel their strike."
    events = code(coder, text)
    assert any(
        e.event == "REQUEST" and e.recipient and e.recipient[0].code == "KEN" for e in events
    )


def test_a_complaint_is_about_whom_it_names_not_to_whom_it_is_made(coder):
    events = code(coder, "Lebanon complained to the United Nations over Israeli air strikes.")
    assert ("ACCUSE", ("LBN",), ("ISR",)) in summary(events)


def test_the_topic_of_talks_is_not_a_party_to_them(coder):
    events = code(coder, "Israel and Syria resumed negotiations on an Israeli withdrawal.")
    (event,) = [e for e in events if e.event == "CONSULT"]
    assert len(event.actor) + len(event.recipient) == 2


def test_troops_offered_are_the_means_not_the_recipient(coder):
    events = code(coder, "Ghana is ready to contribute 500 troops to a UN force in Mali.")
    assert not any(r.code == "GHA" for e in events for r in e.recipient)


def test_talks_held_with_someone_named_after_the_place(coder):
    text = "Egypt's foreign minister held talks in Cairo on Monday with Qatar's prime minister."
    events = [e for e in code(coder, text) if e.event == "CONSULT"]
    assert any({a.code for a in (*e.actor, *e.recipient)} == {"EGY", "QAT"} for e in events)


def test_an_agreement_inside_a_rejected_proposal_is_not_coded(coder):
    text = "Nepal rejected an Indian proposal for signing a trade agreement with China."
    assert summary(code(coder, text)) == {("REJECT", ("NPL",), ("IND",))}


def test_a_call_for_sanctions_against_a_country_rallies_opposition_against_it(coder):
    events = code(coder, "Amnesty International called for sanctions against Myanmar.")
    assert [(e.cameo, e.event, [r.code for r in e.recipient]) for e in events] == [
        ("113", "ACCUSE", ["MMR"])
    ]


def test_the_content_of_a_demanded_admission_is_not_an_event(coder):
    text = "Poland demanded an admission by Moscow that Soviet troops killed Polish officers."
    assert not [e for e in code(coder, text) if e.event == "ASSAULT"]


def test_an_act_inside_a_purpose_further_up_is_not_done(coder):
    text = "Kenya offered to lead a police force to help Haiti fight armed gangs."
    assert not [e for e in code(coder, text) if e.event == "ASSAULT"]


def test_a_refusal_said_twice_in_a_sentence_is_one_event(coder):
    text = "Moscow dismissed Kyiv's peace plan and said it would not negotiate on that basis."
    rejections = [e for e in code(coder, text) if e.event == "REJECT"]
    assert len(rejections) == 1 and rejections[0].recipient[0].code == "UKR"


def test_a_nations_own_embassies_are_not_the_other_side(coder):
    text = "Saudi Arabia and Iran agreed to reopen their embassies within two months."
    events = code(coder, text)
    assert not any(r.code == a.code for e in events for a in e.actor for r in e.recipient)


def test_weapons_received_are_things_not_hosts(coder):
    events = code(coder, "Ukraine received its first fighter jets from Norway on Sunday.")
    assert not [e for e in events if e.event == "CONSULT"]


def test_support_for_a_nations_claim_goes_to_the_nation(coder):
    text = "Chile reaffirmed its support for Bolivia's claim over the disputed coastal strip."
    events = [e for e in code(coder, text) if e.event == "SUPPORT"]
    assert events and all([r.code for r in e.recipient] == ["BOL"] for e in events)


def test_their_countries_in_an_agreement_are_the_agreeing_officials(coder):
    text = "Senior Polish and Czech officials agreed that their countries should cooperate."
    events = [e for e in code(coder, text) if e.event == "AGREE"]
    assert any({a.code for a in (*e.actor, *e.recipient)} == {"POL", "CZE"} for e in events)


def test_days_of_joint_war_games_are_cooperation(coder):
    text = "Indian and French warships began five days of war games in the Arabian Sea."
    events = code(coder, text)
    assert any(e.event == "COOPERATE" for e in events)
    assert not any(e.event == "MOBILIZE" for e in events)


def test_a_meeting_promised_on_a_condition_is_an_offer(coder):
    text = "Sudanese rebels said they would meet the UN envoy if he guaranteed their safety."
    events = code(coder, text)
    assert any(e.event == "AGREE" and e.modality.future for e in events)


def test_arriving_for_talks_is_a_meeting(coder):
    text = "Iran's foreign minister arrived in Riyadh for talks with Saudi officials."
    events = code(coder, text)
    assert any(e.event == "CONSULT" and {r.code for r in e.recipient} == {"SAU"} for e in events)


def test_a_protest_purpose_names_the_protested(coder):
    text = "Tunisians blocked roads to press demands for jobs from President Saied's government."
    (event,) = [e for e in code(coder, text) if e.event == "PROTEST"]
    assert [r.code for r in event.recipient] == ["TUN"]


def test_rioting_after_a_demonstration_against_a_leader_targets_him(coder):
    text = "Kenyan protesters rioted following a rally calling for the removal of President Ruto."
    (event,) = [e for e in code(coder, text) if e.event == "PROTEST"]
    assert [r.code for r in event.recipient] == ["KEN"]


def test_up_to_a_number_of_people_is_the_object(coder):
    text = "Islamist rebels kidnapped up to 12 Chinese engineers from a Nigerian camp."
    events = code(coder, text)
    assert any(r.code == "CHN" for e in events for r in e.recipient)


def test_an_invasion_of_a_country_targets_it(coder):
    events = code(coder, "Russia launched its long-threatened invasion of Ukraine on Thursday.")
    assert any([r.code for r in e.recipient] == ["UKR"] for e in events)


def test_demands_acted_on_are_not_new_demands(coder):
    text = "Tuareg leaders will boycott the talks until Mali's demands are met."
    assert not [e for e in code(coder, text) if e.event == "REQUEST"]


def test_an_act_before_which_another_must_happen_has_not_happened(coder):
    text = "Ugandan rebels said the government must release prisoners before they disarm."
    assert not [e for e in code(coder, text) if e.event == "RETREAT"]


def test_a_coercion_ordered_by_an_authority_is_its_act(coder):
    text = "Ethiopia's government ordered the newspaper Addis Standard to suspend publication."
    events = code(coder, text)
    assert any(e.event == "COERCE" and e.actor[0].code == "ETH" and e.recipient for e in events)


def test_people_gathering_for_a_rally_are_its_protesters(coder):
    text = "Thousands of Kenyans converged on Nairobi for a rally to protest new taxes."
    events = [
        e
        for e in code(
            coder,
            text,
        )
        if e.event == "PROTEST"
    ]
    assert all(e.actor[0].code == "KEN" for e in events)


def test_a_visit_for_talks_is_one_meeting_not_two(coder):
    text = "Egypt's foreign minister arrived in Amman on Monday for talks with Jordanian officials."
    events = [e for e in code(coder, text) if e.event == "CONSULT"]
    assert len(events) == 1


def test_the_host_of_a_meeting_between_two_sides_is_not_a_side(coder):
    text = "Qatar said it would host a meeting between Sudanese army leaders and the RSF."
    events = [e for e in code(coder, text) if e.event == "AGREE"]
    assert events and not any(e.reciprocal for e in events)


def test_generic_local_agents_belong_to_the_country_where_they_act(coder):
    events = code(coder, "Police arrested 20 protesters in Istanbul on Sunday.")
    (event,) = [e for e in events if e.event == "COERCE"]
    assert (event.actor[0].code, event.actor[0].sector) == ("TUR", "COP")


def test_aid_pledged_for_a_country_names_it_as_recipient(coder):
    events = code(coder, "Germany pledged 500 million euros in aid for Ukraine on Tuesday.")
    assert any([r.code for r in e.recipient] == ["UKR"] for e in events)


def test_allowing_the_return_of_inspectors_is_a_concession_on_inspections(coder):
    text = "Iraq said it would allow the return of UN weapons inspectors without conditions."
    events = code(coder, text)
    assert any(e.event == "AGREE" and e.actor[0].code == "IRQ" for e in events)


def test_allowing_a_named_candidate_to_run_is_coded_with_him_as_recipient(coder):
    text = (
        "Ivory Coast's Supreme Court allowed candidate Alassane Ouattara to run in the elections."
    )
    events = code(coder, text)
    assert any(e.actor[0].sector == "JUD" and e.recipient for e in events)


def test_a_range_of_sanctions_on_a_country_targets_it(coder):
    text = "The European Union suspended a range of sanctions on Syria on Monday."
    assert any([r.code for r in e.recipient] == ["SYR"] for e in code(coder, text))


def test_the_owner_of_demolished_homes_is_the_target(coder):
    text = "Israeli forces demolished the homes of two Palestinian prisoners near Hebron."
    events = [e for e in code(coder, text) if e.event == "COERCE"]
    assert events and all([r.code for r in e.recipient] == ["PSE"] for e in events)


def test_weapons_used_are_not_the_target(coder):
    text = "Houthi rebels attacked a Greek-flagged tanker in the Red Sea with missiles and drones."
    assert not any(r.sector == "MIL" for e in code(coder, text) for r in e.recipient)


def test_a_past_perfect_relative_clause_is_background(coder):
    text = "Peru agreed to cut fuel prices, meeting a demand of farmers who had blocked roads."
    assert not [e for e in code(coder, text) if e.event == "PROTEST"]


def test_suspended_mediation_between_two_sides_targets_both(coder):
    events = code(coder, "Qatar has suspended its mediation between Israel and Hamas.")
    assert any({r.code for r in e.recipient} == {"ISR", "PSE"} for e in events)


def test_agreeing_to_deploy_a_joint_force_is_an_agreement_not_a_threat(coder):
    events = code(coder, "Belarus and Russia agreed to deploy a joint regional military group.")
    assert any(e.event == "AGREE" for e in events)
    assert not any(e.event == "THREATEN" for e in events)


def test_a_leaders_forces_are_not_the_accusers_own(coder):
    text = "The US sanctioned Sudan's army chief, accusing his forces of attacking hospitals."
    events = [e for e in code(coder, text) if e.event == "ACCUSE"]
    assert events and all(e.recipient for e in events)


def test_stones_thrown_during_demonstrations_against_an_army_target_it(coder):
    text = (
        "Palestinian youths threw stones during demonstrations against abuses by the Israeli army."
    )
    (event,) = [e for e in code(coder, text) if e.event == "PROTEST"]
    assert [r.code for r in event.recipient] == ["ISR"]


def test_a_gerund_after_a_preposition_shares_the_verbs_subject(coder):
    text = "Kurdish protesters resorted to throwing stones at Turkish police in Diyarbakir."
    (event,) = [e for e in code(coder, text) if e.event == "PROTEST"]
    assert event.actor and event.recipient[0].code == "TUR"


def test_the_agent_of_an_attack_a_victim_died_in_is_the_attacker(coder):
    text = "A Serb policeman was murdered in an attack on a patrol by Kosovo Albanians."
    (event,) = [e for e in code(coder, text) if e.event == "ASSAULT"]
    assert event.actor[0].code == "XKX"


def test_fighting_introduced_by_as_is_not_the_main_subjects_act(coder):
    text = "Ethiopia declared a state of emergency as fighting with a local militia intensified."
    assert not any(
        e.event == "ASSAULT" and e.actor[0].code == "ETH" and e.actor[0].sector == "GOV"
        for e in code(coder, text)
    )


def test_a_promised_withdrawal_lands_where_it_is_to_happen(coder):
    text = "Armenia will withdraw its troops from the villages in Nakhchivan next month."
    events = [e for e in code(coder, text) if e.event == "AGREE"]
    assert events and all(e.recipient for e in events)


def test_the_venue_of_promised_talks_is_not_a_party(coder):
    events = code(coder, "Iran agreed to hold talks in Geneva next week.")
    assert not any(r.code == "CHE" for e in events for r in e.recipient)


def test_typographic_apostrophes_code_like_plain_ones_and_evidence_keeps_them(coder):
    plain = "Kenya's High Court ordered the release of the country's detained opposition leader."
    curly = plain.replace("'", "\u2019")
    (event,) = code(coder, curly)
    assert summary([event]) == summary(code(coder, plain))
    assert event.evidence[0].sentence == curly
    assert curly[event.evidence[0].start : event.evidence[0].end] == curly


def test_peacekeepers_arriving_are_a_deployment_not_a_visit(coder):
    text = "A first batch of Nepalese peacekeeping troops arrived in Lebanon on Friday."
    events = code(coder, text)
    assert [(e.cameo, e.event, [r.code for r in e.recipient]) for e in events] == [
        ("074", "AID", ["LBN"])
    ]


def test_a_peacekeeping_official_arriving_is_a_visit(coder):
    text = "The UN peacekeeping chief arrived in Mali on Monday."
    assert {e.event for e in code(coder, text)} <= {"CONSULT"}


def test_combat_troops_arriving_are_no_visit(coder):
    text = "A battalion of French troops arrived in Chad on Monday."
    assert not [e for e in code(coder, text) if e.event in {"CONSULT", "AID"}]


def test_sending_inspectors_to_investigate_is_the_inquiry_into_the_destination(coder):
    text = "The OPCW sent a team of inspectors to Syria on Monday to investigate the attack."
    events = code(coder, text)
    assert [(e.event, e.cameo[:2], [r.code for r in e.recipient]) for e in events] == [
        ("ACCUSE", "09", ["SYR"])
    ]


def test_sending_troops_is_still_a_mobilization(coder):
    text = "Russia sent thousands of troops to the Belarus border on Monday."
    assert {e.event for e in code(coder, text)} == {"MOBILIZE"}


def test_warships_sent_to_watch_an_exercise_are_a_show_of_force(coder):
    text = "Japan dispatched warships and aircraft to monitor the Chinese drills on Friday."
    assert "ACCUSE" not in {e.event for e in code(coder, text)}


def test_protesting_that_a_party_fails_criticises_that_party(coder):
    text = "Amnesty International protested that Egypt was failing to protect journalists."
    events = code(coder, text)
    assert [(e.event, e.cameo, [r.code for r in e.recipient]) for e in events] == [
        ("ACCUSE", "111", ["EGY"])
    ]


def test_the_content_of_a_complaint_is_not_a_new_event(coder):
    text = "Pakistan complained on Sunday that Indian troops had shelled its border posts."
    events = code(coder, text)
    assert [
        (e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events
    ] == [("ACCUSE", ["PAK"], ["IND"])]


def test_a_reminder_that_a_party_must_act_is_a_demand_of_it(coder):
    text = "The German chancellor sent a sharp reminder to Serbia that it must free the prisoners."
    events = code(coder, text)
    assert [(e.event, e.cameo[:2], [r.code for r in e.recipient]) for e in events] == [
        ("REQUEST", "10", ["SRB"])
    ]


def test_a_warning_that_a_party_must_stop_is_a_demand_not_a_threat(coder):
    text = "Ankara issued a warning to Athens that it must halt the drills."
    assert {e.event for e in code(coder, text)} == {"REQUEST"}


def test_a_judge_ordering_a_politician_to_appear_demands_it_of_him(coder):
    text = (
        "A Peruvian judge on Monday ordered former president Alberto Fujimori to appear in court."
    )
    events = code(coder, text)
    assert [(e.event, e.cameo[:2], [a.sector for a in e.actor]) for e in events] == [
        ("REQUEST", "10", ["JUD"])
    ]


def test_ordering_a_diplomat_to_leave_is_an_expulsion(coder):
    text = "Poland ordered the Russian ambassador to leave the country within three days."
    events = code(coder, text)
    assert [
        (e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events
    ] == [("SANCTION", ["POL"], ["RUS"])]


def test_a_party_responsible_for_killings_did_them(coder):
    text = "Ethiopian troops were responsible for the massacre of civilians in Tigray, the UN said."
    events = code(coder, text)
    assert [(e.event, e.cameo, [a.code for a in e.actor]) for e in events] == [
        ("ASSAULT", "202", ["ETH"])
    ]


def test_a_party_guilty_of_violating_a_truce_violated_it(coder):
    text = "The Sudanese army is guilty of violating the truce, monitors said on Friday."
    assert {e.cameo for e in code(coder, text)} == {"196"}


def test_being_responsible_for_security_is_no_event(coder):
    text = "Egypt is responsible for the security of the Rafah crossing."
    assert code(coder, text) == []


def test_an_agentless_arrest_is_made_by_the_state_where_it_happens(coder):
    text = "A Dutch aid worker was arrested in Ethiopia on Tuesday."
    events = code(coder, text)
    assert [
        (e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events
    ] == [("COERCE", ["ETH"], ["NLD"])]


def test_an_agentless_arrest_without_a_place_names_no_actor(coder):
    assert code(coder, "A Dutch aid worker was arrested on Tuesday.") == []


def test_a_counted_part_of_a_group_acts_as_the_group(coder):
    text = "About 300 of the 500 Chilean miners on Monday refused to end their strike."
    assert [(e.event, [a.code for a in e.actor]) for e in code(coder, text)] == [
        ("REJECT", ["CHL"])
    ]


def test_forces_engaged_in_ethnic_cleansing_carry_it_out(coder):
    text = "Myanmar troops were engaged in ethnic cleansing against the Rohingya, the UN said."
    events = code(coder, text)
    assert [(e.cameo, [a.code for a in e.actor]) for e in events] == [("203", ["MMR"])]


def test_a_letter_condemning_acts_by_a_party_is_by_its_author_against_that_party(coder):
    text = "Human Rights Watch published a letter condemning the detentions by Saudi police."
    events = code(coder, text)
    assert [(e.event, e.actor[0].code, [r.code for r in e.recipient]) for e in events] == [
        ("ACCUSE", "NGO", ["SAU"])
    ]


def test_ordering_ones_own_forces_is_no_demand(coder):
    text = "The Russian president ordered the military to raise its readiness on Sunday."
    assert not [e for e in code(coder, text) if e.event == "REQUEST"]


def test_homes_demolished_in_a_place_are_not_by_its_own_state(coder):
    text = "Dozens of Palestinian homes were demolished in Gaza on Sunday."
    assert not [e for e in code(coder, text) if any(a.code == "PSE" for a in e.actor)]


def test_a_bombing_that_kills_is_coded_as_the_bombing(coder):
    text = "A car bomb killed four Somali soldiers in Mogadishu on Tuesday."
    assert {e.cameo for e in code(coder, text)} == {"1832"}


def test_troops_that_kill_keep_the_plain_code(coder):
    text = "Nigerian troops killed ten Boko Haram fighters on Tuesday."
    assert {e.cameo for e in code(coder, text)} == {"190"}


def test_being_responsible_for_delivering_aid_is_a_duty_not_an_event(coder):
    text = "The Kenyan Red Cross is responsible for the delivery of food aid to the camps."
    assert code(coder, text) == []
