"""Measure an archive of distinct pages: opening it, indexing it, searching it, in one run.

Usage: python benchmarks/archive.py --corpus DIR [--pages 10000] [--runs 5] [--keep DIR]
       [--seed 1] [--timeout 30]

The archive is generated first, in a temporary folder (or in ``--keep DIR``, which is left in
place), in a folder named ``archive-N``. Its pages are made from the sample page and the corpus's
default-mode pdftotext pages (``*.layout.txt`` is left out; a file that is not UTF-8 or is less
than 30% Chinese characters, i.e. garbled, is skipped with a note): each source is cut into
blocks of consecutive non-blank lines (column-wrapped text), date and page-number lines dropped.
Page k is a date line (``2024年3月5日 星期二``) and a page header (``5 要闻``), then blocks drawn
at random until a size drawn from 5-15 KB is reached, every digit in them redrawn, and a last line
「第k期」; so no two pages are alike and no cache or deduplication can shortcut the work. Issues of
4-24 pages over 2019-2024 lie mostly in ``YYYY-MM-DD/NN.txt``, about one in seven in
``rmrb/rmrbYYYYMMDDNN.txt``. Every process runs with PAPER_TUI_HOME in a temporary folder, and
the in-process index uses the same one, so nothing touches your files. It prints:

- index build: a cold ``ArchiveIndex.update()`` of the whole archive (wall time, pages/s, the
  report's counts) and its peak RSS (``getrusage``: this process, and the largest worker process);
- search: a fixed, printed query set (1-, 2- and 4-character words and phrases, common and rare),
  each searched in-process on the warm index once, then 20 times timed (median, p95), against
  ``grep -rcF QUERY ARCHIVE`` over the same files in the same run (median of 3): the ratio
  (target >= 10); then whole ``python -m paper_tui search ARCHIVE QUERY`` processes against grep,
  medians of ``--runs`` (target: faster);
- re-index: one line of Chinese appended to 10 random pages, then ``update()`` timed, with the
  files re-read and the articles re-indexed (and an update with nothing changed, for scale);
- first screen, in a real terminal (a 100x30 session of a private tmux server, see startup.py):
  ``python -m paper_tui`` on the sample page until its first headline and text show, against
  ``python -m paper_tui ARCHIVE`` until the folder's name (``archive-N``) shows, warm (the index
  built) and cold (a fresh PAPER_TUI_HOME holding only jieba's dictionary cache, so no index),
  medians of ``--runs`` and both ratios (target <= 1.5); once, warm, the time until every issue is
  in the tree with its pages counted and the update check is done (the status counts them all);
  and the app's peak RSS (VmHWM) with the archive open for 3 s. A case not ready within
  ``--timeout`` seconds is reported as timed out.

Only figures are printed, nothing is asserted: machines are shared and noisy, which is why every
target is a ratio against a baseline measured in the same run. Needs tmux and grep.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import platform
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import paper_tui
from paper_tui.folders import paths
from paper_tui.search import ArchiveIndex
from startup import FIRST_TEXT, HEADLINE, SEED, SIZE, Terminal, has, keywords_shown, tmux

SRC = str(Path(paper_tui.__file__).resolve().parents[1])  # children import the code we import
MIN_CJK_SHARE = 0.3
PAGE_BYTES = (5_000, 15_000)
ISSUE_PAGES = (4, 24)
YEARS = (2019, 2024)
FLAT_SHARE = 1 / 7
SECTIONS = ("要闻", "综合", "经济", "理论", "国际", "文化", "社会", "体育", "评论", "副刊")
WEEKDAYS = "一二三四五六日"
# Fixed, so every run searches the same words: (kind, query). Rarity as measured on the block pool
# (the corpus pages and the sample): 的 is in 60% of the blocks, 鑫, 茶叶 and 粮食安全 in one each.
QUERIES = (
    ("1 char, common", "的"),
    ("1 char, rare", "鑫"),
    ("2 chars, common", "发展"),
    ("2 chars, rare", "茶叶"),
    ("4 chars, common", "社会主义"),
    ("4 chars, rare", "粮食安全"),
    ("phrase, common", "新时代中国特色社会主义"),
    ("phrase, rare", "郑州国际大宗商品交易中心"),
)
PROCESS_QUERIES = ("的", "茶叶", "新时代中国特色社会主义")
SEARCH_REPEATS = 20
GREP_REPEATS = 3
TOUCHED_FILES = 10
APPENDED_LINE = "本报讯 编者按：本版稿件所涉数据均以有关部门最终公布为准，特此说明。"
OPEN_SECONDS = 3.0
POLL = 0.004
TARGET_SEARCH = 10.0
TARGET_SCREEN = 1.5
# A date line or a page header of the sources (「2018 年 1 月 5 日 星期五」, 「7 理论」, 「A06」):
# furniture of the page it came from, which must not head a generated page.
_FURNITURE = re.compile(
    r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*|[A-Za-z]?\d{1,3}(?:\s*版)?"
    r"(?:\s*[\u4e00-\u9fff·]{2,8})?)\s*$"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")  # CJK Unified Ideographs
_DIGIT = re.compile(r"\d")
LABEL = 44
VALUE = 10
MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive non-blank lines of a source page, and their size in UTF-8."""

    text: str
    size: int


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of *.txt pages")
    parser.add_argument("--pages", type=int, default=10_000, help="pages in the archive")
    parser.add_argument("--runs", type=int, default=5, help="launches of each app (default 5)")
    parser.add_argument("--keep", type=Path, help="make the archive in DIR and keep it")
    parser.add_argument("--seed", type=int, default=1, help="seed of the page generator")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a screen")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.runs < 1 or args.timeout <= 0:
        parser.error("--pages, --runs and --timeout must be positive")
    return args


