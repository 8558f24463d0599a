"""Queries: what the user typed, as parts that must all occur, and how a hit is scored and shown.

A query is split at spaces into parts; an article matches when every part occurs in its headline or
its body, as a substring, after both are folded (``tokens.fold``: case and full-width ASCII). A part
typed in traditional script is also looked for in simplified script (OpenCC ``t2s``, imported only
for queries that it could change), so 潤澤 finds 润泽; in an index that holds pages in traditional
characters, a part is also looked for in its traditional spellings (``s2t``, Hong Kong's and
Taiwan's), so 润泽 finds 潤澤. The index narrows the candidates; the check
here on the stored text is what decides, so input is always literal text: quotes, ``*``, ``AND``
or punctuation are searched for as they are, never read as FTS5 syntax.
"""

from __future__ import annotations

from functools import cache, lru_cache

from paper_tui.records import NamedTuple
from paper_tui.search.conversion import may_change, traditional_chars
from paper_tui.search.tokens import fold, is_caseless, is_run, text_expression

# Not imported from typing, nor pathlib: the search command imports this module before it
# answers (type checkers know the names).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final

    from opencc import OpenCC

TRADITIONAL_STANDARDS: Final = ("s2t", "s2hk", "s2tw")
"""The traditional spellings a query is also looked for in, where the index holds them."""
SNIPPET_WIDTH: Final = 40
"""Characters of body text shown around a match."""
SNIPPET_BEFORE: Final = 12
"""Characters of context kept before the match, when the body has them."""
ELLIPSIS: Final = "…"
# A caption of one line with one mention would otherwise outrank the article about the subject:
# density is counted as if every body had at least this many characters.
MIN_DENSITY_LENGTH: Final = 200
# Below U+2E80 (CJK radicals) no character changes script, so OpenCC is not loaded for such text,
# nor for text that its dictionaries say it leaves alone (see ``conversion``).
_FIRST_CJK: Final = "\u2e80"
_LINE_BREAKS: Final = str.maketrans("\n\r\t", "   ")


RankKey = tuple[int, float, int, str, int]
"""Headline parts found, density (both negated), date as -YYYYMMDD, path, article id: sorted
ascending, headline hits come first, then denser bodies, newer pages, file and reading order."""


class Hit(NamedTuple):
    """One article that matches a query, with what a result list shows of it."""

    file: str
    """The page file, an absolute path (``path`` as a string)."""
    page: int | None
    date: str | None
    section: str | None
    item_id: str
    kind: str
    headline: str
    headline_marks: tuple[tuple[int, int], ...]
    """Spans [start, end) of the matches in ``headline``."""
    snippet: str
    """About SNIPPET_WIDTH characters of the body around its first match (its start if none)."""
    marks: tuple[tuple[int, int], ...]
    """Spans [start, end) of the matches in ``snippet``."""
    occurrences: int
    """Matches in the body."""
    score: float
    """Match density: occurrences per 1,000 characters of body."""

    @property
    def path(self) -> Path:
        """The page file."""
        from pathlib import Path

        return Path(self.file)

    @property
    def in_headline(self) -> bool:
        """Whether the query occurs in the headline."""
        return bool(self.headline_marks)


class SearchResult(NamedTuple):
    """The best hits of a search, in rank order, and how many articles match in all."""

    total: int
    hits: list[Hit]
    notices: tuple[str, ...] = ()
    """Things the user should know, such as an index that was rebuilt."""


@cache
def _converter() -> OpenCC | None:
    try:
        from opencc import OpenCC
    except ImportError:
        return None
    return OpenCC("t2s")


@cache
def _to_traditional() -> tuple[OpenCC, ...]:
    try:
        from opencc import OpenCC
    except ImportError:
        return ()
    return tuple(OpenCC(standard) for standard in TRADITIONAL_STANDARDS)


@lru_cache(maxsize=256)
def to_traditional(text: str) -> tuple[str, ...]:
    """``text``, and its spellings in the standards of traditional script that are not also
    simplified text (着 is written 著 in traditional script, but 著 is simplified as well, in
    显著: only a spelling with a character simplified script never writes is kept)."""
    if not any(char >= _FIRST_CJK for char in text):
        return (text,)
    only = traditional_chars()
    spellings = (converter.convert(text) for converter in _to_traditional())
    return tuple(dict.fromkeys((text, *(s for s in spellings if not only.isdisjoint(s)))))


@lru_cache(maxsize=256)
def to_simplified(text: str) -> str:
    """``text`` with traditional characters made simplified (unchanged without OpenCC)."""
    if not any(char >= _FIRST_CJK for char in text) or not may_change(text):
        return text
    converter = _converter()
    return text if converter is None else converter.convert(text)


