"""Content similarity by character n-grams, the evidence for what belongs together on a page.

Chinese needs no word segmentation for this: a headline and its article share character bigrams
(``独山港``, ``重点项目``), and words that every article on the page uses weigh little.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from paper_tui.loader.chars import CJK_RANGES

_NOT_TEXT: Final = re.compile(f"[^{CJK_RANGES}A-Za-z0-9]+")


def bigrams(text: str) -> list[str]:
    """Character bigrams of the CJK and alphanumeric characters of ``text``."""
    chars = _NOT_TEXT.sub("", text)
    return [chars[i : i + 2] for i in range(len(chars) - 1)]


class BigramIndex:
    """Bigram counts of a set of documents, with inverse document frequencies."""

    def __init__(self, documents: Sequence[str]) -> None:
        self.counts = [Counter(bigrams(doc)) for doc in documents]
        df: Counter[str] = Counter()
        for counts in self.counts:
            df.update(counts.keys())
        n = len(documents)
        self.idf = {gram: math.log((n + 1) / (count + 0.5)) for gram, count in df.items()}
        self.default_idf = math.log((n + 1) / 0.5)
        self._norms: dict[int, float] = {}

    def weight(self, gram: str) -> float:
        """Inverse document frequency of a bigram (high for rare ones)."""
        return self.idf.get(gram, self.default_idf)

    def coverage(self, text: str, doc: int) -> float:
        """Share of ``text``'s bigram weight found in document ``doc`` (0..1)."""
        grams = set(bigrams(text))
        if not grams:
            return 0.0
        total = sum(self.weight(g) for g in grams)
        found = sum(self.weight(g) for g in grams if g in self.counts[doc])
        return found / total if total else 0.0

    def cosine(self, a: int, b: int) -> float:
        """Cosine similarity of two documents' tf-idf bigram vectors."""
        ca, cb = self.counts[a], self.counts[b]
        if len(ca) > len(cb):
            ca, cb = cb, ca
        dot = sum(
            (1 + math.log(n)) * (1 + math.log(cb[g])) * self.weight(g) ** 2
            for g, n in ca.items()
            if g in cb
        )
        norm = self._norm(a) * self._norm(b)
        return dot / norm if norm else 0.0

    def _norm(self, doc: int) -> float:
        if doc not in self._norms:
            counts = self.counts[doc]
            self._norms[doc] = math.sqrt(
                sum(((1 + math.log(n)) * self.weight(g)) ** 2 for g, n in counts.items())
            )
        return self._norms[doc]


def count_in(text: str, needles: Iterable[str]) -> int:
    """Total occurrences of the needles in ``text``."""
    return sum(text.count(needle) for needle in needles if needle)


def tfidf(counts: Counter[str], weight: Callable[[str], float]) -> dict[str, float]:
    """A tf-idf vector (log-scaled counts times weights) of bigram counts."""
    return {gram: (1 + math.log(n)) * weight(gram) for gram, n in counts.items() if n > 0}


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if len(u) > len(v):
        u, v = v, u
    dot = sum(value * v[key] for key, value in u.items() if key in v)
    norm = math.sqrt(sum(x * x for x in u.values())) * math.sqrt(sum(x * x for x in v.values()))
    return dot / norm if norm else 0.0


class Profile:
    """Bigram counts of a growing text with its tf-idf vector, updated in place."""

    def __init__(self, weight: Callable[[str], float]) -> None:
        self.weight = weight
        self.counts: Counter[str] = Counter()
        self.vector: dict[str, float] = {}
        self.norm2 = 0.0

    def add(self, counts: Counter[str], sign: int = 1) -> None:
        """Add (or with ``sign=-1`` remove) a text's bigram counts."""
        for gram, n in counts.items():
            old = self.vector.get(gram, 0.0)
            total = self.counts[gram] + sign * n
            self.counts[gram] = total
            new = (1 + math.log(total)) * self.weight(gram) if total > 0 else 0.0
            if new:
                self.vector[gram] = new
            else:
                self.vector.pop(gram, None)
            self.norm2 += new * new - old * old

    def cosine(self, vector: dict[str, float], norm: float) -> float:
        """Cosine similarity with a tf-idf vector of norm ``norm``."""
        if not norm or self.norm2 <= 0:
            return 0.0
        own = self.vector
        dot = sum(value * own[gram] for gram, value in vector.items() if gram in own)
        return dot / (norm * math.sqrt(self.norm2))
