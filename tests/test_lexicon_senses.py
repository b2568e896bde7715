"""Verb and noun senses of the event lexicon, and the stance table, on wire-style sentences."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 3, 5)

STANCE_ROOTS = {"intent": "03", "threat": "13", "refuse": "12", "demand": "10", "appeal": "02"}


@pytest.fixture(scope="module")
def lexicon():
    from accord.events.lexicon import Lexicon

    return Lexicon.load()


def test_every_stance_row_lands_in_its_stance_root(lexicon):
    for (stance, source), target in lexicon.stances.items():
        assert target.startswith(STANCE_ROOTS[stance]), (stance, source, target)


@pytest.mark.parametrize(
    ("stance", "cameo", "expected"),
    [
        ("intent", "0831", "0341"),  # agreed to resign
        ("intent", "0841", "0353"),  # promised to free hostages: the base row 084
        ("intent", "087", "0356"),
        ("intent", "045", "039"),  # offered to mediate
        ("refuse", "0831", "1231"),  # declined to step down
        ("refuse", "074", "1224"),  # refused to send peacekeepers
        ("refuse", "085", "1244"),
        ("demand", "0832", "1042"),
        ("demand", "0874", "1056"),
        ("threat", "1722", "1322"),  # threatened to ban a party
        ("threat", "164", "134"),  # threatened to halt talks
        ("threat", "1661", "136"),  # threatened to pull out peacekeepers
        ("threat", "181", "1383"),  # threatened kidnappings
        ("appeal", "0841", "0253"),  # urged the release of prisoners
        ("appeal", "0874", "0256"),
        ("appeal", "046", "026"),
        # a promise refused, demanded or appealed for: what it would promise
        ("refuse", "0332", "1222"),  # refused to promise weapons
        ("refuse", "033", "122"),
        ("appeal", "0331", "0231"),  # urged donors to pledge money
        ("demand", "0353", "1053"),
    ],
)
def test_stance_takes_the_most_specific_row(lexicon, stance, cameo, expected):
    assert lexicon.stance(stance, cameo) == expected


def test_a_code_already_in_the_stance_root_is_kept(lexicon):
    assert lexicon.stance("intent", "0334") == "0334"
    assert lexicon.stance("appeal", "0232") == "0232"


def test_offer_is_coded_by_its_own_senses_not_as_a_light_verb(lexicon):
    assert "offer" not in lexicon.light_verbs
    assert lexicon.complement_verbs["offer"] == "intent"


def _codes(coder, text):
    from accord.ingest import article_from_text

    events = coder.code(article_from_text(text, date=DAY, headline=False))
    return {(e.event, e.cameo) for e in events}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is offered is intended, not done
        ("Chile offered talks to Bolivia on Tuesday.", ("AGREE", "036")),
        ("Japan offered humanitarian aid to Turkey after the earthquake.", ("AGREE", "0333")),
        (
            "Ghana will contribute 800 troops to the UN mission in Mali.",
            ("AGREE", "0334"),
        ),
        # intent, refusal and threat reach the sub-code of what is intended
        ("Iran agreed to release two French nationals.", ("AGREE", "0353")),
        ("The Thai prime minister agreed to resign.", ("AGREE", "0341")),
        ("Russia threatened to ban opposition parties from the election.", ("THREATEN", "1322")),
        ("Germany refused to promise more weapons to Ukraine.", ("REJECT", "1222")),
        ("Pakistan threatened to halt negotiations with India.", ("THREATEN", "134")),
        (
            "Germany will withdraw its peacekeepers from Mali.",
            ("THREATEN", "136"),
        ),
        ("China threatened military action against Taiwan.", ("THREATEN", "138")),
        # yielding
        (
            "Egypt handed over 40 tonnes of medicine to the Red Crescent.",
            ("AID", "073"),
        ),
        ("The Nigerian government lifted the curfew in Kaduna on Monday.", ("CONCEDE", "0813")),
        (
            "The Venezuelan opposition postponed its march on Caracas.",
            ("CONCEDE", "082"),
        ),
        ("Greece paid compensation to Albania for the seized property.", ("CONCEDE", "080")),
        # rejection, diplomacy and sanctions
        ("India rejected the Pakistani peace plan on Friday.", ("REJECT", "127")),
        ("Brazil violated the ban on arms exports to Venezuela.", ("REJECT", "128")),
        ("Turkey established diplomatic relations with Armenia.", ("SUPPORT", "054")),
        ("Serbia lodged an official protest with Croatia on Wednesday.", ("ACCUSE", "114")),
        ("Qatar launched a mediation effort between Israel and Hamas.", ("CONSULT", "045")),
        ("The European Union halted military aid to Niger on Thursday.", ("SANCTION", "1622")),
        (
            "The Sudanese army ended mediation efforts between the factions.",
            ("SANCTION", "165"),
        ),
        # force and violence
        ("Russia strengthened its forces along the Ukrainian border.", ("MOBILIZE", "154")),
        ("Protesters threw stones at Israeli soldiers in Hebron on Friday.", ("PROTEST", "145")),
        (
            "Settlers set fire to a Palestinian mosque overnight.",
            ("COERCE", "1712"),
        ),
        ("Kenyan police opened fire on protesters in Nairobi.", ("ASSAULT", "193")),
        ("Iraqi police used tear gas to disperse Kurdish protesters.", ("ASSAULT", "175")),
        ("Colombian rebels set free 12 hostages on Sunday.", ("RETREAT", "0841")),
        # a population driven out is a mass expulsion; expelled individuals are deported
        ("The Myanmar army forced out hundreds of Rohingya villagers.", ("ASSAULT", "201")),
        ("Sudan expelled two Norwegian journalists on Monday.", ("COERCE", "174")),
        # a labour strike called off eases dissent; called-off air strikes de-escalate
        ("The Nigerian union cancelled the strike after talks.", ("CONCEDE", "082")),
        ("The Pentagon cancelled the air strikes against Iran.", ("RETREAT", "087")),
        # PLOVER's own conversion table puts apologies under SUPPORT
        ("Argentina apologized to Brazil on Tuesday.", ("SUPPORT", "055")),
    ],
)
def test_sense_codes_the_expected_event(coder, text, expected):
    assert expected in _codes(coder, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a labour strike put off is not a de-escalation of air strikes
        ("Teachers suspended their hunger strike on Monday.", "087"),
        # halting military operations is de-escalation, not an aid cut
        ("Israel halted military operations in Rafah on Tuesday.", "1622"),
        # threatening unspecified action is not a threat of force
        ("France threatened further action against Iran.", "138"),
        # figurative uses of force verbs are not attacks or strikes
        ("The senator hammered the Turkish government over its handling of the crisis.", "190"),
        ("The Japanese carmaker stopped production at its Mexican plant.", "143"),
    ],
)
def test_narrow_senses_do_not_overreach(all_coder, text, unexpected):
    assert unexpected not in {cameo for _, cameo in _codes(all_coder, text)}


@pytest.mark.slow
def test_a_press_conference_is_not_a_meeting(all_coder):
    assert _codes(all_coder, "The Kremlin held a press conference on Monday.") == set()
