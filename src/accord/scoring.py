"""``accord eval``: every accuracy measurement in one report.

External gold data (``../shared/eval``, never copied into the repository) measures event and
actor coding; this project's own test sets under ``evalsets/`` measure events on text nobody
tuned rules on (``events.jsonl``), place and date, and deduplication.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from accord.domain import Event
from accord.evaluate import NoEvalData, SetReport, evaluate, evaluate_set, require_eval_dir
from accord.evaluate.actors import ActorSpanReport, score_actor_spans
from accord.evaluate.gold import GSR_FILE, read_sentences
from accord.evaluate.metrics import Rate, Score
from accord.ingest import article_from_text
from accord.pipeline import Coder

EVALSETS = Path(__file__).resolve().parents[2] / "evalsets"
EVENT_SET = "events.jsonl"
EVENT_SET_TITLE = f"Project event set (evalsets/{EVENT_SET})"


def _sentence_coder(coder: Coder, *, dated: bool = False) -> Any:
    def code(text: str, date: Any) -> list[Event]:
        # The gold dates are placeholders (2000-01-01 for every record): code undated text.
        # The project's own sets carry real publication dates, which modality needs.
        article = article_from_text(text, headline=False, date=date if dated else None)
        return coder.code(article)

    return code


def run_all(
    *, eval_dir: str | None = None, report: str | None = None, limit: int | None = None
) -> str:
    """Run every evaluation that has data here; return the headline figures as text."""
    coder = Coder()
    sections: list[str] = []
    lines: list[str] = []
    try:
        gold_dir = require_eval_dir(eval_dir)
    except NoEvalData as err:
        lines.append(str(err))
    else:
        result = evaluate(_sentence_coder(coder), eval_dir=gold_dir, limit=limit)
        sections.append(result.to_markdown())
        lines.append(f"gold data: {gold_dir}")
        lines += headline(result.summary())
        gold = [replace(s, date=None) for s in read_sentences(gold_dir / GSR_FILE, limit=limit)]
        spans = score_actor_spans(gold, nlp=coder.nlp, resolver=coder.resolver)
        lines.append(
            f"PLOVER gold, actor spans resolved alone:  country {_rate(spans.country)}"
            f"  country+sector {_rate(spans.sector)}"
        )
        sections.append(_spans_markdown(spans))
    events = EVALSETS / EVENT_SET
    if events.exists():
        own = evaluate_set(_sentence_coder(coder, dated=True), events, limit=limit)
        lines.append(event_set_headline(own))
        sections.append(own.to_markdown(EVENT_SET_TITLE))
    places = EVALSETS / "places.jsonl"
    if places.exists():
        from accord.geo.evaluate import score_places

        records = [
            json.loads(line)
            for line in places.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        scores = score_places(records, nlp=coder.nlp)
        figures = {k: v for k, v in scores.items() if k != "misses"}
        lines.append(f"places ({places.name}): {json.dumps(figures)}")
        sections.append(_places_markdown(scores))
    dedup = EVALSETS / "dedup" / "articles.jsonl"
    if dedup.exists():
        from accord.dedup import score_dedup

        scores = score_dedup(dedup, coder=coder)
        lines.append(
            f"dedup ({dedup.parent.name}/): pairwise P {scores['precision']:.3f} "
            f"R {scores['recall']:.3f} F1 {scores['f1']:.3f} over {scores['coded_articles']} "
            f"articles with a coded main event; end to end (all {scores['articles']} articles, "
            f"uncoded pairs as misses) P {scores['end_to_end']['precision']:.3f} "
            f"R {scores['end_to_end']['recall']:.3f}"
        )
        sections.append(_dedup_markdown(scores))
    if report:
        Path(report).write_text("\n\n".join(sections) + "\n", encoding="utf-8")
        lines.append(f"report written to {report}")
    return "\n".join(lines)


def headline(summary: dict[str, Any]) -> list[str]:
    """The figures the issues name, one line each."""
    gsr, manual = summary["plover_gsr"], summary["cameo_manual"]

    def prf(score: dict[str, Any]) -> str:
        return f"P {score['precision']:.3f}  R {score['recall']:.3f}  F1 {score['f1']:.3f}"

    def rate(value: dict[str, Any]) -> str:
        return f"{value['rate']:.3f} ({value['hits']}/{value['total']})"

    return [
        f"PLOVER gold, dyad (category+countries):   {prf(gsr['dyad'])}",
        f"PLOVER gold, dyad with sectors:           {prf(gsr['dyad_sector'])}",
        f"PLOVER gold, event category only:         {prf(gsr['event'])}",
        f"PLOVER gold, false events per gold event: {gsr['false_events_per_gold_event']:.3f}",
        f"PLOVER gold, actor country accuracy:      {rate(gsr['actor_country'])}",
        f"PLOVER gold, actor country+sector:        {rate(gsr['actor_sector'])}",
        f"PLOVER gold, location country / name:     {rate(gsr['location_country'])} / "
        f"{rate(gsr['location_name'])}",
        f"CAMEO manual, gold PLOVER category found: {rate(manual['plover'])}",
        f"CAMEO manual, gold CAMEO root / base / full: {rate(manual['root'])} / "
        f"{rate(manual['base'])} / {rate(manual['full'])}",
    ]


def event_set_headline(report: SetReport) -> str:
    """One line for a project event set: dyad and category scores, false events."""
    gsr = report.gsr

    def prf(score: Score) -> str:
        return f"P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"

    return (
        f"events ({report.path.name}, {gsr.sentences} sentences): dyad {prf(gsr.dyad)}; "
        f"category {prf(gsr.event)}; false events per gold event "
        f"{gsr.false_events_per_gold_event:.3f}; {report.no_event.events} events on "
        f"{report.no_event.sentences} no-event sentences"
    )


def _rate(value: Rate) -> str:
    return f"{value.rate:.3f} ({value.hits}/{value.total})"


def _spans_markdown(spans: ActorSpanReport) -> str:
    out = [
        "## Actor spans resolved alone (PLOVER gold records)",
        "",
        f"- country accuracy: {_rate(spans.country)}",
        f"- country+sector accuracy: {_rate(spans.sector)}",
        "",
        "### Misses",
        "",
        "| id | span | gold | resolved | why |",
        "|---|---|---|---|---|",
    ]
    for miss in spans.misses[:150]:
        out.append(
            f"| {miss['id']} | {miss['span']} | {miss['gold']} | "
            f"{', '.join(miss['resolved']) or '-'} | {'; '.join(miss['why'])} |"
        )
    return "\n".join(out)


def _dedup_markdown(scores: dict[str, Any]) -> str:
    out = ["## Deduplication (evalsets/dedup)", ""]
    for key in ("articles", "coded_articles", "gold_pairs", "precision", "recall", "f1"):
        out.append(f"- {key}: {scores[key]}")
    out.append(f"- end to end: {json.dumps(scores['end_to_end'])}")
    for name in ("misses", "false_merges", "uncoded"):
        out += ["", f"### {name.replace('_', ' ').capitalize()}", ""]
        out += [f"- {json.dumps(item, ensure_ascii=False)}" for item in scores[name][:100]]
    return "\n".join(out)


def _places_markdown(scores: dict[str, Any]) -> str:
    out = ["## Place and date (evalsets/places.jsonl)", ""]
    for key, value in scores.items():
        if key != "misses":
            out.append(f"- {key}: {value}")
    out += ["", "### Misses", ""]
    for miss in scores.get("misses", [])[:100]:
        out.append(f"- {json.dumps(miss, ensure_ascii=False)}")
    return "\n".join(out)
