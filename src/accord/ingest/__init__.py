"""Ingest: files, folders, stdin, feeds → ``Article`` values (or ``BadRecord`` for bad input)."""

from accord.ingest.dateline import Dateline, parse_dateline, split_headline
from accord.ingest.duplicates import DuplicateDetector
from accord.ingest.readers import BadRecord, article_from_text, html_to_text, read_articles

__all__ = [
    "BadRecord",
    "Dateline",
    "DuplicateDetector",
    "article_from_text",
    "html_to_text",
    "parse_dateline",
    "read_articles",
    "split_headline",
]
