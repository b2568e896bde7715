"""Direct quotes and their speakers: '"...," said X', 'X said: "..."', and quotes that run on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.actors.resolve import ActorResolver, DocActors
from accord.domain import Actor
from accord.events.lexicon import Lexicon

QUOTE_RE = re.compile(r"“([^”]{2,}?)”|\"([^\"]{2,}?)\"|«([^»]{2,}?)»")


@dataclass(frozen=True)
class Quote:
    text: str
    start_char: int  # offsets of the quoted text (without quote marks) in the article body
    end_char: int
    speaker: Actor | None
    speaker_text: str | None
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {
            "quote": self.text,
            "start": self.start_char,
            "end": self.end_char,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_text": self.speaker_text,
            "reason": self.reason,
        }


def find_quotes(
    doc: Doc, actors: DocActors, resolver: ActorResolver, lexicon: Lexicon
) -> list[Quote]:
    """Every direct quote in ``doc`` with the actor who said it (None when nobody is named)."""
    quotes: list[Quote] = []
    for match in QUOTE_RE.finditer(doc.text):
        group = next(g for g in range(1, 4) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        text = match.group(group)
        if len(text.split()) < 3:
            continue  # scare quotes around a phrase, not speech
        speaker, speaker_text, reason = _speaker(doc, start, end, actors, resolver, lexicon)
        if speaker is None and quotes and _adjacent(doc, quotes[-1].end_char, start):
            previous = quotes[-1]
            speaker, speaker_text = previous.speaker, previous.speaker_text
            reason = "continues the previous quote"
        quotes.append(Quote(text, start, end, speaker, speaker_text, reason))
    return quotes


def _speaker(
    doc: Doc, start: int, end: int, actors: DocActors, resolver: ActorResolver, lexicon: Lexicon
) -> tuple[Actor | None, str | None, str]:
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if first is None or last is None:
        return None, None, "quote outside the parsed text"
    opening, closing = first[0].sent, last[0].sent
    after = doc.char_span(end, closing.end_char, alignment_mode="expand")
    before = doc.char_span(opening.start_char, start, alignment_mode="expand")
    # '"...," said X' attributes after the quote; 'X said: "..."' and a quote that ends its
    # sentence attribute before it
    order = [("after", after), ("before", before)]
    if not doc.text[start:end].rstrip().endswith(","):
        order.reverse()
    for where, span in order:
        found = _speech_subject(span, start, end, actors, resolver, lexicon)
        if found is not None:
            actor, text = found
            return actor, text, f"subject of the speech verb {where} the quote"
    return None, None, "no speech verb with a named speaker next to the quote"


def _speech_subject(
    span: Span | None,
    start: int,
    end: int,
    actors: DocActors,
    resolver: ActorResolver,
    lexicon: Lexicon,
) -> tuple[Actor, str] | None:
    if span is None:
        return None
    for token in span:
        if token.lemma_.lower() not in lexicon.speech_verbs or start <= token.idx < end:
            continue
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and not start <= child.idx < end:
                resolved = resolver.actor_of(child, actors)
                if resolved:
                    return resolved[0], child.text
                # a speaker the dictionaries do not know is still named
                phrase = doc_phrase(child)
                return Actor(None, None, phrase, phrase, (), None, "unresolved speaker"), phrase
    return None


def doc_phrase(head: Token) -> str:
    """The head and what precedes it in its phrase: "Rokeya Begum" of "Rokeya Begum, a ..."."""
    return head.doc[head.left_edge.i : head.i + 1].text


def _adjacent(doc: Doc, previous_end: int, start: int) -> bool:
    """The new quote opens in the sentence right after the one where the previous closed."""
    between = doc.text[previous_end:start]
    return between.count("\n") <= 2 and len(between) < 200
