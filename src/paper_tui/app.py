"""The paper-tui app: key bindings, the script and highlight switches, workers, and routing.

The app owns what outlives a screen: the session (library, config, saved state), the key terms
found so far, and the two switches everything shown depends on (``traditional`` and
``highlight``). The main screen watches the switches and redraws itself; app-wide keys call its
methods. jieba loads in a thread worker started after the first frame is drawn, so the first
screen never waits for it. State is saved when a bookmark changes and when the app quits; a save
that fails (a read-only folder) is a warning, never a crash.
"""

from __future__ import annotations

import itertools
import queue
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Final, cast

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from paper_tui.library import Entry
from paper_tui.model import Item
from paper_tui.screens.main import MainScreen
from paper_tui.session import Session
from paper_tui.state import atomic_write_text, save_state
from paper_tui.text.convert import convert
from paper_tui.text.layout import converted_item
from paper_tui.text.sanitize import clean

# Imported where they are used (help, bookmarks, export, the palette's search, jieba), to keep
# start-up short.
if TYPE_CHECKING:
    from textual.command import Provider

    from paper_tui.screens.bookmarks import BookmarkRow, BookmarksScreen
    from paper_tui.text.keywords import KeywordProcess

# Long enough to read a one-line warning; errors about saving stay until dismissed.
WARNING_SECONDS: Final = 10
# Give the first frame this long to reach the terminal before jieba takes the CPU.
KEYWORDS_DELAY: Final = 0.2


def _article_search() -> type[Provider]:
    """The palette's article search, imported when the palette first opens."""
    from paper_tui.commands import ArticleSearch

    return ArticleSearch


