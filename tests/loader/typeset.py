"""Helpers shared by the loader tests: setting paragraphs the way a newspaper column does."""

from __future__ import annotations

from collections.abc import Sequence

CLOSING = "，。、；：？！”’）》"


def set_column(paragraph: str, width: int, indent: int = 2) -> list[str]:
    """Lines of one paragraph set in a column ``width`` characters wide, its indent lost.

    The first line holds ``width - indent`` characters. Closing punctuation never starts a line:
    as in print, it hangs at the end of the line above instead.
    """
    lines: list[str] = []
    position = 0
    capacity = width - indent
    while position < len(paragraph):
        end = min(position + capacity, len(paragraph))
        while end < len(paragraph) and paragraph[end] in CLOSING:
            end += 1
        lines.append(paragraph[position:end])
        position = end
        capacity = width
    return lines


def set_page(
    paragraphs: Sequence[str], width: int, *, blank_between: bool, breaks: Sequence[int] = ()
) -> str:
    """A page of paragraphs set in one column, with blank lines at ``breaks`` (line indexes)."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(set_column(paragraph, width))
        if blank_between:
            lines.append("")
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in breaks and out and out[-1] != "":
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def page_of(*blocks: Sequence[str]) -> str:
    """A page of blocks of lines, a blank line between blocks."""
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
