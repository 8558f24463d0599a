"""Tests for CJK-aware line breaking: labelled layouts, kinsoku, whole words, invariants."""

from __future__ import annotations

import re
import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from paper_tui.text.wrap import CLOSING, OPENING, SPACES, wrap, wrap_spans

SEED = Path(__file__).resolve().parents[2] / "seeds" / "pinghu-2025-02-page1.txt"


def squeeze(text: str) -> str:
    """``text`` without the characters a break may drop (spaces) or consume (newlines)."""
    return "".join(char for char in text if char not in SPACES and char != "\n")


def kinsoku_violations(lines: list[str]) -> list[str]:
    """Lines that start with closing or end with opening punctuation (first/last line exempt)."""
    bad = [line for line in lines[1:] if line and line[0] in CLOSING]
    return bad + [line for line in lines[:-1] if line and line[-1] in OPENING]


# --- labelled layouts (CJK characters and full-width punctuation are 2 cells, ASCII 1) ---------


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # 本报讯 + space + 连 = 9 cells; 日 would make 11. 日来，嘉兴 = 10, 市 would make 12.
        ("本报讯 连日来，嘉兴市政协主席", 10, ["本报讯 连", "日来，嘉兴", "市政协主席"]),
        # 连日来 fills 6 cells and '，' may not start the next line, so 来 goes down with it.
        ("连日来，嘉兴", 6, ["连日", "来，嘉", "兴"]),
        # 中文“六 is 7 cells; the line may not end with “, so “ goes down with 六.
        ("中文“六干”", 6, ["中文", "“六干”"]),
        # 能 ends at 14 cells; …… may neither start a line nor be split, so 能…… goes down.
        ("注入更强劲动能……”天气", 14, ["注入更强劲动", "能……”天气"]),
        ("注入更强劲动能……”天气", 15, ["注入更强劲动", "能……”天气"]),
        ("注入更强劲动能……”天气", 17, ["注入更强劲动能……”", "天气"]),
        # 高效 N型 210 is exactly 12 cells; the break at a space drops the space.
        (
            "高效 N型 210 单晶 TOPCon 太阳能电池片",
            12,
            ["高效 N型 210", "单晶 TOPCon", "太阳能电池片"],
        ),
        (
            "高效 N型 210 单晶 TOPCon 太阳能电池片",
            8,
            ["高效 N型", "210 单晶", "TOPCon", "太阳能电", "池片"],
        ),
        # 我市2025 fits 8 cells, but a number stays with the unit after it: 2025年度 = 8 cells.
        ("我市2025年度", 8, ["我市", "2025年度"]),
        # 863.7 stays whole (and with 亿); 863.7亿 = 7 cells, 元 would make 9.
        ("总投资863.7亿元", 8, ["总投资", "863.7亿", "元"]),
        # 员工到岗率已达 95 would be 17 cells; 95% stays whole and '，' follows it down.
        ("员工到岗率已达 95%，新的一年", 16, ["员工到岗率已达", "95%，新的一年"]),
        ("aaa bbb ccc", 7, ["aaa bbb", "ccc"]),
        ("aaa    bbb", 5, ["aaa", "bbb"]),
        ("e-mail 2025-2027 3.14", 9, ["e-mail", "2025-2027", "3.14"]),
    ],
)
def test_labelled_layouts(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, width) == expected


def test_empty_and_blank_text_is_one_empty_line() -> None:
    assert wrap("", 10) == [""]
    assert wrap_spans("", 10) == [(0, 0)]
    assert wrap("   \u3000 ", 10) == [""]


def test_newlines_force_breaks_and_keep_empty_lines() -> None:
    assert wrap("第一行\n\n第三行", 20) == ["第一行", "", "第三行"]
    assert wrap_spans("第一行\n\n第三行", 20) == [(0, 3), (4, 4), (5, 8)]
    assert wrap("abc \r\n  def\n", 20) == ["abc", "def", ""]


def test_spans_index_the_lines_without_the_dropped_spaces() -> None:
    text = "本报讯  连日来，嘉兴市 TOPCon 政协主席"
    spans = wrap_spans(text, 10)
    assert [text[start:end] for start, end in spans] == wrap(text, 10)
    # 本报讯 + two spaces + 连 is exactly 10 cells; the space after TOPCon (index 19) is dropped.
    assert spans == [(0, 6), (6, 11), (11, 19), (20, 24)]


