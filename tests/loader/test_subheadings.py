"""Subheadings set apart from their text are told from titles, from small labelled pages."""

from __future__ import annotations

from typeset import set_column

from paper_tui.loader.columns import punct_width, remeasure
from paper_tui.loader.lines import make_line
from paper_tui.loader.reflow import Piece, build_pieces, split_blocks
from paper_tui.loader.subheadings import demote_subheadings

BODY = (
    "中国特色社会主义进入新时代，这是我国发展新的历史方位，也是我们奋进新的历史坐标。"
    "意气风发走进新时代，党员干部必须带头学习掌握新思想，真抓实干增长新本领。"
)
OTHER = (
    "海权，简而言之就是对海洋的控制权和利用权。海权对沿海国的生存与发展具有极其重要的意义，"
    "维护海权必须有完善的海洋法律体系作为支撑，这是建设海洋强国的应有之义。"
)


def pieces_of(*blocks: list[str]) -> list[Piece]:
    """The pieces of a page whose blocks are separated by blank lines."""
    text = "\n\n".join("\n".join(block) for block in blocks)
    lines = [make_line(n, raw) if raw.strip() else None for n, raw in enumerate(text.split("\n"))]
    lines = remeasure(lines, punct_width(split_blocks(lines)))
    pieces = build_pieces(split_blocks(lines))
    demote_subheadings(pieces)
    return pieces


def kind_of(pieces: list[Piece], text: str) -> str:
    return next(piece.kind for piece in pieces if piece.text == text)


def test_bold_line_under_title_and_author_is_a_subheading() -> None:
    pieces = pieces_of(
        ["新使命：中国共产党的历史担当", "李忠杰"],
        ["不忘初心走在时代前列"],
        set_column(BODY, 15),
    )
    assert kind_of(pieces, "新使命：中国共产党的历史担当") == "headline"
    assert kind_of(pieces, "不忘初心走在时代前列") == "subheading"


def test_title_after_text_and_byline_stays_a_title() -> None:
    # The author line closes the article above; the next title opens another article.
    pieces = pieces_of(
        set_column(BODY, 15), ["李忠杰"], ["建设海洋强国需完善海洋法律体系"], set_column(OTHER, 15)
    )
    assert kind_of(pieces, "建设海洋强国需完善海洋法律体系") == "headline"


def test_line_written_like_the_page_subheadings_is_one() -> None:
    pieces = pieces_of(
        ["新时代的鲜明主题"],
        set_column(BODY, 15),
        ["新时代的价值追求", *set_column(OTHER, 15)],
    )
    assert kind_of(pieces, "新时代的价值追求") == "subheading"
    assert kind_of(pieces, "新时代的鲜明主题") == "subheading"


def test_title_unlike_the_subheadings_stays_a_title() -> None:
    pieces = pieces_of(
        ["意气风发走进新时代"],
        set_column(BODY, 15),
        ["新时代的价值追求", *set_column(OTHER, 15)],
    )
    assert kind_of(pieces, "意气风发走进新时代") == "headline"


def test_line_restating_another_title_is_a_subheading() -> None:
    pieces = pieces_of(
        ["充分认识全面建成多层次社会保障体系的重大意义"],
        set_column(BODY, 15),
        ["全面建成多层次社会保障体系"],
        set_column(OTHER, 15),
    )
    assert kind_of(pieces, "充分认识全面建成多层次社会保障体系的重大意义") == "subheading"
    assert kind_of(pieces, "全面建成多层次社会保障体系") == "headline"
