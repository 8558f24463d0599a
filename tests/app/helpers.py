"""Building the app for tests, and reading what it shows."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from paper_tui.app import PaperApp
from paper_tui.session import start_session
from paper_tui.widgets.article_list import ArticleList
from paper_tui.widgets.find_bar import FindBar
from paper_tui.widgets.page_header import PageHeader
from paper_tui.widgets.reader import ReaderPane

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "pinghu-2025-02-page1.txt"
PAGE_2 = Path(__file__).resolve().parents[1] / "data" / "pinghu-2025-02-page2.txt"
SIZE = (100, 30)


def make_app(*files: Path, find_keywords: bool = False) -> PaperApp:
    """The app on these files (none: resume or the sample), as the command line builds it."""
    session = start_session(list(files), SAMPLE)
    session.warnings.extend(session.failures)
    return PaperApp(session, find_keywords=find_keywords)


def make_archive_app(*roots: Path, find_keywords: bool = False) -> PaperApp:
    """The app on folders opened as an archive (none: resume the last one)."""
    session = start_session([], SAMPLE, roots=list(roots))
    return PaperApp(session, find_keywords=find_keywords)


def write_archive(root: Path) -> Path:
    """Two issues below ``root``: the newer with pages 1 and 2, the older with a broken page."""
    for folder in ("2025-02-09", "2024-05-01"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "2025-02-09" / "01.txt").write_bytes(SAMPLE.read_bytes())
    (root / "2025-02-09" / "02.txt").write_bytes(PAGE_2.read_bytes())
    older = SAMPLE.read_text(encoding="utf-8").replace("连日来", "五一前夕")
    (root / "2024-05-01" / "01.txt").write_text(older, encoding="utf-8")
    (root / "2024-05-01" / "02.txt").write_bytes(b"\x00\x01\x02 not a page \x00" * 40)
    return root


async def wait_for_archive(app: PaperApp, pilot: Pilot[None], timeout: float = 60) -> None:
    """Wait until the archive is indexed and an article is open."""
    from paper_tui.screens.archive import ArchiveScreen

    screen = app.main
    assert isinstance(screen, ArchiveScreen)
    waited = 0.0
    while not (screen.indexed and screen.entry.item.id != "archive"):
        assert waited < timeout, "the archive was not indexed in time"
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause(0.1)


def reader(app: PaperApp) -> ReaderPane:
    """The reader pane of the main screen."""
    return app.main.query_one(ReaderPane)


def articles(app: PaperApp) -> ArticleList:
    """The article list of the main screen."""
    return app.main.query_one(ArticleList)


def find_bar(app: PaperApp) -> FindBar:
    """The find bar of the main screen."""
    return app.main.query_one(FindBar)


def header_text(app: PaperApp) -> str:
    """The header line as plain text."""
    return str(app.main.query_one(PageHeader).render())


def screen_text(app: PaperApp) -> str:
    """Everything on screen as plain text, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app: PaperApp) -> list[str]:
    """The messages of the notifications shown."""
    return [notification.message for notification in app._notifications]


async def wait_for_keywords(app: PaperApp, pilot: Pilot[None], timeout: float = 30) -> None:
    """Wait until the key terms of every article have arrived."""
    waited = 0.0
    while len(app.keywords) < len(app.library.entries):
        assert waited < timeout, "key terms did not arrive"
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause()
