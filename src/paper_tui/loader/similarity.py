"""Content similarity by character bigrams, the evidence for what belongs together on a page.

Chinese needs no word segmentation for this: a headline and its article share character bigrams
(``独山港``, ``重点项目``), and words that every article on the page uses weigh little. Texts are
compared as sets of bigrams, each weighing its inverse document frequency on the page.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable
from typing import Final

from paper_tui.loader.chars import CJK_RANGES, LazyPattern

# One character, not a run: a pattern that opens with a class lets a search skip ahead fast.
_NOT_TEXT: Final = LazyPattern(f"[^{CJK_RANGES}A-Za-z0-9]")


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of the CJK and alphanumeric characters of ``text``."""
    chars = _NOT_TEXT.sub("", text)
    return frozenset(map(operator.add, chars, chars[1:]))


def idf_weights(documents: Iterable[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of every bigram of the documents (high for rare ones)."""
    df: Counter[str] = Counter()
    count = 0
    for document in documents:
        df.update(document)
        count += 1
    table = [math.log((count + 1) / (n + 0.5)) for n in range(count + 1)]
    return dict(zip(df.keys(), map(table.__getitem__, df.values()), strict=True))


def coverage(
    grams: frozenset[str], document: frozenset[str], weights: dict[str, float], unseen: float
) -> float:
    """Share of ``grams``' weight found in ``document`` (0..1); unseen bigrams weigh ``unseen``."""
    if not grams:
        return 0.0
    total = sum(weights.get(gram, unseen) for gram in grams)
    found = sum(weights.get(gram, unseen) for gram in grams & document)
    return found / total if total else 0.0


def norm(grams: Iterable[str], squared: dict[str, float]) -> float:
    """Length of a set of bigrams as a vector of weights (``squared`` holds squared weights)."""
    return math.sqrt(sum(map(squared.get, grams, itertools.repeat(0.0))))


def similarity(
    a: frozenset[str], a_norm: float, b: Iterable[str], b_norm: float, squared: dict[str, float]
) -> float:
    """Weighted cosine of two sets of bigrams, given their norms."""
    common = a.intersection(b)
    if not common or not a_norm or not b_norm:
        return 0.0
    return sum(map(squared.get, common, itertools.repeat(0.0))) / (a_norm * b_norm)
