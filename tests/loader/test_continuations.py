"""Stitching articles continued across pages: by marker and by content, within one issue only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from paper_tui.cli import main
from paper_tui.library import Library, open_files
from paper_tui.loader import load, load_text
from paper_tui.loader.continuations import Placed, issue_key, link, stitch, stitch_documents
from paper_tui.model import Item

ROOT = Path(__file__).parents[2]
PAGE_1 = ROOT / "seeds" / "pinghu-2025-02-page1.txt"
PAGE_2 = ROOT / "tests" / "data" / "pinghu-2025-02-page2.txt"
HEADLINE = "“满格”干劲拼项目"
PAGE_1_END = "均增长8%以上。"
PAGE_2_START = "项目建设跑出“加速度”，离不开全方位的要素保障。"


@pytest.fixture
def issue(tmp_path: Path) -> Path:
    """The sample page and the page 2 fixture, as one issue's folder."""
    folder = tmp_path / "2025-02"
    folder.mkdir()
    shutil.copy(PAGE_1, folder / PAGE_1.name)
    shutil.copy(PAGE_2, folder / PAGE_2.name)
    return folder


@pytest.fixture
def library(issue: Path) -> Library:
    library, failures, _warnings = open_files(sorted(issue.glob("*.txt")))
    assert failures == []
    return library


def test_the_continued_article_is_one_entry_with_its_seam(library: Library) -> None:
    stitched = [entry for entry in library.entries if entry.item.seams]
    assert len(stitched) == 1
    item = stitched[0].item
    assert stitched[0].page.number == 1
    assert item.subtitle == HEADLINE or HEADLINE in item.headline
    [seam] = item.seams
    assert (seam.page, seam.previous_page) == (2, 1)
    assert item.paragraphs[seam.paragraph - 1].endswith(PAGE_1_END)
    assert (
        item.paragraphs[seam.paragraph]
        == PAGE_2_START + item.paragraphs[seam.paragraph][len(PAGE_2_START) :]
    )
    assert item.paragraphs[-1].endswith("跑出高质量发展的“好成绩”。")
    # Continued on page 2, and now joined: nothing left to continue.
    assert item.continued_to_page is None
    assert seam.label == "第2版（上接第1版）"


def test_the_part_on_page_2_is_not_listed_again(library: Library) -> None:
    page_2 = [entry for entry in library.entries if entry.page.number == 2]
    assert [entry.item.title for entry in page_2] == [
        "平湖启动2025年“春风行动”",
        "当湖街道：文明新风进万家",
    ]
    assert len(library.entries) == 7 + 2
    # A position saved on the part (before it was joined) opens the article it belongs to.
    [(part, (head, paragraph))] = library.parts.items()
    entry = library.find(*part)
    assert entry is not None and entry.item.id == head[1]
    assert entry.item.seams[0].paragraph == paragraph


def test_pages_of_other_issues_are_not_stitched(tmp_path: Path) -> None:
    for name, page in (("a", PAGE_1), ("b", PAGE_2)):
        (tmp_path / name).mkdir()
        shutil.copy(page, tmp_path / name / page.name)
    library, _failures, _warnings = open_files(sorted(tmp_path.glob("*/*.txt")))
    assert not any(entry.item.seams for entry in library.entries)
    assert len(library.entries) == 7 + 3


def test_one_file_holding_the_issue_is_stitched_within_itself() -> None:
    text = PAGE_1.read_text(encoding="utf-8") + "\f" + PAGE_2.read_text(encoding="utf-8")
    document = load_text(text, source="pinghu-issue.txt")
    found = stitch_documents([(document.source, document)])
    [article] = found.articles.values()
    assert article.seams[0].source is None  # the same file
    assert len(found.parts) == 1


def test_issue_keys_from_dates_and_names() -> None:
    assert issue_key("/a/rmrb2018010201.txt", "2018-01-02") == ("/a", "2018-01-02")
    assert issue_key("/a/p-page1.txt", None) == issue_key("/a/p-page2.txt", None)
    assert issue_key("/a/A01.txt", None) == issue_key("/a/A07.txt", None)
    assert issue_key("/a/p-page1.txt", None) != issue_key("/b/p-page2.txt", None)


# --- deciding by content --------------------------------------------------------------------


def placed(page: int, title: str, text: str, *, to: int | None = None, since: int | None = None):
    item = Item(
        id=f"p{page}-{title}",
        kind="article",
        title=title or None,
        paragraphs=tuple(text.split("\n")),
        continued_to_page=to,
        continued_from_page=since,
    )
    return Placed("issue.txt", page, item)


