"""The bundled sample page: seven items with the right headlines, no text lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paper_tui.loader import load
from paper_tui.loader.chars import ends_sentence
from paper_tui.model import Document

SAMPLE = Path(__file__).parents[2] / "seeds" / "pinghu-2025-02-page1.txt"
HEADLINES = [
    ("article", "嘉兴市领导来平开展“六干争先”主题实践活动"),
    ("article", "“六干争先”加速跑创新突破勇奋进全市各界迅速贯彻落实三干会精神"),
    ("article", "奋力“项”前进冲刺“开门红”独山港一季度推进25个重点项目"),
    ("article", "市政协召开十四届十二次常委会会议"),
    ("article", "平湖设计城项目签约发布共创“时尚平湖”新质未来"),
    ("article", "全省2025年一季度重大项目集中开工嘉兴分会场活动在我市举行“满格”干劲拼项目"),
    ("photo", "工业“智”友"),
]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def document() -> Document:
    return load(SAMPLE)


def test_seven_items_with_their_headlines(document: Document) -> None:
    items = document.pages[0].items
    assert [(item.kind, squash(item.headline)) for item in items] == HEADLINES


def test_continued_on_page_two(document: Document) -> None:
    items = document.pages[0].items
    assert [item.continued_to_page for item in items] == [None] * 5 + [2, None]


def test_every_paragraph_ends_a_sentence(document: Document) -> None:
    for item in document.items:
        for paragraph in item.paragraphs:
            assert ends_sentence(paragraph), paragraph


def test_leads_open_the_articles(document: Document) -> None:
    articles = [item for item in document.items if item.kind == "article"]
    assert all(item.paragraphs[0].startswith("本报讯 ") for item in articles)


def test_bylines_and_photo_credit(document: Document) -> None:
    items = document.pages[0].items
    assert items[0].bylines == ("■记者 居丹荔 林旭东",)
    assert items[1].bylines == ("■记者 荣怡婷", "通讯员 曹金凤 陶佳迪")
    assert items[-1].bylines == ("■摄影 王 强 陈明远",)


def test_no_character_lost_or_duplicated(document: Document) -> None:
    found = []
    for item in document.items:
        found.extend(p for p in (item.kicker, item.title, item.subtitle) if p)
        found.extend(item.bylines)
        found.extend(item.paragraphs)
    found.extend(document.pages[0].furniture)
    found.append("（下转2版）")  # the marker is kept as continued_to_page
    text = SAMPLE.read_text(encoding="utf-8")
    # The fake-bold headline's doubled copy is the one thing removed.
    text = text.replace("““满格满格””干劲拼项目干劲拼项目", "“满格”干劲拼项目")
    assert sorted(squash("".join(found))) == sorted(squash(text))


def test_source_lines_cover_each_item(document: Document) -> None:
    first, last = document.pages[0].items[0].source_lines
    assert (first, last) == (1, 129)
    assert all(item.lines == tuple(sorted(item.lines)) for item in document.items)


def test_ids_are_stable(document: Document) -> None:
    again = load(SAMPLE)
    assert [i.id for i in again.items] == [i.id for i in document.items]
    assert len({i.id for i in document.items}) == len(document.items)
