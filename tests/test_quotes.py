"""Direct quotes get their speakers, before or after the quote, also when unknown."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow


def quotes_of(coder, text):
    from accord.ingest import article_from_text

    article = article_from_text(text, date=dt.date(2025, 3, 4), headline=False)
    return coder.code_article(article, coder.nlp(article.text)).quotes


def test_speaker_after_the_quote_is_a_resolved_minister(coder):
    (quote,) = quotes_of(
        coder,
        '"We will not accept any foreign interference in our affairs," Turkish Foreign '
        "Minister Hakan Fidan said on Tuesday.",
    )
    assert quote.speaker is not None and quote.speaker.code == "TUR"
    assert quote.text.startswith("We will not accept")


def test_speaker_before_a_quote_that_ends_the_sentence(coder):
    (quote,) = quotes_of(
        coder,
        "Iranian Foreign Minister Abbas Araghchi said the talks had failed and warned that "
        'Washington would "pay a heavy price for this mistake."',
    )
    assert quote.speaker is not None and quote.speaker.code == "IRN"


def test_unknown_speaker_is_named_with_a_null_code(coder):
    (quote,) = quotes_of(
        coder,
        '"We cannot feed our children on these wages," said Rokeya Begum, a machine operator.',
    )
    assert quote.speaker is not None
    assert quote.speaker.code is None and quote.speaker.name == "Rokeya Begum"


def test_event_inside_a_quote_carries_the_quote_and_its_speaker(coder):
    from accord.ingest import article_from_text

    article = article_from_text(
        '"Russia attacked our power plants again last night," Ukrainian President Volodymyr '
        "Zelenskyy said.",
        date=dt.date(2025, 3, 4),
        headline=False,
    )
    events = coder.code(article)
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault and assault[0].quote is not None
    assert assault[0].speaker is not None and assault[0].speaker.code == "UKR"
