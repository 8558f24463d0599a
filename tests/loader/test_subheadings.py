"""Subheadings set apart from their text are told from titles, from small labelled pages."""

from __future__ import annotations

import pytest
from typeset import page_of, set_column

from paper_tui.loader import load_text
from paper_tui.loader.columns import punct_width, remeasure
from paper_tui.loader.lines import make_line
from paper_tui.loader.reflow import Piece, build_pieces, split_blocks
from paper_tui.loader.subheadings import demote_subheadings

BODY = (
    "中国特色社会主义进入新时代，这是我国发展新的历史方位，也是我们奋进新的历史坐标。"
    "意气风发走进新时代，党员干部必须带头学习掌握新思想，真抓实干增长新本领。"
)
OTHER = (
    "海权，简而言之就是对海洋的控制权和利用权。海权对沿海国的生存与发展具有极其重要的意义，"
    "维护海权必须有完善的海洋法律体系作为支撑，这是建设海洋强国的应有之义。"
)


def pieces_of(*blocks: list[str]) -> list[Piece]:
    """The pieces of a page whose blocks are separated by blank lines."""
    text = "\n\n".join("\n".join(block) for block in blocks)
    lines = [make_line(n, raw) if raw.strip() else None for n, raw in enumerate(text.split("\n"))]
    lines = remeasure(lines, punct_width(split_blocks(lines)))
    pieces = build_pieces(split_blocks(lines))
    demote_subheadings(pieces)
    return pieces


def kind_of(pieces: list[Piece], text: str) -> str:
    return next(piece.kind for piece in pieces if piece.text == text)


def test_bold_line_under_title_and_author_is_a_subheading() -> None:
    pieces = pieces_of(
        ["新使命：中国共产党的历史担当", "李忠杰"],
        ["不忘初心走在时代前列"],
        set_column(BODY, 15),
    )
    assert kind_of(pieces, "新使命：中国共产党的历史担当") == "headline"
    assert kind_of(pieces, "不忘初心走在时代前列") == "subheading"


def test_title_after_text_and_byline_stays_a_title() -> None:
    # The author line closes the article above; the next title opens another article.
    pieces = pieces_of(
        set_column(BODY, 15), ["李忠杰"], ["建设海洋强国需完善海洋法律体系"], set_column(OTHER, 15)
    )
    assert kind_of(pieces, "建设海洋强国需完善海洋法律体系") == "headline"


def test_line_written_like_the_page_subheadings_is_one() -> None:
    pieces = pieces_of(
        ["新时代的鲜明主题"],
        set_column(BODY, 15),
        ["新时代的价值追求", *set_column(OTHER, 15)],
    )
    assert kind_of(pieces, "新时代的价值追求") == "subheading"
    assert kind_of(pieces, "新时代的鲜明主题") == "subheading"


def test_title_unlike_the_subheadings_stays_a_title() -> None:
    pieces = pieces_of(
        ["意气风发走进新时代"],
        set_column(BODY, 15),
        ["新时代的价值追求", *set_column(OTHER, 15)],
    )
    assert kind_of(pieces, "意气风发走进新时代") == "headline"


def test_line_restating_another_title_is_a_subheading() -> None:
    pieces = pieces_of(
        ["充分认识全面建成多层次社会保障体系的重大意义"],
        set_column(BODY, 15),
        ["全面建成多层次社会保障体系"],
        set_column(OTHER, 15),
    )
    assert kind_of(pieces, "充分认识全面建成多层次社会保障体系的重大意义") == "subheading"
    assert kind_of(pieces, "全面建成多层次社会保障体系") == "headline"


WEATHER_TITLE = ("本周气温一路回升", "周末辽宁小范围降雨")
WEATHER = (
    "新的一周开始了，阳光满满，昨日升温已经开始显现，沈城踏上回暖之旅。今天沈城有云也有阳光，"
    "最高气温将回升到17℃附近，提醒市民注意躲避高空坠物。"
)


CRASH_TITLE = "早市附近发生车祸 民警菜市场揪出逃逸车主"
CRASH = (
    "八旬老人清晨走出医院大门，被一辆无牌照三轮车撞倒，肇事车辆当场逃逸。民警在早市找到"
    "肇事者胡某，撞人后的他竟在早市卖菜。"
)


def test_a_heading_over_a_block_after_text_stopping_mid_sentence_is_a_title() -> None:
    # The crash article stops at 面对 (its last lines are lost elsewhere on the page); the
    # heading that opens the next block cannot stand between two of its paragraphs: it is the
    # weather article's title, not a subheading of the crash article.
    text = page_of(
        [CRASH_TITLE],
        set_column(CRASH + "民警第一时间锁定嫌疑人胡某，面对", 16),
        [*WEATHER_TITLE, *set_column(WEATHER, 16)],
    )
    items = load_text(text).items
    assert [item.title for item in items] == [CRASH_TITLE, "".join(WEATHER_TITLE)]
    assert items[1].paragraphs == (WEATHER,)


