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
from accord.evaluate.report import CoderFailure, EvalReport, NoEventCount, SetReport

Coder = Callable[[str, dt.date | None], Sequence[Event]]

__all__ = [
    "CameoReport",
    "Coder",
    "EvalReport",
    "GsrReport",
    "NoEvalData",
    "Rate",
    "Score",
    "SetReport",
    "evaluate",
    "evaluate_set",
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
    run = _Run(coder)
    gsr = None
    if gsr_path.is_file():
        gsr = score_gsr(run.code(read_sentences(gsr_path, limit=limit)))
    manual = None
    if manual_path.is_file():
        conversion_path = eval_dir / CONVERSION_FILE
        conversion = read_conversion(conversion_path) if conversion_path.is_file() else None
        manual = score_cameo(
            run.code(read_sentences(manual_path, limit=limit)), conversion=conversion
        )
    return EvalReport(
        eval_dir=eval_dir,
        limit=limit,
        plover_gsr=gsr,
        cameo_manual=manual,
        no_event=run.no_event,
        failures=tuple(run.failures),
    )


def evaluate_set(coder: Coder, path: Path, *, limit: int | None = None) -> SetReport:
    """Code and score one event set written in the gold record shape, such as the project's
    own ``evalsets/events.jsonl``, with the same scorer as the PLOVER gold records.

    Sentences go to the coder with their record's date. DataError when the file is
    missing or malformed.
    """
    path = Path(path)
    run = _Run(coder)
    gsr = score_gsr(run.code(read_sentences(path, limit=limit)))
    return SetReport(
        path=path, limit=limit, gsr=gsr, no_event=run.no_event, failures=tuple(run.failures)
    )


class _Run:
    """Codes sentences, recording coder errors and the events made on no-event sentences."""

    def __init__(self, coder: Coder) -> None:
        self.coder = coder
        self.failures: list[CoderFailure] = []
        self.no_event = NoEventCount()

    def code(self, sentences: list[GoldSentence]) -> list[tuple[GoldSentence, Sequence[Event]]]:
        coded: list[tuple[GoldSentence, Sequence[Event]]] = []
        for sentence in sentences:
            try:
                events = tuple(self.coder(sentence.text, sentence.date))
            except AccordError as err:
                self.failures.append(CoderFailure(id=sentence.id, error=str(err)))
                events = ()
            if sentence.no_event:
                self.no_event = NoEventCount(
                    self.no_event.sentences + 1, self.no_event.events + len(events)
                )
            coded.append((sentence, events))
        return coded
