"""Tests for paper_tui.state: paths, config parsing, and the saved session state."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import fields
from pathlib import Path

import platformdirs
import pytest

from paper_tui import state as st
from paper_tui.folders import Paths, paths
from paper_tui.state import (
    CONFIG_DOC,
    MAX_RECENT,
    STATE_VERSION,
    Config,
    State,
    atomic_write_text,
    example_config,
    load_config,
    load_state,
    save_state,
)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point PAPER_TUI_HOME at a temporary folder so no test touches the real user folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("PAPER_TUI_HOME", str(home))
    return home


@pytest.fixture
def p(isolated_home: Path) -> Paths:
    return paths()


def write_config(p: Paths, text: str) -> None:
    p.config_dir.mkdir(parents=True, exist_ok=True)
    p.config_file.write_text(text, encoding="utf-8")


def write_state(p: Paths, data: bytes) -> None:
    p.state_dir.mkdir(parents=True, exist_ok=True)
    p.state_file.write_bytes(data)


def leftovers(folder: Path) -> list[str]:
    return sorted(f.name for f in folder.iterdir() if f.name != "state.json")


# --------------------------------------------------------------------------------------- paths


def test_paths_from_env(isolated_home: Path) -> None:
    p = paths()
    assert p == Paths(isolated_home / "config", isolated_home / "state", isolated_home / "cache")
    assert p.config_file == isolated_home / "config" / "config.toml"
    assert p.state_file == isolated_home / "state" / "state.json"
    assert p.index_dir == isolated_home / "cache" / "index"
    assert not isolated_home.exists(), "computing paths must not create folders"


def test_paths_explicit_home_wins_over_env(tmp_path: Path) -> None:
    p = paths(tmp_path / "other")
    assert p.config_dir == tmp_path / "other" / "config"
    assert paths(str(tmp_path / "x")).cache_dir == tmp_path / "x" / "cache"


def test_paths_platform_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PAPER_TUI_HOME")
    calls: list[tuple[str, object]] = []

    def fake(kind: str):
        def inner(appname: str, appauthor: object = None) -> Path:
            calls.append((appname, appauthor))
            return tmp_path / kind

        return inner

    monkeypatch.setattr(platformdirs, "user_config_path", fake("c"))
    monkeypatch.setattr(platformdirs, "user_state_path", fake("s"))
    monkeypatch.setattr(platformdirs, "user_cache_path", fake("k"))
    assert paths() == Paths(tmp_path / "c", tmp_path / "s", tmp_path / "k")
    assert calls == [("paper-tui", False)] * 3


def test_empty_env_means_platform_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PAPER_TUI_HOME", "")
    monkeypatch.setattr(platformdirs, "user_config_path", lambda *a, **k: tmp_path / "c")
    monkeypatch.setattr(platformdirs, "user_state_path", lambda *a, **k: tmp_path / "s")
    monkeypatch.setattr(platformdirs, "user_cache_path", lambda *a, **k: tmp_path / "k")
    assert paths().config_dir == tmp_path / "c"


# -------------------------------------------------------------------------------------- config


def test_config_defaults() -> None:
    c = Config()
    assert (c.script_variant, c.keyword_count, c.watch_words, c.theme, c.highlight) == (
        "s2t",
        8,
        (),
        "textual-dark",
        True,
    )


def test_missing_config_gives_defaults_silently(p: Paths) -> None:
    assert load_config(p) == (Config(), [])


def test_config_parses_every_key(p: Paths) -> None:
    write_config(
        p,
        """
