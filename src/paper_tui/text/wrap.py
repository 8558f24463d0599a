"""CJK-aware line breaking: lay one paragraph out into lines of at most a given number of cells.

Rich and Textual only wrap at spaces, so to them a Chinese paragraph is one long word. Here a line
may break between any two CJK characters and at spaces (which are dropped at the break), but never
inside a Latin word or a number, and never so that a line starts with closing punctuation or ends
with opening punctuation (kinsoku). Lines are filled greedily and measured with Rich's cell widths,
the ones Textual draws with. When a line holds no legal break at all it is cut hard at the width,
so no line is ever wider than asked for. A ``\\n`` forces a break, and every piece between newlines
gives at least one line: empty or blank text is one empty line, ``[""]`` with span ``(0, 0)``.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from itertools import accumulate
from typing import Final

from rich.cells import cell_len, get_character_cell_size

OPENING: Final = frozenset("“‘（《「『【〔〈〖［｛([{")
"""Characters a line may not end with."""
CLOSING: Final = frozenset("，。、；：？！”’）》」』】〕〉〗］｝…—·・．％%,.;:?!)]}")
"""Characters a line may not start with."""
SPACES: Final = frozenset(" \t\r\f\v\u3000\u200b")
"""Break opportunities that are dropped when a line breaks at them; ``\\n`` forces a break."""
MIN_WIDTH: Final = 2
"""Narrower widths are widened to this, so that every character fits on a line of its own."""

# CJK punctuation that Rich measures as one cell; like all CJK it may break on either side.
_NARROW_CJK: Final = frozenset("“‘”…—·")
_DIGITS: Final = frozenset("0123456789０１２３４５６７８９")
_ZWJ: Final = "\u200d"
_VS16: Final = "\ufe0f"

# Character flags.
_OPEN: Final = 1
_CLOSE: Final = 2
_WORD: Final = 4
_DIGIT: Final = 8

# How willingly a line may start at a character.
_NEVER: Final = 0
_RELUCTANT: Final = 1  # only to avoid a hard cut: inside a word, or between a number and its unit
_FREE: Final = 2


def wrap(text: str, width: int) -> list[str]:
    """Break one paragraph into lines of at most ``width`` cells, CJK-aware."""
    return [text[start:end] for start, end in wrap_spans(text, width)]


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Like wrap, but return (start, end) offsets into ``text``, spaces at breaks left out."""
    width = max(width, MIN_WIDTH)
    widths = _widths(text)
    ends = list(accumulate(widths, initial=0))  # ends[i]: cells taken by text[:i]
    spans: list[tuple[int, int]] = []
    low = 0
    while True:
        high = text.find("\n", low)
        if high < 0:
            _wrap_piece(text, widths, ends, low, len(text), width, spans)
            return spans
        _wrap_piece(text, widths, ends, low, high, width, spans)
        low = high + 1


def _wrap_piece(
    text: str,
    widths: list[int],
    ends: list[int],
    low: int,
    high: int,
    width: int,
    spans: list[tuple[int, int]],
) -> None:
    """Append the spans of the lines of ``text[low:high]``, which holds no newline."""
    start = _skip_spaces(text, low, high)
    end = _trim_spaces(text, start, high)
    if start == end:
        spans.append((low, low))
        return
    while ends[end] - ends[start] > width:
        overflow = bisect_right(ends, ends[start] + width, start, end) - 1
        cut = _choose_break(text, widths, low, start, overflow)
        spans.append((start, _trim_spaces(text, start, cut)))
        start = cut
    spans.append((start, end))


def _choose_break(text: str, widths: list[int], low: int, start: int, overflow: int) -> int:
    """Where the line from ``start`` should end, given the first character that overflows it."""
    while text[overflow] in SPACES:  # trailing spaces are dropped, so they never overflow
        overflow += 1
    reluctant = clean = 0
    for index in range(overflow, start, -1):
        level = _break_level(text, widths, low, index)
        if level == _FREE:
            return index
        if level == _RELUCTANT and not reluctant:
            reluctant = index
        if not clean and widths[index] and text[index] not in SPACES:
            clean = index
    # A hard cut. Prefer one that keeps kinsoku, then one that starts a grapheme, so that Rich
    # measures the next line from a clean state the way we do.
    return reluctant or clean or overflow


def _break_level(text: str, widths: list[int], low: int, index: int) -> int:
    """How willingly a line may start at ``text[index]``, within the piece starting at ``low``."""
    char = text[index]
    if char in SPACES or not widths[index]:
        return _NEVER  # zero width: a combining mark, a variation selector, a joined emoji
    after = _flags(char)
    if after & _CLOSE:
        return _NEVER
    before = 0
    spaced = False
    previous = index - 1
    while previous >= low:
        if text[previous] in SPACES:
            spaced = True
        elif widths[previous]:
            before = _flags(text[previous])
            break
        previous -= 1
    if before & _OPEN:
        return _NEVER
    if spaced:
        return _FREE
    if before & after & _WORD or (before & _DIGIT and not after & _OPEN):
        return _RELUCTANT
    return _FREE


@cache
def _flags(char: str) -> int:
    """The line-breaking flags of one character."""
    flags = 0
    if char in OPENING:
        flags |= _OPEN
    if char in CLOSING:
        flags |= _CLOSE
    if char in _DIGITS:
        flags |= _DIGIT
    fullwidth_alnum = "\uff10" <= char <= "\uff5a" and char.isalnum()
    if fullwidth_alnum or (get_character_cell_size(char) < 2 and char not in _NARROW_CJK):
        flags |= _WORD
    return flags


def _widths(text: str) -> list[int]:
    """The cells each character of ``text`` adds to a line, as ``rich.cells.cell_len`` counts."""
    sizes = {char: get_character_cell_size(char) for char in set(text)}
    widths = list(map(sizes.__getitem__, text))
    if _ZWJ in text or _VS16 in text:
        # Mirror cell_len: a ZWJ hides the character after it, a VS16 may widen the one before.
        last = ""
        hidden = False
        for index, char in enumerate(text):
            if hidden:
                widths[index] = 0
                hidden = False
            elif char == _ZWJ:
                hidden = True
            elif char == _VS16:
                widths[index] = cell_len(last + _VS16) - sizes[last] if last else 0
                last = ""
            elif widths[index]:
                last = char
    return widths


def _skip_spaces(text: str, start: int, stop: int) -> int:
    """The first index from ``start`` (at most ``stop``) that is not a space."""
    while start < stop and text[start] in SPACES:
        start += 1
    return start


def _trim_spaces(text: str, start: int, stop: int) -> int:
    """The end of ``text[start:stop]`` with trailing spaces left off."""
    while stop > start and text[stop - 1] in SPACES:
        stop -= 1
    return stop
