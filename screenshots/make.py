"""Regenerate the screenshots in this folder from the snapshot tests' scenarios.

Usage: python screenshots/make.py

Each scenario of ``tests/app/scenarios.py`` (the same ones ``tests/app/test_snapshots.py``
checks) runs headless at its size, with PAPER_TUI_HOME in a fresh temporary folder, and its
screen is written here as ``<name>.svg``, exactly as the snapshot test renders it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "app"))

from scenarios import SCENARIOS, sample_keywords  # noqa: E402
from textual._doc import take_svg_screenshot  # noqa: E402


def main() -> int:
    """Write one SVG per scenario."""
    with tempfile.TemporaryDirectory() as cache:
        keywords = sample_keywords(Path(cache))
    for scenario in SCENARIOS:
        with tempfile.TemporaryDirectory() as home:
            os.environ["PAPER_TUI_HOME"] = home
            svg = take_svg_screenshot(
                app=scenario.app(keywords),
                press=scenario.press,
                terminal_size=scenario.size,
                run_before=scenario.before,
            )
        target = HERE / f"{scenario.name}.svg"
        target.write_text(svg, encoding="utf-8")
        print(f"{target.relative_to(HERE.parent)}: {scenario.description}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
