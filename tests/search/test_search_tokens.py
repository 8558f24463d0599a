"""Tokens: character pairs for the index, and the FTS5 expressions that find them."""

from __future__ import annotations

import re
import sqlite3
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paper_tui.search.tokens import (
    chars,
    fold,
    grams,
    is_caseless,
    is_run,
    octs,
    quads,
    run_expression,
    runs,
    text_expression,
)

GRAM_CASES = [
    ("one character has no pair", "国", "·"),
    ("two characters", "中国", "中国 ·"),
    ("a phrase", "中国特色", "中国 国特 特色 ·"),
    ("punctuation separates runs", "项目，目标。", "项目 · 目标 ·"),
    ("line breaks separate runs", "中国\n特色", "中国 · 特色 ·"),
    ("Latin is lowered and paired", "GDP增长", "gd dp p增 增长 ·"),
    ("full-width digits are narrowed", "２０２５年", "20 02 25 5年 ·"),
    ("ideographic space separates", "中国\u3000特色", "中国 · 特色 ·"),
    ("quotes and operators are not tokens", '"AND" * (x)', "an nd · ·"),
    ("underscore separates", "a_b", "· ·"),
    ("nothing to index", "，。“”", ""),
    ("empty", "", ""),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in GRAM_CASES], ids=[c[0] for c in GRAM_CASES]
)
def test_grams(text: str, expected: str) -> None:
    assert grams(text) == expected


CHAR_CASES = [
    ("every letter and digit", "中国，特色", "中 国 特 色"),
    ("Latin folded", "ＧＤＰ 5G", "g d p 5 g"),
    ("nothing to index", "“”。", ""),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CHAR_CASES], ids=[c[0] for c in CHAR_CASES]
)
def test_chars(text: str, expected: str) -> None:
    assert chars(text) == expected


QUAD_CASES = [
    ("a run of four is one piece", "社会主义", "社会主义 ·"),
    (
        "overlapping pieces, then the separator",
        "中国特色社会",
        "中国特色 国特色社 特色社会 ·",
    ),
    (
        "runs under four characters give nothing",
        "中国，特色社会主义",
        "特色社会 色社会主 社会主义 ·",
    ),
    ("Latin folded", "ＧＤＰ增长", "gdp增 dp增长 ·"),
    ("nothing to index", "中国。特色", ""),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in QUAD_CASES], ids=[c[0] for c in QUAD_CASES]
)
def test_quads(text: str, expected: str) -> None:
    assert quads(text) == expected


def test_octs() -> None:
    assert octs("新时代中国特色社会主义，社会主义") == (
        "新时代中国特色社 时代中国特色社会 代中国特色社会主 中国特色社会主义 ·"
    )
    assert octs("中国特色社会主") == ""


EXPRESSION_CASES = [
    # Every kind of token is only in the columns of its own, so none needs a column filter.
    ("one character is one term of the character columns", "国", '"国"'),
    ("two characters are one pair", "中国", '"中国"'),
    ("three characters are a phrase of pairs", "高质量", '"高质 质量"'),
    ("four characters are one piece", "社会主义", '"社会主义"'),
    ("longer runs are a phrase of pieces", "高质量发展", '"高质量发 质量发展"'),
    ("eight characters are one piece of eight", "中国特色社会主义", '"中国特色社会主义"'),
    (
        "longer runs are a phrase of pieces of eight",
        "新时代中国特色社会主义",
        '"新时代中国特色社 时代中国特色社会 代中国特色社会主 中国特色社会主义"',
    ),
]


@pytest.mark.parametrize(
    ("run", "expected"), [c[1:] for c in EXPRESSION_CASES], ids=[c[0] for c in EXPRESSION_CASES]
)
def test_run_expression(run: str, expected: str) -> None:
    assert run_expression(run) == expected


def test_text_expression_joins_runs_and_ignores_punctuation() -> None:
    assert text_expression("项目,目标") == '("项目") AND ("目标")'
    assert text_expression('"*') is None


FOLD_CASES = [
    ("Latin lower case", "GDP", "gdp"),
    ("full-width letters", "ＧＤＰ", "gdp"),
    ("full-width punctuation", "项目，目标", "项目,目标"),
    ("Chinese unchanged", "润泽智算", "润泽智算"),
    ("a letter that grows when lowered keeps its length", "İ国", "İ国"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in FOLD_CASES], ids=[c[0] for c in FOLD_CASES]
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


def test_caseless() -> None:
    assert is_caseless("润泽")
    assert not is_caseless("5G")
    assert not is_caseless("项目，")


def _vocabulary(tokens: str) -> list[str]:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='ascii')")
    connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    connection.execute("INSERT INTO t VALUES (?)", (tokens,))
    return [term for (term,) in connection.execute("SELECT term FROM v ORDER BY offset")]


@pytest.mark.parametrize("make", [grams, chars, quads, octs])
def test_fts5_ascii_tokenizer_keeps_every_token_whole(make) -> None:
    text = "中国特色社会主义，GDP增长5G𠀀𠀁。ＡＢ"
    assert _vocabulary(make(text)) == make(text).split()


def _matches(text: str, query: str) -> bool:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5("
        "headline, body, headline_chars, body_chars, headline_quads, body_quads,"
        " headline_octs, body_octs, tokenize='ascii')"
    )
    connection.execute(
        "INSERT INTO t VALUES ('', ?, '', ?, '', ?, '', ?)",
        (grams(text), chars(text), quads(text), octs(text)),
    )
    expression = text_expression(fold(query))
    (count,) = connection.execute(
        "SELECT count(*) FROM t WHERE t MATCH ?", (expression,)
    ).fetchone()
    return bool(count == 1)


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("甲乙丙丁戊己", "乙丙丁戊", True),
        ("甲乙丙丁戊己", "甲乙丙丁戊己", True),
        ("甲乙丙丁戊己", "乙丙丁己", False),
        # A run's last piece and the next run's first one overlap as a phrase's would: the
        # separator between them keeps the phrase from running on.
        ("甲乙丙丁，乙丙丁戊", "甲乙丙丁戊", False),
        ("甲乙丙丁，乙丙丁戊", "乙丙丁戊", True),
        # Runs too short for a piece still separate the runs around them.
        ("甲乙丙丁，戊，乙丙丁戊", "甲乙丙丁戊", False),
        ("甲乙丙丁戊己庚辛壬", "乙丙丁戊己庚辛壬", True),
        ("甲乙丙丁戊己庚辛壬", "甲乙丙丁戊己庚辛壬", True),
        ("甲乙丙丁戊己庚辛，乙丙丁戊己庚辛壬", "甲乙丙丁戊己庚辛壬", False),
        # A character is found in the character columns only, not as a run's last.
        ("甲乙", "乙", True),
        ("甲乙", "丙", False),
        ("甲乙，丙", "乙丙", False),
    ],
)
def test_phrases_of_pieces_match_exactly(text: str, query: str, expected: bool) -> None:
    assert _matches(text, query) is expected


RUN = re.compile(r"[^\W_]+")


def test_a_run_is_made_of_what_isalnum_accepts_in_every_script() -> None:
    # Short text (a query) is cut with str.isalnum, long text with the regular expression.
    assert all(
        is_run(char) == bool(RUN.fullmatch(char)) for char in map(chr, range(sys.maxunicode + 1))
    )


@given(st.text(alphabet=st.sampled_from("中国 ，_a1Ⅻ²٣ǅ\u0301\u3000。\n")))
def test_runs_are_cut_alike_whatever_the_length(text: str) -> None:
    for repeated in (text, text * 40):
        assert runs(repeated) == RUN.findall(repeated)
