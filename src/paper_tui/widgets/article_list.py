"""The article list: two lines per item (headline; kind, byline, length, watch words).

Moving through the list shows each article in the reader at once ("the reader follows the list"),
and ``enter`` (or a click) hands the keyboard to the reader. Like the reader it draws through the
Line API from rows prepared once, cut to the width by cells with an ellipsis, so CJK headlines are
cut cleanly and a page with hundreds of items costs nothing to show. Everything in a row is plain
text from the file, drawn as text: a headline that looks like markup (``[bold]``) shows as written.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from paper_tui.library import Entry
from paper_tui.text.convert import convert, show
from paper_tui.text.find import find_words

KIND_LABELS: Final = {"article": "文章", "brief": "简讯", "photo": "图片"}
"""How each kind of item is named in the list."""
CHARS_PER_MINUTE: Final = 400
"""A steady reading pace for Chinese news text, in characters per minute."""
ROW_HEIGHT: Final = 2
_BYLINE_BULLETS: Final = "■□◆◇●"
_ELLIPSIS: Final = "…"
_MARK: Final = "▌"


@dataclass(frozen=True, slots=True)
class Row:
    """What one row of the list shows, already in the script displayed."""

    key: str
    headline: str
    watched: tuple[tuple[int, int], ...]
    """Spans of the headline that are watch words."""
    meta: str
    """Kind, byline, length and reading time."""
    watch_count: int


def reading_minutes(characters: int) -> int:
    """Minutes to read this many characters, at least one."""
    return max(math.ceil(characters / CHARS_PER_MINUTE), 1)


def article_row(
    entry: Entry,
    variant: str | None,
    watch: Sequence[str],
    watch_variant: str | None,
    *,
    highlight: bool = True,
) -> Row:
    """The list row for an entry, in the script of ``variant`` (None: simplified).

    Watch words are always counted; they are marked in the headline only with ``highlight``.
    """
    item = entry.item
    headline_text = item.headline or (
        # No headline: the text's start, or what the item is (a photo's credit, say).
        item.paragraphs[0][:40]
        if item.paragraphs
        else " ".join(item.bylines) or KIND_LABELS.get(item.kind, item.kind)
    )
    headline = show(headline_text, variant)
    found = find_words(watch, headline, watch_variant) if highlight else []
    watched = tuple((match.start, match.end) for match in found)
    characters = sum(len(paragraph) for paragraph in item.paragraphs)
    parts = [KIND_LABELS.get(item.kind, item.kind)]
    if item.bylines:
        parts.append(item.bylines[0].lstrip(_BYLINE_BULLETS).strip())
    parts.append(f"{characters}字 · {reading_minutes(characters)}分钟")
    count = sum(
        len(find_words(watch, show(paragraph, variant), watch_variant))
        for paragraph in (item.paragraphs if watch else ())
    )
    return Row(entry.key, headline.text, watched, convert(" · ".join(parts), variant), count)


class ArticleList(ScrollView, can_focus=True):
    """The loaded articles, one highlighted, which says what is highlighted or opened."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False, id="list.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Read", id="list.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--headline",
        "article-list--meta",
        "article-list--watch",
        "article-list--cursor",
    }

    ALLOW_SELECT = False

    cursor: reactive[int] = reactive(0, init=False)
    """The index of the highlighted row."""

    class Highlighted(Message):
        """The highlighted article changed."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Opened(Message):
        """An article was chosen (enter or click) to be read."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: tuple[Row, ...] = ()
        self._index: dict[str, int] = {}
        self._announce = True

    def set_rows(self, rows: Sequence[Row], current: str | None) -> None:
        """Replace the rows, keeping ``current`` highlighted, without announcing it."""
        self.rows = tuple(rows)
        self._index = {row.key: index for index, row in enumerate(self.rows)}
        self.virtual_size = Size(0, len(self.rows) * ROW_HEIGHT)
        if current is not None:
            self.follow(current)
        self.refresh()

    def follow(self, key: str) -> None:
        """Highlight the row of ``key`` (when the reader moved on) without announcing it."""
        index = self._index.get(key)
        if index is not None:
            self._announce = False
            try:
                self.cursor = index
            finally:
                self._announce = True
            self._reveal()

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted row, if any."""
        return self.rows[self.cursor].key if self.rows else None

    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a row."""
        return min(max(value, 0), max(len(self.rows) - 1, 0))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two rows, bring the new one into view, and say so."""
        for index in (old, new):
            self.refresh_lines(index * ROW_HEIGHT, ROW_HEIGHT)
        self._reveal()
        if self._announce and self.rows:
            self.post_message(self.Highlighted(self.rows[new].key))

    def _reveal(self) -> None:
        top = self.cursor * ROW_HEIGHT
        height = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, force=True)
        elif top + ROW_HEIGHT > self.scroll_y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False, force=True)

    def action_move(self, step: int) -> None:
        """Highlight the next or previous row."""
        self.cursor += step

    def action_page(self, step: int) -> None:
        """Move the highlight by a screenful."""
        rows = max(self.scrollable_content_region.height // ROW_HEIGHT, 1)
        self.cursor += step * rows

    def action_first(self) -> None:
        """Highlight the first row."""
        self.cursor = 0

    def action_last(self) -> None:
        """Highlight the last row."""
        self.cursor = len(self.rows) - 1

    def action_open(self) -> None:
        """Read the highlighted article."""
        if self.rows:
            self.post_message(self.Opened(self.rows[self.cursor].key))

    def on_click(self, event: events.Click) -> None:
        """Highlight and open the clicked row."""
        index = (event.y + round(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < len(self.rows):
            self.cursor = index
            self.action_open()

    def notify_style_update(self) -> None:
        """Styles changed (theme): redraw."""
        super().notify_style_update()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw one line: the headline or the details of a row."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index, part = divmod(round(self.scroll_y) + y, ROW_HEIGHT)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        if index == self.cursor:
            base += self.get_component_rich_style("article-list--cursor", partial=True)
        watch = self.get_component_rich_style("article-list--watch", partial=True)
        if part == 0:
            style = base + self.get_component_rich_style("article-list--headline", partial=True)
            segments, at = [], 0
            for start, end in row.watched:
                segments += [Segment(row.headline[at:start], style)]
                segments += [Segment(row.headline[start:end], style + watch)]
                at = end
            segments.append(Segment(row.headline[at:], style))
        else:
            style = base + self.get_component_rich_style("article-list--meta", partial=True)
            # The watch-word count comes first: it is what a cut line must not lose.
            segments = [Segment("  ", style)]
            if row.watch_count:
                segments += [Segment(f"★{row.watch_count}", style + watch), Segment(" · ", style)]
            segments.append(Segment(row.meta, style))
        # A mark in the margin shows the highlighted row even where colours are off (NO_COLOR).
        margin = _MARK if index == self.cursor and part == 0 else " "
        return _fit(Strip([Segment(margin, base), *segments]), width, base)


def _fit(strip: Strip, width: int, style: Style) -> Strip:
    """Cut a line to ``width`` cells, with an ellipsis if anything was cut, and pad it."""
    if strip.cell_length > width:
        strip = strip.crop(0, max(width - 1, 0))
        last = list(strip)[-1].style if len(strip) else None
        strip = Strip([*strip, Segment(_ELLIPSIS, last)])
    return strip.extend_cell_length(width, style)
