"""Readers: files, folders and stdin in, ``Article`` or ``BadRecord`` out.

Formats by extension: plain text (.txt .text .md), HTML (.html .htm), JSON Lines
(.jsonl .ndjson .json, or a .json array of objects), CSV (.csv) and RSS/Atom feeds
(.xml .rss .atom). A bad file or record becomes a ``BadRecord`` and reading goes on.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

import feedparser
import trafilatura
from trafilatura.settings import Document

from accord.domain import Article, content_id
from accord.ingest.dateline import parse_dateline, split_headline
from accord.ingest.language import ENGLISH, UNDETERMINED, detect_language, language_name

_KINDS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip
ACCEPTED_SUFFIXES = tuple(_KINDS)
FIELDS = ("text", "title", "date", "url", "id", "outlet")
STDIN = "<stdin>"
_SNIFF_BYTES = 8192
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class BadRecord:
    """An input that could not be read, and why.

    ``origin`` is ``"path"`` for a whole file, ``"path:LINE"`` for a JSONL line or CSV row,
    ``"path#N"`` for the N-th item of a JSON array or feed, and ``"<stdin>"`` likewise.
    """

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_articles(
    sources: Iterable[str | Path], *, date: dt.date | None = None, recursive: bool = True
) -> Iterator[Article | BadRecord]:
    """Read articles from files, folders or ``"-"`` (stdin), in order.

    ``date`` is the publication date used where the input has none. Folders are read in
    sorted order, hidden files skipped. Bad input yields a ``BadRecord``; nothing raises.

    Example: ``read_articles(["news/", "feed.xml", "-"], date=dt.date(2025, 9, 24))``.
    """
    for source in sources:
        if str(source) == "-":
            yield from _read_stdin(date)
            continue
        path = Path(source)
        if path.is_dir():
            for file in _walk(path, recursive=recursive):
                if isinstance(file, BadRecord):
                    yield file
                else:
                    yield from _read_path(file, date)
        elif not path.exists():
            yield BadRecord(str(path), "no such file or directory")
        else:
            yield from _read_path(path, date)


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    origin: str | None = None,
    headline: bool | None = None,
    default_date: dt.date | None = None,
) -> Article:
    """Build an ``Article`` from wire text: headline and dateline go to fields, not text.

    ``date`` is the known publication date. ``default_date`` is the date to assume when
    there is none (``--date``): a dateline day ("DHAKA, March 3 -") resolves against it
    and wins over it. ``headline`` forces (True) or forbids (False) reading the first line
    as the headline; None decides from its shape.

    >>> article_from_text("Talks resume\\nTEHRAN (Tasnim) – Iran said ...").dateline
    'Tehran'
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if title is not None:
        title = " ".join(title.split()) or None
    found_title, body = split_headline(text, title=title, headline=headline)
    body = body.lstrip()
    dateline = parse_dateline(body)
    if dateline is not None:
        body = body[dateline.end :]
    body = body.strip()
    if date is None and dateline is not None:
        date = dateline.resolve_date(default_date)
    if date is None:
        date = default_date
    if outlet is None and dateline is not None:
        outlet = dateline.agency
    return Article(
        id=id or content_id((found_title or "") + "\n" + body),
        text=body,
        title=found_title,
        date=date,
        url=url,
        outlet=outlet,
        dateline=dateline.place if dateline is not None else None,
        origin=origin,
    )


def _walk(folder: Path, *, recursive: bool) -> Iterator[Path | BadRecord]:
    """Regular, non-hidden files in sorted order; a FIFO or socket would block or fail."""
    if not recursive:
        try:
            entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        except OSError as err:
            yield _os_error(folder, err)
            return
        yield from (p for p in entries if p.is_file())
        return
    files: list[Path] = []
    errors: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, n) for n in names if not n.startswith("."))
    for problem in errors:
        yield _os_error(Path(problem.filename or folder), problem)
    yield from (p for p in sorted(files) if p.is_file())


