"""The bookmarks list: saved paragraphs in the open files; enter jumps to one, ``d`` deletes it.

The screen returns the chosen bookmark to whoever opened it and reports deletions as a message;
it never touches the saved state itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from paper_tui.state import Bookmark


@dataclass(frozen=True, slots=True)
class BookmarkRow:
    """A bookmark in an open file, with what the list shows for it."""

    key: str
    """The library key of the bookmarked article."""
    paragraph: int
    headline: str
    """The article's headline in the script shown."""
    mark: Bookmark


def row_content(row: BookmarkRow) -> Content:
    """One line for the list: headline, paragraph and when it was added."""
    when = row.mark["added"][:16].replace("T", " ")
    details = f"  ¶{row.paragraph + 1}" + (f" · {when}" if when else "")
    return Content.styled(row.headline or row.mark["article"], "bold") + Content.styled(
        details, "$text-muted"
    )


class BookmarksScreen(ModalScreen["BookmarkRow | None"]):
    """A list of bookmarks to jump to or delete."""

    CSS_PATH = Path(__file__).with_name("bookmarks.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="bookmarks.close"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete"),
    ]

    class Removed(Message):
        """A bookmark was deleted from the list."""

        def __init__(self, row: BookmarkRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, rows: Sequence[BookmarkRow]) -> None:
        super().__init__()
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        """A title and the list (or a note that there is nothing yet)."""
        with Vertical(id="bookmarks-panel"):
            yield Static(Content.styled("Bookmarks", "bold"), id="bookmarks-title")
            yield OptionList(*self._options(), id="bookmarks-list")
            yield Static(
                "enter: open   d: delete   esc: close"
                if self.rows
                else "No bookmarks yet: press m while reading to add one.",
                id="bookmarks-hint",
            )

    def _options(self) -> list[Option]:
        return [Option(row_content(row), id=str(index)) for index, row in enumerate(self.rows)]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Jump to the chosen bookmark."""
        event.stop()
        self.dismiss(self.rows[event.option_index])

    def action_delete(self) -> None:
        """Delete the highlighted bookmark."""
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.rows:
            return
        row = self.rows.pop(index)
        options.clear_options()
        options.add_options(self._options())
        if self.rows:
            options.highlighted = min(index, len(self.rows) - 1)
        self.post_message(self.Removed(row))
