"""The word model weighs seams by the words of the language, and only across the seam."""

from __future__ import annotations

from pathlib import Path

import pytest

from paper_tui.loader import lexicon
from paper_tui.loader.lexicon import glue


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("坚持每日驻", "守在社区"),  # 驻守
        ("群众所需的水", "平。通过"),  # 水平
        ("目标更", "加宏大"),  # 更加
        ("中华民", "族伟大复兴"),  # 民族
    ],
)
def test_a_word_across_the_seam_glues_it(left: str, right: str) -> None:
    assert glue(left, right) > 4


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("平川区检察院", "求助。"),  # a word ends at the seam, another starts
        ("坚持每日驻", "盗，请求"),
        ("坚持每日驻", "年底前"),
        ("检察院", "12309热线"),  # digits after the seam
        ("记者", ""),
        ("hello", "world"),
    ],
)
def test_a_seam_at_a_word_boundary_or_not_in_han_text_has_no_glue(left: str, right: str) -> None:
    assert glue(left, right) == 0


def test_only_the_characters_next_to_the_seam_count() -> None:
    # Punctuation ends the run read on the left: what stands before it has no say.
    assert glue("守在社区，每日驻", "守在社区") == glue("每日驻", "守在社区")
    assert glue("人民，", "群众") == 0


def test_without_a_readable_word_list_no_seam_has_glue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A packager may leave the data file out, or it may be damaged: the loader goes on with the
    # page's own words, and says nothing the list cannot back.
    for content in (None, b"\xff\xfe not utf-8", b"1 5 abc\n", b"total \n", b"total 0\n"):
        target = tmp_path / "lexicon.txt"
        if content is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(content)
        monkeypatch.setattr(lexicon, "LEXICON", target)
        lexicon._model.cache_clear()
        lexicon._seam_glue.cache_clear()
        assert lexicon.glue("坚持每日驻", "守在社区") == 0
    lexicon._model.cache_clear()
    lexicon._seam_glue.cache_clear()


def test_the_word_list_shipped_is_read() -> None:
    words, unknown, *_ = lexicon._model()
    assert len(words) > 30_000
    assert words["驻守"] > unknown


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("堅持每日駐", "守在社區"),  # 駐守, mainland and Hong Kong forms
        ("群眾所需的水", "平。通過"),
        ("推動經濟發", "展，提高"),  # 發展
    ],
)
def test_text_in_traditional_characters_is_read_as_the_same_words(left: str, right: str) -> None:
    assert glue(left, right) > 4


def test_a_character_both_scripts_write_is_read_as_written() -> None:
    # 著 is traditional for 着, but simplified text writes it too (显著, 著名).
    assert glue("成效显", "著，") > 0
