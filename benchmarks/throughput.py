"""Measure the loader's throughput and memory, and weigh one issue against Textual's start-up.

Usage: python benchmarks/throughput.py --corpus DIR [--pages 1000] [--runs 5]

DIR holds pdftotext page files (``*.txt``, in subfolders too; ``*.layout.txt``, pages in layout
mode, are left out); files the loader rejects are
skipped with a note, and the repository's sample page (``seeds/``) is always added. From these
source pages the script builds distinct page texts in memory (page k: source k mod the number
of sources, its blocks after the first shuffled with ``random.Random(k)``, a line 「第k期」
appended), so no cache or deduplication can shortcut the work. It prints:

- throughput: pages/s and MB/s of input over ``--pages`` pages loaded one by one with
  ``load(bytes, name=...)``, after a short warm-up, with per-page mean, median and p95;
- peak memory (tracemalloc, in passes of their own): loading the pages one after another keeping
  only the last document, and keeping all of them (an archive held in memory);
- one 24-page issue (pages joined with form feeds) loaded in-process, median of ``--runs``,
  against the start-up of a bare Textual app (one Static, ``App.run_test()``, headless) as a real
  child process minus a bare ``python -c "pass"``, medians of ``--runs``, and whether the
  issue costs less than a quarter of that start-up;
- the machine: Python, platform, CPU count, source pages used.

Only figures are printed, nothing is asserted: machines are shared and noisy, so the Textual
baseline is measured in the same run. 1 MB = 10**6 bytes. Tracing every allocation makes the
two memory passes several times slower than the timed pass; they run in two worker processes,
side by side when there are two CPUs, after all timing is done.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from paper_tui.loader import LoadError, load

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pinghu-2025-02-page1.txt"
ISSUE_PAGES = 24
TARGET_RATIO = 0.25
WARMUP_PAGES = 5
# Page numbers k of the issue and of the warm-up pages: fixed, so the issue is the same whatever
# --pages is, and beyond the pages the throughput and memory passes load.
ISSUE_FIRST = 1_000_000_000
WARMUP_FIRST = 2_000_000_000
MB = 1_000_000
LABEL = 34
VALUE = 12

# A bare Textual app: one Static, headless, gone as soon as it is mounted.
TEXTUAL_APP = """\
import asyncio
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("paper-tui")

async def main():
    async with Bare().run_test() as pilot:
        await pilot.pause()

asyncio.run(main())
"""


@dataclass(frozen=True, slots=True)
class Source:
    """A source page: where it came from and its text."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Spread:
    """The median, minimum and maximum of repeated measurements."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        """The spread of a non-empty sequence."""
        return cls(statistics.median(values), min(values), max(values))


def positive(value: str) -> int:
    """Argparse type: an integer of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of *.txt pages")
    parser.add_argument("--pages", type=positive, default=1000, help="distinct pages to load")
    parser.add_argument("--runs", type=positive, default=5, help="runs for the medians")
    return parser.parse_args(argv)


def progress(message: str) -> None:
    """Tell the user on stderr what is being measured."""
    print(f"[throughput] {message}", file=sys.stderr, flush=True)


def read_source(path: Path, name: str) -> Source | str:
    """A source page, or why it cannot be one."""
    data = path.read_bytes()
    try:
        load(data, name=name)
        text = data.decode("utf-8")
    except LoadError as error:
        return f"{name}: {error.message}"
    except UnicodeDecodeError:
        return f"{name}: not UTF-8"
    return Source(name, text)


def find_sources(corpus: Path) -> tuple[list[Source], list[str]]:
    """The corpus pages the loader accepts and notes on those it rejects."""
    sources: list[Source] = []
    skipped: list[str] = []
    for path in sorted(corpus.rglob("*.txt")):
        # Layout-mode copies of the same pages are read by another path, and shuffling their
        # blocks would cut their rows apart: the default mode's pages only.
        if path.resolve() == SEED or path.name.endswith(".layout.txt"):
            continue
        found = read_source(path, str(path.relative_to(corpus)))
        if isinstance(found, Source):
            sources.append(found)
        else:
            skipped.append(found)
    return sources, skipped


def make_page(source: Source, k: int) -> str:
    """Page k: the source's blocks after the first shuffled by Random(k), then a line 第k期."""
    head, *blocks = source.text.rstrip("\f\n").split("\n\n")
    random.Random(k).shuffle(blocks)
    return "\n\n".join([head, *blocks, f"第{k}期"]) + "\n"


def build_pages(sources: Sequence[Source], count: int, start: int = 0) -> list[str]:
    """Distinct page texts k = start .. start + count - 1."""
    return [make_page(sources[k % len(sources)], k) for k in range(start, start + count)]


