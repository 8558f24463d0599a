"""``paper-tui search``: exit codes, output lines, JSON, and what the command imports."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from archive_pages import SEED_PAGE, write_archive
from hypothesis import given
from hypothesis import strategies as st

from paper_tui.search import cli
from paper_tui.search.cli import plain, run_search
from paper_tui.search.index import DEFAULT_LIMIT, ArchiveIndex
from paper_tui.search.listing import can_fork

REPO = Path(__file__).parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = run_search([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_archive(root, days=1, singles=2)
    (root / "pinghu-2025-02-page1.txt").write_bytes(SEED_PAGE.read_bytes())
    return root


def test_prints_hits_then_the_count(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, archive, "润泽智算")
    lines = out.splitlines()
    assert status == 0
    assert lines[-1] == "2 hits"
    assert len(lines) == 3
    for line in lines[:-1]:
        date, page, headline, snippet = line.split("  ", 3)
        assert (date, page) == ("-", "1")
        assert "润泽智算" in snippet and headline
    assert "7 added" in err


def test_second_run_is_quiet_and_limit_counts_all(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, archive, "国")
    status, out, err = run(capsys, archive, "国", "--limit", "2")
    lines = out.splitlines()
    assert (status, err) == (0, "")
    assert len(lines) == 3 and lines[-1].endswith("hits, first 2 shown")


def test_a_broken_file_is_reported_once(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (archive / "junk.txt").write_bytes(bytes(range(256)) * 16)
    status, out, err = run(capsys, archive, "润泽智算")
    assert status == 0 and out.splitlines()[-1] == "2 hits"
    assert [line for line in err.splitlines() if "junk.txt" in line] == [
        f"paper-tui: {archive / 'junk.txt'}: " + err.split("junk.txt: ", 1)[1].splitlines()[0]
    ]
    assert "1 unreadable" in err
    assert run(capsys, archive, "润泽智算")[2] == ""


def test_nothing_found(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, archive, "朝花夕拾")[1] == "0 hits\n"
    assert json.loads(run(capsys, archive, "朝花夕拾", "--json")[1]) == {"total": 0, "hits": []}


def test_words_are_all_required(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, archive, "润泽", "开工")
    assert out.splitlines()[-1] == "1 hit"


def test_json(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, archive, "潤澤智算", "--json", "--limit", "1")
    data = json.loads(out)
    assert status == 0 and data["total"] == 2 and len(data["hits"]) == 1
    hit = data["hits"][0]
    assert set(hit) == {
        "path", "page", "date", "section", "item_id", "kind", "headline", "headline_marks",
        "snippet", "marks", "occurrences", "score",
    }  # fmt: skip
    start, end = hit["marks"][0]
    assert hit["snippet"][start:end] == "润泽智算"
    assert Path(hit["path"]).name == "pinghu-2025-02-page1.txt"


def test_filters(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, archive, "国", "--since", "2025-01-01", "--json")
    assert {hit["date"] for hit in json.loads(out)["hits"]} == {"2025-02-01"}
    _, out, _ = run(capsys, archive, "国", "--section", "要闻", "--json")
    assert {hit["section"] for hit in json.loads(out)["hits"]} == {"要闻"}


def test_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "pinghu-2025-02-page1.txt"
    page.write_bytes(SEED_PAGE.read_bytes())
    status, out, _ = run(capsys, page, "润泽")
    assert status == 0 and out.splitlines()[-1] == "2 hits"


def _no_pages(tmp_path: Path) -> Path:
    (tmp_path / "notes.md").write_text("润泽", encoding="utf-8")
    return tmp_path


def _junk(tmp_path: Path) -> Path:
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 16)
    return tmp_path


def _junk_file(tmp_path: Path) -> Path:
    return _junk(tmp_path) / "junk.txt"


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (lambda tmp: tmp / "nowhere", ["润泽"], "no such file or folder"),
        (_no_pages, ["润泽"], "no text pages"),
        (_junk, ["润泽"], "none of its 1 text pages could be read"),
        (_junk_file, ["润泽"], "junk.txt: "),
        (lambda tmp: Path("/dev/null"), ["润泽"], "not a folder or a file"),
        (_no_pages, ["润泽", "--limit", "-1"], "--limit"),
    ],
)
def test_usage_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, args: list[str], message: str
) -> None:
    status, out, err = run(capsys, make(tmp_path), *args)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err and err.startswith("paper-tui: ")


def test_bad_date_is_a_usage_error(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, archive, "国", "--until", "2025-13-01")
    assert status == 2 and err.splitlines() == ["paper-tui: not a date (YYYY-MM-DD): '2025-13-01'"]


def test_a_result_found_before_the_update_is_printed_only_if_nothing_changed(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, archive, "润泽智算")
    searched: list[str] = []
    search = ArchiveIndex.search

    def counted(self: ArchiveIndex, query: str, **filters: object) -> object:
        searched.append(query)
        return search(self, query, **filters)  # type: ignore[arg-type]

    monkeypatch.setattr(ArchiveIndex, "search", counted)
    assert run(capsys, archive, "朝花夕拾")[1] == "0 hits\n" and searched == []
    page = archive / "pinghu-2025-02-page1.txt"
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\n\n朝花夕拾\n\n朝花夕拾温故知新，朝花夕拾。\n")
    status, out, err = run(capsys, archive, "朝花夕拾")
    assert status == 0 and out.splitlines()[-1] == "1 hit" and "1 changed" in err
    assert searched == ["朝花夕拾"]


def test_a_write_by_another_connection_voids_a_result_found_before(archive: Path) -> None:
    index = ArchiveIndex(archive)
    index.update()
    ahead = index.search_ahead("国")
    assert ahead is not None
    assert index.confirmed(ahead, index.update()) == ahead.result
    ahead = index.search_ahead("国")
    with sqlite3.connect(index.db_path) as other:
        other.execute("INSERT OR REPLACE INTO meta VALUES ('elsewhere', '1')")
    other.close()
    assert index.confirmed(ahead, index.update()) is None
    index.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["archive", "润泽"],
        ["archive", "润泽", "智算", "国"],
        ["", "x"],
        ["~/archive/", "a b"],
        ["archive", "--json", "润泽"],
        ["archive", "润泽", "-n", "3", "--since", "2025-01-01", "--section", "要闻"],
    ],
)
def test_arguments_without_options_need_no_parser(argv: list[str]) -> None:
    assert cli._parse(argv) == cli._Args(**vars(cli._parser().parse_args(argv)))
    assert cli.DEFAULT_LIMIT == DEFAULT_LIMIT


def test_plain_strips_what_a_terminal_would_act_on() -> None:
    assert plain("润\x1b[31m泽\n智\t算\u202e") == "润[31m泽 智 算"


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@given(st.text(alphabet=st.sampled_from("润泽 \t\n\r\x00\x1b\x7f\x85\x9f\xa0\u200e\u202a\u2069a")))
def test_plain_is_one_line_without_control_characters(text: str) -> None:
    # Each run of tabs and line breaks is one space; every other control character goes.
    assert plain(text) == _UNSAFE.sub("", re.sub("[\t\n]+", " ", text))


BOUNDARY = """
import sys
from paper_tui.search import ArchiveIndex
from paper_tui.search.cli import run_search
index = ArchiveIndex(sys.argv[1])
index.update()
assert index.search("潤澤").total == 2
status = run_search([sys.argv[1], "润泽", "--json"])
heavy = [m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "jieba")]
print(status, ",".join(heavy))
"""

UNCHANGED = """
import sys
from paper_tui.search.cli import run_search
status = run_search([sys.argv[1], sys.argv[2]])
print(status, ",".join(m for m in ("paper_tui.loader", "opencc") if m in sys.modules))
"""


LEAN = """
import sys
sys.argv = ["paper-tui", "search", sys.argv[1], sys.argv[2]]
from paper_tui.launch import main
status = main()
print(status, ",".join(m for m in ("typing", "pathlib", "re", "paper_tui.cli") if m in sys.modules))
"""


def test_a_search_of_unchanged_files_imports_no_typing_pathlib_or_re(
    tmp_path: Path, private_home: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / SEED_PAGE.name).write_bytes(SEED_PAGE.read_bytes())
    assert _python(LEAN, folder, private_home, "润泽").startswith("0 ")  # indexes the page
    assert _python(LEAN, folder, private_home, "新时代中国特色社会主义") == "0 "


EARLY = """
import sys
from paper_tui.search import listing
forks = []
fork = listing.Listing._fork
def recorded(self):
    forks.append([m for m in ("pathlib", "typing", "sqlite3") if m in sys.modules])
    fork(self)
