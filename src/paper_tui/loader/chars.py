"""Character classes and patterns shared by the loader stages, each named and spelled out once."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# Ideographs (CJK Unified, Extension A, Compatibility), kana and hangul: text that is set one
# character per em, with no spaces between words.
CJK_RANGES: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
IDEOGRAPH: Final = re.compile(f"[{CJK_RANGES}]")

# Full-width and CJK punctuation: 、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛・ plus the
# full-width forms ！＂＃％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～, the curly
# quotes “”‘’, the ellipsis …, the middle dot ·, the dashes —– and box marks ■□●◆◇▲△★☆.
CJK_PUNCT: Final = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…·—–■□●◆◇▲△★☆"
)
CJK_CHAR: Final = re.compile(f"[{CJK_RANGES}{CJK_PUNCT}]")

# A sentence is over after 。！？ (full or half width), ；…, or one of them followed by closing
# quotes/brackets ”’）》」』】. Colons and commas never end a paragraph: a line ending in ：is
# followed by the quotation it introduces.
SENTENCE_END: Final = re.compile(r"[。！？!?…；][”’）》」』】\)\"']*$|[。！？!?][”’」』]?[）)]$")

# Punctuation that opens a clause or quotation; a line ending with one cannot end a paragraph.
OPENING: Final = "“‘（《「『【〔〈(["
# Punctuation that may not start a line and marks a fragment that began mid-sentence.
CLOSING: Final = "，。、；：？！”’）》」』】〕〉…—·%,.;:?!)]}"
# Clause punctuation: its presence inside a line marks running text, not a headline.
CLAUSE_PUNCT: Final = re.compile(r"[，。、；：？！,;:?!]")

# Latin letters and digits are set in half-width and may carry real spaces between words.
LATIN: Final = re.compile(r"[A-Za-z0-9]")


@lru_cache(maxsize=8192)
def is_cjk(char: str) -> bool:
    """Whether ``char`` is an ideograph, kana or hangul."""
    return bool(IDEOGRAPH.match(char))


@lru_cache(maxsize=8192)
def is_cjk_or_punct(char: str) -> bool:
    """Whether ``char`` is CJK text or CJK punctuation."""
    return bool(CJK_CHAR.match(char))


# Full-width punctuation: nominally one em, but many newspaper fonts compress it; the loader
# measures each page (``columns.punct_width``) and uses this when a page cannot tell.
PUNCT_WIDTH: Final = 0.75
PUNCTUATION: Final = frozenset("，。、；：？！“”‘’（）《》「」『』【】")


_PUNCT_RUN: Final = re.compile("[" + "".join(sorted(PUNCTUATION)) + "]")
# Everything below the CJK blocks that is not a space or full-width punctuation is set narrow.
_NARROW: Final = re.compile("[^ " + "".join(sorted(PUNCTUATION)) + "\u2e80-\U0010ffff]")


def width_parts(text: str) -> tuple[int, float]:
    """A line's full-width punctuation marks, and the ems of everything else in it."""
    punct = len(_PUNCT_RUN.findall(text))
    narrow = len(_NARROW.findall(text))
    wide = len(text) - text.count(" ") - punct - narrow
    return punct, wide + narrow * 0.5


def text_width(text: str, punct_width: float = PUNCT_WIDTH) -> float:
    """Width of a line in ems of body type, ignoring spaces (Latin and digits are half an em)."""
    punct, rest = width_parts(text)
    return punct * punct_width + rest


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation."""
    return bool(SENTENCE_END.search(text.rstrip()))
