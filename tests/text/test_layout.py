"""The reader's layout: every article of the sample page laid out at widths 20-100 with wrap.py.

The line-breaking checks are those of test_wrap.py (no character lost, kinsoku, lines filled); here
they run on what the reader draws, block by block, in both scripts, so the reader cannot drift
from the tested line breaker.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from rich.cells import cell_len
from test_wrap import LEADING_UNIT, kinsoku_violations, squeeze

from paper_tui.loader import load
from paper_tui.model import Item
from paper_tui.text.layout import BLANK, article_blocks, converted_item, lay_out

SEED = Path(__file__).resolve().parents[2] / "seeds" / "pinghu-2025-02-page1.txt"
ITEMS = load(SEED).items


@pytest.mark.parametrize("variant", [None, "s2t"])
@pytest.mark.parametrize("width", range(20, 101))
def test_every_article_lays_out_like_wrap(width: int, variant: str | None) -> None:
    for item in ITEMS:
        blocks = article_blocks(item, variant, ("关键词", "测试"))
        layout = lay_out(blocks, width)
        assert len(layout.firsts) == len(blocks)
        for index, block in enumerate(blocks):
            text = block.shown.text
            spans = [(line.start, line.end) for line in layout.lines if line.block == index]
            lines = [text[a:b] for a, b in spans]
            assert squeeze("".join(lines)) == squeeze(text)
            assert all(cell_len(line) <= width for line in lines)
            if block.role == "keywords":
                continue
            assert not kinsoku_violations(lines), lines
            for (start, end), (following, _) in pairwise(spans):
                unit = LEADING_UNIT.match(text, following)
                assert unit and cell_len(text[start : unit.end()]) > width
                if width - cell_len(text[start:end]) > 4:
                    held = unit.group()
                    assert any(c.isascii() and c.isalnum() for c in held) or len(held) >= 3


def test_blocks_roles_and_rhythm() -> None:
    photo = next(item for item in ITEMS if item.kind == "photo")
    roles = [block.role for block in article_blocks(photo, None)]
    assert roles == ["title", "byline", "caption-label", "caption"]
    continued = next(item for item in ITEMS if item.continued_to_page)
    blocks = article_blocks(continued, None)
    assert blocks[-1].role == "continued" and blocks[-1].shown.text == "（下转第2版）"
    assert blocks[0].role == "kicker" and blocks[1].role == "title"
    layout = lay_out(blocks, 40)
    # kicker and title together; a blank line between the headline and the body, and between
    # paragraphs.
    assert layout.lines[layout.firsts[1] - 1].block == 0
    paragraphs = [i for i, block in enumerate(blocks) if block.role == "paragraph"]
    for index in paragraphs[1:]:
        assert layout.lines[layout.firsts[index] - 1].block == BLANK


def test_subheadings_and_bylines() -> None:
    item = Item(
        "x",
        "article",
        title="标题",
        bylines=("■记者 张三",),
        paragraphs=("小标题", "正文。"),
        subheadings=(0,),
        continued_from_page=1,
    )
    blocks = article_blocks(item, None)
    assert [(b.role, b.shown.text) for b in blocks] == [
        ("title", "标题"),
        ("byline", "记者 张三"),
        ("continued", "（上接第1版）"),
        ("subheading", "小标题"),
        ("paragraph", "正文。"),
    ]


def test_positions_are_paragraphs() -> None:
    item = ITEMS[0]
    layout = lay_out(article_blocks(item, None), 30)
    assert layout.line_of_paragraph(0) == 0
    for paragraph in range(1, len(item.paragraphs)):
        line = layout.line_of_paragraph(paragraph)
        assert layout.paragraph_at(line) == paragraph
        assert layout.paragraph_at(line - 1) == paragraph - 1  # the blank line above
    narrow, wide = lay_out(article_blocks(item, None), 20), lay_out(article_blocks(item, None), 90)
    assert narrow.paragraph_at(narrow.line_of_paragraph(5)) == wide.paragraph_at(
        wide.line_of_paragraph(5)
    )


def test_key_terms_take_one_line_and_are_never_split() -> None:
    blocks = article_blocks(ITEMS[0], None, ("陈利众", "帅燮琅", "高质量", "六干争先"))
    text = blocks[2].shown.text
    for width, shown in (
        (14, "关键词\u3000陈利众"),
        (30, "关键词\u3000陈利众\u3000帅燮琅\u3000高质量"),
    ):
        layout = lay_out(blocks, width)
        lines = [text[line.start : line.end] for line in layout.lines if line.block == 2]
        assert lines == [shown]


def test_pending_key_terms_keep_their_line() -> None:
    pending = article_blocks(ITEMS[0], None, pending=True)
    found = article_blocks(ITEMS[0], None, ("陈利众",))
    assert [b.role for b in pending] == [b.role for b in found]
    assert pending[2].shown.text == "关键词\u3000…"
    assert "keywords" not in [b.role for b in article_blocks(ITEMS[0], None)]


def test_converted_item() -> None:
    item = converted_item(ITEMS[0], "s2t")
    assert item.title == "嘉興市領導來平開展“六幹爭先”主題實踐活動"
    assert converted_item(ITEMS[0], None) is ITEMS[0]
