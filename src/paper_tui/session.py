"""Starting a reading session: which files to open, where to start, with what settings.

``paper-tui PATH ...`` opens the files given; a folder among them opens everything as an archive
(``roots``), read in the background by the archive screen, so nothing is loaded here. With no path
it resumes the last session: the most recent file or archive, if it is still there, else the
bundled sample page. The first file opens at its saved
position (article and paragraph) when the article is still there. Problems with the config, the
state or a file become warnings for the app to show; only "nothing could be opened" is an error.
Pure: this runs before any UI library is imported.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from paper_tui.folders import Paths, paths
from paper_tui.library import Library, open_files
from paper_tui.state import Config, State, load_config, load_state


@dataclass
class Session:
    """Everything the app starts from."""

    library: Library
    config: Config
    state: State
    paths: Paths
    start: tuple[str, int] | None = None
    """The entry key and paragraph to open first, or None for the first article."""
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    """Files that could not be opened, one line each."""
    roots: list[Path] = field(default_factory=list)
    """Folders (and files) open as an archive; the library is empty then."""


def start_session(
    files: Sequence[Path],
    sample: Path,
    home: str | os.PathLike[str] | None = None,
    *,
    roots: Sequence[Path] = (),
) -> Session:
    """Load the config, the state and the files (or resume, or the sample) into a session."""
    where = paths(home)
    config, warnings = load_config(where)
    state, state_warnings = load_state(where)
    warnings += state_warnings
    if not files and not roots:
        resumed = _resumable(state)
        if resumed is not None and resumed.is_dir():
            roots = [resumed]
    if roots:
        roots = [Path(root).expanduser().resolve() for root in roots]
        for root in reversed(roots):
            state.remember_file(root)
        start = state.position(roots[0])
        return Session(Library.of([]), config, state, where, start, warnings, roots=list(roots))
    if files:
        library, failures, more = open_files(files)
    else:
        resumed = _resumable(state)
        library, failures, more = open_files([resumed]) if resumed else (Library.of([]), [], [])
        if not library.entries:
            if resumed:
                warnings.append(f"{resumed}: could not be reopened; showing the sample page")
            library, failures, more = open_files([sample])
    warnings += more
    for source in reversed(library.sources):
        state.remember_file(source)
    return Session(library, config, state, where, _start(library, state), warnings, failures)


def _resumable(state: State) -> Path | None:
    for recent in state.recent[:1]:
        if os.path.exists(recent):
            return Path(recent)
    return None


def _start(library: Library, state: State) -> tuple[str, int] | None:
    if not library.sources:
        return None
    source = library.sources[0]
    saved = state.position(source)
    if saved is not None:
        entry = library.find(source, saved[0])
        if entry is not None:
            return (entry.key, saved[1])
    first = library.first_of(source)
    return None if first is None else (first.key, 0)
