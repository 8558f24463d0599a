"""The line under the archive tree: how far reading the archive has come, then what it holds."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class IndexStatus(Horizontal):
    """A progress bar while the archive is indexed, a summary once it is."""

    def compose(self) -> ComposeResult:
        """A label and a bar."""
        yield Label("正在打开……", id="status-text")
        yield ProgressBar(show_eta=False, id="status-bar")

    def progress(self, done: int, total: int, pages: int) -> None:
        """Files read so far out of ``total``; ``pages`` listed in the tree."""
        bar = self.query_one(ProgressBar)
        if total:
            bar.update(total=total, progress=done)
            text = f"读取版面 {done}/{total} · 已列出 {pages} 版"
        else:
            text = f"检查更新…… 已列出 {pages} 版"
        self.query_one("#status-text", Label).update(text)

    def finish(self, issues: int, pages: int, failed: int) -> None:
        """Say what the archive holds, and hide the bar."""
        text = f"{issues} 期 · {pages} 版"
        if failed:
            text += f" · {failed} 个文件无法读取（列在最后）"
        self.query_one("#status-text", Label).update(text)
        self.query_one(ProgressBar).display = False
