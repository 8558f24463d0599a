"""The archive index: update it from the page files below a folder, search it.

``ArchiveIndex(root)`` is what the command line, the palette and the search screen share. Updating
can run in a worker thread (with progress and cancellation) while other threads search: each
thread has its own connection. A query that is one index term (a character, or two) is found,
counted and ranked from the index alone (FTS5's per-row instance counts), reading no text. Any
other query asks the index for candidates and checks each against its stored text
(``Query.rank``), which also counts the matches. Either way the best ``limit`` hits are kept in a
heap while every hit is counted, so memory holds the hits shown, not every article's text.
An exact query with many hits is ranked from the density strata instead (``ranking``), while
another thread counts its hits.

The command line searches the index as it stands while the page files are listed
(``search_ahead``), and prints that result when the update that follows finds nothing changed
(``confirmed``), so that listing and searching can overlap.
"""

from __future__ import annotations

import heapq
import os
import sqlite3
import threading
from collections.abc import Iterator
from functools import partial

from paper_tui.folders import StrPath
from paper_tui.records import NamedTuple
from paper_tui.search.database import Database, SearchIndexError, index_path
from paper_tui.search.listing import Listing
from paper_tui.search.query import Hit, Query, RankKey, SearchResult, density
from paper_tui.search.ranking import (
    best_hits,
    checked_keys,
    count_hits,
    counted_keys,
    is_countable,
)
from paper_tui.search.reading import default_workers
from paper_tui.search.updating import FileError, Progress, UpdateReport, update

# Not imported from typing, nor pathlib: a search imports this module before it answers, and
# needs paths only as strings (type checkers know the names).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final

DEFAULT_LIMIT: Final = 50
_ID_CHUNK: Final = 500  # ids per query: far below SQLite's limit on parameters
# With fewer hits than this, reading every hit's text ranks them sooner than walking the strata.
STRATIFY_FROM: Final = 400


class PageRow(NamedTuple):
    """One page in the index: its file, number, date, section and how many articles it has."""

    path: Path
    page: int | None
    date: str | None
    section: str | None
    articles: int


class HeadlineRow(NamedTuple):
    """One article of a page in the index, as a list shows it."""

    path: Path
    item_id: str
    kind: str
    headline: str
    chars: int


def check_date(value: str | None) -> None:
    """Raise ValueError unless ``value`` is None or a date written YYYY-MM-DD."""
    if value is None:
        return
    from datetime import date

    try:
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None


