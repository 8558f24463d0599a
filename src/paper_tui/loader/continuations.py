"""Stitch articles continued across pages: ``（下转2版）`` on one page, ``（上接1版）`` on another.

A front page often prints an article's start and sends the reader to a later page of the same
issue for the rest. The two parts are found by marker and by content: the part on page 2 should
say it comes from page 1 (``continued_from_page``), and it usually repeats or shortens the
headline and always goes on with the same subject, so it shares rare character bigrams with the
first part. A marker pointing elsewhere rules a candidate out; without a marker on either side,
only a repeated headline links two items. Among several candidates the one whose headline and
text are closest wins, so two articles continued to the same page each find their own part.

Pages belong to one issue when they come from the same file, or from files in the same folder
whose names differ only in the page number (``2025-02-09/01.txt``, ``rmrb2018010201.txt``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from paper_tui.loader.chars import ends_sentence
from paper_tui.loader.similarity import bigrams, idf_weights, norm, similarity
from paper_tui.model import Document, Item, Seam

# A headline repeated over a continuation is often shortened, rarely reworded.
HEADLINE_MATCH: Final = 0.5
# Weights of the evidence, in "marker" units: the marker alone decides between a matching
# candidate and one with no marker; headline and text decide between matching candidates.
MARKER_WEIGHT: Final = 2.0
HEADLINE_WEIGHT: Final = 1.0
TEXT_WEIGHT: Final = 1.0
_DIGITS: Final = re.compile(r"\d+")

Ref = tuple[str, str]
"""An item's place: the file it came from and its id."""


@dataclass(frozen=True, slots=True)
class Placed:
    """An item with the file and page it was printed on."""

    source: str
    page: int | None
    item: Item

    @property
    def ref(self) -> Ref:
        """The item's file and id."""
        return (self.source, self.item.id)


@dataclass(frozen=True, slots=True)
class Stitched:
    """The articles of some pages with their continued parts joined to them."""

    articles: dict[Ref, Item]
    """Each article that goes on elsewhere, with every part joined, by its first part."""
    parts: dict[Ref, tuple[Ref, int]]
    """Each part joined to an article: the article's first part and the seam's paragraph."""


def issue_key(source: str, date: str | None) -> tuple[str, str]:
    """What tells the issue of a page file: its folder, and its date or its name sans page."""
    folder, name = os.path.split(source)
    stem = os.path.splitext(name)[0]
    if date:
        return (folder, date)
    # Undated names of one issue differ only in their last number: page1, 01, A07.
    return (folder, _DIGITS.sub("#", stem[::-1], count=1)[::-1])


def issues(documents: Iterable[tuple[str, Document]]) -> list[list[Placed]]:
    """The items of the documents grouped by issue (see ``issue_key``)."""
    groups: dict[tuple[str, str], list[Placed]] = {}
    for source, document in documents:
        date = None
        whole_issue = len(document.pages) > 1
        for position, page in enumerate(document.pages, start=1):
            # The pages after a file's first are of the same issue unless they say otherwise.
            date = page.date or date
            key = issue_key(source, date)
            # In a file holding a whole issue, an unnumbered page is numbered by its place.
            number = page.number if page.number is not None or not whole_issue else position
            groups.setdefault(key, []).extend(Placed(source, number, item) for item in page.items)
    return list(groups.values())


def stitch_documents(documents: Sequence[tuple[str, Document]]) -> Stitched:
    """Find and join every continued article among the documents' pages."""
    articles: dict[Ref, Item] = {}
    parts: dict[Ref, tuple[Ref, int]] = {}
    for issue in issues(documents):
        found = stitch(issue)
        articles.update(found.articles)
        parts.update(found.parts)
    return Stitched(articles, parts)


