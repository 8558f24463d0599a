"""The index database: one SQLite file per archive, one connection per thread, set aside if bad.

The file lives in the user's cache (``folders.paths().index_dir``, moved by $PAPER_TUI_HOME), named
by a hash of the archive's absolute path. ``files`` remembers each page file's size, mtime and
content digest (and why it could not be loaded), ``articles`` every item's headline, date and
section, ``bodies`` its text, and ``grams``, a contentless FTS5 table, indexes their tokens (see
``tokens``) without storing them a second time, and ``strata`` files each article's terms by
density, those of its headline apart (see ``strata``). A file that is not a database, is damaged, or
was written with another schema is moved aside (``.corrupt-`` or ``.stale-`` and a timestamp) and
started afresh, with a notice for the user; only errors no fresh file would cure (no disk space, no
permission) are raised, as ``SearchIndexError``. WAL mode lets one thread update while others
search.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

try:  # hashlib loads OpenSSL first, a tenth of a whole search's time; the same digest, builtin
    from _sha1 import sha1
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha1

from paper_tui.folders import StrPath, cache_folder
from paper_tui.search.strata import strata_tokens
from paper_tui.search.tokens import chars, grams, octs, quads

# Not imported from typing, nor pathlib: the search command imports this module before it
# answers (type checkers know the names).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final

SCHEMA_VERSION: Final = 5
BUSY_SECONDS: Final = 10.0
"""How long to wait for another process writing the same index."""
MMAP_BYTES: Final = 256 * 1024 * 1024
WAL_BYTES: Final = 64 * 1024 * 1024
"""The size the write-ahead log is cut back to once written into the database, if larger."""
_CORRUPT_CODES: Final = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
# SQLITE_PERM, BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN: a fresh file would not help.
_UNAVAILABLE_CODES: Final = frozenset({3, 5, 6, 7, 8, 10, 13, 14})
_BUSY_CODES: Final = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED
_RETRY_SECONDS: Final = 0.05
_ASIDE_KINDS: Final = ("corrupt", "stale")
_TABLES: Final = frozenset({"meta", "files", "articles", "bodies", "grams", "strata"})
# Article ids only grow (AUTOINCREMENT): a reader that saw every id up to N knows that anything
# above N is new, even where a file was indexed again.
# Bodies live apart from the other columns so that ranking by index counts reads small rows only.
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, digest TEXT, error TEXT);
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY AUTOINCREMENT, file INTEGER NOT NULL REFERENCES files(id),
    page INTEGER, date TEXT, day INTEGER NOT NULL, section TEXT, item_id TEXT NOT NULL,
    kind TEXT NOT NULL, headline TEXT NOT NULL, chars INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bodies(id INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_by_file ON articles(file);
CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(
    headline, body, headline_chars, body_chars, headline_quads, body_quads, headline_octs,
    body_octs, content='', columnsize=0, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS strata USING fts5(
    terms, content='', columnsize=0, detail='none', tokenize='ascii');
"""


class SearchIndexError(Exception):
    """The index cannot be used at all (no such folder, no disk space); the message is one line."""


def index_file(root: StrPath, home: StrPath | None = None) -> Path:
    """The database file holding the index of ``root``."""
    from pathlib import Path

    return Path(index_path(root, home))


def index_path(root: StrPath, home: StrPath | None = None) -> str:
    """``index_file(root, home)`` as a string."""
    key = sha1(os.path.realpath(os.path.expanduser(os.fspath(root))).encode()).hexdigest()[:20]
    return os.path.join(cache_folder(home), "index", f"{key}.sqlite3")


def is_corrupt(error: sqlite3.DatabaseError) -> bool:
    """Whether the error says the database file is damaged or not a database."""
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _CORRUPT_CODES


def _is_busy(error: sqlite3.DatabaseError) -> bool:
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _BUSY_CODES


