"""The app's main views as scenarios, shared by the snapshot tests and ``screenshots/make.py``.

Each scenario builds the app on the sample page with a given config and presses keys. The key
terms come from ``sample_keywords`` (jieba, run once, as the app's worker runs it) rather than from
the app's own worker, so the picture never depends on how fast jieba loads. Call ``app()`` with
PAPER_TUI_HOME pointing at an empty folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers import SAMPLE, wait_for_archive, write_archive
from textual.pilot import Pilot
from textual.widgets import Input

from paper_tui.app import PaperApp
from paper_tui.folders import paths
from paper_tui.library import open_files
from paper_tui.session import start_session
from paper_tui.state import Config
from paper_tui.text.keywords import KeywordProcess

Keywords = dict[str, tuple[str, ...]]


def sample_keywords(cache_dir: Path) -> Keywords:
    """The key terms of every article of the sample page, found as the app's worker finds them."""
    library, _, _ = open_files([SAMPLE])
    service = KeywordProcess(cache_dir)
    try:
        count = Config().keyword_count
        return {
            entry.key: service.extract(
                "\n".join([entry.item.headline, *entry.item.paragraphs]), count
            )
            for entry in library.entries
        }
    finally:
        service.close()


@dataclass(frozen=True, slots=True)
class Scenario:
    """One view of the app: its config, terminal size and the keys that lead to it."""

    name: str
    description: str
    press: tuple[str, ...] = ()
    size: tuple[int, int] = (100, 30)
    config: str = ""
    setup: tuple[str, ...] = ()
    """Keys pressed before ``press``, followed by a pause for results that arrive later."""
    archive: bool = False
    """Open a small archive (two issues, one with a page that cannot be read) instead."""

    def app(self, keywords: Keywords) -> PaperApp:
        """The app with these key terms, and this scenario's config written under PAPER_TUI_HOME."""
        config = paths().config_file
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(self.config, encoding="utf-8")
        if self.archive:
            root = write_archive(config.parent.parent / "papers")
            app = PaperApp(start_session([], SAMPLE, roots=[root]), find_keywords=False)
        else:
            app = PaperApp(start_session([SAMPLE], SAMPLE), find_keywords=False)
        app.keywords.update(keywords)
        return app

    async def before(self, pilot: Pilot[None]) -> None:
        """Press the set-up keys, and stop the cursor blinking so every run draws the same."""
        if self.archive:
            await wait_for_archive(pilot.app, pilot)
        if self.setup:
            await pilot.press(*self.setup)
            await pilot.pause(0.5)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # a blinking cursor would make the picture random


SCENARIOS = (
    Scenario("main", "The sample page: article list, reader with key terms highlighted."),
    Scenario("traditional", "The same page in traditional script (t).", press=("t",)),
    Scenario(
        "keywords",
        "Key terms and watch words (项目, 投资) highlighted; watch words counted in the list.",
        press=("tab", *("right_square_bracket",) * 5),
        config='watch_words = ["项目", "投资"]\n',
    ),
    Scenario(
        "search",
        "Searching the article (/ 发展, n): matches marked, the current one stronger, a count.",
        press=("slash", "发", "展", "enter", "n"),
    ),
    Scenario(
        "palette",
        "Command palette full-text search with snippets (ctrl+p 智算).",
        setup=("ctrl+p", "智", "算"),
    ),
    Scenario("help", "The help screen listing the keys (?).", press=("question_mark",)),
    Scenario("small", "80x24, as over SSH, the list narrower.", size=(80, 24)),
    Scenario(
        "archive",
        "A folder opened as an archive: issues, pages, articles; an article stitched across pages.",
        setup=("j", "j", "j", "j", "j"),
        press=("tab", "G"),
        archive=True,
    ),
)
