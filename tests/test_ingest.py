"""Ingest: readers, headlines, datelines, bad input, duplicates."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from accord.domain import Article, content_id
from accord.ingest import (
    BadRecord,
    DuplicateDetector,
    article_from_text,
    parse_dateline,
    read_articles,
)

SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "src/accord/samples/articles/iran-turkey-defense-chiefs.txt"
)
DAY = dt.date(2025, 9, 24)

WIRE = (
    "Talks Resume in Geneva\n"
    "GENEVA (Reuters) - Negotiators from both sides met on Monday to resume talks on a "
    "ceasefire, officials said, after a pause of several weeks.\n"
    "A second round is expected later this month, according to a statement."
)


def read_all(*sources: str | Path, **options: object) -> list[Article | BadRecord]:
    return list(read_articles(sources, **options))  # type: ignore[arg-type]


def articles(items: list[Article | BadRecord]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def bad(items: list[Article | BadRecord]) -> list[BadRecord]:
    return [item for item in items if isinstance(item, BadRecord)]


# --- article_from_text: headline and dateline -------------------------------------------


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not present")
def test_sample_article_headline_dateline_and_outlet() -> None:
    [article] = read_all(SAMPLE)
    assert isinstance(article, Article)
    assert article.title == "Iran, Turkey Defense Chiefs Eye Stronger Security Partnership"
    assert article.dateline == "Tehran"
    assert article.outlet == "Tasnim"
    assert article.text.startswith("Iran’s Defense Minister")
    assert article.origin == str(SAMPLE)


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("TEHRAN (Tasnim) – ", "Tehran", "Tasnim"),
        ("DHAKA, March 3 - ", "Dhaka", None),
        ("WASHINGTON (Reuters) - ", "Washington", "Reuters"),
        ("KYIV, Ukraine (AP) — ", "Kyiv", "AP"),
        ("UNITED NATIONS, Nov 2 (Reuters) -", "United Nations", "Reuters"),
        ("BEIRUT/JERUSALEM, Oct 1 (Reuters) -", "Beirut", "Reuters"),
        ("NEW YORK, Sept. 5, 2024 /PRNewswire/ -- ", "New York", "PRNewswire"),
        ("MOSCOW, March 3. /TASS/. ", "Moscow", "TASS"),
        ("ISLAMABAD: ", "Islamabad", None),
        ("RIO DE JANEIRO (AP) — ", "Rio de Janeiro", "AP"),
        ("Dhaka, March 3 (bdnews24.com) - ", "Dhaka", "bdnews24.com"),
    ],
)
def test_dateline_shapes(opening: str, place: str, agency: str | None) -> None:
    body = "Officials met on Monday to discuss the ceasefire."
    article = article_from_text(opening + " " + body)
    assert article.dateline == place
    assert article.outlet == agency
    assert article.text == body


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING: Officials met on Monday.",
        "NATO - the alliance met on Monday.",
        "Iran’s Defense Minister met his counterpart.",
        "The minister (Reuters) said - nothing.",
        "WASHINGTON officials met on Monday.",
    ],
)
def test_no_dateline_in_ordinary_openings(text: str) -> None:
    article = article_from_text(text)
    assert article.dateline is None
    assert article.text == text


def test_headline_detected_and_removed_from_text() -> None:
    article = article_from_text(WIRE)
    assert article.title == "Talks Resume in Geneva"
    assert article.dateline == "Geneva"
    assert article.outlet == "Reuters"
    assert article.text.startswith("Negotiators from both sides")
    assert "Talks Resume" not in article.text


def test_first_line_ending_with_period_is_not_a_headline() -> None:
    text = "Negotiators met on Monday.\nThey will meet again."
    article = article_from_text(text)
    assert article.title is None
    assert article.text == text


def test_dateline_on_its_own_line_is_not_a_headline() -> None:
    article = article_from_text("TEHRAN (Tasnim) –\nIran’s minister met his counterpart.")
    assert (article.title, article.dateline) == (None, "Tehran")
    assert article.text == "Iran’s minister met his counterpart."


def test_single_line_is_not_a_headline() -> None:
    assert article_from_text("Talks resume in Geneva").title is None


def test_headline_flag_forces_or_forbids() -> None:
    text = "Negotiators met on Monday.\nThey will meet again."
    assert article_from_text(text, headline=True).title == "Negotiators met on Monday."
    assert article_from_text(WIRE, headline=False).title is None
    assert article_from_text(WIRE, headline=False).text.startswith("Talks Resume in Geneva")


def test_given_title_drops_repeated_first_line() -> None:
    article = article_from_text(WIRE, title="Talks  resume in geneva")
    assert article.title == "Talks resume in geneva"
    assert article.text.startswith("Negotiators")


def test_given_title_keeps_a_different_first_line() -> None:
    text = "Short lead without a period\nMore text follows here."
    article = article_from_text(text, title="Another headline")
    assert article.text == text


def test_given_outlet_wins_over_dateline_agency() -> None:
    assert article_from_text(WIRE, outlet="Al Jazeera").outlet == "Al Jazeera"


def test_crlf_and_bom_normalised_but_characters_kept() -> None:
    text = "\ufeffTalks Resume\r\nGENEVA (Reuters) - “Quoted” words — kept\r\nas is."
    article = article_from_text(text)
    assert article.text == "“Quoted” words — kept\nas is."
    assert "\r" not in article.text


def test_id_is_content_hash_of_title_and_body_or_given() -> None:
    article = article_from_text(WIRE)
    assert article.id == content_id(article.title + "\n" + article.text)
    assert article_from_text(WIRE).id == article.id
    assert article_from_text(WIRE, id="wire-42").id == "wire-42"
    assert article_from_text("Some body text.").id == content_id("\nSome body text.")


# --- dates ------------------------------------------------------------------------------


def test_dateline_day_resolves_against_default_date() -> None:
    text = "DHAKA, March 3 - Officials met."
    assert article_from_text(text, default_date=dt.date(2025, 3, 10)).date == dt.date(2025, 3, 3)
    # the most recent such day not after the reference: last year's
    assert article_from_text(text, default_date=dt.date(2025, 2, 1)).date == dt.date(2024, 3, 3)


def test_dateline_day_across_new_year_and_leap_day() -> None:
    text = "UNITED NATIONS, Dec 31 (Reuters) - Officials met."
    assert article_from_text(text, default_date=dt.date(2025, 1, 2)).date == dt.date(2024, 12, 31)
    leap = "DHAKA, Feb 29 - Officials met."
    assert article_from_text(leap, default_date=dt.date(2025, 3, 1)).date == dt.date(2024, 2, 29)


def test_known_publication_date_wins_over_dateline_day() -> None:
    text = "DHAKA, March 3 - Officials met."
    assert article_from_text(text, date=dt.date(2025, 3, 4)).date == dt.date(2025, 3, 4)


def test_dateline_with_year_needs_no_reference() -> None:
    text = "NEW YORK, Sept. 5, 2024 /PRNewswire/ -- Acme said."
    assert article_from_text(text).date == dt.date(2024, 9, 5)


def test_dateline_day_without_reference_gives_no_date() -> None:
    assert article_from_text("DHAKA, March 3 - Officials met.").date is None


def test_parse_dateline_day_month_order() -> None:
    dateline = parse_dateline("LONDON, 3 March (Reuters) - Officials met.")
    assert dateline is not None
    assert (dateline.month, dateline.day) == (3, 3)


def test_default_date_used_when_input_has_none(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials met on Monday.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "Officials met.", "date": "2024-01-05"}) + "\n"
        + json.dumps({"text": "Others met."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    dates = [a.date for a in articles(read_all(tmp_path, date=DAY))]
    assert dates == [DAY, dt.date(2024, 1, 5), DAY]


# --- readers ----------------------------------------------------------------------------


def test_text_reader(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(WIRE, encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title == "Talks Resume in Geneva"
    assert article.origin == str(path)


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# Talks Resume\n\nGENEVA (Reuters) - Negotiators met.", encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert (article.title, article.dateline, article.text) == (
        "Talks Resume",
        "Geneva",
        "Negotiators met.",
    )


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Talks Resume in Geneva | Daily Planet</title>
<meta property="og:title" content="Talks Resume in Geneva">
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2025-09-22T08:00:00Z">
<link rel="canonical" href="https://planet.example/talks-resume">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/about">About us</a></nav>
<article><h1>Talks Resume in Geneva</h1>
<p>GENEVA (Reuters) - Negotiators from both sides met on Monday to resume talks on a
ceasefire, officials said, after a pause of several weeks in the capital.</p>
<p>A second round is expected later this month, according to a statement released
by the mediators on Monday evening.</p>
</article>
<footer>Copyright 2025 Daily Planet. All rights reserved.</footer>
</body></html>
"""


