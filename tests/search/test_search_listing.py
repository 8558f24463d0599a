"""Listing the page files (here or with a forked child), the listing's digest, and what it spares."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_pages import body_with, one_article, write_archive

from paper_tui.search import ArchiveIndex
from paper_tui.search import listing as listing_module
from paper_tui.search.listing import Listing, can_fork, digest

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork here")


def walked(root: Path) -> list[tuple[str, int, int]]:
    """The reference: every *.txt file below ``root`` (symlinked folders not followed)."""
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if name.lower().endswith(".txt") and path.is_file():
                stat = path.stat()
                found.append((path.relative_to(root).as_posix(), stat.st_size, stat.st_mtime_ns))
    return sorted(found)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_archive(root, days=3, singles=4)
    one_article(root, "top.TXT", "顶层", body_with("润泽", 1))
    one_article(root, "a/b/c/deep.txt", "深处", body_with("润泽", 2))
    (root / "notes.md").write_text("not a page\n", encoding="utf-8")
    (root / "folder.txt").mkdir()
    one_article(root, "folder.txt/inside.txt", "文件夹", body_with("润泽", 3))
    (root / "empty").mkdir()
    (root / "link").symlink_to(root / "a", target_is_directory=True)
    return root


def test_a_listing_holds_every_page_file_in_path_order(archive: Path) -> None:
    listing = Listing(str(archive))
    expected = walked(archive)
    assert listing.entries() == expected
    assert (listing.count, listing.failures) == (len(expected), [])
    assert listing.digest == digest(reversed(expected))


@needs_fork
def test_a_listing_with_a_child_is_the_same(archive: Path) -> None:
    here = Listing(str(archive))
    with Listing.start(str(archive)) as there:
        assert there.digest == here.digest
        assert there.entries() == here.entries()
        assert there.count == here.count


@needs_fork
def test_a_slow_child_leaves_the_rest_to_the_parent(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    walk = listing_module._walk

    def slow_in_the_child(folder: str, skip: int) -> tuple[list, list]:
        if os.getpid() != parent:
            import time

            time.sleep(0.05)
        return walk(folder, skip)

    monkeypatch.setattr(listing_module, "_walk", slow_in_the_child)
    with Listing.start(str(archive)) as listing:
        assert listing.entries() == walked(archive)


@needs_fork
def test_a_child_that_sends_nothing_is_done_without(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Listing, "_serve", lambda self, writable: os._exit(1))
    with Listing.start(str(archive)) as listing:
        assert listing.entries() == walked(archive)
        assert listing.digest == digest(walked(archive))


@needs_fork
def test_closing_early_stops_the_child(archive: Path) -> None:
    listing = Listing.start(str(archive))
    child = listing._child
    listing.close()
    assert child is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)


@needs_fork
def test_a_listing_begun_early_is_taken_over(archive: Path) -> None:
    listing_module.begin(str(archive))
    begun = listing_module._begun[str(archive)]
    with Listing.start(str(archive)) as listing:
        assert listing is begun
        assert listing._child is not None
        assert listing.entries() == walked(archive)
    assert listing_module._begun == {}


@needs_fork
def test_a_listing_begun_for_another_folder_is_stopped(archive: Path) -> None:
    listing_module.begin(str(archive / "a"))
    child = listing_module._begun[str(archive / "a")]._child
    with Listing.start(str(archive)) as listing:
        assert listing.entries() == walked(archive)
    assert child is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)
    assert listing_module._begun == {}


def test_nothing_is_begun_for_what_is_not_a_folder(archive: Path) -> None:
    listing_module.begin(str(archive / "top.TXT"))
    listing_module.begin(str(archive / "missing"))
    assert listing_module._begun == {}


def test_one_file_is_its_own_listing(archive: Path) -> None:
    page = archive / "top.TXT"
    listing = Listing.start(str(page))
    stat = page.stat()
    assert listing.base == str(archive)
    assert listing.entries() == [("top.TXT", stat.st_size, stat.st_mtime_ns)]


def test_a_folder_that_cannot_be_listed_is_a_failure(archive: Path) -> None:
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("permissions do not stop this user")
    locked = archive / "a" / "b"
    locked.chmod(0)
    try:
        listing = Listing(str(archive))
        assert listing.failures == [(str(locked), "cannot be listed (Permission denied)")]
        assert "a/b/c/deep.txt" not in {key for key, _, _ in listing.entries()}
    finally:
        locked.chmod(0o755)


def _append(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n朝花夕拾温故知新。\n")


def _touch(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))


def _rename(path: Path) -> None:
    path.rename(path.with_name("renamed.txt"))


CHANGES: dict[str, Callable[[Path], object]] = {
    "appended": _append,
    "touched": _touch,
    "removed": Path.unlink,
    "renamed": _rename,
    "added beside": lambda path: one_article(path.parent, "new.txt", "新", body_with("新", 1)),
    "added at the top": lambda path: one_article(path.parents[3], "new.txt", "新", "新。"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_the_digest_notices_every_change(archive: Path, change: str) -> None:
    before = Listing(str(archive)).digest
    CHANGES[change](archive / "a" / "b" / "c" / "deep.txt")
    assert Listing(str(archive)).digest != before


def _statements(index: ArchiveIndex) -> list[str]:
    statements: list[str] = []
    index.database.connection().set_trace_callback(statements.append)
    return statements


@pytest.mark.parametrize("change", CHANGES)
def test_an_update_reads_the_table_only_when_the_digest_differs(archive: Path, change: str) -> None:
    index = ArchiveIndex(archive, workers=1)
    index.update()
    statements = _statements(index)
    report = index.update()
    assert not report.has_changes and report.touched == 0
    assert not [s for s in statements if "FROM files" in s]

    CHANGES[change](archive / "a" / "b" / "c" / "deep.txt")
    report = index.update()
    assert report.has_changes or report.touched == 1
    assert [s for s in statements if "SELECT path, size, mtime_ns FROM files" in s]
    # Recorded again: the next update is spared the table.
    statements.clear()
    assert not index.update().has_changes
    assert not [s for s in statements if "FROM files" in s]
    index.close()


def test_any_change_to_the_files_table_forgets_the_digest(archive: Path) -> None:
    index = ArchiveIndex(archive, workers=1)
    index.update()
    # As another process, or a paper-tui that knows nothing of the digest, would.
    with sqlite3.connect(index.db_path) as other:
        other.execute("UPDATE files SET mtime_ns = mtime_ns + 1 WHERE path = 'top.TXT'")
    other.close()
    with sqlite3.connect(index.db_path) as other:
        assert other.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone() is None
    other.close()
    # The full comparison finds the file's record wrong and reads it again.
    assert index.update().touched == 1
    index.close()


ABANDONED = """
import sys, time
from paper_tui.search import listing
walk = listing._walk
def slow(folder, skip):
    time.sleep(30)
    return walk(folder, skip)
listing._walk = slow
listing.begin(sys.argv[1])
print(listing._begun[sys.argv[1]]._child)
"""


@needs_fork
def test_a_listing_begun_and_never_taken_over_is_stopped_at_exit(archive: Path) -> None:
    # The command stopped early (a usage error, Ctrl-C while importing): its child goes too.
    import subprocess
    import time

    result = subprocess.run(
        [sys.executable, "-c", ABANDONED, str(archive)],
        capture_output=True, text=True, check=True, timeout=20,
    )  # fmt: skip
    child = int(result.stdout.strip())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(child, 9)
    raise AssertionError("the listing child outlived its command")
