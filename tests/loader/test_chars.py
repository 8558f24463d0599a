"""Characters: where a sentence ends."""

from __future__ import annotations

import pytest

from paper_tui.loader.chars import ends_sentence


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("降雨过程。（赵丽）", True),
        ("他说。”（完）", True),
        ("便民设施。（下转A4版）", True),
        ("抓好三项工作。（二）", False),
        ("抓好三项工作。（12）", False),
        ("（作者为中央党校教授）", False),
        ("他说，（笑）", False),
    ],
)
def test_a_short_note_in_brackets_after_a_sentence_ends_it(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends
