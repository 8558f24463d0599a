"""Find words in text as it is displayed, whichever script the words and the display are in.

A reader switching between scripts types queries in either one: 项目 must find 項目 on a
traditional page and 專案 must find 项目 on a simplified one. Both sides are folded to one form
character by character (``convert.fold``), which covers character conversions; for the phrase
variant s2twp, whose phrases differ in more than their characters (项目 is shown as 專案), the query
is also converted back to simplified and matched in the original, and those matches are mapped to
the displayed text. Every span returned indexes the displayed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final, NamedTuple

from paper_tui.text.convert import PHRASE_VARIANTS, Shown, fold, to_simplified
from paper_tui.text.sanitize import clean

_SPACES: Final = re.compile(r"\s+")
# ASCII needs neither script folding nor OpenCC.
_ASCII_MAX: Final = "\x7f"


class Match(NamedTuple):
    """Where one of the words looked for was found in the displayed text."""

    start: int
    end: int
    word: int
    """Index of the word found, in the order the words were given."""


def normalise_query(query: str) -> str:
    """The query as searched for: clean, trimmed, inner runs of spaces made one."""
    return _SPACES.sub(" ", clean(query)).strip()


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=1024)
def _needles(word: str, variant: str | None) -> tuple[str, ...]:
    """The folded forms to look for: the word, and for phrase variants its simplified form."""
    needles = [fold(word)]
    if variant in PHRASE_VARIANTS and max(word, default="") > _ASCII_MAX:
        needles.append(fold(to_simplified(word, variant)))
    return tuple(dict.fromkeys(needle for needle in needles if needle))


def _occurrences(haystack: str, needle: str) -> Iterable[tuple[int, int]]:
    start = haystack.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = haystack.find(needle, start + len(needle))


def find_words(words: Sequence[str], shown: Shown, variant: str | None) -> list[Match]:
    """Every match of any of ``words`` in ``shown.text``, in order, none overlapping.

    ``variant`` is the OpenCC variant the reader uses for traditional script (whether or not
    ``shown`` is converted): a phrase variant means queries may be phrased its way.
    """
    if not any(words):
        return []  # and no need to load the folding table
    found: list[Match] = []
    text = _folded(shown.text)
    converted = shown.text != shown.source
    source = _folded(shown.source) if converted else ""
    for index, word in enumerate(words):
        for needle in _needles(normalise_query(word), variant):
            found.extend(Match(a, b, index) for a, b in _occurrences(text, needle))
            if converted:
                for a, b in _occurrences(source, needle):
                    start, end = shown.span(a, b)
                    found.append(Match(start, end, index))
    # Earliest first; of two starting together the longer; then drop what overlaps a kept match.
    found.sort(key=lambda match: (match.start, -match.end, match.word))
    kept: list[Match] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def find_spans(query: str, shown: Shown, variant: str | None) -> list[tuple[int, int]]:
    """The spans of ``shown.text`` that match ``query``, in order."""
    return [(match.start, match.end) for match in find_words([query], shown, variant)]


def count_words(words: Sequence[str], shown: Shown, variant: str | None) -> int:
    """How many times any of ``words`` occurs in ``shown.text``."""
    return len(find_words(words, shown, variant)) if words else 0
