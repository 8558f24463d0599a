"""Density strata: each article's terms filed by how densely the body holds them, for fast top hits.

Ranking a common word (的, 发展) by density would mean counting it in every one of thousands of
articles. Instead each article also files every term of its body (every character, pair and
four-character piece) under a stratum of density: half-octaves of occurrences per 1,000 characters,
written as one token ``发展＃p`` in a table of their own (FTS5, no positions). The best hits of a
term are then found from the densest stratum down: an article in stratum ``s`` is at least
``floor(s)`` dense and below ``floor(s + 1)``, so once the ``limit``-th best hit found so far is at
least as dense as the next stratum's ceiling, nothing further down can rank above it. Counting pairs
(overlapping) can only overstate a word's count, and a phrase occurs no more often than its rarest
pair, so a stratum is always a ceiling, never a floor: the ranking found is exactly the full
ranking's. The ceiling of a phrase of four or more characters is that of its rarest piece of four,
which is close to the phrase's own, so few articles are read that turn out less dense than it.

Headline hits rank first, so a term of the article's headline is filed under strata of their own
(``发展＄p``; one of the headline alone under the sparsest, ``发展＄a``): the headline hits of a
term are walked first without looking up which articles they are, and those of a phrase are among
the articles filed so under any of its pieces.
"""

from __future__ import annotations

import math
from collections import Counter

from paper_tui.search.query import density
from paper_tui.search.tokens import QUAD, fold, runs

# Not imported from typing, which costs the search command milliseconds (type checkers know it).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

STRATA: Final = 26
"""Strata ``a`` (sparsest) to ``z`` (densest)."""
_OFFSET: Final = 10
# Joins a term and its stratum: full-width, so no folded text holds it, and not ASCII, so the
# ``ascii`` tokenizer keeps the whole thing one token.
MARK: Final = "＃"
HEADLINE_MARK: Final = "＄"
"""Joins a term of the headline and its stratum."""


def stratum(value: float) -> int:
    """The stratum of a density (occurrences per 1,000 characters)."""
    if value <= 0:
        return 0
    return min(max(math.floor(2 * math.log2(value)) + _OFFSET, 0), STRATA - 1)


def floor(level: int) -> float:
    """The lowest density of a stratum (0 for the sparsest, which holds everything below)."""
    return 0.0 if level <= 0 else 2 ** ((level - _OFFSET) / 2)


def token(term: str, level: int, *, in_headline: bool = False) -> str:
    """The token filing ``term`` under a stratum (of the headline's terms if ``in_headline``)."""
    return f"{term}{HEADLINE_MARK if in_headline else MARK}{chr(ord('a') + level)}"


def _terms(text: str) -> Counter[str]:
    """How often each character, pair and piece of four occurs in ``text``."""
    counts: Counter[str] = Counter()
    for run in runs(fold(text)):
        counts.update(run)
        counts.update(run[index : index + 2] for index in range(len(run) - 1))
        counts.update(run[index : index + QUAD] for index in range(len(run) - QUAD + 1))
    return counts


def strata_tokens(headline: str, body: str) -> str:
    """The space-separated stratum tokens of every character, pair and piece of four of an
    article's body and headline."""
    counts = _terms(body)
    titled = _terms(headline)
    length = len(body)
    # In the order found, so the same article always gives the same tokens.
    return " ".join(
        token(term, stratum(density(counts[term], length)), in_headline=term in titled)
        for term in [*counts, *(term for term in titled if term not in counts)]
    )
