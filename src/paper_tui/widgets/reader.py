"""The reader pane: one article laid out for CJK text, drawing only the lines on screen.

Rich and Textual wrap only at spaces, which leaves a Chinese paragraph that opens 本报讯 with a
lone first line and lets a comma start a line. So the pane lays text out itself, with the CJK line
breaker in ``text.wrap`` (through ``text.layout``), and draws through Textual's Line API: each
frame renders the visible lines only, each a slice of its block's text, so a 200 KB article opens
and scrolls as fast as a short one. Highlights (key terms, watch words, search matches) are spans
of the displayed text, found per block when the block is first drawn and kept until they change.
The reading position is a paragraph, not a line, so it survives a resize or a change of script.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import ClassVar, Final

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from paper_tui.text.find import find_spans, find_words
from paper_tui.text.layout import BLANK, ROLES, Block, Layout, lay_out

MAX_MEASURE: Final = 80
"""Lines are at most this many cells: about 40 Chinese characters, still easy to read."""
# Highlight kinds, lowest priority first; a later kind wins where two overlap.
_KEYWORD, _WATCH, _MATCH, _CURRENT = range(4)
_MARK_CLASSES: Final = ("reader--keyword", "reader--watch", "reader--match", "reader--current")
# Where a search match lands when the reader jumps to it: a third of the way down.
_MATCH_VIEW_OFFSET: Final = 3


class ReaderPane(ScrollView, can_focus=True):
    """Shows one article, laid out line by line with CJK-aware breaking."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_lines(1)", "Down", show=False, id="reader.down"),
        Binding("up,k", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
        Binding(
            "space,pagedown", "scroll_pages(1)", "Page", key_display="space", id="reader.page_down"
        ),
        Binding("b,pageup", "scroll_pages(-1)", "Page back", show=False, id="reader.page_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"reader--{role}" for role in ROLES),
        *_MARK_CLASSES,
    }

    ALLOW_SELECT = False

    class Moved(Message):
        """The paragraph at the top of the pane changed."""

        def __init__(self, key: str, paragraph: int) -> None:
            super().__init__()
            self.key = key
            self.paragraph = paragraph

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.key: str | None = None
        self.paragraph = 0
        self._blocks: tuple[Block, ...] = ()
        self._layout: Layout | None = None
        self._terms: tuple[str, ...] = ()
        self._watch: tuple[str, ...] = ()
        self._variant: str | None = None
        self._query = ""
        self._matches: list[tuple[int, int, int]] = []
        self._current = -1
        self._marks: dict[int, list[tuple[int, int, int]]] = {}

    # --- what is shown ----------------------------------------------------------------------

    def show(self, key: str, blocks: Sequence[Block], paragraph: int | None = None) -> None:
        """Show an article's blocks; at ``paragraph``, or where it was if it is the same one."""
        same = key == self.key
        if paragraph is None:
            paragraph = self.paragraph if same else 0
        self.key = key
        self._blocks = tuple(blocks)
        self._relayout(paragraph)
        self._find(keep=same, reveal=False)

    def set_marks(self, terms: Sequence[str], watch: Sequence[str], variant: str | None) -> None:
        """Highlight key terms and watch words; ``variant`` is the traditional variant in use."""
        terms, watch = tuple(terms), tuple(watch)
        if (terms, watch, variant) != (self._terms, self._watch, self._variant):
            self._terms, self._watch, self._variant = terms, watch, variant
            self._marks.clear()
            self.refresh()

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The blocks shown."""
        return self._blocks

    @property
    def article_layout(self) -> Layout | None:
        """The current layout, once the pane has a size."""
        return self._layout

    def visible_text(self) -> list[str]:
        """The text of the lines on screen, for tests and the benchmark."""
        layout = self._layout
        if layout is None:
            return []
        top = round(self.scroll_y)
        lines = layout.lines[top : top + self.scrollable_content_region.height]
        return [self._line_text(line.block, line.start, line.end) for line in lines]

    def _line_text(self, block: int, start: int, end: int) -> str:
        return "" if block == BLANK else self._blocks[block].shown.text[start:end]

    # --- search -------------------------------------------------------------------------------

    def find(self, query: str) -> tuple[int, int]:
        """Highlight every match of ``query`` and go to the first one at or after the view."""
        self._query = query
        self._find(keep=False, reveal=True)
        return self.match_status

    def step_match(self, step: int) -> tuple[int, int]:
        """Go to the next (``step`` 1) or previous (-1) match, wrapping around."""
        if self._matches:
            self._current = (self._current + step) % len(self._matches)
            self._marks.clear()
            self._reveal_match()
        return self.match_status

    @property
    def match_status(self) -> tuple[int, int]:
        """The current match (1-based, 0 for none) and the number of matches."""
        return (self._current + 1, len(self._matches))

    def _find(self, *, keep: bool, reveal: bool) -> None:
        previous = self._current
        self._matches = []
        if self._query:
            for index, block in enumerate(self._blocks):
                for start, end in find_spans(self._query, block.shown, self._variant):
                    self._matches.append((index, start, end))
        self._marks.clear()
        if not self._matches:
            self._current = -1
        elif keep:
            self._current = min(max(previous, 0), len(self._matches) - 1)
        else:
            self._current = self._first_match_in_view()
        if reveal:
            self._reveal_match()
        self.refresh()

    def _first_match_in_view(self) -> int:
        layout = self._layout
        if layout is None:
            return 0
        top = round(self.scroll_y)
        for index, (block, start, _end) in enumerate(self._matches):
            if self._line_of(block, start) >= top:
                return index
        return 0

    def _line_of(self, block: int, offset: int) -> int:
        layout = self._layout
        assert layout is not None
        line = layout.firsts[block]
        while line + 1 < len(layout.lines):
            following = layout.lines[line + 1]
            if following.block != block or following.start > offset:
                break
            line += 1
        return line

    def _reveal_match(self) -> None:
        if self._layout is None or not 0 <= self._current < len(self._matches):
            return
        block, start, _end = self._matches[self._current]
        line = self._line_of(block, start)
        height = self.scrollable_content_region.height
        if not self.scroll_y <= line < self.scroll_y + height:
            self.scroll_to(y=max(line - height // _MATCH_VIEW_OFFSET, 0), animate=False)
        self.refresh()

    # --- layout and position ----------------------------------------------------------------

    def _measure(self) -> int:
        return max(min(self.scrollable_content_region.width, MAX_MEASURE), 1)

    def _relayout(self, paragraph: int) -> None:
        if not self.size.width:
            self.paragraph = paragraph
            return
        self._layout = lay_out(self._blocks, self._measure())
        self.virtual_size = Size(self._layout.width, len(self._layout.lines))
        self.paragraph = paragraph
        # Forced: the scrollbar that permits scrolling only appears once the new size is laid out.
        target = self._layout.line_of_paragraph(paragraph)
        self.scroll_to(y=target, animate=False, force=True)
        self.refresh()

    def on_resize(self) -> None:
        """Lay the article out again for the new width, at the same paragraph."""
        self._ensure_layout()

    def _ensure_layout(self) -> None:
        if self.size.width and (self._layout is None or self._layout.width != self._measure()):
            self._relayout(self.paragraph)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Lay out first if the size is new, so the very first frame already shows the text."""
        # The Resize event that would trigger the layout arrives after the first frame is drawn.
        self._ensure_layout()
        return super().render_lines(crop)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Track the paragraph at the top, and tell the screen when it changes."""
        super().watch_scroll_y(old_value, new_value)
        if self._layout is None or self.key is None:
            return
        top = round(new_value)
        paragraph = self._layout.paragraph_at(top)
        if paragraph == self.paragraph:
            return
        # Near the end the paragraph being read may not reach the top; while it is still on
        # screen it stays the position, so a taller window does not move the bookmark back.
        first = self._layout.line_of_paragraph(self.paragraph)
        if top >= self.max_scroll_y and top <= first < top + self.scrollable_content_region.height:
            return
        self.paragraph = paragraph
        self.post_message(self.Moved(self.key, paragraph))

    def go_to_paragraph(self, paragraph: int) -> None:
        """Scroll so that a paragraph starts at the top."""
        if self._layout is None:
            self.paragraph = paragraph
            return
        self.scroll_to(y=self._layout.line_of_paragraph(paragraph), animate=False)

    def action_scroll_lines(self, count: int) -> None:
        """Scroll by lines."""
        self.scroll_to(y=self.scroll_y + count, animate=False)

    def action_scroll_pages(self, count: int) -> None:
        """Scroll by screens, keeping one line of the last screen in view."""
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_y + count * step, animate=False)

    def action_top(self) -> None:
        """Go to the top of the article."""
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        """Go to the end of the article."""
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # --- drawing ------------------------------------------------------------------------------

    def _block_marks(self, block: int) -> list[tuple[int, int, int]]:
        """Highlights in one block as (start, end, kind), found on first use."""
        marks = self._marks.get(block)
        if marks is not None:
            return marks
        shown = self._blocks[block].shown
        marks = []
        if self._terms:
            marks += [(m.start, m.end, _KEYWORD) for m in find_words(self._terms, shown, None)]
        if self._watch:
            found = find_words(self._watch, shown, self._variant)
            marks += [(m.start, m.end, _WATCH) for m in found]
        for index, (where, start, end) in enumerate(self._matches):
            if where == block:
                marks.append((start, end, _CURRENT if index == self._current else _MATCH))
        self._marks[block] = marks
        return marks

    def render_line(self, y: int) -> Strip:
        """Draw one line of the pane."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self._layout
        index = scroll_y + y
        if layout is None or index >= len(layout.lines) or layout.lines[index].block == BLANK:
            return Strip.blank(width, base)
        line = layout.lines[index]
        block = self._blocks[line.block]
        text = block.shown.text
        style = base + self.get_component_rich_style(f"reader--{block.role}", partial=True)
        segments = [
            Segment(text[start:end], style + mark if mark else style)
            for start, end, mark in self._paint(line.block, line.start, line.end)
        ]
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, base)

    def _paint(self, block: int, start: int, end: int) -> list[tuple[int, int, Style | None]]:
        """Cut a line into runs, each with the style of the strongest highlight over it."""
        marks = [
            (max(a, start), min(b, end), kind)
            for a, b, kind in self._block_marks(block)
            if a < end and b > start
        ]
        if not marks:
            return [(start, end, None)]
        cuts = sorted({start, end, *(a for a, _, _ in marks), *(b for _, b, _ in marks)})
        runs: list[tuple[int, int, Style | None]] = []
        for a, b in pairwise(cuts):
            kinds = [kind for low, high, kind in marks if low <= a and b <= high]
            style = (
                self.get_component_rich_style(_MARK_CLASSES[max(kinds)], partial=True)
                if kinds
                else None
            )
            runs.append((a, b, style))
        return runs
