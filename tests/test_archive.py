"""The archive's catalog (issues from index rows) and shelf (articles read from files on demand)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paper_tui.archive import Catalog, Shelf, entry_key, placeholder, split_key
from paper_tui.loader import load
from paper_tui.search.index import PageRow

ROOT = Path(__file__).parents[1]
PAGE_1 = ROOT / "seeds" / "pinghu-2025-02-page1.txt"
PAGE_2 = ROOT / "tests" / "data" / "pinghu-2025-02-page2.txt"


def row(path: str, page: int | None, date: str | None, articles: int = 3) -> PageRow:
    return PageRow(Path(path), page, date, None, articles)


def test_issues_are_newest_first_then_undated_by_name(tmp_path: Path) -> None:
    catalog = Catalog([tmp_path])
    catalog.add(
        [
            row(f"{tmp_path}/2024-05-01/01.txt", 1, "2024-05-01"),
            row(f"{tmp_path}/x/page2.txt", 2, None),
            row(f"{tmp_path}/2025-02-09/02.txt", 2, "2025-02-09"),
            row(f"{tmp_path}/2025-02-09/01.txt", 1, "2025-02-09"),
            row(f"{tmp_path}/x/page1.txt", 1, None),
        ]
    )
    issues = catalog.issues()
    assert [issue.date for issue in issues] == ["2025-02-09", "2024-05-01", None]
    assert [page.page for page in issues[0].pages] == [1, 2]
    assert issues[0].label == "2025-02-09"
    assert issues[2].label == "page* · x"
    assert len(catalog) == 5


def test_a_file_listed_again_replaces_its_pages() -> None:
    catalog = Catalog([Path("/a")])
    catalog.add([row("/a/issue.txt", 1, "2025-01-01"), row("/a/issue.txt", 2, "2025-01-01")])
    changed = catalog.add([row("/a/issue.txt", 1, "2025-01-02", articles=5)])
    assert len(catalog) == 1
    [issue] = catalog.issues()
    assert (issue.date, [page.articles for page in issue.pages]) == ("2025-01-02", [5])
    assert ("/a", "2025-01-01") in changed  # the issue it left, emptied and gone


def test_a_file_listed_again_unchanged_changes_no_issue() -> None:
    catalog = Catalog([Path("/a")])
    rows = [row(f"/a/{day:02}/01.txt", 1, f"2025-01-{day:02}") for day in range(1, 29)]
    assert len(catalog.add(rows)) == 28
    assert catalog.add(reversed(rows)) == set()
    assert catalog.replace_all(rows, Path("/a")) == set()
    assert catalog.add([row("/a/05/01.txt", 1, "2025-01-05", articles=4)]) == {
        ("/a/05", "2025-01-05")
    }
    assert len(catalog) == 28


def test_many_pages_are_added_in_time_linear_in_their_number() -> None:
    """Each file's pages are found by their file, not by going through every page."""
    catalog = Catalog([Path("/a")])
    rows = [row(f"/a/{n // 20}/{n % 20:02}.txt", 1, "2025-01-01") for n in range(5_000)]
    calls = 0
    original = Path.__eq__

    def counted(self: Path, other: object) -> bool:
        nonlocal calls
        calls += 1
        return original(self, other)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "__eq__", counted)
        catalog.add(rows)
        catalog.add(rows[::-1])
    assert len(catalog) == 5_000
    assert calls < 10 * len(rows)


def test_keys() -> None:
    key = entry_key(Path("/a/b#c.txt"), "p1-abc")
    assert split_key(key) == ("/a/b#c.txt", "p1-abc")
    entry = placeholder([Path("/papers")], "正在读取版面……")
    assert entry.item.title == "papers" and entry.item.paragraphs[0] == "正在读取版面……"


@pytest.fixture
def shelf(tmp_path: Path) -> Shelf:
    folder = tmp_path / "2025-02-09"
    folder.mkdir()
    shutil.copy(PAGE_1, folder / "01.txt")
    shutil.copy(PAGE_2, folder / "02.txt")
    catalog = Catalog([tmp_path])
    for path in sorted(folder.glob("*.txt")):
        [page] = load(path).pages
        catalog.add([PageRow(path, page.number, page.date, page.section, len(page.items))])
    return Shelf(catalog, capacity=1)


def test_the_part_on_page_2_opens_as_the_whole_article_at_its_seam(shelf: Shelf) -> None:
    [path_1, path_2] = sorted(page.path for issue in shelf.catalog.issues() for page in issue.pages)
    part = next(item for item in load(path_2).items if item.continued_from_page == 1)
    found = shelf.entry(entry_key(path_2, part.id))
    assert found is not None
    entry, paragraph = found
    assert entry.source == str(path_1) and entry.page.number == 1
    assert entry.item.seams[0].paragraph == paragraph > 0
    assert entry.item.paragraphs[paragraph] == part.paragraphs[0]
    # And the first part opens as the same article, at its top.
    head = shelf.entry(entry.key)
    assert head is not None and head[0].item == entry.item and head[1] == 0


def test_an_article_not_continued_opens_as_it_is(shelf: Shelf) -> None:
    path_1 = next(page.path for issue in shelf.catalog.issues() for page in issue.pages)
    first = load(path_1).items[0]
    found = shelf.entry(entry_key(path_1, first.id))
    assert found is not None and found[0].item == first and found[1] == 0
    assert shelf.entry(entry_key(path_1, "p1-missing")) is None


def test_an_article_without_its_marker_still_finds_its_continuation(tmp_path: Path) -> None:
    folder = tmp_path / "2025-02-09"
    folder.mkdir()
    text = PAGE_1.read_text(encoding="utf-8")
    # No "continued on page 2", and the text stops in mid-sentence, as a cut page would.
    text = text.replace("（下转2版）\n", "").replace(
        "投资突破 385亿元，均\n增长8%以上。\n", "投资突破 385亿元，均\n"
    )
    (folder / "01.txt").write_text(text, encoding="utf-8")
    shutil.copy(PAGE_2, folder / "02.txt")
    catalog = Catalog([tmp_path])
    for path in sorted(folder.glob("*.txt")):
        [page] = load(path).pages
        catalog.add([PageRow(path, page.number, page.date, page.section, len(page.items))])
    head = next(
        item for item in load(folder / "01.txt").items if item.title and "满格" in item.headline
    )
    assert head.continued_to_page is None
    found = Shelf(catalog).entry(entry_key(folder / "01.txt", head.id))
    assert found is not None and [seam.page for seam in found[0].item.seams] == [2]
