"""Line repairs: justification spaces and fake-bold doubling, from labelled cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paper_tui.loader.clean import is_spread, remove_justification_spaces, undouble

DATA = Path(__file__).parents[1] / "data"


def cases(name: str) -> list[dict[str, object]]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", cases("clean_cases.json"), ids=lambda c: c["label"])
def test_justification_spaces(case: dict[str, str]) -> None:
    assert remove_justification_spaces(case["input"]) == case["expected"]


@pytest.mark.parametrize("case", cases("undouble_cases.json"), ids=lambda c: c["label"])
def test_undouble(case: dict[str, str | None]) -> None:
    assert undouble(str(case["input"])) == case["expected"]


@pytest.mark.parametrize(
    ("line", "spread"),
    [
        ("加 宏 大 ，愿 景 更 加 美 好 。", True),
        ("数 据 来 源 ：国 家 统 计 局 2017 年 6 月 16 日", True),
        ("加速跑 创新突破勇奋进", False),
        ("2 月 8 日上午，陈利众带队", False),
        ("本报讯 连日来，全市各界", False),
        ("全市各界迅速贯彻落实", False),
    ],
)
def test_spread_lines_are_told_from_lines_with_a_few_spaces(line: str, spread: bool) -> None:
    assert is_spread(line) is spread
