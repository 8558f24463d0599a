"""The data model: what the loader recovers from a newspaper page.

Everything here is a frozen dataclass of plain values, so a loaded document can be shared between
threads, cached and compared. Every item keeps the input lines it came from, so a reader can always
be traced back to the text it was built from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["article", "brief", "photo"]
KINDS: tuple[Kind, ...] = ("article", "brief", "photo")


@dataclass(frozen=True, slots=True)
class Seam:
    """Where an article stitched together across pages goes on to a part printed elsewhere."""

    paragraph: int
    """Index of the first paragraph of the part printed on ``page``."""
    page: int | None
    """The page that part was printed on."""
    previous_page: int | None
    """The page the text before the seam was printed on."""
    item_id: str
    """The id of that part as its page lists it."""
    source: str | None = None
    """The file that part came from, when it is not the file of the article's first part."""

    @property
    def label(self) -> str:
        """What a reader is told at the seam, as a newspaper would say it: 第2版（上接第1版）."""
        where = f"第{self.page}版" if self.page is not None else "另版"
        since = f"（上接第{self.previous_page}版）" if self.previous_page is not None else ""
        return where + since


@dataclass(frozen=True, slots=True)
class Item:
    """One piece on a page: an article, a brief or a photo with its caption."""

    id: str
    kind: Kind
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    series: str | None = None
    """The banner of the series the item runs in (认真学习宣传贯彻党的十九大精神), printed over
    its headline and no part of it."""
    bylines: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    subheadings: tuple[int, ...] = ()
    continued_to_page: int | None = None
    continued_from_page: int | None = None
    lines: tuple[int, ...] = ()
    """1-based numbers of the input lines this item was built from, ascending."""
    seams: tuple[Seam, ...] = ()
    """Parts continued from other pages, joined after the part printed here (see continuations)."""

    @property
    def source_lines(self) -> tuple[int, int] | None:
        """The first and last input line of this item (1-based, inclusive)."""
        if not self.lines:
            return None
        return (self.lines[0], self.lines[-1])

    @property
    def headline(self) -> str:
        """Kicker, title and subtitle joined with spaces; empty when there is none."""
        return " ".join(part for part in (self.kicker, self.title, self.subtitle) if part)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    def is_subheading(self, index: int) -> bool:
        """Whether paragraph ``index`` is a subheading."""
        return index in self.subheadings


@dataclass(frozen=True, slots=True)
class Page:
    """One newspaper page: its metadata and items in reading order."""

    number: int | None = None
    date: str | None = None
    """ISO date, YYYY-MM-DD."""
    section: str | None = None
    items: tuple[Item, ...] = ()
    furniture: tuple[str, ...] = ()
    """Lines taken as page furniture (date line, page header, editor credits), as printed."""
    lines: tuple[int, int] | None = None
    """First and last input line of the page (1-based, inclusive)."""


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded text file: one or more pages."""

    source: str
    encoding: str
    pages: tuple[Page, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item of every page, in order."""
        return tuple(item for page in self.pages for item in page.items)
