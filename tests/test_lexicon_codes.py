"""The most specific CAMEO code the words support: bombings, assassinations, human shields,
force posture, mass violence, mass expulsion, permission refused, property released."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 3, 5)


def _codes(coder, text):
    from accord.ingest import article_from_text

    events = coder.code(article_from_text(text, date=DAY, headline=False))
    return {(e.event, e.cameo) for e in events}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the bombing named in the "in" phrase: suicide, vehicle, roadside, IED or mine
        ("Four Pakistani soldiers were killed in a suicide bombing in Quetta.", "1831"),
        ("Two Afghan soldiers were wounded in a bomb attack in Kandahar on Monday.", "183"),
        ("Three Iraqi policemen were wounded in a roadside bomb attack near Tikrit.", "1833"),
        ("Two Malian soldiers were killed in an IED explosion near Gao.", "1834"),
        ("Two Colombian soldiers were killed in a landmine blast in Antioquia.", "1834"),
        ("Two Nigerian soldiers were killed in an improvised explosive device blast.", "1834"),
        ("Gunmen wounded two Nigerian soldiers in a bomb attack in Maiduguri.", "183"),
        ("Militants carried out a suicide bombing at a Pakistani police station.", "1831"),
        # the fighting named in the "in" phrase
        ("Three Syrian civilians were killed in an air strike on Idlib.", "195"),
        ("Two Ukrainian soldiers were wounded in the shelling of Kherson.", "194"),
        ("Four Somali soldiers were killed in a drone strike.", "1952"),
        ("Five Afghan soldiers were killed in a gun battle with the Taliban.", "193"),
        ("Afghan rebels exploded a series of bombs in the capital Kabul.", "183"),
        # a public figure killed is assassinated
        ("Taliban gunmen killed the governor of Kunduz province on Sunday.", "186"),
        # human shields and hostages named by the "as" phrase
        ("Islamist militants used villagers as human shields in Mosul.", "184"),
        ("Rebels were holding hundreds of villagers as human shields in Mosul.", "184"),
        ("Somali pirates held 20 Indian sailors as hostages.", "181"),
        # police power, cyber forces
        ("The government sent riot police to the capital.", "153"),
        ("Iran has trained hundreds of hackers to attack Israeli networks.", "155"),
        # fighting for a place; mass violence committed
        ("Sudanese and rebel forces were battling for control of the airport.", "190"),
        ("Serbian forces engaged in ethnic cleansing against Albanians.", "203"),
        ("Myanmar's army committed genocide against the Rohingya, the UN said.", "202"),
        ("The opposition engaged in a legal battle with the electoral commission.", "115"),
        ("The Burmese army forced out thousands of Karen villagers from their homes.", "201"),
        # refusals and releases with their sub-codes
        ("Turkish authorities denied permission for the rally in Ankara.", "1233"),
        ("Russia refused permission for the march in Moscow.", "1233"),
        (
            "A Swiss court released the frozen assets of a Nigerian businessman worth "
            "20 million dollars.",
            "0842",
        ),
        ("France pulled out its peacekeepers from the Central African Republic.", "1661"),
        # turning down, refusing or rebuffing a proposal: the parallels of "reject"
        ("North Korea refused talks with South Korea on Monday.", "125"),
        ("Israel turned down the Egyptian ceasefire proposal.", "1246"),
        ("The Taliban rebuffed an offer of talks from Kabul.", "125"),
        ("Venezuela declined an invitation to the summit in Lima.", "125"),
        ("Russia refused Norwegian mediation in the dispute.", "126"),
        # a policy opened up; an inquiry into the treatment of detainees
        ("China opened up its financial sector to foreign banks.", "0832"),
        ("The UN investigated the treatment of detainees in Libyan prisons.", "092"),
        # rules defied or broken; a broken truce is fighting
        ("North Korea broke the UN sanctions by importing oil.", "128"),
        ("Iran contravened the nuclear agreement, France said.", "128"),
        ("Hamas broke the ceasefire with Israel.", "196"),
        ("Serb militias expelled the Muslim population of the town.", "201"),
        # praise for a decision; a facility seized; a ceasefire agreed
        ("India welcomed the US decision to lift sanctions.", "051"),
        ("Russian troops seized the Zaporizhzhia nuclear plant.", "192"),
        ("Israel and Hamas reached a ceasefire deal on Wednesday.", "0871"),
        # money donated is aid given, not promised; drones launched; ties upgraded
        ("Japan donated 10 million dollars to the World Food Programme.", "071"),
        ("Russia fired drones at Kyiv overnight.", "1952"),
        ("Turkey and Egypt upgraded diplomatic ties.", "050"),
        # rights and status taken away
        ("Nicaragua stripped 94 opponents of their citizenship.", "172"),
        ("The opposition leader was stripped of his parliamentary immunity.", "172"),
        # threats named by "with" and "of"; a protest lodged with a government
        ("Pakistan threatened India with a nuclear response.", "1385"),
        ("Iran warned Israel of swift retaliation.", "138"),
        ("Beijing protested to Tokyo over the Yasukuni visit.", "114"),
        # operations ended are de-escalation; military aid ended is an aid cut; remains returned
        ("Uganda ended its military operation in Congo.", "087"),
        ("Israel stopped military operations in Rafah.", "087"),
        ("The US ended military aid to Egypt.", "1622"),
        ("Russia returned the bodies of 500 Ukrainian soldiers.", "0842"),
        ("China and India resumed border talks on Monday.", "046"),
        # cooperation promised; talks cut off
        ("France and Germany pledged closer defence cooperation.", "031"),
        ("China cut off military talks with the United States.", "164"),
        # "cease-fire" as the tokenizer splits it; a peace plan dismissed
        ("The rebels violated the cease-fire in Darfur.", "196"),
        ("The rebels dismissed the peace plan as a sham.", "127"),
        # what a side is accused or blamed of
        ("Human Rights Watch accused the Egyptian police of torturing detainees.", "1122"),
        ("Kyiv accused Moscow of aggression against Ukraine.", "1123"),
        ("Azerbaijan blamed Armenia for the attack on its border post.", "1123"),
        ("The former Peruvian president was accused of embezzling public funds.", "1121"),
        ("Iran accused two British nationals of spying for Israel.", "1125"),
        ("The UN accused the Myanmar army of genocide.", "1124"),
        # an investigation named for what it examines
        ("The UN Human Rights Council launched a human rights investigation into Eritrea.", "092"),
        ("The ICC opened a genocide investigation against the Sudanese president.", "094"),
        # an indictment for war crimes or genocide is an accusation of them
        ("The Hague tribunal indicted two Croatian generals for genocide.", "1124"),
    ],
)
def test_words_give_the_specific_code(all_coder, text, expected):
    assert expected in {cameo for _, cameo in _codes(all_coder, text)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no bombing named: a plain killing
        ("Twelve Syrian soldiers were killed in Idlib on Monday.", "190"),
        ("Israeli troops killed two Palestinian militants in Jenin.", "190"),
        # money released is still aid; individuals expelled are deported
        ("The IMF released 1 billion dollars to Egypt.", "071"),
        ("Sudan expelled two Norwegian journalists on Monday.", "174"),
        ("Pakistan expelled thousands of Afghan refugees last month.", "174"),
        # an indictment is legal action unless it is for war crimes
        ("A former Brazilian minister was indicted on corruption charges on Monday.", "173"),
        # entry refused stays a general rejection
        ("Egypt denied entry to a Human Rights Watch delegation.", "120"),
    ],
)
def test_general_senses_stay_general(all_coder, text, expected):
    assert {cameo for _, cameo in _codes(all_coder, text)} == {expected}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Turkish cabinet decided to expel the Iranian ambassador.", ("SANCTION", "161")),
        ("NATO decided to send more troops to Kosovo.", ("MOBILIZE", "154")),
    ],
)
def test_a_decision_taken_is_the_act_not_a_threat(coder, text, expected):
    assert expected in _codes(coder, text)
    assert not any(event == "THREATEN" for event, _ in _codes(coder, text))


@pytest.mark.slow
def test_an_expansion_discussed_is_intended_not_done(coder):
    codes = _codes(
        coder, "Egyptian and Sudanese officials discussed expanding economic cooperation."
    )
    assert any(event == "AGREE" for event, _ in codes)
    assert ("SUPPORT", "050") not in codes


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The minister was killed in a car crash on Sunday.",
        "Three pilots were killed in an air crash near Lagos.",
        "Twelve workers were killed in a mine collapse in Ghana.",
        "Bangladesh remained on alert for the cyclone.",
    ],
)
def test_accidents_and_weather_alerts_are_no_bombing_or_force_posture(all_coder, text):
    codes = {cameo for _, cameo in _codes(all_coder, text)}
    assert not codes & {"1832", "1834", "195", "152"}


@pytest.mark.slow
def test_a_party_isolated_is_reduced_relations_and_a_call_to_isolate_rallies_opposition(coder):
    assert ("SANCTION", "160") in _codes(coder, "Saudi Arabia and Egypt isolated Qatar.")
    assert ("ACCUSE", "113") in _codes(
        coder, "Ukraine urged the world to isolate Russia after the strike on Kyiv."
    )


@pytest.mark.slow
def test_a_conclusion_that_a_party_must_act_is_a_demand_of_it(coder):
    events = _codes(
        coder, "The African Union concluded on Friday that Sudan must allow aid convoys in."
    )
    assert any(event == "REQUEST" for event, _ in events)
