"""Paragraphs rebuilt from column-wrapped lines, from small labelled pages."""

from __future__ import annotations

import pytest
from typeset import set_column, set_page

from paper_tui.loader import load_text
from paper_tui.loader.lines import make_line, measured
from paper_tui.loader.widths import column_changes

PARAGRAPHS = [
    "陈利众一行首先来到德耐尔能源装备有限公司，走进生产车间、测试研发中心等，实地了解去年企业生产"
    "经营状况和今年发展规划。陈利众充分肯定了企业发展成效，认为该企业投资强度很高、产出效益很好。",
    "2月7日上午，陈利众带队来平开展主题实践活动。",
    "陈利众一行还来到润泽智算中心集群项目，与企业负责人深入交流，了解已建成项目运营、在建项目建设"
    "进展情况。他说，润泽是高端智能算力企业，有着投资大、算力强、配套好、前景好等优点，当前，浙江"
    "正不断加快算力强省建设，润泽项目要进一步做大做强，坚定发展信心，加大项目投资。",
    "在浙江天极集成电路技术有限公司，帅燮琅深入生产一线，详细了解企业复工复产、科技创新、运营发展"
    "等情况，现场为企业协调解决发展中遇到的困难，助力企业更高质量发展。",
]


def paragraphs_of(text: str) -> list[str]:
    return [p for item in load_text(text).items for p in item.paragraphs]


@pytest.mark.parametrize("width", [11, 13, 16, 20])
@pytest.mark.parametrize("blank_between", [False, True])
def test_paragraphs_come_back(width: int, blank_between: bool) -> None:
    page = set_page(PARAGRAPHS, width, blank_between=blank_between)
    assert paragraphs_of(page) == PARAGRAPHS


def test_column_break_inside_a_paragraph_is_joined() -> None:
    lines = set_column(PARAGRAPHS[2], 13)
    page = "\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:]) + "\n"
    assert paragraphs_of(page) == [PARAGRAPHS[2]]


def test_fragments_out_of_order_are_joined_by_their_seam() -> None:
    # The end of a column comes after another article's text, as pdftotext emits them; the
    # words across the seam (生产|车间) occur elsewhere on the page.
    first = set_column(PARAGRAPHS[0], 13)
    other = set_column(PARAGRAPHS[3], 13)
    assert first[1].endswith("走进生")  # 生|产: 生产 occurs elsewhere on the page
    page = "\n".join(first[:2]) + "\n\n" + "\n".join(other) + "\n\n" + "\n".join(first[2:])
    assert sorted(paragraphs_of(page)) == sorted([PARAGRAPHS[0], PARAGRAPHS[3]])


def test_subheading_stays_inside_its_article() -> None:
    body = [*set_column(PARAGRAPHS[0], 15), "新时代的战略安排", *set_column(PARAGRAPHS[3], 15)]
    document = load_text("\n".join(body) + "\n")
    [item] = document.items
    assert item.paragraphs[1] == "新时代的战略安排"
    assert item.subheadings == (1,)


def test_latin_words_keep_a_space_across_lines() -> None:
    page = "本报讯 会议讨论了 high quality\ngrowth 的路径，进展顺利。\n"
    [item] = load_text(page).items
    assert item.paragraphs == ("本报讯 会议讨论了high quality growth的路径，进展顺利。",)


def test_a_block_that_changes_column_width_is_measured_per_column() -> None:
    # pdftotext may run a narrow column straight into a wide one, with no blank line between:
    # the narrow column's last lines are not short for the wide one.
    narrow = [*set_column(PARAGRAPHS[0], 13), *set_column(PARAGRAPHS[3], 13)]
    wide = [*set_column(PARAGRAPHS[2], 24), *set_column(PARAGRAPHS[1], 24)]
    page = "\n".join([*narrow, *wide]) + "\n"
    assert paragraphs_of(page) == [PARAGRAPHS[0], PARAGRAPHS[3], PARAGRAPHS[2], PARAGRAPHS[1]]


def test_lines_torn_short_start_no_new_column() -> None:
    # pdftotext tears a line in two at a quotation mark: short lines, but uneven ones.
    lines = set_column(PARAGRAPHS[2] + PARAGRAPHS[0], 15)
    torn = [*lines[:6], "“强", "起来”的时代", "呼唤", *lines[6:]]
    run = [measured(make_line(number, text)) for number, text in enumerate(torn, 1)]
    assert column_changes(run, [True] * len(run)) == []


