"""Listing the page files below a folder: each one's path, size and mtime, and a digest of them.

Size and mtime decide which files the index must read again, so every search lists the archive
first: 10,000 pages are 10,000 stat calls, on some machines most of what a search costs. A
listing is made here (``Listing(root)``), or begun in a forked child process while this process
imports and searches (``Listing.start(root)``, where forking is safe). The work is cut into units,
the entries of the root (a folder with all below it, or a page file), in the order of their paths;
the child lists units from the first on, and this process, once it asks for the listing, from the
last back, each claiming a unit in shared memory before listing it, until they meet.

The digest (see ``digest``) is what the index compares first: when the index holds it (see
``updating``), nothing changed and the entries are never read back from the child's bytes.
"""

from __future__ import annotations

import marshal
import os
import sys
from itertools import groupby
from operator import itemgetter

# Not imported from typing, which costs a search command milliseconds before it can fork (type
# checkers know the name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import mmap
    from collections.abc import Iterable
    from typing import BinaryIO, Final

PAGE_SUFFIX: Final = ".txt"
_PIPE_BYTES: Final = 1 << 20  # Linux's default limit for an unprivileged process
_FIRST, _LAST = 0, 1  # slots of the shared claims: the child's last unit, this process's last
_BY_DESCRIPTOR = os.scandir in os.supports_fd and hasattr(os, "O_DIRECTORY")
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)

Entry = tuple[str, int, int]
"""A page file: its path relative to the base folder (with ``/``), size and mtime in ns."""
Failure = tuple[str, str]
"""A folder that could not be listed, and why."""


class _Part:
    """What listing one unit found."""

    __slots__ = ("encoded", "failures", "files")

    def __init__(self, encoded: bytes, files: int, failures: list[Failure]) -> None:
        self.encoded = encoded
        """Its entries, in path order, as ``marshal`` writes a list (nothing when there are
        none)."""
        self.files = files
        self.failures = failures


def digest(entries: Iterable[Entry]) -> str:
    """The digest of a listing, or of the index's record of one, whatever the entries' order."""
    ordered = sorted(entries, key=itemgetter(0))  # paths are unique
    units = groupby(ordered, key=lambda entry: entry[0].partition("/")[0])
    return _digest(_encode(list(unit)) for _, unit in units)


def _encode(entries: list[Entry]) -> bytes:
    # Version 2 writes no back-references, so equal lists are equal bytes.
    return marshal.dumps(entries, 2) if entries else b""


def _digest(parts: Iterable[bytes]) -> str:
    # Imported here: a forked child process never needs it. (hashlib would load OpenSSL first,
    # a tenth of a whole search's time, for the same digest.)
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

    hashed = blake2b(digest_size=20)
    for part in parts:
        hashed.update(part)
    return hashed.hexdigest()


def can_fork() -> bool:
    """Whether this process may fork a child that lists files.

    Only with one thread (another might hold a lock the child needs), and not on macOS, whose
    system libraries do not support a fork without exec.
    """
    if not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    # A process that never imported threading has started no thread from Python.
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


