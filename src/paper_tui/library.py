"""What the reader has open: the loaded documents and every item in them, in one reading order.

The app can open several page files at once; the article list, ``[``/``]`` and the command palette
all walk one flat sequence of entries across them. Each entry knows its file (an absolute path,
the key under which reading positions and bookmarks are saved) and its page. An article continued
on another page of the same issue is one entry, stitched (see ``loader.continuations``), listed
where its first part stands; the parts joined to it are not listed again. Pure: no UI here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from paper_tui.model import Document, Item, Page

# A file and an item id. The loader is imported only where pages are built (see open_files).
Ref = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of one loaded page, with where it came from."""

    index: int
    """Position in the library's reading order."""
    source: str
    """Absolute path of the file the item was loaded from."""
    page: Page
    item: Item

    @property
    def key(self) -> str:
        """A key unique in the library: the file's position and the item id."""
        return f"{self.source}#{self.item.id}"


@dataclass(frozen=True, slots=True)
class Library:
    """Loaded documents and their items as one sequence of entries."""

    documents: tuple[Document, ...]
    sources: tuple[str, ...]
    """Absolute path of each document, in the same order."""
    entries: tuple[Entry, ...]
    parts: dict[Ref, tuple[Ref, int]] = field(default_factory=dict)
    """Parts joined to an article printed elsewhere: the article's file and id, and the seam."""

    @classmethod
    def of(cls, documents: Sequence[tuple[str, Document]]) -> Library:
        """Build a library from (absolute path, document) pairs, continued articles stitched."""
        from paper_tui.loader.continuations import stitch_documents

        stitched = stitch_documents(documents)
        entries: list[Entry] = []
        for source, document in documents:
            for page in document.pages:
                for item in page.items:
                    ref = (source, item.id)
                    if ref not in stitched.parts:
                        item = stitched.articles.get(ref, item)
                        entries.append(Entry(len(entries), source, page, item))
        return cls(
            tuple(document for _, document in documents),
            tuple(source for source, _ in documents),
            tuple(entries),
            stitched.parts,
        )

    def find(self, source: str, article_id: str) -> Entry | None:
        """The entry for an article of a file (or the article a part of it was joined to)."""
        if (source, article_id) in self.parts:
            (source, article_id), _seam = self.parts[(source, article_id)]
        for entry in self.entries:
            if entry.source == source and entry.item.id == article_id:
                return entry
        return None

    def first_of(self, source: str) -> Entry | None:
        """The first entry of a file, if it has any."""
        return next((entry for entry in self.entries if entry.source == source), None)

    def by_key(self, key: str) -> Entry | None:
        """The entry with this key, if any."""
        return next((entry for entry in self.entries if entry.key == key), None)


def absolute(path: str | os.PathLike[str]) -> str:
    """The absolute form of a path, as positions and bookmarks store it."""
    return os.path.abspath(os.path.expanduser(os.fspath(path)))


def open_files(paths: Iterable[Path]) -> tuple[Library, list[str], list[str]]:
    """Load page files: the library of those that loaded, then one line per failure and warning."""
    # Imported here: the app unpickles libraries built elsewhere (see prefetch) without it.
    from paper_tui.loader import LoadError, load

    loaded: list[tuple[str, Document]] = []
    failures: list[str] = []
    warnings: list[str] = []
    for path in paths:
        try:
            document = load(path)
        except LoadError as error:
            failures.append(str(error))
            continue
        loaded.append((absolute(path), document))
        warnings.extend(f"{path}: {warning}" for warning in document.warnings)
    return Library.of(loaded), failures, warnings