def _is_unavailable(error: sqlite3.DatabaseError) -> bool:
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _UNAVAILABLE_CODES


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """A write transaction, rolled back if the block raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


class Database:
    """The index database of one archive root, opened lazily once per thread."""

    def __init__(self, file: str, root: str) -> None:
        self.file = file
        """The database file."""
        self.root = root
        """The archive folder (or file), an absolute path."""
        self._local = threading.local()
        self._lock = threading.RLock()
        self._generation = 0
        self._connections: list[sqlite3.Connection] = []
        self._notices: list[str] = []

    def connection(self, slot: str = "") -> sqlite3.Connection:
        """This thread's connection, opened (and the file checked or recreated) on first use.

        Another ``slot`` gives the thread a second connection, which it may lend to a helper
        thread while it waits for it.
        """
        opened: dict[str, tuple[sqlite3.Connection, int]] = self._local.__dict__.setdefault(
            "opened", {}
        )
        connection, generation = opened.get(slot, (None, -1))
        if connection is not None and generation == self._generation:
            return connection
        with self._lock:
            connection = self._open()
            self._connections.append(connection)
            opened[slot] = (connection, self._generation)
        return connection

    def close(self) -> None:
        """Close every connection opened so far, in any thread."""
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
            self._generation += 1

    def take_notices(self) -> tuple[str, ...]:
        """Notices not yet shown, forgotten once taken."""
        with self._lock:
            notices, self._notices = tuple(self._notices), []
        return notices

    def recover(self, error: sqlite3.DatabaseError) -> None:
        """Set a damaged database aside; raise SearchIndexError for any other database error."""
        if not is_corrupt(error):
            raise SearchIndexError(f"search index {self.file}: {error}") from None
        self._set_aside(f"was damaged ({error})")

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.file, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
        connection.create_function("pair_tokens", 1, grams, deterministic=True)
        connection.create_function("char_tokens", 1, chars, deterministic=True)
        connection.create_function("quad_tokens", 1, quads, deterministic=True)
        connection.create_function("oct_tokens", 1, octs, deterministic=True)
        connection.create_function("strata_tokens", 2, strata_tokens, deterministic=True)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        # One large transaction (a first build's merge) grows the log to its size; it would stay
        # that large on disk.
        connection.execute(f"PRAGMA journal_size_limit={WAL_BYTES}")
        # Ranking reads the text of every candidate; mapped pages spare a copy per page read.
        connection.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        return connection

    def _open(self) -> sqlite3.Connection:
        try:
            os.makedirs(os.path.dirname(self.file), exist_ok=True)
        except OSError as error:
            folder = os.path.dirname(self.file)
            raise SearchIndexError(f"cannot create {folder}: {error}") from None
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            connection: sqlite3.Connection | None = None
            try:
                connection = self._connect()
                problem = self._problem(connection)
            except sqlite3.DatabaseError as error:
                if connection is not None:
                    connection.close()
                # Switching a new file to WAL does not wait for another process creating it too.
                if _is_busy(error) and time.monotonic() < deadline:
                    time.sleep(_RETRY_SECONDS)
                    continue
                if _is_unavailable(error):
                    raise SearchIndexError(f"cannot open {self.file}: {error}") from None
                problem = f"was damaged ({error})"
            else:
                if problem is None:
                    return connection
                connection.close()
            break
        self._set_aside(problem)
        connection = self._connect()
        self._create(connection)
        return connection

    def _problem(self, connection: sqlite3.Connection) -> str | None:
        """Why the database cannot be used as it is, or None (creating it when it is empty)."""
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if not names:
            self._create(connection)
            return None
        if "meta" not in names:
            return "is not a paper-tui search index"
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("version") != str(SCHEMA_VERSION):
            return f"has schema {meta.get('version')}, not {SCHEMA_VERSION}"
        if not names >= _TABLES:
            return "is missing tables"
        if meta.get("root") != self.root:
            return f"belongs to another folder ({meta.get('root')})"
        return None

    def _create(self, connection: sqlite3.Connection) -> None:
        # One transaction, so that another process opening the file sees all of it or none.
        with transaction(connection):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.executemany(
                "INSERT OR IGNORE INTO meta VALUES (?, ?)",
                [("version", str(SCHEMA_VERSION)), ("root", str(self.root)), ("loader", "")],
            )

    def _set_aside(self, problem: str) -> None:
        from pathlib import Path

        with self._lock:
            kind = _ASIDE_KINDS[0] if problem.startswith("was damaged") else _ASIDE_KINDS[1]
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = Path(self.file)
            aside = path.with_name(f"{path.name}.{kind}-{stamp}")
            # One copy set aside is enough to look into; older ones would only fill the cache.
            for old in path.parent.glob(f"{path.name}.*-*"):
                if old.suffix[1:].startswith(_ASIDE_KINDS):
                    old.unlink(missing_ok=True)
            try:
                os.replace(path, aside)
                for suffix in ("-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            except FileNotFoundError:
                pass
            except OSError as error:
                raise SearchIndexError(f"cannot set aside {path}: {error}") from None
            self._generation += 1
            self._notices.append(
                f"the search index of {self.root} {problem}: set aside as {aside.name}, rebuilding"
            )
