"""Reading page files for the index: bytes to digest, digest to articles, in parallel when many.

The loader takes about a tenth of a second per page, so building the index of a large archive is
loading it; with many files to read they are spread over worker processes (``python -m
paper_tui.search.worker``, safe to start from a thread of a running app). A file whose content
digest is the one already indexed is not loaded at all: touching a file costs a read and a hash.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence

from paper_tui.records import NamedTuple
from paper_tui.search.strata import strata_tokens
from paper_tui.search.tokens import chars, grams, octs, quads

# Not imported from typing, which costs the search command milliseconds (type checkers know it).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import queue
    import subprocess
    from typing import Final

POOL_MIN_FILES: Final = 24
"""Fewer files than this are read in this process: starting workers would cost more."""
MAX_WORKERS: Final = 8
QUEUED_RESULTS: Final = 64
"""Files read and not yet taken, at most: workers wait rather than fill memory with them."""


class Article(NamedTuple):
    """One item of a loaded file, as stored in the index."""

    page: int | None
    date: str | None
    section: str | None
    item_id: str
    kind: str
    headline: str
    body: str
    headline_grams: str
    body_grams: str
    headline_chars: str
    body_chars: str
    headline_quads: str
    body_quads: str
    headline_octs: str
    body_octs: str
    body_strata: str


class ReadTask(NamedTuple):
    """A file to read: its key in the index, where it is, its size and mtime, its known digest."""

    key: str
    path: str
    size: int
    mtime_ns: int
    known_digest: str | None = None


class FileRead(NamedTuple):
    """What reading one file found."""

    task: ReadTask
    digest: str | None
    error: str | None = None
    articles: tuple[Article, ...] | None = None
    """None when the content is the one already indexed (or it could not be loaded)."""


def default_workers() -> int:
    """How many processes to read files with on this machine."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def read_file(task: ReadTask) -> FileRead:
    """Read, digest and (if its content is new) load one page file."""
    # Imported here: a search that finds every file unchanged never needs them.
    from hashlib import blake2b

    from paper_tui.loader import MAX_BYTES, LoadError, load

    try:
        if os.path.getsize(task.path) > MAX_BYTES:
            return FileRead(task, None, "too large for a page")
        with open(task.path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return FileRead(task, None, f"cannot be read ({error.strerror or error})")
    digest = blake2b(data, digest_size=16).hexdigest()
    if digest == task.known_digest:
        return FileRead(task, digest)
    try:
        document = load(data, name=task.path)
    except LoadError as error:
        return FileRead(task, digest, error.message)
    except Exception as error:
        # A loader bug on one odd file must not stop the archive from being indexed; it is
        # recorded with the file and listed by ArchiveIndex.errors().
        return FileRead(task, digest, f"the loader failed ({type(error).__name__}: {error})")
    articles = []
    date = None
    whole_issue = len(document.pages) > 1
    for position, page in enumerate(document.pages, start=1):
        # The loader dates only a file's first page from its name (2025-02-09.txt); the pages
        # after it in the same file are of the same issue unless their furniture says otherwise.
        date = page.date or date
        # And in a file holding a whole issue, an unnumbered page is numbered by its place.
        number = page.number if page.number is not None or not whole_issue else position
        for item in page.items:
            headline, body = item.headline, item.text
            if not (headline or body):
                continue
            articles.append(
                Article(
                    number,
                    date,
                    page.section,
                    item.id,
                    item.kind,
                    headline,
                    body,
                    grams(headline),
                    grams(body),
                    chars(headline),
                    chars(body),
                    quads(headline),
                    quads(body),
                    octs(headline),
                    octs(body),
                    strata_tokens(headline, body),
                )
            )
    return FileRead(task, digest, None, tuple(articles))


def read_files(
    tasks: Sequence[ReadTask], *, workers: int, cancel: threading.Event | None = None
) -> Iterator[FileRead]:
    """Read every task, in parallel when there are many; stop early when ``cancel`` is set."""
    if workers > 1 and len(tasks) >= POOL_MIN_FILES:
        yield from _read_in_workers(tasks, workers, cancel)
        return
    for task in tasks:
        if cancel is not None and cancel.is_set():
            return
        yield read_file(task)


def _read_in_workers(
    tasks: Sequence[ReadTask], workers: int, cancel: threading.Event | None
) -> Iterator[FileRead]:
    # Plain subprocesses rather than multiprocessing: nothing re-imports the caller's main module,
    # and a worker's stderr can never scribble over a running TUI.
    import queue
    import subprocess

    results: queue.Queue[FileRead | None] = queue.Queue(QUEUED_RESULTS)
    stop = threading.Event()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    processes = []
    pumps = []
    for first in range(workers):
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "paper_tui.search.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError:
            break
        processes.append(process)
        chunk = list(tasks[first::workers])
        pump = threading.Thread(target=_pump, args=(process, chunk, results, stop), daemon=True)
        pump.start()
        pumps.append(pump)
    answered: set[str] = set()
    running = len(processes)
    try:
        while running:
            if cancel is not None and cancel.is_set():
                return
            try:
                result = results.get(timeout=0.2)
            except queue.Empty:
                continue
            if result is None:
                running -= 1
            else:
                answered.add(result.task.key)
                yield result
        # What no worker answered (none could start, or one died) is read here.
        for task in tasks:
            if task.key not in answered:
                if cancel is not None and cancel.is_set():
                    return
                yield read_file(task)
    finally:
        stop.set()
        for process in processes:
            if process.poll() is None:
                process.kill()
        for pump in pumps:
            pump.join()
        for process in processes:
            process.wait()


def _pump(
    process: subprocess.Popen[bytes],
    tasks: list[ReadTask],
    results: queue.Queue[FileRead | None],
    stop: threading.Event,
) -> None:
    """Hand a worker its tasks, then pass on its results until it ends; None marks the end.

    A result waits while the queue is full (the worker then waits to write the next), until
    ``stop`` says that nobody takes results any more.
    """
    import pickle
    import queue

    def put(result: FileRead | None) -> None:
        while not stop.is_set():
            try:
                results.put(result, timeout=0.1)
                return
            except queue.Full:
                continue

    assert process.stdin is not None and process.stdout is not None
    try:
        pickle.dump(tasks, process.stdin)
        process.stdin.close()
        while not stop.is_set():
            put(pickle.load(process.stdout))
    except (EOFError, OSError, pickle.UnpicklingError):
        pass
    finally:
        process.stdin.close()
        process.stdout.close()
        put(None)


def serve() -> None:
    """Worker side: read tasks from stdin, write each FileRead to stdout as it is done."""
    import pickle

    tasks = pickle.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    for task in tasks:
        pickle.dump(read_file(task), out)
        out.flush()
