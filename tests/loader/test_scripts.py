"""Pages in traditional characters are read as pages in simplified ones are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from opencc import OpenCC

from paper_tui.loader import load_text
from paper_tui.loader.lines import (
    AFFILIATION_START,
    NOTICE_TITLE,
    continuation_page,
    is_author_name,
    is_lead,
    make_line,
)
from paper_tui.loader.scripts import either, spellings, with_forms

SAMPLE = Path(__file__).parents[2] / "seeds" / "pinghu-2025-02-page1.txt"
# Hong Kong, Taiwan and plain traditional standards spell some words differently.
STANDARDS = ("s2t", "s2hk", "s2tw")
LINES = [
    "本报讯 记者张三报道",
    "新华社北京2月8日电",
    "辽沈晚报记者 胡月梅",
    "■记者 李晖 通讯员 余建",
    "见习记者 李衍慧",
    "朱艳霞 摄",
    "李天亮/摄",
    "■摄影 王强",
    "制图：李姿阅",
    "受访者供图",
    "（下转2版）",
    "（上接第一版）",
    "（作者为中央党校教授）",
    "（作者单位：重庆市社会科学院）",
    "遗失声明",
    "贵州省兴义市人民法院公告",
    "责编：刘某 美编：赵某",
    "新闻热线：0931-8151111",
    "2018年1月2日 星期二 农历十一月十六",
    "◇简 讯◇",
    "陈宝生",
    "欧阳修文",
    "（罗倩倩）",
]


def _what(text: str) -> tuple[object, ...]:
    return (
        make_line(1, text).role,
        is_lead(text),
        is_author_name(text),
        continuation_page(text),
        AFFILIATION_START.match(text) is not None,
        NOTICE_TITLE.search(text) is not None,
    )


@pytest.mark.parametrize("standard", STANDARDS)
@pytest.mark.parametrize("line", LINES)
def test_a_line_in_traditional_characters_is_what_it_is_in_simplified(
    line: str, standard: str
) -> None:
    assert _what(OpenCC(standard).convert(line)) == _what(line)


def test_the_sample_page_reads_the_same_in_traditional_characters() -> None:
    to_traditional, to_simplified = OpenCC("s2t"), OpenCC("t2s")
    simplified = SAMPLE.read_text(encoding="utf-8")
    traditional = "\n".join(map(to_traditional.convert, simplified.split("\n")))

    def shape(text: str, convert: OpenCC | None = None) -> list[tuple[object, ...]]:
        back = convert.convert if convert else str
        return [
            (
                item.kind,
                back(item.headline),
                tuple(back(byline) for byline in item.bylines),
                len(item.paragraphs),
                item.continued_to_page,
            )
            for item in load_text(text).items
        ]

    assert shape(traditional, to_simplified) == shape(simplified)


def test_either_widens_literals_and_sets_but_not_escapes() -> None:
    assert either("记者") == "[记記]者"
    assert either("[讯电]") == "[讯訊电電]"
    assert either(r"\s*报[\u4e00-\u9fff]") == r"\s*[报報][\u4e00-\u9fff]"
    assert re.fullmatch(either(r"^(?:本\s*报|新华社)"), "新華社")
    with pytest.raises(ValueError):
        either("[报-讯]")


def test_either_reads_classes_and_group_names_as_regular_expressions_do() -> None:
    # A ] first in a class is one of its characters; a - at either end is no range.
    assert re.fullmatch(either("[]简]+"), "]簡简")
    assert re.fullmatch(either("[^]简]"), "a")
    assert not re.fullmatch(either("[^]简]"), "簡")
    assert re.fullmatch(either("[-简]+"), "-簡")
    assert re.fullmatch(either(r"[简\-]+"), "簡-")
    # A group's name is a name, not text to match.
    match = re.fullmatch(either("(?P<简>报)(?P=简)"), "報報")
    assert match is not None and match["简"] == "報"


def test_names_are_spelt_every_way() -> None:
    assert with_forms("陈王") == "陈王陳"
    assert spellings("欧阳") == ["欧阳", "欧陽", "歐阳", "歐陽"]