class Listing:
    """The page files at or below a folder (or the one file), listed here or with a child."""

    def __init__(self, root: str) -> None:
        self.root = root
        """The folder (or file) listed, an absolute path."""
        self.base = os.path.dirname(root) if os.path.isfile(root) else root
        """The folder the entries' paths are relative to."""
        self._skip = len(os.path.join(self.base, ""))
        self._units: list[tuple[str, os.DirEntry[str]]] | None = None
        self._root_failures: list[Failure] = []
        self._parts: list[_Part] | None = None
        self._entries: list[Entry] | None = None
        self._child: int | None = None
        self._pipe: BinaryIO | None = None
        self._shared: mmap.mmap | None = None

    @classmethod
    def start(cls, root: str) -> Listing:
        """A listing begun at once with a child process where that is possible (or taken over
        from ``begin``)."""
        begun = _begun.pop(root, None)
        for other in _begun.values():  # begun for another path: not wanted
            other.close()
        _begun.clear()
        if begun is not None:
            return begun
        listing = cls(root)
        if listing.base == root and can_fork():
            listing._fork()
        return listing

    def __enter__(self) -> Listing:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def count(self) -> int:
        """How many page files there are."""
        return sum(part.files for part in self._received())

    @property
    def failures(self) -> list[Failure]:
        """The folders that could not be listed."""
        parts = self._received()
        return self._root_failures + [failure for part in parts for failure in part.failures]

    @property
    def digest(self) -> str:
        """The digest of the entries (see ``digest``)."""
        return _digest(part.encoded for part in self._received())

    def entries(self) -> list[Entry]:
        """Every page file, in path order."""
        if self._entries is None:
            parts = self._received()
            self._entries = [
                e for part in parts if part.encoded for e in marshal.loads(part.encoded)
            ]
        return self._entries

    def close(self) -> None:
        """Stop and reap the child process, if any."""
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        if self._child is not None:
            if self._parts is None:
                # Still listing, or sending a listing no longer wanted. Until it is reaped, no
                # other process can have its id. (Imported here: the module costs milliseconds.)
                import signal

                os.kill(self._child, signal.SIGKILL)
            os.waitpid(self._child, 0)
            self._child = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    def _list_units(self) -> list[tuple[str, os.DirEntry[str]]]:
        """The units, each with a name that orders them as their entries' paths."""
        if self._units is None:
            units = []
            try:
                with os.scandir(self.root) as entries:
                    for entry in entries:
                        # Every path below a folder starts with its name and a slash.
                        if entry.is_dir(follow_symlinks=False):
                            units.append((entry.name + "/", entry))
                        elif entry.name[-4:].lower() == PAGE_SUFFIX and entry.is_file():
                            units.append((entry.name, entry))
            except OSError as error:
                self._root_failures = [(self.root, _cannot(error))]
            units.sort(key=itemgetter(0))
            self._units = units
        return self._units

    def _list(self, unit: os.DirEntry[str]) -> _Part:
        """List one unit."""
        if unit.is_dir(follow_symlinks=False):
            found, failures = _walk(unit.path, self._skip)
            found.sort(key=itemgetter(0))
            return _Part(_encode(found), len(found), failures)
        try:
            stat = unit.stat()
        except OSError as error:
            return _Part(b"", 0, [(self.root, _cannot(error))])
        entries = [(_key(unit.path[self._skip :]), stat.st_size, stat.st_mtime_ns)]
        return _Part(_encode(entries), 1, [])

    def _received(self) -> list[_Part]:
        """Every unit's part, in order: listed here, or by the child and sent."""
        if self._parts is not None:
            return self._parts
        if self.base != self.root:  # the root is the one page file
            stat = os.stat(self.root)
            entries = [(_key(self.root[self._skip :]), stat.st_size, stat.st_mtime_ns)]
            self._parts = [_Part(_encode(entries), 1, [])]
            return self._parts
        units = self._list_units()
        ours: dict[str, _Part] = {}
        theirs: dict[str, _Part] = {}
        if self._shared is not None:
            ours = self._help(units)
            theirs = self._from_child()
        # The child saw the root a moment before: a unit it did not send is listed here.
        self._parts = [
            ours.get(name) or theirs.get(name) or self._list(unit) for name, unit in units
        ]
        self.close()
        return self._parts

    def _help(self, units: list[tuple[str, os.DirEntry[str]]]) -> dict[str, _Part]:
        """List units from the last back, until the child has claimed the next."""
        assert self._shared is not None
        claims = memoryview(self._shared).cast("q")
        parts = {}
        try:
            for index in range(len(units) - 1, -1, -1):
                if index <= claims[_FIRST]:
                    break
                claims[_LAST] = index
                name, unit = units[index]
                parts[name] = self._list(unit)
        finally:
            claims.release()
        return parts

    def _from_child(self) -> dict[str, _Part]:
        """The parts the child sent, by unit; none if it failed."""
        assert self._pipe is not None
        try:
            header: list[tuple[str, int, list[Failure], int]] = marshal.load(self._pipe)
            data = self._pipe.read()
        except (EOFError, ValueError, TypeError, OSError):
            return {}
        if sum(size for *_, size in header) != len(data):
            return {}
        parts = {}
        at = 0
        for name, count, failures, size in header:
            parts[name] = _Part(data[at : at + size], count, failures)
            at += size
        return parts

    def _fork(self) -> None:
        import mmap

        # Anonymous and shared with the child: both see every claim.
        self._shared = mmap.mmap(-1, 16)
        claims = memoryview(self._shared).cast("q")
        claims[_FIRST], claims[_LAST] = -1, sys.maxsize
        claims.release()
        readable, writable = os.pipe()
        _widen(writable)
        child = os.fork()
        if child == 0:
            os.close(readable)
            self._serve(writable)
        os.close(writable)
        self._child = child
        self._pipe = os.fdopen(readable, "rb")

    def _serve(self, writable: int) -> None:
        """In the child: list units from the first on, until this process has claimed the next,
        send what was found, and exit."""
        status = 1
        try:
            assert self._shared is not None
            claims = memoryview(self._shared).cast("q")
            parts = []
            for index, (name, unit) in enumerate(self._list_units()):
                if index >= claims[_LAST]:
                    break
                claims[_FIRST] = index
                parts.append((name, self._list(unit)))
            with os.fdopen(writable, "wb") as out:
                header = [(name, p.files, p.failures, len(p.encoded)) for name, p in parts]
                marshal.dump(header, out)
                for _, part in parts:
                    out.write(part.encoded)
            status = 0
        finally:
            # Whatever happens, the child must never run the parent's code or exit handlers.
            os._exit(status)