def encode_pages(texts: Sequence[str], start: int = 0) -> list[tuple[str, bytes]]:
    """(name, UTF-8 bytes) for each page text, named page{k}.txt from k = start."""
    return [(f"page{k}.txt", text.encode("utf-8")) for k, text in enumerate(texts, start)]


def time_loads(pages: Sequence[tuple[str, bytes]]) -> tuple[float, list[float]]:
    """Load every page, keeping only the last document: wall seconds and seconds per page."""
    each: list[float] = []
    clock = time.perf_counter
    started = clock()
    for name, data in pages:
        before = clock()
        document = load(data, name=name)
        each.append(clock() - before)
    wall = clock() - started
    del document
    return wall, each


def memory_pass(sources: Sequence[Source], count: int, keep_all: bool) -> tuple[int, int]:
    """Traced peak and final bytes while loading count pages, keeping the last or all documents."""
    pages = encode_pages(build_pages(sources, count))
    kept = []
    tracemalloc.start()
    try:
        for name, data in pages:
            document = load(data, name=name)
            if keep_all:
                kept.append(document)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del document, kept
    return peak, current


def memory_passes(sources: Sequence[Source], count: int) -> list[tuple[int, int]]:
    """Both memory passes, each in a fresh worker process, side by side when there are 2 CPUs."""
    workers = 2 if (os.cpu_count() or 1) >= 2 else 1
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(memory_pass, sources, count, keep) for keep in (False, True)]
        return [future.result() for future in futures]


def time_issue(data: bytes, runs: int) -> tuple[Spread, int]:
    """Median seconds to load one issue (after one warm-up load) and its page count."""
    pages = len(load(data, name="issue.txt").pages)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        load(data, name="issue.txt")
        times.append(time.perf_counter() - started)
    return Spread.of(times), pages


def child_env() -> dict[str, str]:
    """The environment for child processes: ours, with a sensible TERM and no Textual devtools."""
    env = dict(os.environ)
    if env.get("TERM", "") in ("", "dumb", "unknown"):
        env["TERM"] = "xterm-256color"
    env.pop("TEXTUAL", None)
    return env


def run_child(code: str, env: dict[str, str]) -> float:
    """Seconds from starting `python -c code` (this interpreter) to its exit, output discarded."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"]
        raise RuntimeError(f"child process failed ({done.returncode}): {lines[-1]}")
    return elapsed


def time_startups(runs: int) -> tuple[Spread, Spread]:
    """Interpreter and bare Textual app start-up, one warm-up each, then runs interleaved."""
    env = child_env()
    run_child("pass", env)
    run_child(TEXTUAL_APP, env)
    bare: list[float] = []
    textual: list[float] = []
    for _ in range(runs):
        bare.append(run_child("pass", env))
        textual.append(run_child(TEXTUAL_APP, env))
    return Spread.of(bare), Spread.of(textual)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def heading(title: str) -> None:
    """Print a section title, underlined."""
    print(f"\n{title}\n{'-' * len(title)}")


def row(label: str, value: str, unit: str = "", note: str = "") -> None:
    """Print one aligned line: label, right-aligned value, unit and an optional note."""
    line = f"  {label:<{LABEL}}{value:>{VALUE}} {unit:<4}"
    print(f"{line} {note}".rstrip() if note else line.rstrip(), flush=True)


def info(label: str, text: str) -> None:
    """Print one line of context: label and left-aligned text."""
    print(f"  {label:<{LABEL}}{text}", flush=True)


def spread_note(spread: Spread, scale: float, fmt: Callable[[float], str]) -> str:
    """'min .. max' of a spread, scaled and formatted."""
    return f"(min {fmt(spread.low * scale)}, max {fmt(spread.high * scale)})"


def ms(value: float) -> str:
    """Format milliseconds."""
    return f"{value:.1f}"


def report_machine(sources: Sequence[Source], corpus_count: int, skipped: Sequence[str]) -> None:
    """Print the machine context and the source pages used."""
    heading("Machine")
    info("Python", f"{platform.python_version()} ({platform.python_implementation()})")
    info("platform", platform.platform())
    info("CPUs", str(os.cpu_count()))
    seed = len(sources) - corpus_count
    info("source pages used", f"{len(sources)} ({corpus_count} from the corpus, {seed} seed)")
    for note in skipped:
        info("skipped (loader rejects it)", note)


def report_throughput(pages: Sequence[tuple[str, bytes]], wall: float, each: list[float]) -> None:
    """Print pages/s, MB/s and per-page times."""
    size = sum(len(data) for _, data in pages)
    heading(f"Throughput: {len(pages)} distinct pages, {size / MB:.2f} MB of UTF-8 input")
    row("pages per second", f"{len(pages) / wall:.1f}")
    row("input per second", f"{size / MB / wall:.3f}", "MB/s")
    row("total", f"{wall:.2f}", "s")
    row("per page, mean", ms(statistics.fmean(each) * 1000), "ms")
    row("per page, median", ms(statistics.median(each) * 1000), "ms")
    row("per page, p95", ms(percentile(each, 0.95) * 1000), "ms")
    row("per page, max", ms(max(each) * 1000), "ms")


def report_startup(issue: Spread, pages: int, size: int, bare: Spread, app: Spread) -> None:
    """Print the issue load against Textual's own start-up and the target verdict."""
    heading(f"One {ISSUE_PAGES}-page issue vs a bare Textual app's start-up (medians)")
    row("issue size", f"{size / MB:.2f}", "MB", note=f"({pages} pages loaded)")
    row("issue load, in-process", ms(issue.median * 1000), "ms", spread_note(issue, 1000, ms))
    row('python -c "pass", process', ms(bare.median * 1000), "ms", spread_note(bare, 1000, ms))
    row("textual app, process", ms(app.median * 1000), "ms", spread_note(app, 1000, ms))
    startup = app.median - bare.median
    row("textual start-up (difference)", ms(startup * 1000), "ms")
    if startup <= 0:
        row("ratio issue load / start-up", "n/a", note="(start-up not above interpreter start)")
        return
    ratio = issue.median / startup
    row("ratio issue load / start-up", f"{ratio:.3f}")
    budget = TARGET_RATIO * startup * 1000
    if ratio < TARGET_RATIO:
        verdict = f"yes: met ({ratio / TARGET_RATIO:.2f} of the {budget:.0f} ms budget)"
    else:
        verdict = f"NO: {ratio / TARGET_RATIO:.1f} times the {budget:.0f} ms budget"
    row(f"below {TARGET_RATIO}?", "", note=verdict)