def test_even_lines_of_another_width_start_a_new_column() -> None:
    narrow = set_column(PARAGRAPHS[2], 15)[:-1]
    wide = set_column(PARAGRAPHS[0] + PARAGRAPHS[2], 24)[1:-1]
    run = [measured(make_line(number, text)) for number, text in enumerate(narrow + wide, 1)]
    assert column_changes(run, [True] * len(run)) == [len(narrow)]


def tear(lines: list[str], piece: str) -> list[str]:
    """The lines with ``piece`` torn off the line holding it, as pdftotext tears them."""
    at = next(i for i, line in enumerate(lines) if piece in line[1:])
    line = lines[at]
    cut = line.index(piece, 1)
    parts = [line[:cut], piece, line[cut + len(piece) :]]
    return [*lines[:at], *(part for part in parts if part), *lines[at + 1 :]]


QUOTED = (
    "事实证明，“一国两制”是解决历史遗留的香港、澳门问题的最佳方案，也是香港、澳门回归后保持"
    "长期繁荣稳定的最佳制。“最佳”意味着完全正确，意味着没有其他更好选择，更意味着坚定的自信。"
)


@pytest.mark.parametrize("width", [12, 13, 15, 16, 18, 22])
def test_lines_torn_at_quotation_marks_are_measured_whole(width: int) -> None:
    # pdftotext tears a printed line where the font changes around quotation marks: the
    # sentence ending inside the line does not end the paragraph, and the torn first line
    # still shows its lost indent.
    lines = set_column(QUOTED, width)
    assert any("。“最佳”" in line for line in lines)
    assert "“一国两制”" in lines[0]
    lines = tear(tear(lines, "“最佳”"), "“一国两制”")
    page = "\n".join([*set_column(PARAGRAPHS[0], width), *lines]) + "\n"
    assert paragraphs_of(page) == [PARAGRAPHS[0], QUOTED]


@pytest.mark.parametrize("width", [11, 22])
def test_a_paragraph_opening_with_a_quotation_after_a_short_last_line_is_one(width: int) -> None:
    # A last line of two characters and the next paragraph's indented first line fill one
    # column together, but the first line is no short piece torn off: the paragraph ends.
    first = (
        "习近平同志指出，人民对美好生活的向往，就是我们的奋斗目标。我们要坚定不移走共同富裕道路。"
    )
    second = "“我们的人民热爱生活，期盼有更好的教育、更稳定的工作、更满意的收入。”这是人民的心声。"
    lines = set_column(first, width)
    assert len(lines[-1]) == 2
    page = "\n".join([*lines, *set_column(second, width)]) + "\n"
    assert paragraphs_of(page) == [first, second]


def test_a_first_line_whose_word_the_next_line_finishes_is_no_subheading() -> None:
    # ``严格依照宪法和基本法办`` is short and unpunctuated like a heading, and compressed
    # punctuation makes the next line look indented; but ``事。`` finishes its last word.
    paragraph = (
        "严格依照宪法和基本法办事。这是“一国两制”实践的必然要求，也是全面推进依法治国和维护"
        "特别行政区法治的题中应有之义。"
    )
    lines = ["严格依照宪法和基本法办", "事。这是“一国两制”实践", *set_column(paragraph[23:], 15, 0)]
    assert "".join(lines) == paragraph
    page = "\n".join([*set_column(PARAGRAPHS[0], 15), *lines]) + "\n"
    assert paragraphs_of(page) == [PARAGRAPHS[0], paragraph]


def test_a_longer_quotation_torn_off_after_a_sentence_end_stays_in_the_paragraph() -> None:
    # ``度化水平。`` / ``“覆盖全民、城乡统筹、权责清`` fill one printed line of 19: the piece torn
    # off is more than half a line, but still far shorter than a paragraph's first line.
    paragraph = (
        "建机制，就是要持续深化改革，建立健全体制机制，不断提高社会保障法治化、制度化水平。"
        "“覆盖全民、城乡统筹、权责清晰、保障适度、可持续”是奋斗目标。"
    )
    lines = set_column(paragraph, 19)
    at = next(i for i, line in enumerate(lines) if "。“" in line)
    cut = lines[at].index("“")
    lines[at : at + 1] = [lines[at][:cut], lines[at][cut:]]
    assert lines[at + 1] == "“覆盖全民、城乡统筹、权责清"
    page = "\n".join([*set_column(PARAGRAPHS[0], 19), *lines]) + "\n"
    assert paragraphs_of(page) == [PARAGRAPHS[0], paragraph]


