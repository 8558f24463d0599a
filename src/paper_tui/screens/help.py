"""The help screen: every key, grouped by where it works, read from the bindings themselves.

The table is built from the ``BINDINGS`` of the app and the widgets, so a key added there shows up
here without anyone remembering to document it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, Final

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from paper_tui.widgets.archive_tree import ArchiveTree
from paper_tui.widgets.article_list import ArticleList
from paper_tui.widgets.find_bar import FindBar
from paper_tui.widgets.reader import ReaderPane

KEY_COLUMN: Final = 13
# Keys that Textual or its widgets provide, which the bindings below do not list.
_BUILT_IN: Final = (
    ("Anywhere", "tab", "Next pane (list, reader)"),
    ("Anywhere", "shift+tab", "Previous pane"),
    ("Anywhere", "ctrl+p", "Palette: search, commands"),
    ("Article list", "↓, ↑", "Move; the reader follows"),
    ("Article list", "home, end", "First, last"),
    ("Find bar", "enter", "Keep matches, read on"),
    ("Reader", "esc", "Clear the search"),
    ("Bookmarks", "enter, d, esc", "Open, delete, close"),
    ("Archive tree", "space", "Open or close an issue, a page"),
    ("Archive tree", "shift+↑, ↓", "Previous, next of its kind"),
)
_SECTIONS: Final = ("Anywhere", "Reader", "Article list", "Archive tree", "Find bar", "Bookmarks")
# The first column holds the app-wide keys, the second the keys of each widget.
_COLUMNS: Final = (
    ("Anywhere", "Archive tree"),
    ("Reader", "Article list", "Find bar", "Bookmarks"),
)


_KEY_NAMES: Final = {
    "slash": "/",
    "question_mark": "?",
    "apostrophe": "'",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "escape": "esc",
    "down": "↓",
    "up": "↑",
}


def key_names(binding: Binding) -> str:
    """All the keys of a binding, as the help shows them."""
    return ", ".join(_KEY_NAMES.get(key, key) for key in binding.key.split(","))


def key_rows() -> list[tuple[str, str, str]]:
    """(section, keys, what they do) for every key of the app."""
    from paper_tui.app import PaperApp

    sources: list[tuple[str, Iterable[BindingType]]] = [
        ("Anywhere", PaperApp.BINDINGS),
        ("Reader", ReaderPane.BINDINGS),
        ("Article list", ArticleList.BINDINGS),
        ("Archive tree", ArchiveTree.BINDINGS),
        ("Find bar", FindBar.BINDINGS),
    ]
    rows = []
    for section, bindings in sources:
        for binding in bindings:
            if isinstance(binding, Binding):
                rows.append((section, key_names(binding), binding.description))
    rows.extend(_BUILT_IN)
    return sorted(rows, key=lambda row: _SECTIONS.index(row[0]))


def help_content(sections: tuple[str, ...] = _SECTIONS) -> Content:
    """The help text for some sections: a title, then one line per key."""
    lines: list[Content] = []
    section = ""
    for where, keys, description in key_rows():
        if where not in sections:
            continue
        if where != section:
            if section:
                lines.append(Content(""))
            lines.append(Content.styled(where, "bold $accent"))
            section = where
        pad = " " * max(KEY_COLUMN - cell_len(keys), 1)
        lines.append(Content.styled(keys, "bold") + Content(pad + description))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works."""

    CSS_PATH = Path(__file__).with_name("help.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        """A scrollable panel with the key table in two columns."""
        with VerticalScroll(id="help-panel"):
            yield Static(Content.styled("paper-tui keys", "bold"), id="help-title")
            with Horizontal(id="help-columns"):
                for sections in _COLUMNS:
                    yield Static(help_content(sections), classes="help-column")
            yield Static("esc, q or ? to close", id="help-hint")
