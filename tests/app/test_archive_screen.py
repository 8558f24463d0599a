"""An archive open in the app: the tree of issues, pages and articles, reading, search, resuming."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    SIZE,
    header_text,
    make_archive_app,
    screen_text,
    wait_for_archive,
    write_archive,
)
from textual.pilot import Pilot

from paper_tui.app import PaperApp
from paper_tui.screens.archive import ArchiveScreen
from paper_tui.screens.search import SearchScreen, parse_search
from paper_tui.widgets.archive_tree import ArchiveTree, ErrorNode, IssueNode, PageNode


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Two issues (the newer with pages 1 and 2), and a page that cannot be read."""
    return write_archive(tmp_path / "papers")


async def indexed(app: PaperApp, pilot: Pilot[None]) -> ArchiveScreen:
    """Wait until the archive is indexed and an article is open."""
    await wait_for_archive(app, pilot)
    assert isinstance(app.main, ArchiveScreen)
    return app.main


def tree(app: PaperApp) -> ArchiveTree:
    return app.main.query_one(ArchiveTree)


def labels(app: PaperApp) -> list[str]:
    """The tree's lines as shown."""
    tree_widget = tree(app)
    return [str(node.label) for node in _walk(tree_widget.root) if node is not tree_widget.root]


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in node.children:
        yield from _walk(child)


async def test_the_tree_lists_issues_newest_first_with_pages_and_failures(archive: Path) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await indexed(app, pilot)
        shown = labels(app)
        issues = [label for label in shown if label.startswith("20")]
        assert issues[0].startswith("2025-02-09") and issues[1].startswith("2024-05-01")
        assert "第2版 要闻 · 3篇" in shown
        errors = [node for node in _walk(tree(app).root) if isinstance(node.data, ErrorNode)]
        assert [node.data.path.name for node in errors] == ["02.txt"]
        assert "1 个文件无法读取" in screen_text(app)
        # The newest issue's first article is open, and the tree is on it.
        assert app.main.entry.page.date == "2025-02-09"
        assert app.main.entry.item.title == "嘉兴市领导来平开展“六干争先”主题实践活动"
        assert tree(app).highlighted_key == app.main.entry.key
        assert "01.txt" in header_text(app) and "第1版" in header_text(app)


async def test_an_issue_gets_its_pages_when_it_is_opened(archive: Path) -> None:
    # An archive of thousands of pages fills its tree at once: pages wait for their issue.
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await indexed(app, pilot)
        older = next(
            n
            for n in _walk(tree(app).root)
            if isinstance(n.data, IssueNode) and str(n.label).startswith("2024-05-01")
        )
        assert str(older.label).endswith("（1版）") and not older.children
        older.expand()
        await pilot.pause()
        assert [str(page.label) for page in older.children] == ["第1版 · 7篇"]


async def test_moving_in_the_tree_reads_and_brackets_cross_pages(archive: Path) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(app, pilot)
        await pilot.press("j")
        await pilot.pause(0.3)
        assert screen.entry.item.title == "“六干争先”加速跑 创新突破勇奋进"
        for _ in range(6):
            await pilot.press("right_square_bracket")
            await pilot.pause(0.2)
        # Past the photo, the last item of page 1, onto page 2.
        assert screen.entry.page.number == 2
        assert screen.entry.item.title == "平湖启动2025年“春风行动”"
        assert tree(app).highlighted_key == screen.entry.key


async def test_the_part_on_page_2_opens_as_the_whole_article_at_its_seam(archive: Path) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(app, pilot)
        page_2 = next(
            n
            for n in _walk(tree(app).root)
            if isinstance(n.data, PageNode) and n.data.row.page == 2
        )
        page_2.expand()
        await pilot.pause()
        part = next(leaf for leaf in page_2.children if "满格" in str(leaf.label))
        tree(app).move_cursor(part)
        await pilot.pause(0.4)
        item = screen.entry.item
        assert screen.entry.page.number == 1 and item.seams
        assert screen.paragraph == item.seams[0].paragraph
        assert "── 第2版（上接第1版） ──" in screen_text(app)
        # The tree stays where the reader asked.
        assert tree(app).cursor_node is part