def stitch(items: Sequence[Placed]) -> Stitched:
    """Join the continued articles among the items of one issue."""
    links = link(items)
    if not links:
        return Stitched({}, {})
    by_ref = {placed.ref: placed for placed in items}
    following = {head: tail for head, tail in links}
    heads = set(following) - set(following.values())
    articles: dict[Ref, Item] = {}
    parts: dict[Ref, tuple[Ref, int]] = {}
    for head in heads:
        first = by_ref[head]
        chain: list[Placed] = []
        at, seen = head, {head}
        while at in following and following[at] not in seen:
            at = following[at]
            seen.add(at)
            chain.append(by_ref[at])
        joined = join(first, chain)
        articles[head] = joined
        for seam, part in zip(joined.seams, chain, strict=True):
            parts[part.ref] = (head, seam.paragraph)
    return Stitched(articles, parts)


def join(first: Placed, rest: Sequence[Placed]) -> Item:
    """One article from its first part and the parts continued from it, in order."""
    item = first.item
    paragraphs = list(item.paragraphs)
    subheadings = list(item.subheadings)
    bylines = list(item.bylines)
    seams: list[Seam] = []
    previous = first.page
    for part in rest:
        seams.append(
            Seam(
                paragraph=len(paragraphs),
                page=part.page,
                previous_page=previous,
                item_id=part.item.id,
                source=None if part.source == first.source else part.source,
            )
        )
        subheadings.extend(len(paragraphs) + index for index in part.item.subheadings)
        paragraphs.extend(part.item.paragraphs)
        bylines.extend(line for line in part.item.bylines if line not in bylines)
        previous = part.page
    return replace(
        item,
        bylines=tuple(bylines),
        paragraphs=tuple(paragraphs),
        subheadings=tuple(subheadings),
        continued_to_page=rest[-1].item.continued_to_page if rest else item.continued_to_page,
        seams=tuple(seams),
    )


def link(items: Sequence[Placed]) -> list[tuple[Ref, Ref]]:
    """Pairs (part, the part that continues it) among the items of one issue."""
    if not any(p.item.continued_to_page is not None or p.item.continued_from_page for p in items):
        return []
    grams = {placed.ref: bigrams(placed.item.text) for placed in items}
    heads = {placed.ref: bigrams(placed.item.headline) for placed in items}
    squared = {gram: weight * weight for gram, weight in idf_weights(grams.values()).items()}
    norms = {ref: norm(text, squared) for ref, text in grams.items()}

    def score(before: Placed, after: Placed) -> float | None:
        """How well ``after`` continues ``before``; None when it cannot."""
        to, since = before.item.continued_to_page, after.item.continued_from_page
        if (to is not None and to != after.page) or (since is not None and since != before.page):
            return None
        markers = (to is not None) + (since is not None)
        headline = _dice(heads[before.ref], heads[after.ref])
        # One marker alone: the content must say so too. Either the headline is repeated, or
        # the part with no "continued on" marker stops in mid-sentence.
        alone = markers < 2 and headline < HEADLINE_MATCH
        if alone and (to is not None or not _unfinished(before.item)):
            return None
        text = similarity(
            grams[before.ref], norms[before.ref], grams[after.ref], norms[after.ref], squared
        )
        return MARKER_WEIGHT * markers + HEADLINE_WEIGHT * headline + TEXT_WEIGHT * text

    candidates: list[tuple[float, int, int]] = []
    for i, before in enumerate(items):
        for j, after in enumerate(items):
            if i == j or after.page is None or after.page == before.page:
                continue
            if before.item.continued_to_page is None and after.item.continued_from_page is None:
                continue
            value = score(before, after)
            if value is not None:
                candidates.append((value, i, j))
    # Best pairs first; each part continues at most one and is continued by at most one.
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    linked_from: set[int] = set()
    linked_to: set[int] = set()
    links: list[tuple[Ref, Ref]] = []
    for _value, i, j in candidates:
        if i in linked_from or j in linked_to:
            continue
        linked_from.add(i)
        linked_to.add(j)
        links.append((items[i].ref, items[j].ref))
    return links


def _unfinished(item: Item) -> bool:
    """Whether the item's text stops in mid-sentence."""
    return bool(item.paragraphs) and not ends_sentence(item.paragraphs[-1])


def _dice(a: frozenset[int], b: frozenset[int]) -> float:
    """How alike two sets of bigrams are (0..1), for short texts such as headlines."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