def test_html_reader_main_text_title_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article] = read_all(path, date=DAY)
    assert isinstance(article, Article)
    assert article.title == "Talks Resume in Geneva"
    assert article.date == dt.date(2025, 9, 22)
    assert article.dateline == "Geneva"
    assert article.url == "https://planet.example/talks-resume"
    assert article.outlet == "Daily Planet"
    assert article.text.startswith("Negotiators from both sides")
    assert "Home" not in article.text and "Copyright" not in article.text


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("<head>", '<head><meta charset="windows-1252">')
    page = page.replace("Negotiators", "Négociateurs")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.text.startswith("Négociateurs")


def test_jsonl_reader_keeps_fields_and_ids(tmp_path: Path) -> None:
    records = [
        {"id": "a1", "text": WIRE, "title": "Talks Resume in Geneva", "date": "2025-09-20",
         "url": "https://x.example/1", "outlet": "Wire"},
        {"id": 7, "text": "Officials met on Monday.", "date": "2025-09-21T23:30:00+02:00"},
    ]  # fmt: skip
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = read_all(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.date, first.url, first.outlet) == (
        "a1",
        "Talks Resume in Geneva",
        dt.date(2025, 9, 20),
        "https://x.example/1",
        "Wire",
    )
    assert first.text.startswith("Negotiators")  # repeated headline and dateline dropped
    assert first.dateline == "Geneva"
    assert first.origin == f"{path}:1"
    assert (second.id, second.date, second.origin) == ("7", dt.date(2025, 9, 21), f"{path}:2")


