"""Turn a headline group's lines into kicker, title and subtitle, and the series it runs in.

A Chinese news headline has up to three parts: a kicker (引题) above the title, the title (主题)
and a subtitle (副题) below it, often opening with a dash. pdftotext gives only their lines, some
doubled by fake-bold fonts and some titles split over two lines, so the parts are told apart by
wording: the doubled line is the big title, a dash opens a subtitle, a line cut mid-phrase runs
on into the next.

Over the headline a paper may print the banner of a series of articles on one campaign
(认真学习宣传贯彻党的十九大精神, 深入学习贯彻习近平新时代中国特色社会主义思想): the same for
every article in it, and no part of any one's headline. Such a banner is told by its wording, a
call to study and carry out a body of thought, and only over another headline line (set alone,
``runs`` keeps it apart from the headlines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from paper_tui.loader.clean import undouble
from paper_tui.loader.lines import Line

SUBTITLE_MARKS: Final = ("——", "—", "－－", "--")
# The halves of a title printed as matching phrases, one a line, are this many characters long.
MIN_PHRASE: Final = 4
MAX_PHRASE: Final = 8
# 认真学习宣传贯彻党的十九大精神, 深入学习贯彻习近平新时代中国特色社会主义思想, 学习贯彻党的二十大
# 精神, 学习贯彻习近平新时代中国特色社会主义思想主题教育: to study (and spread) and carry out
# a body of thought, a line of its own.
_SERIES: Final = re.compile(
    r"(?:认真|深入|全面)?学习(?:宣传)?贯彻\S{2,30}(?:精神|思想)(?:主题教育)?"
)


@dataclass(frozen=True, slots=True)
class Headline:
    """The parts of one headline."""

    kicker: str | None
    title: str | None
    subtitle: str | None
    series: str | None = None
    """The banner of the series the article runs in, printed over its headline."""


@dataclass(slots=True)
class _Part:
    text: str
    block: int
    doubled: bool = False


def parse(groups: list[tuple[int, list[Line]]]) -> Headline:
    """Split headline lines, given per block in reading order, into kicker, title and subtitle."""
    parts: list[_Part] = []
    for block, lines in groups:
        for line in lines:
            text = line.text.strip()
            single = undouble(text)
            if single is not None:
                parts.append(_Part(single, block, doubled=True))
            elif text:
                parts.append(_Part(text, block))
    parts = _drop_split_copies(parts)
    parts = _join_wrapped(parts)
    series = None
    if len(parts) > 1 and is_series_banner(parts[0].text):
        series = parts.pop(0).text
    parts = _join_phrases(parts)
    if not parts:
        return Headline(None, None, None)
    if len(parts) == 1:
        return Headline(None, parts[0].text, None, series)
    title_at = next((i for i, p in enumerate(parts) if p.doubled), None)
    if title_at is None:
        subtitle_at = next(
            (i for i, p in enumerate(parts) if i and p.text.startswith(SUBTITLE_MARKS)), None
        )
        title_at = subtitle_at - 1 if subtitle_at is not None else (1 if len(parts) > 2 else 0)
    kicker = " ".join(p.text for p in parts[:title_at]) or None
    # The dash that opens a subtitle is its typographic mark, not part of its text.
    subtitle = " ".join(p.text.lstrip("—－-").strip() for p in parts[title_at + 1 :]) or None
    return Headline(kicker, parts[title_at].text, subtitle, series)


def is_series_banner(text: str) -> bool:
    """Whether a headline line reads as the banner of a series (认真学习宣传贯彻党的十九大精神)."""
    return _SERIES.fullmatch(text.replace(" ", "")) is not None


def is_couplet(first: str, second: str) -> bool:
    """Whether two headline lines read as matching phrases of one title: short, unpunctuated and
    of one length (``疏堵结合`` / ``强化管理``, ``既提高就业数量`` / ``又提高就业质量``)."""
    return (
        len(first) == len(second)
        and MIN_PHRASE <= len(first) <= MAX_PHRASE
        and first.isalnum()
        and second.isalnum()
    )


def _join_phrases(parts: list[_Part]) -> list[_Part]:
    """Join the matching phrases of a title, one a line, into one line a space apart
    (``绿色规划 绿色产业 绿色消费``)."""
    out: list[_Part] = []
    for part in parts:
        last = out[-1] if out else None
        # A doubled (fake-bold) line is the title itself, set apart from a kicker of its length.
        if (
            last is not None
            and not (last.doubled or part.doubled)
            and is_couplet(last.text.rpartition(" ")[2], part.text)
        ):
            out[-1] = _Part(f"{last.text} {part.text}", last.block)
            continue
        out.append(part)
    return out


def _drop_split_copies(parts: list[_Part]) -> list[_Part]:
    """Drop the second copy of a fake-bold run that pdftotext split over two lines.

    ``新时代：`` / ``新时代`` / ``：发展新方位`` is ``新时代：发展新方位``: the middle line and the
    first character of the next repeat the first line. Layout mode keeps the copy on the line
    of the rest: ``新征程：`` / ``新征程：明确新目标``, where a line ending in a colon is all
    repeated by the next.
    """
    out: list[_Part] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if (
            i + 1 < len(parts)
            and part.text.endswith(("：", ":"))
            and parts[i + 1].text.startswith(part.text)
            and len(parts[i + 1].text) > len(part.text)
        ):
            out.append(_Part(parts[i + 1].text, parts[i + 1].block, doubled=True))
            i += 2
            continue
        out.append(part)
        if i + 2 < len(parts):
            copy, rest = parts[i + 1].text, parts[i + 2].text
            if (
                len(copy) >= 2
                and part.text.startswith(copy)
                and part.text != copy
                and rest.startswith(part.text[len(copy) :])
            ):
                part.doubled = True
                trimmed = rest[len(part.text) - len(copy) :].strip()
                out[-1] = _Part(part.text + trimmed, part.block, doubled=True)
                i += 3
                continue
        i += 1
    return out


def _join_wrapped(parts: list[_Part]) -> list[_Part]:
    """Join a title that was wrapped over two lines of one block."""
    out: list[_Part] = []
    for part in parts:
        if out:
            prev = out[-1]
            if (
                prev.block == part.block
                and " " not in prev.text
                and " " not in part.text
                and not part.text.startswith(SUBTITLE_MARKS)
                and not prev.doubled
                and not part.doubled
                and len(prev.text) >= len(part.text) - 3
                # A banner is a line of its own, whatever is set under it.
                and not is_series_banner(prev.text)
            ):
                out[-1] = _Part(prev.text + part.text, prev.block)
                continue
        out.append(part)
    return out
