"""The reader in a real terminal (tmux): what reaches the screen and the clipboard over OSC 52."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

TIMEOUT = 60.0


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Callable[..., subprocess.CompletedProcess[str]]]:
    """A private tmux server that keeps what programs copy (set-clipboard on)."""
    socket = f"paper-tui-test-{os.getpid()}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True)

    yield run
    run("kill-server")


def wait_for(check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_c_copies_the_article_to_the_terminal_clipboard(
    tmux: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    env = f"PAPER_TUI_HOME={tmp_path / 'home'} TERM=xterm-256color"
    command = f"env {env} {sys.executable} -m paper_tui"
    assert tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", command).returncode == 0
    tmux("set-option", "-g", "set-clipboard", "on")
    screen = lambda: tmux("capture-pane", "-p", "-t", "app").stdout  # noqa: E731
    wait_for(lambda: "本报讯 连日来" in screen())
    tmux("send-keys", "-t", "app", "c")
    wait_for(lambda: "Copied" in screen())
    copied = tmux("show-buffer").stdout
    assert copied.startswith("嘉兴市领导来平开展“六干争先”主题实践活动\n")
    assert "本报讯 连日来，嘉兴市政协主席陈利众" in copied
    tmux("send-keys", "-t", "app", "q")
