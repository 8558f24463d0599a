"""Column widths: how wide a full line is, for each line of a page, in ems.

A page mixes columns of 10 to 25 characters, and one pdftotext block may run one column into
another, so every line is measured against the full lines around it in its own column: the width
most of them reach. A printed line that pdftotext tore apart at quotation marks is measured whole.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from typing import Final, NamedTuple

from paper_tui.loader.lines import Line

# How much shorter than its block a line must be to count as a paragraph's last line (in ems):
# more than the slack left by compressed punctuation in a justified line.
SHORT_LINE: Final = 1.25
# A lost first-line indent leaves a line this much short of its block (two characters, give or
# take compressed punctuation).
INDENT_MIN: Final = 1.5
INDENT_MAX: Final = 3.5
# A line this much short of its column is not a full one.
NOT_FULL: Final = 1.5
# The pieces of a printed line torn by pdftotext fill its column within this much.
TEAR_FIT: Final = 0.75
OPENING_QUOTES: Final = "“‘「『"
CLOSING_QUOTES: Final = "”’」』"
QUOTES: Final = OPENING_QUOTES + CLOSING_QUOTES
# Blocks with fewer lines than this borrow their width from the page's larger blocks.
MIN_LINES_FOR_WIDTH: Final = 4
# Lines on each side that set a line's column width.
WIDTH_WINDOW: Final = 8
# Full lines this much wider or narrower than the ones before them are set in another column.
COLUMN_CHANGE: Final = 1.5
# Full lines in a row that show a change of column.
COLUMN_EVIDENCE: Final = 3


def median(values: Sequence[float]) -> float:
    """The median of sorted values (as ``statistics.median``, without sorting again)."""
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def block_width(lines: Sequence[Line]) -> float:
    """The full-line width of a run of body lines: the width most of its lines reach.

    Lines that end in punctuation are ambiguous (it may hang past the column edge or sit
    inside), so lines ending in text decide when there are enough of them.
    """
    if not lines:
        return 0.0
    if len(lines) < MIN_LINES_FOR_WIDTH:
        return max(line.inner_width for line in lines)
    plain = [line.width for line in lines if line.width == line.inner_width]
    widths = plain if len(plain) >= 2 else [line.inner_width for line in lines]
    return _upper_quartile(sorted(widths))


def _upper_quartile(widths: list[float]) -> float:
    """The median of the upper quarter of sorted widths."""
    # Most lines of a column are full, the short ones end paragraphs.
    return median(widths[(3 * len(widths)) // 4 :])


class _Window:
    """The full lines of a window sliding down a run, their widths kept sorted."""

    def __init__(self) -> None:
        self.plain: list[float] = []
        self.inner: list[float] = []

    def add(self, line: Line) -> None:
        """Take a line in."""
        insort(self.inner, line.inner_width)
        if line.width == line.inner_width:
            insort(self.plain, line.width)

    def remove(self, line: Line) -> None:
        """Let a line go."""
        del self.inner[bisect_left(self.inner, line.inner_width)]
        if line.width == line.inner_width:
            del self.plain[bisect_left(self.plain, line.width)]

    def width(self) -> float:
        """``block_width`` of the lines in the window."""
        if len(self.inner) < MIN_LINES_FOR_WIDTH:
            return self.inner[-1]
        return _upper_quartile(self.plain if len(self.plain) >= 2 else self.inner)


def block_widths(blocks: Sequence[list[Line]]) -> list[float | None]:
    """The column width each block shows by its full lines, None when they do not show it."""
    widths: list[float | None] = []
    for block in blocks:
        body = [line for line in block if line.role == "body"]
        full = [
            body[i] for i in range(1, len(body) - 1) if not body[i - 1].stops and not body[i].stops
        ]
        # A few full lines that all end in a mark do not tell the width: the mark may hang past
        # the column or sit inside it.
        plain = any(line.width == line.inner_width for line in full)
        shows = len(full) >= MIN_LINES_FOR_WIDTH or (len(full) >= 2 and plain)
        widths.append(block_width(full) if shows else None)
    return widths


def nearby_widths(widths: list[float | None], index: int) -> list[float]:
    """The column widths of the page's larger blocks, nearest to block ``index`` first."""
    known = [(abs(i - index), width) for i, width in enumerate(widths) if width is not None]
    return [width for _distance, width in sorted(known)]


def width_for(
    lines: Sequence[Line], page_widths: Sequence[float], *, borrow: bool = False
) -> float:
    """Width of a run; a short run takes the width of the nearest column it fits in."""
    own = block_width(lines)
    if (len(lines) >= MIN_LINES_FOR_WIDTH and not borrow) or not page_widths:
        return own
    widest = max(line.inner_width for line in lines)
    for width in page_widths:
        if width >= widest - 0.5:
            return max(width, widest)
    return own


def local_widths(run: Sequence[Line], page_widths: Sequence[float]) -> list[float]:
    """The full-line width around each line of a run.

    One pdftotext block may hold columns of different widths one after the other, so each line
    is measured against its neighbours in its own column: the width most lines within a few
    lines of it reach.
    """
    if len(run) < MIN_LINES_FOR_WIDTH:
        width = width_for(run, page_widths)
        return [width] * len(run)
    # Lines inside a paragraph are the evidence: they are full, while a paragraph's first line
    # is short by its lost indent and its last line may stop anywhere.
    inside = [
        0 < i < len(run) - 1 and not run[i - 1].stops and not line.stops
        for i, line in enumerate(run)
    ]
    cuts = column_changes(run, inside)
    if not cuts:
        return _window_widths(run, inside, page_widths)
    widths: list[float] = []
    for start, stop in zip([0, *cuts], [*cuts, len(run)], strict=True):
        part = run[start:stop]
        if len(part) < MIN_LINES_FOR_WIDTH:
            widths.extend([width_for(part, page_widths)] * len(part))
        else:
            widths.extend(_window_widths(part, inside[start:stop], page_widths))
    return widths


