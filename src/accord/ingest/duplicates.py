"""Exact and near-duplicate articles: wire copy republished under another headline.

Exact: the same body text, ignoring case and whitespace. Near: Jaccard similarity of word
5-gram shingles at or above a threshold, estimated with a one-permutation MinHash (one
hash per shingle, the minimum kept in each of 128 bins) and found through LSH bands.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import defaultdict

from accord.domain import Article

_BINS = 128
_BANDS = 16  # 16 bands of 8 bins: similarity 0.9 is a candidate with p > 0.9999, 0.5 with 0.06
_ROWS = _BINS // _BANDS
_EMPTY = (1 << 64) - 1
_WORDS = re.compile(r"\w+")


class DuplicateDetector:
    """Remembers the articles it has seen; ``check`` names an earlier duplicate.

    ``detector.check(article)`` is None the first time (and the article is remembered);
    ``detector.check(wire_copy)`` of the same story under another headline is ``article.id``.
    """

    def __init__(self, *, threshold: float = 0.9, shingle_size: int = 5) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.shingle_size = shingle_size
        self._exact: dict[bytes, str] = {}
        self._signatures: dict[str, array[int]] = {}
        self._bands: defaultdict[tuple[int, bytes], list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._exact)

    def check(self, article: Article) -> str | None:
        """The id of an earlier exact or near duplicate of ``article``, else None.

        An article that is no duplicate is remembered for later checks.
        """
        exact_key = hashlib.blake2b(
            " ".join(article.text.casefold().split()).encode("utf-8"), digest_size=16
        ).digest()
        earlier = self._exact.get(exact_key)
        if earlier is not None:
            return earlier
        signature = self._signature(article.text)
        keys = [
            (band, signature[band * _ROWS : (band + 1) * _ROWS].tobytes()) for band in range(_BANDS)
        ]
        best, best_similarity = None, self.threshold
        seen: set[str] = set()
        for key in keys:
            for candidate in self._bands.get(key, ()):
                if candidate in seen:
                    continue
                seen.add(candidate)
                similarity = _similarity(signature, self._signatures[candidate])
                if similarity >= best_similarity:
                    best, best_similarity = candidate, similarity
        if best is not None:
            return best
        self._exact[exact_key] = article.id
        self._signatures[article.id] = signature
        for key in keys:
            self._bands[key].append(article.id)
        return None

    def _signature(self, text: str) -> array[int]:
        words = _WORDS.findall(text.casefold())
        size = min(self.shingle_size, len(words)) or 1
        signature = array("Q", [_EMPTY]) * _BINS
        for start in range(max(len(words) - size + 1, 1)):
            shingle = " ".join(words[start : start + size]).encode("utf-8")
            value = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "little")
            slot, rest = value % _BINS, value // _BINS
            if rest < signature[slot]:
                signature[slot] = rest
        return signature


def _similarity(first: array[int], second: array[int]) -> float:
    """Estimated Jaccard similarity: equal minima over the bins either side has filled."""
    filled = equal = 0
    for a, b in zip(first, second, strict=True):
        if a == _EMPTY and b == _EMPTY:
            continue
        filled += 1
        equal += a == b
    return equal / filled if filled else 1.0
