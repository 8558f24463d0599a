"""Line repairs: justification spaces and fake-bold doubling, from labelled cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paper_tui.loader.clean import remove_justification_spaces, undouble

DATA = Path(__file__).parents[1] / "data"


def cases(name: str) -> list[dict[str, object]]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", cases("clean_cases.json"), ids=lambda c: c["label"])
def test_justification_spaces(case: dict[str, str]) -> None:
    assert remove_justification_spaces(case["input"]) == case["expected"]


@pytest.mark.parametrize("case", cases("undouble_cases.json"), ids=lambda c: c["label"])
def test_undouble(case: dict[str, str | None]) -> None:
    assert undouble(str(case["input"])) == case["expected"]