_begun: dict[str, Listing] = {}


def begin(root: str) -> None:
    """Begin listing the folder ``root`` (an absolute path) now, for ``Listing.start(root)``.

    The command line (``paper_tui.launch``) calls it for a search before it imports anything
    else, so that the files are listed while the index is imported and searched. A listing no
    search takes over (the command stopped early) is stopped at exit.
    """
    if root not in _begun and os.path.isdir(root):
        if not _begun:
            import atexit

            atexit.register(_discard_begun)
        _begun[root] = Listing.start(root)


def _discard_begun() -> None:
    for listing in _begun.values():
        listing.close()
    _begun.clear()


def _walk(folder: str, skip: int) -> tuple[list[Entry], list[Failure]]:
    """Every page file below ``folder`` (its path from character ``skip`` on), and the folders
    that could not be listed."""
    found: list[Entry] = []
    failures: list[Failure] = []
    # Local names and no Path objects: this loop runs once for every file before every search.
    add = found.append
    suffix = PAGE_SUFFIX
    folders = [(folder, _key(folder[skip:]) + "/")]  # each folder, and its files' paths' start
    push = folders.append
    for folder, prefix in folders:  # grows as subfolders are found
        try:
            # Listed through a descriptor where the system allows, so that each file's stat
            # looks its name up in the folder, not its whole path from the root: a fifth faster.
            listed = os.open(folder, _FOLDER_FLAGS) if _BY_DESCRIPTOR else folder
        except OSError as error:
            failures.append((folder, _cannot(error)))
            continue
        try:
            with os.scandir(listed) as entries:
                for entry in entries:
                    # The type comes with the folder's entries (no stat call) on most systems.
                    name = entry.name
                    if name[-4:].lower() == suffix and entry.is_file():
                        stat = entry.stat()
                        add((prefix + name, stat.st_size, stat.st_mtime_ns))
                    elif entry.is_dir(follow_symlinks=False):
                        push((os.path.join(folder, name), f"{prefix}{name}/"))
        except OSError as error:
            failures.append((folder, _cannot(error)))
        finally:
            if not isinstance(listed, str):
                os.close(listed)
    return found, failures


def _key(path: str) -> str:
    return path.replace(os.sep, "/")


def _cannot(error: OSError) -> str:
    return f"cannot be listed ({error.strerror})"


def _widen(pipe: int) -> None:
    """Let the pipe hold a large listing whole, where the system allows, so that the child can
    send it and exit without waiting for the parent to read."""
    try:
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass
