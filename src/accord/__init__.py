"""accord: who did what to whom, when and where, from the news."""

from typing import Any

from accord.domain import Actor, Article, Event, Evidence, Modality, Place
from accord.errors import AccordError, DataError, InputError, ModelError, StoreError

__all__ = [
    "AccordError",
    "Actor",
    "Article",
    "DataError",
    "Event",
    "Evidence",
    "InputError",
    "Modality",
    "ModelError",
    "Place",
    "StoreError",
    "code_articles",
    "code_text",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The coding functions pull in spaCy: import them on first use, not with the package.
    if name in {"code_text", "code_articles"}:
        from accord import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'accord' has no attribute {name!r}")
