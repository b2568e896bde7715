"""Pairwise clustering precision and recall on a corpus with a real-world event key per
article (``evalsets/dedup``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from accord.dedup.events import cluster_mentions
from accord.store import Store

# -- evaluation on a corpus with a real-world event key per article -----------------------------


def _dyad_match(mention: dict[str, Any], gold: dict[str, Any]) -> int:
    """2: the gold dyad (either way round if reciprocal); 1: the gold actor and no
    recipient; 0: neither."""
    actors, recipients = set(mention["actor_codes"]), set(mention["recipient_codes"])
    ways = [(actors, recipients)]
    if gold["reciprocal"] or mention["reciprocal"]:
        ways.append((recipients, actors))
    for a, r in ways:
        if gold["actor"] in a and (gold["recipient"] is None or gold["recipient"] in r):
            return 2
    return 1 if not recipients and gold["actor"] in actors else 0


def _main_mentions(
    mentions: list[dict[str, Any]], keys: dict[str, str], gold: dict[str, dict[str, Any]]
) -> dict[str, tuple[int, dict[str, Any]]]:
    """Per article, its best mention of the gold category: (dyad match, mention)."""
    best: dict[str, tuple[int, float, str, dict[str, Any]]] = {}
    for mention in mentions:
        key = keys.get(mention["article_id"])
        if key is None or mention["event"] != gold[key]["event"]:
            continue
        rank = (_dyad_match(mention, gold[key]), mention["confidence"], mention["event_id"])
        if rank[0] and rank > best.get(mention["article_id"], (0, 0.0, ""))[:3]:
            best[mention["article_id"]] = (*rank, mention)
    return {article: (match, mention) for article, (match, _, _, mention) in best.items()}


def _score_pairs(keys: dict[str, str], main: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Pairwise precision and recall of "same event" over the articles in ``main``."""
    ids = sorted(main)
    tp, misses, false_merges = 0, [], []
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            gold_same = keys[first] == keys[second]
            same = main[first]["cluster_id"] == main[second]["cluster_id"]
            pair = {
                "articles": [first, second],
                "event_keys": [keys[first], keys[second]],
                "events": [main[first]["cluster_id"], main[second]["cluster_id"]],
            }
            tp += same and gold_same
            if same and not gold_same:
                false_merges.append(pair)
            elif gold_same and not same:
                misses.append(pair)
    fp, fn = len(false_merges), len(misses)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "coded_articles": len(ids),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if tp else 0.0,
        "true_pairs": tp,
        "false_pairs": fp,
        "missed_pairs": fn,
        "misses": misses,
        "false_merges": false_merges,
    }


def score_dedup(
    articles_path: str | Path,
    *,
    coder: Any = None,
    events_path: str | Path | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Pairwise clustering precision and recall on a corpus whose articles carry an
    ``event_key`` (``evalsets/dedup``): code the articles into an in-memory store, cluster
    them (``options`` go to :func:`cluster_mentions`) and compare "their main mentions share
    an event" with "same event_key" over pairs of articles whose main event was coded.

    An article's main mention is its highest-confidence mention of the key's category whose
    actors match the key's dyad (either way round when reciprocal); articles without one
    are listed in ``uncoded``. ``partial`` also admits mentions with the key's actor and no
    recipient; ``end_to_end`` counts every gold pair, uncoded articles' pairs as misses.
    """
    from accord.ingest import BadRecord, read_articles
    from accord.pipeline import Coder

    articles_path = Path(articles_path)
    events_path = Path(events_path or articles_path.with_name("events.json"))
    gold: dict[str, dict[str, Any]] = json.loads(events_path.read_text(encoding="utf-8"))
    keys: dict[str, str] = {}
    with articles_path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                keys[str(record["id"])] = record["event_key"]
    coder = coder or Coder()
    articles = [a for a in read_articles([str(articles_path)]) if not isinstance(a, BadRecord)]
    with Store(":memory:") as store:
        store.add([(coded.article, coded.events) for coded in coder.code_many(articles)])
        result = cluster_mentions(store, **options)
        cursor = store.con.execute(
            "SELECT event_id, article_id, event, actor_codes, recipient_codes, reciprocal, "
            "confidence, cluster_id FROM mentions WHERE NOT (negated OR hypothetical OR historical)"
        )
        names = [d[0] for d in cursor.description]
        mentions = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    best = _main_mentions(mentions, keys, gold)
    strict = {article: m for article, (match, m) in best.items() if match == 2}
    headline = _score_pairs(keys, strict)
    partial = _score_pairs(keys, {article: m for article, (_, m) in best.items()})
    ids = sorted(keys)
    gold_pairs = sum(keys[a] == keys[b] for i, a in enumerate(ids) for b in ids[i + 1 :])
    recall = headline["true_pairs"] / gold_pairs if gold_pairs else 1.0
    precision = headline["precision"]
    return {
        "articles": len(ids),
        "event_keys": len(set(keys.values())),
        "gold_pairs": gold_pairs,
        "mentions": result.mentions,
        "events": result.events,
        **headline,
        "uncoded": [
            {
                "article": a,
                "event_key": keys[a],
                "reason": "actor only, no recipient"
                if a in best
                else f"no {gold[keys[a]]['event']} mention with the key's actors",
            }
            for a in ids
            if a not in strict
        ],
        "partial": {k: v for k, v in partial.items() if k not in ("misses", "false_merges")},
        "end_to_end": {
            "precision": precision,
            "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if recall else 0.0,
        },
    }