class PaperApp(App[None]):
    """A keyboard-driven reader for Chinese newspaper pages."""

    # Absolute, so that subclasses defined elsewhere (tests, benchmarks) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "paper-tui"
    COMMANDS = App.COMMANDS | {_article_search}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "find", "Find", key_display="/", id="app.find"),
        Binding("n", "step_match(1)", "Next match", id="app.next_match"),
        Binding("N", "step_match(-1)", "Previous match", show=False, id="app.previous_match"),
        Binding("t", "toggle_script", "繁/简", id="app.script"),
        Binding("h", "toggle_highlight", "Highlight", id="app.highlight"),
        Binding(
            "left_square_bracket",
            "step_article(-1)",
            "Previous article",
            show=False,
            key_display="[",
            id="app.previous_article",
        ),
        Binding(
            "right_square_bracket",
            "step_article(1)",
            "Next article",
            show=False,
            key_display="]",
            id="app.next_article",
        ),
        Binding("m", "bookmark", "Bookmark", show=False, id="app.bookmark"),
        Binding(
            "apostrophe", "bookmarks", "Bookmarks", show=False, key_display="'", id="app.bookmarks"
        ),
        Binding("c", "copy", "Copy", show=False, id="app.copy"),
        Binding("e", "export", "Export", show=False, id="app.export"),
        Binding("s", "toggle_list", "List", id="app.list"),
        Binding("ctrl+f", "search_archive", "Search all", id="app.search_archive"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    traditional: reactive[bool] = reactive(False)
    """Whether text is shown in traditional script."""
    highlight: reactive[bool] = reactive(True)
    """Whether key terms and watch words are highlighted."""

    class KeywordsFound(Message):
        """The key terms of one article are known."""

        def __init__(self, key: str, terms: tuple[str, ...]) -> None:
            super().__init__()
            self.key = key
            self.terms = terms

    def __init__(self, session: Session, *, find_keywords: bool = True) -> None:
        super().__init__()
        self.session = session
        self.library = session.library
        self.config = session.config
        self.state = session.state
        self.keywords: dict[str, tuple[str, ...]] = {}
        """Key terms found so far, by entry key, in simplified script."""
        self.exit_warnings: list[str] = []
        """Warnings for the command line to print once the screen is gone."""
        self._find_keywords = find_keywords and session.config.keyword_count > 0
        self._keyword_process: KeywordProcess | None = None
        self._keyword_jobs: queue.PriorityQueue[tuple[int, int, str, Item]] = queue.PriorityQueue()
        self._keyword_order = itertools.count()
        self._keywords_asked: set[tuple[str, bool]] = set()
        self.set_reactive(PaperApp.traditional, session.state.ui.get("script") == "traditional")
        self.set_reactive(PaperApp.highlight, session.config.highlight)

    # --- start-up -----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        """The main reading screen (with the archive tree when an archive is open)."""
        if self.session.roots:
            from paper_tui.screens.archive import ArchiveScreen

            return ArchiveScreen(self.session.roots, self.session.start)
        return MainScreen(self.library, self.session.start)

    @property
    def main(self) -> MainScreen:
        """The main reading screen (always at the bottom of the stack)."""
        return cast(MainScreen, self.screen_stack[0])

    @property
    def finds_keywords(self) -> bool:
        """Whether articles' key terms are being found (jieba), to be shown when they arrive."""
        return self._find_keywords

    @property
    def variant(self) -> str | None:
        """The OpenCC variant text is shown in, or None for simplified script."""
        return self.config.script_variant if self.traditional else None

    def on_mount(self) -> None:
        """Apply the saved theme, show start-up warnings, and find key terms after first paint."""
        theme = self.state.ui.get("theme") or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify_warning(f"unknown theme {theme!r}; using {self.theme}")
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for warning in self.session.warnings:
            self.notify_warning(warning)
        if self._find_keywords:
            self.call_after_refresh(self.set_timer, KEYWORDS_DELAY, self._start_keywords)

    def notify_warning(self, message: str) -> None:
        """Show a warning that came from a file or the system, never parsed as markup."""
        self.notify(clean(message), severity="warning", timeout=WARNING_SECONDS, markup=False)

    # --- key terms ------------------------------------------------------------------------------

    def _start_keywords(self) -> None:
        # Every loaded article is queued behind the one being read; an archive's articles are
        # queued as they are opened.
        self.want_keywords(self.library.entries, urgent=False)
        self.want_keywords([self.main.entry])
        self.find_keywords()

    def want_keywords(self, entries: Iterable[Entry], *, urgent: bool = True) -> None:
        """Queue articles whose key terms are wanted; urgent ones (being read) go first."""
        if not self._find_keywords:
            return
        for entry in entries:
            if entry.key in self.keywords or (entry.key, urgent) in self._keywords_asked:
                continue
            self._keywords_asked.add((entry.key, urgent))
            job = (0 if urgent else 1, next(self._keyword_order), entry.key, entry.item)
            self._keyword_jobs.put(job)

    @work(thread=True, exclusive=True, group="keywords", exit_on_error=False)
    def find_keywords(self) -> None:
        """Find queued articles' key terms with jieba in a child process, waited on in a thread."""
        from paper_tui.text.keywords import KeywordProcess

        worker = get_current_worker()
        service = self._keyword_process = KeywordProcess(self.session.paths.cache_dir / "jieba")
        done: set[str] = set()
        try:
            while not worker.is_cancelled:
                try:
                    _urgency, _order, key, item = self._keyword_jobs.get(timeout=0.25)
                except queue.Empty:
                    continue
                if key in done:
                    continue
                done.add(key)
                terms = service.extract(_article_text(item), self.config.keyword_count)
                self.post_message(self.KeywordsFound(key, terms))
        except RuntimeError:
            if not worker.is_cancelled:  # stopped on purpose when the app quits
                raise
        finally:
            service.close()

    def on_paper_app_keywords_found(self, message: KeywordsFound) -> None:
        """Keep an article's key terms and show them if it is open."""
        self.keywords[message.key] = message.terms
        self.main.keywords_found(message.key)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a key-term worker that failed; reading goes on without highlights."""
        if event.worker.group == "keywords" and event.state == WorkerState.ERROR:
            self.notify_warning(f"key terms unavailable: {event.worker.error}")

    # --- switches -------------------------------------------------------------------------------

    def action_toggle_script(self) -> None:
        """Switch between simplified and traditional script."""
        self.traditional = not self.traditional
        self.state.ui["script"] = "traditional" if self.traditional else "simplified"

    def action_toggle_highlight(self) -> None:
        """Switch key-term and watch-word highlighting on or off."""
        self.highlight = not self.highlight

    def _remember_theme(self, _theme: object) -> None:
        self.state.ui["theme"] = self.theme

    # --- routing to the main screen -----------------------------------------------------------

    async def action_find(self) -> None:
        """Open the find bar."""
        await self.main.open_find()

    def action_step_match(self, step: int) -> None:
        """Go to the next or previous match of the search."""
        self.main.step_match(step)

    def action_step_article(self, step: int) -> None:
        """Open the previous or next article."""
        self.main.step_article(step)

    def action_toggle_list(self) -> None:
        """Show or hide the article list."""
        self.main.toggle_list()

    async def open_article(self, key: str, paragraph: int | None = None, query: str = "") -> None:
        """Open an article (from the palette or a bookmark), optionally searching in it."""
        await self.main.open_key(key, paragraph, query=query)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer n/N only while there is a search."""
        if action == "step_match":
            return self.main.has_search if self.screen_stack else False
        if action == "search_archive":
            return bool(self.session.roots)
        return True

    # --- the current article ------------------------------------------------------------------

    def remember_position(self, entry: Entry, paragraph: int) -> None:
        """Note where the reader is, to resume there next time."""
        self.state.set_position(entry.source, entry.item.id, paragraph)

    def displayed_item(self, entry: Entry) -> Item:
        """The entry's item in the script shown."""
        return converted_item(entry.item, self.variant)

    def action_bookmark(self) -> None:
        """Bookmark the paragraph being read, or remove its bookmark."""
        entry, paragraph = self.main.entry, self.main.paragraph
        title = self.displayed_item(entry).headline
        added = self.state.toggle_bookmark(entry.source, entry.item.id, paragraph, title)
        self.notify(
            ("Bookmarked" if added else "Removed bookmark") + f": paragraph {paragraph + 1}"
        )
        self.save()

    def action_bookmarks(self) -> None:
        """List the bookmarks in the open files."""
        from paper_tui.screens.bookmarks import BookmarkRow, BookmarksScreen

        rows = []
        for source in self.main.bookmark_sources():
            for mark in self.state.bookmarks_for(source):
                entry = self.main.bookmark_target(source, mark["article"])
                if entry is not None:
                    headline = convert(entry.item.headline or mark["title"], self.variant)
                    rows.append(BookmarkRow(entry.key, mark["paragraph"], headline, mark))
        self.push_screen(BookmarksScreen(rows), self._bookmark_chosen)

    async def _bookmark_chosen(self, row: BookmarkRow | None) -> None:
        if row is not None:
            await self.open_article(row.key, row.paragraph)

    def on_bookmarks_screen_removed(self, message: BookmarksScreen.Removed) -> None:
        """Delete a bookmark removed in the bookmarks list."""
        mark = message.row.mark
        self.state.remove_bookmark(mark["source"], mark["article"], mark["paragraph"])
        self.save()

    def action_copy(self) -> None:
        """Copy the article as plain text to the clipboard (OSC 52, so it works over SSH)."""
        from paper_tui.export import item_to_text

        text = item_to_text(self.displayed_item(self.main.entry))
        self.copy_to_clipboard(text)
        self.notify(f"Copied {len(text)} characters to the clipboard")

    def action_export(self) -> None:
        """Write the article as Markdown into the current folder and say where."""
        from paper_tui.export import item_to_markdown

        entry = self.main.entry
        target = Path.cwd() / f"{Path(entry.source).stem}-{entry.item.id}.md"
        try:
            atomic_write_text(target, item_to_markdown(self.displayed_item(entry)))
        except OSError as error:
            self.notify_warning(f"{target}: could not export ({error.strerror or error})")
            return
        self.notify(f"Exported to {clean(str(target))}", markup=False)

    def action_search_archive(self) -> None:
        """Search every article of the open archive."""
        from paper_tui.archive import entry_key
        from paper_tui.screens.archive import ArchiveScreen
        from paper_tui.screens.search import SearchScreen

        main = self.main
        if not isinstance(main, ArchiveScreen):
            return
        screen = SearchScreen(
            main.indexes,
            lambda text: convert(text, self.variant),
            lambda hit: entry_key(hit.path, hit.item_id),
            progress=main.indexing_progress,
        )
        self.push_screen(screen, self._search_chosen)

    async def _search_chosen(self, chosen: tuple[str, str] | None) -> None:
        if chosen is not None:
            key, query = chosen
            await self.open_article(key, None, query)

    def action_help(self) -> None:
        """Show every key."""
        from paper_tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the app, for the command palette."""
        yield from super().get_system_commands(screen)
        if screen is not self.main:
            return
        for title, help_text, action in PALETTE_COMMANDS:
            if action != "search_archive" or self.session.roots:
                yield SystemCommand(title, help_text, _runner(self, action))

    # --- leaving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the state; a failure is shown as a warning, and printed again at exit."""
        warning = save_state(self.session.paths, self.state)
        if warning is not None:
            self.notify_warning(warning)
            if warning not in self.exit_warnings:
                self.exit_warnings.append(warning)

    async def action_quit(self) -> None:
        """Save the reading position and quit."""
        self.save()
        self.exit()

    def on_unmount(self) -> None:
        """Stop jieba's process at once rather than let it finish loading for nothing."""
        self.workers.cancel_group(self, "keywords")
        if self._keyword_process is not None:
            self._keyword_process.close()


PALETTE_COMMANDS: Final = (
    (
        "Toggle traditional script",
        "Show text in traditional or simplified script (t)",
        "toggle_script",
    ),
    ("Toggle highlighting", "Highlight key terms and watch words, or not (h)", "toggle_highlight"),
    ("Find in article", "Search the article being read (/)", "find"),
    ("Next match", "Go to the next match of the search (n)", "step_match(1)"),
    ("Previous match", "Go to the previous match of the search (N)", "step_match(-1)"),
    ("Next article", "Open the next article (])", "step_article(1)"),
    ("Previous article", "Open the previous article ([)", "step_article(-1)"),
    ("Bookmark paragraph", "Bookmark the paragraph being read, or unmark it (m)", "bookmark"),
    ("Bookmarks", "List bookmarks and jump to one (')", "bookmarks"),
    ("Copy article", "Copy the article as text to the clipboard (c)", "copy"),
    ("Export article", "Write the article as Markdown into the current folder (e)", "export"),
    ("Toggle article list", "Show or hide the article list (s)", "toggle_list"),
    ("Search archive", "Search every article of the open archive (ctrl+f)", "search_archive"),
    ("Help", "Show every key (?)", "help"),
)
"""The app's commands as the palette lists them: title, help, action."""


def _runner(app: PaperApp, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await app.run_action(action)

    return run


def _article_text(item: Item) -> str:
    return "\n".join([item.headline, *item.paragraphs])
