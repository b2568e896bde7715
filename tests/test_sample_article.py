"""The reference article of the quick start must yield the events DESIGN.md lists."""

from __future__ import annotations

import pytest

from helpers import dyads

pytestmark = pytest.mark.slow


def test_iran_and_turkey_consult_each_other_in_ankara(sample_events):
    pairs = dyads(sample_events, "CONSULT")
    assert ("IRN", "TUR") in pairs
    assert ("TUR", "IRN") in pairs
    places = {e.location.name for e in sample_events if e.event == "CONSULT"}
    assert "Ankara" in places


def test_iran_and_turkey_agree_to_military_cooperation(sample_events):
    pairs = dyads(sample_events, "AGREE")
    assert ("IRN", "TUR") in pairs
    assert ("TUR", "IRN") in pairs


def test_iran_accuses_israel_with_the_ministers_resolved_as_military(sample_events):
    accusations = [e for e in sample_events if e.event == "ACCUSE"]
    assert ("IRN", "ISR") in dyads(accusations, "ACCUSE")
    accuser = accusations[0].actor[0]
    assert accuser.sector == "MIL" or "MIL" in accuser.sectors
    assert accusations[0].recipient[0].sector == "GOV"
    ministers = {
        a.name
        for e in sample_events
        for a in (*e.actor, *e.recipient)
        if a.code in {"IRN", "TUR"} and "MIL" in (a.sector, *a.sectors)
    }
    assert any("Nasirzadeh" in name for name in ministers)
    assert any("Guler" in name for name in ministers)


def test_both_israel_mentions_resolve_and_merge_into_one_accusation(sample_events):
    accusations = [
        e
        for e in sample_events
        if e.event == "ACCUSE" and any(r.code == "ISR" for r in e.recipient)
    ]
    assert len(accusations) == 1
    texts = {r.text for r in accusations[0].recipient}
    assert any("regime" in t for t in texts)
    assert len(accusations[0].evidence) >= 2


def test_background_aggressions_are_not_new_events(sample_events):
    assert not [e for e in sample_events if e.event == "ASSAULT"]
    assert all(a.code != "ISR" for e in sample_events for a in e.actor)


def test_evidence_offsets_point_into_the_article(sample_events):
    from accord.ingest import read_articles
    from helpers import SAMPLE, SAMPLE_DATE

    (article,) = list(read_articles([str(SAMPLE)], date=SAMPLE_DATE))
    for event in sample_events:
        ev = event.evidence[0]
        assert article.text[ev.start : ev.end] == ev.sentence
        assert ev.trigger in ev.sentence
        assert event.article_id == article.id
        assert event.date is not None
