"""Starting a session: files given, resuming the last one, the sample page, and what goes wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from paper_tui.cli import main
from paper_tui.folders import paths
from paper_tui.library import Library, open_files
from paper_tui.session import start_session
from paper_tui.state import State, save_state

SAMPLE = Path(__file__).parents[1] / "seeds" / "pinghu-2025-02-page1.txt"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PAPER_TUI_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_no_path_and_no_history_opens_the_sample() -> None:
    session = start_session([], SAMPLE)
    assert session.library.sources == (str(SAMPLE.resolve()),)
    assert session.start == (session.library.entries[0].key, 0)
    assert session.warnings == [] and session.failures == []
    assert session.state.recent == [str(SAMPLE.resolve())]


def test_no_path_resumes_the_last_file_and_position(tmp_path: Path) -> None:
    copy = tmp_path / "page.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    library, _, _ = open_files([copy])
    state = State()
    state.remember_file(copy)
    state.set_position(copy, library.entries[3].item.id, 2)
    assert save_state(paths(), state) is None
    session = start_session([], SAMPLE)
    assert session.library.sources == (str(copy),)
    assert session.start == (library.entries[3].key, 2)


def test_a_last_file_that_is_gone_falls_back_to_the_sample(tmp_path: Path) -> None:
    state = State()
    state.remember_file(tmp_path / "gone.txt")
    save_state(paths(), state)
    session = start_session([], SAMPLE)
    assert session.library.sources == (str(SAMPLE.resolve()),)


def test_a_last_file_that_no_longer_loads_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01binary\x00" * 50)
    state = State()
    state.remember_file(broken)
    save_state(paths(), state)
    session = start_session([], SAMPLE)
    assert session.library.sources == (str(SAMPLE.resolve()),)
    assert any("could not be reopened" in warning for warning in session.warnings)


def test_a_saved_article_that_is_gone_starts_at_the_first(tmp_path: Path) -> None:
    state = State()
    state.set_position(SAMPLE, "no-such-article", 4)
    save_state(paths(), state)
    session = start_session([SAMPLE], SAMPLE)
    assert session.start == (session.library.entries[0].key, 0)


def test_files_that_fail_are_failures_others_still_open(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01binary\x00" * 50)
    session = start_session([broken, SAMPLE], SAMPLE)
    assert len(session.library.documents) == 1
    assert session.failures == [f"{broken}: binary file, not text"]


def test_library_keys_and_lookup() -> None:
    library, failures, warnings = open_files([SAMPLE])
    assert (failures, warnings) == ([], [])
    entry = library.entries[2]
    assert entry.index == 2 and library.by_key(entry.key) is entry
    assert library.find(entry.source, entry.item.id) is entry
    assert library.first_of(entry.source) is library.entries[0]
    assert Library.of([]).entries == ()


def test_cli_help_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paper_tui", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "PATH" in result.stdout and "export" in result.stdout


def test_cli_refuses_a_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([str(tmp_path / "nothing.txt")]) == 2
    assert capsys.readouterr().err.strip().endswith("nothing.txt: no such file or folder")


def test_cli_refuses_files_that_cannot_be_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01binary\x00" * 50)
    assert main([str(broken)]) == 2
    assert capsys.readouterr().err.strip() == f"paper-tui: {broken}: binary file, not text"
