"""The README documents every key of the app and every config key."""

from __future__ import annotations

from pathlib import Path

from paper_tui.app import PaperApp
from paper_tui.screens.help import key_names
from paper_tui.state import CONFIG_DOC

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_app_key() -> None:
    keys = README[README.index("### Keys") : README.index("### Configuration")]
    for binding in PaperApp.BINDINGS:
        for name in key_names(binding).split(", "):  # type: ignore[arg-type]
            assert f"`{name}`" in keys, name


def test_readme_documents_every_config_key_and_the_files() -> None:
    config = README[README.index("### Configuration") : README.index("### Files")]
    for key in CONFIG_DOC:
        assert f"`{key}`" in config, key
    files = README[README.index("### Files") :]
    assert "PAPER_TUI_HOME" in files and "state.json" in files
    assert "![" in README and "screenshots/main.svg" in README