def test_ndjson_and_json_array(tmp_path: Path) -> None:
    (tmp_path / "a.ndjson").write_text('{"text": "One."}\n', encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps([{"text": "Two."}, {"text": "Three.", "id": "t3"}], indent=2), encoding="utf-8"
    )
    (tmp_path / "c.json").write_text('{"text": "Four."}\n{"text": "Five."}\n', encoding="utf-8")
    items = read_all(tmp_path)
    assert [a.text for a in articles(items)] == ["One.", "Two.", "Three.", "Four.", "Five."]
    assert [a.origin for a in articles(items)][1:3] == [
        f"{tmp_path / 'b.json'}#1",
        f"{tmp_path / 'b.json'}#2",
    ]
    assert not bad(items)


def test_csv_reader(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text(
        'ID,Title,Text,Date\n'
        'c1,Talks,"GENEVA (Reuters) - Negotiators met.\nThey agreed.",2025-09-20\n'
        '\n'
        'c2,,Officials met.,\n',
        encoding="utf-8",
    )  # fmt: skip
    first, second = read_all(path, date=DAY)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.dateline, first.text, first.date) == (
        "c1",
        "Talks",
        "Geneva",
        "Negotiators met.\nThey agreed.",
        dt.date(2025, 9, 20),
    )
    assert first.origin == f"{path}:2"
    assert (second.id, second.date, second.origin) == ("c2", DAY, f"{path}:5")


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World Wire</title><link>https://wire.example</link>
<item><title>Talks Resume in Geneva</title><link>https://wire.example/1</link>
<pubDate>Mon, 22 Sep 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;GENEVA (Reuters) - Negotiators &lt;b&gt;met&lt;/b&gt; on Monday.&lt;/p&gt;
&lt;p&gt;More talks follow.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://wire.example/2</link></item>
<item><title>Second</title><description>Officials met.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Atom story</title><link href="https://atom.example/1"/>
<id>urn:1</id><updated>2025-09-23T10:00:00Z</updated>
<content type="html">&lt;p&gt;KYIV, Ukraine (AP) — Officials met.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_reader(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read_all(path, date=DAY)
    first, second = articles(items)
    assert (first.title, first.url, first.date, first.outlet, first.dateline) == (
        "Talks Resume in Geneva",
        "https://wire.example/1",
        dt.date(2025, 9, 22),
        "World Wire",
        "Geneva",
    )
    assert first.text == "Negotiators met on Monday.\nMore talks follow."
    assert (second.text, second.date) == ("Officials met.", DAY)
    assert bad(items) == [BadRecord(f"{path}#2", "feed entry has no text")]


def test_atom_reader(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert (article.title, article.url, article.date, article.outlet, article.text) == (
        "Atom story",
        "https://atom.example/1",
        dt.date(2025, 9, 23),
        "Atom Wire",
        "Officials met.",
    )
    assert article.dateline == "Kyiv"


def test_folder_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Bee.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Git.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Sea.", encoding="utf-8")
    assert [a.text for a in articles(read_all(tmp_path))] == ["Ay.", "Bee.", "Sea."]
    shallow = read_all(tmp_path, recursive=False)
    assert [a.text for a in articles(shallow)] == ["Ay.", "Bee."]


# --- stdin ------------------------------------------------------------------------------


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, WIRE)
    [article] = read_all("-", date=DAY)
    assert isinstance(article, Article)
    assert (article.title, article.origin, article.date) == (
        "Talks Resume in Geneva",
        "<stdin>",
        DAY,
    )


def test_stdin_jsonl_with_bad_line(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, '\n{"text": "One.", "id": "s1"}\n{"text": "Two.",}\n{"text": "3."}\n')
    items = read_all("-")
    assert [(a.id, a.origin) for a in articles(items)] == [
        ("s1", "<stdin>:2"),
        (content_id("\n3."), "<stdin>:4"),
    ]
    [problem] = bad(items)
    assert problem.origin == "<stdin>:3"
    assert problem.reason.startswith("malformed JSON: ")


def test_stdin_html_and_plain_string_io(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(HTML_PAGE))
    [article] = read_all("-")
    assert isinstance(article, Article)
    assert article.title == "Talks Resume in Geneva"


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, " \n\n")
    assert read_all("-") == [BadRecord("<stdin>", "empty input")]


