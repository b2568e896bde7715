"""Event dates from time expressions (publication-relative)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.timex import EventDate, resolve_event_date, resolve_expression

THU = dt.date(2025, 1, 2)  # a Thursday, just after a year boundary
MON = dt.date(2025, 3, 3)  # a Monday, just after a month boundary


def _date(text: str, published: dt.date | None = THU) -> tuple[str | None, str]:
    result = resolve_event_date(text, published=published)
    return (result.date.isoformat() if result.date else None, result.precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Tuesday.", ("2024-12-31", "day")),
        ("They met on Thursday.", ("2025-01-02", "day")),  # publication weekday: that day
        ("Clashes broke out early Friday.", ("2024-12-27", "day")),
        ("He spoke late Monday.", ("2024-12-30", "day")),
        ("Shelling continued overnight.", ("2025-01-01", "day")),
        ("Talks were held yesterday.", ("2025-01-01", "day")),
        ("Talks are held today.", ("2025-01-02", "day")),
        ("They met last week.", ("2024-12-23", "week")),
        ("Prices rose earlier this month.", ("2025-01-01", "month")),
        ("Protests erupted last month.", ("2024-12-01", "month")),
        ("Elections take place this year.", ("2025-01-01", "year")),
        ("The summit took place in March.", ("2024-03-01", "month")),
        ("They met in December.", ("2024-12-01", "month")),
        ("They met on March 3.", ("2024-03-03", "day")),
        ("They met on 3 March.", ("2024-03-03", "day")),
        ("They met on March 3, 2024.", ("2024-03-03", "day")),
        ("The deal was signed in 2003.", ("2003-01-01", "year")),
        ("It happened two days ago.", ("2024-12-31", "day")),
        ("It happened a week ago.", ("2024-12-23", "week")),
        ("They will meet next week.", ("2025-01-06", "week")),
        ("They will meet tomorrow.", ("2025-01-03", "day")),
        ("It was signed on 2024-12-30.", ("2024-12-30", "day")),
    ],
)
def test_relative_and_absolute_expressions_across_the_year_boundary(text, expected):
    assert _date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Friday.", ("2025-02-28", "day")),
        ("They met on Monday.", ("2025-03-03", "day")),
        ("It rained three days ago.", ("2025-02-28", "day")),
        ("It happened last month.", ("2025-02-01", "month")),
        ("They met last week.", ("2025-02-24", "week")),
        ("They met yesterday.", ("2025-03-02", "day")),
    ],
)
def test_month_boundary(text, expected):
    assert _date(text, MON) == expected


def test_leap_day():
    assert _date("They met on Thursday.", dt.date(2024, 3, 1)) == ("2024-02-29", "day")


def test_historical_years_and_window():
    assert resolve_event_date("The war began in 1990.", published=THU).historical
    assert resolve_event_date("He visited last year.", published=THU).historical
    assert not resolve_event_date("They met last week.", published=THU).historical
    assert not resolve_event_date("It happened last month.", published=THU).historical
    assert resolve_event_date("They met in March.", published=THU).historical
    assert not resolve_event_date("They met in March.", published=THU, window_days=400).historical


def test_no_cue_is_the_publication_date():
    result = resolve_event_date("The two sides agreed to extend the truce.", published=THU)
    assert result == EventDate(
        THU, "publication", False, None, "no date expression; publication date"
    )


def test_no_publication_date():
    assert resolve_event_date("Nothing here.", published=None).precision == "none"
    relative = resolve_event_date("They met on Tuesday.", published=None)
    assert (relative.date, relative.precision) == (None, "none")
    absolute = resolve_event_date("They met on March 3, 2024.", published=None)
    assert (absolute.date, absolute.precision) == (dt.date(2024, 3, 3), "day")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Troops sat in the square and may leave.",  # "sat", "may" are not dates
        "They agreed to extend the truce by 60 days.",  # a duration
        "The 2015 deal collapsed.",  # a date describing a noun
    ],
)
def test_non_dates_fall_back_to_publication(text, nlp):
    sentence = next(iter(nlp(text).sents))
    result = resolve_event_date(sentence, published=THU, trigger=sentence.root)
    assert result.precision == "publication"


def test_resolve_expression():
    result = resolve_expression("early Friday", published=THU)
    assert result is not None and result.date == dt.date(2024, 12, 27)
    assert resolve_expression("for years", published=THU) is None


@pytest.fixture(scope="module")
def nlp():
    from accord import nlp as accord_nlp

    return accord_nlp.load()


@pytest.mark.slow
def test_the_date_attached_to_the_trigger_wins(nlp):
    doc = nlp("The two countries, which fought a war in 1990, met on Tuesday in Ankara.")
    met = next(t for t in doc if t.text == "met")
    result = resolve_event_date(next(iter(doc.sents)), published=THU, trigger=met)
    assert (result.date, result.precision, result.historical) == (
        dt.date(2024, 12, 31),
        "day",
        False,
    )
    fought = next(t for t in doc if t.text == "fought")
    assert resolve_event_date(doc[:], published=THU, trigger=fought).date == dt.date(1990, 1, 1)


@pytest.mark.slow
def test_a_reported_date_stays_in_its_clause(nlp):
    doc = nlp("Ankara said Turkish jets struck militants in northern Iraq on Wednesday.")
    said = next(t for t in doc if t.text == "said")
    struck = next(t for t in doc if t.text == "struck")
    assert resolve_event_date(doc[:], published=THU, trigger=said).precision == "publication"
    assert resolve_event_date(doc[:], published=THU, trigger=struck).date == dt.date(2025, 1, 1)
