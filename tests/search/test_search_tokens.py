"""Tokens: character pairs for the index, and the FTS5 expressions that find them."""

from __future__ import annotations

import sqlite3

import pytest

from paper_tui.search.tokens import (
    chars,
    fold,
    grams,
    is_caseless,
    run_expression,
    text_expression,
)

GRAM_CASES = [
    ("one character", "国", "国"),
    ("two characters", "中国", "中国 国"),
    ("a phrase", "中国特色", "中国 国特 特色 色"),
    ("punctuation separates runs", "项目，目标。", "项目 目 目标 标"),
    ("line breaks separate runs", "中国\n特色", "中国 国 特色 色"),
    ("Latin is lowered and paired", "GDP增长", "gd dp p增 增长 长"),
    ("full-width digits are narrowed", "２０２５年", "20 02 25 5年 年"),
    ("ideographic space separates", "中国\u3000特色", "中国 国 特色 色"),
    ("quotes and operators are not tokens", '"AND" * (x)', "an nd d x"),
    ("underscore separates", "a_b", "a b"),
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


EXPRESSION_CASES = [
    (
        "one character is one term of the character columns",
        "国",
        '{headline_chars body_chars} : "国"',
    ),
    # Pairs are only in the text columns, so they need no column filter.
    ("two characters are one pair", "中国", '"中国"'),
    ("longer runs are a phrase of pairs", "高质量发展", '"高质 质量 量发 发展"'),
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


@pytest.mark.parametrize("make", [grams, chars])
def test_fts5_ascii_tokenizer_keeps_every_token_whole(make) -> None:
    text = "中国特色社会主义，GDP增长5G𠀀𠀁。ＡＢ"
    assert _vocabulary(make(text)) == make(text).split()
