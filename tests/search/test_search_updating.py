"""Keeping the index in step with the files, and recovering from a bad index file."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from archive_pages import articles_of, body_with, one_article, write_archive

from paper_tui.search import ArchiveIndex, SearchIndexError, index_file, reading, updating


class Reads:
    """A progress callback that remembers which files were read."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.totals: set[int] = set()

    def __call__(self, done: int, total: int, path: str) -> None:
        self.paths.append(path)
        self.totals.add(total)


def article_ids(index: ArchiveIndex, path: Path) -> list[int]:
    key = path.relative_to(index.base).as_posix()
    with sqlite3.connect(index.db_path) as connection:
        rows = connection.execute(
            "SELECT a.id FROM articles a JOIN files f ON f.id = a.file WHERE f.path = ?", (key,)
        )
        return [row[0] for row in rows]


def hit_paths(index: ArchiveIndex, query: str) -> set[Path]:
    return {hit.path for hit in index.search(query, limit=None).hits}


def test_index_lives_in_the_cache_named_by_the_folder(tmp_path: Path, private_home: Path) -> None:
    first, second = index_file(tmp_path / "a"), index_file(tmp_path / "b")
    assert first != second
    assert first.parent == second.parent == private_home / "cache" / "index"


def test_only_changed_files_are_read_again(tmp_path: Path) -> None:
    files = write_archive(tmp_path)
    index = ArchiveIndex(tmp_path, workers=1)
    reads = Reads()
    report = index.update(progress=reads)
    assert (report.files, report.added, report.has_changes) == (len(files), len(files), True)
    assert sorted(reads.paths) == sorted(map(str, files)) and reads.totals == {len(files)}

    reads = Reads()
    report = index.update(progress=reads)
    assert reads.paths == [] and not report.has_changes

    changed = files[3]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\n朝花夕拾温故知新。\n")
    reads = Reads()
    report = index.update(progress=reads)
    assert reads.paths == [str(changed)]
    assert (report.changed, report.added, report.touched) == (1, 0, 0)
    assert hit_paths(index, "朝花夕拾") == {changed}

    touched = files[5]
    before = article_ids(index, touched)
    stat = touched.stat()
    os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    reads = Reads()
    report = index.update(progress=reads)
    assert reads.paths == [str(touched)]
    assert (report.touched, report.changed, report.has_changes) == (1, 0, False)
    assert article_ids(index, touched) == before
    reads = Reads()
    index.update(progress=reads)
    assert reads.paths == []

    gone = files[7]
    gone_ids = article_ids(index, gone)
    gone.unlink()
    report = index.update()
    assert report.removed == 1
    assert all(gone not in hit_paths(index, query) for query in "国家发展项目")
    assert article_ids(index, gone) == [] and gone_ids
    assert index.count() == len(articles_of([f for f in files if f != gone]))
    index.close()


def test_a_broken_file_is_recorded_and_the_rest_indexed(tmp_path: Path) -> None:
    files = write_archive(tmp_path)
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "2025-02-01" / "empty.txt"
    empty.write_bytes(b"")
    with ArchiveIndex(tmp_path, workers=1) as index:
        report = index.update()
        assert {failure.path for failure in report.failed} == {junk, empty}
        assert report.added == len(files)
        assert [error.path for error in index.errors()] == sorted([junk, empty])
        assert all(error.error for error in index.errors())
        assert index.search("国").total > 0

        reads = Reads()
        index.update(progress=reads)
        assert reads.paths == [] and len(index.errors()) == 2

        one_article(tmp_path, "junk.txt", "润泽项目开工仪式", body_with("城市", 1))
        report = index.update()
        assert not report.failed
        assert [error.path for error in index.errors()] == [empty]
        assert hit_paths(index, "润泽项目") == {junk}


def _built(root: Path) -> tuple[ArchiveIndex, int]:
    write_archive(root, days=1, singles=3)
    index = ArchiveIndex(root, workers=1)
    index.update()
    total = index.search("国").total
    index.close()
    return index, total


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"not a database " * 1000), id="garbage"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:9000]), id="truncated"),
        pytest.param(
            lambda path: path.write_bytes(path.read_bytes()[:4096] + b"\xff" * 8192), id="scribbled"
        ),
    ],
)
def test_a_corrupt_index_is_set_aside_and_rebuilt(tmp_path: Path, damage) -> None:
    index, total = _built(tmp_path / "archive")
    damage(index.db_path)
    with ArchiveIndex(tmp_path / "archive", workers=1) as again:
        report = again.update()
        result = again.search("国")
    notices = report.notices + result.notices
    assert len(notices) == 1 and "set aside" in notices[0]
    assert result.total == total
    assert list(index.db_path.parent.glob("*.corrupt-*"))


