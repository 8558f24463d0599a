"""Opening a page, moving between articles and through one, the list, help, quitting and resuming."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import (
    SAMPLE,
    SIZE,
    articles,
    header_text,
    make_app,
    notifications,
    reader,
    screen_text,
    wait_for_keywords,
)

from paper_tui.folders import paths
from paper_tui.screens.help import HelpScreen, help_content, key_rows

PAGE_2 = Path(__file__).resolve().parents[1] / "data" / "pinghu-2025-02-page2.txt"


async def test_opens_the_sample_page_with_header_list_and_reader() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.library.entries) == 7
        header = header_text(app)
        assert "pinghu-2025-02-page1.txt" in header and "第1版" in header and "简体" in header
        assert len(articles(app).rows) == 7
        assert articles(app).cursor == 0
        lines = reader(app).visible_text()
        assert lines[0] == "嘉兴市领导来平开展“六干争先”主题实践活动"
        assert lines[4].startswith("本报讯 连日来，嘉兴市政协主席陈利众")
        assert app.focused is articles(app)
        assert "Find" in screen_text(app).splitlines()[-1]  # the footer


async def test_tab_and_shift_tab_move_focus() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert app.focused is reader(app)
        await pilot.press("shift+tab")
        assert app.focused is articles(app)


async def test_the_reader_follows_the_list_and_enter_opens() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "down")
        assert app.main.entry.index == 2
        assert reader(app).key == app.library.entries[2].key
        await pilot.press("k")
        assert app.main.entry.index == 1
        await pilot.press("G")
        assert app.main.entry.index == 6
        await pilot.press("g", "enter")
        assert app.main.entry.index == 0
        assert app.focused is reader(app)


async def test_brackets_step_through_articles_and_the_list_follows() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "right_square_bracket", "right_square_bracket")
        assert app.main.entry.index == 2
        assert articles(app).cursor == 2
        assert app.focused is reader(app)
        await pilot.press("left_square_bracket")
        assert app.main.entry.index == 1
        await pilot.press(*["left_square_bracket"] * 3)
        assert app.main.entry.index == 0


async def test_reading_keys_scroll_the_reader() -> None:
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        pane = reader(app)
        await pilot.press("tab", "j", "j", "down")
        assert pane.scroll_y == 3
        await pilot.press("k", "up")
        assert pane.scroll_y == 1
        await pilot.press("space")
        page = pane.scrollable_content_region.height - 1
        assert pane.scroll_y == 1 + page
        await pilot.press("b")
        assert pane.scroll_y == 1
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y > 0
        layout = pane.article_layout
        assert layout is not None
        assert pane.paragraph == layout.paragraph_at(pane.max_scroll_y) > 0
        await pilot.press("g")
        assert pane.scroll_y == 0 and pane.paragraph == 0


async def test_s_hides_and_shows_the_list() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert not articles(app).display
        assert app.focused is reader(app)
        await pilot.press("s")
        assert articles(app).display


async def test_the_list_collapses_when_narrow() -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        assert not articles(app).display
        assert app.focused is reader(app)
        await pilot.press("s")
        assert articles(app).display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert articles(app).display


async def test_question_mark_shows_every_key() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_content().plain
        for key in ("/", "n", "N", "t", "h", "[", "]", "m", "'", "c", "e", "s", "?", "q"):
            assert any(keys.split(", ")[0] == key for _, keys, _ in key_rows()), key
        for words in ("Next article", "Bookmarks", "Palette", "Page back", "Top", "pgdn"):
            assert words in text
        assert "paper-tui keys" in screen_text(app)
        await pilot.press("t")  # app keys do not reach through the help
        assert not app.traditional
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits_and_saves_the_position(home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("tab", "right_square_bracket", "space", "space")
        paragraph = reader(app).paragraph
        assert paragraph > 0
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    saved = json.loads(paths().state_file.read_text(encoding="utf-8"))
    [position] = saved["positions"].values()
    assert position == {"article": app.library.entries[1].item.id, "paragraph": paragraph}
    assert saved["recent"] == [app.library.sources[0]]


async def test_resumes_the_last_file_at_the_same_paragraph(tmp_path: Path, sample: Path) -> None:
    copy = tmp_path / "page.txt"
    copy.write_bytes(sample.read_bytes())
    first = make_app(copy)
    async with first.run_test(size=(80, 16)) as pilot:
        await pilot.press("tab", "right_square_bracket", "right_square_bracket", "space", "space")
        where = (first.main.entry.key, reader(first).paragraph)
        await pilot.press("q")
    second = make_app()  # no path: resume
    async with second.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert second.library.sources == (str(copy),)
        assert (second.main.entry.key, reader(second).paragraph) == where
        assert second.focused is reader(second)
        layout, top = reader(second).article_layout, round(reader(second).scroll_y)
        assert layout is not None
        # The window is taller: the paragraph may not reach the top, but it is on screen.
        assert top <= layout.line_of_paragraph(where[1]) < top + 38


async def test_a_corrupt_state_file_is_moved_aside_and_reported(home: Path) -> None:
    state = paths().state_file
    state.parent.mkdir(parents=True)
    state.write_text("{not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("moved it to" in message for message in notifications(app))
        assert app.main.entry.index == 0
    assert list(state.parent.glob("state.json.corrupt-*"))


async def test_a_read_only_state_folder_warns_at_quit(home: Path) -> None:
    state_dir = paths().state_dir
    state_dir.parent.mkdir(parents=True, exist_ok=True)
    state_dir.write_text("a file where the folder should be", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0
    assert app.exit_warnings and "could not save state" in app.exit_warnings[0]


async def test_the_paragraph_survives_a_resize() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "space", "space")
        paragraph = reader(app).paragraph
        assert paragraph > 0
        for size in ((60, 20), (120, 40), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            pane = reader(app)
            layout = pane.article_layout
            assert layout is not None and layout.width == pane.scrollable_content_region.width
            assert pane.paragraph == paragraph
            top = round(pane.scroll_y)
            assert top <= layout.line_of_paragraph(paragraph) < top + size[1]


async def test_an_article_continued_on_page_2_reads_as_one_with_its_seam(tmp_path: Path) -> None:
    for page in (SAMPLE, PAGE_2):
        shutil.copy(page, tmp_path / page.name)
    app = make_app(*sorted(tmp_path.glob("*.txt")))
    async with app.run_test(size=SIZE) as pilot:
        rows = [row.headline for row in articles(app).rows]
        assert len(rows) == 9 and sum("满格" in row for row in rows) == 1
        entry = next(entry for entry in app.library.entries if entry.item.seams)
        await app.open_article(entry.key, entry.item.seams[0].paragraph)
        await pilot.pause()
        shown = screen_text(app)
        assert "── 第2版（上接第1版） ──" in shown
        assert "项目建设跑出“加速度”" in shown
        assert "第1版" in header_text(app)


async def test_the_text_does_not_move_when_key_terms_arrive() -> None:
    app = make_app(find_keywords=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = reader(app).visible_text()
        assert before[3] == "关键词\u3000…"
        first_text = before.index(next(line for line in before if line.startswith("本报讯")))
        await wait_for_keywords(app, pilot)
        after = reader(app).visible_text()
        assert after[3].startswith("关键词\u3000") and after[3] != before[3]
        assert after.index(before[first_text]) == first_text
