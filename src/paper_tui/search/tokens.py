"""Search tokens: text cut into characters and overlapping pieces, so Chinese needs no segmentation.

Every run of letters and digits (in any script) becomes its overlapping two-character pairs, in
order, then a separator token (``·``, in no run): 中国特色 gives ``中国 国特 特色 ·``. A query of
two or more characters is then the phrase of its own pairs, which matches exactly the runs that
contain it; the separator keeps a phrase from running on from one run into the next across
punctuation. Each character is also indexed on its own, in columns of their own (``*_chars``), so
that a one-character query is one term, as fast to find and to count as a pair. Runs of four or more
characters are indexed a third time as their overlapping four-character pieces (``*_quads``:
中国特色社会 gives ``中国特色 国特色社 特色社会 ·``), and runs of eight or more a fourth time as
pieces of eight (``*_octs``). A query is the phrase of the longest pieces it can be cut into: pieces
are far rarer than pairs (社会主义 is one piece, found where 社会, 会主 and 主义 are lined up), and
a phrase of fewer, rarer terms is found and counted several times faster (新时代中国特色社会主义 is
four pieces of eight, not eight of four). Every kind of token has its own length, so each is found
only in the columns of its kind, with no column filter, which would cost FTS5 reading every position
of the term. Tokens are written space-separated into an FTS5 table with the ``ascii`` tokenizer,
which keeps every non-ASCII character inside a token, so a pair stays one token whatever SQLite's
Unicode tables say about its characters.
"""

from __future__ import annotations

from functools import cache
from itertools import groupby

# Not imported from typing, nor re at the top: the search command cuts only its query into runs,
# which needs neither (type checkers know the names).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Final

# Text this long or longer (an article) is cut into runs by a regular expression, shorter text (a
# query) with str.isalnum, which spares a search importing ``re``. Both cut alike: ``[^\W_]`` is
# exactly what isalnum accepts (the tests check every code point).
_SHORT: Final = 64
# Full-width ASCII (U+FF01-U+FF5E), which Chinese typesetting and input methods produce (２０２５,
# ＧＤＰ), compares as plain ASCII; the ideographic space U+3000 as a space.
_WIDE: Final = frozenset(map(chr, [*range(0xFF01, 0xFF5F), 0x3000]))
_NARROWED: Final = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# Text made only of these compares as it is: CJK punctuation but the ideographic space, kana, CJK
# ideographs and symbols, Hangul and the CJK compatibility and extension blocks have no case, and
# nothing else folds into them. (Checked by hand: as a regular expression these ranges take
# milliseconds to compile, at every start of ``paper-tui search``.)
_CASELESS: Final = ((0x3001, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))


def runs(text: str) -> list[str]:
    """The runs of letters and digits of ``text``, in any script (``\\w`` but ``_``); all else
    separates runs."""
    if len(text) < _SHORT:
        return ["".join(group) for is_alnum, group in groupby(text, str.isalnum) if is_alnum]
    return _run_pattern().findall(text)


def is_run(text: str) -> bool:
    """Whether ``text`` is one run of letters and digits."""
    return text.isalnum()


@cache
def _run_pattern() -> re.Pattern[str]:
    import re

    return re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """The text as search compares it: lower case, full-width ASCII narrowed, same length."""
    if not _WIDE.isdisjoint(text):
        text = text.translate(_NARROWED)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few letters grow when lowered (İ -> i̇); they stay as they are so offsets still line up.
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def is_caseless(text: str) -> bool:
    """Whether ``text`` is unchanged by ``fold`` and nothing else folds into it."""
    return bool(text) and all(
        any(low <= code <= high for low, high in _CASELESS) for code in map(ord, text)
    )


SEPARATOR: Final = "\u00b7"
"""The token ending every run in the pair and piece columns: not a letter or digit, so in no run."""
QUAD: Final = 4
"""The length of the pieces in the ``*_quads`` columns."""
OCT: Final = 8
"""The length of the pieces in the ``*_octs`` columns."""
PIECES: Final = (OCT, QUAD, 2)
"""The lengths of the pieces a query is cut into, longest first."""


def run_tokens(run: str) -> list[str]:
    """The tokens of one run of letters and digits: its pairs, then the separator."""
    pairs = [run[index : index + 2] for index in range(len(run) - 1)]
    pairs.append(SEPARATOR)
    return pairs


def grams(text: str) -> str:
    """The space-separated pair tokens of ``text`` (for the ``headline`` and ``body`` columns)."""
    tokens: list[str] = []
    for run in runs(fold(text)):
        tokens.extend(run_tokens(run))
    return " ".join(tokens)


def pieces(text: str, size: int) -> str:
    """The space-separated pieces of ``size`` characters of ``text``, each run's then the
    separator (runs shorter than ``size`` give nothing)."""
    tokens: list[str] = []
    for run in runs(fold(text)):
        if len(run) >= size:
            tokens.extend(run[index : index + size] for index in range(len(run) - size + 1))
            tokens.append(SEPARATOR)
    return " ".join(tokens)


def quads(text: str) -> str:
    """The space-separated four-character pieces of ``text`` (for the ``*_quads`` columns)."""
    return pieces(text, QUAD)


def octs(text: str) -> str:
    """The space-separated eight-character pieces of ``text`` (for the ``*_octs`` columns)."""
    return pieces(text, OCT)


def chars(text: str) -> str:
    """The space-separated character tokens of ``text`` (for the ``*_chars`` columns)."""
    return " ".join("".join(runs(fold(text))))


def term_columns(term: str) -> tuple[str, str]:
    """The headline and body columns holding ``term``: a character, a pair or a piece."""
    if len(term) == 1:
        return ("headline_chars", "body_chars")
    if len(term) == QUAD:
        return ("headline_quads", "body_quads")
    return ("headline_octs", "body_octs") if len(term) == OCT else ("headline", "body")


def piece_size(run: str) -> int:
    """The length of the pieces a query's run is cut into: the longest it holds (1 for one
    character)."""
    return next((size for size in PIECES if len(run) >= size), 1)


def run_expression(run: str) -> str:
    """The FTS5 expression matching the rows whose text (or headline) contains ``run``."""
    size = piece_size(run)
    return '"' + " ".join(run[i : i + size] for i in range(len(run) - size + 1)) + '"'


def text_expression(text: str) -> str | None:
    """An FTS5 expression for rows containing folded ``text``; None if it has no letter or digit."""
    found = runs(text)
    if not found:
        return None
    return " AND ".join(f"({run_expression(run)})" for run in found)
