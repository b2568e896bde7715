"""What resolution knows of one document: its term hits, the actors resolved so far and
the coreference history they form."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from accord.actors.terms import Hit
from accord.domain import Actor

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass
class DocActors:
    """Actors of one document: term hits, per-token resolutions and the coreference history."""

    doc: Doc
    hits: list[Hit]
    by_token: dict[int, Hit]
    home_country: str | None
    home_reliable: bool  # from the dateline, or the only country the document names
    resolved: dict[int, tuple[Actor, ...]] = field(default_factory=dict)
    history: list[tuple[int, Actor]] = field(default_factory=list)
    unresolved: list[Span] = field(default_factory=list)

    def country_codes(self) -> list[str]:
        return [h.term.code for h in self.hits if h.term.code and h.term.kind != "agent"]


def looks_personal(actor: Actor) -> bool:
    """Persons: curated people, titled people and their coreferents (pronoun antecedents)."""
    return bool(actor.role) or "person" in actor.reason


def as_coref(actor: Actor, text: str, reason: str | None = None) -> Actor:
    """The earlier actor, as mentioned here."""
    return replace(actor, text=text, reason=reason or f"coreference: '{actor.text}'")
