"""Script, highlighting and search keys: t, h, /, n and N, key terms and watch words."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import (
    SIZE,
    articles,
    find_bar,
    header_text,
    make_app,
    reader,
    screen_text,
    wait_for_keywords,
)

from paper_tui.folders import paths
from paper_tui.text.keywords import NUMERIC


def write_config(text: str) -> None:
    """Write config.toml under PAPER_TUI_HOME."""
    config = paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")


async def test_t_switches_everything_shown_to_traditional_and_back(home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert app.traditional and app.variant == "s2t"
        assert "繁體 s2t" in header_text(app)
        assert reader(app).visible_text()[0] == "嘉興市領導來平開展“六幹爭先”主題實踐活動"
        assert "嘉興市領導" in screen_text(app).splitlines()[1]  # the list too
        await pilot.press("t")
        assert not app.traditional
        assert reader(app).visible_text()[0].startswith("嘉兴市领导")
        await pilot.press("t", "q")
    saved = json.loads(paths().state_file.read_text(encoding="utf-8"))
    assert saved["ui"]["script"] == "traditional"
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        assert again.traditional  # the choice is remembered


async def test_the_variant_comes_from_the_config() -> None:
    write_config('script_variant = "s2twp"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "right_square_bracket", "right_square_bracket", "t")
        assert app.variant == "s2twp"
        text = "\n".join(reader(app).visible_text())
        assert "專案" in text and "项目" not in text  # a phrase conversion: 项目 -> 專案


async def test_find_highlights_matches_and_n_and_shift_n_step_through_them() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert find_bar(app).is_open and app.focused is find_bar(app).query_one("Input")
        await pilot.press(*"陈利众")
        total = app.main.entry.item.text.count("陈利众") + app.main.entry.item.headline.count(
            "陈利众"
        )
        assert reader(app).match_status == (1, total)
        assert str(find_bar(app).query_one("#find-count").render()) == f"1/{total}"
        await pilot.press("t")  # typed into the box, not the script switch
        assert not app.traditional
        await pilot.press("backspace", "enter")
        assert app.focused is reader(app)
        await pilot.press("n", "n")
        assert reader(app).match_status == (3, total)
        await pilot.press("N")
        assert reader(app).match_status == (2, total)
        await pilot.press(*["N"] * 2)
        assert reader(app).match_status == (total, total)  # wraps around
        await pilot.press("escape")  # in the reader: clears the search too
        assert not find_bar(app).is_open and reader(app).match_status == (0, 0)
        await pilot.press("slash", *"发展", "escape")
        assert not find_bar(app).is_open
        assert reader(app).match_status == (0, 0)
        assert app.focused is reader(app)


async def test_a_query_in_either_script_finds_text_in_either_script() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"陳利衆", "enter")  # traditional query, simplified text
        simplified = reader(app).match_status
        assert simplified[1] > 0
        await pilot.press("t", "slash", *"陈利众", "enter")  # the old query is replaced
        assert reader(app).match_status[1] == simplified[1]


async def test_a_search_survives_a_change_of_script() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"发展", "enter", "n")
        before = reader(app).match_status
        await pilot.press("t")
        assert reader(app).match_status == before
        assert find_bar(app).is_open


async def test_key_terms_load_in_a_worker_and_h_toggles_highlighting(capfd) -> None:  # type: ignore[no-untyped-def]
    app = make_app(find_keywords=True)
    async with app.run_test(size=SIZE) as pilot:
        assert app.keywords == {} or len(app.keywords) <= 7  # the first frame did not wait
        await wait_for_keywords(app, pilot)
        for terms in app.keywords.values():
            assert 0 < len(terms) <= 8
            assert all(len(term) >= 2 and not NUMERIC.match(term) for term in terms)
        first = app.keywords[app.main.entry.key]
        pane = reader(app)
        assert [block.role for block in pane.blocks].count("keywords") == 1
        assert pane._terms == first
        await pilot.press("h")
        assert not app.highlight
        assert "keywords" not in [block.role for block in pane.blocks] and pane._terms == ()
        await pilot.press("h")
        assert app.highlight and pane._terms == first
    out, err = capfd.readouterr()
    assert "prefix dict" not in out + err and "Building" not in out + err


async def test_watch_words_are_counted_in_the_list_and_highlighted() -> None:
    write_config('watch_words = ["陈利众", "項目"]\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = articles(app).rows
        for entry in app.library.entries:
            # 項目 (typed in traditional script) is counted in the simplified text as 项目.
            count = entry.item.text.count("陈利众") + entry.item.text.count("项目")
            assert rows[entry.index].watch_count == count
        assert "★" in screen_text(app)
        assert reader(app)._watch == ("陈利众", "項目")
        marks = reader(app)._block_marks(3)  # the first paragraph
        assert any(kind == 1 for _, _, kind in marks)
