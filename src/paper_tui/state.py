"""Where paper-tui keeps its files, and what it reads and writes there.

Three kinds of file live under per-user folders: a read-only TOML config the user edits, a JSON
state file the app writes (recent files, reading positions, bookmarks and UI choices), and a cache.
Loading never raises for bad file content: problems come back as one-line warnings and the app
falls back to defaults. A state file that cannot be understood is moved aside, never overwritten or
deleted, and the state is always written atomically so a crash cannot leave a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import reprlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TypedDict

from paper_tui.folders import Paths, StrPath

# The parsers and writers are imported where they are used: the reader's first screen needs only
# the classes here (its session is built in another process, see prefetch).

STATE_VERSION: Final = 1
MAX_RECENT: Final = 20
# Positions are kept per file ever opened; cap them so the state file cannot grow without bound.
MAX_POSITIONS: Final = 500
SCRIPT_VARIANTS: Final = ("s2t", "s2tw", "s2twp", "s2hk")
KEYWORD_COUNT_MAX: Final = 50


@dataclass(frozen=True, slots=True)
class Config:
    """User settings read from config.toml; each field is described in CONFIG_DOC."""

    script_variant: str = "s2t"
    """OpenCC conversion used for traditional script: s2t, s2tw, s2twp or s2hk."""
    keyword_count: int = 8
    """Key terms highlighted per article, 0 to 50."""
    watch_words: tuple[str, ...] = ()
    """Words highlighted everywhere and counted per article."""
    theme: str = "textual-dark"
    """Textual theme name used at start."""
    highlight: bool = True
    """Whether keyword highlighting is on at start."""


CONFIG_DOC: Final[dict[str, str]] = {
    "script_variant": (
        "OpenCC conversion for traditional script: s2t (standard), s2tw (Taiwan), "
        "s2twp (Taiwan, with local phrasing) or s2hk (Hong Kong)."
    ),
    "keyword_count": "Number of key terms highlighted in each article, from 0 (none) to 50.",
    "watch_words": "Words highlighted everywhere and counted in each article.",
    "theme": 'Textual theme used at start, e.g. "textual-dark" or "textual-light".',
    "highlight": "Whether keyword highlighting is on at start (toggle it in the app).",
}


# Exact type checks: `type(True) is int` is False, so `keyword_count = true` is rejected.
_CONFIG_RULES: Final[dict[str, tuple[type, Callable[[Any], bool], str]]] = {
    "script_variant": (str, lambda v: v in SCRIPT_VARIANTS, "one of " + ", ".join(SCRIPT_VARIANTS)),
    "keyword_count": (
        int,
        lambda v: 0 <= v <= KEYWORD_COUNT_MAX,
        f"an integer from 0 to {KEYWORD_COUNT_MAX}",
    ),
    "watch_words": (list, lambda v: all(type(w) is str for w in v), "a list of strings"),
    "theme": (str, lambda v: bool(v.strip()), "a non-empty string"),
    "highlight": (bool, lambda v: True, "true or false"),
}


def load_config(paths: Paths) -> tuple[Config, list[str]]:
    """Read config.toml, returning the config and warnings about anything ignored in it."""
    import tomllib

    file = paths.config_file
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except OSError as exc:
        return Config(), [f"{file}: could not read config ({exc.strerror or exc}); using defaults"]
    try:
        # utf-8-sig: editors on Windows like to add a byte-order mark.
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Config(), [f"{file}: config is not valid UTF-8; using defaults"]
    except tomllib.TOMLDecodeError as exc:
        return Config(), [f"{file}: invalid TOML: {exc}; using defaults"]

    warnings: list[str] = []
    unknown = [key for key in data if key not in _CONFIG_RULES]
    if unknown:
        warnings.append(f"{file}: unknown keys ignored: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, (kind, valid, expected) in _CONFIG_RULES.items():
        if key not in data:
            continue
        value = data[key]
        ok = type(value) is kind and valid(value)
        if not ok:
            default = getattr(Config(), key)
            warnings.append(
                f"{file}: {key} must be {expected}, got {reprlib.repr(value)}; "
                f"using default {default!r}"
            )
        elif key == "watch_words":
            values[key] = tuple(dict.fromkeys(w.strip() for w in value if w.strip()))
        else:
            values[key] = value
    return Config(**values), warnings


def example_config() -> str:
    """Return a commented config.toml that sets every key to its default."""
    import json

    lines = ["# paper-tui configuration (config.toml). Every key is optional."]
    defaults = Config()
    for item in fields(Config):
        lines += ["", f"# {CONFIG_DOC[item.name]}"]
        # JSON renders these bools, ints, strings and lists as valid TOML.
        value = json.dumps(getattr(defaults, item.name), ensure_ascii=False)
        lines.append(f"{item.name} = {value}")
    lines += ["", '# Example: watch_words = ["人工智能", "芯片"]']
    return "\n".join(lines) + "\n"


class Position(TypedDict):
    """Where the reader was in one source file."""

    article: str
    paragraph: int


class Bookmark(TypedDict):
    """A saved place in an article."""

    source: str
    article: str
    paragraph: int
    title: str
    added: str


def _abspath(path: StrPath) -> str:
    return os.path.abspath(os.path.expanduser(os.fspath(path)))


def _is_source(value: object) -> bool:
    # Hand-edited relative paths would silently mean something else in each working directory.
    return isinstance(value, str) and os.path.isabs(value)


def _is_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_place(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("article"), str)
        and _is_index(value.get("paragraph"))
    )


def _is_plain(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


@dataclass
class State:
    """The session store: recent files, reading positions, bookmarks and UI choices."""

    version: int = STATE_VERSION
    recent: list[str] = field(default_factory=list)
    positions: dict[str, Position] = field(default_factory=dict)
    bookmarks: list[Bookmark] = field(default_factory=list)
    ui: dict[str, Any] = field(default_factory=dict)

    def remember_file(self, path: StrPath) -> None:
        """Put a file at the front of the recent list."""
        path = _abspath(path)
        self.recent = [path, *(p for p in self.recent if p != path)][:MAX_RECENT]

    def set_position(self, source: StrPath, article_id: str, paragraph: int) -> None:
        """Record the reading position in a source file."""
        source = _abspath(source)
        # Re-insert so the dict stays ordered from least to most recently read.
        self.positions.pop(source, None)
        self.positions[source] = {"article": str(article_id), "paragraph": int(paragraph)}
        for stale in list(self.positions)[:-MAX_POSITIONS]:
            del self.positions[stale]

    def position(self, source: StrPath) -> tuple[str, int] | None:
        """Return the saved (article id, paragraph) for a source file, if any."""
        found = self.positions.get(_abspath(source))
        return None if found is None else (found["article"], found["paragraph"])

    def _find_bookmark(self, source: StrPath, article_id: str, paragraph: int) -> int | None:
        key = (_abspath(source), str(article_id), int(paragraph))
        for i, mark in enumerate(self.bookmarks):
            if (mark["source"], mark["article"], mark["paragraph"]) == key:
                return i
        return None

    def is_bookmarked(self, source: StrPath, article_id: str, paragraph: int) -> bool:
        """Whether this paragraph of an article is bookmarked."""
        return self._find_bookmark(source, article_id, paragraph) is not None

    def add_bookmark(
        self,
        source: StrPath,
        article_id: str,
        paragraph: int,
        title: str = "",
        added: str | None = None,
    ) -> bool:
        """Bookmark a paragraph; return False if it was already bookmarked."""
        if self._find_bookmark(source, article_id, paragraph) is not None:
            return False
        if added is None:
            added = datetime.now().astimezone().isoformat(timespec="seconds")
        self.bookmarks.append(
            Bookmark(
                source=_abspath(source),
                article=str(article_id),
                paragraph=int(paragraph),
                title=title,
                added=added,
            )
        )
        return True

    def remove_bookmark(self, source: StrPath, article_id: str, paragraph: int) -> bool:
        """Remove a bookmark; return False if there was none."""
        index = self._find_bookmark(source, article_id, paragraph)
        if index is None:
            return False
        del self.bookmarks[index]
        return True

    def toggle_bookmark(
        self, source: StrPath, article_id: str, paragraph: int, title: str = ""
    ) -> bool:
        """Add or remove a bookmark; return True if the paragraph is now bookmarked."""
        if self.remove_bookmark(source, article_id, paragraph):
            return False
        return self.add_bookmark(source, article_id, paragraph, title)

    def bookmarks_for(self, source: StrPath) -> list[Bookmark]:
        """Return copies of the bookmarks in one source file, oldest first."""
        source = _abspath(source)
        return [Bookmark(**mark) for mark in self.bookmarks if mark["source"] == source]

    def to_json(self) -> dict[str, Any]:
        """Return the state as JSON-ready plain data."""
        return {
            "version": self.version,
            "recent": list(self.recent),
            "positions": {src: dict(pos) for src, pos in self.positions.items()},
            "bookmarks": [dict(mark) for mark in self.bookmarks],
            "ui": dict(self.ui),
        }

    @classmethod
    def from_json(cls, data: object) -> State:
        """Build a state from plain data, dropping anything malformed."""
        state = cls(version=STATE_VERSION)
        if not isinstance(data, dict):
            return state
        recent = data.get("recent")
        if isinstance(recent, list):
            for path in reversed([p for p in recent if _is_source(p)]):
                state.remember_file(path)
        positions = data.get("positions")
        if isinstance(positions, dict):
            for src, pos in positions.items():
                if _is_source(src) and _is_place(pos):
                    state.set_position(src, pos["article"], pos["paragraph"])
        bookmarks = data.get("bookmarks")
        for mark in bookmarks if isinstance(bookmarks, list) else []:
            if _is_place(mark) and _is_source(mark.get("source")):
                title, added = mark.get("title"), mark.get("added")
                state.add_bookmark(
                    mark["source"],
                    mark["article"],
                    mark["paragraph"],
                    title if isinstance(title, str) else "",
                    added if isinstance(added, str) else "",
                )
        ui = data.get("ui")
        if isinstance(ui, dict):
            state.ui = {k: v for k, v in ui.items() if isinstance(k, str) and _is_plain(v)}
        return state


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Upgrade state data written by an older version to the STATE_VERSION layout."""
    # No older layouts exist yet; each future step goes here as `if version < N: ...`.
    return {**data, "version": STATE_VERSION}


