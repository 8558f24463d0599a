"""Character classes and patterns shared by the loader stages, each named and spelled out once."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Final

# Ideographs (CJK Unified, Extension A, Compatibility), kana and hangul: text that is set one
# character per em, with no spaces between words.
CJK_RANGES: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
# The same ranges as code points: compiling a regex class over them costs milliseconds, and
# single characters are tested far more often than text is searched.
_CJK_CODES: Final = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x3040, 0x30FF),
    (0xAC00, 0xD7AF),
)

# Full-width and CJK punctuation: 、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛・ plus the
# full-width forms ！＂＃％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～, the curly
# quotes “”‘’, the ellipsis …, the middle dot ·, the dashes —– and box marks ■□●◆◇▲△★☆.
CJK_PUNCT: Final = (
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…·—–■□●◆◇▲△★☆"
)

# A sentence is over after 。！？ (full or half width), ；…, or one of them followed by closing
# quotes/brackets ”’）》」』】. Colons and commas never end a paragraph: a line ending in ：is
# followed by the quotation it introduces.
SENTENCE_ENDS: Final = "。！？!?…；"
AFTER_SENTENCE: Final = "”’）》」』】)\"'"

# Punctuation that opens a clause or quotation; a line ending with one cannot end a paragraph.
OPENING: Final = "“‘（《「『【〔〈(["
# Punctuation that may not start a line and marks a fragment that began mid-sentence.
CLOSING: Final = "，。、；：？！”’）》」』】〕〉…—·%,.;:?!)]}"

# Latin letters and digits are set in half-width and may carry real spaces between words.
LATIN_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
LATIN: Final = LATIN_LETTERS | frozenset("0123456789")


@lru_cache(maxsize=8192)
def is_cjk(char: str) -> bool:
    """Whether ``char`` is an ideograph, kana or hangul."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_CODES)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds an ideograph, kana or hangul."""
    return any(map(is_cjk, text))


class LazyPattern:
    """A regular expression compiled when first used.

    ``re`` compiles a character class by marking each of its code points, so every class over
    the CJK ranges costs about a millisecond; patterns not every page needs wait for one that does.
    """

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def _compile(self) -> re.Pattern[str]:
        self._compiled = re.compile(self.pattern)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        """As ``re.Pattern.match``."""
        return (self._compiled or self._compile()).match(text)

    def search(self, text: str) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        return (self._compiled or self._compile()).search(text)

    def findall(self, text: str) -> list[str]:
        """As ``re.Pattern.findall`` (for patterns without groups)."""
        return (self._compiled or self._compile()).findall(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        """As ``re.Pattern.sub``."""
        return (self._compiled or self._compile()).sub(replacement, text)


# Full-width punctuation: nominally one em, but many newspaper fonts compress it; the loader
# measures each page (``columns.punct_width``) and uses this when a page cannot tell.
PUNCT_WIDTH: Final = 0.75
PUNCTUATION: Final = frozenset("，。、；：？！“”‘’（）《》「」『』【】")


# The characters not set one em wide: the full-width punctuation, and everything below the CJK
# blocks (U+2E80) but the space (set narrow, half an em).
_NOT_WIDE: Final = re.compile("[\x00-\x1f!-\u2e7f" + "".join(sorted(PUNCTUATION)) + "]")


def width_parts(text: str) -> tuple[int, float]:
    """A line's full-width punctuation marks, and the ems of everything else in it."""
    marks = _NOT_WIDE.findall(text)
    punct = sum(map(PUNCTUATION.__contains__, marks))
    narrow = len(marks) - punct
    wide = len(text) - text.count(" ") - punct - narrow
    return punct, wide + narrow * 0.5


def text_width(text: str, punct_width: float = PUNCT_WIDTH) -> float:
    """Width of a line in ems of body type, ignoring spaces (Latin and digits are half an em)."""
    punct, rest = width_parts(text)
    return punct * punct_width + rest


# A note in brackets after a sentence's end, as briefs close: 。（赵丽）, 。”（完）, 。（下转A4版）.
NOTE_MAX_CHARS: Final = 14
_NUMERALS: Final = frozenset("一二三四五六七八九十")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation (or a short note after it)."""
    stripped = text.rstrip().rstrip(AFTER_SENTENCE)
    if stripped != "" and stripped[-1] in SENTENCE_ENDS:
        return True
    if not text.endswith(("）", ")")):
        return False
    opened = max(text.rfind("（"), text.rfind("("))
    if opened <= 0 or len(text) - opened > NOTE_MAX_CHARS:
        return False
    # Not the number of a list's next item: 。（二）, 。（12）
    note = text[opened + 1 : -1].strip()
    if note.isdigit() or all(char in _NUMERALS for char in note):
        return False
    before = text[:opened].rstrip(AFTER_SENTENCE)
    return before != "" and before[-1] in SENTENCE_ENDS