def test_corruption_found_while_searching_is_a_notice(tmp_path: Path) -> None:
    index, _ = _built(tmp_path / "archive")
    with index.db_path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * (index.db_path.stat().st_size - 4096))
    with ArchiveIndex(tmp_path / "archive", workers=1) as again:
        result = again.search("国")
        assert result.total == 0 and "set aside" in result.notices[0]
        assert again.update().added > 0
        assert again.search("国").total > 0


def test_another_schema_version_is_rebuilt(tmp_path: Path) -> None:
    index, total = _built(tmp_path / "archive")
    with sqlite3.connect(index.db_path) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'version'")
    connection.close()
    with ArchiveIndex(tmp_path / "archive", workers=1) as again:
        report = again.update()
        assert "schema 0" in report.notices[0]
        assert again.search("国").total == total
    assert list(index.db_path.parent.glob("*.stale-*"))


def test_a_database_of_something_else_is_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    write_archive(root, days=2, singles=2)
    path = index_file(root)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes(text)")
    connection.close()
    with ArchiveIndex(root, workers=1) as index:
        report = index.update()
        assert "not a paper-tui search index" in report.notices[0]
        assert index.search("国").total > 0


def test_a_new_loader_reads_every_file_again(tmp_path: Path) -> None:
    index, total = _built(tmp_path / "archive")
    with sqlite3.connect(index.db_path) as connection:
        connection.execute("UPDATE meta SET value = '0.0.0' WHERE key = 'loader'")
    connection.close()
    with ArchiveIndex(tmp_path / "archive", workers=1) as again:
        report = again.update()
        assert report.changed == report.files and not report.notices
        assert again.search("国").total == total
        assert not again.update().has_changes


def test_cancelled_update_is_completed_by_the_next(tmp_path: Path) -> None:
    files = write_archive(tmp_path, days=2, singles=2)
    cancel = threading.Event()

    def stop_after_three(done: int, total: int, path: str) -> None:
        if done == 3:
            cancel.set()

    with ArchiveIndex(tmp_path, workers=1) as index:
        report = index.update(progress=stop_after_three, cancel=cancel)
        assert report.cancelled and report.added == 3
        report = index.update()
        assert not report.cancelled and report.added == len(files) - 3
        assert index.count() == len(articles_of(files))


def test_update_in_a_worker_thread_while_searching(tmp_path: Path) -> None:
    files = write_archive(tmp_path, days=2, singles=2)
    index = ArchiveIndex(tmp_path, workers=1)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            index.update()
        except BaseException as error:
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        index.search("国")
    worker.join()
    assert errors == []
    assert index.count() == len(articles_of(files))
    index.close()


def test_two_updates_at_once_index_every_article_once(tmp_path: Path) -> None:
    files = write_archive(tmp_path, days=2, singles=2)
    first, second = ArchiveIndex(tmp_path, workers=1), ArchiveIndex(tmp_path, workers=1)
    errors: list[BaseException] = []

    def update(index: ArchiveIndex) -> None:
        try:
            index.update()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=update, args=(index,)) for index in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert first.count() == second.count() == len(articles_of(files))
    assert first.search("国", limit=None) == second.search("国", limit=None)
    first.close()
    second.close()


def _tasks(root: Path) -> list[reading.ReadTask]:
    files = write_archive(root)
    return [reading.ReadTask(str(path), str(path), 0, 0) for path in files]


def test_worker_processes_read_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = _tasks(tmp_path)
    assert len(tasks) >= reading.POOL_MIN_FILES
    here = {task.key: reading.read_file(task) for task in tasks}

    def not_here(task: reading.ReadTask) -> reading.FileRead:
        raise AssertionError("read in this process")

    monkeypatch.setattr(reading, "read_file", not_here)
    there = {result.task.key: result for result in reading.read_files(tasks, workers=2)}
    assert there == here


def test_files_are_read_here_when_no_worker_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = _tasks(tmp_path)
    monkeypatch.setattr(reading.sys, "executable", str(tmp_path / "no-python"))
    assert len(list(reading.read_files(tasks, workers=2))) == len(tasks)


def test_cancelling_stops_the_workers(tmp_path: Path) -> None:
    tasks = _tasks(tmp_path)
    cancel = threading.Event()
    results = []
    for result in reading.read_files(tasks, workers=2, cancel=cancel):
        results.append(result)
        cancel.set()
    assert 1 <= len(results) < len(tasks)


