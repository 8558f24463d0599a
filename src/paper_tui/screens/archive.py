"""The archive screen: the main screen with a tree of issues, pages and articles for the list.

The first screen is drawn before anything is read: the reader shows the archive's name and what
is going on. A worker thread then brings the search index up to date (reading changed files in
worker processes) and, every fraction of a second, hands the pages indexed so far to the tree,
with the progress below it. Articles are read from their files when opened (in a thread, so the
keyboard never waits), stitched with their continuation when they go on on another page. Memory
holds the tree and the few files read last, never the whole archive.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar, Final

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.worker import get_current_worker

from paper_tui.archive import PLACEHOLDER_ID, Catalog, Shelf, entry_key, placeholder, split_key
from paper_tui.library import Entry, Library
from paper_tui.screens.main import MainScreen
from paper_tui.search.database import SearchIndexError
from paper_tui.search.index import ArchiveIndex, HeadlineRow, PageRow
from paper_tui.search.updating import FileError
from paper_tui.widgets.archive_tree import ArchiveTree
from paper_tui.widgets.article_list import ArticleList
from paper_tui.widgets.index_status import IndexStatus
from paper_tui.widgets.key_bar import KeyBar
from paper_tui.widgets.page_header import PageHeader
from paper_tui.widgets.reader import ReaderPane

REFRESH_SECONDS: Final = 0.3
"""How often the tree takes in the pages indexed meanwhile."""


class ArchiveScreen(MainScreen):
    """Read an archive: issues, pages and articles on the left, the reader on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear search", show=False, id="main.clear_search"),
    ]

    class Indexed(Message):
        """Pages indexed since the last message, and how far indexing has come."""

        def __init__(
            self,
            index: ArchiveIndex,
            rows: list[PageRow],
            done: int,
            total: int,
            *,
            finished: bool = False,
            errors: Sequence[FileError] = (),
            notices: Sequence[str] = (),
        ) -> None:
            super().__init__()
            self.index = index
            self.rows = rows
            self.done = done
            self.total = total
            self.finished = finished
            self.errors = errors
            self.notices = notices

    class Failed(Message):
        """Indexing one root failed as a whole (no disk space, no such folder)."""

        def __init__(self, root: Path, error: str) -> None:
            super().__init__()
            self.root = root
            self.error = error

    def __init__(self, roots: Sequence[Path], start: tuple[str, int] | None) -> None:
        self.roots = tuple(roots)
        self.catalog = Catalog(self.roots)
        self.shelf = Shelf(self.catalog)
        self._placeholder = placeholder(self.roots, "正在读取版面……")
        super().__init__(Library.of([]), None, self._placeholder)
        self._resume = start
        self._chosen = False
        self._indexes: dict[Path, ArchiveIndex] = {}
        self._index_of: dict[Path, ArchiveIndex] = {}
        self._cancel = threading.Event()
        self._remaining = len(self.roots)
        self._failures: list[str] = []
        self._progress = (0, 0)
        self._asked = ""
        self._latest = ""
        """The key of the article asked for last; what arrives for an older one is dropped."""
        """The key last asked for: a part of a stitched article opens as the whole of it."""

    @property
    def indexed(self) -> bool:
        """Whether every root has been indexed (or has failed)."""
        return self._remaining <= 0

    def indexing_progress(self) -> str:
        """How far reading the archive has come, while it goes on; empty once it is done."""
        if self.indexed:
            return ""
        done, total = self._progress
        return f"仍在读取版面 {done}/{total}" if total else "仍在读取版面"

    @property
    def indexes(self) -> list[ArchiveIndex]:
        """The search index of each root, once the worker has opened it."""
        return list(self._indexes.values())

    def compose(self) -> ComposeResult:
        """Header, tree and reader side by side, progress, footer."""
        yield PageHeader(id="header")
        with Horizontal(id="body"):
            yield ArchiveTree(self._headlines, id="articles")
            yield ReaderPane(id="reader")
        yield IndexStatus(id="status")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        """Show the archive's name at once, then index it in a worker."""
        self._show(self._placeholder, 0)
        self.query_one(ArchiveTree).focus()
        self.watch(self.app, "traditional", self._switched, init=False)
        self.watch(self.app, "highlight", self._switched, init=False)
        # After the first frame: filling the tree from a large index takes the UI thread a while.
        self.call_after_refresh(self.index_roots)

    def on_unmount(self) -> None:
        """Stop indexing (what is done so far is kept, the rest is read next time), close."""
        self._cancel.set()
        for index in self._indexes.values():
            index.close()

    # --- indexing -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def index_roots(self) -> None:
        """Bring each root's index up to date, handing pages to the tree as they are indexed."""
        worker = get_current_worker()
        for root in self.roots:
            if worker.is_cancelled or self._cancel.is_set():
                return
            try:
                self._index_root(root)
            except SearchIndexError as error:
                self.post_message(self.Failed(root, str(error)))

    def _index_root(self, root: Path) -> None:
        index = ArchiveIndex(root)
        self._indexes[root] = index
        last, rows = index.pages()
        self.post_message(self.Indexed(index, rows, 0, 0))
        shown = time.monotonic()

        def progress(done: int, total: int, _path: str) -> None:
            nonlocal last, shown
            now = time.monotonic()
            if now - shown >= REFRESH_SECONDS or done == total:
                shown = now
                last, rows = index.pages(last)
                self.post_message(self.Indexed(index, rows, done, total))

        report = index.update(progress=progress, cancel=self._cancel)
        # Every page again: files removed, or no longer readable, leave the tree.
        _last, rows = index.pages(0)
        self.post_message(
            self.Indexed(
                index,
                rows,
                report.files,
                report.files,
                finished=True,
                errors=index.errors(),
                notices=report.notices,
            )
        )

    def on_archive_screen_indexed(self, message: Indexed) -> None:
        """Take in newly indexed pages, show the progress, and open something to read."""
        for row in message.rows:
            self._index_of[row.path] = message.index
        tree = self.query_one(ArchiveTree)
        if message.finished:
            changed = self.catalog.replace_all(message.rows, message.index.root)
        else:
            changed = self.catalog.add(message.rows)
        if changed:
            order = [issue.key for issue in self.catalog.issues()]
            tree.show_issues([self.catalog.issue(key) for key in changed], order)
        for notice in message.notices:
            self.paper.notify_warning(notice)
        status = self.query_one(IndexStatus)
        if message.finished:
            self._remaining -= 1
            root = message.index.root
            for path in [path for path in self.catalog.errors if path.is_relative_to(root)]:
                del self.catalog.errors[path]
            self.catalog.errors.update({error.path: error.error for error in message.errors})
            tree.show_errors(self.catalog.errors, self.catalog.relative)
        if self._remaining > 0 and not message.finished:
            self._progress = (message.done, message.total)
            status.progress(message.done, message.total, len(self.catalog))
        elif self._remaining <= 0:
            status.finish(len(self.catalog.issues()), len(self.catalog), len(self.catalog.errors))
            if not self.catalog and self.catalog.errors:
                count = len(self.catalog.errors)
                self._set_status(f"没有读出文章：{count} 个文件无法读取，原因列在左侧。")
            elif not self.catalog and not self._failures:
                self._set_status("这里没有可读的版面（*.txt）。")
        if not self._chosen and (message.finished or (message.rows and message.total == 0)):
            self._open_first()

    def on_archive_screen_failed(self, message: Failed) -> None:
        """A root could not be indexed at all: say so; the other roots go on."""
        self._remaining -= 1
        self._failures.append(message.error)
        self.paper.notify_warning(message.error)
        self._set_status(message.error)

    def _set_status(self, text: str) -> None:
        if not self._chosen:
            self._placeholder = placeholder(self.roots, text)
            self._show(self._placeholder, 0)

    def _open_first(self) -> None:
        """Resume where the reader left off in this archive, or open the newest article."""
        tree = self.query_one(ArchiveTree)
        key = None
        paragraph = 0
        if self._resume is not None:
            key, paragraph = self._resume
            self._resume = None
            if Path(split_key(key)[0]) not in self._index_of:
                key = None
        key = key or tree.first_article()
        if key is not None:
            self._chosen = True
            self._request(key, paragraph, "", focus=False)

    def _headlines(self, row: PageRow) -> list[HeadlineRow]:
        index = self._index_of.get(row.path)
        if index is None:
            return []
        try:
            return index.headlines(row.path, row.page)
        except (sqlite3.Error, SearchIndexError) as error:
            self.paper.notify_warning(f"{row.path}: the headlines cannot be read ({error})")
            return []

    # --- opening articles -----------------------------------------------------------------------

    async def open_key(self, key: str, paragraph: int | None = None, *, query: str = "") -> None:
        """Open the article with this key (read from its file in a worker)."""
        self._chosen = True
        self._request(key, paragraph, query)

    def _request(self, key: str, paragraph: int | None, query: str, *, focus: bool = True) -> None:
        """Open an article: read in a worker; only the latest request is shown."""
        self._latest = key
        self.load_entry(key, paragraph, query, focus=focus)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_entry(
        self, key: str, paragraph: int | None, query: str, *, focus: bool = True
    ) -> None:
        """Read an article's file (and its continuation's) and show it."""
        from paper_tui.loader import LoadError

        try:
            found = self.shelf.entry(key)
        except LoadError as error:
            self.app.call_from_thread(self._failed, key, str(error))
            return
        except Exception as error:  # a loader bug on one page must not end the session
            self.app.call_from_thread(self._failed, key, f"{type(error).__name__}: {error}")
            return
        if found is None:
            self.app.call_from_thread(self._failed, key, "this article is no longer in its file")
            return
        if get_current_worker().is_cancelled:
            return
        entry, seam = found
        start = paragraph if paragraph else seam
        self.app.call_from_thread(self._opened, key, entry, start, query, focus)

    def _opened(self, key: str, entry: Entry, paragraph: int, query: str, focus: bool) -> None:
        if key != self._latest:  # a slower, older request finishing after a newer one
            return
        # A part continued from another page opens as its whole article; the tree stays on
        # the part, where the reader asked for it.
        self._asked = key
        if focus:
            self.call_later(self._open, entry, paragraph, query)
        else:
            self._show(entry, paragraph)

    def _failed(self, key: str, error: str) -> None:
        """Say why an article could not be opened; if nothing is open yet, open the newest."""
        self.paper.notify_warning(f"{split_key(key)[0]}: {error}")
        if self.entry.item.id == PLACEHOLDER_ID and key == self._latest:
            first = self.query_one(ArchiveTree).first_article()
            if first is not None and first != key:
                self._request(first, 0, "", focus=False)

    def step_article(self, step: int) -> None:
        """Open the previous (-1) or next (1) article in the tree."""
        tree = self.query_one(ArchiveTree)
        if self.entry.item.id == PLACEHOLDER_ID:
            key = tree.first_article() if step > 0 else None
        else:
            # From where the reader asked to be: a part on page 2 opens as its whole article,
            # whose first part is on page 1.
            key = tree.neighbour(self._asked or self.entry.key, step)
        if key is not None:
            self._chosen = True
            self._request(key, 0, "", focus=False)

    def _has_keywords(self, entry: Entry) -> bool:
        return entry.item.id != PLACEHOLDER_ID

    def _follow(self, key: str) -> None:
        tree = self.query_one(ArchiveTree)
        if self.entry.item.id != PLACEHOLDER_ID and tree.highlighted_key != self._asked:
            tree.follow(key)

    def _fill_list(self) -> None:
        self.query_one(ArchiveTree).relabel(self.paper.variant)

    def _update_header(self) -> None:
        entry = self.entry
        count = max(len(entry.page.items), 1)
        self.query_one(PageHeader).show(
            entry.source, entry.page, (entry.index + 1, count), self.paper.variant
        )

    def _remember(self, entry: Entry, paragraph: int) -> None:
        if entry.item.id == PLACEHOLDER_ID:
            return
        self.paper.remember_position(entry, paragraph)
        for root in self.roots:
            self.paper.state.set_position(root, entry.key, paragraph)

    def bookmark_sources(self) -> list[str]:
        """Every file below the archive's roots that has bookmarks."""
        sources = {mark["source"] for mark in self.paper.state.bookmarks}
        return sorted(source for source in sources if Path(source) in self._index_of)

    def bookmark_target(self, source: str, article: str) -> Entry | None:
        """A bookmarked article, as it would open (read from its file)."""
        try:
            found = self.shelf.entry(entry_key(source, article))
        except Exception:  # a file gone or changed: the bookmark is simply not listed
            return None
        return None if found is None else found[0]

    # --- messages from the tree -----------------------------------------------------------------

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        """The reader follows the tree."""
        if message.key != self.entry.key:
            self._chosen = True
            self._request(message.key, 0, "", focus=False)

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        """Enter on an article: read it."""
        self._chosen = True
        if message.key != self.entry.key:
            self._request(message.key, 0, "")
        else:
            self.query_one(ReaderPane).focus()
