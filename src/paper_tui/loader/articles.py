"""Assemble a page's items from its pieces: runs, grouped into articles, made into items.

The stages: ``runs`` cuts the pieces into bodies, ``grouping`` decides what belongs together,
and this module turns each group into an ``Item`` with its kind (article, brief or photo).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Final

from paper_tui.loader import grouping
from paper_tui.loader.bylines import attach_bylines
from paper_tui.loader.headlines import parse
from paper_tui.loader.lines import is_lead
from paper_tui.loader.reflow import Piece
from paper_tui.loader.runs import CAPTION_MAX_CHARS, Run, segment
from paper_tui.loader.scripts import either
from paper_tui.loader.subheadings import demote_subheadings, promote_titles
from paper_tui.model import Item, Kind

# An editor's note, set over the article it introduces: 编者按：…, 【编者按】…, 编者的话：….
_EDITORS_NOTE: Final = re.compile(either(r"[【\[（(]?\s*编\s*者\s*(?:按|的话)"))
# A brief is a short news item: a lead and a few sentences.
BRIEF_MAX_CHARS: Final = 500


def build_items(pieces: list[Piece], page_key: str) -> list[Item]:
    """Group pieces (already reflowed and joined) into the page's items."""
    promote_titles(pieces)
    demote_subheadings(pieces)
    runs, headlines, bylines = segment(pieces)
    if not runs and not headlines and not bylines:
        return []
    headings = grouping.attach_headlines(runs, headlines, pieces)
    grouping.hand_back_headlines(runs)
    articles = grouping.cluster(runs, pieces)
    articles = grouping.place_headings(articles, runs, headings, pieces)
    attach_bylines(articles, runs, bylines, pieces)
    articles.sort(key=lambda run: min([run.start, *(p for p, _ in run.headlines)]))
    items = [
        _to_item(run, page_key)
        for run in articles
        if run.paragraphs or run.headlines or run.bylines
    ]
    return _unique_ids(items)


def _reads_last(part: Run) -> bool:
    """Whether a part of an article is read after its others: the text its byline closes, on a
    page that prints bylines after their text, unless a lead opens it."""
    opens = bool(part.paragraphs) and is_lead(part.paragraphs[0].text)
    return part.closes_article and not opens


def _to_item(run: Run, page_key: str) -> Item:
    paragraphs: list[str] = []
    subheadings: list[int] = []
    lines: set[int] = set()
    bylines: list[str] = []
    # pdftotext may emit an article's last lines, over its byline, before its first ones; a
    # part that opens with a lead (本报讯…) is the article's first whatever closes it.
    parts = sorted([run, *run.merged], key=_reads_last)
    groups = [(piece.block, piece.lines) for _pos, piece in run.headlines]
    for _pos, piece in run.headlines:
        lines.update(line.number for line in piece.lines)
    headline = parse(groups)
    series = headline.series
    # The banner over one of its columns marks the article; a second one heads its column.
    repeated: set[int] = set()
    for part in parts:
        if part.banner is not None:
            lines.update(line.number for line in part.banner.lines)
            if series is None:
                series = part.banner.text
            else:
                repeated.add(id(part))
    for part, piece in _in_reading_order(parts):
        if id(part) in repeated and part.banner is not None:
            repeated.discard(id(part))
            subheadings.append(len(paragraphs))
            paragraphs.append(part.banner.text)
        if piece.kind == "subheading":
            subheadings.append(len(paragraphs))
        text = piece.text
        if part.caption_credit and text.endswith(part.caption_credit):
            text = text[: -len(part.caption_credit)].rstrip()
        paragraphs.append(text)
        lines.update(line.number for line in piece.all_lines)
    for part in parts:
        if part.caption_credit and any(
            piece.text.endswith(part.caption_credit) for piece in part.paragraphs
        ):
            bylines.append(part.caption_credit)
        for piece in part.bylines:
            bylines.append(piece.text)
            lines.update(line.number for line in piece.all_lines)
    kind: Kind = "article"
    text_length = sum(len(p) for p in paragraphs)
    if run.credit and text_length <= CAPTION_MAX_CHARS and not run.strong_start:
        kind = "photo"
    elif (
        run.strong_start
        and not run.headlines
        and text_length <= BRIEF_MAX_CHARS
        and (run.in_brief_box or (paragraphs and is_lead(paragraphs[0])))
    ):
        kind = "brief"
    continued_to = run.continued_to
    continued_from = run.continued_from
    for part in run.merged:
        continued_to = continued_to or part.continued_to
    digest = hashlib.sha1(
        "\x1f".join([page_key, kind, headline.title or "", *paragraphs[:2]]).encode()
    ).hexdigest()[:10]
    return Item(
        id=f"{page_key}-{digest}",
        kind=kind,
        kicker=headline.kicker,
        title=headline.title,
        subtitle=headline.subtitle,
        series=series,
        bylines=tuple(bylines),
        paragraphs=tuple(paragraphs),
        subheadings=tuple(subheadings),
        continued_to_page=continued_to,
        continued_from_page=continued_from,
        lines=tuple(sorted(lines)),
    )


def _in_reading_order(parts: list[Run]) -> list[tuple[Run, Piece]]:
    """The parts' paragraphs in reading order, each with its part: a part that goes on in the
    column of another part's paragraph comes right after that paragraph (after those already
    placed there), and an editor's note (编者按：…) comes first, wherever pdftotext put it."""
    entries = [(part, piece) for part in parts for piece in part.paragraphs]
    placed: dict[int, int] = {}
    for part in parts:
        target = part.carries_on
        if target is None:
            continue
        rest = [entry for entry in entries if entry[0] is not part]
        at = next((i for i, (_, piece) in enumerate(rest) if piece is target), None)
        if at is not None:
            at += 1 + placed.get(id(target), 0)
            entries = [*rest[:at], *((part, piece) for piece in part.paragraphs), *rest[at:]]
            placed[id(target)] = placed.get(id(target), 0) + len(part.paragraphs)
    notes = {id(piece) for _part, piece in entries if _EDITORS_NOTE.match(piece.text)}
    if notes:
        entries.sort(key=lambda entry: id(entry[1]) not in notes)
    return entries


def _unique_ids(items: list[Item]) -> list[Item]:
    seen: dict[str, int] = {}
    out = []
    for item in items:
        count = seen.get(item.id, 0)
        seen[item.id] = count + 1
        if count:
            item = replace(item, id=f"{item.id}-{count}")
        out.append(item)
    return out
