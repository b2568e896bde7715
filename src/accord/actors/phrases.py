"""Noun phrases in a parse: which tokens head a phrase and which tokens belong to it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Dependents that belong to a noun phrase's own description (not relative clauses or conjuncts).
NP_DEPS = {
    "conj",
    "cc",
    "compound",
    "amod",
    "poss",
    "nmod",
    "appos",
    "det",
    "case",
    "nummod",
    "flat",
    "prep",
    "pobj",
    "npadvmod",
    "punct",
    "quantmod",
}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative"}


def is_np_head(token: Token) -> bool:
    if token.pos_ not in {"NOUN", "PROPN", "PRON"} and not (
        token.dep_ in ARGUMENT_DEPS and token.pos_ in {"ADJ", "X", "NUM"} and token.ent_type_
    ):
        return False
    if token.dep_ in {"compound", "flat"}:
        return False
    return not (
        token.dep_ == "poss"
        and token.pos_ != "PRON"
        and token.head.pos_ == "PROPN"
        and token.ent_type_ == "PERSON"
    )


def np_head(token: Token) -> Token:
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head
    return token


def np_tokens(head: Token, *, with_of: bool) -> list[int]:
    """Token indices of the head's own noun phrase: modifiers, appositions and, for titles,
    'of' phrases ("Chief of General Staff")."""
    out = [head.i]
    stack = [c for c in head.children if c.dep_ not in {"conj", "cc"}]
    while stack:
        child = stack.pop()
        if child.dep_ not in NP_DEPS:
            continue
        if child.dep_ == "prep" and (child.lower_ != "of" or not with_of):
            continue
        if child.dep_ == "punct" and child.text not in {"'", "’", "-"}:
            continue
        out.append(child.i)
        # conjoined modifiers belong to the phrase ("U.S. and Russian negotiators")
        stack.extend(c for c in child.children if c.dep_ not in {"relcl", "acl"})
    return sorted(out)


def span_text(doc: Doc, tokens: list[int]) -> str:
    return doc[tokens[0] : tokens[-1] + 1].text


def person_name(head: Token, tokens: list[int]) -> str | None:
    doc = head.doc
    names = [doc[i] for i in tokens if doc[i].ent_type_ == "PERSON"]
    if not names:
        return None
    start = names[0].i
    end = names[-1].i
    return doc[start : end + 1].text
