"""Explanations for users: which actor each mention resolved to, and why."""

from __future__ import annotations

from typing import Any

from accord.domain import Article
from accord.pipeline import Coder


def explain_actors(coder: Coder, article: Article) -> list[dict[str, Any]]:
    """One row per resolved noun phrase and per unresolved name, in reading order."""
    doc = coder.nlp(article.text)
    state = coder.resolver.analyse(doc, date=article.date, dateline=article.dateline)
    rows: list[dict[str, Any]] = []
    for head_index, actors in sorted(state.resolved.items()):
        head = doc[head_index]
        for actor in actors:
            rows.append(
                {
                    "sentence": _sentence_index(doc, head_index),
                    "start": head.idx,
                    "mention": actor.text,
                    "head": head.text,
                    "code": actor.code,
                    "sector": actor.sector,
                    "sectors": list(actor.sectors),
                    "name": actor.name,
                    "role": actor.role,
                    "reason": actor.reason,
                }
            )
    for span in state.unresolved:
        rows.append(
            {
                "sentence": _sentence_index(doc, span.start),
                "start": span.start_char,
                "mention": span.text,
                "head": span.root.text,
                "code": None,
                "sector": None,
                "sectors": [],
                "name": span.text,
                "role": None,
                "reason": "unresolved: no dictionary entry, title or earlier mention",
            }
        )
    rows.sort(key=lambda r: r["start"])
    return rows


def _sentence_index(doc: Any, token_index: int) -> int:
    for index, sent in enumerate(doc.sents):
        if sent.start <= token_index < sent.end:
            return index
    return -1
