"""Tell an article's subheadings from titles when pdftotext set them apart from their text.

A subheading alone in its block, with no text of its own line before it, looks like a title.
Two things give it away. It opens an essay's text: a title, its author's name, then a bold line
and the text, as ``新使命：中国共产党的历史担当`` / ``李忠杰`` / ``不忘初心走在时代前列`` do; a
title does not follow another title's author. And an article's subheadings are a series,
written to one pattern: ``新时代的鲜明主题`` belongs with ``新时代的价值追求`` and
``新时代的战略安排`` found as subheadings elsewhere on the page. A section heading may also
restate its article's title within a longer phrase (``充分认识…的重大意义``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from paper_tui.loader.grouping import MIN_HEADLINE_COVERAGE
from paper_tui.loader.lines import is_lead
from paper_tui.loader.reflow import Piece, neighbour, neighbour_at, text_before
from paper_tui.loader.similarity import PageGrams, bigrams

_TEXT: Final = ("paragraph", "subheading")
# A section's number: 一、, （二）, 3. (a title carries none).
_CN: Final = "[一二三四五六七八九十]{1,3}"
NUMBERED: Final = re.compile(rf"^(?:{_CN}、|[（(]{_CN}[)）]|\d{{1,2}}[.．、](?!\d))\S")
# A title this long, quoted whole in another line, is not there by chance.
MIN_TITLE_CHARS: Final = 4


def demote_subheadings(pieces: list[Piece]) -> None:
    """Turn into subheadings the headline pieces that head text inside an article."""
    series = [piece.text for piece in pieces if piece.kind == "subheading"]
    titles = [piece.text for piece in pieces if piece.kind == "headline"]
    for index, piece in enumerate(pieces):
        if piece.kind != "headline":
            continue
        following = neighbour(pieces, index, 1)
        # A lead (本报讯…) opens an article: what stands over it is its title.
        if following is None or following.kind not in _TEXT or is_lead(following.text):
            continue
        if (
            _follows_title_and_author(pieces, index)
            or _in_series(piece.text, series)
            or _restates_title(piece.text, titles)
            or _numbered(piece.text, pieces, index)
        ):
            piece.kind = "subheading"


def promote_titles(pieces: list[Piece]) -> None:
    """Make headlines of the subheadings that open a block after text stopping mid-sentence,
    when the text before them does not use their words.

    A subheading stands between two paragraphs of its article, after a sentence's end. Where
    the text before a block's opening heading stops mid-sentence (``…锁定嫌疑人胡某，面对``), that
    text goes on elsewhere, and the heading may open other text: another article's title, set
    over its text (``本周气温一路回升`` / ``周末辽宁小范围降雨``). A section's heading names what
    its article has been about (``新时代的世界担当`` after text on 新时代); a title found in none
    of the text before it, as a headline must be found in its article's, heads other text.
    """
    weights: PageGrams | None = None
    for index, piece in enumerate(pieces):
        if piece.kind != "subheading":
            continue
        at = neighbour_at(pieces, index, -1)
        if at is None or pieces[at].block == piece.block:
            continue
        before = pieces[at]
        if (
            before.kind != "paragraph"
            or not before.open_end
            or before.joined
            or before.lines[-1].stops
        ):
            continue
        if weights is None:
            weights = PageGrams([bigrams(p.text) for p in pieces if p.kind == "paragraph"])
        heading = weights.mask(bigrams(piece.text))
        text = weights.mask(bigrams("".join(p.text for p in text_before(pieces, index))))
        if weights.coverages(heading, [text])[0] < MIN_HEADLINE_COVERAGE:
            piece.kind = "headline"


def _numbered(text: str, pieces: Sequence[Piece], index: int) -> bool:
    """Whether a line is a numbered section heading (一、…, （二）…, 3.…) between the text it
    follows and the text it heads: a title is not numbered, nor set after a finished paragraph
    over more text."""
    if NUMBERED.match(text) is None:
        return False
    before = neighbour(pieces, index, -1)
    return before is not None and before.kind in _TEXT


def _follows_title_and_author(pieces: Sequence[Piece], index: int) -> bool:
    """Whether the piece stands right under a headline and the author line set beneath it."""
    position = neighbour_at(pieces, index, -1)
    if position is None or pieces[position].kind != "byline":
        return False
    title = neighbour(pieces, position, -1)
    return title is not None and title.kind == "headline"


def _restates_title(text: str, titles: Sequence[str]) -> bool:
    """Whether a line holds another headline of the page whole, as a section of its article.

    ``充分认识全面建成多层次社会保障体系的重大意义`` heads a section of the article titled
    ``全面建成多层次社会保障体系``; one article's title never quotes another's in full.
    """
    return any(
        len(title) >= MIN_TITLE_CHARS and len(title) < len(text) and title in text
        for title in titles
    )


def _in_series(text: str, series: Sequence[str]) -> bool:
    """Whether a line is written to the pattern of the page's subheadings.

    The pattern is the same length and a shared opening or ending of at least a quarter of it
    (``新时代的`` + two words); a colon at the same place counts as a shared opening
    (``明确新目标：…`` beside ``贯彻新思想：…``).
    """
    for other in series:
        if len(other) != len(text) or other == text:
            continue
        least = max(2, len(text) // 4)
        if _shared_prefix(text, other) >= least or _shared_prefix(text[::-1], other[::-1]) >= least:
            return True
        colon = text.find("：")
        if colon >= 2 and other.find("：") == colon:
            return True
    return False


def _shared_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count
