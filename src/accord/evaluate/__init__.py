"""Accuracy against the external gold data in ``shared/eval`` (never part of the repository).

>>> report = evaluate(my_coder, eval_dir=require_eval_dir())   # doctest: +SKIP
>>> report.summary()["plover_gsr"]["dyad"]["f1"]                # doctest: +SKIP

A coder is any callable from sentence text and publication date to events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from accord.domain import Event
from accord.errors import AccordError
from accord.evaluate.cameo import CameoReport, score_cameo
from accord.evaluate.gold import (
    CONVERSION_FILE,
    GSR_FILE,
    MANUAL_FILE,
    GoldSentence,
    NoEvalData,
    find_eval_dir,
    read_conversion,
    read_sentences,
    require_eval_dir,
)
from accord.evaluate.gsr import GsrReport, score_gsr
from accord.evaluate.metrics import Rate, Score
from accord.evaluate.report import CoderFailure, EvalReport, NoEventCount

Coder = Callable[[str, dt.date | None], Sequence[Event]]

__all__ = [
    "CameoReport",
    "Coder",
    "EvalReport",
    "GsrReport",
    "NoEvalData",
    "Rate",
    "Score",
    "evaluate",
    "find_eval_dir",
    "require_eval_dir",
]


def evaluate(coder: Coder, *, eval_dir: Path, limit: int | None = None) -> EvalReport:
    """Code every gold sentence with ``coder`` and score the events.

    ``limit`` takes the first records of each file. Raises NoEvalData when ``eval_dir``
    holds neither gold file; a coder's AccordError on a sentence is recorded, not raised.
    """
    eval_dir = Path(eval_dir)
    gsr_path, manual_path = eval_dir / GSR_FILE, eval_dir / MANUAL_FILE
    if not (gsr_path.is_file() or manual_path.is_file()):
        raise NoEvalData(str(eval_dir))
    failures: list[CoderFailure] = []
    no_event = NoEventCount()

    def code(sentences: list[GoldSentence]) -> list[tuple[GoldSentence, Sequence[Event]]]:
        nonlocal no_event
        coded: list[tuple[GoldSentence, Sequence[Event]]] = []
        for sentence in sentences:
            try:
                events = tuple(coder(sentence.text, sentence.date))
            except AccordError as err:
                failures.append(CoderFailure(id=sentence.id, error=str(err)))
                events = ()
            if sentence.no_event:
                no_event = NoEventCount(no_event.sentences + 1, no_event.events + len(events))
            coded.append((sentence, events))
        return coded

    gsr = None
    if gsr_path.is_file():
        gsr = score_gsr(code(read_sentences(gsr_path, limit=limit)))
    manual = None
    if manual_path.is_file():
        conversion_path = eval_dir / CONVERSION_FILE
        conversion = read_conversion(conversion_path) if conversion_path.is_file() else None
        manual = score_cameo(code(read_sentences(manual_path, limit=limit)), conversion=conversion)
    return EvalReport(
        eval_dir=eval_dir,
        limit=limit,
        plover_gsr=gsr,
        cameo_manual=manual,
        no_event=no_event,
        failures=tuple(failures),
    )
