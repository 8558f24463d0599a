"""Line classification and the small parsers of fixed wordings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paper_tui.loader.lines import (
    classify,
    continuation_page,
    is_author_name,
    is_lead,
    make_line,
    measured,
)

DATA = Path(__file__).parents[1] / "data"
ROLES = json.loads((DATA / "line_roles.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ROLES, ids=lambda c: c["label"])
def test_classify(case: dict[str, str]) -> None:
    assert classify(case["input"]) == case["expected"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（下转2版）", ("to", 2)),
        ("（上接1版）", ("from", 1)),
        ("（转第3版）", ("to", 3)),
        ("（下转A2版）", ("to", 2)),
        ("（下转二版）", ("to", 2)),
        ("（上接十二版）", ("from", 12)),
    ],
)
def test_continuation_page(text: str, expected: tuple[str, int]) -> None:
    assert continuation_page(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报讯 连日来", True),
        ("本报北京1月2日讯 记者", True),
        ("福州晚报讯 记者从", True),
        ("新华社北京2月8日电 记者", True),
        ("本报记者在现场看到", False),
        ("连日来，嘉兴市", False),
        ("【本报讯】近日，市图书馆新馆开馆", True),
        ("【本報訊】記者陳大文報道", True),
        ("【新华社北京4月18日电】", True),
        ("【简讯】", False),
        ("〔記者陳大文／台北報導〕行政院今天通過", True),
        ("（记者 张三 报道）近日，市区", True),
        ("报道称，近日", False),
    ],
)
def test_is_lead(text: str, expected: bool) -> None:
    assert is_lead(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("陈曙光", True),
        ("欧阳辉", True),
        ("叶 帆", True),
        ("时代前列", False),
        ("著成就", False),
        ("陈 龙", True),
    ],
)
def test_is_author_name(text: str, expected: bool) -> None:
    assert is_author_name(text) is expected


def test_lead_keeps_its_printed_space() -> None:
    assert make_line(1, "本报讯 2 月 8 日下午，").text == "本报讯 2月8日下午，"


def test_byline_keeps_spaces_between_names() -> None:
    line = make_line(1, "■记者  李晖 通讯员 余建 李明")
    assert (line.role, line.text) == ("byline", "■记者 李晖 通讯员 余建 李明")


def test_hanging_punctuation_is_left_out_of_inner_width() -> None:
    full = measured(make_line(1, "一二三四，"), 1.0)
    assert (full.width, full.inner_width) == (5.0, 4.0)
    compressed = measured(make_line(1, "一二三四，"), 0.5)
    assert (compressed.width, compressed.inner_width) == (4.5, 4.5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("■记 者 荣怡婷", "■记者 荣怡婷"),
        ("记 者 李 晖 通 讯 员 余 建", "记者 李 晖 通讯员 余 建"),
        ("见 习 记 者 李衍慧/文", "见习记者 李衍慧/文"),
        ("本报记者 张三 李四", "本报记者 张三 李四"),
        ("■摄 影 王强", "■摄影 王强"),
    ],
)
def test_byline_role_words_lose_justification_spaces(raw: str, expected: str) -> None:
    assert make_line(1, raw).text == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("一 审：", "furniture"),
        ("统筹 郭宁 责编 郭淮滨 校对 刘学恩", "furniture"),
        ("统筹城乡社会救助体系", "body"),
        ("初审判决认定的事实清楚", "body"),
    ],
)
def test_staff_roles_and_the_same_words_in_text(text: str, role: str) -> None:
    assert make_line(1, text).role == role


def test_the_role_of_a_correspondent_is_no_lead() -> None:
    # 报通讯 reads like 本报XX讯 but 通讯员 is a role: the line is a byline.
    line = make_line(1, "新甘肃·甘肃法治报通讯员 庞俊宝")
    assert line.role == "byline"
    assert not is_lead(line.text)
    assert is_lead("本报讯（新甘肃·甘肃法治报通讯员魏嘉熠张慧莹）“我的工资都拖了一年多了")


def test_a_credit_whose_spaces_read_as_justification_is_a_credit() -> None:
    # Two spaces in five characters: justified, by the share of its gaps; but without them
    # 记者张三摄 reads as the byline of a reporter named 张三摄.
    line = make_line(1, "记者 张三 摄")
    assert (line.role, line.text) == ("credit", "记者 张三 摄")
