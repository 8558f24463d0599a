"""Where paper-tui keeps its files."""

from __future__ import annotations

from pathlib import Path

import pytest

from paper_tui.folders import HOME_ENV, cache_folder, paths


def test_the_cache_folder_as_a_string_is_that_of_the_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache_folder(tmp_path) == str(paths(tmp_path).cache_dir)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    assert cache_folder() == str(paths().cache_dir) == str(tmp_path / "home" / "cache")
    monkeypatch.delenv(HOME_ENV)
    assert cache_folder() == str(paths().cache_dir)
