"""Misspelled names: how far a written word is from a dictionary name."""

from __future__ import annotations


def is_slip(word: str, name: str) -> bool:
    """A likely misspelling of ``name``: same first letter, one letter dropped, added or
    swapped (two for long names); a changed letter only in long names ("Franco" is not
    "France"), an added one only in short names ("Quatar", not "Spin" for "Spain")."""
    if word == name or word[0] != name[0]:
        return False
    if len(name) < 6:  # "Quatar": short names only take an extra letter
        return len(word) == len(name) + 1 and edit_distance(word, name) == 1
    if len(name) >= 9:
        return edit_distance(word, name) <= 2
    if len(word) == len(name):
        return sorted(word) == sorted(name) and edit_distance(word, name) == 1
    return edit_distance(word, name) == 1


def deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
