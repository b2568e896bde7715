"""The command line, invoked for real in a subprocess; results checked through the library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import SAMPLE

pytestmark = pytest.mark.slow
ACCORD = [sys.executable, "-m", "accord"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ACCORD, *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_code_prints_one_json_object_per_event_with_the_contract_fields():
    out = run("code", "--date", "2025-09-24", str(SAMPLE))
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events
    fields = {
        "event_id",
        "article_id",
        "date",
        "date_precision",
        "event",
        "mode",
        "context",
        "cameo",
        "quad_class",
        "goldstein",
        "plover_scale",
        "actor",
        "recipient",
        "reciprocal",
        "modality",
        "location",
        "source",
        "evidence",
        "confidence",
    }
    for event in events:
        assert fields <= event.keys()
        assert isinstance(event["cameo"], str)
        assert {"speaker", "quote"} == set(event["source"])


def test_code_reads_jsonl_from_stdin_and_keeps_the_record_id():
    record = {
        "id": "story-1",
        "date": "2025-03-04",
        "outlet": "Test Wire",
        "text": "Turkish police arrested 20 protesters in Istanbul on Monday.",
    }
    out = run("code", "-", stdin=json.dumps(record) + "\n")
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events and all(e["article_id"] == "story-1" for e in events)
    assert events[0]["event"] == "COERCE"
    assert events[0]["date"] == "2025-03-03"


def test_bad_records_are_reported_one_line_each_and_good_ones_still_coded(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Russian troops shelled the Ukrainian city of Kharkiv on Sunday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "page.docx").write_text("not supported")
    (tmp_path / "bad.jsonl").write_text('{"text": "Iran condemned Israel."}\n{broken\n')
    (tmp_path / "blank.html").write_text("<html><body></body></html>")
    out = run("code", "--date", "2025-01-06", str(tmp_path))
    assert out.returncode == 0, out.stderr
    problems = [line for line in out.stderr.splitlines() if line.startswith("accord: skipped")]
    named = " ".join(problems)
    for name in ("empty.txt", "binary.txt", "latin.txt", "page.docx", "bad.jsonl:2", "blank.html"):
        assert name in named
    assert len(problems) == 6
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert {e["event"] for e in events} >= {"ASSAULT", "ACCUSE"}


def test_nothing_readable_exits_non_zero_and_strict_stops_at_the_first_bad_record(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    assert run("code", str(tmp_path)).returncode != 0
    (tmp_path / "good.txt").write_text("Kenyan police detained ten students in Nairobi.\n")
    assert run("code", str(tmp_path)).returncode == 0
    assert run("code", "--strict", str(tmp_path)).returncode != 0


def test_ingest_twice_adds_nothing_and_events_can_be_filtered(tmp_path: Path):
    from accord.store import Store

    db = str(tmp_path / "a.duckdb")
    first = run("ingest", "--db", db, "--date", "2025-09-24", str(SAMPLE))
    assert first.returncode == 0, first.stderr
    with Store(db, read_only=True) as store:
        before = store.stats()
    second = run("ingest", "--db", db, "--date", "2025-09-24", str(SAMPLE))
    assert second.returncode == 0, second.stderr
    assert "1 already stored" in second.stdout
    with Store(db, read_only=True) as store:
        after = store.stats()
        accusations = store.events(actor="IRN", category="ACCUSE")
    assert (
        (before["articles"], before["events"])
        == (after["articles"], after["events"])
        == (1, before["events"])
    )
    assert accusations and all(e["event"] == "ACCUSE" for e in accusations)
    listed = run(
        "events", "--db", db, "--actor", "IRN", "--category", "accuse", "--format", "jsonl"
    )
    assert [json.loads(x)["event_id"] for x in listed.stdout.splitlines()] == [
        e["event_id"] for e in accusations
    ]


def test_missing_store_is_one_clear_error_line(tmp_path: Path):
    out = run("events", "--db", str(tmp_path / "nope.duckdb"))
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0
    assert "accord ingest" in out.stderr


def test_actors_explains_each_mention_with_its_reason():
    out = run("actors", "Turkish police detained 20 protesters in Istanbul on Monday.")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    police = next(r for r in rows if r["head"] == "police")
    assert (police["code"], police["sector"]) == ("TUR", "COP")
    assert "police" in police["reason"]


def test_actors_takes_a_text_longer_than_a_file_name_can_be():
    text = "Turkish police detained 20 protesters in Istanbul on Monday. " * 6
    assert len(text) > 255
    out = run("actors", text)
    assert out.returncode == 0, out.stderr
    assert any(json.loads(line)["head"] == "police" for line in out.stdout.splitlines())


def test_places_lists_toponyms_with_alternatives():
    out = run("places", "Protesters marched through Tripoli, the Lebanese port city.")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    tripoli = next(
        r for r in rows if r.get("name", r.get("text")) == "Tripoli" or r.get("text") == "Tripoli"
    )
    assert "LBN" in json.dumps(tripoli)


def test_code_csv_keeps_cameo_leading_zeros(tmp_path: Path):
    story = tmp_path / "s.txt"
    story.write_text("Iran's foreign minister met his Omani counterpart in Muscat on Sunday.\n")
    out = run("code", "--format", "csv", "--date", "2025-05-05", str(story))
    assert out.returncode == 0, out.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and rows[0]["cameo"].startswith("04")
    assert rows[0]["actor_code"] == "IRN" and rows[0]["recipient_code"] == "OMN"


def test_ingest_keeps_deduplicated_events_up_to_date(tmp_path: Path):
    db = str(tmp_path / "d.duckdb")
    stories = tmp_path / "wire.jsonl"
    base = "Turkish police detained 40 protesters in Istanbul on Monday"
    stories.write_text(
        "\n".join(
            json.dumps({"id": f"s{i}", "outlet": outlet, "date": "2025-03-04", "text": text})
            for i, (outlet, text) in enumerate(
                [
                    ("Wire A", base + ", officials said."),
                    ("Wire B", base + " after a banned march, a rights group said."),
                ]
            )
        )
        + "\n"
    )
    out = run("ingest", "--db", db, str(stories))
    assert out.returncode == 0, out.stderr
    assert "real-world events" in out.stdout
    listed = run("events", "--db", db, "--deduplicated", "--format", "jsonl")
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    coerce = [e for e in events if e["event"] == "COERCE"]
    assert len(coerce) == 1
    assert (coerce[0]["num_articles"], coerce[0]["num_sources"]) == (2, 2)


def test_a_failed_record_is_listed_and_cleared_when_a_retry_reads_it(tmp_path: Path):
    from accord.store import Store

    db = str(tmp_path / "f.duckdb")
    story = tmp_path / "story.txt"
    story.write_bytes(b"Kenyan police detained 12 students in Nairobi.\xff\n")
    assert run("ingest", "--db", db, str(story)).returncode != 0
    listed = run("failures", "--db", db)
    (failure,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert failure["origin"] == str(story) and "UTF-8" in failure["reason"]
    story.write_text("Kenyan police detained 12 students in Nairobi on Monday.\n")
    assert run("ingest", "--db", db, "--date", "2025-03-04", str(story)).returncode == 0
    with Store(db, read_only=True) as store:
        assert store.failures() == []
        assert store.stats()["articles"] == 1


def test_republished_wire_copy_is_stored_and_counted_as_a_copy(tmp_path: Path):
    text = (
        "NAIROBI (Reuters) - Kenyan police fired tear gas at hundreds of students "
        "protesting against fee increases in central Nairobi on Tuesday, witnesses said."
    )
    stories = tmp_path / "wire.jsonl"
    stories.write_text(
        json.dumps({"id": "w1", "outlet": "Reuters", "date": "2025-03-05", "text": text})
        + "\n"
        + json.dumps(
            {
                "id": "w2",
                "outlet": "Daily Nation",
                "date": "2025-03-05",
                "text": text.replace("Tuesday", "Tuesday "),
            }
        )
        + "\n"
    )
    out = run("ingest", "--db", str(tmp_path / "w.duckdb"), str(stories))
    assert out.returncode == 0, out.stderr
    assert "2 added" in out.stdout and "1 copies of earlier articles" in out.stdout
