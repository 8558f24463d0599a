"""Search tokens: text cut into characters and overlapping pairs, so Chinese needs no segmentation.

Every run of letters and digits (in any script) becomes its overlapping two-character pairs, in
order, followed by its last character alone: 中国特色 gives ``中国 国特 特色 色``. A query of two or
more characters is then the phrase of its own pairs, which matches exactly the runs that contain
it; the lone last character keeps a phrase from running on from one run into the next across
punctuation. Each character is also indexed on its own, in columns of their own (``*_chars``),
so that a one-character query is one term, as fast to find and to count as a pair. Runs of four
or more characters are indexed a third time as their overlapping four-character pieces
(``*_quads``: 中国特色社会 gives ``中国特色 国特色社 特色社会 会``, the last character again
keeping runs apart). A query of four or more characters is the phrase of its own pieces: pieces
are far rarer than pairs (社会主义 is one piece, found where 社会, 会主 and 主义 are lined up),
so a common phrase is found and counted several times faster. Tokens are
written space-separated into an FTS5 table with the ``ascii`` tokenizer, which keeps every
non-ASCII character inside a token, so a pair stays one token whatever SQLite's Unicode tables
say about its characters.
"""

from __future__ import annotations

import re
from typing import Final

RUN: Final = re.compile(r"[^\W_]+")
"""A run of letters and digits in any script (``\\w`` but ``_``); all else separates runs."""
# Full-width ASCII (U+FF01-U+FF5E), which Chinese typesetting and input methods produce (２０２５,
# ＧＤＰ), compares as plain ASCII; the ideographic space U+3000 as a space.
_WIDE: Final = re.compile("[\uff01-\uff5e\u3000]")
_NARROWED: Final = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# Text made only of these compares as it is: CJK punctuation but the ideographic space, kana, CJK
# ideographs and symbols, Hangul and the CJK compatibility and extension blocks have no case, and
# nothing else folds into them. (Checked by hand: as a regular expression these ranges take
# milliseconds to compile, at every start of ``paper-tui search``.)
_CASELESS: Final = ((0x3001, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))


def fold(text: str) -> str:
    """The text as search compares it: lower case, full-width ASCII narrowed, same length."""
    if _WIDE.search(text):
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


def run_tokens(run: str) -> list[str]:
    """The tokens of one run of letters and digits: its pairs, then its last character."""
    pairs = [run[index : index + 2] for index in range(len(run) - 1)]
    pairs.append(run[-1])
    return pairs


def grams(text: str) -> str:
    """The space-separated pair tokens of ``text`` (for the ``headline`` and ``body`` columns)."""
    tokens: list[str] = []
    for run in RUN.findall(fold(text)):
        tokens.extend(run_tokens(run))
    return " ".join(tokens)


QUAD: Final = 4
"""The length of the pieces in the ``*_quads`` columns."""


def quads(text: str) -> str:
    """The space-separated four-character pieces of ``text`` (for the ``*_quads`` columns)."""
    tokens: list[str] = []
    for run in RUN.findall(fold(text)):
        if len(run) >= QUAD:
            tokens.extend(run[index : index + QUAD] for index in range(len(run) - QUAD + 1))
            tokens.append(run[-1])
    return " ".join(tokens)


def chars(text: str) -> str:
    """The space-separated character tokens of ``text`` (for the ``*_chars`` columns)."""
    return " ".join("".join(RUN.findall(fold(text))))


def term_columns(term: str) -> tuple[str, str]:
    """The headline and body columns holding ``term``: a character, a pair or a piece of four."""
    if len(term) == 1:
        return ("headline_chars", "body_chars")
    return ("headline_quads", "body_quads") if len(term) == QUAD else ("headline", "body")


def run_expression(run: str, *, headline_only: bool = False) -> str:
    """The FTS5 expression matching the rows whose text (or headline) contains ``run``."""
    size = QUAD if len(run) >= QUAD else 2
    pieces = " ".join(run[i : i + size] for i in range(len(run) - size + 1))
    if len(run) > 1 and not headline_only:
        # Pairs and pieces of four are each in the text columns of their own kind only, so a
        # column filter would change nothing but cost a third of the phrase's time.
        return f'"{pieces}"'
    headline, body = term_columns(run[:size])
    columns = headline if headline_only else f"{headline} {body}"
    return f'{{{columns}}} : "{pieces or run}"'


def text_expression(text: str) -> str | None:
    """An FTS5 expression for rows containing folded ``text``; None if it has no letter or digit."""
    runs = RUN.findall(text)
    if not runs:
        return None
    return " AND ".join(f"({run_expression(run)})" for run in runs)
