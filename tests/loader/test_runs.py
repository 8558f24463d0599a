"""Runs: where the text shows that one item ends and another begins, from small labelled pages."""

from __future__ import annotations

import pytest
from typeset import page_of, set_column

from paper_tui.loader import load_text
from paper_tui.loader.articles import _in_reading_order
from paper_tui.loader.lines import make_line
from paper_tui.loader.reflow import Piece
from paper_tui.loader.runs import Run

FAIR_TITLE = "大观镇举办首届蜂糖李采摘节"
FAIR = (
    "本报讯 近日，大观镇在里穴村举办首届蜂糖李采摘节，吸引周边游客前来采摘品尝，"
    "村民们的蜂糖李卖出了好价钱。"
)
COURT = "兴义市人民法院公告"
NOTICES = [
    (
        "（2023）黔2301民初3661号",
        "钱某某：",
        "本院受理的原告吴某某诉你民间借贷纠纷一案，因通过其他方式无法向你送达诉讼材料，"
        "现依法向你公告送达起诉状副本、应诉通知书和开庭传票。自公告发出之日起，"
        "经过三十日即视为送达。",
    ),
    (
        "（2023）黔2301民初4066号",
        "杨某某：",
        "本院受理的原告李某某诉你离婚纠纷一案，因通过其他方式无法向你送达诉讼材料，"
        "现依法向你公告送达起诉状副本、应诉通知书和开庭传票。逾期不到庭，"
        "本院将依法缺席审理，特此公告。",
    ),
]
ARBITRATION = "黔西南州劳动人事争议仲裁院公告"
ARBITRATED = (
    "云南某某投资有限责任公司：",
    "本委受理杨某某与你单位劳动争议一案，因无法向你单位送达仲裁文书，现依法向你单位"
    "公告送达裁决书。自公告发布之日起，经过三十日即视为送达。",
)


def _notices_column() -> list[str]:
    lines = ["信息服务"]
    for number, addressee, body in NOTICES:
        lines += [COURT, number, addressee, *set_column(body, 20)]
    # This title is set right under the text before it, with nothing to set it apart but
    # its wording.
    lines += [ARBITRATION, ARBITRATED[0], *set_column(ARBITRATED[1], 20)]
    return lines


def test_each_notice_is_an_item_under_its_title() -> None:
    # Notices share their wording, so none of them is taken for another one's column.
    text = page_of([FAIR_TITLE], set_column(FAIR, 18), _notices_column())
    items = load_text(text).items
    assert [(item.kicker, item.title, item.subtitle) for item in items] == [
        (None, FAIR_TITLE, None),
        ("信息服务", COURT, NOTICES[0][0]),
        (None, COURT, NOTICES[1][0]),
        (None, ARBITRATION, None),
    ]
    assert items[0].paragraphs == (FAIR,)
    expected = [*NOTICES, (None, *ARBITRATED)]
    for item, (_number, addressee, body) in zip(items[1:], expected, strict=True):
        assert "".join(item.paragraphs) == addressee + body


def test_a_first_line_that_only_ends_in_a_notice_word_stays_in_its_paragraph() -> None:
    # An indented first line may end with 声明 or 公告; it opens no notice.
    paragraph = (
        "外交部发言人就此发表严正声明表示，有关做法违反国际法和国际关系基本准则，中方对此坚决反对。"
    )
    lines = set_column(paragraph, 16)
    assert lines[0].endswith("严正声明")
    items = load_text(page_of(["中方就有关问题表明严正立场"], lines)).items
    assert [item.paragraphs for item in items] == [(paragraph,)]


STATEMENT_TITLE = "中俄两国元首发表联合声明"
STATEMENT = (
    "新华社北京5月16日电 中俄两国元首当天在北京会谈后发表联合声明，双方一致同意深化"
    "全面战略协作伙伴关系。联合声明指出，中俄两国将在多边框架内加强协调。"
)
HARVEST_TITLE = "夏粮收购工作全面展开"
HARVEST = (
    "本报讯 随着新麦陆续上市，各地夏粮收购工作全面展开，收购企业严格执行政策，"
    "确保种粮农民卖得出、卖得好。"
)


def test_a_news_headline_ending_like_a_notice_title_goes_by_its_words() -> None:
    # pdftotext emitted the headline after its article's text; it reads like a notice's
    # title, but the page prints no notices and no one is addressed under it.
    text = page_of(
        set_column(STATEMENT, 16), [STATEMENT_TITLE], [HARVEST_TITLE], set_column(HARVEST, 16)
    )
    items = load_text(text).items
    assert sorted((item.title, item.paragraphs) for item in items) == sorted(
        [(STATEMENT_TITLE, (STATEMENT,)), (HARVEST_TITLE, (HARVEST,))]
    )


