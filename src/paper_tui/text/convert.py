"""Simplified and traditional script: OpenCC conversion that remembers where each character went.

Pages arrive in simplified script; the reader can show them in traditional script with one of
OpenCC's variants. Conversions are cached, and OpenCC (slow to load: it reads its phrase tables)
is imported only when a conversion is first asked for, never at start-up.

Highlights and search matches are positions in the text *as displayed*. Character conversions
(s2t, s2tw, s2hk) keep every offset, but the phrase variant s2twp can change lengths (U盘 becomes
隨身碟), so each conversion carries a map from offsets in the original to offsets in the display.
``fold`` reduces either script to one comparable form, character for character, for matching.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

from paper_tui.text.sanitize import clean

if TYPE_CHECKING:
    from opencc import OpenCC

VARIANTS: Final = ("s2t", "s2tw", "s2twp", "s2hk")
"""The OpenCC conversions offered for traditional script."""
PHRASE_VARIANTS: Final = frozenset({"s2twp"})
"""Variants that replace whole phrases, so the displayed text may differ in length."""
_REVERSE: Final = {"s2t": "t2s", "s2tw": "tw2s", "s2twp": "tw2sp", "s2hk": "hk2s"}
# Below U+2E80 (CJK radicals) nothing changes script, so OpenCC is skipped for such text.
_FIRST_CJK: Final = "\u2e80"
# OpenCC's tables: traditional to simplified characters, and the Taiwan and Hong Kong variant forms
# back to standard traditional (裡 -> 裏, 着 -> 著), all one character for one.
_FOLD_TABLES: Final = ("TWVariantsRev.txt", "HKVariantsRev.txt", "TSCharacters.txt")
_ST_TABLE: Final = "STCharacters.txt"


@dataclass(frozen=True, slots=True)
class Shown:
    """A piece of text as displayed, with the way back to the original."""

    source: str
    """The original text, with unsafe characters replaced (see ``sanitize.clean``)."""
    text: str
    """The text as displayed."""
    lows: tuple[int, ...] | None = None
    """Display offset at or before each source offset (len(source) + 1 of them); None: the same."""
    highs: tuple[int, ...] | None = None
    """Display offset at or after each source offset; None: the same."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The displayed span of the source span [start, end), widened to whole phrases."""
        if self.lows is None or self.highs is None:
            return (start, end)
        return (self.lows[start], self.highs[end])


@cache
def _converter(name: str) -> OpenCC:
    from opencc import OpenCC

    return OpenCC(name)


def _needs_conversion(text: str) -> bool:
    return any(char >= _FIRST_CJK for char in text)


@lru_cache(maxsize=32768)
def show(text: str, variant: str | None) -> Shown:
    """Clean ``text`` and convert it with ``variant`` (None: keep simplified script)."""
    source = clean(text)
    if variant is None or not _needs_conversion(source):
        return Shown(source, source)
    converter = _converter(variant)
    # Convert piece by piece at OpenCC's own separators (punctuation, spaces), which no phrase
    # spans, so the result equals converting the whole and every piece boundary is known.
    pieces = converter.split_chars_re.split(source)
    pairs = [
        (piece, piece if index % 2 else converter.convert(piece))
        for index, piece in enumerate(pieces)
        if piece
    ]
    text = "".join(shown for _, shown in pairs)
    if len(text) == len(source) and all(len(a) == len(b) for a, b in pairs):
        return Shown(source, text)
    lows = list(range(len(source) + 1))
    highs = list(lows)
    at = to = 0
    for piece, shown in pairs:
        if len(shown) == len(piece):
            for k in range(len(piece) + 1):
                lows[at + k] = highs[at + k] = to + k
        else:
            _map_phrase(piece, shown, at, to, lows, highs)
        at += len(piece)
        to += len(shown)
    return Shown(source, text, tuple(lows), tuple(highs))


def _map_phrase(
    piece: str, shown: str, at: int, to: int, lows: list[int], highs: list[int]
) -> None:
    """Map offsets in a piece whose conversion changed its length, e.g. U盘 -> 隨身碟."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, fold(piece), fold(shown), autojunk=False)
    for _tag, start, end, shown_start, shown_end in matcher.get_opcodes():
        if end - start == shown_end - shown_start:  # same length: character for character
            for k in range(end - start + 1):
                lows[at + start + k] = highs[at + start + k] = to + shown_start + k
            continue
        # A phrase that changed length maps as a unit: a span inside it covers all of it.
        lows[at + start] = highs[at + start] = to + shown_start
        for k in range(at + start + 1, at + end):
            lows[k], highs[k] = to + shown_start, to + shown_end
        lows[at + end] = highs[at + end] = to + shown_end


def convert(text: str, variant: str | None) -> str:
    """``text`` cleaned and in the script of ``variant`` (None: simplified, as given)."""
    return show(text, variant).text


@lru_cache(maxsize=1024)
def to_simplified(text: str, variant: str | None) -> str:
    """Convert text typed in any script to simplified, undoing ``variant``'s phrasing."""
    if not _needs_conversion(text):
        return text
    converted = _converter(_REVERSE.get(variant or "s2t", "t2s")).convert(text)
    return _converter("t2s").convert(converted) if variant in PHRASE_VARIANTS else converted


def _dictionary(name: str) -> list[tuple[str, list[str]]]:
    """The entries of one of OpenCC's dictionary files: key, then its values, best first."""
    import importlib.resources

    resource = importlib.resources.files("opencc") / "dictionary" / name
    entries = []
    for line in resource.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            entries.append((key, values.split(" ")))
    return entries


@cache
def _fold_table() -> dict[int, str]:
    """The character map behind ``fold``; every value is one character."""
    # Every pair of spellings OpenCC knows (traditional/simplified, variant/standard) joins two
    # characters into one class; each class folds to one member, a simplified one if it has one.
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.get(char, char) != char:
            char = parent[char]
        return char

    traditional: set[str] = set()
    for name in (*_FOLD_TABLES, _ST_TABLE):
        for key, values in _dictionary(name):
            if name == "TSCharacters.txt":
                traditional.add(key)
            for value in values:
                if len(key) == 1 and len(value) == 1 and key != value:
                    a, b = sorted((root(key), root(value)))
                    if a != b:
                        parent[b] = a
    classes: dict[str, list[str]] = {}
    for char in parent:
        classes.setdefault(root(char), []).append(char)
    table: dict[int, str] = {}
    for top, members in classes.items():
        members.append(top)
        best = min(members, key=lambda char: (char in traditional, char))
        for char in members:
            if char != best:
                table[ord(char)] = best
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII, as typed by Chinese input methods
        table[code] = chr(code - 0xFEE0).lower()
    table[0x3000] = " "
    return table


def fold(text: str) -> str:
    """Reduce text in either script to one comparable form, one character for one."""
    return text.translate(_fold_table())