def report_memory(count: int, stream: tuple[int, int], archive: tuple[int, int]) -> None:
    """Print the tracemalloc peaks of the two passes."""
    heading(f"Peak memory (tracemalloc, separate passes over the same {count} pages)")
    row("one by one, keeping the last", f"{stream[0] / MB:.2f}", "MB")
    row(f"keeping all {count} (archive)", f"{archive[0] / MB:.2f}", "MB")
    row("archive held after loading", f"{archive[1] / MB:.2f}", "MB")
    row("held per page in the archive", f"{archive[1] / count / 1000:.1f}", "kB")


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the report."""
    args = parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a folder", file=sys.stderr)
        return 2
    began = time.perf_counter()
    progress("checking source pages")
    sources, skipped = find_sources(args.corpus)
    if not sources:
        print(f"{args.corpus}: no *.txt page files the loader accepts", file=sys.stderr)
        return 2
    corpus_count = len(sources)
    if SEED.is_file():
        seed = read_source(SEED, f"seeds/{SEED.name}")
        if isinstance(seed, Source):
            sources.append(seed)
        else:
            skipped.append(seed)
    else:
        skipped.append(f"seeds/{SEED.name}: missing")

    print("paper-tui loader throughput")
    print("===========================")
    report_machine(sources, corpus_count, skipped)

    pages = encode_pages(build_pages(sources, args.pages))
    progress(f"warm-up: {WARMUP_PAGES} pages")
    time_loads(encode_pages(build_pages(sources, WARMUP_PAGES, WARMUP_FIRST), WARMUP_FIRST))
    progress(f"timing {len(pages)} pages")
    wall, each = time_loads(pages)
    report_throughput(pages, wall, each)

    issue = "\f".join(build_pages(sources, ISSUE_PAGES, ISSUE_FIRST)).encode("utf-8")
    progress(f"timing the {ISSUE_PAGES}-page issue, {args.runs} runs")
    issue_time, issue_pages = time_issue(issue, args.runs)
    progress(f"timing interpreter and Textual app start-up, {args.runs} runs")
    try:
        bare, app = time_startups(args.runs)
    except RuntimeError as error:
        print(f"textual baseline: {error}", file=sys.stderr)
        return 1
    report_startup(issue_time, issue_pages, len(issue), bare, app)

    progress(f"tracemalloc passes over {args.pages} pages (slow: tracing every allocation)")
    stream, archive = memory_passes(sources, args.pages)
    report_memory(args.pages, stream, archive)

    print(f"\nbenchmark wall time: {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
