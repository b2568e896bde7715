"""Dyad series, top lists, alerts, charts and their commands, on small stores built in memory."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from accord.analytics import alerts, dyad_series, period_start, shift, top
from accord.analytics_cli import register
from accord.cli import AccordGroup
from accord.dedup import cluster_mentions, real_events
from accord.domain import Actor, Article, Event, Evidence, Modality, Place
from accord.errors import AccordError
from accord.plot import plot_dyad
from accord.store import Store

# category: (cameo, quad_class, goldstein, plover_scale)
CODES = {
    "CONSULT": ("040", 1, 1.0, 1.0),
    "AGREE": ("057", 1, 4.0, 3.0),
    "AID": ("070", 2, 7.0, 6.0),
    "ACCUSE": ("112", 3, -2.0, -2.0),
    "ASSAULT": ("190", 4, -10.0, -9.0),
}
NOWHERE = Place(name=None, country=None, reason="no place found")


def event(
    n: int,
    category: str,
    actor: str,
    recipient: str,
    date: dt.date,
    *,
    reciprocal: bool = False,
    negated: bool = False,
    place: str | None = None,
) -> Event:
    cameo, quad_class, goldstein, plover = CODES[category]
    location = (
        Place(name=place, country=None, lat=float(n), lon=0.0, geo_precision="city")
        if place
        else NOWHERE
    )
    return Event(
        event_id=f"e{n}",
        article_id=f"a{n}",
        date=date,
        date_precision="day",
        event=category,
        mode=None,
        context=(),
        cameo=cameo,
        quad_class=quad_class,
        goldstein=goldstein,
        plover_scale=plover,
        actor=(Actor(code=actor, sector="GOV", name=actor, text=actor),),
        recipient=(Actor(code=recipient, sector="GOV", name=recipient, text=recipient),),
        reciprocal=reciprocal,
        modality=Modality(negated=negated),
        location=location,
        speaker=None,
        quote=None,
        evidence=(Evidence(0, "It happened.", 0, 12, "happened"),),
        confidence=0.8,
    )


def fill(store: Store, events: list[Event]) -> None:
    store.add(
        [(Article(id=e.article_id, text="x", outlet=f"O{e.article_id}", date=e.date), [e])
         for e in events]
    )  # fmt: skip


JAN, MAR = dt.date(2025, 1, 14), dt.date(2025, 3, 3)


def iran_turkey() -> list[Event]:
    return [
        event(1, "CONSULT", "IRN", "TUR", JAN),
        event(2, "CONSULT", "IRN", "TUR", JAN),  # the same meeting, reported twice
        event(3, "AID", "IRN", "TUR", JAN + dt.timedelta(days=5), place="Ankara"),
        event(4, "AGREE", "TUR", "IRN", JAN, reciprocal=True),
        event(5, "ACCUSE", "TUR", "IRN", JAN),  # the other direction, not reciprocal
        event(6, "ASSAULT", "IRN", "TUR", MAR, place="Van"),
        event(7, "ASSAULT", "IRN", "TUR", MAR, negated=True),
        event(8, "ASSAULT", "RUS", "UKR", JAN, place="Kharkiv"),
        event(9, "ASSAULT", "RUS", "UKR", JAN, place="Kyiv"),
        event(10, "ASSAULT", "RUS", "UKR", MAR, place="Odesa"),
    ]


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as store:
        fill(store, iran_turkey())
        yield store


# -- series --------------------------------------------------------------------------------


def test_dyad_series_counts_per_month_with_gaps_filled(store: Store) -> None:
    series = dyad_series(store, actor="IRN", recipient="TUR", freq="month")
    assert [row["period"] for row in series] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    jan, feb, mar = series
    assert jan["events"] == 4  # two reports of the meeting, aid, reciprocal agreement
    assert jan["by_category"] == {"AGREE": 1, "AID": 1, "ASSAULT": 0, "CONSULT": 2}
    assert jan["quad_class"]["verbal_cooperation"] == 3
    assert jan["quad_class"]["material_cooperation"] == 1
    assert (jan["cooperation"], jan["conflict"], jan["balance"]) == (4, 0, 1.0)
    assert jan["goldstein"] == 1.0 + 1.0 + 7.0 + 4.0
    assert jan["plover_scale"] == 1.0 + 1.0 + 6.0 + 3.0
    assert feb["events"] == 0 and feb["by_category"] == {
        "AGREE": 0,
        "AID": 0,
        "ASSAULT": 0,
        "CONSULT": 0,
    }
    assert (mar["events"], mar["conflict"], mar["balance"], mar["goldstein"]) == (1, 1, -1.0, -10)


def test_dyad_series_reads_deduplicated_events_once_they_exist(store: Store) -> None:
    cluster_mentions(store)
    jan = dyad_series(store, actor="IRN", recipient="TUR")[0]
    assert jan["by_category"] == {"AGREE": 1, "AID": 1, "ASSAULT": 0, "CONSULT": 1}
    mentions = dyad_series(store, actor="IRN", recipient="TUR", source="mentions")[0]
    assert mentions["by_category"]["CONSULT"] == 2


def test_dyad_series_for_one_actor_everything_and_weeks(store: Store) -> None:
    assert sum(r["events"] for r in dyad_series(store, actor="TUR")) == 2
    assert sum(r["events"] for r in dyad_series(store)) == 9  # the negated one left out
    weeks = dyad_series(store, actor="RUS", freq="week")
    assert weeks[0]["period"] == "2025-01-13"  # a Monday
    assert len(weeks) == 8  # 13 Jan to 3 Mar, empty weeks included
    window = dyad_series(store, actor="RUS", start=dt.date(2024, 12, 1), end=dt.date(2025, 1, 31))
    assert [(r["period"], r["events"]) for r in window] == [("2024-12-01", 0), ("2025-01-01", 2)]


def test_dyad_series_rejects_unknown_frequency(store: Store) -> None:
    with pytest.raises(AccordError, match="freq must be one of"):
        dyad_series(store, freq="fortnight")


def test_periods() -> None:
    assert period_start(dt.date(2025, 5, 17), "quarter") == dt.date(2025, 4, 1)
    assert shift(dt.date(2025, 11, 1), "month", 3) == dt.date(2026, 2, 1)
    assert shift(dt.date(2025, 1, 1), "quarter", -1) == dt.date(2024, 10, 1)


# -- top -----------------------------------------------------------------------------------


def test_top_dyads_and_actors(store: Store) -> None:
    dyads = top(store, by="dyad", n=2)
    assert dyads[0] == {
        "actor": "IRN",
        "recipient": "TUR",
        "events": 4,
        "cooperation": 3,
        "conflict": 1,
        "balance": 0.5,
        "goldstein": -1.0,
    }
    assert (dyads[1]["actor"], dyads[1]["recipient"], dyads[1]["events"]) == ("RUS", "UKR", 3)
    actors = top(store, by="actor")
    assert [(a["actor"], a["events"]) for a in actors] == [("IRN", 4), ("RUS", 3), ("TUR", 2)]
    countries = top(store, by="country", end=dt.date(2025, 1, 31))
    assert [(c["country"], c["events"]) for c in countries] == [
        ("IRN", 5),
        ("TUR", 5),
        ("RUS", 2),
        ("UKR", 2),
    ]
    assert top(store, by="dyad", category="assault")[0]["actor"] == "RUS"
    with pytest.raises(AccordError, match="by must be one of"):
        top(store, by="region")


# -- alerts --------------------------------------------------------------------------------


def weekly(store: Store) -> None:
    """Eight quiet weeks, then a burst of attacks on one dyad; another dyad stays steady."""
    monday = dt.date(2025, 6, 2)
    events, n = [], 0
    for week in range(9):
        day = monday + dt.timedelta(weeks=week)
        burst = 12 if week == 8 else 1 + week % 2
        for _ in range(burst):
            n += 1
            events.append(event(n, "ASSAULT", "RUS", "UKR", day))
        for _ in range(5):
            n += 1
            events.append(event(n, "CONSULT", "FRA", "DEU", day))
    fill(store, events)


def test_alerts_flag_the_spike_only() -> None:
    with Store(":memory:") as store:
        weekly(store)
        found = alerts(store, by="dyad", freq="week", baseline_periods=8, source="mentions")
        assert len(found) == 1
        (spike,) = found
        assert (spike["actor"], spike["recipient"]) == ("RUS", "UKR")
        assert spike["period"] == "2025-07-28"
        assert spike["count"] == 12
        assert spike["baseline_mean"] == 1.5
        assert spike["baseline_std"] == pytest.approx(0.5345, abs=1e-4)
        assert spike["z"] == pytest.approx((12 - 1.5) / 1.5**0.5, abs=1e-4)
        assert spike["p_value"] < 1e-5
        countries = alerts(store, by="country", source="mentions")
        assert {c["country"] for c in countries} == {"RUS", "UKR"}
        earlier = alerts(store, end=dt.date(2025, 7, 21), source="mentions", min_count=1)
        assert earlier == []
        assert alerts(store, threshold=100, source="mentions") == []


def test_alerts_on_an_empty_store() -> None:
    with Store(":memory:") as store:
        assert alerts(store) == []


# -- plots ---------------------------------------------------------------------------------


def test_plot_writes_svg_and_html_with_the_dyad(store: Store, tmp_path: Path) -> None:
    svg = plot_dyad(store, actor="IRN", recipient="TUR", path=tmp_path / "irn-tur.svg")
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = svg.read_text()
    assert "IRN → TUR" in text
    assert text.count("<rect") >= 3  # background, and bars up and down
    assert "<polyline" in text
    page = plot_dyad(
        store, actor="IRN", recipient="TUR", freq="week", path=tmp_path / "irn-tur.html"
    )
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert "IRN → TUR" in html and "<svg" in html and "2025-01-13" in html
    empty = plot_dyad(store, actor="USA", recipient="CHN", path=tmp_path / "none.svg")
    assert "no events" in empty.read_text()


def test_plot_refuses_png(store: Store, tmp_path: Path) -> None:
    with pytest.raises(AccordError, match=r"\.svg or \.html.*matplotlib"):
        plot_dyad(store, actor="IRN", recipient="TUR", path=tmp_path / "chart.png")


# -- commands ------------------------------------------------------------------------------


@pytest.fixture
def cli() -> click.Group:
    @click.group(cls=AccordGroup)
    def group() -> None:
        """Test group holding the analytics commands."""

    register(group)
    return group


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        fill(store, iran_turkey())
    return str(path)


def test_dedup_command_fills_the_events_table(cli: click.Group, db: str) -> None:
    result = CliRunner().invoke(cli, ["dedup", "--db", db, "--window", "2"])
    assert result.exit_code == 0, result.output
    assert "10 mentions in 9 events" in result.output
    with Store(db, read_only=True) as store:
        assert len(real_events(store)) == 8  # the negated attack is stored but not listed


def test_dyads_command_prints_json_lines_and_csv(cli: click.Group, db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["dyads", "--db", db, "--actor", "IRN", "--recipient", "TUR"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["events"] for r in rows] == [4, 0, 1]
    result = runner.invoke(cli, ["dyads", "--db", db, "--actor", "IRN", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.output)))
    assert table[0]["by_category.CONSULT"] == "2"
    assert table[0]["quad_class.verbal_cooperation"] == "3"


def test_top_alerts_and_plot_commands(cli: click.Group, db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["top", "--db", db, "--by", "actor", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split()[:2] == ["actor", "events"]
    assert result.output.splitlines()[1].split()[:2] == ["IRN", "4"]
    result = runner.invoke(cli, ["alerts", "--db", db, "--min-count", "1", "--threshold", "0"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["actor"] for line in result.output.splitlines()} == {"IRN", "RUS"}
    chart = tmp_path / "chart.html"
    result = runner.invoke(
        cli, ["plot", "--db", db, "--actor", "IRN", "--recipient", "TUR", "-o", str(chart)]
    )
    assert result.exit_code == 0, result.output
    assert "IRN → TUR" in chart.read_text()


def test_commands_report_errors_in_one_line(cli: click.Group, db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["plot", "--db", db, "--actor", "IRN", "-o", "chart.png"])
    assert result.exit_code == 2
    assert "accord: error:" in result.output and "matplotlib" in result.output
    result = runner.invoke(cli, ["top", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output


def test_analytics_warn_when_reports_await_dedup(cli: click.Group, db: str) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["dedup", "--db", db])
    with Store(db) as store:
        fill(store, [event(99, "ASSAULT", "RUS", "UKR", MAR)])
    result = runner.invoke(cli, ["top", "--db", db])
    assert "mentions not deduplicated yet: 1" in result.output