BRIEFS = [
    ("本报讯 近日，某县举办农民丰收节，展示当地特色农产品，吸引游客前来选购。", "（张某）"),
    ("本报讯 日前，某镇组织志愿者走进敬老院，为老人打扫卫生、理发，送去节日问候。", "（李某）"),
]


@pytest.mark.parametrize("label", ["◇简 讯◇", "【简讯】"])
def test_a_box_of_briefs_keeps_its_label_with_the_page(label: str) -> None:
    # Each brief closes with its writer's name; the box's label heads none of them.
    blocks = [[*set_column(text, 16), credit] for text, credit in BRIEFS]
    page = load_text(page_of([label], *blocks)).pages[0]
    assert [(item.kind, item.paragraphs, item.bylines) for item in page.items] == [
        ("brief", (text,), (credit,)) for text, credit in BRIEFS
    ]
    assert label in page.furniture


def test_news_headlines_that_end_like_notices_are_no_notices() -> None:
    # Two of them on one page, neither over text that addresses anyone.
    warning_title = "市防汛指挥部发布紧急通告"
    warning = (
        "本报讯 受强降雨影响，市防汛指挥部昨日发布紧急通告，要求各地加强巡查，"
        "及时转移危险区域群众。"
    )
    text = page_of(
        set_column(STATEMENT, 16),
        [STATEMENT_TITLE],
        [warning_title],
        set_column(warning, 16),
    )
    items = load_text(text).items
    assert sorted((item.title, item.paragraphs) for item in items) == sorted(
        [(STATEMENT_TITLE, (STATEMENT,)), (warning_title, (warning,))]
    )


FUNERAL_TITLE = "沈阳对困难群众实行殡葬费用减免"
FUNERAL = (
    "为减轻群众丧葬负担，沈阳对困难群众实行基本殡葬服务费用减免政策，减免对象范围为"
    "具有沈阳市户籍的城乡低保对象和特困人员。"
)
CRASH_TITLE = "早市附近发生车祸 民警菜市场揪出逃逸车主"
CRASH_END = "目前，嫌疑人胡某已被依法采取强制措施，案件正在进一步办理中。"
CRASH = (
    "八旬老人清晨走出医院大门，被一辆无牌照三轮车撞倒，肇事车辆当场逃逸。民警在早市找到"
    "肇事者胡某，撞人后的他竟在早市卖菜。"
)


def _bylines_after_text() -> str:
    """A page that prints bylines after their text; the crash article's end was emitted first."""
    return page_of(
        [FUNERAL_TITLE],
        [*set_column(FUNERAL, 16), "辽沈晚报记者 胡月梅"],
        [CRASH_TITLE, *set_column(CRASH_END, 16), "辽沈晚报特派朝阳记者 张辉"],
        set_column(CRASH, 16),
    )


def test_on_a_page_that_sets_bylines_after_the_text_a_byline_opens_nothing() -> None:
    # 辽沈晚报记者 胡月梅 closes its article: the next article's title follows it. So the
    # byline under the crash article's last lines closes it too, and the text after it (the
    # article's first paragraphs, which pdftotext emitted later) is no article of its own.
    items = load_text(_bylines_after_text()).items
    assert [(item.title, item.bylines) for item in items] == [
        (FUNERAL_TITLE, ("辽沈晚报记者 胡月梅",)),
        (CRASH_TITLE, ("辽沈晚报特派朝阳记者 张辉",)),
    ]
    assert set(items[1].paragraphs) == {CRASH_END, CRASH}


def test_on_a_page_that_sets_bylines_under_titles_text_under_a_byline_opens_an_article() -> None:
    # The same lines, with each byline under its title: the text under the second byline is
    # an article of its own, though its words are those of the one before.
    text = page_of(
        [FUNERAL_TITLE, "■记者 胡月梅"],
        set_column(FUNERAL, 16),
        [CRASH_TITLE, "■记者 张辉"],
        set_column(CRASH_END, 16),
        ["■记者 李明"],
        set_column(CRASH, 16),
    )
    items = load_text(text).items
    assert [item.bylines for item in items] == [("■记者 胡月梅",), ("■记者 张辉",), ("■记者 李明",)]


def test_an_article_whose_last_lines_came_first_reads_in_order() -> None:
    # The crash article's last paragraph, over its byline, was emitted before its first:
    # the byline closes the article, so what stands over it is read last.
    items = load_text(_bylines_after_text()).items
    assert items[1].paragraphs == (CRASH, CRASH_END)


