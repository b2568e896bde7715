"""Passive events whose agent the parse hangs elsewhere than on the verb."""

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