def _os_error(path: Path, err: OSError) -> BadRecord:
    return BadRecord(str(path), (err.strerror or str(err)).lower())


def _read_path(path: Path, default_date: dt.date | None) -> Iterator[Article | BadRecord]:
    origin = str(path)
    suffix = path.suffix.lower()
    kind = _KINDS.get(suffix) if suffix else None
    if suffix and kind is None:
        accepted = ", ".join(ACCEPTED_SUFFIXES)
        yield BadRecord(origin, f"unsupported file type '{path.suffix}' (accepted: {accepted})")
        return
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                head = stream.read(_SNIFF_BYTES)
                if not _needs_whole_read(head):
                    stream.seek(0)
                    yield from _read_jsonl_stream(stream, origin, default_date)
                    return
        data = path.read_bytes()
    except OSError as err:
        yield _os_error(path, err)
        return
    yield from _read_bytes(data, origin, default_date, kind=kind)


def _read_stdin(default_date: dt.date | None) -> Iterator[Article | BadRecord]:
    stream: BinaryIO = getattr(sys.stdin, "buffer", None) or io.BytesIO(
        sys.stdin.read().encode("utf-8")
    )
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if not any(line.strip() for line in head):
        yield BadRecord(STDIN, "empty input")
        return
    if head[-1].lstrip().lstrip(codecs.BOM_UTF8).startswith(b"{"):
        yield from _read_jsonl_stream(chain(head, stream), STDIN, default_date)
        return
    yield from _read_bytes(b"".join(head) + stream.read(), STDIN, default_date, kind=None)


def _read_bytes(
    data: bytes, origin: str, default_date: dt.date | None, *, kind: str | None
) -> Iterator[Article | BadRecord]:
    """Check, decode and dispatch one whole input (a file, or stdin); None kind = sniff."""
    if not data.strip():
        yield BadRecord(origin, "empty file" if origin != STDIN else "empty input")
        return
    if kind is None:
        kind = _sniff(data)
    if kind == "feed":  # feedparser honours the XML encoding declaration itself
        yield from _read_feed(data, origin, default_date)
        return
    text = _decode(data, html=kind == "html")
    if isinstance(text, _Failure):
        yield BadRecord(origin, text.reason)
        return
    if not text.strip():  # e.g. a UTF-16 byte order mark and nothing else
        yield BadRecord(origin, "empty file" if origin != STDIN else "empty input")
        return
    if kind == "html":
        yield _read_html(text, origin, default_date)
    elif kind == "json":
        yield from _read_json(text, origin, default_date)
    elif kind == "jsonl":
        yield from _read_jsonl_lines(enumerate(text.split("\n"), 1), origin, default_date)
    elif kind == "csv":
        yield from _read_csv(text, origin, default_date)
    else:
        yield _read_text(text, origin, default_date, markdown=origin.lower().endswith(".md"))


def _needs_whole_read(head: bytes) -> bool:
    """NUL bytes (a binary file, or UTF-16 text) rule out splitting lines on b"\\n"."""
    return b"\x00" in head


def _sniff(data: bytes) -> str:
    head = data[:_SNIFF_BYTES].lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<"):
        return "feed" if _FEED_ROOT.search(head) else "html"
    return "text"


@dataclass(frozen=True)
class _Failure:
    reason: str


