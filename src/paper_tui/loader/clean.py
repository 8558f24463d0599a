"""Repair single lines: spaces injected by justification and text doubled by fake-bold fonts."""

from __future__ import annotations

import re
from typing import Final

from paper_tui.loader.chars import CJK_PUNCT, CJK_RANGES, LazyPattern, has_cjk

# Runs of blanks but a single space (left as it is): the many single spaces of a justified line
# are not worth replacing one by one.
_BLANKS: Final = "[ \t\u3000\u00a0]"
_SPACES: Final = re.compile(f"[\t\u3000\u00a0]{_BLANKS}*| {_BLANKS}+")

# A line is justified when at least this share of the gaps next to CJK characters carry a space:
# pdftotext writes "加 宏 大 ，愿 景" for a line whose glyphs were spread to fill the column.
JUSTIFIED_SHARE: Final = 0.4
JUSTIFIED_MIN_SPACES: Final = 2


_CJK: Final = f"{CJK_RANGES}{CJK_PUNCT}"
_WORD: Final = "A-Za-z0-9%.,'\\-"
_CJK_CHAR: Final = LazyPattern(f"[{_CJK}]")
# Anything but CJK text and the space: most lines with spaces hold nothing else.
_NOT_CJK_OR_SPACE: Final = LazyPattern(f"[^ {_CJK}]")
_WORD_CHAR: Final = re.compile(f"[{_WORD}]")
# The space patterns open with the space, so that a search skips to the next space fast; a
# lookbehind then sees the character before it.
_SPACE_BY_CJK: Final = LazyPattern(f" (?:(?<=[{_CJK}] )|(?=[{_CJK}]))")
# In a justified line every space goes but those between two Latin words.
_JUSTIFICATION: Final = re.compile(f" (?:(?<![{_WORD}] )|(?![{_WORD}]))")
# Elsewhere only spaces next to punctuation or between CJK and Latin text go; a space between
# two ideographs (or before an opening quote) is a real phrase break.
_OPENING_QUOTES: Final = "“‘《「"
_PUNCT_ONLY: Final = "".join(c for c in CJK_PUNCT if c not in _OPENING_QUOTES)
_LOOSE: Final = LazyPattern(
    f" (?:(?<=[{CJK_PUNCT}] )|(?=[{_PUNCT_ONLY}])"
    f"|(?<=[{CJK_RANGES}] )(?=[{_WORD}])|(?<=[{_WORD}] )(?=[{_CJK}]))"
)


def remove_justification_spaces(line: str) -> str:
    """Remove the spaces a justified PDF line gained between CJK characters; keep real ones.

    Spaces between two Latin words always stay. Spaces next to CJK punctuation or between CJK and
    digits always go (``2 月 8 日`` -> ``2月8日``). A space between two CJK characters goes when the
    line is justified (spaces in most of its gaps) and stays otherwise, as between a headline's two
    phrases (``加速跑 创新突破勇奋进``).
    """
    return unjustify(line)[0]


def is_spread(line: str) -> bool:
    """Whether pdftotext spread a line's characters apart: the glyphs were stretched to fill the
    column (``加 宏 大 ，愿 景``), as a justified line is (a paragraph's last line only in some
    type, and then far short of the column)."""
    return unjustify(line)[1]


def unjustify(line: str) -> tuple[str, bool]:
    """``remove_justification_spaces`` of a line, and ``is_spread``: both in one pass."""
    line = line.strip()
    if "\u3000" in line or "\xa0" in line or "\t" in line or "  " in line:
        line = _SPACES.sub(" ", line)
    if " " not in line:
        return line, False
    if _NOT_CJK_OR_SPACE.search(line) is None:
        # Every space is next to CJK characters, so the line is justified when its spaces are
        # many.
        spaces = line.count(" ")
        if spaces >= JUSTIFIED_MIN_SPACES and spaces >= JUSTIFIED_SHARE * (len(line) - spaces):
            return line.replace(" ", ""), True
        return _LOOSE.sub("", line), False
    if _is_justified(line):
        # Without Latin words every space goes.
        if _WORD_CHAR.search(line):
            return _JUSTIFICATION.sub("", line), True
        return line.replace(" ", ""), True
    return _LOOSE.sub("", line), False


def _is_justified(line: str) -> bool:
    """Whether most gaps next to CJK characters of a line (single spaces only) hold a space."""
    if line.count(" ") < JUSTIFIED_MIN_SPACES:
        return False
    spaced = len(_SPACE_BY_CJK.findall(line))
    if spaced < JUSTIFIED_MIN_SPACES:
        return False
    # The CJK characters are counted only when the line's other characters might tip the share.
    visible = len(line) - line.count(" ")
    return spaced >= JUSTIFIED_SHARE * visible or spaced >= JUSTIFIED_SHARE * len(
        _CJK_CHAR.findall(line)
    )


MIN_DOUBLED_LENGTH: Final = 4


def undouble(line: str) -> str | None:
    """Undo fake-bold doubling when the whole line is made of doubled runs, else return None.

    Fake-bold fonts draw each run twice, and pdftotext emits both copies:
    ``““满格满格””干劲拼项目干劲拼项目`` is ``“满格”干劲拼项目``. Real repeats such as ``谢谢`` or
    ``研究研究`` are protected by the caller, which only asks for lines standing where a headline
    stands, and by requiring at least one doubled run longer than one character.
    """
    text = line.replace(" ", "")
    n = len(text)
    if n < MIN_DOUBLED_LENGTH or n % 2 or n > 200 or not has_cjk(text):
        return None
    # best[i]: the fewest runs that split text[:i] into doubled runs, with the split points.
    best: list[tuple[int, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0, ())
    for i in range(2, n + 1, 2):
        for j in range(i - 2, -1, -2):
            prev = best[j]
            if prev is None:
                continue
            half = (i - j) // 2
            if text[j : j + half] == text[j + half : i]:
                candidate = (prev[0] + 1, (*prev[1], i))
                current = best[i]
                if current is None or candidate[0] < current[0]:
                    best[i] = candidate
    final = best[n]
    if final is None:
        return None
    pieces: list[str] = []
    start = 0
    for end in final[1]:
        pieces.append(text[start : start + (end - start) // 2])
        start = end
    if max(len(p) for p in pieces) < 2:
        return None
    return "".join(pieces)
