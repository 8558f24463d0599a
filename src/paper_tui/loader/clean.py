"""Repair single lines: spaces injected by justification and text doubled by fake-bold fonts."""

from __future__ import annotations

import itertools
import re
from typing import Final

from paper_tui.loader.chars import IDEOGRAPH, is_cjk_or_punct

_SPACES: Final = re.compile(r"[ \t\u3000\u00a0]+")
_ASCII_WORD: Final = re.compile(r"[A-Za-z0-9%.,'\-]")

# A line is justified when at least this share of the gaps next to CJK characters carry a space:
# pdftotext writes "加 宏 大 ，愿 景" for a line whose glyphs were spread to fill the column.
JUSTIFIED_SHARE: Final = 0.4
JUSTIFIED_MIN_SPACES: Final = 2


def _is_ascii_word(char: str) -> bool:
    return bool(_ASCII_WORD.match(char))


def remove_justification_spaces(line: str) -> str:
    """Remove the spaces a justified PDF line gained between CJK characters; keep real ones.

    Spaces between two Latin words always stay. Spaces next to CJK punctuation or between CJK and
    digits always go (``2 月 8 日`` -> ``2月8日``). A space between two CJK characters goes when the
    line is justified (spaces in most of its gaps) and stays otherwise, as between a headline's two
    phrases (``加速跑 创新突破勇奋进``).
    """
    line = _SPACES.sub(" ", line.strip())
    if " " not in line:
        return line
    tokens = line.split(" ")
    cjk_gaps = spaced = 0
    for left, right in itertools.pairwise(tokens):
        if is_cjk_or_punct(left[-1]) or is_cjk_or_punct(right[0]):
            spaced += 1
    for token in tokens:
        for a, b in itertools.pairwise(token):
            if is_cjk_or_punct(a) or is_cjk_or_punct(b):
                cjk_gaps += 1
    cjk_gaps += spaced
    justified = spaced >= JUSTIFIED_MIN_SPACES and spaced >= JUSTIFIED_SHARE * cjk_gaps
    out = [tokens[0]]
    for token in tokens[1:]:
        left, right = out[-1][-1], token[0]
        if _is_ascii_word(left) and _is_ascii_word(right):
            keep = True
        elif is_cjk_or_punct(left) and is_cjk_or_punct(right):
            keep = not justified and _is_ideograph_pair(left, right)
        else:
            keep = False
        out.append(" " + token if keep else token)
    return "".join(out)


def _is_ideograph_pair(left: str, right: str) -> bool:
    """Both sides are text, not punctuation: only then can a space be a real phrase break."""
    from paper_tui.loader.chars import is_cjk

    return is_cjk(left) and (is_cjk(right) or right in "“‘《「")


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
    if n < MIN_DOUBLED_LENGTH or n % 2 or n > 200 or not IDEOGRAPH.search(text):
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