def progress(message: str) -> None:
    """Tell the user on stderr what is being measured."""
    print(f"[archive] {message}", file=sys.stderr, flush=True)


def heading(title: str) -> None:
    """Print a section title, underlined."""
    print(f"\n{title}\n{'-' * len(title)}", flush=True)


def row(label: str, value: str, unit: str = "", note: str = "") -> None:
    """Print one aligned line: label, right-aligned value, unit and an optional note."""
    line = f"  {pad(label, LABEL)}{value:>{VALUE}} {unit:<3}"
    print(f"{line} {note}".rstrip(), flush=True)


def info(label: str, text: str) -> None:
    """Print one line of context: label and left-aligned text."""
    print(f"  {pad(label, LABEL)}{text}", flush=True)


def pad(text: str, cells: int) -> str:
    """``text`` padded with spaces to ``cells`` terminal cells (Chinese takes two each)."""
    width = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, cells - width)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    """Seconds as milliseconds, for a value column."""
    return f"{seconds * 1000:.1f}"


def read_blocks(corpus: Path) -> tuple[list[Block], int, list[str]]:
    """The block pool of the sample and the corpus pages, how many pages gave it, notes."""
    blocks: list[Block] = []
    notes: list[str] = []
    used = 0
    for path in [SEED, *sorted(corpus.rglob("*.txt"))]:
        name = path.name if path == SEED else str(path.relative_to(corpus))
        if path.name.endswith(".layout.txt"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            notes.append(f"{name}: not UTF-8")
            continue
        visible = sum(not char.isspace() for char in text)
        if not visible or len(_CJK.findall(text)) < MIN_CJK_SHARE * visible:
            notes.append(f"{name}: garbled (under {MIN_CJK_SHARE:.0%} Chinese characters)")
            continue
        used += 1
        lines: list[str] = []
        for line in [*text.replace("\f", "\n").split("\n"), ""]:
            if line.strip() and not _FURNITURE.match(line):
                lines.append(line)
            elif lines:
                block = "\n".join(lines)
                blocks.append(Block(block, len(block.encode("utf-8")) + 2))
                lines = []
    return blocks, used, notes


def issue_plan(count: int, rng: random.Random) -> list[tuple[datetime.date, int, bool]]:
    """(date, pages, flat naming) of issues holding ``count`` pages, on distinct dates."""
    first = datetime.date(YEARS[0], 1, 1)
    days = (datetime.date(YEARS[1], 12, 31) - first).days + 1
    used: dict[bool, set[int]] = {False: set(), True: set()}
    plan = []
    left = count
    while left:
        pages = min(left, rng.randint(*ISSUE_PAGES))
        flat = rng.random() < FLAT_SHARE
        day = rng.randrange(days)
        while day in used[flat] and len(used[flat]) < days:
            day = rng.randrange(days)
        used[flat].add(day)
        plan.append((first + datetime.timedelta(days=day), pages, flat))
        left -= pages
    return plan


def make_page(
    date: datetime.date, number: int, serial: int, pool: Sequence[Block], rng: random.Random
) -> str:
    """One page: date line, page header, random blocks with redrawn digits, a line 第serial期."""
    weekday = WEEKDAYS[date.weekday()]
    section = SECTIONS[(number - 1) % len(SECTIONS)]
    parts = [f"{date.year}年{date.month}月{date.day}日 星期{weekday}", f"{number} {section}", ""]
    target = rng.randint(*PAGE_BYTES)
    size = 0
    while size < target:
        block = rng.choice(pool)
        parts.append(_DIGIT.sub(lambda _: str(rng.randrange(10)), block.text))
        parts.append("")
        size += block.size
    parts.append(f"第{serial}期")
    return "\n".join(parts) + "\n"


def make_archive(root: Path, count: int, pool: Sequence[Block], seed: int) -> tuple[int, int, int]:
    """Write ``count`` pages below ``root``; return the bytes written, issues and flat pages."""
    rng = random.Random(seed)
    written = flat_pages = serial = 0
    plan = issue_plan(count, rng)
    for date, pages, flat in plan:
        if flat:
            folder = root / "rmrb"
            names = [f"rmrb{date:%Y%m%d}{number:02d}.txt" for number in range(1, pages + 1)]
            flat_pages += pages
        else:
            folder = root / f"{date:%Y-%m-%d}"
            names = [f"{number:02d}.txt" for number in range(1, pages + 1)]
        folder.mkdir(parents=True, exist_ok=True)
        for number, name in enumerate(names, 1):
            serial += 1
            data = make_page(date, number, serial, pool, rng).encode("utf-8")
            (folder / name).write_bytes(data)
            written += len(data)
    return written, len(plan), flat_pages


def build_index(archive: Path, home: Path, pages: int) -> ArchiveIndex:
    """Index the archive from nothing, timed; print the figures and peak memory."""
    heading(f"Index build (cold ArchiveIndex.update(), {pages} pages)")
    index = ArchiveIndex(archive, home=home)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    report = index.update(progress=lambda done, total, _path: _tick(done, total))
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    row("wall time", f"{wall:.1f}", "s")
    row("pages per second", f"{report.files / wall:.1f}")
    row("files found", f"{report.files}", note=f"({report.added} added)")
    row("files unreadable", f"{len(report.failed)}")
    row("articles indexed", f"{index.count()}")
    row("worker processes", f"{index.workers}")
    files = [index.db_path, index.db_path.with_name(index.db_path.name + "-wal")]
    stored = sum(file.stat().st_size for file in files if file.exists())
    row("index size (database and its WAL)", f"{stored / MB:.1f}", "MB")
    row(
        "peak RSS, this process",
        f"{own / 1000:.1f}",
        "MB",
        f"(before the build {before / 1000:.1f})",
    )
    row("peak RSS, largest worker process", f"{worker / 1000:.1f}", "MB")
    return index


def _tick(done: int, total: int) -> None:
    if done == total or done % 500 == 0:
        progress(f"indexed {done}/{total} files")


def time_grep(query: str, archive: Path, repeats: int) -> tuple[float, int]:
    """Median wall seconds of ``grep -rcF query archive`` and the matching lines it counted."""
    times = []
    lines = 0
    for _ in range(repeats):
        started = time.perf_counter()
        done = subprocess.run(["grep", "-rcF", query, str(archive)], capture_output=True)
        times.append(time.perf_counter() - started)
        lines = sum(int(line.rsplit(b":", 1)[1]) for line in done.stdout.splitlines())
    return statistics.median(times), lines


def time_searches(index: ArchiveIndex, archive: Path) -> None:
    """Warm in-process search against grep over the same files, query by query."""
    heading(f"Search: in-process, warm ({SEARCH_REPEATS} runs) vs grep -rcF (median of 3)")
    print(
        f"  {'query':<42}{'hits':>6}{'median ms':>11}{'p95 ms':>9}{'grep ms':>9}{'lines':>8}  ratio"
    )
    every: list[float] = []
    ratios: list[float] = []
    for kind, query in QUERIES:
        total = index.search(query).total
        times = []
        for _ in range(SEARCH_REPEATS):
            started = time.perf_counter()
            index.search(query)
            times.append(time.perf_counter() - started)
        every.extend(times)
        grep, lines = time_grep(query, archive, GREP_REPEATS)
        median = statistics.median(times)
        ratios.append(grep / median)
        p95 = percentile(times, 0.95)
        print(
            f"  {kind:<16}{pad(query, 26)}{total:>6}{median * 1000:>11.1f}{p95 * 1000:>9.1f}"
            f"{grep * 1000:>9.1f}{lines:>8}{grep / median:>7.1f}x",
            flush=True,
        )
    print("  (hits: articles found by the index; lines: lines grep counted, words wrapped across")
    print("  lines or spaced out by pdftotext escape it; ratio: grep median / search median)")
    row("all queries, median", ms(statistics.median(every)), "ms")
    row("all queries, p95", ms(percentile(every, 0.95)), "ms")
    lowest = min(ratios)
    verdict = "meets" if lowest >= TARGET_SEARCH else "misses"
    row("lowest ratio (target >= 10)", f"{lowest:.1f}", "x", f"{verdict} the target")
    row("geometric mean of the ratios", f"{statistics.geometric_mean(ratios):.1f}", "x")


def time_processes(archive: Path, env: dict[str, str], runs: int) -> None:
    """Whole ``paper-tui search`` processes (warm index) against grep, medians of ``runs``."""
    heading(f"Search: whole `python -m paper_tui search` vs grep -rcF (medians of {runs} runs)")
    command = [sys.executable, "-m", "paper_tui", "search", str(archive)]
    # Byte-code is written and used, as after an installation, whatever the caller's shell says.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment.update(env)
    for query in PROCESS_QUERIES:
        times = []
        for _ in range(runs + 1):  # the first is a warm-up
            started = time.perf_counter()
            done = subprocess.run([*command, query], capture_output=True, env=environment)
            times.append(time.perf_counter() - started)
            if done.returncode:
                error = done.stderr.decode("utf-8", "replace").strip().splitlines()
                info(query, f"paper-tui search failed: {error[-1] if error else '?'}")
                return
        search = statistics.median(times[1:])
        grep, _ = time_grep(query, archive, runs)
        verdict = "faster" if search < grep else "NOT faster"
        row(f"{query}: paper-tui search", ms(search), "ms")
        row(f"{query}: grep -rcF", ms(grep), "ms")
        row(
            f"{query}: ratio grep / search",
            f"{grep / search:.2f}",
            "x",
            f"{verdict} (target: faster)",
        )


def time_reindex(index: ArchiveIndex, archive: Path, seed: int) -> None:
    """Append a line to 10 random pages and time the update that follows."""
    heading(f"Re-index after appending a line to {TOUCHED_FILES} pages")
    started = time.perf_counter()
    idle = index.update()
    idle_wall = time.perf_counter() - started
    row("update with nothing changed", ms(idle_wall), "ms", f"({idle.files} files listed)")
    pages = sorted(archive.rglob("*.txt"))
    chosen = random.Random(seed + 1).sample(pages, min(TOUCHED_FILES, len(pages)))
    for path in chosen:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(APPENDED_LINE + "\n")
    started = time.perf_counter()
    report = index.update()
    wall = time.perf_counter() - started
    keys = [path.relative_to(archive).as_posix() for path in chosen]
    articles = (
        index.database.connection()
        .execute(
            "SELECT count(*) FROM articles JOIN files ON files.id = articles.file"
            f" WHERE files.path IN ({', '.join('?' * len(keys))})",
            keys,
        )
        .fetchone()[0]
    )
    row("update after the appends", ms(wall), "ms")
    row("files re-read", f"{report.added + report.changed + report.touched}")
    row(
        "files changed",
        f"{report.changed}",
        note=f"({report.added} added, {report.removed} removed)",
    )
    row("articles re-indexed", f"{articles}")


def pane_tree(term: Terminal) -> list[int]:
    """The process ids in the terminal's pane: its first process, then its descendants."""
    answer = tmux("display-message", "-p", "-t", term.name, "#{pane_pid}").stdout.strip()
    if not answer.isdigit():
        return []
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    tree = [int(answer)]
    for pid in tree:
        tree.extend(children.get(pid, ()))
    return tree


def cmdline(pid: int) -> bytes:
    """A process's command line, empty once it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def peak_rss(pid: int) -> int | None:
    """A process's peak resident set (VmHWM), in kB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) if found else None


def wait_for(term: Terminal, ready: Callable[[str], bool], timeout: float) -> float | None:
    """Seconds from launch until ``ready(screen)`` holds, or None after ``timeout`` seconds."""
    while True:
        if ready(term.screen()):
            return time.perf_counter() - term.started
        if time.perf_counter() - term.started > timeout:
            return None
        time.sleep(POLL)


def close(term: Terminal) -> None:
    """Quit the app; end whatever it started that outlives it (a loader child, workers)."""
    tree = {pid: cmdline(pid) for pid in pane_tree(term)}
    term.close()
    for pid, line in tree.items():
        if line and cmdline(pid) == line:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def launch(
    args: Sequence[str], env: dict[str, str], ready: Callable[[str], bool], timeout: float
) -> float | None:
    """Seconds until an app's first screen is ready (None: timed out); the app is closed."""
    term = Terminal([sys.executable, "-m", "paper_tui", *args], env)
    try:
        return wait_for(term, ready, timeout)
    finally:
        close(term)


def first_screens(archive: Path, home: Path, env: dict[str, str], args: argparse.Namespace) -> None:
    """The reader's first screen: one page against the archive, warm and cold; the app's RSS."""
    heading(f"First screen ({SIZE[0]}x{SIZE[1]} tmux, medians of {args.runs} runs)")
    one, ready_archive = has(HEADLINE, FIRST_TEXT), has(archive.name)
    samples: dict[str, list[float]] = {"one": [], "warm": [], "cold": []}
    timed_out: set[str] = set()
    progress("first screen: warm-up (byte-code, jieba's cache)")
    launch([str(SEED)], env, keywords_shown, args.timeout)
    term = Terminal([sys.executable, "-m", "paper_tui", str(archive)], env)
    warm_up = wait_for(term, ready_archive, args.timeout)
    # Every issue in the tree with its pages, and the update check done: the status counts them.
    all_pages = has(f"期 · {args.pages} 版")
    tree_full = None if warm_up is None else wait_for(term, all_pages, args.timeout)
    time.sleep(OPEN_SECONDS)
    app = next((pid for pid in pane_tree(term) if b"paper_tui" in cmdline(pid)), None)
    memory = None if app is None else peak_rss(app)
    close(term)
    if warm_up is None:
        timed_out = {"warm", "cold"}
    jieba = paths(home).cache_dir / "jieba"
    for run in range(args.runs):
        progress(f"first screen: run {run + 1} of {args.runs}")
        shutil.rmtree(paths(home).state_dir, ignore_errors=True)  # open from the top
        for case in ("one", "warm", "cold"):
            if case in timed_out:
                continue
            case_env, target, ready = env, [str(archive)], ready_archive
            if case == "one":
                target, ready = [str(SEED)], one
            elif case == "cold":
                fresh = home.parent / f"cold-home-{run}"
                if jieba.is_dir():
                    shutil.copytree(jieba, paths(fresh).cache_dir / "jieba")
                case_env = {**env, "PAPER_TUI_HOME": str(fresh)}
            shutil.rmtree(paths(home).state_dir, ignore_errors=True)
            seconds = launch(target, case_env, ready, args.timeout)
            if seconds is None:
                timed_out.add(case)
            else:
                samples[case].append(seconds)
    if "one" in timed_out:
        info("one page (sample), headline and text", f"timed out after {args.timeout:.0f} s")
        return
    base = statistics.median(samples["one"])
    row("one page (sample), headline and text", ms(base), "ms")
    for case, label in (("warm", "index built"), ("cold", "no index")):
        name = f"archive, {label}, folder name"
        if case in timed_out:
            info(name, f"timed out after {args.timeout:.0f} s")
            info(f"  ratio (target <= {TARGET_SCREEN})", "n/a")
            continue
        median = statistics.median(samples[case])
        ratio = median / base
        verdict = "meets" if ratio <= TARGET_SCREEN else "misses"
        row(name, ms(median), "ms")
        row(f"  ratio (target <= {TARGET_SCREEN})", f"{ratio:.2f}", note=f"{verdict} the target")
    name = "archive, every issue in the tree (warm, once)"
    if tree_full is None:
        info(name, f"not within {args.timeout:.0f} s")
    else:
        row(name, ms(tree_full), "ms")
    if warm_up is None:
        state = f"folder name not on screen after {args.timeout:.0f} s, then {OPEN_SECONDS:.0f} s"
    else:
        state = f"open {OPEN_SECONDS:.0f} s after its first screen"
    if memory is None:
        info("app peak RSS (VmHWM), archive open", "the app process was not found")
    else:
        row("app peak RSS (VmHWM), archive open", f"{memory / 1000:.1f}", "MB", f"({state})")
    spread = {case: (min(v), max(v)) for case, v in samples.items() if v}
    print(
        "  min-max (ms): "
        + ", ".join(f"{n} {a * 1000:.0f}-{b * 1000:.0f}" for n, (a, b) in spread.items())
    )


def measure(args: argparse.Namespace, folder: Path) -> int:
    """Generate the archive in or below ``folder`` and run every measurement."""
    progress("reading the source pages")
    pool, used, notes = read_blocks(args.corpus)
    if not pool:
        print(f"{args.corpus}: no page text to build from", file=sys.stderr)
        return 2
    archive = (args.keep or folder) / f"archive-{args.pages}"
    if archive.exists():
        print(f"{archive}: already exists; choose another --keep folder", file=sys.stderr)
        return 2
    home = folder / "home"
    # Exported to every process the benchmark starts (on the command line, in tmux).
    env = {"PAPER_TUI_HOME": str(home), "PYTHONPATH": SRC, "TERM": "xterm-256color"}
    print("paper-tui archive benchmark")
    print("===========================")
    info("Python", f"{platform.python_version()} ({platform.python_implementation()})")
    info("platform", platform.platform())
    info("CPUs", str(os.cpu_count()))
    info(
        "source pages used", f"{used} (the sample and {used - 1} corpus pages), {len(pool)} blocks"
    )
    for note in notes:
        info("skipped", note)

    heading(f"Archive: {args.pages} distinct pages (seed {args.seed})")
    progress(f"writing {args.pages} pages to {archive}")
    started = time.perf_counter()
    size, issues, flat = make_archive(archive, args.pages, pool, args.seed)
    info("folder", str(archive))
    row("generated in", f"{time.perf_counter() - started:.1f}", "s")
    row("size", f"{size / MB:.1f}", "MB", f"(mean page {size / args.pages / 1000:.1f} kB)")
    row("issues (YYYY-MM-DD/NN.txt and flat)", f"{issues}")
    row("pages named rmrb/rmrbYYYYMMDDNN.txt", f"{flat}")

    progress("building the index")
    with build_index(archive, home, args.pages) as index:
        progress("timing searches")
        time_searches(index, archive)
        progress("timing search processes")
        time_processes(archive, env, args.runs)
        progress("timing a re-index")
        time_reindex(index, archive, args.seed)
    tmux("new-session", "-d", "-s", "idle", "sleep 86400", check=True)
    try:
        first_screens(archive, home, env, args)
    finally:
        tmux("kill-server")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    args = parse_args(argv)
    for tool in ("tmux", "grep"):
        if shutil.which(tool) is None:
            print(f"archive.py needs {tool}", file=sys.stderr)
            return 2
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a folder", file=sys.stderr)
        return 2
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="paper-tui-archive-") as tmp:
        status = measure(args, Path(tmp))
    print(f"\nbenchmark wall time: {time.perf_counter() - began:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
