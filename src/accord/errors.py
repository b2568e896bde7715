"""One exception hierarchy, translated once at each boundary (CLI, HTTP)."""

from __future__ import annotations


class AccordError(Exception):
    """Base class: the message says what went wrong and how to fix it."""


class InputError(AccordError):
    """An input record could not be read (bad file, bad JSON, no text)."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ModelError(AccordError):
    """The spaCy pipeline is missing or unusable."""


class DataError(AccordError):
    """A bundled or user-supplied data file (dictionary, lexicon, ontology) is invalid."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class StoreError(AccordError):
    """The event store could not be opened, read or written."""
