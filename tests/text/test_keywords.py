"""Key terms: numbers, dates, single characters and boilerplate are never proposed; jieba is quiet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from paper_tui.text.keywords import is_key_term

SEED = Path(__file__).resolve().parents[2] / "seeds" / "pinghu-2025-02-page1.txt"


@pytest.mark.parametrize(
    ("term", "kept"),
    [
        ("陈利众", True),
        ("高质量", True),
        ("TOPCon", True),
        ("一季度", True),
        ("2025", False),
        ("2025年", False),
        ("2月", False),
        ("7日", False),
        ("十四届", False),
        ("25个", False),
        ("3.5%", False),
        ("４６８", False),
        ("市", False),
        ("本报讯", False),
        ("记者", False),
    ],
)
def test_is_key_term(term: str, kept: bool) -> None:
    assert is_key_term(term) is kept


def test_extraction_in_a_fresh_process_is_silent_and_clean(tmp_path: Path) -> None:
    code = (
        "import sys, pathlib\n"
        "from paper_tui.loader import load\n"
        "from paper_tui.text.keywords import load_dictionary, extract_keywords\n"
        f"load_dictionary(pathlib.Path({str(tmp_path)!r}))\n"
        f"doc = load(pathlib.Path({str(SEED)!r}))\n"
        "for item in doc.items:\n"
        "    print('|'.join(extract_keywords(item.text, 8)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "default", "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stderr == ""  # no "Building prefix dict", no deprecation warning
    rows = [line.split("|") for line in result.stdout.splitlines()]
    assert len(rows) == 7
    assert all(0 < len(row) <= 8 and all(is_key_term(term) for term in row) for row in rows)
    assert "陈利众" in rows[0]
    assert (tmp_path / "jieba.cache").exists()  # the dictionary cache lives in our cache folder
