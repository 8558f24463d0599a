"""Fragments split by column breaks are rejoined, and only those, from small labelled pages."""

from __future__ import annotations

from typeset import page_of, set_column

from paper_tui.loader import load_text

WAGES = (
    "陈某某在白银市平川区棚户区改造工程处务工，主要从事水暖维修与改造工作。完工后，经陈某某多次催要，"
    "李某某一直推诿不予支付工资。为讨回自己的辛苦钱，陈某某便通过12309检察服务热线向平川区检察院"
)
FRAUD_TITLE = "摧毁一个“投资西部大开发项目”犯罪团伙"
FRAUD = (
    "本报讯（记者 鲜晓苏）8月5日，记者从金昌市公安局金川分局获悉，该局近日破获一起特大传销案，"
    "抓获传销人员300余人，摧毁了一个传销犯罪团伙。"
)


def test_nothing_runs_on_into_a_lead() -> None:
    # The paragraph stops mid-sentence at the foot of its column; the next block is another
    # article's title (as wide as a column) and its lead, which no paragraph runs into.
    text = page_of(set_column(WAGES, 18), [FRAUD_TITLE], set_column(FRAUD, 18))
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert FRAUD in paragraphs
    assert not any(FRAUD_TITLE in p for p in paragraphs)


def test_a_headline_of_two_phrases_is_never_taken_for_a_cut_off_line() -> None:
    # A short line ending a sentence follows the headline, as a paragraph's tail from the
    # column before would; the space between the headline's phrases says it is no text.
    title = "忘记投保交强险 自掏腰包赔损失"
    body = (
        "本报讯（记者 胡庭瑞）8月5日，白银市平川区人民法院成功调解了一起机动车交通事故责任纠纷案，"
        "负事故全部责任的被告因忘记投保交强险，需自掏腰包赔付11万元。"
    )
    text = page_of(set_column(WAGES, 16), [title], ["求助。", *set_column(body, 16)])
    titles = [item.title for item in load_text(text).items]
    assert title in titles


def test_a_paragraph_first_line_set_under_a_subheading_is_split_off_it() -> None:
    # The subheading's two lines and the paragraph's first line (as wide as the column, short
    # of it by the lost indent) came out as one block; the paragraph goes on in the next one.
    intro = "安定区司法局持续深化普法强基补短板专项工作，抓实基层源头治理，让尊法学法守法用法理念蔚然成风。"
    quote = (
        "“谢谢你们化解了我们兄弟俩多年的矛盾，要不是你们，事情还不知道要闹到什么地步。”"
        "鲁家沟镇村民李某对司法所干警感激地说。"
    )
    lines = set_column(quote, 16)
    text = page_of(set_column(intro, 16), ["把好“排调关”", "精准化解矛盾纠纷", lines[0]], lines[1:])
    paragraphs = [p for item in load_text(text).items for p in item.paragraphs]
    assert quote in paragraphs
    assert not any("精准化解矛盾纠纷“" in p for p in paragraphs)
