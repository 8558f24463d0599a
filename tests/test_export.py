"""Exports: the documented JSON keys, Markdown and plain text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paper_tui.export import item_to_markdown, render, to_dict
from paper_tui.loader import load
from paper_tui.model import Document, Item, Page

SAMPLE = Path(__file__).parents[1] / "seeds" / "pinghu-2025-02-page1.txt"
ITEM_KEYS = {
    "id", "kind", "kicker", "title", "subtitle", "series", "bylines", "paragraphs", "subheadings",
    "continued_to_page", "continued_from_page", "source_lines", "continues_in", "continues_from",
}  # fmt: skip


@pytest.fixture(scope="module")
def document() -> Document:
    return load(SAMPLE)


def test_json_keys(document: Document) -> None:
    data = json.loads(render(document, "json"))
    assert set(data) == {"source", "encoding", "pages"}
    assert data["encoding"] == "utf-8"
    [page] = data["pages"]
    assert set(page) == {"number", "date", "section", "items"}
    assert all(set(item) == ITEM_KEYS for item in page["items"])
    photo = page["items"][-1]
    assert photo["kind"] == "photo"
    assert photo["bylines"] == ["■摄影 王 强 陈明远"]
    assert photo["title"] == "工业“智”友"
    assert page["items"][5]["continued_to_page"] == 2
    assert page["items"][0]["source_lines"] == [1, 129]


def test_json_round_trip_matches_model(document: Document) -> None:
    assert json.loads(render(document, "json")) == to_dict(document)


def test_markdown_escapes_markup() -> None:
    item = Item(id="x", kind="article", title="[bold]标题[/bold]", paragraphs=("*强调* 与 #话题",))
    text = item_to_markdown(item)
    assert "\\[bold\\]标题\\[/bold\\]" in text
    assert "\\*强调\\* 与 \\#话题" in text


def test_markdown_subheadings_and_continuation() -> None:
    item = Item(
        id="x", kind="article", title="题", paragraphs=("甲。", "小标题", "乙。"),
        subheadings=(1,), continued_to_page=2,
    )  # fmt: skip
    text = item_to_markdown(item)
    assert "### 小标题" in text
    assert text.rstrip().endswith("*（下转第2版）*")


def test_text_export_has_every_paragraph(document: Document) -> None:
    text = render(document, "text")
    for item in document.items:
        for paragraph in item.paragraphs:
            assert paragraph in text


def test_the_series_banner_is_exported_apart_from_the_headline() -> None:
    item = Item(
        id="x",
        kind="article",
        title="把党的政治建设摆在首位",
        series="深入学习贯彻习近平新时代中国特色社会主义思想",
        paragraphs=("正文。",),
    )
    document = Document(source="p.txt", encoding="utf-8", pages=(Page(items=(item,)),))
    [exported] = json.loads(render(document, "json"))["pages"][0]["items"]
    assert exported["series"] == item.series and exported["title"] == item.title
    assert item.headline == "把党的政治建设摆在首位"
    markdown = item_to_markdown(item)
    assert markdown.index("【深入学习贯彻") < markdown.index("## 把党的政治建设摆在首位")
    assert render(document, "text").index("深入学习贯彻") < render(document, "text").index("把党的")
