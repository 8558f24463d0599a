"""The archive search screen: a query, the total, and the best hits with their snippets.

It asks the same engine as ``paper-tui search`` and the palette (the archive's index), in a
worker thread, a moment after typing stops. Words narrow the search; ``since:2024-01-01``,
``until:2024-12-31`` and ``section:要闻`` filter it. Enter in the query moves to the hits; enter
on a hit returns its key and the query, for the reader to open it with the words marked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Final

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from paper_tui.search.index import DEFAULT_LIMIT, ArchiveIndex, check_date
from paper_tui.search.query import Hit
from paper_tui.text.sanitize import clean

DEBOUNCE_SECONDS: Final = 0.15
_FILTERS: Final = ("since", "until", "section")
_MATCH_STYLE: Final = "bold reverse"


@dataclass(frozen=True, slots=True)
class Search:
    """A query typed in the search screen: its words and its filters."""

    words: str
    since: str | None = None
    until: str | None = None
    section: str | None = None


def parse_search(text: str) -> Search:
    """Split ``since:``, ``until:`` and ``section:`` filters from the words; raise ValueError."""
    words: list[str] = []
    filters: dict[str, str] = {}
    for part in text.split():
        name, colon, value = part.partition(":")
        if colon and name in _FILTERS and value:
            filters[name] = value
        else:
            words.append(part)
    check_date(filters.get("since"))
    check_date(filters.get("until"))
    return Search(
        " ".join(words), filters.get("since"), filters.get("until"), filters.get("section")
    )


def search_all(indexes: Sequence[ArchiveIndex], search: Search) -> tuple[int, list[Hit]]:
    """The total and the best hits over several archives' indexes, best first."""
    total = 0
    hits: list[Hit] = []
    for index in indexes:
        result = index.search(
            search.words, since=search.since, until=search.until, section=search.section
        )
        total += result.total
        hits.extend(result.hits)
    if len(indexes) > 1:  # one archive's hits come ranked already; several are merged
        hits.sort(key=lambda hit: (not hit.in_headline, -hit.score, _newest(hit.date)))
    return total, hits[:DEFAULT_LIMIT]


def _newest(date: str | None) -> str:
    # Sorts newest first among equals: invert the digits.
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date or "0")


def hit_content(hit: Hit, show: Callable[[str], str]) -> Content:
    """Two lines for a hit: date, page and headline; the snippet with the matches marked."""
    where = " ".join(part for part in (hit.date, f"第{hit.page}版" if hit.page else None) if part)
    headline = Content(clean(show(" ".join((hit.headline or "（无标题）").split()))))
    snippet = Content(clean(show(hit.snippet)))
    # Marks are positions in the simplified text; a character-for-character script keeps them.
    if len(snippet.plain) == len(hit.snippet):
        for start, end in hit.marks:
            snippet = snippet.stylize(_MATCH_STYLE, start, end)
    if len(headline.plain) == len(hit.headline):
        for start, end in hit.headline_marks:
            headline = headline.stylize(_MATCH_STYLE, start, end)
    top = Content.assemble((where, "dim"), " ", headline.stylize("bold"))
    return Content("\n").join([top, Content("  ") + snippet])


class SearchScreen(ModalScreen[tuple[str, str] | None]):
    """Search every article of the open archive."""

    CSS_PATH = Path(__file__).with_name("search.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
    ]

    def __init__(
        self,
        indexes: Sequence[ArchiveIndex],
        show: Callable[[str], str],
        key_of: Callable[[Hit], str],
        query: str = "",
        *,
        progress: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__()
        self.indexes = tuple(indexes)
        self.show = show
        self.key_of = key_of
        self.progress = progress
        """Says how far indexing has come while it goes on (empty once it is done)."""
        self.initial = query
        self._timer: Timer | None = None
        self._hits: list[Hit] = []
        self._search = Search("")

    def compose(self) -> ComposeResult:
        """Query, count, hits, hint."""
        with Vertical(id="search-panel"):
            yield Static("搜索全部文章", id="search-title")
            yield Input(
                self.initial,
                placeholder="词语…  since:2024-01-01 until:2024-12-31 section:要闻",
                id="search-input",
            )
            yield Static("", id="search-count", markup=False)
            yield OptionList(id="search-hits")
            yield Static("enter 阅读 · tab 切换 · esc 关闭", id="search-hint", markup=False)

    def on_mount(self) -> None:
        """Search for the initial query, if any."""
        if self.initial:
            self._run(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search a moment after typing stops."""
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self._run(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the query: go to the hits."""
        event.stop()
        hits = self.query_one(OptionList)
        if hits.option_count:
            hits.highlighted = hits.highlighted or 0
            hits.focus()

    def _run(self, text: str) -> None:
        count = self.query_one("#search-count", Static)
        try:
            search = parse_search(text)
        except ValueError:
            count.update("日期请写成 YYYY-MM-DD，例如 since:2024-01-01")
            return
        if not search.words.strip():
            self._show_hits(search, 0, [])
            return
        count.update("搜索中……")
        self.find(search)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def find(self, search: Search) -> None:
        """Ask the index, in a thread, and show what it found."""
        try:
            total, hits = search_all(self.indexes, search)
        except Exception as error:  # a damaged or busy index: say so, keep the screen
            message = f"搜索失败：{clean(str(error))}"
            self.app.call_from_thread(self.query_one("#search-count", Static).update, message)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, search, total, hits)

    def _show_hits(self, search: Search, total: int, hits: list[Hit]) -> None:
        self._search, self._hits = search, hits
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(hit_content(hit, self.show)) for hit in hits)
        count = self.query_one("#search-count", Static)
        # While the archive is still being read, the hits are of the pages read so far.
        note = f"（{progress}）" if (progress := self.progress()) else ""
        if not search.words.strip():
            count.update(note)
        elif total > len(hits):
            count.update(f"共 {total} 篇，显示最相关的 {len(hits)} 篇{note}")
        else:
            count.update(f"共 {total} 篇{note}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a hit: read it."""
        event.stop()
        hit = self._hits[event.option_index]
        self.dismiss((self.key_of(hit), self._search.words))

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
