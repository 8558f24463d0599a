"""The main screen: header, article list, reader, find bar and footer, and the routing between them.

The widgets never talk to each other. The list says which article is highlighted, the reader says
which paragraph is on top, the find bar says what is typed; the screen turns each into calls on
the others and tells the app where the reader is. It also follows the app's two switches
(``traditional``, ``highlight``) and redraws the list and the article when they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Final, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen

from paper_tui.library import Entry, Library
from paper_tui.text.layout import Block, article_blocks
from paper_tui.widgets.article_list import ArticleList, article_row
from paper_tui.widgets.key_bar import KeyBar
from paper_tui.widgets.page_header import PageHeader
from paper_tui.widgets.reader import ReaderPane

if TYPE_CHECKING:
    from paper_tui.app import PaperApp
    from paper_tui.widgets.find_bar import FindBar

NARROW: Final = 72
"""Below this many columns the article list hides by itself (``s`` brings it back)."""


class MainScreen(Screen[None]):
    """The reading screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear search", show=False, id="main.clear_search"),
    ]

    def __init__(
        self, library: Library, start: tuple[str, int] | None, first: Entry | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self._start = start
        self.entry: Entry = first or library.entries[0]
        self._narrow: bool | None = None

    @property
    def paper(self) -> PaperApp:
        """The app, with its session and switches."""
        return cast("PaperApp", self.app)

    @property
    def paragraph(self) -> int:
        """The paragraph at the top of the reader."""
        return self.query_one(ReaderPane).paragraph

    @property
    def has_search(self) -> bool:
        """Whether a search is active (there is a query)."""
        bar = self._find_bar()
        return bar is not None and bool(bar.query_text)

    def compose(self) -> ComposeResult:
        """Header, list and reader side by side, find bar, footer."""
        yield PageHeader(id="header")
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            yield ReaderPane(id="reader")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        """Fill the list, open the first article, and follow the app's switches."""
        key, paragraph = self._start or (self.entry.key, 0)
        self.entry = self.library.by_key(key) or self.entry
        self._fill_list()
        self._show(self.entry, paragraph)
        reader, articles = self.query_one(ReaderPane), self.query_one("#articles")
        (reader if paragraph else articles).focus()
        self.watch(self.app, "traditional", self._switched, init=False)
        self.watch(self.app, "highlight", self._switched, init=False)

    # --- opening articles -----------------------------------------------------------------------

    async def open_key(self, key: str, paragraph: int | None = None, *, query: str = "") -> None:
        """Open the article with this key, at a paragraph, optionally searching it."""
        entry = self.library.by_key(key)
        if entry is not None:
            await self._open(entry, paragraph, query)

    async def _open(self, entry: Entry, paragraph: int | None, query: str) -> None:
        """Show an entry at a paragraph, optionally searching it, and read it."""
        self._show(entry, paragraph)
        if query:
            bar = await self._mount_find_bar()
            bar.add_class("-open")
            bar.set_query(query)
            self._search(query)
        self.query_one(ReaderPane).focus()

    def step_article(self, step: int) -> None:
        """Open the previous (-1) or next (1) article, at its top."""
        index = min(max(self.entry.index + step, 0), len(self.library.entries) - 1)
        if index != self.entry.index:
            self._show(self.library.entries[index], 0)

    def _show(self, entry: Entry, paragraph: int | None = None) -> None:
        self.entry = entry
        reader = self.query_one(ReaderPane)
        self._mark(reader)
        reader.show(entry.key, self._blocks(entry), paragraph)
        self._follow(entry.key)
        self._update_header()
        self._update_count()
        self._remember(entry, reader.paragraph)
        if self._has_keywords(entry):
            self.paper.want_keywords([entry])

    def _has_keywords(self, entry: Entry) -> bool:
        """Whether an entry is an article whose key terms are worth finding."""
        return True

    def _remember(self, entry: Entry, paragraph: int) -> None:
        """Note where the reader is, to resume there next time."""
        self.paper.remember_position(entry, paragraph)

    def _follow(self, key: str) -> None:
        """The list follows the reader."""
        self.query_one(ArticleList).follow(key)

    def _terms(self, entry: Entry) -> tuple[str, ...]:
        """The key terms to show for an entry: none while highlighting is off."""
        return self.paper.keywords.get(entry.key, ()) if self.paper.highlight else ()

    def _blocks(self, entry: Entry) -> tuple[Block, ...]:
        app = self.paper
        pending = (
            app.highlight
            and app.finds_keywords
            and self._has_keywords(entry)
            and entry.key not in app.keywords
        )
        return article_blocks(entry.item, app.variant, self._terms(entry), pending=pending)

    def _mark(self, reader: ReaderPane) -> None:
        app = self.paper
        watch = app.config.watch_words if app.highlight else ()
        reader.set_marks(self._terms(self.entry), watch, app.config.script_variant)

    def _fill_list(self) -> None:
        app = self.paper
        rows = [
            article_row(
                entry,
                app.variant,
                app.config.watch_words,
                app.config.script_variant,
                highlight=app.highlight,
            )
            for entry in self.library.entries
        ]
        self.query_one(ArticleList).set_rows(rows, self.entry.key)

    def bookmark_sources(self) -> list[str]:
        """The files whose bookmarks can be opened here."""
        return list(self.library.sources)

    def bookmark_target(self, source: str, article: str) -> Entry | None:
        """The entry a bookmark points to, if it is open here."""
        return self.library.find(source, article)

    def _update_header(self) -> None:
        position = (self.entry.index + 1, len(self.library.entries))
        self.query_one(PageHeader).show(
            self.entry.source, self.entry.page, position, self.paper.variant
        )

    def _switched(self) -> None:
        """Redraw for a change of script or highlighting, keeping the reading position."""
        self._fill_list()
        reader = self.query_one(ReaderPane)
        self._mark(reader)
        reader.show(self.entry.key, self._blocks(self.entry))
        self._update_header()
        self._update_count()

    def keywords_found(self, key: str) -> None:
        """Show newly found key terms if they belong to the article being read."""
        if key == self.entry.key and self.paper.highlight:
            reader = self.query_one(ReaderPane)
            self._mark(reader)
            reader.show(key, self._blocks(self.entry))

    # --- messages from the widgets ----------------------------------------------------------------

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        """The reader follows the list."""
        entry = self.library.by_key(message.key)
        if entry is not None and entry is not self.entry:
            self._show(entry, 0)

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        """Enter on the list: read the article."""
        entry = self.library.by_key(message.key)
        if entry is not None and entry is not self.entry:
            self._show(entry, 0)
        self.query_one(ReaderPane).focus()

    def on_reader_pane_moved(self, message: ReaderPane.Moved) -> None:
        """Remember the paragraph being read."""
        if message.key == self.entry.key:
            self._remember(self.entry, message.paragraph)

    # --- search -------------------------------------------------------------------------------

    def _find_bar(self) -> FindBar | None:
        """The find bar, once it has been opened."""
        bars = self.query("FindBar")
        return cast("FindBar", bars.first()) if bars else None

    async def _mount_find_bar(self) -> FindBar:
        # Imported and mounted on first use: the first screen is drawn sooner without it.
        from paper_tui.widgets.find_bar import FindBar

        bar = self._find_bar()
        if bar is None:
            bar = FindBar(id="find")
            await self.mount(bar, before=self.query_one(KeyBar))
        return bar

    async def open_find(self) -> None:
        """Show the find bar and type into it."""
        (await self._mount_find_bar()).open()

    def step_match(self, step: int) -> None:
        """Go to the next or previous match."""
        status = self.query_one(ReaderPane).step_match(step)
        if bar := self._find_bar():
            bar.set_count(*status)

    def _search(self, query: str) -> None:
        status = self.query_one(ReaderPane).find(query)
        if bar := self._find_bar():
            bar.set_count(*status)
        self.app.refresh_bindings()

    def _update_count(self) -> None:
        if bar := self._find_bar():
            bar.set_count(*self.query_one(ReaderPane).match_status)

    def action_clear_search(self) -> None:
        """Escape while reading: clear the search and close the find bar."""
        bar = self._find_bar()
        if bar is not None and bar.is_open:
            bar.action_close()

    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        """Search as the query is typed."""
        self._search(message.query)

    def on_find_bar_submitted(self, message: FindBar.Submitted) -> None:
        """Keep the matches and go back to reading."""
        bar = self._find_bar()
        if not message.query and bar is not None:
            bar.action_close()
        self.query_one(ReaderPane).focus()

    def on_find_bar_closed(self) -> None:
        """Clear the search."""
        self._search("")
        self.query_one(ReaderPane).focus()

    # --- the list's place ------------------------------------------------------------------------

    def toggle_list(self) -> None:
        """Show or hide the article list."""
        self._set_list(not self.query_one("#articles").display)

    def _set_list(self, shown: bool) -> None:
        articles = self.query_one("#articles")
        articles.display = shown
        if not shown and articles.has_focus:
            self.query_one(ReaderPane).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Collapse the list when the terminal becomes narrow, bring it back when wide."""
        narrow = event.size.width < NARROW
        if narrow != self._narrow:
            self._narrow = narrow
            self._set_list(not narrow)
