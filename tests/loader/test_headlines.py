"""Headline groups split into kicker, title and subtitle."""

from __future__ import annotations

import pytest

from paper_tui.loader.headlines import Headline, is_series_banner, parse
from paper_tui.loader.lines import make_line


def group(*blocks: list[str]) -> list[tuple[int, list]]:
    number = 0
    out = []
    for index, texts in enumerate(blocks):
        lines = []
        for text in texts:
            number += 1
            lines.append(make_line(number, text))
        out.append((index, lines))
    return out


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        (
            (["市政协召开十四届", "十二次常委会会议"],),
            Headline(None, "市政协召开十四届十二次常委会会议", None),
        ),
        (
            (["“六干争先”加速跑 创新突破勇奋进", "全市各界迅速贯彻落实三干会精神"],),
            Headline(None, "“六干争先”加速跑 创新突破勇奋进", "全市各界迅速贯彻落实三干会精神"),
        ),
        (
            (
                ["全省2025年一季度重大项目集中开工嘉兴分会场活动在我市举行"],
                ["““满格满格””干劲拼项目干劲拼项目"],
            ),
            Headline(
                "全省2025年一季度重大项目集中开工嘉兴分会场活动在我市举行", "“满格”干劲拼项目", None
            ),
        ),
        (
            (["新时代：", "新时代", "：发展新方位 奋进新目标"],),
            Headline(None, "新时代：发展新方位 奋进新目标", None),
        ),
        (
            # Layout mode keeps the doubled words on the line of the rest.
            (["新征程：", "新征程：明确新目标 谱写新篇章"],),
            Headline(None, "新征程：明确新目标 谱写新篇章", None),
        ),
        (
            # A line the next begins with is kept unless it ends in a colon.
            (["新征程"], ["新征程上的青年突击队"]),
            Headline(None, "新征程", "新征程上的青年突击队"),
        ),
        (
            (["不用事先购票 直接刷证进站"], ["——清水公安城关派出所构建现代警务新模式"]),
            Headline(None, "不用事先购票 直接刷证进站", "清水公安城关派出所构建现代警务新模式"),
        ),
        (
            # A title of matching phrases, one a line, is one line a space apart.
            (["疏堵结合"], ["强化管理"], ["我国地方政府债务风险总体可控"]),
            Headline(None, "疏堵结合 强化管理", "我国地方政府债务风险总体可控"),
        ),
        (
            (["绿色规划"], ["绿色产业"], ["绿色消费"], ["推进绿色发展的三大抓手"]),
            Headline(None, "绿色规划 绿色产业 绿色消费", "推进绿色发展的三大抓手"),
        ),
        (
            # A doubled (fake-bold) line is the title, set apart from a kicker of its length.
            (["聚焦民生实事"], ["办好民生实事办好民生实事"]),
            Headline("聚焦民生实事", "办好民生实事", None),
        ),
        (
            # Lines of one length but punctuated, or longer than a phrase, are parts of their own.
            (["奋力“项”前进"], ["冲刺“开门红”"]),
            Headline(None, "奋力“项”前进", "冲刺“开门红”"),
        ),
        (
            (["协同推进社会革命和自我革命"], ["全面建成多层次社会保障体系"]),
            Headline(None, "协同推进社会革命和自我革命", "全面建成多层次社会保障体系"),
        ),
    ],
)
def test_parse(blocks: tuple[list[str], ...], expected: Headline) -> None:
    assert parse(group(*blocks)) == expected


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        (
            (
                ["认真学习宣传贯彻党的十九大精神"],
                ["既提高就业数量又提高就业质量", "抓好就业这个最大民生工程"],
            ),
            Headline(
                None,
                "既提高就业数量又提高就业质量抓好就业这个最大民生工程",
                None,
                "认真学习宣传贯彻党的十九大精神",
            ),
        ),
        (
            (["深入学习贯彻习近平新时代中国特色社会主义思想"], ["把党的政治建设摆在首位"]),
            Headline(
                None, "把党的政治建设摆在首位", None, "深入学习贯彻习近平新时代中国特色社会主义思想"
            ),
        ),
        # Alone, such a line is the title of an article about the campaign.
        (
            (["深入学习贯彻党的十九大精神"],),
            Headline(None, "深入学习贯彻党的十九大精神", None),
        ),
        # Under a title, it is the subtitle.
        (
            (["奋力谱写新篇章"], ["——认真学习宣传贯彻党的十九大精神"]),
            Headline(None, "奋力谱写新篇章", "认真学习宣传贯彻党的十九大精神"),
        ),
    ],
)
def test_the_banner_of_a_series_over_the_headline_is_no_part_of_it(
    blocks: tuple[list[str], ...], expected: Headline
) -> None:
    assert parse(group(*blocks)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("认真学习宣传贯彻党的十九大精神", True),
        ("学习贯彻党的二十大精神", True),
        ("学习贯彻习近平新时代中国特色社会主义思想主题教育", True),
        ("全市各界迅速贯彻落实三干会精神", False),
        ("学习贯彻党的十九大精神取得实效", False),
        ("深入学习", False),
    ],
)
def test_a_series_banner_is_told_by_its_wording(text: str, expected: bool) -> None:
    assert is_series_banner(text) is expected