def test_a_name_printed_again_and_again_is_a_table_label_not_an_author() -> None:
    # 明天 reads like a name (明 is a surname), but a weather table prints it in every row.
    rows = [
        ["沈阳", "明天", "晴", "14~1"],
        ["大连", "明天", "多云", "13~4"],
        ["鞍山", "明天", "晴", "16~3"],
    ]
    page = "\n\n".join(
        ["\n".join(row) for row in rows] + ["\n".join(set_column(PARAGRAPHS[0], 15))]
    )
    bylines = [b for item in load_text(page + "\n").items for b in item.bylines]
    assert "明天" not in bylines


def test_a_line_of_phrases_a_space_apart_heads_the_text_under_it() -> None:
    title = "早市附近发生车祸 民警菜市场揪出逃逸车主"
    body = "目前，嫌疑人胡某已被依法采取强制措施。交警提示，肇事逃逸者将被依法追究刑事责任。"
    [item] = load_text("\n".join([title, *set_column(body, 15)]) + "\n").items
    assert (item.title, item.paragraphs) == (title, (body,))


def test_a_space_inside_a_quotation_or_after_a_lead_is_not_between_phrases() -> None:
    lines = ["今年三干会以“创新突破 六干争先”", "为主题，全市上下迅速行动起来。"]
    assert paragraphs_of("\n".join(lines) + "\n") == [
        "今年三干会以“创新突破 六干争先”为主题，全市上下迅速行动起来。"
    ]
    lead = ["本报讯 记者从中国铁路南昌局集团", "有限公司获悉，新功能自昨日起启用。"]
    assert paragraphs_of("\n".join(lead) + "\n") == [
        "本报讯 记者从中国铁路南昌局集团有限公司获悉，新功能自昨日起启用。"
    ]


def test_a_line_opening_with_a_closing_mark_carries_on_the_paragraph() -> None:
    # A judgment quoted in brackets ends with a short line; the closing bracket and the rest of
    # the sentence come on the next line, as narrow as a first line (its marks and figures are
    # half-width), but no paragraph opens with a closing mark.
    lines = [
        "本院受理原告某某经营部诉你买卖合同纠",
        "纷一案，现依法向你公告送达民事判决书",
        "【限被告于本判决生效之日起十日内向原告",
        "支付货款及逾期付款利息。案件受理费由被",
        "告承担。",
        "】，自公告之日起，30日内来本院领取民",
        "事判决书，逾期则视为送达。",
    ]
    assert paragraphs_of("\n".join(lines) + "\n") == ["".join(lines)]


# A paragraph set 18 ems wide whose lines hold 16 to 19 characters: justification stretches some
# lines a little (no spaces in the text) and some a lot (pdftotext spaces their characters).
SPREAD_PARAGRAPH = [
    "城乡区域产业人才协同发展，铺就了",
    "一条通往共同富裕的宽阔而光明的道",
    "路。发展从不等待观望者、犹豫者、",
    "懈 怠 者 ，一 代 人 有 一 代 人 的 新 征 程 。",
    "我们这一代人要走的共同富裕之路，",
    "“就是要实现‘两个一百年’奋斗目标、实",
    "现人民对美好生活的向往”。这条路从",
    "改革开放中走出，从脱贫攻坚中走出，",
    "一路走来，披荆斩棘，攻坚克难，初心",
    "不改。之所以称它为新征程，是因为它",
    "接续已经走过的路，踏上新的起点。",
]


def test_a_spread_line_ending_a_sentence_does_not_end_its_paragraph() -> None:
    # The spread line measures 16.5 ems and the line after it 16.5: read by their widths, a
    # last line and an indented first one. But only a justified line is spread to fill the
    # column, and a paragraph's last line is never justified.
    paragraph = "".join(line.replace(" ", "") for line in SPREAD_PARAGRAPH)
    lines = [*set_column(PARAGRAPHS[0], 18), *SPREAD_PARAGRAPH, *set_column(PARAGRAPHS[3], 18)]
    assert make_line(1, SPREAD_PARAGRAPH[3]).spread
    assert not make_line(1, SPREAD_PARAGRAPH[4]).spread
    assert paragraphs_of("\n".join(lines) + "\n") == [PARAGRAPHS[0], paragraph, PARAGRAPHS[3]]


def test_a_spread_line_clearly_short_still_ends_its_paragraph() -> None:
    # Some type spreads a paragraph's last line too; one far short of the column is a last line.
    first = [*SPREAD_PARAGRAPH[:3], "懈 怠 者 ，新 征 程 。"]
    second = SPREAD_PARAGRAPH[4:]
    lines = [*set_column(PARAGRAPHS[0], 18), *first, *second]
    assert make_line(1, first[-1]).spread
    assert paragraphs_of("\n".join(lines) + "\n") == [
        PARAGRAPHS[0],
        "".join(line.replace(" ", "") for line in first),
        "".join(second),
    ]