script_variant = "s2hk"
keyword_count = 0
watch_words = ["芯片", " 人工智能 ", "", "芯片"]
theme = "textual-light"
highlight = false
""",
    )
    config, warnings = load_config(p)
    assert warnings == []
    assert config == Config(
        script_variant="s2hk",
        keyword_count=0,
        watch_words=("芯片", "人工智能"),
        theme="textual-light",
        highlight=False,
    )


@pytest.mark.parametrize("variant", ["s2t", "s2tw", "s2twp", "s2hk"])
def test_script_variants(p: Paths, variant: str) -> None:
    write_config(p, f'script_variant = "{variant}"\n')
    config, warnings = load_config(p)
    assert warnings == []
    assert config.script_variant == variant


def test_config_accepts_bom(p: Paths) -> None:
    p.config_dir.mkdir(parents=True)
    p.config_file.write_bytes(b"\xef\xbb\xbfkeyword_count = 3\n")
    assert load_config(p) == (Config(keyword_count=3), [])


def test_bad_toml_warns_with_file_and_line(p: Paths) -> None:
    write_config(p, 'theme = "x"\nkeyword_count = = 3\n')
    config, warnings = load_config(p)
    assert config == Config()
    assert len(warnings) == 1
    assert str(p.config_file) in warnings[0]
    assert "line 2" in warnings[0]
    assert "\n" not in warnings[0]


def test_non_utf8_config_warns(p: Paths) -> None:
    p.config_dir.mkdir(parents=True)
    p.config_file.write_bytes(b'theme = "\xff"\n')
    config, warnings = load_config(p)
    assert config == Config()
    assert len(warnings) == 1 and str(p.config_file) in warnings[0]


def test_unreadable_config_warns(p: Paths) -> None:
    p.config_file.mkdir(parents=True)  # a folder where the file should be
    config, warnings = load_config(p)
    assert config == Config()
    assert len(warnings) == 1 and str(p.config_file) in warnings[0]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('script_variant = "s2x"', "script_variant"),
        ('script_variant = "S2TW"', "script_variant"),
        ("script_variant = 1", "script_variant"),
        ('keyword_count = "8"', "keyword_count"),
        ("keyword_count = 51", "keyword_count"),
        ("keyword_count = -1", "keyword_count"),
        ("keyword_count = 8.0", "keyword_count"),
        ("keyword_count = true", "keyword_count"),
        ('watch_words = "芯片"', "watch_words"),
        ('watch_words = ["芯片", 3]', "watch_words"),
        ("theme = 3", "theme"),
        ('theme = "  "', "theme"),
        ('highlight = "yes"', "highlight"),
        ("highlight = 1", "highlight"),
    ],
)
def test_wrong_value_falls_back_to_that_default(p: Paths, line: str, key: str) -> None:
    other, other_value = ("keyword_count", 5) if key == "highlight" else ("highlight", False)
    write_config(p, f"{line}\n{other} = {str(other_value).lower()}\n")
    config, warnings = load_config(p)
    assert getattr(config, key) == getattr(Config(), key)
    assert getattr(config, other) == other_value, "the valid key is still applied"
    assert len(warnings) == 1
    assert key in warnings[0] and str(p.config_file) in warnings[0]


def test_unknown_keys_warn_and_are_ignored(p: Paths) -> None:
    write_config(p, 'colour = "red"\nkeyword_count = 4\n[extra]\na = 1\n')
    config, warnings = load_config(p)
    assert config == Config(keyword_count=4)
    assert len(warnings) == 1
    assert "colour" in warnings[0] and "extra" in warnings[0]


def test_config_doc_covers_every_key() -> None:
    names = [f.name for f in fields(Config)]
    assert list(CONFIG_DOC) == names
    assert all(doc and "\n" not in doc for doc in CONFIG_DOC.values())


def test_example_config_is_valid_and_complete(p: Paths) -> None:
    text = example_config()
    data = tomllib.loads(text)
    assert set(data) == set(CONFIG_DOC)
    assert all(f"# {doc}" in text for doc in CONFIG_DOC.values())
    write_config(p, text)
    assert load_config(p) == (Config(), [])


# --------------------------------------------------------------------------------------- state


def test_missing_state_is_empty(p: Paths) -> None:
    state, warnings = load_state(p)
    assert warnings == []
    assert state == State()
    assert state.version == STATE_VERSION


def test_state_round_trip(p: Paths, tmp_path: Path) -> None:
    state = State()
    src = tmp_path / "page.txt"
    state.remember_file(src)
    state.set_position(src, "a3", 4)
    state.add_bookmark(src, "a3", 4, title="标题")
    state.ui.update(script="traditional", theme="nord", highlight=False, list_visible=True)
    assert save_state(p, state) is None
    loaded, warnings = load_state(p)
    assert warnings == []
    assert loaded == state
    assert loaded.to_json() == state.to_json()
    # Chinese text is stored readably, not as \\u escapes.
    assert "标题" in p.state_file.read_text(encoding="utf-8")


def test_recent_dedupe_and_limit(tmp_path: Path) -> None:
    state = State()
    for i in range(MAX_RECENT + 5):
        state.remember_file(tmp_path / f"{i}.txt")
    assert len(state.recent) == MAX_RECENT
    assert state.recent[0] == str(tmp_path / f"{MAX_RECENT + 4}.txt")
    state.remember_file(tmp_path / "10.txt")
    assert state.recent[0] == str(tmp_path / "10.txt")
    assert state.recent.count(str(tmp_path / "10.txt")) == 1
    assert len(state.recent) == MAX_RECENT


def test_recent_paths_are_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    state = State()
    state.remember_file("page.txt")
    state.remember_file(tmp_path / "page.txt")
    assert state.recent == [str(tmp_path / "page.txt")]


def test_position(tmp_path: Path) -> None:
    state = State()
    src = tmp_path / "p.txt"
    assert state.position(src) is None
    state.set_position(src, "a1", 0)
    state.set_position(str(src), "a2", 7)
    assert state.position(src) == ("a2", 7)
    assert list(state.positions) == [str(src)]


def test_positions_are_capped(tmp_path: Path) -> None:
    state = State()
    for i in range(st.MAX_POSITIONS + 3):
        state.set_position(tmp_path / f"{i}.txt", "a", 0)
    assert len(state.positions) == st.MAX_POSITIONS
    assert state.position(tmp_path / "0.txt") is None
    assert state.position(tmp_path / f"{st.MAX_POSITIONS + 2}.txt") == ("a", 0)


def test_bookmarks(tmp_path: Path) -> None:
    state = State()
    src, other = tmp_path / "a.txt", tmp_path / "b.txt"
    assert state.add_bookmark(src, "a1", 2, "One")
    assert not state.add_bookmark(src, "a1", 2, "One again")
    assert state.add_bookmark(src, "a1", 3)
    assert state.add_bookmark(other, "a1", 2)
    assert [(b["article"], b["paragraph"]) for b in state.bookmarks_for(src)] == [
        ("a1", 2),
        ("a1", 3),
    ]
    mark = state.bookmarks_for(src)[0]
    assert mark["title"] == "One" and mark["source"] == str(src) and "T" in mark["added"]
    assert state.is_bookmarked(src, "a1", 2)

    assert state.toggle_bookmark(src, "a1", 2) is False
    assert not state.is_bookmarked(src, "a1", 2)
    assert state.toggle_bookmark(src, "a1", 2, "Back") is True
    assert state.is_bookmarked(src, "a1", 2)
    assert state.remove_bookmark(other, "a1", 2)
    assert not state.remove_bookmark(other, "a1", 2)
    assert state.bookmarks_for(other) == []


def test_from_json_drops_malformed_entries(tmp_path: Path) -> None:
    good = str(tmp_path / "a.txt")
    data = {
        "version": 1,
        "surprise": True,
        "recent": [good, 3, "", "relative.txt", good],
        "positions": {
            good: {"article": "a1", "paragraph": 2},
            str(tmp_path / "b"): {"article": "a1", "paragraph": -1},
            str(tmp_path / "c"): {"article": 1, "paragraph": 0},
            str(tmp_path / "d"): {"article": "a", "paragraph": True},
            str(tmp_path / "e"): "a1",
        },
        "bookmarks": [
            {"source": good, "article": "a1", "paragraph": 1, "title": "T", "added": "x"},
            {"source": good, "article": "a1", "paragraph": 1, "title": "dupe", "added": "y"},
            {"source": good, "article": "a2", "paragraph": 0, "title": 5},
            {"source": good, "article": "a3"},
            "nonsense",
        ],
        "ui": {"theme": "nord", "nested": {"a": 1}, "highlight": False},
    }
    state = State.from_json(data)
    assert state.recent == [good]
    assert state.positions == {good: {"article": "a1", "paragraph": 2}}
    assert state.bookmarks == [
        {"source": good, "article": "a1", "paragraph": 1, "title": "T", "added": "x"},
        {"source": good, "article": "a2", "paragraph": 0, "title": "", "added": ""},
    ]
    assert state.ui == {"theme": "nord", "highlight": False}
    assert State.from_json([1, 2]) == State()
    assert State.from_json({"recent": "x", "positions": [], "bookmarks": {}, "ui": 3}) == State()


def corrupt_files(p: Paths) -> list[Path]:
    return sorted(p.state_dir.glob("state.json.corrupt-*"))


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"recent": []}',
        b'{"version": "1"}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_unusable_state_is_moved_aside(p: Paths, raw: bytes) -> None:
    write_state(p, raw)
    state, warnings = load_state(p)
    assert state == State()
    moved = corrupt_files(p)
    assert len(moved) == 1
    assert moved[0].read_bytes() == raw
    assert not p.state_file.exists()
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert str(moved[0]) in warnings[0]


def test_newer_version_is_moved_aside(p: Paths) -> None:
    raw = json.dumps({"version": STATE_VERSION + 1, "recent": ["/x"]}).encode()
    write_state(p, raw)
    state, warnings = load_state(p)
    assert state == State()
    (moved,) = corrupt_files(p)
    assert moved.read_bytes() == raw
    assert str(moved) in warnings[0] and "newer" in warnings[0]


def test_move_aside_never_overwrites(p: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    class FrozenClock:
        @staticmethod
        def now():
            from datetime import datetime

            return datetime(2024, 5, 1, 12, 0, 0)

    monkeypatch.setattr(st, "datetime", FrozenClock)
    for i in range(3):
        write_state(p, f"broken {i}".encode())
        load_state(p)
    names = [f.name for f in corrupt_files(p)]
    assert names == [
        "state.json.corrupt-20240501-120000",
        "state.json.corrupt-20240501-120000-1",
        "state.json.corrupt-20240501-120000-2",
    ]
    contents = {(p.state_dir / n).read_bytes() for n in names}
    assert contents == {b"broken 0", b"broken 1", b"broken 2"}


def test_older_version_is_migrated(p: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real_migrate = st._migrate

    def spy(data: dict, version: int) -> dict:
        seen.append(version)
        return real_migrate(data, version)

    monkeypatch.setattr(st, "STATE_VERSION", 2)
    monkeypatch.setattr(st, "_migrate", spy)
    write_state(p, json.dumps({"version": 1, "recent": ["/tmp/a.txt"]}).encode())
    state, warnings = load_state(p)
    assert warnings == []
    assert seen == [1]
    assert state.version == 2
    assert state.recent == ["/tmp/a.txt"]
    assert corrupt_files(p) == []


# -------------------------------------------------------------------------------------- saving


def test_save_creates_folder_and_leaves_no_temp_files(p: Paths) -> None:
    assert not p.state_dir.exists()
    assert save_state(p, State()) is None
    assert save_state(p, State(recent=["/a"])) is None
    assert leftovers(p.state_dir) == []
    assert json.loads(p.state_file.read_text(encoding="utf-8"))["recent"] == ["/a"]


def test_failed_replace_keeps_old_file(p: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    assert save_state(p, State(recent=["/old"])) is None
    before = p.state_file.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(st.os, "replace", broken_replace)
    warning = save_state(p, State(recent=["/new"]))
    assert warning is not None and "No space left" in warning and str(p.state_file) in warning
    assert p.state_file.read_bytes() == before
    assert leftovers(p.state_dir) == []

    with pytest.raises(OSError):
        atomic_write_text(p.state_dir / "export.md", "text")
    assert leftovers(p.state_dir) == []


def test_atomic_write_text_modes(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.md"
    atomic_write_text(target, "一\n")
    assert target.read_text(encoding="utf-8") == "一\n"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
    atomic_write_text(target, "二\n")
    assert target.read_text(encoding="utf-8") == "二\n"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640, "an existing file keeps its mode"


def test_unserialisable_ui_value_warns(p: Paths) -> None:
    state = State()
    state.ui["bad"] = object()
    warning = save_state(p, state)
    assert warning is not None and str(p.state_file) in warning


def test_state_dir_blocked_by_a_file_warns(p: Paths) -> None:
    p.state_dir.parent.mkdir(parents=True)
    p.state_dir.write_text("not a folder")
    warning = save_state(p, State())
    assert warning is not None and str(p.state_file) in warning and "\n" not in warning


def test_read_only_state_dir_warns(p: Paths) -> None:
    p.state_dir.mkdir(parents=True)
    assert save_state(p, State(recent=["/old"])) is None
    before = p.state_file.read_bytes()
    p.state_dir.chmod(0o500)
    try:
        if os.access(p.state_dir, os.W_OK):
            pytest.skip("chmod does not stop this user (root?) from writing")
        warning = save_state(p, State(recent=["/new"]))
        assert warning is not None and str(p.state_file) in warning
        assert p.state_file.read_bytes() == before
    finally:
        p.state_dir.chmod(0o700)
    assert leftovers(p.state_dir) == []
