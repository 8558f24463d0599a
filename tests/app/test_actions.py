"""Bookmarks, copy, export, the command palette, and text that must show literally."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import SIZE, find_bar, make_app, notifications, reader, screen_text
from textual.command import CommandPalette

from paper_tui.app import PALETTE_COMMANDS
from paper_tui.export import item_to_markdown, item_to_text
from paper_tui.folders import paths
from paper_tui.screens.bookmarks import BookmarksScreen
from paper_tui.text.sanitize import UNSAFE


async def test_m_bookmarks_and_apostrophe_lists_and_jumps(home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("tab", "right_square_bracket", "space", "space")
        paragraph = reader(app).paragraph
        await pilot.press("m")
        [mark] = app.state.bookmarks
        assert (mark["article"], mark["paragraph"]) == (app.main.entry.item.id, paragraph)
        saved = json.loads(paths().state_file.read_text(encoding="utf-8"))
        assert len(saved["bookmarks"]) == 1  # written at once, not only at quit
        await pilot.press("left_square_bracket", "apostrophe")
        assert isinstance(app.screen, BookmarksScreen)
        assert "¶" in screen_text(app)
        await pilot.press("enter")
        assert not isinstance(app.screen, BookmarksScreen)
        assert (app.main.entry.index, reader(app).paragraph) == (1, paragraph)
        await pilot.press("m")  # again: removed
        assert app.state.bookmarks == []


async def test_bookmarks_can_be_deleted_from_the_list() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "right_square_bracket", "m", "apostrophe")
        assert len(app.state.bookmarks) == 2
        await pilot.press("d")
        assert len(app.state.bookmarks) == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, BookmarksScreen)
        assert app.main.entry.index == 1  # escape does not jump


async def test_c_copies_the_article_as_shown() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert app.clipboard == item_to_text(app.main.entry.item)
        await pilot.press("t", "c")
        assert app.clipboard.startswith("嘉興市領導")
        assert any("Copied" in message for message in notifications(app))


async def test_e_exports_markdown_into_the_current_folder() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        [written] = list(Path.cwd().glob("*.md"))
        assert written.name == f"pinghu-2025-02-page1-{app.main.entry.item.id}.md"
        assert written.read_text(encoding="utf-8") == item_to_markdown(app.main.entry.item)
        assert any(str(written) in message for message in notifications(app))


async def test_the_palette_searches_full_text_and_opens_the_match() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"智算")  # in the text of the sixth article, not in its headline
        await pilot.pause(0.6)
        text = screen_text(app)
        assert "满格" in text and "…" in text  # a headline and a snippet
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert app.main.entry.item.title == "“满格”干劲拼项目"
        assert find_bar(app).query_text == "智算"
        assert reader(app).match_status[0] >= 1


async def test_the_palette_lists_every_app_command() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.main)]
        for title, _, action in PALETTE_COMMANDS:
            # Searching an archive is offered only when an archive is open.
            assert (title in titles) == (action != "search_archive")
        assert "Theme" in titles
        await pilot.press("ctrl+p", *"traditional")
        await pilot.pause(0.4)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.traditional


MARKUP_PAGE = (
    "第1版\n\n"
    "[bold]标题[/bold] 与 [link=http://x]链接[/link] [/]\n\n"
    "本报讯 这一段里有看起来像标记的文字：[red]红色[/red]，还有转义序列\x1b[31m以及响铃\x07。"
    "这一段应当原样显示，不改变终端的颜色，也不会让终端响铃或者移动光标，读者看到的就是文字本身。\n"
)


async def test_markup_and_escape_sequences_show_literally(tmp_path: Path) -> None:
    page = tmp_path / "[bold]x[red].txt"
    page.write_text(MARKUP_PAGE, encoding="utf-8")
    app = make_app(page)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[red]红色[/red]" in text
        assert "[bold]x[red].txt" in text  # the file name in the header
        for strip in app.screen._compositor.render_strips():
            assert not UNSAFE.search(strip.text)


async def test_a_file_name_with_an_escape_sequence_is_shown_safely(tmp_path: Path) -> None:
    page = tmp_path / "a\x1b[31mb.txt"
    page.write_text(MARKUP_PAGE, encoding="utf-8")
    app = make_app(page)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "a\u241b[31mb.txt" in screen_text(app)  # ESC shown as the symbol ␛
        for strip in app.screen._compositor.render_strips():
            assert not UNSAFE.search(strip.text)
