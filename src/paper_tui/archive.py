"""An archive open in the reader: every page file below some folders, as issues, pages, articles.

Nothing here holds every page's text. The catalog keeps one small record per page (file, number,
date, section, how many articles), filled from the search index while the index is being built;
a page's headlines are read from the index when its branch of the tree is opened; an article is
read from its file when it is opened, a few files kept in a cache. An article continued on
another page of its issue is stitched when opened, from the pages of that issue. Pure: no UI.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from paper_tui.library import Entry, absolute
from paper_tui.loader.chars import ends_sentence
from paper_tui.loader.continuations import issue_key, stitch_documents
from paper_tui.model import Document, Item, Page
from paper_tui.search.index import PageRow

CHAIN_PAGES: Final = 3
"""How many further pages an article continued from page to page is followed over."""
CACHED_DOCUMENTS: Final = 16
"""Loaded files kept, so that moving back and forth in an issue reads nothing twice."""
PLACEHOLDER_ID: Final = "archive"
"""The id of the article shown before any is chosen: what the archive is, and how to read it."""


@dataclass(frozen=True, slots=True)
class Issue:
    """The pages of one issue, in page order."""

    key: tuple[str, str]
    label: str
    date: str | None
    pages: tuple[PageRow, ...]


def split_key(key: str) -> tuple[str, str]:
    """An entry key's file and item id."""
    source, _, item_id = key.rpartition("#")
    return source, item_id


def entry_key(source: str | os.PathLike[str], item_id: str) -> str:
    """The key of an item of a file, as the library spells it."""
    return f"{os.fspath(source)}#{item_id}"


class Catalog:
    """The pages of an archive, as the index has them so far, grouped into issues."""

    def __init__(self, roots: Sequence[Path]) -> None:
        self.roots = tuple(roots)
        self._pages: dict[tuple[Path, int | None], PageRow] = {}
        # The pages of each file, so that a file indexed again replaces its own at once.
        self._files: dict[Path, set[tuple[Path, int | None]]] = {}
        self._issues: dict[tuple[str, str], dict[tuple[Path, int | None], PageRow]] = {}
        self.errors: dict[Path, str] = {}

    def __len__(self) -> int:
        return len(self._pages)

    def add(self, rows: Iterable[PageRow]) -> set[tuple[str, str]]:
        """Add or replace pages; return the keys of the issues that changed."""
        by_file: dict[Path, list[PageRow]] = {}
        for row in rows:
            by_file.setdefault(row.path, []).append(row)
        changed: set[tuple[str, str]] = set()
        for path, file_rows in by_file.items():
            # A file listed again was re-indexed: its rows replace all it had, unless they are
            # the same (the index listed again when nothing changed).
            old = self._files.get(path, set())
            if {self._pages[key] for key in old} == set(file_rows):
                continue
            for key in list(old):
                changed.add(self._remove(key))
            for row in file_rows:
                key = (path, row.page)
                self._pages[key] = row
                self._files.setdefault(path, set()).add(key)
                issue = self.issue_of(row)
                self._issues.setdefault(issue, {})[key] = row
                changed.add(issue)
        return changed

    def replace_all(self, rows: Iterable[PageRow], root: Path) -> set[tuple[str, str]]:
        """Make the pages below ``root`` exactly these; return the keys of the issues changed."""
        rows = list(rows)
        keep = {row.path for row in rows}
        changed = {
            self._remove(key)
            for key in list(self._pages)
            if key[0] not in keep and key[0].is_relative_to(root)
        }
        return changed | self.add(rows)

    def _remove(self, key: tuple[Path, int | None]) -> tuple[str, str]:
        row = self._pages.pop(key)
        keys = self._files.get(key[0], set())
        keys.discard(key)
        if not keys:
            self._files.pop(key[0], None)
        issue = self.issue_of(row)
        pages = self._issues.get(issue, {})
        pages.pop(key, None)
        if not pages:
            self._issues.pop(issue, None)
        return issue

    def issue_of(self, row: PageRow) -> tuple[str, str]:
        """The key of the issue a page belongs to."""
        return issue_key(str(row.path), row.date)

    def issues(self) -> list[Issue]:
        """Every issue, newest first (undated ones last, by name), pages in order."""
        out = [self.issue(key) for key in self._issues]
        dated = sorted((i for i in out if i.date), key=lambda i: (i.date, i.key), reverse=True)
        undated = sorted((i for i in out if not i.date), key=lambda i: i.key)
        return dated + undated

    def issue(self, key: tuple[str, str]) -> Issue:
        """One issue by key."""
        pages = sorted(self._issues.get(key, {}).values(), key=_page_order)
        date = next((page.date for page in pages if page.date), None)
        return Issue(key, self._label(key, date), date, tuple(pages))

    def pages_of(self, key: tuple[str, str]) -> list[PageRow]:
        """The pages of an issue, in order."""
        return sorted(self._issues.get(key, {}).values(), key=_page_order)

    def relative(self, path: Path) -> str:
        """A file's path as the archive shows it: from its root."""
        return f"{self._relative(str(path.parent))}/{path.name}".lstrip("/")

    def _label(self, key: tuple[str, str], date: str | None) -> str:
        folder, name = key
        where = self._relative(folder)
        what = date or name.replace("#", "*")
        return f"{what} · {where}" if where and where not in what else what

    def _relative(self, folder: str) -> str:
        for root in self.roots:
            base = root if root.is_dir() else root.parent
            try:
                relative = Path(folder).relative_to(base).as_posix()
            except ValueError:
                continue
            return "" if relative == "." else relative
        return folder


