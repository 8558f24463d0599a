"""Archive search: an SQLite FTS5 index of every article below a folder, no word segmentation.

``ArchiveIndex(root).update()`` brings the index in step with the page files (in a worker thread
if need be), ``.search(query)`` returns the first ranked hits and the total count. Standard
library only, apart from OpenCC for queries in traditional script; never Textual, Rich or jieba.
"""

from __future__ import annotations

# Not imported from typing: the search command imports this package before it forks a child to
# list the files (see ``listing.begin``), and typing costs milliseconds (type checkers know the
# name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from paper_tui.search.database import SearchIndexError, index_file
    from paper_tui.search.index import ArchiveIndex, HeadlineRow, PageRow
    from paper_tui.search.query import Hit, SearchResult
    from paper_tui.search.updating import FileError, UpdateReport

# Loaded on first use, so that the search command can start listing files before it imports the
# index (see ``cli``).
_HOMES = {
    "ArchiveIndex": "index",
    "FileError": "updating",
    "HeadlineRow": "index",
    "Hit": "query",
    "PageRow": "index",
    "SearchIndexError": "database",
    "SearchResult": "query",
    "UpdateReport": "updating",
    "index_file": "database",
}

__all__ = [
    "ArchiveIndex",
    "FileError",
    "HeadlineRow",
    "Hit",
    "PageRow",
    "SearchIndexError",
    "SearchResult",
    "UpdateReport",
    "index_file",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{home}"), name)