def test_narrow_widths_are_treated_as_two() -> None:
    assert wrap("中文", 1) == wrap("中文", 0) == wrap("中文", 2) == ["中", "文"]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # No legal break at all: cut hard at the width rather than overflow or loop.
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("。。。。", 2, ["。", "。", "。", "。"]),
        # A hard cut inside a word still avoids starting a line with '.'.
        ("ab.cdef", 2, ["a", "b.", "cd", "ef"]),
        # Words longer than the width get lines of their own before being cut.
        ("中 supercalifragilistic", 10, ["中", "supercalif", "ragilistic"]),
    ],
)
def test_hard_breaks(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, width) == expected


def test_emoji_sequences_are_measured_like_rich() -> None:
    for text in ("❤\ufe0f❤\ufe0f❤\ufe0f", "👨\u200d👩\u200d👧中文", "e\u0301" * 9):
        for width in range(2, 8):
            lines = wrap(text, width)
            assert all(cell_len(line) <= width for line in lines)
            assert "".join(lines) == text


# --- kinsoku and whole words -------------------------------------------------------------------

PUNCTUATED = (
    "“今年的目标产值有多少？”“需要党委政府做点什么？”在浙江博亚精密机械有限公司，陈利众边走"
    "边看，详细听取企业总体发展、业务布局等情况。为平湖经开的经济社会发展注入更强劲动能……”"
    "天气虽冷，但奋斗热情不减。平湖经济技术开发区（钟埭街道）党工委书记——何苗的话掷地有声。"
)


@pytest.mark.parametrize("width", range(2, 61))
def test_kinsoku_holds_in_punctuated_text(width: int) -> None:
    lines = wrap(PUNCTUATED, width)
    assert all(cell_len(line) <= width for line in lines)
    assert squeeze("".join(lines)) == squeeze(PUNCTUATED)
    if width >= 6:
        assert not [line for line in lines if line[0] in "，。”？）—…"]
        assert not [line for line in lines if line[-1] in "“（"]
        assert not kinsoku_violations(lines)
        assert "……" in "\n".join(lines) and "——" in "\n".join(lines)


WHOLE = (
    "高效 N型 210 单晶 TOPCon 太阳能电池片，将在2025年迎来产值突破，总投资863.7亿元，增长10.1%。"
)


@pytest.mark.parametrize("width", range(8, 50))
def test_latin_words_and_numbers_stay_whole(width: int) -> None:
    lines = wrap(WHOLE, width)
    for token in ("TOPCon", "2025年", "863.7", "10.1%", "210"):
        assert any(token in line for line in lines), (token, lines)


# --- properties --------------------------------------------------------------------------------

IDEOGRAPHS = "本报讯连日来嘉兴市政协主席平湖经开区项目投资かなカナ한글"
PUNCTUATION = sorted(OPENING | CLOSING)

