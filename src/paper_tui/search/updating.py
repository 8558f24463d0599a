"""Keeping an index in step with the page files: what to re-read, what to re-index, what to drop.

Size and mtime decide which files are read again; the content digest decides which are indexed
again, so a file that was only touched costs a read and a hash. Files gone from the folder are
dropped, files the loader cannot read are recorded with the reason. Writes go in batches, each a
transaction, so a cancelled or interrupted update leaves a consistent index that the next update
completes. When paper-tui's version changes every file is loaded again: another loader may find
other articles in the same bytes.

An update that indexes text in traditional characters records it (``traditional`` in ``meta``),
so that searches look for queries in their traditional spellings too (see ``query``). An update
that drops or replaces text checks that some is still there, and forgets it if not.

An update that wrote a large share of the index (the first, above all) merges each FTS5 table into
one segment, as a search then reads each term's list of rows from one place, not from a dozen
written batch by batch. A complete update ends by recording the digest of the ``files`` table (see
``listing``), and triggers forget it at any change to that table, whoever makes it (another process,
an older paper-tui), so a listing with that digest is known to match the index without reading the
table.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable

from paper_tui import __version__
from paper_tui.records import NamedTuple
from paper_tui.search.conversion import is_traditional
from paper_tui.search.database import transaction
from paper_tui.search.listing import Listing, digest
from paper_tui.search.reading import FileRead, ReadTask, read_files

# Not imported from typing, nor pathlib: the search command imports this module before it
# answers, and an update that finds nothing changed needs neither (type checkers know them).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final

BATCH_FILES: Final = 50
"""Files written per transaction, at most."""
BATCH_SECONDS: Final = 0.5
"""A batch is written at least this often, so that readers (the app's tree) see pages arrive."""
COMPACT_SHARE: Final = 0.25
"""An update that wrote at least this share of the index's articles merges its search tables."""
_SEARCH_TABLES: Final = ("grams", "strata")

Progress = Callable[[int, int, str], None]
"""Called after each file read: files done, files to read, the file's path."""
_FORGET_LISTING: Final = tuple(
    f"CREATE TRIGGER IF NOT EXISTS files_{event.lower()}_forgets_listing AFTER {event} ON files"
    " BEGIN DELETE FROM meta WHERE key = 'listing'; END"
    for event in ("INSERT", "UPDATE", "DELETE")
)


class FileError(NamedTuple):
    """A page file (or folder) that could not be indexed, and why."""

    path: Path
    error: str


class UpdateReport:
    """What an update found and did."""

    # A plain class: the search command starts sooner without the dataclasses module.
    __slots__ = (
        "added",
        "articles",
        "cancelled",
        "changed",
        "failed",
        "files",
        "notices",
        "removed",
        "touched",
        "traditional",
    )

    def __init__(self) -> None:
        self.files = 0
        """Page files found below the root."""
        self.added = 0
        self.changed = 0
        self.touched = 0
        """Files read again whose content was already indexed."""
        self.removed = 0
        self.articles = 0
        """Articles written to the index."""
        self.failed: list[FileError] = []
        """Files (or folders) that could not be read or loaded in this update."""
        self.cancelled = False
        self.traditional = False
        """Whether this update indexed text in traditional characters."""
        self.notices: tuple[str, ...] = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"UpdateReport({fields})"

    @property
    def has_changes(self) -> bool:
        """Whether the index changed or something could not be read."""
        return bool(self.added or self.changed or self.removed or self.failed)


def update(
    connection: sqlite3.Connection,
    root: str,
    base: str,
    *,
    workers: int,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    listing: Listing | None = None,
) -> UpdateReport:
    """Bring the index behind ``connection`` in step with the page files at or below ``root``.

    ``listing``, if given, is a listing of ``root`` begun earlier (``Listing.start``).
    """
    report = UpdateReport()
    if listing is None:
        listing = Listing(root)
    report.files = listing.count
    report.failed.extend(_error(folder, error) for folder, error in listing.failures)
    meta = dict(
        connection.execute("SELECT key, value FROM meta WHERE key IN ('loader', 'listing')")
    )
    reload_all = meta.get("loader") != __version__
    if not reload_all and meta.get("listing") == listing.digest:
        return report
    found = set(listing.entries())
    indexed = set(connection.execute("SELECT path, size, mtime_ns FROM files"))
    # Newest first where names carry dates, so an archive opened for the first time shows its
    # latest issues first.
    stale = sorted(found if reload_all else found - indexed, reverse=True)
    digests = {}
    if stale and not reload_all:
        digests = dict(connection.execute("SELECT path, digest FROM files"))
    tasks = [
        ReadTask(key, os.path.join(base, *key.split("/")), size, mtime, digests.get(key))
        for key, size, mtime in stale
    ]
    present = {key for key, _, _ in found}
    removed = [key for key, _, _ in indexed if key not in present]
    if reload_all:
        with transaction(connection):  # every article is written again, and tells again
            connection.execute("DELETE FROM meta WHERE key = 'traditional'")
    if removed:
        with transaction(connection):
            for key in removed:
                (file_id,) = connection.execute(
                    "SELECT id FROM files WHERE path = ?", (key,)
                ).fetchone()
                _drop(connection, file_id)
                connection.execute("DELETE FROM files WHERE id = ?", (file_id,))
        report.removed = len(removed)
    batch: list[FileRead] = []
    done = 0
    written = time.monotonic()
    for result in read_files(tasks, workers=workers, cancel=cancel):
        batch.append(result)
        done += 1
        if len(batch) >= BATCH_FILES or time.monotonic() - written >= BATCH_SECONDS:
            _write(connection, batch, report)
            batch.clear()
            written = time.monotonic()
        if progress is not None:
            progress(done, len(tasks), result.task.path)
    _write(connection, batch, report)
    report.cancelled = done < len(tasks)
    if reload_all and not report.cancelled:
        with transaction(connection):
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('loader', ?)", (__version__,))
    if (report.removed or report.changed) and not report.traditional:
        _check_traditional(connection)
    if not report.cancelled:
        _compact(connection, report.articles)
        _record_listing(connection)
    return report


def _compact(connection: sqlite3.Connection, written: int) -> None:
    """Merge every search table into one segment, if ``written`` articles are a large share."""
    (total,) = connection.execute("SELECT count(*) FROM articles").fetchone()
    if not written or written < COMPACT_SHARE * total:
        return
    for table in _SEARCH_TABLES:
        with transaction(connection):
            connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    # The merge went through the write-ahead log, as large as the tables: written into the
    # database now, and the log emptied.
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _error(path: str, error: str) -> FileError:
    from pathlib import Path

    return FileError(Path(path), error)


def _check_traditional(connection: sqlite3.Connection) -> None:
    """Forget that the index holds text in traditional characters, unless it still does."""
    if connection.execute("SELECT 1 FROM meta WHERE key = 'traditional'").fetchone() is None:
        return
    for (body,) in connection.execute("SELECT body FROM bodies"):
        if is_traditional(body):
            return
    with transaction(connection):
        connection.execute("DELETE FROM meta WHERE key = 'traditional'")


def _record_listing(connection: sqlite3.Connection) -> None:
    """Record the digest of the files the index holds, to be forgotten when they change."""
    # Read and written in one transaction, so that no other writer comes between.
    with transaction(connection):
        for statement in _FORGET_LISTING:
            connection.execute(statement)
        rows = connection.execute("SELECT path, size, mtime_ns FROM files").fetchall()
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (digest(rows),))


