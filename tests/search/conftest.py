"""Fixtures for the search tests: a private cache for every test, a generated archive per module.

Every test runs with $PAPER_TUI_HOME in its own temporary folder, so no index is ever written to
the user's real cache; the module-wide archive passes ``home`` explicitly instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_pages import SEED_PAGE, Built, articles_of, write_archive

from paper_tui.search import ArchiveIndex


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point $PAPER_TUI_HOME at a temporary folder for every test."""
    home = tmp_path / "paper-tui-home"
    monkeypatch.setenv("PAPER_TUI_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The generated archive plus the sample page, indexed once for the whole session."""
    base = tmp_path_factory.mktemp("search")
    root = base / "archive"
    files = write_archive(root)
    seed_copy = root / "pinghu-2025-02-page1.txt"
    seed_copy.write_bytes(SEED_PAGE.read_bytes())
    files.append(seed_copy)
    index = ArchiveIndex(root, home=base / "home", workers=1)
    index.update()
    yield Built(root, files, index, articles_of(files))
    index.close()
