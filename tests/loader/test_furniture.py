"""Page furniture becomes page metadata; file names fill in what it lacks."""

from __future__ import annotations

import pytest
from typeset import set_column

from paper_tui.loader import load_text


def test_people_daily_header() -> None:
    page = "2018 年 1 月 2 日 星期二\n\n7 理论\n\n本报讯 今天天气很好，大家都很高兴。\n"
    [meta] = load_text(page).pages
    assert (meta.number, meta.date, meta.section) == (7, "2018-01-02", "理论")
    assert meta.furniture == ("2018 年 1 月 2 日 星期二", "7理论")


def test_local_daily_header() -> None:
    page = "7\n\n生活服务\n\n2024 年 4 月 19 日\n星期五\n\n责编 王杨林 美编 季春\n\n本报讯 今天天气很好。\n"
    [meta] = load_text(page).pages
    assert (meta.number, meta.date, meta.section) == (7, "2024-04-19", "生活服务")
    assert [item.paragraphs for item in meta.items] == [("本报讯 今天天气很好。",)]


def test_number_and_date_from_the_file_name() -> None:
    [meta] = load_text("本报讯 今天天气很好。\n", source="archive/rmrb2018010207.txt").pages
    assert (meta.number, meta.date) == (7, "2018-01-02")


def test_date_folder_and_page_file() -> None:
    [meta] = load_text("本报讯 今天天气很好。\n", source="papers/2025-02-09/03.txt").pages
    assert (meta.number, meta.date) == (3, "2025-02-09")


def test_sample_file_name() -> None:
    [meta] = load_text("本报讯 今天天气很好。\n", source="seeds/pinghu-2025-02-page1.txt").pages
    assert (meta.number, meta.date) == (1, None)


def test_form_feeds_separate_pages() -> None:
    text = "1 要闻\n\n本报讯 第一版的消息。\n\f2 综合\n\n本报讯 第二版的消息。\n"
    document = load_text(text)
    assert [page.number for page in document.pages] == [1, 2]
    assert document.pages[1].items[0].source_lines == (6, 6)


def test_a_date_in_figures_and_a_header_with_contacts() -> None:
    page = "05 综合新闻 微信：lswbwx\n\n2021.3.23 星期二\n\n编辑 白琳\n\n本报讯 今天天气很好。\n"
    [meta] = load_text(page).pages
    assert (meta.number, meta.date, meta.section) == (5, "2021-03-23", "综合新闻")
    assert [item.paragraphs for item in meta.items] == [("本报讯 今天天气很好。",)]


def test_a_date_line_naming_no_day_gives_no_date() -> None:
    [meta] = load_text("2021.13.45\n\n本报讯 今天天气很好。\n").pages
    assert meta.date is None


def test_staff_roles_over_their_names_and_a_section_before_its_number() -> None:
    page = (
        "2023 年 7 月 6 日\n\n星期四\n\n一 审：\n程丽清\n\n二 审：\n梁朝文\n\n政 审：\n林文君\n\n"
        "三 审：\n王某某\n\n黔西南新闻 A3\n\n"
        "美 编：\n龙鲲浩\n\n普安县大力发展职业教育\n本报讯 近年来，普安县大力发展职业教育。\n"
    )
    [meta] = load_text(page).pages
    assert (meta.number, meta.date, meta.section) == (3, "2023-07-06", "黔西南新闻")
    [item] = meta.items
    assert (item.title, item.bylines) == ("普安县大力发展职业教育", ())


@pytest.mark.parametrize(
    ("header", "number", "date", "section"),
    [
        (["福州晚报 2024年4月19日 星期五"], None, "2024-04-19", None),
        (["第03版：要闻"], 3, None, "要闻"),
        (["第3版"], 3, None, None),
        (["A3 要闻 责编 张三"], 3, None, "要闻"),
        (["本版编辑：张三 校对：李四", "国内统一刊号：CN35-0023", "2 综合"], 2, None, "综合"),
        (
            ["东川日报", "2024年4月19日 星期五", "农历甲辰年三月十一", "第1版 要闻"],
            1,
            "2024-04-19",
            "要闻",
        ),
        (["中華民國113年4月19日 星期五", "A6 生活新聞"], 6, "2024-04-19", "生活新聞"),
    ],
)
def test_more_ways_papers_print_their_headers(
    header: list[str], number: int | None, date: str | None, section: str | None
) -> None:
    page = "\n\n".join([*header, "市图书馆新馆开馆", "本报讯 今天天气很好，大家都很高兴。"]) + "\n"
    [meta] = load_text(page).pages
    assert (meta.number, meta.date, meta.section) == (number, date, section)
    assert [(item.title, item.paragraphs) for item in meta.items] == [
        ("市图书馆新馆开馆", ("本报讯 今天天气很好，大家都很高兴。",))
    ]


def test_a_kicker_that_opens_with_a_number_is_no_page_header() -> None:
    page = "第19届亚运会\n杭州亚运会开幕\n\n本报讯 今天天气很好，大家都很高兴。\n"
    [meta] = load_text(page).pages
    assert meta.number is None
    assert [item.title for item in meta.items] == ["第19届亚运会杭州亚运会开幕"]


def test_a_paper_and_a_date_inside_the_text_stay_text() -> None:
    # A masthead stands at the page's head; inside the text, the same words are a wrapped line.
    first = "本报讯 " + "今天天气很好，大家都很高兴。" * 4
    paragraph = "相关报道刊登在人民日报2024年4月19日头版，引起广泛关注，读者纷纷来电。"
    lines = ["相关报道刊登在", "人民日报2024年4月19日", "头版，引起广泛关注，读者纷纷来电。"]
    last = "市民表示，新馆环境优美，藏书丰富，今后会常来看书。" * 2
    body = [*set_column(first, 8), *lines, *set_column(last, 8)]
    page = "\n\n".join(["1 要闻", "市图书馆新馆开馆", "\n".join(body)])
    [meta] = load_text(page + "\n").pages
    [item] = meta.items
    assert "".join(item.paragraphs) == first + paragraph + last
    assert meta.date is None