class _Counting(threading.Thread):
    """Counts the hits of an exact query in a thread of its own, on a connection lent to it."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        query: Query,
        conditions: list[str],
        params: list[str],
    ) -> None:
        super().__init__(name="paper-tui-count", daemon=True)
        self._count = partial(count_hits, connection, query, conditions, params)
        self._outcome: int | BaseException = 0

    def run(self) -> None:
        try:
            self._outcome = self._count()
        except BaseException as error:  # raised again in the thread that asks for the total
            self._outcome = error

    def total(self) -> int:
        """The number of hits, once counted."""
        self.join()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome


class Ahead(NamedTuple):
    """A search made before an update, and what tells whether the update left it standing."""

    result: SearchResult
    connection: sqlite3.Connection
    data_version: int
    """SQLite's count of other connections' commits, as the search began."""


class ArchiveIndex:
    """The search index of every article in the page files below one folder (or in one file)."""

    def __init__(
        self, root: StrPath, *, home: StrPath | None = None, workers: int | None = None
    ) -> None:
        folder = os.path.realpath(os.path.expanduser(os.fspath(root)))
        self._root = folder
        self._base = os.path.dirname(folder) if os.path.isfile(folder) else folder
        self.workers = default_workers() if workers is None else workers
        self.database = Database(index_path(folder, home), folder)
        self.stratify_from = STRATIFY_FROM
        """Hits above which the best are found by density strata rather than by reading all."""

    @property
    def root(self) -> Path:
        """The archive: a folder, or one page file; an absolute path."""
        from pathlib import Path

        return Path(self._root)

    @property
    def base(self) -> Path:
        """The folder the archive's page files are named from: the root, or the file's folder."""
        from pathlib import Path

        return Path(self._base)

    @property
    def db_path(self) -> Path:
        """The database file."""
        from pathlib import Path

        return Path(self.database.file)

    def __enter__(self) -> ArchiveIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connections of every thread."""
        self.database.close()

    def update(
        self,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        listing: Listing | None = None,
    ) -> UpdateReport:
        """Bring the index in step with the page files at or below the root.

        ``listing`` may be a listing of the root begun earlier (``Listing.start``).
        """
        if not os.path.exists(self._root):
            raise SearchIndexError(f"{self._root}: no such file or folder")
        if listing is not None and (listing.root, listing.base) != (self._root, self._base):
            listing = None
        for attempt in (1, 2):
            try:
                report = update(
                    self.database.connection(),
                    self._root,
                    self._base,
                    workers=self.workers,
                    progress=progress,
                    cancel=cancel,
                    listing=listing,
                )
                break
            except sqlite3.DatabaseError as error:
                if attempt == 2:
                    raise SearchIndexError(f"search index {self.database.file}: {error}") from None
                self.database.recover(error)
        report.notices = self.database.take_notices()
        return report

    def search(
        self,
        query: str,
        *,
        limit: int | None = DEFAULT_LIMIT,
        since: str | None = None,
        until: str | None = None,
        section: str | None = None,
    ) -> SearchResult:
        """The first ``limit`` ranked hits for ``query`` (None: all of them) and the total."""
        check_date(since)
        check_date(until)
        total = 0
        hits: list[Hit] = []
        try:
            total, hits = self._search_text(query, limit, since, until, section)
        except sqlite3.DatabaseError as error:
            self.database.recover(error)
        return SearchResult(total, hits, self.database.take_notices())

    def search_ahead(
        self,
        query: str,
        *,
        limit: int | None = DEFAULT_LIMIT,
        since: str | None = None,
        until: str | None = None,
        section: str | None = None,
    ) -> Ahead | None:
        """``search`` on the index as it stands, before an update; None if it cannot be searched.

        Nothing is repaired or recorded here: an update does that, and ``confirmed`` then says
        whether this result still stands.
        """
        check_date(since)
        check_date(until)
        try:
            connection = self.database.connection()
            (data_version,) = connection.execute("PRAGMA data_version").fetchone()
            total, hits = self._search_text(query, limit, since, until, section)
        except (sqlite3.DatabaseError, SearchIndexError):
            return None
        return Ahead(SearchResult(total, hits), connection, data_version)

    def _search_text(
        self,
        query: str,
        limit: int | None,
        since: str | None,
        until: str | None,
        section: str | None,
    ) -> tuple[int, list[Hit]]:
        """The total and the hits of a query as typed; none for a query with nothing in it."""
        connection = self.database.connection()
        held = connection.execute("SELECT 1 FROM meta WHERE key = 'traditional'").fetchone()
        parsed = Query(query, traditional=held is not None)
        if parsed.is_empty():
            return 0, []
        return self._search(parsed, limit, since, until, section)

    def confirmed(self, ahead: Ahead | None, report: UpdateReport) -> SearchResult | None:
        """The result of ``search_ahead`` if the update since (``report``) left it standing."""
        # The update found the index in step with the files when it changed none of them, and
        # the index is the one searched when no other connection has written to it since.
        if ahead is None or report.has_changes or report.touched or report.cancelled:
            return None
        try:
            connection = self.database.connection()
            if connection is not ahead.connection:
                return None
            (data_version,) = connection.execute("PRAGMA data_version").fetchone()
        except (sqlite3.DatabaseError, SearchIndexError):
            return None
        if data_version != ahead.data_version:
            return None
        return ahead.result._replace(notices=self.database.take_notices())

    def _search(
        self,
        query: Query,
        limit: int | None,
        since: str | None,
        until: str | None,
        section: str | None,
    ) -> tuple[int, list[Hit]]:
        connection = self.database.connection()
        conditions: list[str] = []
        params: list[str] = []
        for condition, value in (
            ("a.date >= ?", since),
            ("a.date <= ?", until),
            ("a.section = ?", section),
        ):
            if value is not None:
                conditions.append(condition)
                params.append(value)
        if limit is not None and query.is_exact() and len(query.parts) == 1:
            if limit <= 0:
                return count_hits(connection, query, conditions, params), []
            # With few hits, reading them all (below) ranks them sooner than walking the strata.
            many = self.stratify_from + 1
            if count_hits(connection, query, conditions, params, at_most=many) == many:
                # Counting every hit and finding the best are apart, so each can take a core.
                counting = _Counting(self.database.connection("count"), query, conditions, params)
                counting.start()
                best = best_hits(connection, query, limit, conditions, params)
                return counting.total(), self._hits(connection, query, best)
        term = query.term()
        if term is not None and is_countable(connection, term):
            keys = counted_keys(connection, term, conditions, params)
        else:
            keys = checked_keys(connection, query, conditions, params)
        total = 0

        def counted() -> Iterator[RankKey]:
            nonlocal total
            for key in keys:
                total += 1
                yield key

        found = counted()
        if limit is None:
            best = sorted(found)
        else:
            best = heapq.nsmallest(max(limit, 0), found)
            for _ in found:  # nsmallest(0, ...) reads nothing, and the total counts every hit
                pass
        return total, self._hits(connection, query, best)

    def _hits(self, connection: sqlite3.Connection, query: Query, best: list[RankKey]) -> list[Hit]:
        ids = [key[-1] for key in best]
        rows = {}
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start : start + _ID_CHUNK]
            for row in connection.execute(
                "SELECT a.id, f.path, a.page, a.date, a.section, a.item_id, a.kind, a.headline,"
                " b.body FROM articles AS a JOIN files AS f ON f.id = a.file"
                " JOIN bodies AS b ON b.id = a.id"
                f" WHERE a.id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                rows[row[0]] = row
        hits = []
        for key in best:
            _, path, page, date, section, item_id, kind, headline, body = rows[key[-1]]
            snippet, marks = query.snippet(body)
            occurrences = (query.score(headline, body) or (0, 0))[1]
            hits.append(
                Hit(
                    file=os.path.join(self._base, *path.split("/")),
                    page=page,
                    date=date,
                    section=section,
                    item_id=item_id,
                    kind=kind,
                    headline=headline,
                    headline_marks=tuple(query.marks(headline)),
                    snippet=snippet,
                    marks=marks,
                    occurrences=occurrences,
                    score=round(density(occurrences, len(body)), 3),
                )
            )
        return hits

    def pages(self, after: int = 0) -> tuple[int, list[PageRow]]:
        """The pages of every file indexed since article ``after`` (0: all), and the last article.

        A file re-indexed since then is listed whole again, so its pages replace the old ones.
        """
        connection = self.database.connection()
        (last,) = connection.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
        rows = connection.execute(
            "SELECT f.path, a.page, max(a.date), max(a.section), count(*)"
            " FROM articles AS a JOIN files AS f ON f.id = a.file"
            " WHERE a.file IN (SELECT DISTINCT file FROM articles WHERE id > ? AND id <= ?)"
            " GROUP BY a.file, a.page",
            (after, last),
        )
        base = self.base
        return last, [
            PageRow(base / path, page, date, section, count)
            for path, page, date, section, count in rows
        ]

    def headlines(self, path: Path, page: int | None) -> list[HeadlineRow]:
        """The articles of one page of a file, in the order the page prints them."""
        key = path.relative_to(self.base).as_posix()
        rows = self.database.connection().execute(
            "SELECT a.item_id, a.kind, a.headline, a.chars"
            " FROM articles AS a JOIN files AS f ON f.id = a.file"
            " WHERE f.path = ? AND a.page IS ? ORDER BY a.id",
            (key, page),
        )
        return [HeadlineRow(path, *row) for row in rows]

    def errors(self) -> list[FileError]:
        """The page files that could not be indexed, and why, in path order."""
        rows = self.database.connection().execute(
            "SELECT path, error FROM files WHERE error IS NOT NULL ORDER BY path"
        )
        base = self.base
        return [FileError(base / path, error) for path, error in rows]

    def sections(self) -> list[str]:
        """The section names in the index, most articles first."""
        rows = self.database.connection().execute(
            "SELECT section FROM articles WHERE section IS NOT NULL"
            " GROUP BY section ORDER BY count(*) DESC, section"
        )
        return [section for (section,) in rows]

    def count(self) -> int:
        """How many articles the index holds."""
        return int(
            self.database.connection().execute("SELECT count(*) FROM articles").fetchone()[0]
        )
