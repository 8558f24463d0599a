"""Start the session in a child process while the parent imports the UI, to open pages sooner.

Importing Textual and loading a page (importing the loader compiles its patterns, then it reads
and rebuilds the page) are both CPU work of a few hundred milliseconds, and neither needs the
other. On POSIX the command line forks before importing Textual: the child builds the session
(config, state, files; all pure) and sends it back pickled through a pipe, while the parent
imports the app; on a machine with two cores the page is ready by the time the UI is. Where fork
is unavailable, or anything about the child goes wrong, the session is simply built in-process, so
the result (including every warning and error) is always what ``start_session`` gives.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from paper_tui.session import Session, start_session

# The child's answer: ("ok", session) or ("error", message); anything else means "do it here".
_Reply = tuple[str, object]


def prefetch_session(files: Sequence[Path], sample: Path) -> Callable[[], Session]:
    """Begin building the session in the background; call the result to get it."""
    files = list(files)

    def here() -> Session:
        return start_session(files, sample)

    # A child forked from a process with other threads could inherit a lock some thread holds.
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return here
    try:
        read, write = os.pipe()
        pid = os.fork()
    except OSError:
        return here
    if pid == 0:  # the child: build, send, leave without running the parent's cleanup
        os.close(read)
        try:
            reply: _Reply = ("ok", start_session(files, sample))
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # the parent redoes the work and reports
            data = pickle.dumps(("error", repr(error)))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(write)

    def collect() -> Session:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        try:
            kind, value = pickle.loads(data)
        except Exception:  # a truncated or empty reply: the child died
            return here()
        return value if kind == "ok" and isinstance(value, Session) else here()

    return collect
