"""The architecture's one-way dependencies: the core never imports the UI libraries."""

from __future__ import annotations

import subprocess
import sys

CORE = ["paper_tui.loader", "paper_tui.model", "paper_tui.export", "paper_tui.cli"]


def test_core_imports_no_ui_library() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in CORE)
        + "from paper_tui.loader import load\n"
        + "import pathlib\n"
        + "load(pathlib.Path('seeds') / 'pinghu-2025-02-page1.txt')\n"
        + "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'jieba', 'opencc')]\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=_root()
    )
    assert result.stdout.strip() == ""


def test_loader_uses_only_the_standard_library() -> None:
    code = (
        "import sys, sysconfig\n"
        "before = set(sys.modules)\n"
        "import paper_tui.loader\n"
        "stdlib = sys.stdlib_module_names\n"
        "new = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "print(','.join(sorted(n for n in new if n not in stdlib and n != 'paper_tui')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=_root()
    )
    assert result.stdout.strip() == ""


def _root() -> str:
    from pathlib import Path

    return str(Path(__file__).parents[1])