def _move_aside(file: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = file.with_name(f"{file.name}.corrupt-{stamp}-{counter}")
        counter += 1
    os.rename(file, target)
    return target


def _set_aside(file: Path, reason: str) -> tuple[State, list[str]]:
    try:
        outcome = f"moved it to {_move_aside(file)}"
    except OSError as exc:
        outcome = f"could not move it aside ({exc.strerror or exc})"
    return State(), [f"{file}: {reason}; {outcome} and started fresh"]


def load_state(paths: Paths) -> tuple[State, list[str]]:
    """Read the saved state, returning it and warnings; unusable files are moved aside."""
    import json

    file = paths.state_file
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return State(), []
    except OSError as exc:
        return _set_aside(file, f"could not read state ({exc.strerror or exc})")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, ValueError) else "too deeply nested"
        return _set_aside(file, f"state is not valid JSON ({reason})")
    if not isinstance(data, dict):
        return _set_aside(file, f"state is a JSON {type(data).__name__}, not an object")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return _set_aside(file, f"state has no valid version (got {reprlib.repr(version)})")
    if version > STATE_VERSION:
        return _set_aside(
            file, f"state version {version} is newer than this paper-tui supports ({STATE_VERSION})"
        )
    if version < STATE_VERSION:
        data = _migrate(data, version)
    return State.from_json(data), []


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; directories cannot be opened this way on Windows.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write_text(path: StrPath, text: str, encoding: str = "utf-8", mode: int = 0o644) -> None:
    """Replace a file's contents with `text` so readers see the old or new file, never a mix.

    Creates the parent folder if needed. A new file gets `mode`; an existing one keeps its mode.
    Raises OSError on failure, leaving the old file untouched and no temporary file behind.
    """
    import tempfile

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        mode = target.stat().st_mode & 0o7777
    tmp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding=encoding,
            dir=target.parent,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        # NamedTemporaryFile creates files readable by the owner only.
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)


def save_state(paths: Paths, state: State) -> str | None:
    """Write the state atomically; return None on success or a one-line warning."""
    import json

    file = paths.state_file
    try:
        text = json.dumps(state.to_json(), ensure_ascii=False, indent=2)
    except (TypeError, ValueError) as exc:
        return f"{file}: could not save state ({exc})"
    try:
        atomic_write_text(file, text + "\n", mode=0o600)
    except OSError as exc:
        return f"{file}: could not save state ({exc.strerror or exc})"
    return None
