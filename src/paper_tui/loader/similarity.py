"""Content similarity by character bigrams, the evidence for what belongs together on a page.

Chinese needs no word segmentation for this: a headline and its article share character bigrams
(``独山港``, ``重点项目``), and words that every article on the page uses weigh little. Texts are
compared as sets of bigrams, each weighing its inverse document frequency on the page. A bigram is
a number coding its two characters, not a string: a page has thousands, and numbers are made,
hashed and compared faster. Within a page (``PageGrams``) a set of bigrams is a bit mask, so that
sets are joined, intersected and weighed without going through them bigram by bigram.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from typing import Final

from paper_tui.loader.chars import CJK_RANGES, LazyPattern

# One character, not a run: a pattern that opens with a class lets a search skip ahead fast.
_NOT_TEXT: Final = LazyPattern(f"[^{CJK_RANGES}A-Za-z0-9]")


def bigrams(text: str) -> frozenset[int]:
    """The character bigrams of the CJK and alphanumeric characters of ``text``, as numbers."""
    # Those characters are all one UTF-16 unit long, so the UTF-16 text read 32 bits at a time is
    # its bigrams at even positions, and read from its second character on, those at odd ones.
    data = _NOT_TEXT.sub("", text).encode("utf-16-le")
    return frozenset(_pairs(data)).union(_pairs(data[2:]))


def _pairs(data: bytes) -> memoryview:
    """UTF-16 bytes as one number per two characters (an odd last one left out)."""
    return memoryview(data[: len(data) & ~3]).cast("I")


def idf_weights(documents: Iterable[frozenset[int]]) -> dict[int, float]:
    """Inverse document frequency of every bigram of the documents (high for rare ones)."""
    df: Counter[int] = Counter()
    count = 0
    for document in documents:
        df.update(document)
        count += 1
    table = [math.log((count + 1) / (n + 0.5)) for n in range(count + 1)]
    return dict(zip(df.keys(), map(table.__getitem__, df.values()), strict=True))


def norm(grams: Iterable[int], squared: dict[int, float]) -> float:
    """Length of a set of bigrams as a vector of weights (``squared`` holds squared weights)."""
    return math.sqrt(sum(map(squared.get, grams, itertools.repeat(0.0))))


def similarity(
    a: frozenset[int], a_norm: float, b: Set[int], b_norm: float, squared: dict[int, float]
) -> float:
    """Weighted cosine of two sets of bigrams, given their norms."""
    if not a_norm or not b_norm:
        return 0.0
    # The smaller set's bigrams are looked up in the larger one.
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    common = filter(large.__contains__, small)
    return sum(map(squared.get, common, itertools.repeat(0.0))) / (a_norm * b_norm)


class PageGrams:
    """A page's documents as masks over the page's bigrams, and the bigrams' IDF weights.

    Each bigram gets a place, and a set of bigrams is the number with the byte at each of its
    places set to 1. Bigrams of equal document frequency weigh the same, so a set's weight is
    counted bit by bit over the mask of each frequency, and sets meet with ``&`` and ``|``.
    """

    def __init__(self, documents: Sequence[frozenset[int]]) -> None:
        self._places: dict[int, int] = {}
        self._next = itertools.count()
        places = [self._place(document) for document in documents]
        self.masks = [_mask(found) for found in places]
        """The documents' masks, in their order."""
        # Places from here on are bigrams no document has.
        self._known = next(self._next)
        count = len(documents)
        idf = [math.log((count + 1) / (n + 0.5)) for n in range(count + 1)]
        self.unseen = idf[0]
        """The weight of a bigram no document has."""
        frequencies = _by_frequency(self.masks, self._known, places)
        # Per document frequency: the weight, its square and the mask of the bigrams.
        self._levels = [(idf[n], idf[n] * idf[n], mask) for n, mask in frequencies]

    def _place(self, grams: Iterable[int]) -> list[int]:
        """The places of bigrams, new ones given later places than any before (some go unused)."""
        return list(map(self._places.setdefault, grams, self._next))

    def mask(self, grams: Iterable[int]) -> int:
        """The mask of a set of bigrams (of any text, not only the documents)."""
        return _mask(self._place(grams))

    def weight(self, mask: int) -> float:
        """The summed IDF weights of a mask's bigrams, those no document has weighing ``unseen``."""
        unseen = (mask >> (8 * self._known)).bit_count()
        return sum(w * (mask & level).bit_count() for w, _, level in self._levels) + (
            self.unseen * unseen
        )

    def norm(self, mask: int) -> float:
        """Length of a mask as a vector of weights (bigrams no document has weigh nothing)."""
        return math.sqrt(self._squares(mask))

    def similarity(self, a: int, a_norm: float, b: int, b_norm: float) -> float:
        """Weighted cosine of two masks, given their norms."""
        if not a_norm or not b_norm:
            return 0.0
        return self._squares(a & b) / (a_norm * b_norm)

    def coverages(self, grams: int, documents: Sequence[int]) -> list[float]:
        """For each of the ``documents``, the share of the weight of mask ``grams`` found in
        it (0..1)."""
        total = self.weight(grams) if grams else 0.0
        if not total:
            return [0.0] * len(documents)
        return [self.weight(grams & document) / total for document in documents]

    def _squares(self, mask: int) -> float:
        """The summed squared weights of a mask's bigrams."""
        return sum(square * (mask & level).bit_count() for _, square, level in self._levels)


def _by_frequency(masks: list[int], size: int, places: list[list[int]]) -> list[tuple[int, int]]:
    """Each document frequency of the bigrams, lowest first, with the mask of those bigrams."""
    if len(masks) < 256:
        # Summed, the masks count in each byte the documents that have its bigram.
        counts = sum(masks).to_bytes(size, "little")
        return [
            (n, int.from_bytes(counts.translate(_only(n)), "little"))
            for n in sorted(set(counts) - {0})
        ]
    found: dict[int, list[int]] = {}
    for place, n in Counter(itertools.chain.from_iterable(places)).items():
        found.setdefault(n, []).append(place)
    return [(n, _mask(found[n])) for n in sorted(found)]


def _only(value: int) -> bytes:
    """A table for ``bytes.translate``: 1 for ``value``, 0 for every other byte."""
    table = bytearray(256)
    table[value] = 1
    return bytes(table)


def _mask(places: list[int]) -> int:
    """The number with a 1 in the byte at each of the places."""
    flags = bytearray(max(places, default=-1) + 1)
    for place in places:
        flags[place] = 1
    return int.from_bytes(flags, "little")