def _write(connection: sqlite3.Connection, batch: list[FileRead], report: UpdateReport) -> None:
    if not batch:
        return
    with transaction(connection):
        for result in batch:
            task = result.task
            if result.articles is None and result.error is None:
                connection.execute(
                    "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                    (task.size, task.mtime_ns, task.key),
                )
                report.touched += 1
                continue
            # Looked up again rather than taken from `known`: another process may have indexed
            # the file since this update started.
            old = connection.execute("SELECT id FROM files WHERE path = ?", (task.key,)).fetchone()
            if old is not None:
                _drop(connection, old[0])
            (file_id,) = connection.execute(
                "INSERT INTO files(path, size, mtime_ns, digest, error) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(path) DO UPDATE SET size = excluded.size,"
                " mtime_ns = excluded.mtime_ns, digest = excluded.digest,"
                " error = excluded.error RETURNING id",
                (task.key, task.size, task.mtime_ns, result.digest, result.error),
            ).fetchone()
            if result.error is not None:
                report.failed.append(_error(task.path, result.error))
                continue
            for article in result.articles or ():
                if not report.traditional and is_traditional(article.body):
                    report.traditional = True
                    connection.execute("INSERT OR REPLACE INTO meta VALUES ('traditional', '1')")
                cursor = connection.execute(
                    "INSERT INTO articles(file, page, date, day, section, item_id, kind, headline,"
                    " chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        file_id,
                        article.page,
                        article.date,
                        _day(article.date),
                        article.section,
                        article.item_id,
                        article.kind,
                        article.headline,
                        len(article.body),
                    ),
                )
                connection.execute(
                    "INSERT INTO bodies(id, body) VALUES (?, ?)", (cursor.lastrowid, article.body)
                )
                connection.execute(
                    "INSERT INTO grams(rowid, headline, body, headline_chars, body_chars,"
                    " headline_quads, body_quads, headline_octs, body_octs)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (cursor.lastrowid, *article[7:15]),
                )
                connection.execute(
                    "INSERT INTO strata(rowid, terms) VALUES (?, ?)",
                    (cursor.lastrowid, article.body_strata),
                )
                report.articles += 1
            if old is None:
                report.added += 1
            else:
                report.changed += 1


def _drop(connection: sqlite3.Connection, file_id: int) -> None:
    # A contentless FTS5 table forgets a row only when given back the tokens it was given.
    connection.execute(
        "INSERT INTO grams(grams, rowid, headline, body, headline_chars, body_chars,"
        " headline_quads, body_quads, headline_octs, body_octs)"
        " SELECT 'delete', a.id, pair_tokens(a.headline), pair_tokens(b.body),"
        " char_tokens(a.headline), char_tokens(b.body),"
        " quad_tokens(a.headline), quad_tokens(b.body), oct_tokens(a.headline), oct_tokens(b.body)"
        " FROM articles AS a JOIN bodies AS b ON b.id = a.id WHERE a.file = ?",
        (file_id,),
    )
    connection.execute(
        "INSERT INTO strata(strata, rowid, terms)"
        " SELECT 'delete', a.id, strata_tokens(a.headline, b.body)"
        " FROM articles AS a JOIN bodies AS b ON b.id = a.id WHERE a.file = ?",
        (file_id,),
    )
    connection.execute(
        "DELETE FROM bodies WHERE id IN (SELECT id FROM articles WHERE file = ?)", (file_id,)
    )
    connection.execute("DELETE FROM articles WHERE file = ?", (file_id,))


def _day(date: str | None) -> int:
    """A page's date as the number YYYYMMDD, for sorting; 0 when it has none."""
    digits = (date or "").replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0
