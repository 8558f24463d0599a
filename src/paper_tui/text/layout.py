"""Lay an article out for the reader: blocks of displayed text broken into lines of a given width.

An article becomes a sequence of blocks, each one piece of text with a role (kicker, title,
bylines, a paragraph, a subheading, a photo caption, a continuation marker, the seam where an
article stitched across pages goes on), already converted to the script shown. ``lay_out``
breaks every block into lines with ``wrap.wrap_spans``, the CJK line breaker, and puts blank
lines between groups of blocks so paragraphs read as paragraphs. Lines only point into the
blocks' text, so laying out a 200 KB article costs one pass of the wrapper and drawing a line
costs a slice. A reading position is a paragraph, which survives any width.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final, Literal, NamedTuple, get_args

from rich.cells import cell_len

from paper_tui.model import Item
from paper_tui.text.convert import Shown, convert, show
from paper_tui.text.wrap import wrap_spans

Role = Literal[
    "series",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "keywords",
    "continued",
    "seam",
    "subheading",
    "paragraph",
    "caption-label",
    "caption",
]
ROLES: Final[tuple[Role, ...]] = get_args(Role)
# Blocks of one group follow each other without a blank line between them.
_GROUPS: Final[dict[str, str]] = {
    "series": "headline",
    "kicker": "headline",
    "title": "headline",
    "subtitle": "headline",
    "byline": "credits",
    "keywords": "credits",
    "caption-label": "caption",
    "caption": "caption",
}
# Bylines open with a typographic bullet (■记者 居丹荔) that only separated them from the body.
_BYLINE_BULLETS: Final = "■□◆◇●"
KEYWORDS_LABEL: Final = "关键词"
CAPTION_LABEL: Final = "▣ 图片说明"
_TERM: Final = re.compile("[^\u3000]+")
SEAM_RULE: Final = "──"
BLANK: Final = -1
"""The block index of a blank line."""


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of an article as displayed, with its role."""

    role: Role
    shown: Shown
    paragraph: int
    """The paragraph this block is (or comes before); 0 for everything above the body."""


class Line(NamedTuple):
    """One line on screen: a slice of a block's displayed text, or a blank line."""

    block: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Layout:
    """An article's blocks broken into lines at one width."""

    width: int
    lines: tuple[Line, ...]
    firsts: tuple[int, ...]
    """The first line of each block."""
    paragraphs: tuple[int, ...]
    """The paragraph of each block."""

    def line_of_paragraph(self, paragraph: int) -> int:
        """The first line of a paragraph (the top for 0, the end for one past the last)."""
        if paragraph <= 0:
            return 0
        for block, first in enumerate(self.firsts):
            if self.paragraphs[block] >= paragraph:
                return first
        return max(len(self.lines) - 1, 0)

    def paragraph_at(self, y: int) -> int:
        """The paragraph shown at line ``y`` (a blank line belongs to the block above it)."""
        if not self.firsts:
            return 0
        block = max(bisect_right(self.firsts, max(y, 0)) - 1, 0)
        return self.paragraphs[block]


def article_blocks(
    item: Item, variant: str | None, keywords: Sequence[str] = (), *, pending: bool = False
) -> tuple[Block, ...]:
    """The blocks of an item in reading order, converted with ``variant`` (None: simplified).

    With ``pending``, the key terms are on their way: their line is kept with an ellipsis, so
    the text does not move down when they arrive.
    """

    def block(role: Role, text: str, paragraph: int = 0) -> Block:
        return Block(role, show(text, variant), paragraph)

    blocks: list[Block] = []
    headline: tuple[tuple[Role, str | None], ...] = (
        ("series", item.series),
        ("kicker", item.kicker),
        ("title", item.title),
        ("subtitle", item.subtitle),
    )
    for part, text in headline:
        if text:
            blocks.append(block(part, text))
    for byline in item.bylines:
        if stripped := byline.lstrip(_BYLINE_BULLETS).strip():
            blocks.append(block("byline", stripped))
    if keywords:
        blocks.append(block("keywords", KEYWORDS_LABEL + "\u3000" + "\u3000".join(keywords)))
    elif pending:
        blocks.append(block("keywords", KEYWORDS_LABEL + "\u3000…"))
    if item.continued_from_page is not None:
        blocks.append(block("continued", f"（上接第{item.continued_from_page}版）"))
    if item.kind == "photo" and item.paragraphs:
        blocks.append(block("caption-label", CAPTION_LABEL))
    seams = {seam.paragraph: seam for seam in item.seams}
    for index, paragraph in enumerate(item.paragraphs):
        if index in seams:
            blocks.append(block("seam", f"{SEAM_RULE} {seams[index].label} {SEAM_RULE}", index))
        if not paragraph.strip():
            continue
        role: Role = "paragraph"
        if item.kind == "photo":
            role = "caption"
        elif item.is_subheading(index):
            role = "subheading"
        blocks.append(block(role, paragraph, index))
    if item.continued_to_page is not None:
        blocks.append(
            block("continued", f"（下转第{item.continued_to_page}版）", len(item.paragraphs))
        )
    return tuple(blocks)


def lay_out(blocks: Sequence[Block], width: int) -> Layout:
    """Break the blocks into lines of at most ``width`` cells, blank lines between groups."""
    lines: list[Line] = []
    firsts: list[int] = []
    previous: str | None = None
    for index, block in enumerate(blocks):
        group = _GROUPS.get(block.role, "body")
        if previous is not None and (group != previous or group == "body"):
            lines.append(Line(BLANK))
        previous = group
        firsts.append(len(lines))
        if block.role == "keywords":
            # One line, the terms that fit: the text below must not move when the terms arrive.
            lines.extend(
                Line(index, start, end) for start, end in _pack_terms(block.shown.text, width)[:1]
            )
        else:
            lines.extend(
                Line(index, start, end) for start, end in wrap_spans(block.shown.text, width)
            )
    return Layout(width, tuple(lines), tuple(firsts), tuple(block.paragraph for block in blocks))


def _pack_terms(text: str, width: int) -> list[tuple[int, int]]:
    """Lines of a key-term list, broken only between terms so that no term is split."""
    spans: list[tuple[int, int]] = []
    start = end = 0
    for match in _TERM.finditer(text):
        if end > start and cell_len(text[start : match.end()]) > width:
            spans.append((start, end))
            start = match.start()
        end = match.end()
    spans.append((start, end))
    # A single term wider than the line still has to be broken somewhere.
    return [
        (start + a, start + b)
        for start, end in spans
        for a, b in wrap_spans(text[start:end], width)
    ]


def converted_item(item: Item, variant: str | None) -> Item:
    """The item with its text in ``variant``'s script (None: unchanged), to copy or export."""
    if variant is None:
        return item

    def text(value: str | None) -> str | None:
        return None if value is None else convert(value, variant)

    return replace(
        item,
        series=text(item.series),
        kicker=text(item.kicker),
        title=text(item.title),
        subtitle=text(item.subtitle),
        bylines=tuple(convert(line, variant) for line in item.bylines),
        paragraphs=tuple(convert(paragraph, variant) for paragraph in item.paragraphs),
    )
