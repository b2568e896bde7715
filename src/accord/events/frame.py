"""The frame: one event predicate found in a parse, before its arguments are resolved.

A *frame* is one predicate: its trigger, the CAMEO code of the sense it matched, the argument
heads for actor and recipient, and the modality and attribution read off the parse. Frames
carry tokens, not actors; the pipeline resolves the heads to actors afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from accord.events.lexicon import Sense


@dataclass
class Frame:
    trigger: Token
    sense: Sense
    cameo: str
    actors: list[Token]
    recipients: list[Token]
    symmetric: bool
    kind: str  # verb | noun | light | intent | complement | suffered
    negated: bool = False
    future: bool = False
    # modal | condition | conditional | request | purpose | attempt | considered | question
    unreal: set[str] = field(default_factory=set)
    speaker: Token | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def hypothetical(self) -> bool:
        return bool(self.unreal)