listing.Listing._fork = recorded
sys.argv = ["paper-tui", "search", sys.argv[1], sys.argv[2]]
from paper_tui.launch import main
status = main()
print(status, forks)
"""


def _python(code: str, folder: Path, home: Path, *args: str) -> str:
    env = {**os.environ, "PAPER_TUI_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder), *args],
        capture_output=True, text=True, check=True, cwd=REPO, env=env,
    )  # fmt: skip
    return result.stdout.splitlines()[-1]


def test_search_imports_no_ui_library_and_loads_only_what_it_needs(
    tmp_path: Path, private_home: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / SEED_PAGE.name).write_bytes(SEED_PAGE.read_bytes())
    assert _python(BOUNDARY, folder, private_home) == "0 "
    # Nothing changed since: no page is loaded, and a query OpenCC would not change needs none.
    assert _python(UNCHANGED, folder, private_home, "project") == "0 "
    assert _python(UNCHANGED, folder, private_home, "新时代中国特色社会主义") == "0 "
    assert _python(UNCHANGED, folder, private_home, "潤澤") == "0 opencc"


@pytest.mark.skipif(not can_fork(), reason="no fork here")
def test_the_command_lists_the_folder_before_it_imports_the_rest(
    tmp_path: Path, private_home: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / SEED_PAGE.name).write_bytes(SEED_PAGE.read_bytes())
    # One child, forked before the command line, the index or SQLite were imported.
    assert _python(EARLY, folder, private_home, "润泽") == "0 [[]]"
