"""Export what the loader found as JSON, Markdown or plain text (pure; no UI imports).

The JSON keys are stable and documented in the README, so exports can be scripted and checked:
``{"source", "encoding", "pages": [{"number", "date", "section", "items": [...]}]}``.
"""

from __future__ import annotations

import json
from typing import Any, Final, Literal

from paper_tui.model import Document, Item, Page

Format = Literal["json", "markdown", "text"]
FORMATS: Final[tuple[Format, ...]] = ("json", "markdown", "text")
KIND_LABELS: Final = {"article": "", "brief": "简讯", "photo": "图片"}


def item_to_dict(item: Item) -> dict[str, Any]:
    """One item as a JSON-ready dict with the documented keys."""
    return {
        "id": item.id,
        "kind": item.kind,
        "kicker": item.kicker,
        "title": item.title,
        "subtitle": item.subtitle,
        "bylines": list(item.bylines),
        "paragraphs": list(item.paragraphs),
        "subheadings": list(item.subheadings),
        "continued_to_page": item.continued_to_page,
        "continued_from_page": item.continued_from_page,
        "source_lines": list(item.source_lines) if item.source_lines else None,
    }


def page_to_dict(page: Page) -> dict[str, Any]:
    """One page as a JSON-ready dict."""
    return {
        "number": page.number,
        "date": page.date,
        "section": page.section,
        "items": [item_to_dict(item) for item in page.items],
    }


def to_dict(document: Document) -> dict[str, Any]:
    """A whole document as a JSON-ready dict."""
    return {
        "source": document.source,
        "encoding": document.encoding,
        "pages": [page_to_dict(page) for page in document.pages],
    }


def to_json(document: Document, *, indent: int | None = 2) -> str:
    """The document as JSON (one line when ``indent`` is None, for JSON Lines)."""
    return json.dumps(to_dict(document), ensure_ascii=False, indent=indent)


def _page_heading(page: Page) -> str:
    parts = [f"第{page.number}版" if page.number is not None else None, page.section, page.date]
    return " · ".join(part for part in parts if part)


def item_to_markdown(item: Item, *, level: int = 2) -> str:
    """One item as Markdown: headline, bylines, paragraphs, subheadings as headings."""
    lines: list[str] = []
    hashes = "#" * level
    if item.kicker:
        lines.append(f"*{_escape(item.kicker)}*")
        lines.append("")
    title = item.title or KIND_LABELS.get(item.kind) or "（无标题）"
    lines.append(f"{hashes} {_escape(title)}")
    if item.subtitle:
        lines.extend(["", f"**{_escape(item.subtitle)}**"])
    if item.continued_from_page is not None:
        lines.extend(["", f"*（上接第{item.continued_from_page}版）*"])
    if item.bylines:
        lines.extend(["", *[f"> {_escape(b)}  " for b in item.bylines]])
    for index, paragraph in enumerate(item.paragraphs):
        lines.append("")
        if item.is_subheading(index):
            lines.append(f"{hashes}# {_escape(paragraph)}")
        else:
            lines.append(_escape(paragraph))
    if item.continued_to_page is not None:
        lines.extend(["", f"*（下转第{item.continued_to_page}版）*"])
    return "\n".join(lines) + "\n"


def to_markdown(document: Document) -> str:
    """The document as Markdown, one section per page."""
    out: list[str] = []
    for page in document.pages:
        heading = _page_heading(page)
        if heading and len(document.pages) > 1:
            out.append(f"# {heading}\n")
        for item in page.items:
            out.append(item_to_markdown(item))
    return "\n".join(out)


def item_to_text(item: Item) -> str:
    """One item as plain text: headline lines, bylines, then paragraphs."""
    lines = [part for part in (item.kicker, item.title, item.subtitle) if part]
    lines.extend(item.bylines)
    if item.continued_from_page is not None:
        lines.append(f"（上接第{item.continued_from_page}版）")
    if lines:
        lines.append("")
    lines.extend(item.paragraphs)
    if item.continued_to_page is not None:
        lines.append(f"（下转第{item.continued_to_page}版）")
    return "\n".join(lines) + "\n"


def to_text(document: Document) -> str:
    """The document as plain text, items separated by blank lines, pages by form feeds."""
    pages = []
    for page in document.pages:
        pages.append("\n".join(item_to_text(item) for item in page.items))
    return "\f".join(pages)


def render(document: Document, fmt: Format) -> str:
    """The document in the given format."""
    if fmt == "json":
        return to_json(document) + "\n"
    if fmt == "markdown":
        return to_markdown(document)
    return to_text(document)


_MARKDOWN_SPECIAL: Final = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def _escape(text: str) -> str:
    """Escape Markdown syntax so newspaper text shows literally."""
    return text.translate(_MARKDOWN_SPECIAL)
