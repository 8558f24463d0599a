"""Give each byline and credit to the article it belongs to.

A byline set in one block with a headline is that headline's article's; a credit follows the
photo caption above it; a name in brackets, a byline printed as the last line of a finished
text's block, or an author's name between a finished text and another text's heading, closes
the text above it; any other byline goes with the text right under it, or failing that the
text above.
"""

from __future__ import annotations

from paper_tui.loader.grouping import distance, owner_of
from paper_tui.loader.lines import is_author_name, is_closing_credit
from paper_tui.loader.reflow import Piece, neighbour
from paper_tui.loader.runs import Run


def attach_bylines(
    articles: list[Run], runs: list[Run], bylines: list[int], pieces: list[Piece]
) -> None:
    """Give each byline or credit to the article it belongs to."""
    for position in bylines:
        piece = pieces[position]
        target = _byline_owner(articles, runs, position, piece, pieces)
        if target is None:
            # A byline with no text near it: kept as an item of its own, never dropped.
            target = Run(start=position, end=position, strong_start=True)
            articles.append(target)
        target.bylines.append(piece)


def _byline_owner(
    articles: list[Run], runs: list[Run], position: int, piece: Piece, pieces: list[Piece]
) -> Run | None:
    before = [run for run in runs if run.end < position and run.paragraphs]
    # A name in brackets closes the text right above it, whatever headline its block holds.
    closes = bool(before) and distance(pieces, before[-1].end, position) == 0
    if closes and is_closing_credit(piece.text):
        return owner_of(articles, before[-1])
    # A byline set in one block with a headline belongs to that headline's article.
    for article in articles:
        if any(headline.block == piece.block for _pos, headline in article.headlines):
            return article
    if piece.kind == "credit":
        for run in runs:
            if run.credit and run.end < position and distance(pieces, run.end, position) == 0:
                return owner_of(articles, run)
    # So does a byline printed as the last line of that text's block, under a sentence's end,
    # and an author's name between a finished text and another text's heading.
    if closes and (_closes_block(pieces, position) or _signs_text_above(pieces, position)):
        return owner_of(articles, before[-1])
    following = [run for run in runs if run.start > position and run.paragraphs]
    if following and distance(pieces, position, following[0].start) <= 2:
        return owner_of(articles, following[0])
    if before:
        return owner_of(articles, before[-1])
    return owner_of(articles, following[0]) if following else None


def _signs_text_above(pieces: list[Piece], position: int) -> bool:
    """Whether an author's name alone signs the finished text above it: no text follows it,
    only another text's heading (a name over text is that text's author)."""
    piece = pieces[position]
    if piece.kind != "byline" or not is_author_name(piece.text):
        return False
    above, below = neighbour(pieces, position, -1), neighbour(pieces, position, 1)
    return (
        above is not None
        and above.kind == "paragraph"
        and above.lines[-1].ends
        and below is not None
        and below.kind in ("subheading", "headline")
    )


def _closes_block(pieces: list[Piece], position: int) -> bool:
    """Whether a byline is the last line of the block of a finished paragraph above it."""
    piece = pieces[position]
    above = pieces[position - 1] if position > 0 else None
    below = pieces[position + 1] if position + 1 < len(pieces) else None
    return (
        piece.kind == "byline"
        and above is not None
        and above.kind == "paragraph"
        and above.block == piece.block
        and above.lines[-1].ends
        and (below is None or below.block != piece.block)
    )