cjk_runs = st.text(st.sampled_from(IDEOGRAPHS), min_size=1, max_size=12)
words = st.from_regex(r"[A-Za-z][A-Za-z'_-]{0,14}", fullmatch=True)
numbers = st.from_regex(r"[0-9]{1,6}([.,:/-][0-9]{1,4})?%?", fullmatch=True)
oddities = st.sampled_from(["😀", "❤\ufe0f", "👍🏽", "e\u0301", "👨\u200d👩", "\u200b", "\t", "ｱ"])
anything = st.lists(
    st.one_of(
        cjk_runs,
        words,
        numbers,
        st.text(st.sampled_from(PUNCTUATION), min_size=1, max_size=4),
        st.sampled_from([" ", "  ", "\u3000", "\n"]),
        oddities,
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400)
@given(text=anything, width=st.integers(2, 120))
def test_lines_fit_and_lose_nothing(text: str, width: int) -> None:
    spans = wrap_spans(text, width)
    lines = wrap(text, width)
    assert lines == [text[start:end] for start, end in spans]
    assert all(cell_len(line) <= width for line in lines)
    assert squeeze("".join(lines)) == squeeze(text)
    # Spans ascend and only spaces and newlines fall between them.
    assert len(lines) >= text.count("\n") + 1
    previous = 0
    for start, end in spans:
        assert previous <= start <= end
        assert not squeeze(text[previous:start])
        previous = end
    assert not squeeze(text[previous:])
    for line in lines:
        assert "\n" not in line
        assert not line or (line[0] not in SPACES and line[-1] not in SPACES)


def chunked_text(run: int) -> st.SearchStrategy[str]:
    """Words, numbers and CJK runs wrapped in at most ``run`` opening and closing marks each."""
    chunk = st.tuples(
        st.text(st.sampled_from(sorted(OPENING)), max_size=run),
        st.one_of(cjk_runs, words, numbers),
        st.text(st.sampled_from(sorted(CLOSING)), max_size=run),
    ).map("".join)
    joined = st.lists(st.tuples(chunk, st.sampled_from(["", "", " "])), min_size=1, max_size=40)
    return joined.map(lambda pairs: "".join(chunk + gap for chunk, gap in pairs))


@settings(max_examples=300)
@given(data=st.data(), run=st.sampled_from([1, 2]))
def test_kinsoku_holds_when_punctuation_runs_are_short(data: st.DataObject, run: int) -> None:
    # With at most `run` marks on each side of a chunk, the longest stretch with no legal break
    # inside is `run` openers, one character and `run` closers: 2 * (2 * run + 1) cells at most.
    # Any wider line always has a legal break, so kinsoku must hold.
    text = data.draw(chunked_text(run))
    width = data.draw(st.integers(2 * (2 * run + 1), 120))
    lines = wrap(text, width)
    assert not kinsoku_violations(lines)
    assert squeeze("".join(lines)) == squeeze(text)


@given(
    text=st.text(st.sampled_from(IDEOGRAPHS), min_size=1, max_size=400), width=st.integers(2, 120)
)
def test_pure_cjk_fills_every_line_but_the_last(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) == width - width % 2 for line in lines[:-1])
    assert 0 < cell_len(lines[-1]) <= width
    assert "".join(lines) == text


# --- the sample page ----------------------------------------------------------------------------


def seed_paragraphs() -> list[str]:
    """Each blank-line-separated block of the sample page, its lines joined without separators."""
    blocks = re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))
    return [paragraph for block in blocks if (paragraph := "".join(block.split("\n")).strip())]


# What cannot be split from the start of a line: opening marks, then a Latin word or a number
# (with the unit character a number keeps) or else one character, then closing marks.
LEADING_UNIT = re.compile(
    f"[{re.escape(''.join(OPENING))}]*"
    r"(?:[0-9A-Za-z][0-9A-Za-z.,%:/_'-]*(?<=[0-9])[^\x00-\x7f“‘（《]|[0-9A-Za-z][0-9A-Za-z.,%:/_'-]*|.)"
    f"[{re.escape(''.join(CLOSING))}]*"
)


@pytest.mark.parametrize("width", range(20, 101))
def test_sample_page_paragraphs(width: int) -> None:
    for paragraph in seed_paragraphs():
        spans = wrap_spans(paragraph, width)
        lines = [paragraph[start:end] for start, end in spans]
        assert squeeze("".join(lines)) == squeeze(paragraph)
        assert all(cell_len(line) <= width for line in lines)
        assert not kinsoku_violations(lines), lines
        for (start, end), (following, _) in pairwise(spans):
            # Greedy: this line, the spaces dropped after it and whatever cannot be split from
            # the start of the next line would not have fitted together.
            unit = LEADING_UNIT.match(paragraph, following)
            assert unit
            assert cell_len(paragraph[start : unit.end()]) > width, (width, lines)
            # Short by more than 4 cells only for a Latin word or a number, or for a run of
            # punctuation kinsoku keeps with its character (稿）》；, “稳”。).
            if width - cell_len(paragraph[start:end]) > 4:
                held = unit.group()
                assert re.search("[0-9A-Za-z]", held) or len(held) >= 3, (width, lines)


def test_a_200_kb_paragraph_wraps_in_well_under_a_second() -> None:
    paragraph = "".join(seed_paragraphs())
    paragraph = (paragraph * (200_000 // len(paragraph) + 1))[:200_000]
    began = time.perf_counter()
    lines = wrap(paragraph, 80)
    elapsed = time.perf_counter() - began
    assert squeeze("".join(lines)) == squeeze(paragraph)
    assert elapsed < 1.0
