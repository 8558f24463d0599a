"""The reader's layers: the text services and the session never import Textual, and starting the
app imports neither jieba nor OpenCC (both load later, only when needed)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = str(Path(__file__).parents[1])
PURE = [
    "paper_tui.session",
    "paper_tui.library",
    "paper_tui.archive",
    "paper_tui.text.convert",
    "paper_tui.text.find",
    "paper_tui.text.keywords",
    "paper_tui.text.layout",
    "paper_tui.text.sanitize",
]


def loaded_after(code: str) -> set[str]:
    """Top-level packages imported by running ``code`` in a fresh interpreter."""
    script = (
        code + "\nimport sys\nprint(','.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    with tempfile.TemporaryDirectory() as home:  # never the real user folders
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PAPER_TUI_HOME": home},
        )
    return set(result.stdout.strip().split(","))


def test_text_services_and_session_do_not_import_textual() -> None:
    code = "".join(f"import {name}\n" for name in PURE)
    code += "from paper_tui.session import start_session\nfrom paper_tui.cli import sample_page\n"
    code += "start_session([], sample_page())\n"
    loaded = loaded_after(code)
    assert "textual" not in loaded
    assert not loaded & {"jieba", "opencc"}


def test_the_app_module_loads_no_jieba_or_opencc() -> None:
    loaded = loaded_after("import paper_tui.app")
    assert "textual" in loaded
    assert not loaded & {"jieba", "opencc"}
