"""Bytes of a pdftotext file in, clean text out, or a one-line reason why the file is no page.

pdftotext writes UTF-8, but pages also arrive re-saved as GB18030/GBK, Big5 or UTF-16, with CRLF
line ends, terminal colour codes and invisible characters. ``decode`` picks the encoding (byte
order mark, then strict UTF-8, then whichever of GB18030 and Big5 yields more common Chinese
characters, else UTF-8 with replacement characters), normalises line ends, removes what a
terminal would act on or not show, and raises ``LoadError`` for files that are empty, binary or
garbled beyond reading. Form feeds, which pdftotext writes between PDF pages, are kept;
``split_pages`` cuts the text at them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from paper_tui.loader.chars import CJK_PUNCT, CJK_RANGES, LazyPattern
from paper_tui.loader.errors import LoadError

EMPTY: Final = "empty file"
BINARY: Final = "binary file, not text"
GARBLED: Final = "no readable text: the PDF's fonts have no Unicode map (garbled extraction)"

# More C0 control characters than this share of all characters (besides \t \n \r \f and the ESC
# and BEL of terminal escape sequences) means binary data: text has none, random bytes ~10%.
BINARY_CONTROL_SHARE: Final = 0.05
# A file is damaged UTF-8 (a bad sector, a cut-off download) when its valid multibyte UTF-8
# characters outnumber the invalid sequences by this factor. GBK and Big5 text fail on most of
# their characters and form valid UTF-8 only by chance: 0.05-0.25 valid per invalid in the corpus,
# against about 10 for UTF-8 pages with 2% of their bytes overwritten.
UTF8_VALID_PER_ERROR: Final = 2
# A GB18030 or Big5 decoding is Chinese when at least this share of its non-ASCII characters are
# among the common hanzi below: 0.40-0.68 for corpus pages decoded right, under 0.06 for pages
# decoded with the other codec and under 0.01 for Latin-1 bytes read as GB18030.
COMMON_SHARE: Final = 0.1
# Ideographs, CJK punctuation and plausible ASCII words must make up at least this share of the
# non-space characters. Corpus pages score 0.93-1.0 and English prose about 0.9; the glyph-id
# mojibake of a PDF whose fonts have no ToUnicode map (Henan Shangbao 2009-12-29 C01) scores 0.16.
READABLE_SHARE: Final = 0.3
# Encoding scores and the readability share are measured on this many leading characters.
SAMPLE_CHARS: Final = 20_000

_BOMS: Final = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CJK_CODECS: Final = ("gb18030", "big5")

# The 300 most frequent simplified characters (Jun Da's modern Chinese frequency list) and the
# traditional forms of those that differ, in both the OpenCC (爲, 裏) and Taiwan (為, 裡) forms.
_COMMON_SIMPLIFIED: Final = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过"
    "发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本"
    "前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很"
    "最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度"
    "门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电"
    "数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马"
    "科司五基眼书非则听白却界达光放强即像难且权思王象"
)
_COMMON_TRADITIONAL: Final = (
    "這個們來爲為國說時會對於著過發後裏裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應"
    "戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權"
)
_COMMON_HANZI: Final = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL)

_C0_CONTROL: Final = re.compile("[\x00-\x06\x08\x0b\x0e-\x1a\x1c-\x1f]")
_NEWLINE: Final = re.compile("\r\n?|[\u2028\u2029]")
# CSI (colours, cursor moves), then OSC/DCS/PM/APC strings up to BEL or ST, then the two- and
# three-byte escapes (charset selection, save cursor, reset). An unterminated string stops at
# the line end, so a stray ESC ] cannot swallow the rest of the page.
_ESCAPE: Final = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]"
)
# Controls other than \t \n \f, DEL and C1; zero-width space, word joiner and BOM, which
# pdftotext leaves between glyphs of some fonts; bidi marks, overrides and isolates.
_INVISIBLE: Final = re.compile(
    "[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
# Non-ASCII characters that are not CJK text: the Latin-1 letters, symbols, private-use glyphs
# and U+FFFD of garbled extractions. No-break and ideographic spaces count as blank instead.
_FOREIGN: Final = LazyPattern(f"[^\\x00-\\xa0{CJK_RANGES}{CJK_PUNCT}\U00020000-\U0003134f]")
_BLANKS: Final = (" ", "\n", "\f", "\xa0", "\u3000")
# Every byte but ASCII letters and digits becomes a space, so bytes.split() yields alphanumerics.
_ALNUM_ONLY: Final = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
_ALNUM_PART: Final = re.compile(rb"[0-9]+|[A-Za-z]+")
# A word is two or more letters with a vowel, in lower, Capitalised or UPPER case: "the", "China",
# "NASA" count; the "gGH", "EFGHpq" and "pqHITxy" of glyph-id mojibake do not.
_WORD_SHAPE: Final = re.compile(rb"(?=[A-Za-z]*[AEIOUYaeiouy])(?:[A-Z]?[a-z]+|[A-Z]{2,})")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded file: clean text ('\\n' line ends, '\\f' page breaks) and how it was read."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode and clean the bytes of a text file; raise LoadError when they are not a page."""
    if not data.strip():
        raise LoadError(EMPTY)
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    # UTF-16 holds a NUL in every ASCII character; any other text with NUL bytes is binary.
    if codec != "utf-16" and b"\x00" in data:
        raise LoadError(BINARY)
    if codec is None:
        text, codec, replaced = _guess(data)
    else:
        text, replaced = _decode(data, codec)
    if "\x00" in text or len(_C0_CONTROL.findall(text)) > BINARY_CONTROL_SHARE * len(text):
        raise LoadError(BINARY)
    text = _clean(text)
    if not text.strip():
        raise LoadError(EMPTY)
    if _readable_share(text) < READABLE_SHARE:
        raise LoadError(GARBLED)
    warnings: tuple[str, ...] = ()
    if replaced:
        noun = "sequence" if replaced == 1 else "sequences"
        warnings = (f"{replaced} undecodable byte {noun} replaced (shown as \ufffd)",)
    return Decoded(text, codec, warnings)


