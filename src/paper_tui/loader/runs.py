"""Cut a page's pieces into runs: bodies of consecutive paragraphs with what marks them.

A run ends where the text shows an article boundary: a headline, a byline, a photo credit, a
continuation marker or an author's affiliation; a lead (本报讯, 新华社…电) opens a new one. A photo
caption printed with its credit (``图为…。新华社记者徐昱摄``) is a run of its own, and so is each
notice of a page's notices, under its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from paper_tui.loader.headlines import is_series_banner
from paper_tui.loader.lines import (
    ADDRESSEE,
    AFFILIATION_START,
    BRIEF_BOX,
    NOTICE_TITLE,
    continuation_page,
    inline_caption,
    is_lead,
)
from paper_tui.loader.reflow import Piece, neighbour
from paper_tui.loader.scripts import either
from paper_tui.loader.similarity import bigrams

# Photo captions are short: at most this many characters.
CAPTION_MAX_CHARS: Final = 400
# Paragraphs of at least this many lines show their column's width reliably; a difference of
# more than this many ems is another column.
MIN_LINES_FOR_COLUMN: Final = 3
COLUMN_CHANGE: Final = 1.5
# A byline naming a reporter's role, as every local daily's article opens with one.
REPORTER: Final = re.compile(either(r"记\s*者|通\s*讯\s*员"))


@dataclass(slots=True)
class Run:
    """A body of consecutive paragraphs and what is attached to it."""

    paragraphs: list[Piece] = field(default_factory=list)
    start: int = 0
    end: int = 0
    strong_start: bool = False
    bylines: list[Piece] = field(default_factory=list)
    headlines: list[tuple[int, Piece]] = field(default_factory=list)
    continued_to: int | None = None
    continued_from: int | None = None
    credit: bool = False
    closed: bool = False
    in_brief_box: bool = False
    merged: list[Run] = field(default_factory=list)
    caption_credit: str | None = None
    closes_article: bool = False
    """Text a byline closes on a page that prints bylines after their text: its article's end."""
    claimed_by: Run | None = None
    """The run whose headline also reads as this run's (see ``grouping.attach_headlines``)."""
    banner: Piece | None = None
    """The banner of a series set over this run alone, away from its article's headline."""
    carries_on: Piece | None = None
    """The paragraph whose column this run goes on (``Piece.carries_on``)."""
    gram_cache: tuple[int, frozenset[int]] | None = None

    @property
    def grams(self) -> frozenset[int]:
        """The character bigrams of its text (computed once, once its text is complete)."""
        if self.gram_cache is None or self.gram_cache[0] != len(self.paragraphs):
            self.gram_cache = (len(self.paragraphs), bigrams(self.text))
        return self.gram_cache[1]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.paragraphs)


def segment(pieces: list[Piece]) -> tuple[list[Run], list[tuple[int, Piece]], list[int]]:
    """Cut pieces into runs; also return the headlines and bylines found, by position."""
    runs: list[Run] = []
    headlines: list[tuple[int, Piece]] = []
    bylines: list[int] = []
    current: Run | None = None
    brief_box = False
    notices = _notice_titles(pieces)
    trailing = _bylines_trail(pieces)
    banner: tuple[int, Piece] | None = None

    def close() -> None:
        nonlocal current
        current = None

    def release() -> None:
        # A banner over no text of its own (a headline, a notice, a photo comes first) is a
        # headline as any other, not the mark of an article further down.
        nonlocal banner
        if banner is not None:
            headlines.append(banner)
            banner = None

    def hand_on(run: Run) -> None:
        nonlocal banner
        if banner is not None:
            run.banner = banner[1]
            banner = None

    for index, piece in enumerate(pieces):
        kind = piece.kind
        if index in notices:
            # Notices share their wording (本院受理的原告…): only their order tells which text
            # is whose, so each title heads the text under it.
            release()
            piece.kind = "headline"
            current = Run(start=index, end=index, strong_start=True)
            current.headlines.append((index, piece))
            runs.append(current)
            brief_box = False
            continue
        if kind in ("paragraph", "subheading"):
            text = piece.text
            if AFFILIATION_START.match(text) and current is not None:
                current.bylines.append(piece)
                current.end = index
                close()
                continue
            caption = inline_caption(text) if len(text) <= CAPTION_MAX_CHARS else None
            if caption:
                release()
                credit = caption["credit"] or caption["boxed"]
                photo = Run(start=index, end=index, credit=True, caption_credit=credit)
                photo.paragraphs.append(piece)
                runs.append(photo)
                continue
            lead = kind == "paragraph" and is_lead(text)
            moved = piece.carries_on is not None
            if moved and current is not None and _headings_only(current):
                # The headings over the fragment joined elsewhere head the column's text:
                # they go along with it.
                current.carries_on = piece.carries_on
                moved = False
            if (
                current is None
                or lead
                or moved
                or current.closed
                or _changes_column(current, piece)
            ):
                # Text right under a reporter's byline opens an article, as a lead does, on a
                # page that sets bylines over their text.
                opens = lead or (not trailing and _under_reporter(pieces, index))
                current = Run(start=index, end=index, strong_start=opens, in_brief_box=brief_box)
                hand_on(current)
                current.carries_on = piece.carries_on
                runs.append(current)
            current.paragraphs.append(piece)
            current.end = index
        elif kind == "headline":
            release()
            if BRIEF_BOX.match(piece.text.replace(" ", "")):
                brief_box = True
                # The box's label: the page keeps it with its furniture, as no item heads it.
                piece.kind = "furniture"
            elif _is_lone_banner(pieces, index):
                banner = (index, piece)
            else:
                headlines.append((index, piece))
                brief_box = False
            close()
        elif kind == "byline":
            bylines.append(index)
            if trailing and current is not None and REPORTER.search(piece.text):
                current.closes_article = True
            close()
        elif kind == "credit":
            release()
            if current is not None and len(current.text) <= CAPTION_MAX_CHARS:
                current.credit = True
                bylines.append(index)
            else:
                # A credit under a chart or photo whose caption, if any, is not text here.
                graphic = Run(start=index, end=index, credit=True)
                graphic.bylines.append(piece)
                runs.append(graphic)
            close()
        elif kind == "continuation":
            direction, page = continuation_page(piece.text)
            if direction == "to":
                target = current or last_run_before(runs, index)
                if target is not None:
                    target.continued_to = page
                close()
            else:
                close()
                current = Run(start=index, end=index, strong_start=True)
                current.continued_from = page
                hand_on(current)
                runs.append(current)
    release()
    return runs, headlines, bylines