def _decode(data: bytes, *, html: bool = False) -> str | _Failure:
    """Strict decoding: UTF-8 (with or without BOM), UTF-16 with a BOM, or a declared
    HTML charset. Never a guess: anything else is reported with the offending byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            return _Failure(f"not valid UTF-16 text (at byte offset {err.start})")
    if b"\x00" in data[:_SNIFF_BYTES]:
        return _Failure("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        failure = _Failure(_decode_error(err))
    declared = _META_CHARSET.search(data[:4096]) if html else None
    if declared is not None:
        charset = declared[1].decode("ascii")
        try:
            return data.decode(charset)
        except LookupError:
            return _Failure(f"{failure.reason}; declared charset '{charset}' is unknown")
        except UnicodeDecodeError as err:
            return _Failure(f"not valid {charset} text as declared (at byte offset {err.start})")
    return failure


def _decode_error(err: UnicodeDecodeError, *, base: int = 0) -> str:
    byte = err.object[err.start]
    return f"not valid UTF-8 text (byte 0x{byte:02x} at offset {base + err.start})"


def _read_text(
    text: str, origin: str, default_date: dt.date | None, *, markdown: bool = False
) -> Article | BadRecord:
    title = None
    if markdown:
        first, _, rest = text.lstrip("\ufeff \t\r\n").partition("\n")
        heading = re.fullmatch(r"#{1,6}\s+(.+?)\s*#*\s*", first)
        if heading is not None:
            title, text = heading[1], rest
    return _nonempty(article_from_text(text, title=title, origin=origin, default_date=default_date))


def _read_html(text: str, origin: str, default_date: dt.date | None) -> Article | BadRecord:
    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            # Without extensive search: a date quoted in the story is no publication date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # a crash on one page must not stop the batch
        return BadRecord(origin, f"HTML page could not be parsed: {err}")
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        return BadRecord(origin, "HTML page has no main text")
    article = article_from_text(
        doc.text or "",
        title=doc.title or None,
        date=_parse_date(doc.date) if doc.date else None,
        url=doc.url or None,
        outlet=doc.sitename or None,
        origin=origin,
        default_date=default_date,
    )
    return _nonempty(article)


def _read_jsonl_stream(
    lines: Iterable[bytes], origin: str, default_date: dt.date | None
) -> Iterator[Article | BadRecord]:
    """JSON Lines from a byte stream, decoded line by line: one bad byte costs one line."""
    offset = 0
    seen_text = False

    def decoded() -> Iterator[tuple[int, str | _Failure]]:
        nonlocal offset, seen_text
        for number, raw in enumerate(lines, 1):
            seen_text = seen_text or bool(raw.strip())
            try:
                yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield number, _Failure(_decode_error(err, base=offset))
            offset += len(raw)

    yield from _read_jsonl_lines(decoded(), origin, default_date)
    if not seen_text:
        yield BadRecord(origin, "empty file" if origin != STDIN else "empty input")


def _read_jsonl_lines(
    lines: Iterable[tuple[int, str | _Failure]], origin: str, default_date: dt.date | None
) -> Iterator[Article | BadRecord]:
    for number, line in lines:
        where = f"{origin}:{number}"
        if isinstance(line, _Failure):
            yield BadRecord(where, line.reason)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield BadRecord(where, f"malformed JSON: {_json_message(err)} (column {err.colno})")
            continue
        yield _article_from_record(record, where, default_date)


def _json_message(err: json.JSONDecodeError) -> str:
    return err.msg.removesuffix(" at")  # "Invalid control character at" expects a position


def _read_json(
    text: str, origin: str, default_date: dt.date | None
) -> Iterator[Article | BadRecord]:
    """A .json file: an array of records, a single record, or JSON Lines."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        lines = text.split("\n")
        # JSON Lines in a .json file: every record line opens an object.
        if all(line.lstrip().startswith("{") for line in lines if line.strip()):
            yield from _read_jsonl_lines(enumerate(lines, 1), origin, default_date)
        else:
            where = f"line {err.lineno}, column {err.colno}"
            yield BadRecord(origin, f"malformed JSON: {_json_message(err)} ({where})")
        return
    if isinstance(document, list):
        if not document:
            yield BadRecord(origin, "empty JSON array")
        for number, record in enumerate(document, 1):
            yield _article_from_record(record, f"{origin}#{number}", default_date)
    else:
        yield _article_from_record(document, origin, default_date)


