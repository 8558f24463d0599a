"""Finding words in displayed text whichever script the words and the display are in."""

from __future__ import annotations

import pytest

from paper_tui.text.convert import show
from paper_tui.text.find import count_words, find_spans, find_words, normalise_query


@pytest.mark.parametrize(
    ("query", "text", "display", "variant", "expected"),
    [
        ("项目", "重大项目集中开工", None, "s2t", ["项目"]),
        ("項目", "重大项目集中开工", None, "s2t", ["项目"]),  # traditional query, simplified text
        ("项目", "重大项目集中开工", "s2t", "s2t", ["項目"]),  # simplified query, traditional text
        ("项目", "重大项目集中开工", "s2twp", "s2twp", ["專案"]),  # phrase: matched in the original
        ("專案", "重大项目集中开工", "s2twp", "s2twp", ["專案"]),
        ("專案", "重大项目集中开工", None, "s2twp", ["项目"]),  # typed the Taiwan way
        ("软件", "我的U盘和软件", "s2twp", "s2twp", ["軟體"]),
        ("topcon", "单晶TOPCon电池", None, "s2t", ["TOPCon"]),  # case
        ("ＰＯＰ", "POP设界", None, "s2t", ["POP"]),  # full-width
        ("", "任何文字", None, "s2t", []),
        ("没有", "任何文字", None, "s2t", []),
    ],
)
def test_find_spans(
    query: str, text: str, display: str | None, variant: str, expected: list[str]
) -> None:
    shown = show(text, display)
    assert [shown.text[a:b] for a, b in find_spans(query, shown, variant)] == expected


def test_matches_do_not_overlap_and_longer_wins() -> None:
    shown = show("重大项目和项目", None)
    found = find_words(["项目", "重大项目"], shown, None)
    assert [(m.start, m.end, m.word) for m in found] == [(0, 4, 1), (5, 7, 0)]


def test_count_words() -> None:
    shown = show("陈利众说，陈利众走", None)
    assert count_words(["陈利众"], shown, None) == 2
    assert count_words([], shown, None) == 0


def test_normalise_query() -> None:
    assert normalise_query("  两个   词\t") == "两个 词"
    assert normalise_query("\x1b[31m") == "\u241b[31m"
