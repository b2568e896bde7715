"""Protests: labour strikes are not attacks, and a protest takes the sub-code of its aim."""

from __future__ import annotations

import pytest

from test_events import code

pytestmark = pytest.mark.slow


def cameos(events, category):
    return {e.cameo for e in events if e.event == category}


def test_going_on_strike_is_a_labour_strike(coder):
    events = code(coder, "Nurses in Zambia went on strike on Monday over unpaid wages.")
    assert cameos(events, "PROTEST") == {"143"}
    assert not cameos(events, "ASSAULT")


def test_staging_a_strike_is_a_labour_strike(coder):
    events = code(coder, "Port workers in Chile staged a strike on Tuesday.")
    assert cameos(events, "PROTEST") == {"143"}
    assert not cameos(events, "ASSAULT")


def test_launching_strikes_stays_military(coder):
    events = code(coder, "Turkey launched strikes on Kurdish militants in Iraq on Sunday.")
    assert cameos(events, "ASSAULT") and not cameos(events, "PROTEST")


def test_riot_demanding_a_resignation_is_for_leadership_change(coder):
    events = code(
        coder, "Youths rioted in Nairobi demanding the resignation of the Kenyan president."
    )
    assert cameos(events, "PROTEST") == {"1451"}


def test_march_calling_for_a_removal_is_for_leadership_change(coder):
    events = code(
        coder,
        "Students marched in Dhaka calling for the removal of the Bangladeshi education minister.",
    )
    assert cameos(events, "PROTEST") == {"1411"}
    assert cameos(events, "REQUEST") == {"0241"}


def test_damage_done_in_a_riot_is_the_riot(coder):
    events = code(
        coder, "Inmates rioted at a prison in northern Chile on Sunday, setting fire to mattresses."
    )
    assert {e.event for e in events} == {"PROTEST"}


def test_a_protest_in_defiance_of_a_party_targets_it(coder):
    text = "Thousands of Belarusians marched in Minsk in defiance of the Belarusian authorities."
    targets = {r.code for e in code(coder, text) if e.event == "PROTEST" for r in e.recipient}
    assert targets == {"BLR"}
    sectors = {r.sector for e in code(coder, text) if e.event == "PROTEST" for r in e.recipient}
    assert sectors == {"GOV"}