def column_changes(run: Sequence[Line], inside: Sequence[bool]) -> list[int]:
    """Where a run passes from one column width to another: the first line of each new column.

    Full lines keep to their column's width. A few full lines in a row, as wide as each other
    and all wider (or all narrower) than the even lines before them by more than a column
    change, start a new column; lines torn short by pdftotext are uneven and start none.
    """
    cuts: list[int] = []
    seen: list[float] = []
    streak: list[int] = []
    for i, line in enumerate(run):
        if not inside[i]:
            continue
        last = sorted(seen[-MIN_LINES_FOR_WIDTH:])
        # Only lines as even as a column's set one: a subheading's lines are not.
        if len(last) < MIN_LINES_FOR_WIDTH or last[-1] - last[0] > COLUMN_CHANGE:
            seen.append(line.width)
            continue
        reference = median(last)
        if abs(line.width - reference) <= COLUMN_CHANGE:
            streak = []
            seen.append(line.width)
            continue
        if streak and not _same_column(run[streak[0]].width, line.width, reference):
            streak = []
        streak.append(i)
        if len(streak) == COLUMN_EVIDENCE:
            cuts.append(_column_start(run, inside, streak[0], reference))
            seen = [run[j].width for j in streak]
            streak = []
    return cuts


def _same_column(first: float, width: float, reference: float) -> bool:
    """Whether two lines off a column's width are as wide as each other, on the same side."""
    return abs(width - first) <= 1.0 and (width > reference) == (first > reference)


def _column_start(run: Sequence[Line], inside: Sequence[bool], at: int, old: float) -> int:
    """The first line of a new column found at ``at``: a first line too wide for the old one."""
    while at > 0 and not inside[at - 1] and run[at - 1].width > old + COLUMN_CHANGE:
        at -= 1
    return at


def _window_widths(
    run: Sequence[Line], inside: Sequence[bool], page_widths: Sequence[float]
) -> list[float]:
    """``local_widths`` within one column: each line's width from the window around it."""
    # Each line is measured in the window of lines around it, held inside the run; the windows
    # are computed once each, sliding down the run.
    span = 2 * WIDTH_WINDOW + 1
    last = max(0, len(run) - span)
    window = _Window()
    by_start = []
    for start in range(last + 1):
        stop = min(len(run), start + span)
        if start == 0:
            for j in range(stop):
                if inside[j]:
                    window.add(run[j])
        else:
            if inside[start - 1]:
                window.remove(run[start - 1])
            if inside[stop - 1]:
                window.add(run[stop - 1])
        if len(window.inner) >= MIN_LINES_FOR_WIDTH or (len(window.inner) >= 2 and window.plain):
            by_start.append(window.width())
        else:
            # Too few full lines here, or only a few whose last mark may hang past the column
            # or sit inside it: the nearest column this text fits in.
            by_start.append(width_for(run[start:stop], page_widths, borrow=True))
    return [by_start[min(max(i - WIDTH_WINDOW, 0), last)] for i in range(len(run))]


class Printed(NamedTuple):
    """For each line of a run, the width and inner width of the printed line it is part of."""

    width: list[float]
    inner: list[float]
    goes_on: list[bool]
    """Whether the printed line goes on in the next line of the run."""


def printed_widths(run: Sequence[Line], widths: Sequence[float]) -> Printed:
    """The printed lines of a run, measured whole even where pdftotext tore them apart.

    pdftotext tears a printed line in two or three where the font changes around quotation
    marks (``事实证明，`` / ``“一国两制”是解决``): each piece looks short, but the pieces of one
    line fill the column together, and only the last may end a sentence.
    """
    width = [line.width for line in run]
    inner = [line.inner_width for line in run]
    goes_on = [False] * len(run)
    start = 0
    while start < len(run):
        end, total = start, run[start].width
        while end + 1 < len(run) and _torn(run[end], run[end + 1], total, widths[start]):
            end += 1
            total += run[end].width
        if end > start:
            whole_inner = total - run[end].width + run[end].inner_width
            width[start : end + 1] = [total] * (end + 1 - start)
            inner[start : end + 1] = [whole_inner] * (end + 1 - start)
            goes_on[start:end] = [True] * (end - start)
        start = end + 1
    return Printed(width, inner, goes_on)


def _torn(line: Line, following: Line, total: float, column: float) -> bool:
    """Whether ``following`` is the rest of the printed line ``line`` was torn from."""
    if column - total < NOT_FULL or total + following.inner_width > column + TEAR_FIT:
        return False
    if line.ends:
        # A sentence may end inside a printed line and the next begin with a quotation, torn
        # off short; a paragraph's first line is short by its indent alone.
        return following.text[0] in OPENING_QUOTES and column - following.width > INDENT_MAX
    text = line.text
    return (
        text[-1] in QUOTES
        or following.text[0] in OPENING_QUOTES
        or sum(map(text.count, OPENING_QUOTES)) > sum(map(text.count, CLOSING_QUOTES))
    )
