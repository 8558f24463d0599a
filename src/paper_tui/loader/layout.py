"""Pages laid out in columns side by side (``pdftotext -layout``), read one column after another.

pdftotext's layout mode keeps the page's geometry: each output line is a row across the page, its
columns apart by runs of spaces (gutters). The rest of the loader reads text as the default mode
gives it, a column at a time. So a page in layout mode is first cut at its gutters: each piece of
a row goes to the column whose left edge it starts at (or inside), and the columns are read left
to right, each from top to bottom. Pieces of one row in one column (a line torn at a quotation
mark) are joined again. The edges are where the page's pieces start most often, found on the page
itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

# Justification spreads a line with single spaces; a gutter between columns is wider.
_GUTTER: Final = re.compile(r" {3,}")
_PIECE: Final = re.compile(r"\S+(?: {1,2}\S+)*")
# A page is in layout mode when this share of its lines holds a gutter between two pieces.
LAYOUT_SHARE: Final = 0.3
# Starts this close together are one column's edge (a paragraph's first line is indented).
EDGE_SPREAD: Final = 4
# A column's edge is where at least this share of the page's rows start a piece, and this many.
EDGE_SHARE: Final = 0.1
EDGE_ROWS: Final = 3
_PUNCTUATED: Final = re.compile("[，。；：、！？,.;:!?]")
# Empty rows in a column that end its block (one empty row is only another column's taller line).
BREAK_ROWS: Final = 2


def is_layout(lines: Sequence[str]) -> bool:
    """Whether a page's lines are rows of columns side by side (``pdftotext -layout``)."""
    text = [line for line in lines if line.strip()]
    if not text:
        return False
    gutters = sum(1 for line in text if _GUTTER.search(line.strip()))
    return gutters >= LAYOUT_SHARE * len(text)


def read_columns(lines: Sequence[str]) -> list[tuple[int, str]]:
    """The page's lines column by column, each with the offset of the row it came from.

    Rows above the first two rows set across columns (the page's header) come first, each piece
    of a row a line; a blank line separates the columns, and a block of a column from the next.
    """
    pieces = [[(m.start(), m.group()) for m in _PIECE.finditer(line)] for line in lines]
    edges = _edges(pieces)
    if len(edges) < 2:
        return [(offset, line) for offset, line in enumerate(lines)]
    pieces = [_split_at_edges(found, edges) for found in pieces]
    out: list[tuple[int, str]] = []
    spread = [len({_column(edges, start) for start, _ in found}) > 1 for found in pieces]
    first = next((row for row, across in enumerate(spread) if across), len(lines))
    filled = [row for row in range(first + 1, len(lines)) if pieces[row]]
    if filled and not spread[filled[0]]:
        # A header row alone, set across the columns (the date at one side, the page and
        # section at the other): it belongs above them.
        first += 1
    for row in range(first):
        # A header row sets the page's date, number and section apart: each is a line.
        out.extend([(row, text) for _start, text in pieces[row]] or [(row, "")])
    for column in range(len(edges)):
        out.append((first, ""))
        empty = 0
        spacing = 0  # 1 if the last two lines of the block have an empty row between them
        for row in range(first, len(lines)):
            text = " ".join(t for start, t in pieces[row] if _column(edges, start) == column)
            if not text:
                empty += 1
                continue
            # A heading in large type is set with an empty row between its lines: after such
            # a gap, and a line with no punctuation, a block ends only where the next gap is
            # wider by two rows.
            if empty >= BREAK_ROWS + spacing:
                out.append((row, ""))
                spacing = 0
            elif out[-1][1]:
                spacing = min(empty, 1) if not _PUNCTUATED.search(out[-1][1]) else 0
            empty = 0
            out.append((row, text))
    return out


def _edges(pieces: Sequence[Sequence[tuple[int, str]]]) -> list[int]:
    """The columns' left edges: the starts most pieces begin at or just after, left to right."""
    starts = Counter(start for found in pieces for start, _ in found)
    rows = sum(1 for found in pieces if found)
    least = max(EDGE_ROWS, EDGE_SHARE * rows)
    edges: list[int] = []
    counted = 0
    group_start = -EDGE_SPREAD - 1
    for start in sorted(starts):
        if start - group_start > EDGE_SPREAD:
            if counted >= least:
                edges.append(group_start)
            group_start, counted = start, 0
        counted += starts[start]
    if counted >= least:
        edges.append(group_start)
    return edges


def _split_at_edges(
    found: Sequence[tuple[int, str]], edges: Sequence[int]
) -> list[tuple[int, str]]:
    """The pieces of a row, cut again where a narrow gap falls right before a column's edge.

    A line whose last mark hangs into the gutter leaves only a space or two before the next
    column.
    """
    out: list[tuple[int, str]] = []
    for start, text in found:
        cut = 0
        for gap in re.finditer("  +", text):
            if gap.end() > cut and start + gap.end() in edges:
                out.append((start + cut, text[cut : gap.start()]))
                cut = gap.end()
        out.append((start + cut, text[cut:]))
    return out


def _column(edges: Sequence[int], start: int) -> int:
    """The column a piece starting at ``start`` belongs to: the last edge at or before it."""
    column = 0
    for index, edge in enumerate(edges):
        if edge <= start + 1:
            column = index
    return column
