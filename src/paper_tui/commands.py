"""Command palette provider: search the headlines and full text of every loaded article.

Typing in the palette (ctrl+p) lists articles whose headline or text contains the query, in either
script, each with a snippet around its first match in the script shown; choosing one opens the
article at that paragraph with the query searched in it, so ``n``/``N`` go on from there. With an
empty query the palette lists the headlines. The app's own commands come from
``PaperApp.get_system_commands``.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, Final, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from paper_tui.text.convert import Shown, convert, show
from paper_tui.text.find import find_spans, normalise_query

if TYPE_CHECKING:
    from paper_tui.app import PaperApp
    from paper_tui.search.index import ArchiveIndex

SNIPPET_BEFORE: Final = 8
SNIPPET_AFTER: Final = 16
MAX_HITS: Final = 50
_MATCH_STYLE: Final = "bold reverse"
# A headline match ranks above a match in the text; earlier articles rank slightly higher.
_HEADLINE_SCORE: Final = 1.0
_TEXT_SCORE: Final = 0.5


def snippet(shown: Shown, start: int, end: int) -> Content:
    """A stretch of text around a match, the match marked, ellipses where it is cut."""
    text = shown.text
    low = max(start - SNIPPET_BEFORE, 0)
    high = min(end + SNIPPET_AFTER, len(text))
    before = ("…" if low else "") + text[low:start]
    after = text[end:high] + ("…" if high < len(text) else "")
    return Content.assemble(before, (text[start:end], _MATCH_STYLE), after)


def marked(shown: Shown, spans: list[tuple[int, int]], style: str = "bold") -> Content:
    """The whole text with its matching spans marked."""
    content = Content.styled(shown.text, style)
    for start, end in spans:
        content = content.stylize(_MATCH_STYLE, start, end)
    return content


class ArticleSearch(Provider):
    """Finds articles by headline or text."""

    @property
    def paper(self) -> PaperApp:
        """The app, with its library and script."""
        return cast("PaperApp", self.app)

    async def _search_archive(self, indexes: list[ArchiveIndex], query: str) -> Hits:
        """The archive's best hits, from its index (asked in a thread)."""
        from paper_tui.archive import entry_key
        from paper_tui.screens.search import Search, hit_content, search_all

        app = self.paper
        _total, found = await asyncio.to_thread(search_all, indexes, Search(query))
        for rank, hit in enumerate(found):
            yield Hit(
                1.0 - rank / (len(found) + 1),
                hit_content(hit, lambda text: convert(text, app.variant)),
                partial(app.open_article, entry_key(hit.path, hit.item_id), None, query),
                text=hit.headline,
            )

    async def discover(self) -> Hits:
        """Every headline, to browse with an empty query."""
        app = self.paper
        for entry in app.library.entries[:MAX_HITS]:
            headline = show(entry.item.headline or entry.item.id, app.variant)
            yield DiscoveryHit(
                Content.styled(headline.text, "bold"),
                partial(app.open_article, entry.key, 0),
                text=headline.text,
                help=None,
            )

    async def search(self, query: str) -> Hits:
        """Articles whose headline or text contains the query, with snippets."""
        query = normalise_query(query)
        if not query:
            return
        app = self.paper
        indexes = getattr(app.main, "indexes", None)
        if indexes is not None:
            async for hit in self._search_archive(indexes, query):
                yield hit
            return
        variant, phrasing = app.variant, app.config.script_variant
        hits = 0
        for entry in app.library.entries:
            item = entry.item
            headline = show(item.headline or item.id, variant)
            spans = find_spans(query, headline, phrasing)
            score = _HEADLINE_SCORE if spans else 0.0
            body: Content | None = None
            paragraph = 0
            for index, text in enumerate(item.paragraphs):
                shown = show(text, variant)
                found = find_spans(query, shown, phrasing)
                if found:
                    body = snippet(shown, *found[0])
                    paragraph = index
                    score = max(score, _TEXT_SCORE)
                    break
            if not score:
                continue
            score -= entry.index / (len(app.library.entries) * 10)
            display = marked(headline, spans)
            if body is not None:
                display = Content("\n").join([display, Content("  ") + body])
            yield Hit(
                score,
                display,
                partial(app.open_article, entry.key, paragraph, query),
                text=headline.text,
            )
            hits += 1
            if hits >= MAX_HITS:
                return