def test_a_part_that_opens_with_a_lead_stays_its_article_first() -> None:
    # The lead's run is closed by its byline, as the article's last lines would be; but what a
    # lead opens is read first, and the text pdftotext emitted after it follows it.
    renewal_title = "沈阳启动老旧小区改造工程"
    lead = (
        "本报讯 日前，记者从沈阳市住建局获悉，今年沈阳将启动老旧小区改造工程，涉及小区三百余个，"
        "惠及居民十万余户，改造内容包括管网更新、外墙保温和加装电梯等项目。"
    )
    more = (
        "据了解，老旧小区改造工程将优先安排管网更新和外墙保温项目，加装电梯项目由居民自愿申请，"
        "住建局将组织专家逐一论证。"
    )
    text = page_of(
        [FUNERAL_TITLE],
        [*set_column(FUNERAL, 16), "辽沈晚报记者 胡月梅"],
        [renewal_title],
        [*set_column(lead, 16), "辽沈晚报记者 张辉"],
        ["图为改造后的小区 记者 王强 摄"],
        set_column(more, 16),
    )
    items = load_text(text).items
    renewal = next(item for item in items if item.title == renewal_title)
    assert renewal.paragraphs == (lead, more)


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("▲游客在果园里采摘蜂糖李。记者 王五 摄", "▲游客在果园里采摘蜂糖李。", "记者 王五 摄"),
        # Unpunctuated, with its credit in brackets: no headline for all that.
        ("△ 游客在果园里采摘蜂糖李（记者 王五 摄）", "△游客在果园里采摘蜂糖李", "（记者 王五 摄）"),
        ("图为采摘节现场。通讯员 贝如兰 摄", "图为采摘节现场。", "通讯员 贝如兰 摄"),
        ("图②：游客品尝蜂糖李。贝如兰 摄", "图②：游客品尝蜂糖李。", "贝如兰 摄"),
    ],
)
def test_a_caption_with_its_credit_is_a_photo(caption: str, text: str, credit: str) -> None:
    page = page_of([FAIR_TITLE], set_column(FAIR, 16), [caption])
    items = load_text(page).items
    assert [(item.kind, item.title, item.paragraphs) for item in items] == [
        ("article", FAIR_TITLE, (FAIR,)),
        ("photo", None, (text,)),
    ]
    assert items[1].bylines == (credit,)


PARKS_TITLE = "我市今年新建改造公园二十座"
PARKS = (
    "本报讯 记者从市城市管理局获悉，今年我市将新建和改造城市公园二十座，新增绿地面积一百余公顷，"
    "完善照明、座椅、卫生间等便民设施。"
)
LIBRARY = (
    "本报讯 4月17日，市图书馆新馆正式开馆，馆藏图书八十万册，日均接待读者三千余人次。（王小明）"
)


def test_a_marker_set_on_the_last_line_of_its_text_continues_the_article() -> None:
    lines = set_column(PARKS, 16)
    lines[-1] += "（下转A4版）"
    items = load_text(page_of([PARKS_TITLE], lines)).items
    assert [(item.title, item.paragraphs, item.continued_to_page) for item in items] == [
        (PARKS_TITLE, (PARKS,), 4)
    ]


def test_a_marker_set_on_the_first_line_of_its_text_continues_it_from_that_page() -> None:
    rest = "据介绍，新建公园将优先布局在老城区和人口密集区域，充分利用边角地、闲置地建设口袋公园。"
    lines = set_column(rest, 16)
    lines[0] = "（上接第1版）" + lines[0]
    [item] = load_text(page_of(lines)).items
    assert (item.paragraphs, item.continued_from_page) == ((rest,), 1)


def test_a_brief_closed_by_its_writer_in_brackets_runs_into_nothing() -> None:
    # 。（王小明） ends the brief: the caption under it is a photo of its own.
    caption = "▲市民在新建成的口袋公园里休闲。记者 张三 摄"
    items = load_text(page_of(["◇简 讯◇"], set_column(LIBRARY, 16), [caption])).items
    assert [(item.kind, item.paragraphs) for item in items] == [
        ("brief", (LIBRARY,)),
        ("photo", ("▲市民在新建成的口袋公园里休闲。",)),
    ]


def test_an_editors_note_is_read_before_the_article_it_introduces() -> None:
    note = (
        "编者按：城市更新，既要面子，更要里子。从本期起，本报推出“城市更新进行时”专栏，敬请关注。"
    )
    text = page_of(set_column(PARKS, 16), [PARKS_TITLE], set_column(note, 16))
    [item] = load_text(text).items
    assert (item.title, item.paragraphs) == (PARKS_TITLE, (note, PARKS))


def test_a_sentence_with_a_map_in_it_is_no_caption() -> None:
    # 地图为 holds 图为; and a bracketed note that someone took the photos credits no one.
    paragraph = (
        "景区还在手绘地图为游客标注了最佳观景点，吸引游客拍照发朋友圈。（本文照片均由游客拍摄）"
    )
    items = load_text(page_of([FAIR_TITLE], set_column(FAIR, 16), set_column(paragraph, 16))).items
    assert [(item.kind, item.paragraphs) for item in items] == [("article", (FAIR, paragraph))]