def test_workers_wait_while_their_results_are_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "QUEUED_RESULTS", 1)
    tasks = _tasks(tmp_path)
    done = threading.Event()
    taken = []

    def take_two() -> None:
        for result in reading.read_files(tasks, workers=2):
            taken.append(result)
            if len(taken) == 2:
                break  # the generator is closed with results still coming
        done.set()

    threading.Thread(target=take_two, daemon=True).start()
    assert done.wait(30), "a worker's results were left waiting for room forever"
    assert len(taken) == 2
    everything = list(reading.read_files(tasks, workers=2))
    assert sorted(r.task.key for r in everything) == sorted(t.key for t in tasks)


def test_worker_processes_index_the_same(tmp_path: Path) -> None:
    write_archive(tmp_path)
    serial = ArchiveIndex(tmp_path, workers=1, home=tmp_path / "serial")
    parallel = ArchiveIndex(tmp_path, workers=2, home=tmp_path / "parallel")
    assert serial.update().added == parallel.update().added == 30
    for query in ("国", "项目", "高质量发展", "gdp"):
        assert serial.search(query, limit=None) == parallel.search(query, limit=None)
    serial.close()
    parallel.close()


def test_one_file_holding_several_pages(tmp_path: Path) -> None:
    page = "{n} 要闻\n\n润泽项目开工仪式\n\n" + "\n".join(
        body_with("润泽", 2)[i : i + 14] for i in range(0, 302, 14)
    )
    path = tmp_path / "2025-02-09.txt"
    path.write_text(page.format(n=1) + "\f" + page.format(n=2), encoding="utf-8")
    with ArchiveIndex(path, workers=1) as index:
        index.update()
        hits = index.search("润泽").hits
    assert sorted(hit.page for hit in hits) == [1, 2]
    assert {hit.path for hit in hits} == {path}
    assert {hit.date for hit in hits} == {"2025-02-09"}


def test_a_missing_root_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no such file or folder"):
        ArchiveIndex(tmp_path / "nowhere").update()


def test_pages_are_listed_for_the_tree_and_a_whole_issue_file_numbered_by_place(
    tmp_path: Path,
) -> None:
    page = "城市工作会议召开\n\n" + "\n".join(
        body_with("润泽", 2)[i : i + 14] for i in range(0, 300, 14)
    )
    (tmp_path / "issue.txt").write_text(page + "\n\f" + page.replace("城市", "乡村") + "\n")
    one_article(tmp_path, "2025-03-01/01.txt", "科技创新大会举行", body_with("润泽", 1))
    with ArchiveIndex(tmp_path, workers=1) as index:
        index.update()
        last, rows = index.pages()
        assert sorted((row.path.name, row.page, row.articles) for row in rows) == [
            ("01.txt", 1, 1),
            ("issue.txt", 1, 1),
            ("issue.txt", 2, 1),
        ]
        assert index.pages(last) == (last, [])
        [headline] = index.headlines(tmp_path / "issue.txt", 2)
        assert headline.headline == "乡村工作会议召开"
        # A file changed is listed again, whole.
        changed = one_article(tmp_path, "2025-03-01/01.txt", "新的标题", body_with("润泽", 3))
        os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
        index.update()
        after, rows = index.pages(last)
        assert after > last and [(row.path.name, row.page) for row in rows] == [("01.txt", 1)]


def segments(index: ArchiveIndex, table: str) -> int:
    """How many segments an FTS5 table of the index has (the structure record lists them)."""
    with sqlite3.connect(index.db_path) as connection:
        (blob,) = connection.execute(f"SELECT block FROM {table}_data WHERE id = 10").fetchone()
    # The structure record: a cookie (4 bytes), then varints: levels, segments, ...
    _levels, at = _varint(blob, 4)
    count, _ = _varint(blob, at)
    return count


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for shift in range(0, 63, 7):
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            break
    return value, at


def test_a_large_update_leaves_each_search_table_in_one_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(updating, "BATCH_FILES", 1)  # a segment per file written
    files = write_archive(tmp_path)
    index = ArchiveIndex(tmp_path, workers=1)
    index.update()
    assert [segments(index, table) for table in ("grams", "strata")] == [1, 1]
    # The merge went through the write-ahead log, which is cut back since.
    wal = Path(f"{index.db_path}-wal")
    assert not wal.exists() or wal.stat().st_size < index.db_path.stat().st_size / 4
    with files[0].open("a", encoding="utf-8") as handle:
        handle.write("本报讯 又一篇文章的第一段。\n")
    index.update()  # a small share of the index: left to FTS5's own merging
    assert segments(index, "grams") > 1
    assert hit_paths(index, "又一篇") == {files[0]}