class Query:
    """A parsed query: parts that must all occur, each with the spellings it is looked for in."""

    def __init__(self, text: str, *, traditional: bool = False) -> None:
        """``traditional``: also look for the traditional spellings (the index holds some)."""
        self.text = text
        parts: dict[tuple[str, ...], None] = {}
        for word in text.split():
            simplified = to_simplified(word)
            forms = to_traditional(simplified) if traditional else (simplified,)
            spellings = dict.fromkeys((fold(word), *map(fold, forms)))
            parts[tuple(spellings)] = None
        self.parts: tuple[tuple[str, ...], ...] = tuple(parts)
        self.needles: tuple[str, ...] = tuple(
            dict.fromkeys(s for spellings in self.parts for s in spellings)
        )
        # Caseless needles are found in the stored text as it is, without folding it first.
        self.is_raw = all(is_caseless(needle) for needle in self.needles)
        self._encoded = tuple(tuple(s.encode() for s in spellings) for spellings in self.parts)
        self._single = (self.needles[0], self._encoded[0][0]) if len(self.needles) == 1 else None

    def is_empty(self) -> bool:
        """Whether the query has nothing to look for."""
        return not self.parts

    def expression(self) -> str | None:
        """The FTS5 expression narrowing the candidates; None if the index cannot narrow them."""
        clauses = []
        for spellings in self.parts:
            alternatives = [text_expression(spelling) for spelling in spellings]
            # A part of punctuation alone has no tokens; the check on the text decides it.
            if any(alternative is None for alternative in alternatives):
                continue
            clauses.append("(" + " OR ".join(f"({a})" for a in alternatives) + ")")
        return " AND ".join(clauses) or None

    def is_exact(self) -> bool:
        """Whether the index alone finds exactly the matching articles (no text check needed).

        So it does when every spelling of every part is one run of letters and digits: its
        pairs' phrase occurs exactly where it does.
        """
        return bool(self.needles) and all(map(is_run, self.needles))

    def term(self) -> str | None:
        """The one index term the query is, if it is one: a character, or two different ones.

        Such a query is found and counted by the index alone. (A doubled character, 哈哈, is
        not: the index counts overlapping pairs, the text check does not.)
        """
        if len(self.needles) != 1:
            return None
        needle = self.needles[0]
        if not is_run(needle) or len(needle) > 2 or needle[:1] * 2 == needle:
            return None
        return needle

    def comparable(self, text: str) -> str:
        """``text`` in the form the needles are compared with."""
        return text if self.is_raw else fold(text)

    def score(self, headline: str, body: str | bytes) -> tuple[int, int] | None:
        """How many parts occur in the headline, and how often they occur in the body; None
        when some part occurs in neither.

        ``body`` may be given as UTF-8 when ``is_raw``: counting bytes saves decoding the text of
        every candidate, and UTF-8 matches only at character boundaries.
        """
        head = self.comparable(headline)
        if self._single is not None:  # most queries are one word: the loop below, unrolled
            needle, encoded = self._single
            count = (
                body.count(encoded)
                if isinstance(body, bytes)
                else self.comparable(body).count(needle)
            )
            in_head = needle in head
            return (in_head, count) if in_head or count else None
        if isinstance(body, bytes):
            counts = [max(map(body.count, forms)) for forms in self._encoded]
        else:
            folded = self.comparable(body)
            counts = [max(map(folded.count, spellings)) for spellings in self.parts]
        headline_parts = 0
        for spellings, count in zip(self.parts, counts, strict=True):
            in_head = any(spelling in head for spelling in spellings)
            if not (in_head or count):
                return None
            headline_parts += in_head
        return headline_parts, sum(counts)

    def rank(
        self, headline: str, body: str | bytes, length: int, day: int, path: str, rowid: int
    ) -> RankKey | None:
        """The sort key of a candidate article (see ``RankKey``), or None if it does not match."""
        found = self.score(headline, body)
        if found is None:
            return None
        return (-found[0], -density(found[1], length), -day, path, rowid)

    def marks(self, text: str) -> list[tuple[int, int]]:
        """Spans of every needle in ``text``, merged where they overlap, in order."""
        folded = self.comparable(text)
        spans = []
        for needle in self.needles:
            start = folded.find(needle)
            while start >= 0:
                spans.append((start, start + len(needle)))
                start = folded.find(needle, start + 1)
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def snippet(self, body: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """A short window of ``body`` around its first match, and the matches' spans in it."""
        folded = self.comparable(body)
        found = [(at, at + len(n)) for n in self.needles if (at := folded.find(n)) >= 0]
        first, first_end = min(found) if found else (0, 0)
        start = max(0, first - SNIPPET_BEFORE)
        end = max(start + SNIPPET_WIDTH, first_end)
        if end > len(body):
            end = len(body)
            start = max(0, min(start, end - SNIPPET_WIDTH))
        lead = ELLIPSIS if start > 0 else ""
        text = (
            lead + body[start:end].translate(_LINE_BREAKS) + (ELLIPSIS if end < len(body) else "")
        )
        shift = len(lead) - start
        # Only the matches near the window are looked for: a common word may occur hundreds of
        # times in the body.
        reach = max(map(len, self.needles), default=0)
        low, high = max(start - reach, 0), min(end + reach, len(body))
        spans = [(a + low, b + low) for a, b in self.marks(body[low:high])]
        marks = tuple(
            (max(a, start) + shift, min(b, end) + shift) for a, b in spans if a < end and b > start
        )
        return text, marks


def density(occurrences: int, length: int) -> float:
    """Occurrences per 1,000 characters of a body ``length`` characters long."""
    return occurrences * 1000 / max(length, MIN_DENSITY_LENGTH)
