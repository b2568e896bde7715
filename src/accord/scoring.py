"""``accord eval``: every accuracy measurement in one report.

External gold data (``../shared/eval``, never copied into the repository) measures event and
actor coding; this project's own test sets under ``evalsets/`` measure place and date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from accord.domain import Event
from accord.evaluate import NoEvalData, evaluate, require_eval_dir
from accord.ingest import article_from_text
from accord.pipeline import Coder

EVALSETS = Path(__file__).resolve().parents[2] / "evalsets"


def _sentence_coder(coder: Coder) -> Any:
    def code(text: str, date: Any) -> list[Event]:
        return coder.code(article_from_text(text, date=date, headline=False))

    return code


def run_all(*, eval_dir: str | None = None, report: str | None = None,
            limit: int | None = None) -> str:
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
        lines.append(json.dumps(result.summary(), indent=1))
    places = EVALSETS / "places.jsonl"
    if places.exists():
        from accord.geo.evaluate import score_places

        records = [json.loads(line) for line in places.read_text(encoding="utf-8").splitlines()
                   if line.strip()]
        scores = score_places(records, nlp=coder.nlp)
        headline = {k: v for k, v in scores.items() if k != "misses"}
        lines.append(f"places ({places.name}): {json.dumps(headline)}")
        sections.append(_places_markdown(scores))
    if report:
        Path(report).write_text("\n\n".join(sections) + "\n", encoding="utf-8")
        lines.append(f"report written to {report}")
    return "\n".join(lines)


def _places_markdown(scores: dict[str, Any]) -> str:
    out = ["## Place and date (evalsets/places.jsonl)", ""]
    for key, value in scores.items():
        if key != "misses":
            out.append(f"- {key}: {value}")
    out += ["", "### Misses", ""]
    for miss in scores.get("misses", [])[:100]:
        out.append(f"- {json.dumps(miss, ensure_ascii=False)}")
    return "\n".join(out)
