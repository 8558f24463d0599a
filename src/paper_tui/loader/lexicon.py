"""Knowledge of Chinese words: whether the characters across a seam read as one text.

A page's own words do not always tell where a fragment goes on: ``坚持每日驻`` + ``守在社区``
gives 驻守, which the page may print nowhere else. The language does: 驻守 is a common word.
``glue`` weighs that with a word list (``lexicon.txt``, from jieba's dictionary, see
``tools/make_lexicon.py``) as a unigram word model, the way a segmenter does: how much more
probable the best reading of the characters around the seam is read as one text than as two.
Across a line break inside a paragraph it is clearly positive about half the time; across two
lines taken at random, rarely (measured on the corpus pages: above 2 for 42% of the breaks and
1.6% of random pairs). The list is read once, on first use.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path
from typing import Final

LEXICON: Final = Path(__file__).with_name("lexicon.txt")
# Characters on each side of a seam that are read: the longest word in the list.
REACH: Final = 4
# A character the list does not have is this much less probable than one counted once.
_UNKNOWN_PENALTY: Final = 3.0


@cache
def _model() -> tuple[dict[str, float], float, dict[int, str]]:
    """Each word's log-probability, that of a character the list does not have, and the
    traditional forms of the words' characters (a ``str.translate`` table to them).

    Without a readable list there are no words: every seam then has no glue, and fragments are
    joined by the page's own words alone.
    """
    try:
        return _read(LEXICON.read_text(encoding="utf-8"))
    except (OSError, ValueError, IndexError):
        return {}, 0.0, {}


def _read(text: str) -> tuple[dict[str, float], float, dict[int, str]]:
    """The model in the text of ``lexicon.txt`` (ValueError if it is not in its format)."""
    lines = text.splitlines()
    totals = [line.split()[1] for line in lines if line.startswith("total ")]
    if not totals:
        raise ValueError("no total count")
    log_total = math.log(int(totals[0]))
    words: dict[str, float] = {}
    simplified: dict[int, str] = {}
    for line in lines:
        if line.startswith("traditional "):
            pairs = line.split(" ", 1)[1]
            simplified.update((ord(pairs[i]), pairs[i + 1]) for i in range(0, len(pairs) - 1, 2))
        if not line[:1].isdigit():
            continue
        size, level, run = line.split(" ", 2)
        # The words of a line all have its length: every ``size`` characters are one.
        words.update(zip(re.findall("." * int(size), run), repeat(float(level) - log_total)))
    return words, -log_total - _UNKNOWN_PENALTY, simplified


def _best(text: str, words: dict[str, float], unknown: float) -> float:
    """The log-probability of the most probable reading of ``text`` as words of the list."""
    best = [0.0] + [-math.inf] * len(text)
    for end in range(1, len(text) + 1):
        for size in range(1, min(REACH, end) + 1):
            value = words.get(text[end - size : end])
            if value is None:
                if size > 1:
                    continue
                value = unknown
            best[end] = max(best[end], best[end - size] + value)
    return best[-1]


def _han_tail(text: str) -> str:
    """The last Han characters of ``text``, up to REACH, with nothing after them."""
    tail = text[-REACH:]
    for index in range(len(tail) - 1, -1, -1):
        if not "\u4e00" <= tail[index] <= "\u9fff":
            return tail[index + 1 :]
    return tail


def _han_head(text: str) -> str:
    """The first Han characters of ``text``, up to REACH."""
    head = text[:REACH]
    for index, char in enumerate(head):
        if not "\u4e00" <= char <= "\u9fff":
            return head[:index]
    return head


def glue(left: str, right: str) -> float:
    """How much more probable (natural log) the text across the seam of ``left`` and ``right``
    reads joined than apart: 0 where a word boundary falls at the seam, or it is not Han text
    on both sides. Text in traditional characters is read as the same words (駐守 as 驻守)."""
    tail, head = _han_tail(left), _han_head(right)
    if not tail or not head:
        return 0.0
    simplified = _model()[2]
    return _seam_glue(tail.translate(simplified), head.translate(simplified))


@lru_cache(maxsize=65536)
def _seam_glue(tail: str, head: str) -> float:
    """``glue`` of the Han characters next to a seam (a page asks for the same seams often)."""
    words, unknown, _ = _model()
    joined = _best(tail + head, words, unknown)
    return max(0.0, joined - _best(tail, words, unknown) - _best(head, words, unknown))
