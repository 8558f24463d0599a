"""The header line: which file and page is being read, where in it, and in which script.

Everything in it comes from the file (its name, the page's date and section), so it is built as
``Content`` from plain strings and cleaned of control characters: a file named ``[bold]x.txt`` or
one holding an escape character shows as it is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from paper_tui.model import Page
from paper_tui.text.convert import convert
from paper_tui.text.sanitize import clean

SEPARATOR = " │ "


def page_label(page: Page) -> str:
    """The page's number, date and section, as printed in the header (第1版 · 2025-02-08 · 要闻)."""
    parts = []
    if page.number is not None:
        parts.append(f"第{page.number}版")
    if page.date:
        parts.append(page.date)
    if page.section:
        parts.append(page.section)
    return " · ".join(parts)


class PageHeader(Static):
    """One line naming the file, the page, the article's place and the script shown."""

    def show(
        self,
        source: str,
        page: Page,
        position: tuple[int, int],
        variant: str | None,
    ) -> None:
        """Describe the article at ``position`` (1-based index, count) of a page of ``source``."""
        parts: list[Content | str] = [
            Content.styled("paper-tui", "bold"),
            clean(Path(source).name),
        ]
        label = page_label(page)
        if label:
            parts.append(convert(label, variant))
        parts.append(f"{position[0]}/{position[1]}")
        script = "繁體 " + variant if variant else "简体"
        parts.append(Content.styled(script, "bold"))
        self.update(Content(" ") + Content(SEPARATOR).join(_content(parts)))


def _content(parts: Sequence[Content | str]) -> list[Content]:
    return [part if isinstance(part, Content) else Content(part) for part in parts]
