"""The article list's rows say what each item is, even without a headline or text."""

from __future__ import annotations

from paper_tui.library import Entry
from paper_tui.model import Item, Page
from paper_tui.widgets.article_list import article_row


def row_headline(item: Item) -> str:
    entry = Entry(0, "/tmp/page.txt", Page(None, None, None, (item,), (), (1, 1)), item)
    return article_row(entry, None, (), None).headline


def test_an_item_without_headline_or_text_shows_its_credit_or_kind() -> None:
    photo = Item(id="p8-088bb6ee58", kind="photo", bylines=("新甘肃·甘肃法治报通讯员 朱艳霞 摄",))
    assert row_headline(photo) == "新甘肃·甘肃法治报通讯员 朱艳霞 摄"
    bare = Item(id="p8-1234567890", kind="photo")
    assert row_headline(bare) == "图片"


def test_an_item_without_headline_shows_the_start_of_its_text() -> None:
    brief = Item(id="p1-x", kind="brief", paragraphs=("本报讯 今天天气很好，大家都很高兴。",))
    assert row_headline(brief) == "本报讯 今天天气很好，大家都很高兴。"
