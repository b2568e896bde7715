"""accord: who did what to whom, when and where, from the news."""

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
]

__version__ = "0.1.0"