def test_a_series_banner_over_a_continued_part_marks_that_part_only() -> None:
    banner = "认真学习宣传贯彻党的二十大精神"
    rest = "据介绍，新建公园将优先布局在老城区和人口密集区域，充分利用边角地、闲置地建设口袋公园。"
    text = page_of(
        [banner], ["（上接1版）", *set_column(rest, 16)], [PARKS_TITLE], set_column(PARKS, 16)
    )
    items = load_text(text).items
    assert [(item.series, item.title, item.continued_from_page) for item in items] == [
        (banner, None, 1),
        (None, PARKS_TITLE, None),
    ]


def _piece(text: str) -> Piece:
    return Piece("paragraph", [make_line(1, text)])


def test_parts_that_go_on_in_one_column_are_read_in_their_order_after_it() -> None:
    a1, a2, b, c = (_piece(t) for t in ("甲一。", "甲二。", "乙。", "丙。"))
    first, second, third = Run(paragraphs=[a1, a2]), Run(paragraphs=[b]), Run(paragraphs=[c])
    second.carries_on = third.carries_on = a1
    order = [piece.text for _part, piece in _in_reading_order([first, second, third])]
    assert order == ["甲一。", "乙。", "丙。", "甲二。"]


def test_an_editors_note_is_read_first_even_from_a_part_that_goes_on_elsewhere() -> None:
    a1, a2, note = (_piece(t) for t in ("甲一。", "甲二。", "编者按：本报推出专栏。"))
    first, second = Run(paragraphs=[a1, a2]), Run(paragraphs=[note])
    second.carries_on = a2
    order = [piece.text for _part, piece in _in_reading_order([first, second])]
    assert order == ["编者按：本报推出专栏。", "甲一。", "甲二。"]


def test_no_headline_from_outside_a_box_of_briefs_heads_a_brief_in_it() -> None:
    # The subtitle, emitted after its article with its title, stands right over the box: it
    # is still the subway article's.
    title, subtitle = "地铁5号线二期启动“空载”试运行", "预计年底前开通初期运营"
    subway = "本报讯 4月18日上午，地铁5号线二期工程正式启动“空载”试运行，全面检验各系统的稳定性。"
    hours = "本报讯 从4月20日起，市图书馆闭馆时间延长至晚上9点。（张敏）"
    text = page_of(
        ["晚报记者 黄磊", *set_column(subway, 16)],
        [title],
        [subtitle],
        ["◇简 讯◇"],
        set_column(hours, 16),
    )
    items = load_text(text).items
    assert [(item.kind, item.title, item.subtitle) for item in items] == [
        ("article", title, subtitle),
        ("brief", None, None),
    ]


def test_a_name_in_brackets_closes_the_text_above_it_whatever_title_its_block_holds() -> None:
    # A column break fell inside the second brief: its end, its writer's name and the next
    # brief's title came out as one block.
    first = "本报讯 4月18日，市第一人民医院专家走进和平社区开展义诊活动，发放健康手册300余册。"
    second = "本报讯 经过三个月改造，城南菜市场近日重新开业。"
    lines = set_column(first, 14)
    text = page_of(
        ["百场义诊进社区", *lines[:1]],
        [
            *lines[1:],
            "（刘洋 李静）",
            "城南菜市场完成提升改造",
            *set_column(second, 14),
            "（王晓燕）",
        ],
    )
    items = load_text(text).items
    assert [(item.title, item.bylines) for item in items] == [
        ("百场义诊进社区", ("（刘洋 李静）",)),
        ("城南菜市场完成提升改造", ("（王晓燕）",)),
    ]


def test_an_authors_name_between_a_finished_text_and_another_texts_heading_signs_the_text() -> None:
    # pdftotext emitted the essay's last column, its author's name, then a section heading of
    # another essay: the name is no author of the text under that heading.
    essay = "实践表明，社会革命和自我革命是紧密联系、有机统一的，我们党始终从胜利走向新的胜利。"
    other = "社会保障是民生安全网、社会稳定器，全面建成多层次社会保障体系是一项重大任务。"
    text = page_of(
        ["协同推进社会革命和自我革命"],
        set_column(essay, 16),
        ["祝灵君"],
        ["全面建成多层次社会保障体系"],
        ["尹蔚民"],
        set_column(other, 16),
    )
    items = load_text(text).items
    assert [(item.title, item.bylines) for item in items] == [
        ("协同推进社会革命和自我革命", ("祝灵君",)),
        ("全面建成多层次社会保障体系", ("尹蔚民",)),
    ]
