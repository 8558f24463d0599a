"""Measure how fast the reader shows a page, as a real process in a real (tmux) terminal.

Usage: python benchmarks/startup.py [--runs 7] [--pages 20]

Every figure is the wall time from an action to the moment its result is on the screen, read back
from tmux (``capture-pane``) every few milliseconds. Each app runs as its own process in a fresh
100x30 session of a private tmux server, with PAPER_TUI_HOME in a temporary folder (so nothing
touches your files or your tmux; jieba's dictionary cache and Python's byte-code are written by a
warm-up run first, as they would be after installing and the first day).

- start-up: launch ``python -m paper_tui`` (the sample page) until the first article's headline
  and the start of its text are on screen, against a bare Textual app (one Static holding the
  same two lines) launched the same way in the same run; medians of ``--runs``, and the ratio
  (the target is 1.3 or less);
- then, in each paper-tui run: until the key terms appear (jieba loads after the first paint),
  switching article (``]``) until the next article's text shows, and toggling script (``t``)
  until the traditional text shows;
- a 200 KB article (the sample's first article repeated, each copy's paragraphs made distinct,
  so no cache helps): launch until its text is on screen, then ``--pages`` presses of ``space``,
  each until the screen has changed, and ``G`` to the end.

Only figures are printed, nothing is asserted: machines are shared and noisy, which is why the
baseline is measured in the same run. Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pinghu-2025-02-page1.txt"
SIZE = (100, 30)
POLL = 0.004
TIMEOUT = 60.0
TARGET_RATIO = 1.3
HEADLINE = "嘉兴市领导来平开展“六干争先”主题实践活动"
FIRST_TEXT = "本报讯 连日来"
NEXT_TEXT = "本报讯 “希望大家"
TRADITIONAL_TEXT = "本報訊 連日來"
KEYWORDS = "关键词\u3000"
KEYWORDS_PENDING = "关键词\u3000…"
BIG_BYTES = 200_000
LABEL = 44

BARE_APP = f"""\
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static({HEADLINE + chr(10) + FIRST_TEXT!r})

Bare().run()
"""


# A tmux server of our own (-L), kept up between runs by an idle session, so the benchmark never
# touches the user's tmux and never races a server that is shutting down.
SOCKET = f"paper-tui-bench-{os.getpid()}"


def tmux(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run a tmux command on the benchmark's own server."""
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check
    )


class Terminal:
    """A tmux session running one command, whose screen can be read and typed into."""

    def __init__(self, command: Sequence[str], env: dict[str, str]) -> None:
        self.name = f"run-{time.monotonic_ns()}"
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        # Byte-code is written and used as after an installation, whatever the caller's shell says.
        line = f"env -u PYTHONDONTWRITEBYTECODE {exports} " + " ".join(map(_quote, command))
        self.started = time.perf_counter()
        size = ["-x", str(SIZE[0]), "-y", str(SIZE[1])]
        tmux("new-session", "-d", "-s", self.name, *size, line, check=True)

    def screen(self) -> str:
        """The text on screen now."""
        return tmux("capture-pane", "-p", "-t", self.name).stdout

    def wait(self, ready: Callable[[str], bool], since: float | None = None) -> float:
        """Seconds from ``since`` (default: launch) until ``ready(screen)`` holds."""
        began = self.started if since is None else since
        while True:
            if ready(self.screen()):
                return time.perf_counter() - began
            if time.perf_counter() - began > TIMEOUT:
                raise TimeoutError(f"screen never became ready:\n{self.screen()}")
            time.sleep(POLL)

    def press(self, *keys: str) -> float:
        """Send keys; return the time they were sent."""
        now = time.perf_counter()
        tmux("send-keys", "-t", self.name, *keys, check=True)
        return now

    def close(self) -> None:
        """Quit the app (q) and end the session."""
        tmux("send-keys", "-t", self.name, "q")
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            if tmux("has-session", "-t", self.name).returncode:
                return
            time.sleep(0.05)
        tmux("kill-session", "-t", self.name)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def has(*parts: str) -> Callable[[str], bool]:
    """A readiness test: every part is on screen."""
    return lambda screen: all(part in screen for part in parts)


def keywords_shown(screen: str) -> bool:
    """A readiness test: the key terms themselves, not the line kept for them, are on screen."""
    return KEYWORDS in screen and KEYWORDS_PENDING not in screen