def _page_order(row: PageRow) -> tuple[bool, int, str]:
    return (row.page is None, row.page or 0, str(row.path))


class Shelf:
    """Page files read on demand and kept for a while, and articles made from them."""

    def __init__(self, catalog: Catalog, capacity: int = CACHED_DOCUMENTS) -> None:
        self.catalog = catalog
        self.capacity = capacity
        self._documents: OrderedDict[str, Document] = OrderedDict()
        # Articles are opened from worker threads, and a worker cancelled by a newer one may
        # still be reading.
        self._lock = threading.Lock()

    def document(self, source: str) -> Document:
        """A loaded file; raise LoadError if it cannot be read."""
        from paper_tui.loader import load

        with self._lock:
            document = self._documents.get(source)
            if document is not None:
                self._documents.move_to_end(source)
                return document
        document = load(source)
        with self._lock:
            self._documents[source] = document
            while len(self._documents) > self.capacity:
                self._documents.popitem(last=False)
        return document

    def entry(self, key: str) -> tuple[Entry, int] | None:
        """The article with this key, stitched with its other parts, and the paragraph it starts.

        A part continued from another page opens as the whole article, at its seam.
        """
        source, item_id = split_key(key)
        document = self.document(source)
        found = _find(document, item_id)
        if found is None:
            return None
        page, item = found
        if not _may_continue(page, item):
            return Entry(page.items.index(item), source, page, item), 0
        documents = self._issue_documents(source, document, page, item)
        stitched = stitch_documents(documents)
        # A chain over three pages or more: read the pages its ends still point to.
        for _ in range(CHAIN_PAGES):
            ends = {a.continued_to_page for a in stitched.articles.values()}
            ends |= {a.continued_from_page for a in stitched.articles.values()}
            missing = ends - {None} - _numbers(documents)
            if not missing:
                break
            documents += self._pages_numbered(source, page, missing)
            stitched = stitch_documents(documents)
        ref = (source, item_id)
        if ref in stitched.parts:
            (head_source, head_id), paragraph = stitched.parts[ref]
            head_page, _head = _find(dict(documents)[head_source], head_id) or (page, item)
            joined = stitched.articles[(head_source, head_id)]
            return Entry(head_page.items.index(_head), head_source, head_page, joined), paragraph
        return Entry(page.items.index(item), source, page, stitched.articles.get(ref, item)), 0

    def _issue_documents(
        self, source: str, document: Document, page: Page, item: Item
    ) -> list[tuple[str, Document]]:
        """This file, and the files of its issue holding the pages the item points to (or the
        next page, for an article that stops in mid-sentence with no marker)."""
        wanted = {item.continued_to_page, item.continued_from_page} - {None}
        if not wanted and page.number is not None:
            wanted = {page.number + 1}
        return [(source, document), *self._pages_numbered(source, page, wanted)]

    def _pages_numbered(
        self, source: str, page: Page, numbers: set[int | None]
    ) -> list[tuple[str, Document]]:
        """The other files of a page's issue holding pages with these numbers."""
        from paper_tui.loader import LoadError

        documents = []
        row = PageRow(Path(source), page.number, page.date, page.section, 0)
        for other in self.catalog.pages_of(self.catalog.issue_of(row)):
            path = str(other.path)
            if other.page in numbers and path != source:
                try:
                    documents.append((path, self.document(path)))
                except LoadError:  # an unreadable page only means nothing to stitch with
                    continue
        return documents


def _may_continue(page: Page, item: Item) -> bool:
    """Whether an item may go on on another page: it says so, or it stops in mid-sentence."""
    if item.continued_to_page is not None or item.continued_from_page is not None:
        return True
    return (
        page.number is not None and bool(item.paragraphs) and not ends_sentence(item.paragraphs[-1])
    )


def _numbers(documents: Sequence[tuple[str, Document]]) -> set[int | None]:
    return {page.number for _source, document in documents for page in document.pages}


def _find(document: Document, item_id: str) -> tuple[Page, Item] | None:
    for page in document.pages:
        for item in page.items:
            if item.id == item_id:
                return page, item
    return None


def placeholder(roots: Sequence[Path], status: str) -> Entry:
    """What the reader shows before an article is chosen: the archive's name and how to read it."""
    names = " · ".join(root.name or str(root) for root in roots)
    item = Item(
        id=PLACEHOLDER_ID,
        kind="article",
        title=names,
        paragraphs=(
            status,
            "左侧按期、版、文章列出全部版面，最新的一期在最上面。"
            "↑↓ 或 j/k 移动，回车或空格展开、阅读；ctrl+f 搜索全部文章。",
        ),
    )
    return Entry(0, absolute(roots[0]), Page(), item)