# --- bad input: one BadRecord each, good records still come through --------------------


def test_each_bad_file_yields_one_bad_record_and_good_ones_survive(tmp_path: Path) -> None:
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "binary.txt": b"abc\x00\x01\x02def",
        "latin1.txt": "caf\xe9 au lait".encode("latin-1"),
        "no-text.html": b"<html><body></body></html>",
        "report.docx": b"PK\x03\x04",
        "good.txt": b"Officials met on Monday.",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    missing = tmp_path / "missing.txt"
    items = read_all(tmp_path, missing)
    assert [a.text for a in articles(items)] == ["Officials met on Monday."]
    reasons = {Path(b.origin).name: b.reason for b in bad(items)}
    assert len(bad(items)) == len(reasons) == 7
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["latin1.txt"] == "not valid UTF-8 text (byte 0xe9 at offset 3)"
    assert reasons["no-text.html"] == "HTML page has no main text"
    assert reasons["report.docx"].startswith("unsupported file type '.docx' (accepted: .txt,")
    assert reasons["missing.txt"] == "no such file or directory"


def test_bad_jsonl_records_have_line_origins(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        b'{"text": "Good one.", "id": "g1"}',
        b'{"text": "broken" "id": 2}',
        b'{"title": "no text"}',
        b'{"text": "   "}',
        b'{"text": "Bad date.", "date": "24/09/2025"}',
        b'["not", "an", "object"]',
        b'{"text": 5}',
        b'{"text": "raw\tcontrol"}',
        '{"text": "caf\xe9"}'.encode("latin-1"),
        b"",
        b'{"text": "Good two.", "id": "g2"}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = read_all(path)
    assert [a.id for a in articles(items)] == ["g1", "g2"]
    assert [a.origin for a in articles(items)] == [f"{path}:1", f"{path}:11"]
    problems = {int(b.origin.rsplit(":", 1)[1]): b.reason for b in bad(items)}
    assert problems == {
        2: "malformed JSON: Expecting ',' delimiter (column 19)",
        3: "record has no 'text' field",
        4: "record has an empty 'text' field",
        5: "invalid date '24/09/2025' (expected YYYY-MM-DD)",
        6: "record is a JSON array, not an object",
        7: "field 'text' must be a string, not a JSON number",
        8: "malformed JSON: Invalid control character (column 14)",
        9: f"not valid UTF-8 text (byte 0xe9 at offset {sum(len(x) + 1 for x in lines[:8]) + 13})",
    }


def test_bad_json_array_and_empty_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('[{"text": "x"},', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_bytes(b'{"text": "\x00"}')
    items = read_all(tmp_path)
    assert [(Path(b.origin).name, b.reason.split(":")[0]) for b in bad(items)] == [
        ("a.json", "malformed JSON"),
        ("b.jsonl", "empty file"),
        ("c.jsonl", "binary file, not text"),
    ]
    assert not articles(items)


def test_broken_pretty_printed_json_is_one_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{\n  "text": "x",\n}\n', encoding="utf-8")
    assert read_all(path) == [
        BadRecord(
            str(path),
            "malformed JSON: Expecting property name enclosed in double quotes (line 3, column 1)",
        )
    ]


def test_record_with_only_a_headline_is_bad(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "Talks", "text": "Talks\\n"}\n', encoding="utf-8")
    assert read_all(path) == [BadRecord(f"{path}:1", "no text besides the headline and dateline")]


def test_bad_csv_rows_and_header(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        "id,text\nr1,Good row.\nr2,Too,many,fields\nr3,\nr4,Another good row.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text("id,body\n1,Hello.\n", encoding="utf-8")
    items = read_all(tmp_path)
    assert [a.id for a in articles(items)] == ["r1", "r4"]
    a_csv, b_csv = tmp_path / "a.csv", tmp_path / "b.csv"
    assert bad(items) == [
        BadRecord(f"{a_csv}:3", "row has 4 fields, header has 2"),
        BadRecord(f"{a_csv}:4", "record has an empty 'text' field"),
        BadRecord(str(b_csv), "CSV header has no 'text' column (found: id, body)"),
    ]


def test_bad_feed(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text("<note><to>Tove</to></note>", encoding="utf-8")
    (tmp_path / "b.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        encoding="utf-8",
    )
    items = read_all(tmp_path)
    assert [b.reason for b in bad(items)] == ["not an RSS or Atom feed", "feed has no entries"]


def test_utf8_bom_and_utf16_with_bom_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffOfficials met.".encode())
    (tmp_path / "b.txt").write_bytes("Others met.".encode("utf-16"))
    assert [a.text for a in articles(read_all(tmp_path))] == ["Officials met.", "Others met."]


# --- duplicates -------------------------------------------------------------------------

BODY = (
    "Negotiators from both sides met in Geneva on Monday to resume talks on a ceasefire "
    "after a pause of several weeks, officials said. The talks, mediated by Qatar and "
    "Egypt, focused on the exchange of prisoners and the delivery of humanitarian aid to "
    "the region. A second round is expected later this month, according to a statement "
    "released by the mediators, who described the atmosphere as constructive and said "
    "both delegations had agreed to keep the details confidential until a deal is reached. "
    "Diplomats said the main obstacles remained the sequencing of the withdrawal and the "
    "guarantees demanded by both parties. The previous round collapsed in the spring when "
    "one delegation walked out over what it called unacceptable conditions, and fighting "
    "resumed within days along the northern front. Since then, aid agencies have warned of "
    "shortages of food, fuel and medicine in the besieged towns, where hospitals are running "
    "on generators and thousands of families have fled to makeshift camps near the border. "
    "The United Nations envoy, who attended the opening session as an observer, told "
    "reporters that the resumption of talks was a fragile but welcome step and urged both "
    "sides to refrain from any action that could undermine the negotiations. Analysts "
    "cautioned that previous rounds had produced similar statements of goodwill without "
    "lasting results, and that pressure from hardliners on both sides would make "
    "compromise on the core issues difficult in the coming weeks."
)


def test_duplicate_exact_ignores_case_whitespace_and_headline() -> None:
    detector = DuplicateDetector()
    original = article_from_text(BODY, title="Talks resume", id="first")
    copy = article_from_text("  " + BODY.upper().replace(" ", "\n  "), title="Other headline")
    assert detector.check(original) is None
    assert detector.check(copy) == "first"


def test_duplicate_near_copy_with_small_edits() -> None:
    detector = DuplicateDetector()
    detector.check(article_from_text(BODY, id="first"))
    edited = article_from_text(
        "GENEVA (Reuters) - " + BODY.replace("several weeks", "several long weeks") + " More soon.",
        title="Ceasefire talks restart",
    )
    assert detector.check(edited) == "first"


def test_duplicate_distinct_stories_are_not_duplicates() -> None:
    detector = DuplicateDetector()
    detector.check(article_from_text(BODY, id="first"))
    other = (
        "Protesters gathered outside parliament in Dhaka on Tuesday demanding early elections, "
        "and police fired tear gas to disperse the crowd, witnesses said. Dozens were injured "
        "and the interior ministry said it would open an inquiry into the clashes."
    )
    assert detector.check(article_from_text(other, id="second")) is None
    # half of the story reused with new paragraphs is related, not a duplicate
    half = BODY[: len(BODY) // 2] + " " + other
    assert detector.check(article_from_text(half, id="third")) is None
    assert len(detector) == 3