async def test_ctrl_f_searches_the_archive_and_opens_a_hit(archive: Path) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(app, pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"五一前夕")
        await pilot.pause(0.6)
        assert "共 1 篇" in screen_text(app)
        await pilot.press("enter", "enter")
        await pilot.pause(0.5)
        assert app.screen is screen
        assert screen.entry.page.date == "2024-05-01"
        # Opened with the query searched in it.
        assert screen.has_search and "五一前夕" in screen_text(app)


async def test_quitting_remembers_the_article_and_no_path_resumes_the_archive(
    archive: Path,
) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(app, pilot)
        await pilot.press("j", "j")
        await pilot.pause(0.3)
        key = screen.entry.key
        await pilot.press("q")
    again = make_archive_app()
    async with again.run_test(size=SIZE) as pilot:
        resumed = await indexed(again, pilot)
        assert resumed.entry.key == key


def test_search_filters_are_parsed_and_dates_checked() -> None:
    search = parse_search("润泽 since:2024-01-01 section:要闻 智算")
    assert (search.words, search.since, search.until, search.section) == (
        "润泽 智算",
        "2024-01-01",
        None,
        "要闻",
    )
    with pytest.raises(ValueError, match="not a date"):
        parse_search("x until:2024-13-01")


async def test_a_folder_of_unreadable_pages_says_so(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    root.mkdir()
    (root / "01.txt").write_bytes(b"\x00\x01 binary \x00" * 50)
    (root / "02.txt").write_bytes(b"\x00\x02 binary \x00" * 50)
    app = make_archive_app(root)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.main
        assert isinstance(screen, ArchiveScreen)
        for _ in range(200):
            if screen.indexed:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.1)
        shown = screen_text(app)
        assert "没有读出文章：2 个文件无法读取" in shown
        assert "⚠ 01.txt" in shown and "⚠ 02.txt" in shown
        assert "broken" in header_text(app)


async def test_brackets_go_on_past_an_article_stitched_across_pages(archive: Path) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await indexed(app, pilot)
        titles = []
        for _ in range(12):
            await pilot.press("right_square_bracket")
            await pilot.pause(0.3)
            titles.append(screen.entry.item.title)
        # Page 2's part opens as the whole article; the next ] goes on to page 2's last article
        # and on into the older issue, never back.
        assert "当湖街道：文明新风进万家" in titles
        assert screen.entry.page.date == "2024-05-01"


async def test_the_tree_follows_files_removed_broken_or_redated(archive: Path) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await indexed(app, pilot)
        await pilot.press("q")
    (archive / "2025-02-09" / "02.txt").unlink()
    (archive / "2024-05-01" / "01.txt").write_bytes(b"\x00\x01 binary \x00" * 60)
    redated = archive / "2025-02-09" / "01.txt"
    redated.write_text("2025年2月10日 星期一\n\n" + redated.read_text(encoding="utf-8"))
    again = make_archive_app()
    async with again.run_test(size=SIZE) as pilot:
        await indexed(again, pilot)
        shown = labels(again)
        assert [label for label in shown if label.startswith("20")] == [
            "2025-02-10 · 2025-02-09（1版）"
        ]
        assert not any("第2版" in label for label in shown)
        errors = sorted(label for label in shown if label.startswith("⚠"))
        assert errors == [
            "⚠ 2024-05-01/01.txt: binary file, not text",
            "⚠ 2024-05-01/02.txt: binary file, not text",
        ]
        assert "1 期 · 1 版 · 2 个文件无法读取" in screen_text(again)


async def test_a_bad_date_filter_is_explained(archive: Path) -> None:
    app = make_archive_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await indexed(app, pilot)
        await pilot.press("ctrl+f", *"项目 since:2024-13-01")
        await pilot.pause(0.5)
        assert "日期请写成 YYYY-MM-DD" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ArchiveScreen)