def _read_csv(
    text: str, origin: str, default_date: dt.date | None
) -> Iterator[Article | BadRecord]:
    # Article bodies can exceed the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        yield BadRecord(f"{origin}:1", f"unreadable CSV header: {err}")
        return
    header = [name.strip().lower() for name in header]
    if "text" not in header:
        yield BadRecord(origin, f"CSV header has no 'text' column (found: {', '.join(header)})")
        return
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield BadRecord(f"{origin}:{reader.line_num}", f"malformed CSV: {err}")
            line = reader.line_num
            continue
        line = reader.line_num
        where = f"{origin}:{start}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield BadRecord(where, f"row has {len(row)} fields, header has {len(header)}")
            continue
        yield _article_from_record(dict(zip(header, row, strict=True)), where, default_date)


def _read_feed(
    data: bytes, origin: str, default_date: dt.date | None
) -> Iterator[Article | BadRecord]:
    try:
        feed = feedparser.parse(data)
    except Exception as err:  # a crash on one feed must not stop the batch
        yield BadRecord(origin, f"feed could not be parsed: {err}")
        return
    if not feed.entries:
        if feed.get("version"):
            yield BadRecord(origin, "feed has no entries")
        elif feed.get("bozo"):
            yield BadRecord(origin, f"not an RSS or Atom feed ({feed.get('bozo_exception')})")
        else:
            yield BadRecord(origin, "not an RSS or Atom feed")
        return
    outlet = _clean(feed.feed.get("title")) or None
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{number}"
        candidates = [c.get("value", "") for c in entry.get("content", [])]
        candidates.append(entry.get("summary", ""))
        text = max((html_to_text(c) for c in candidates), key=len)
        if not text:
            yield BadRecord(where, "feed entry has no text")
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        article = article_from_text(
            text,
            title=_clean(entry.get("title")) or None,
            date=dt.date(*when[:3]) if when else None,
            url=entry.get("link") or None,
            outlet=outlet,
            origin=where,
            default_date=default_date,
        )
        yield _nonempty(article)


def _nonempty(article: Article) -> Article | BadRecord:
    """Readers' last step: a record that is all headline and dateline is no article, and
    one in a language other than English is reported, not coded."""
    if not article.text:
        return BadRecord(article.origin or "", "no text besides the headline and dateline")
    language = detect_language(article.text)
    if language not in (ENGLISH, UNDETERMINED):
        return BadRecord(
            article.origin or "",
            f"the text is in {language_name(language)} ({language}): "
            "accord codes English text only",
        )
    return article


def _clean(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _article_from_record(
    record: object, origin: str, default_date: dt.date | None
) -> Article | BadRecord:
    """A JSON or CSV record with the fields of ``FIELDS``; others are ignored."""
    if not isinstance(record, Mapping):
        return BadRecord(origin, f"record is a JSON {_json_type(record)}, not an object")
    text = record.get("text")
    if text is None:
        return BadRecord(origin, "record has no 'text' field")
    fields: dict[str, str | None] = {}
    for name in FIELDS:
        value: Any = record.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            kind = _json_type(value)
            return BadRecord(origin, f"field '{name}' must be a string, not a JSON {kind}")
        fields[name] = value.strip() if value is not None and name != "text" else value
    if not (fields["text"] or "").strip():
        return BadRecord(origin, "record has an empty 'text' field")
    date = None
    if fields["date"]:
        date = _parse_date(fields["date"])
        if date is None:
            return BadRecord(origin, f"invalid date '{fields['date']}' (expected YYYY-MM-DD)")
    article = article_from_text(
        fields["text"] or "",
        id=fields["id"] or None,
        title=fields["title"] or None,
        date=date,
        url=fields["url"] or None,
        outlet=fields["outlet"] or None,
        origin=origin,
        default_date=default_date,
    )
    return _nonempty(article)


def _parse_date(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO 8601 date-time (its calendar date as written)."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


class _TextCollector(HTMLParser):
    _BLOCKS = frozenset(
        {
            "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
            "figcaption", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
            "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
        }
    )  # fmt: skip
    _SKIP = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed summary): one line per block, spaces collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