def _headings_only(run: Run) -> bool:
    """Whether a run holds subheadings and no paragraph yet."""
    return all(piece.kind == "subheading" for piece in run.paragraphs)


def _is_lone_banner(pieces: list[Piece], index: int) -> bool:
    """Whether a headline is the banner of a series with no headline line next to it.

    Over its article's title the banner is parsed with the headline (``headlines.parse``). Set
    alone over the top of a column, it marks the text under it, whose title pdftotext emitted
    elsewhere: it is no title, and the text joins the article it reads as.
    """
    if not is_series_banner(pieces[index].text):
        return False
    near = (neighbour(pieces, index, step) for step in (-1, 1))
    return not any(piece is not None and piece.kind == "headline" for piece in near)


def _notice_titles(pieces: list[Piece]) -> set[int]:
    """Positions of the headings that are notices' titles (with the case number or a section
    name set with them).

    A news headline may end with the same words (两国发表联合声明, 发布紧急通告), and pdftotext
    may emit it after its article. So the page must print notices: some such title has text
    under it that opens by addressing someone (``钱某某：``). Then every such title with text
    under it heads a notice (遗失声明 / 兹有…).
    """
    found = [
        index
        for index, piece in enumerate(pieces)
        if piece.kind in ("headline", "subheading")
        and any(NOTICE_TITLE.search(line.text) for line in piece.lines)
        and index + 1 < len(pieces)
        and pieces[index + 1].kind == "paragraph"
    ]
    if any(ADDRESSEE.match(pieces[index + 1].text) for index in found):
        return set(found)
    return set()


def _bylines_trail(pieces: list[Piece]) -> bool:
    """Whether the page sets its reporters' bylines after their articles' text.

    Some papers print ``辽沈晚报记者 胡月梅`` under the article's last paragraph, not under its
    title. A byline followed by the next article's title, or by nothing, closes its article;
    one set right under a title opens it. The page is read the way most of its bylines show.
    """
    closing = opening = 0
    for index, piece in enumerate(pieces):
        if piece.kind != "byline" or REPORTER.search(piece.text) is None:
            continue
        before = neighbour(pieces, index, -1)
        after = neighbour(pieces, index, 1)
        if before is not None and before.kind == "headline":
            opening += 1
        elif (
            before is not None
            and before.kind == "paragraph"
            and (after is None or after.kind == "headline")
        ):
            closing += 1
    return closing > opening


def _under_reporter(pieces: list[Piece], index: int) -> bool:
    """Whether the piece before ``index`` is a reporter's byline (■记者 …, XX报通讯员 …)."""
    if index == 0 or pieces[index - 1].kind != "byline":
        return False
    return REPORTER.search(pieces[index - 1].text) is not None


def _changes_column(run: Run, piece: Piece) -> bool:
    """Whether a paragraph is set in a column of another width than the run's last one.

    Each article on a page has its own column width, so a change of width between two
    paragraphs of several lines each is a change of article that pdftotext did not mark.
    """
    previous = run.paragraphs[-1] if run.paragraphs else None
    if previous is None or previous.kind != "paragraph" or piece.kind != "paragraph":
        return False
    if len(previous.lines) < MIN_LINES_FOR_COLUMN or len(piece.lines) < MIN_LINES_FOR_COLUMN:
        return False
    return abs(previous.width - piece.width) > COLUMN_CHANGE


def last_run_before(runs: list[Run], index: int) -> Run | None:
    """The last run with text that ends before position ``index``."""
    before = [run for run in runs if run.end < index and run.paragraphs]
    return before[-1] if before else None