BRIDGE = placed(1, "大桥合龙", "跨江大桥主跨今天合龙，大桥全长十二公里。", to=2)
SCHOOL = placed(1, "新校开学", "城东新建的实验小学今天迎来首批学生，学校设有", to=2)
BRIDGE_REST = placed(
    2, "", "大桥通车后，跨江通行时间缩短到十分钟，主跨合龙标志着工程进入收尾。", since=1
)
SCHOOL_REST = placed(
    2, "", "四十个教学班，学生在新校园里上了开学第一课。实验小学还将开设课程。", since=1
)
OTHER = placed(2, "春耕备耕忙", "田间地头，农民正在抢抓农时开展春耕。", since=None)


def refs(pairs: list[tuple[tuple[str, str], tuple[str, str]]]) -> set[tuple[str, str]]:
    return {(a[1], b[1]) for a, b in pairs}


def test_two_articles_continued_to_one_page_each_find_their_own_part() -> None:
    pairs = link([BRIDGE, SCHOOL, SCHOOL_REST, BRIDGE_REST, OTHER])
    assert refs(pairs) == {
        (BRIDGE.item.id, BRIDGE_REST.item.id),
        (SCHOOL.item.id, SCHOOL_REST.item.id),
    }


def test_a_part_continued_from_another_page_is_not_taken() -> None:
    elsewhere = placed(2, "", "大桥通车后，跨江通行时间缩短到十分钟。", since=3)
    assert link([BRIDGE, elsewhere, OTHER]) == []


def test_a_repeated_headline_links_a_part_without_a_marker() -> None:
    rest = placed(2, "大桥合龙", "大桥通车后，跨江通行时间缩短到十分钟。")
    assert refs(link([BRIDGE, OTHER, rest])) == {(BRIDGE.item.id, rest.item.id)}


def test_a_marker_on_one_side_needs_the_content_to_agree() -> None:
    # "Continued on page 2", but nothing there repeats its headline or says where it is from.
    assert link([BRIDGE, OTHER]) == []
    # "Continued from page 1": the article on page 1 that stops mid-sentence is the one.
    finished = placed(1, "大桥合龙", "跨江大桥主跨今天合龙。")
    unfinished = placed(1, "新校开学", "城东新建的实验小学今天迎来首批学生，学校设有")
    assert refs(link([finished, unfinished, SCHOOL_REST])) == {
        (unfinished.item.id, SCHOOL_REST.item.id)
    }


def test_chains_over_three_pages_join_in_order() -> None:
    middle = placed(2, "", "大桥通车后，跨江通行时间缩短到十分钟。", since=1, to=3)
    end = placed(3, "", "主跨合龙标志着大桥工程进入收尾阶段。", since=2)
    found = stitch([end, BRIDGE, middle])
    [article] = found.articles.values()
    assert article.paragraphs == (
        *BRIDGE.item.paragraphs,
        *middle.item.paragraphs,
        *end.item.paragraphs,
    )
    assert [(seam.page, seam.previous_page) for seam in article.seams] == [(2, 1), (3, 2)]
    assert set(found.parts) == {middle.ref, end.ref}


# --- export ---------------------------------------------------------------------------------


def test_export_joins_the_article_and_links_its_parts(
    issue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(issue), "--format", "text"]) == 0
    text = capsys.readouterr().out
    seam = text.index("—— 第2版（上接第1版） ——")
    assert text.index(PAGE_1_END) < seam < text.index(PAGE_2_START)
    assert text.count(PAGE_2_START) == 1
    assert f"{HEADLINE}（上接第1版，全文见第1版）" in text

    assert main(["export", str(issue)]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    [head] = [i for i in first["pages"][0]["items"] if i["continues_in"]]
    [part] = [i for i in second["pages"][0]["items"] if i["continues_from"]]
    assert head["continues_in"] == {"source": second["source"], "page": 2, "id": part["id"]}
    assert part["continues_from"] == {"source": first["source"], "page": 1, "id": head["id"]}
    # JSON keeps each part where it was printed.
    assert head["paragraphs"][-1].endswith(PAGE_1_END)
    assert part["paragraphs"][0] == PAGE_2_START + part["paragraphs"][0][len(PAGE_2_START) :]


def test_the_page_2_fixture_loads_as_three_articles() -> None:
    [page] = load(PAGE_2).pages
    assert (page.number, page.section) == (2, "要闻")
    assert [item.continued_from_page for item in page.items] == [None, 1, None]
    assert page.items[1].title == HEADLINE