def big_page(folder: Path) -> Path:
    """A page with one article of about 200 KB: the sample's first, repeated and made distinct."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    head, body = lines[:5], lines[5:129]
    out = [*head, *body, ""]
    copy = 0
    while len("\n".join(out).encode()) < BIG_BYTES:
        copy += 1
        starts = True
        for line in body:
            line = line.replace("本报讯 ", "")
            # Every paragraph of every copy differs, so no conversion or layout cache can help.
            out.append(f"第{copy}轮，{line}" if starts and line else line)
            starts = not line
        out.append("")
    page = folder / "big-page.txt"
    page.write_text("\n".join(out) + "\n", encoding="utf-8")
    return page


def measure(runs: int, pages: int) -> dict[str, list[float]]:
    """Run every measurement ``runs`` times; return the samples by name."""
    python = sys.executable
    samples: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        samples.setdefault(name, []).append(value)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        home = folder / "home"
        env = {"PAPER_TUI_HOME": str(home), "TERM": "xterm-256color"}
        bare = folder / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        big = big_page(folder)
        # Warm-up: write byte-code, fill the OS file cache, build jieba's dictionary cache.
        warm = Terminal([python, "-m", "paper_tui"], env)
        warm.wait(keywords_shown)
        warm.close()
        Terminal([python, str(bare)], env).close()
        for _ in range(runs):
            shutil.rmtree(home / "state", ignore_errors=True)  # open the sample from the top
            term = Terminal([python, str(bare)], env)
            add("bare", term.wait(has(HEADLINE, FIRST_TEXT)))
            term.close()

            term = Terminal([python, "-m", "paper_tui"], env)
            add("app", term.wait(has(HEADLINE, FIRST_TEXT)))
            add("keywords", term.wait(keywords_shown))
            sent = term.press("]")
            add("switch", term.wait(has(NEXT_TEXT), since=sent))
            sent = term.press("[", "t")
            add("script", term.wait(has(TRADITIONAL_TEXT), since=sent))
            term.close()

            shutil.rmtree(home / "state", ignore_errors=True)
            term = Terminal([python, "-m", "paper_tui", str(big)], env)
            add("big_open", term.wait(has(HEADLINE, FIRST_TEXT)))
            term.press("tab")
            time.sleep(0.2)
            for _ in range(pages):
                before = term.screen()
                sent = term.press("space")
                add("big_page", term.wait(lambda screen, b=before: screen != b, since=sent))
            before = term.screen()
            sent = term.press("G")
            add("big_end", term.wait(lambda screen, b=before: screen != b, since=sent))
            term.close()
    return samples


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each app (default 7)")
    parser.add_argument("--pages", type=int, default=20, help="pages to turn in the big article")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("startup.py needs tmux", file=sys.stderr)
        return 2
    tmux("new-session", "-d", "-s", "idle", "sleep 86400", check=True)
    try:
        samples = measure(args.runs, args.pages)
    finally:
        tmux("kill-server")
    median = {name: statistics.median(values) for name, values in samples.items()}
    ms = 1000

    def row(label: str, value: str) -> None:
        print(f"{label:<{LABEL}}{value}")

    print(f"paper-tui start-up, {args.runs} runs, {SIZE[0]}x{SIZE[1]} tmux, medians")
    row("bare Textual app (one Static), first paint", f"{median['bare'] * ms:8.0f} ms")
    row("paper-tui, first headline and text", f"{median['app'] * ms:8.0f} ms")
    ratio = median["app"] / median["bare"]
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    row("ratio (target <= 1.3)", f"{ratio:8.2f}   {verdict} the target")
    best = min(samples["app"]) / min(samples["bare"])
    row("ratio of the fastest runs (less load noise)", f"{best:8.2f}")
    row("key terms on screen (from launch)", f"{median['keywords'] * ms:8.0f} ms")
    row("switch article (])", f"{median['switch'] * ms:8.0f} ms")
    row("toggle script (t)", f"{median['script'] * ms:8.0f} ms")
    row("200 KB article: first headline and text", f"{median['big_open'] * ms:8.0f} ms")
    pages = samples["big_page"]
    row("200 KB article: page down (space)", f"{median['big_page'] * ms:8.0f} ms")
    row("200 KB article: slowest page", f"{max(pages) * ms:8.0f} ms")
    row("200 KB article: to the end (G)", f"{median['big_end'] * ms:8.0f} ms")
    spread = {name: (min(v) * ms, max(v) * ms) for name, v in samples.items()}
    print("min-max (ms): " + ", ".join(f"{n} {a:.0f}-{b:.0f}" for n, (a, b) in spread.items()))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
