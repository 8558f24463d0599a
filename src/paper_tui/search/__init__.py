"""Archive search: an SQLite FTS5 index of every article below a folder, no word segmentation.

``ArchiveIndex(root).update()`` brings the index in step with the page files (in a worker thread
if need be), ``.search(query)`` returns the first ranked hits and the total count. Standard
library only, apart from OpenCC for queries in traditional script; never Textual, Rich or jieba.
"""

from __future__ import annotations

from paper_tui.search.database import SearchIndexError, index_file
from paper_tui.search.index import ArchiveIndex, HeadlineRow, PageRow
from paper_tui.search.query import Hit, SearchResult
from paper_tui.search.updating import FileError, UpdateReport

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
