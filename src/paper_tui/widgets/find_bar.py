"""The find bar: a query box under the reader with the match count ("3/12").

It only reports what is typed; the screen runs the search in the reader and tells the bar the
count. ``enter`` hands the keyboard back to the reader with the matches kept (``n``/``N`` step
through them); ``escape`` clears the search and closes the bar.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FindBar(Horizontal):
    """A one-line search box with a match counter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="find.close"),
    ]

    class Changed(Message):
        """The query was edited."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        """Enter was pressed: keep the matches and go back to reading."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Closed(Message):
        """The bar was closed and the search cleared."""

    def compose(self) -> ComposeResult:
        """A label, the query box and the counter."""
        yield Label("Find", id="find-label")
        yield Input(placeholder="词语 / word  (enter: keep, esc: clear)", id="find-input")
        yield Label("", id="find-count")

    @property
    def query_text(self) -> str:
        """The query as typed."""
        return self.query_one(Input).value

    def open(self) -> None:
        """Show the bar and put the cursor in it, the old query selected."""
        self.add_class("-open")
        box = self.query_one(Input)
        box.focus()
        box.select_all()

    @property
    def is_open(self) -> bool:
        """Whether the bar is shown."""
        return self.has_class("-open")

    def set_query(self, query: str) -> None:
        """Put a query in the box without reporting it as typed."""
        box = self.query_one(Input)
        with box.prevent(Input.Changed):
            box.value = query

    def set_count(self, current: int, total: int) -> None:
        """Show the match count, e.g. 3/12, or that nothing matched."""
        if not self.query_text:
            text = ""
        elif total:
            text = f"{current}/{total}"
        else:
            text = "0/0"
        self.query_one("#find-count", Label).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Report the edited query."""
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Report that the query is final."""
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_close(self) -> None:
        """Clear the query and hide the bar."""
        self.set_query("")
        self.query_one("#find-count", Label).update("")
        self.remove_class("-open")
        self.post_message(self.Closed())