def split_pages(text: str) -> list[tuple[int, list[str]]]:
    """Split text at form feeds into pages: (1-based number of the page's first line, its lines)."""
    pages: list[tuple[int, list[str]]] = []
    blank: list[bool] = []
    first = 1
    for chunk in text.split("\f"):
        lines = chunk.split("\n") if chunk else []
        if chunk.endswith("\n"):
            # The newline ends the page's last line; it does not open an empty one.
            lines.pop()
        pages.append((first, lines))
        blank.append(not chunk.strip())
        first += chunk.count("\n")
    # pdftotext ends every page with a form feed, so the file ends with one: what follows the
    # last form feed is not a page unless it holds text.
    while blank and blank[-1]:
        blank.pop()
        pages.pop()
    return pages


# Vertical presentation forms from headlines set top to bottom (﹃不平衡不充分的发展﹄), mapped
# to the marks they stand for: ﹃﹄﹁﹂ are the mainland's vertical quotation marks “”‘’.
_VERTICAL_FORMS: Final = str.maketrans(
    "﹃﹄﹁﹂︐︑︒︓︔︕︖︙︵︶︷︸︹︺︽︾︿﹀﹇﹈",
    "“”‘’，、。：；！？…（）｛｝〔〕《》〈〉［］",
)


# The block of the vertical forms above.
_VERTICAL: Final = re.compile("[\ufe10-\ufe4f]+")


def _clean(text: str) -> str:
    """Normalise line ends to '\\n' and remove escape sequences, controls and invisible marks."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = _NEWLINE.sub("\n", text)
    if "\x1b" in text:
        text = _ESCAPE.sub("", text)
    text = _INVISIBLE.sub("", text).replace("\t", " ")
    # Only the marks are looked up: translating a whole page char by char costs 30 times more.
    return _VERTICAL.sub(_upright, text)


def _upright(mark: re.Match[str]) -> str:
    return mark.group().translate(_VERTICAL_FORMS)


def _readable_share(text: str) -> float:
    """The share of non-space characters that are CJK text or plausible ASCII words."""
    sample = text[:SAMPLE_CHARS]
    visible = len(sample) - sum(map(sample.count, _BLANKS))
    if visible <= 0:
        return 0.0
    # One byte per character, "?" for all that is not ASCII: counts and word boundaries survive.
    ascii_bytes = sample.encode("ascii", "replace")
    non_ascii = ascii_bytes.count(b"?") - sample.count("?")
    wide_blanks = sample.count("\xa0") + sample.count("\u3000")
    cjk = non_ascii - wide_blanks - len(_FOREIGN.findall(sample))
    words = sum(
        len(part)
        for token in ascii_bytes.translate(_ALNUM_ONLY).split()
        for part in _ALNUM_PART.findall(token)
        if part.isdigit() or _WORD_SHAPE.fullmatch(part)
    )
    return (cjk + words) / visible


def _decode(data: bytes, codec: str) -> tuple[str, int]:
    """Decode strictly if possible, else with replacement characters and their count."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        loose = data.decode(codec, "replace")
        return loose, len(loose) - len(data.decode(codec, "ignore"))


def _guess(data: bytes) -> tuple[str, str, int]:
    """Decode bytes without a byte order mark: the text, the codec used, the replacements."""
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    utf8, utf8_bad = _decode(data, "utf-8")
    utf8_multibyte = len(utf8) - len(utf8.encode("ascii", "ignore")) - utf8_bad
    if utf8_bad * UTF8_VALID_PER_ERROR <= utf8_multibyte:
        return utf8, "utf-8", utf8_bad
    # GB18030 decodes nearly any byte string and Big5 much of it, so the decoding with more common
    # hanzi wins; on a tie the strict one, then GB18030.
    decodings = [(codec, *_decode(data, codec)) for codec in _CJK_CODECS]
    scores = [(_score(text), bad == 0) for _, text, bad in decodings]
    best = max(range(len(decodings)), key=scores.__getitem__)
    codec, text, bad = decodings[best]
    sample = text[:SAMPLE_CHARS]
    if scores[best][0] >= COMMON_SHARE * (len(sample) - len(sample.encode("ascii", "ignore"))):
        return text, codec, bad
    # Not Chinese either: stray bytes in ASCII text, like the Latin-1 "\xe9" of "caf\xe9", or a
    # Latin-1 file. Replacement characters keep the ASCII readable, and the readability check
    # rejects a file that is mostly replacement characters.
    return utf8, "utf-8", utf8_bad


def _score(text: str) -> int:
    """How many of the leading characters are among the most common hanzi, either script."""
    return sum(map(_COMMON_HANZI.__contains__, text[:SAMPLE_CHARS]))