def test_a_heading_after_text_that_goes_on_elsewhere_stays_a_subheading() -> None:
    # The text before the heading stops mid-sentence, but goes on in a block pdftotext emitted
    # later (驻守 spans the seam): the heading stands inside the article, between its parts.
    title = "城关派出所构建现代警务新模式"
    head = "城关派出所依托17个社区警务室，推行社区民警专职化，34名社区民警坚持每日驻"
    rest = "守在社区、工作在社区，始终行走在田间地头和居民小区。"
    section = "“笔记本”解锁群众事"
    notes = "社区警务工作千头万绪，把群众的事记在笔记本上，然后逐一对照解决，是民警的工作日常。"
    text = page_of(
        [title],
        set_column(head, 16),
        [section, *set_column(notes, 16)],
        set_column(rest, 16, indent=0),
    )
    items = load_text(text).items
    assert [item.title for item in items] == [title]
    assert section in [items[0].paragraphs[i] for i in items[0].subheadings]
    assert head + rest in items[0].paragraphs


def test_a_heading_whose_words_the_text_before_uses_stays_a_subheading() -> None:
    # The text before stops mid-sentence and its end is lost, as above; but the heading names
    # what the essay has been about (新时代, 世界): a section of it, not another article.
    essay_title = "坚定走和平发展道路"
    before = (
        "中国特色社会主义进入新时代，意味着中国日益走近世界舞台中央，中国同世界的关系正在发生"
        "深刻变化，新时代的中国将为世界作出更大贡献，这是"
    )
    section = ("新时代的世界担当",)
    after = "中国始终不渝高举和平、发展、合作、共赢的旗帜，坚持走和平发展道路，同世界各国一道前行。"
    text = page_of(
        [essay_title],
        set_column(before, 16),
        [*section, *set_column(after, 16)],
    )
    items = load_text(text).items
    assert [item.title for item in items] == [essay_title]
    assert section[0] in [items[0].paragraphs[i] for i in items[0].subheadings]


def test_a_boxed_heading_between_paragraphs_is_a_subheading_not_a_byline() -> None:
    # ■ opens a local daily's bylines (■记者 张三) and its section headings alike: a heading
    # names no one.
    first = "本报讯 近日，市图书馆新馆正式开馆，馆藏图书八十万册，日均接待读者三千余人次。"
    second = "新馆设有少儿阅览区、数字阅读区和古籍保护中心，周一至周日全天开放，市民凭身份证即可免费办理借阅证。"
    text = page_of(
        ["市图书馆新馆开馆"],
        ["■记者 张三"],
        [*set_column(first, 16), "■ 聚焦民生 办好实事", *set_column(second, 16)],
    )
    [item] = load_text(text).items
    assert item.bylines == ("■记者 张三",)
    assert item.paragraphs == (first, "■聚焦民生 办好实事", second)
    assert item.subheadings == (1,)


@pytest.mark.parametrize("numbered", [("一、", "二、"), ("（一）", "（二）"), ("1.", "2.")])
def test_a_subheading_after_a_paragraph_ending_at_a_full_line_is_one(
    numbered: tuple[str, str],
) -> None:
    # The first paragraph fills its last line: no short line shows its end, but the short
    # unpunctuated line after it, over an indented one, is a heading, no paragraph's last line.
    first = (
        "近年来，我市坚持把乡村振兴作为新时代“三农”工作总抓手，统筹推进产业、人才、文化、"
        "生态、组织振兴，农业农村发展取得显著成效。"
    )
    second = (
        "产业振兴是乡村振兴的重中之重。我市立足资源禀赋，大力发展特色种养业，培育壮大龙头企业，"
        "带动农民持续增收。"
    )
    third = (
        "人才振兴是乡村振兴的关键所在。我市实施乡村人才培育工程，引导各类人才投身乡村建设，"
        "为乡村振兴注入活力。"
    )
    lines = set_column(first, 16)
    assert len(lines[-1]) == 16
    one, two = numbered[0] + "坚持产业兴旺", numbered[1] + "坚持人才支撑"
    body = [*lines, one, *set_column(second, 16), two, *set_column(third, 16)]
    [item] = load_text(page_of(["乡村振兴的实践与思考"], ["王平"], body)).items
    assert item.paragraphs == (first, one, second, two, third)
    assert item.subheadings == (1, 3)


def test_a_numbered_heading_in_a_block_of_its_own_heads_a_section_not_an_article() -> None:
    first = "县域是国民经济的基本单元，也是推动高质量发展的重要阵地，发展新质生产力大有可为。"
    second = "新质生产力是创新起主导作用的先进生产力质态，由技术革命性突破而催生。"
    text = page_of(
        ["以新质生产力推动县域经济高质量发展"],
        ["张明远"],
        set_column(first, 16),
        ["一、把握科学内涵"],
        set_column(second, 16),
    )
    [item] = load_text(text).items
    assert item.paragraphs == (first, "一、把握科学内涵", second)
    assert item.subheadings == (1,)
