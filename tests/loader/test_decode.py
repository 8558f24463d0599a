"""Tests for paper_tui.loader.decode: encodings, cleaning, rejections and page splitting."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from paper_tui.loader.decode import BINARY, EMPTY, GARBLED, Decoded, decode, split_pages
from paper_tui.loader.errors import LoadError

SEED = Path(__file__).parents[2] / "seeds" / "pinghu-2025-02-page1.txt"

SIMPLIFIED = (
    "本报讯 连日来，市领导带队来平开展主题实践活动，走进企业生产车间和研发中心，\n"
    "实地了解去年企业生产经营状况和今年发展规划。\n"
    "记者 张明 李华\n"
    "今年是全面建设社会主义现代化国家的关键一年，\n"
    "各地各部门要把发展经济的着力点放在实体经济上。\n"
)
TRADITIONAL = (
    "本報訊 連日來，市領導帶隊來平開展主題實踐活動，走進企業生產車間和研發中心，\n"
    "實地瞭解去年企業生產經營狀況和今年發展規劃。\n"
    "記者 張明 李華\n"
    "今年是全面建設社會主義現代化國家的關鍵一年，\n"
    "各地各部門要把發展經濟的著力點放在實體經濟上。\n"
)
ENGLISH = (
    "The city council met on Tuesday to discuss the budget for 2025.\n"
    "Members agreed that the new library would open in March, and that\n"
    'bus fares would stay at 2 yuan. "We listened to residents," the mayor said.\n'
)
# The first lines of a pdftotext extraction from a PDF whose fonts have no ToUnicode map
# (Henan Shangbao, 29 Dec 2009, page C01): glyph ids come out as ASCII and Latin-1 characters.
MOJIBAKE = r"""%& '( )*+ ,- ./
0-
!" #
12 3# 456
789:
"#$%&'$$( )''*
0 1 " 2 ; #0 < 0 2 =
$%&'&(()*+,&%++((-',./
>? !"#$!%&
& ÈgGH¡¢Þß\àáâkãä%¡¢åæçèÍ$ égêëìPGH%íîï7
8H9Tð\ñòó¡¢%ôõö÷øTpq¡¢ùú$ 'êëìPGHxyûüµýþTÿ~
+,%-./ñòó
0123êëìPûüµýþT%
"""


def _message(data: bytes) -> str:
    with pytest.raises(LoadError) as caught:
        decode(data)
    return caught.value.message


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", id="utf-8"),
        pytest.param(SIMPLIFIED.encode("utf-8-sig"), SIMPLIFIED, "utf-8-sig", id="utf-8-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16", id="utf-16-native"),
        pytest.param(
            b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16", id="utf-16-le"
        ),
        pytest.param(
            b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16", id="utf-16-be"
        ),
        pytest.param(SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030", id="gb18030"),
        pytest.param(SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030", id="gbk"),
        pytest.param(TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030", id="gbk-traditional"),
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, "big5", id="big5"),
        pytest.param("記者 張明 李華".encode("big5"), "記者 張明 李華", "big5", id="big5-one-line"),
        pytest.param(
            "记者 张明 李华".encode("gb18030"), "记者 张明 李华", "gb18030", id="gb-one-line"
        ),
        pytest.param(
            "生僻字：㐀㐁，欧元€".encode("gb18030"),
            "生僻字：㐀㐁，欧元€",
            "gb18030",
            id="gb18030-4-byte",
        ),
        pytest.param(
            ("Page A07 " * 300 + "\n本报讯 市领导开展活动。\n").encode("gb18030"),
            "Page A07 " * 300 + "\n本报讯 市领导开展活动。\n",
            "gb18030",
            id="gbk-mostly-ascii",
        ),
        pytest.param(ENGLISH.encode("ascii"), ENGLISH, "utf-8", id="ascii-english"),
    ],
)
def test_decode_detects_encoding(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, encoding, ())


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_seed_page_round_trips_through_every_encoding(codec: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == codec
    assert decoded.warnings == ()


def test_seed_page_decodes_as_utf8() -> None:
    decoded = decode(SEED.read_bytes())
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(" ■记者 居丹荔 林旭东\n\n嘉兴市领导来平开展\n")


# --- damaged bytes ---------------------------------------------------------------------------


def _overwrite(data: bytes, positions: range, value: int = 0xFF) -> bytes:
    damaged = bytearray(data)
    for position in positions:
        damaged[position] = value
    return bytes(damaged)


@pytest.mark.parametrize(
    ("data", "encoding", "replaced"),
    [
        pytest.param(
            _overwrite(SEED.read_bytes(), range(1000, 19_000, 1000)),
            "utf-8",
            None,
            id="utf-8-few-bad",
        ),
        pytest.param(
            _overwrite(SIMPLIFIED.encode() * 20, range(100, 3000, 50)),
            "utf-8",
            None,
            id="utf-8-2pct-bad",
        ),
        pytest.param(
            ENGLISH.encode() + b"caf\xe9 au lait\n", "utf-8", 1, id="latin-1-byte-in-ascii"
        ),
        pytest.param(SIMPLIFIED.encode("gb18030") + b"\xd6", "gb18030", 1, id="gbk-cut-off"),
        pytest.param(TRADITIONAL.encode("big5") + b"\xa4", "big5", 1, id="big5-cut-off"),
        pytest.param(SIMPLIFIED.encode("utf-16") + b"\x00", "utf-16", 1, id="utf-16-odd-length"),
        pytest.param(
            SIMPLIFIED.encode("utf-8-sig") + b"\xe4\xb8", "utf-8-sig", 1, id="bom-cut-off"
        ),
        pytest.param(
            _overwrite(TRADITIONAL.encode("big5") * 5, range(7, 900, 60), 0x7F),
            "big5",
            None,
            id="big5-few-bad",
        ),
        pytest.param(
            _overwrite(SIMPLIFIED.encode("gb18030") * 5, range(7, 900, 60), 0x7F),
            "gb18030",
            None,
            id="gbk-few-bad",
        ),
    ],
)
def test_damaged_bytes_are_replaced_with_a_warning(
    data: bytes, encoding: str, replaced: int | None
) -> None:
    decoded = decode(data)
    count = decoded.text.count("\ufffd")
    assert decoded.encoding == encoding
    assert count > 0
    assert replaced is None or count == replaced
    noun = "sequence" if count == 1 else "sequences"
    assert decoded.warnings == (f"{count} undecodable byte {noun} replaced (shown as \ufffd)",)


def test_latin1_text_is_not_read_as_hanzi() -> None:
    # GB18030 would decode "r\xe9uni" without error, as "r" plus a random ideograph.
    french = "Le conseil s'est réuni mardi. Le café reste ouvert toute l'année.\n"
    decoded = decode(french.encode("latin-1"))
    assert decoded.encoding == "utf-8"
    assert decoded.text == french.replace("é", "\ufffd")
    assert decoded.warnings == ("3 undecodable byte sequences replaced (shown as \ufffd)",)


def test_damaged_utf8_keeps_the_undamaged_text() -> None:
    data = SIMPLIFIED.encode()
    damaged = data[:3] + b"\xff" + data[3:]
    assert decode(damaged).text == SIMPLIFIED[:1] + "\ufffd" + SIMPLIFIED[1:]


# --- cleaning --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        pytest.param("标题\r\n正文\r\n", "标题\n正文\n", id="crlf"),
        pytest.param("标题\r正文\r", "标题\n正文\n", id="lone-cr"),
        pytest.param("标题\r\r\n正文", "标题\n\n正文", id="cr-crlf"),
        pytest.param("标题\u2028正文\u2029", "标题\n正文\n", id="unicode-line-separators"),
        pytest.param("标题\x1b[31m红\x1b[0m", "标题红", id="ansi-colour"),
        pytest.param("\x1b[1;33;41m警告\x1b[m正文", "警告正文", id="ansi-multi-param"),
        pytest.param("\x1b[?25l正文\x1b[2J\x1b[H", "正文", id="ansi-private-and-cursor"),
        pytest.param("\x1b]0;窗口标题\x07正文", "正文", id="osc-bel"),
        pytest.param(
            "\x1b]8;;http://x.cn\x1b\\链接\x1b]8;;\x1b\\正文", "链接正文", id="osc-hyperlink"
        ),
        pytest.param("\x1b]0;title\n正文", "\n正文", id="osc-unterminated-stops-at-line-end"),
        pytest.param("\x1b(B正文\x1b7\x1bc", "正文", id="two-byte-escapes"),
        pytest.param("正文\x1b", "正文", id="lone-esc"),
        pytest.param("第一\t第二", "第一 第二", id="tab-to-space"),
        pytest.param("标题\f正文\f", "标题\f正文\f", id="form-feeds-kept"),
        pytest.param(
            SIMPLIFIED + "正\x07文\x08内\x0b容", SIMPLIFIED + "正文内容", id="c0-controls"
        ),
        pytest.param("正\x7f文\x85内\x9b容", "正文内容", id="del-and-c1"),
        pytest.param("正\u200b文\ufeff内\u2060容", "正文内容", id="zero-width"),
        pytest.param("\u202e正文\u202c\u2066内容\u2069\u200f", "正文内容", id="bidi"),
        pytest.param(
            "\u3000\u3000正文　内容", "\u3000\u3000正文　内容", id="ideographic-space-kept"
        ),
        pytest.param(
            "﹃不平衡不充分的发展﹄︐正文︒",
            "“不平衡不充分的发展”，正文。",
            id="vertical-marks-upright",
        ),
        pytest.param("﹁﹂︙︵︶", "‘’…（）", id="vertical-marks-in-a-row"),
        pytest.param("\ufe30正文\ufe4f", "\ufe30正文\ufe4f", id="other-vertical-forms-kept"),
    ],
)
def test_decode_cleans_text(raw: str, text: str) -> None:
    assert decode(raw.encode("utf-8")).text == text


def test_cleaning_applies_to_utf16_and_gbk() -> None:
    raw = "标题\x1b[31m红\x1b[0m\r\n正\u200b文\r\n"
    assert decode(raw.encode("utf-16")).text == "标题红\n正文\n"
    assert decode(raw.replace("\u200b", "").encode("gb18030")).text == "标题红\n正文\n"


# --- rejections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", EMPTY, id="empty"),
        pytest.param(b" \n\t\r\n  \n", EMPTY, id="whitespace"),
        pytest.param(b"\f\n\f\n", EMPTY, id="form-feeds-only"),
        pytest.param(b"\xef\xbb\xbf", EMPTY, id="utf-8-bom-only"),
        pytest.param(b"\xff\xfe", EMPTY, id="utf-16-bom-only"),
        pytest.param("\u3000\u3000\n".encode(), EMPTY, id="ideographic-spaces-only"),
        pytest.param(b"\x1b[0m\x1b[2J\n", EMPTY, id="escapes-only"),
        pytest.param("标题\x00正文".encode(), BINARY, id="nul-byte"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BINARY, id="png"),
        pytest.param(b"\x01\x02\x03abcdef\n" * 50, BINARY, id="control-bytes"),
        pytest.param(("标题\x00正文" * 10).encode("utf-16"), BINARY, id="utf-16-nul-char"),
        pytest.param(b"\xff\xfe\x00\x00" + "正文".encode("utf-32-le"), BINARY, id="utf-32"),
        pytest.param(MOJIBAKE.encode("utf-8"), GARBLED, id="mojibake-utf-8"),
        pytest.param(MOJIBAKE.encode("latin-1"), GARBLED, id="mojibake-latin-1"),
        pytest.param(MOJIBAKE.split("\n&")[0].encode(), GARBLED, id="mojibake-ascii-only"),
        pytest.param(b"!!! ??? ... --- ***\n", GARBLED, id="punctuation-only"),
        pytest.param(b"xq zrt gGH pqHITxy BcD\n", GARBLED, id="consonant-runs"),
        pytest.param(("\ue000\ue001\ue002 \ue003\n" * 20).encode(), GARBLED, id="private-use"),
        pytest.param(("\ufffd" * 40 + "正文").encode(), GARBLED, id="replacement-chars"),
    ],
)
def test_decode_rejects(data: bytes, message: str) -> None:
    assert _message(data) == message


def test_messages_are_one_short_line() -> None:
    for message in (EMPTY, BINARY, GARBLED):
        assert "\n" not in message
        assert len(message) <= 80


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(ENGLISH, id="english"),
        pytest.param("GDP up 5.2% in 2024\n", id="acronym-and-number"),
        pytest.param("2025年2月8日 星期六\n", id="date-line"),
        pytest.param("“六干争先”——主题实践活动……\n", id="cjk-punctuation"),
        pytest.param("A07 | 要闻 | 责编：王明\n", id="page-header"),
        pytest.param(SIMPLIFIED + "\x01" + SIMPLIFIED, id="one-stray-control"),
    ],
)
def test_decode_accepts_readable_text(text: str) -> None:
    assert decode(text.encode()).text == text.replace("\x01", "")


def test_readability_is_judged_on_a_sample_of_large_files() -> None:
    # A page that starts readable is kept even when garbage follows far past the sample.
    text = SIMPLIFIED * 400 + MOJIBAKE * 200
    assert decode(text.encode()).text == text


# --- result type -----------------------------------------------------------------------------


def test_decoded_is_frozen() -> None:
    decoded = decode(b"ok\n")
    assert decoded == Decoded("ok\n", "utf-8", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        decoded.text = "changed"  # type: ignore[misc]


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("a\nb\n", [(1, ["a", "b"])], id="one-page"),
        pytest.param("a\nb", [(1, ["a", "b"])], id="no-final-newline"),
        pytest.param("a\n\n\nb\n", [(1, ["a", "", "", "b"])], id="blank-lines-kept"),
        pytest.param("a\nb\n\f", [(1, ["a", "b"])], id="trailing-form-feed"),
        pytest.param("a\nb\n\f\n \n\f", [(1, ["a", "b"])], id="trailing-blank-pages"),
        pytest.param("a\nb\n\fc\nd\n\f", [(1, ["a", "b"]), (3, ["c", "d"])], id="two-pages"),
        pytest.param("a\n\f\fb\n\f", [(1, ["a"]), (2, []), (2, ["b"])], id="blank-page-inside"),
        pytest.param("\fa\n", [(1, []), (1, ["a"])], id="blank-first-page"),
        pytest.param("a\fb\n", [(1, ["a"]), (1, ["b"])], id="form-feed-mid-line"),
        pytest.param("a\n\n\fb\n", [(1, ["a", ""]), (3, ["b"])], id="blank-line-before-break"),
    ],
)
def test_split_pages(text: str, pages: list[tuple[int, list[str]]]) -> None:
    assert split_pages(text) == pages


@pytest.mark.parametrize(
    "text",
    ["a\nb\n\fc\nd\n\f", "x\n\n\f\fy\nz\f\n", "a\fb\fc\n\nd\n\f", SIMPLIFIED + "\f" + TRADITIONAL],
)
def test_split_pages_numbers_lines_as_in_the_whole_text(text: str) -> None:
    whole = text.split("\n")
    for first, lines in split_pages(text):
        for offset, line in enumerate(lines):
            assert line in whole[first - 1 + offset]


def test_decoded_pdftotext_output_splits_into_pages() -> None:
    data = (SIMPLIFIED + "\f" + TRADITIONAL + "\f").replace("\n", "\r\n").encode("utf-16")
    pages = split_pages(decode(data).text)
    assert [first for first, _ in pages] == [1, 6]
    assert pages[0][1] == SIMPLIFIED.splitlines()
    assert pages[1][1] == TRADITIONAL.splitlines()
