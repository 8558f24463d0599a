"""Page furniture: the date line, page number and section name printed around the text.

They are metadata, not text: ``2018 年 1 月 2 日 星期二`` and ``7 理论`` head a People's Daily
page, ``7`` / ``生活服务`` / ``2024 年 4 月 19 日`` a local daily's. They stand in the first or last
lines of a page; elsewhere the same wording is ordinary text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from paper_tui.loader.chars import LazyPattern
from paper_tui.loader.lines import (
    DATE_LINE,
    MASTHEAD,
    MASTHEAD_DATE,
    PAGE_HEADER,
    SECTION_HEADER,
    Line,
    is_author_name,
)

# Furniture is looked for among this many non-blank lines at each end of a page.
HEAD_LINES: Final = 8
# A paper's name alone is its masthead among a page's first lines.
MASTHEAD_LINES: Final = 3
TAIL_LINES: Final = 4
_SECTION: Final = LazyPattern(r"^[\u4e00-\u9fff·]{2,6}$")
_PATH_DATE: Final = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.]?([01]\d)[-_.]?([0-3]\d)")
_PATH_PAGE: Final = re.compile(r"(?:page|p|版)0*(\d{1,3})\D*$", re.IGNORECASE)
_BARE_PAGE: Final = re.compile(r"[-_. ]*[A-Za-z]?0*(\d{1,3})")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the furniture says about a page."""

    number: int | None = None
    date: str | None = None
    section: str | None = None
    lines: frozenset[int] = frozenset()
    texts: tuple[str, ...] = ()


def read_furniture(lines: list[Line | None]) -> tuple[PageMeta, list[Line | None]]:
    """Find the page's furniture; return it and the lines with furniture blanked out."""
    present = [line for line in lines if line is not None and line.text]
    edge = _head(present) + present[-TAIL_LINES:]
    number = date = section = None
    taken: list[Line] = []
    for position, line in enumerate(present):
        match = DATE_LINE.match(line.text) or (line in edge and MASTHEAD_DATE.match(line.text))
        if match and (line in edge or line.role == "furniture"):
            if date is None:
                date = _iso(match)
            taken.append(line)
            continue
        if line.role == "furniture":
            taken.append(line)
            following = present[position + 1] if position + 1 < len(present) else None
            # A staff role set over its holder's name (一 审： / 程丽清): the name goes too.
            if (
                following is not None
                and line.text.endswith(("：", ":"))
                and is_author_name(following.text)
            ):
                taken.append(following)
            continue
        if line not in edge:
            continue
        if position < MASTHEAD_LINES and MASTHEAD.match(line.text):
            taken.append(line)
            continue
        header = PAGE_HEADER.match(line.text) or SECTION_HEADER.match(line.text)
        if header and number is None:
            number = int(re.sub(r"\D", "", header["num"]))
            section = header["section"]
            taken.append(line)
            following = present[position + 1] if position + 1 < len(present) else None
            if (
                section is None
                and following is not None
                and position < HEAD_LINES
                and _SECTION.match(following.text)
            ):
                section = following.text
                taken.append(following)
    # By identity: in layout mode the pieces of one row, in several columns, share its number.
    gone = {id(line) for line in taken}
    cleaned = [None if line is not None and id(line) in gone else line for line in lines]
    texts = tuple(line.text for line in taken)
    numbers = frozenset(line.number for line in taken)
    return PageMeta(number, date, section, numbers, texts), cleaned


def _head(present: list[Line]) -> list[Line]:
    """The page's first lines: up to ``HEAD_LINES`` of them that are not furniture by wording
    (staff lines and dates above the header do not push it out)."""
    counted = 0
    for index, line in enumerate(present):
        counted += line.role != "furniture"
        if counted > HEAD_LINES:
            return present[:index]
    return list(present)


def _iso(match: re.Match[str]) -> str | None:
    """The date a date line names, as YYYY-MM-DD (None if there is no such day)."""
    if match["ry"]:
        # The Republic's first year is 1912.
        year, month, day = str(int(match["ry"]) + 1911), match["rm"], match["rd"]
    else:
        year, month, day = (match[key] or match[f"f{key}"] for key in "ymd")
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def meta_from_path(meta: PageMeta, path: str | None) -> PageMeta:
    """Fill in a date and page number the furniture lacks from the file's path.

    Archives name pages ``rmrb2018010207.txt`` (date, then page), ``2025-02-09/03.txt`` (a
    folder per issue) or ``pinghu-2025-02-page1.txt``.
    """
    if not path:
        return meta
    parts = path.replace("\\", "/").split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    date, number = meta.date, meta.number
    found = None
    for part in reversed([*parts[:-1], stem]):
        for match in _PATH_DATE.finditer(part):
            if 1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31:
                found = (part, match)
        if found:
            break
    if date is None and found:
        _part, match = found
        date = f"{match[1]}-{match[2]}-{match[3]}"
    if number is None:
        rest = stem
        if found and found[0] == stem:
            rest = stem[found[1].end() :]
        page = _PATH_PAGE.search(rest) or _BARE_PAGE.fullmatch(rest)
        if page:
            number = int(page[1])
    return replace(meta, date=date, number=number)
