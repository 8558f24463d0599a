"""Script conversion: cached OpenCC variants, offsets back to the original, folding either script."""

from __future__ import annotations

from pathlib import Path

import pytest

from paper_tui.loader import load
from paper_tui.text.convert import VARIANTS, convert, fold, show, to_simplified
from paper_tui.text.sanitize import clean, is_clean

SEED = Path(__file__).resolve().parents[2] / "seeds" / "pinghu-2025-02-page1.txt"


def sample_paragraphs() -> list[str]:
    return [p for item in load(SEED).items for p in (item.headline, *item.paragraphs) if p]


@pytest.mark.parametrize(
    ("variant", "text", "expected"),
    [
        ("s2t", "嘉兴市领导来平开展“六干争先”", "嘉興市領導來平開展“六幹爭先”"),
        ("s2tw", "台湾的软件", "臺灣的軟件"),
        ("s2twp", "台湾的软件和U盘", "臺灣的軟體和隨身碟"),
        ("s2hk", "群众", "羣眾"),
        (None, "简体不变", "简体不变"),
    ],
)
def test_variants(variant: str | None, text: str, expected: str) -> None:
    assert convert(text, variant) == expected


def test_conversions_are_cached() -> None:
    assert show("重大项目集中开工", "s2t") is show("重大项目集中开工", "s2t")


def test_character_variants_keep_every_offset() -> None:
    for variant in ("s2t", "s2tw", "s2hk"):
        for paragraph in sample_paragraphs():
            shown = show(paragraph, variant)
            assert len(shown.text) == len(paragraph) and shown.lows is None


def test_phrase_variant_maps_spans_to_the_displayed_phrase() -> None:
    shown = show("我的U盘和软件信息。", "s2twp")
    assert shown.text == "我的隨身碟和軟體資訊。"
    assert shown.text[slice(*shown.span(2, 4))] == "隨身碟"  # U盘
    assert shown.text[slice(*shown.span(3, 4))] == "隨身碟"  # inside a changed phrase: all of it
    assert shown.text[slice(*shown.span(5, 7))] == "軟體"  # 软件
    assert shown.text[slice(*shown.span(0, 2))] == "我的"


def test_every_span_of_the_sample_maps_inside_the_display() -> None:
    for paragraph in sample_paragraphs():
        shown = show(paragraph, "s2twp")
        for start in range(0, len(paragraph), 7):
            low, high = shown.span(start, min(start + 3, len(paragraph)))
            assert 0 <= low <= high <= len(shown.text)


@pytest.mark.parametrize("variant", VARIANTS)
def test_fold_makes_both_scripts_equal_on_the_sample(variant: str) -> None:
    for paragraph in sample_paragraphs():
        shown = show(paragraph, variant)
        if len(shown.text) == len(paragraph) and variant != "s2twp":
            assert fold(shown.text) == fold(paragraph)


def test_fold_is_one_character_for_one() -> None:
    text = "羣群臺台溫温戶户了瞭乾干幹ＡＢｃ　Ｘ"
    assert len(fold(text)) == len(text)
    assert fold("羣臺溫戶") == fold("群台温户")
    assert fold("ＡＢｃ") == "abc"


def test_to_simplified_undoes_phrasing() -> None:
    assert to_simplified("隨身碟軟體", "s2twp") == "U盘软件"
    assert to_simplified("abc", "s2t") == "abc"


def test_unsafe_characters_are_replaced_one_for_one() -> None:
    text = "a\x1b[31mb\x07c\x9bd\u202ee\tf"
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    assert cleaned == "a\u241b[31mb\u2407c\ufffdd\ufffde f"
    assert is_clean(cleaned) and not is_clean(text)
    assert show(text, "s2t").text == cleaned
