"""Export what the loader found as JSON, Markdown or plain text (pure; no UI imports).

The JSON keys are stable and documented in the README, so exports can be scripted and checked:
``{"source", "encoding", "pages": [{"number", "date", "section", "items": [...]}]}``. Articles
continued on another page of the same issue (see ``loader.continuations``) are linked in JSON
(``continues_in``, ``continues_from``: where the other part is) and joined in Markdown and text,
with a seam line where the part from the other page begins; that part's own place then only
points back to the article.
"""

from __future__ import annotations

import json
from typing import Any, Final, Literal

from paper_tui.loader.continuations import Ref, Stitched
from paper_tui.model import Document, Item, Page, Seam

Format = Literal["json", "markdown", "text"]
FORMATS: Final[tuple[Format, ...]] = ("json", "markdown", "text")
KIND_LABELS: Final = {"article": "", "brief": "简讯", "photo": "图片"}


NOTHING_STITCHED: Final = Stitched({}, {})


def _place(source: str | None, page: int | None, item_id: str) -> dict[str, Any]:
    return {"source": source, "page": page, "id": item_id}


def item_to_dict(
    item: Item, source: str | None = None, stitched: Stitched = NOTHING_STITCHED
) -> dict[str, Any]:
    """One item as a JSON-ready dict with the documented keys (its parts linked, not joined)."""
    joined = stitched.articles.get((source, item.id)) if source is not None else None
    continues_in = None
    if joined is not None and joined.seams:
        seam = joined.seams[0]
        continues_in = _place(seam.source, seam.page, seam.item_id)
    continues_from = None
    head = stitched.parts.get((source, item.id)) if source is not None else None
    if head is not None:
        (head_source, head_id), paragraph = head
        previous = _seam_at(stitched.articles[(head_source, head_id)], paragraph)
        before = previous.previous_page if previous else None
        continues_from = _place(None if head_source == source else head_source, before, head_id)
    return {
        "id": item.id,
        "kind": item.kind,
        "kicker": item.kicker,
        "title": item.title,
        "subtitle": item.subtitle,
        "series": item.series,
        "bylines": list(item.bylines),
        "paragraphs": list(item.paragraphs),
        "subheadings": list(item.subheadings),
        "continued_to_page": item.continued_to_page,
        "continued_from_page": item.continued_from_page,
        "source_lines": list(item.source_lines) if item.source_lines else None,
        "continues_in": continues_in,
        "continues_from": continues_from,
    }


def _seam_at(item: Item, paragraph: int) -> Seam | None:
    return next((seam for seam in item.seams if seam.paragraph == paragraph), None)


def page_to_dict(
    page: Page, source: str | None = None, stitched: Stitched = NOTHING_STITCHED
) -> dict[str, Any]:
    """One page as a JSON-ready dict."""
    return {
        "number": page.number,
        "date": page.date,
        "section": page.section,
        "items": [item_to_dict(item, source, stitched) for item in page.items],
    }


def to_dict(document: Document, stitched: Stitched = NOTHING_STITCHED) -> dict[str, Any]:
    """A whole document as a JSON-ready dict."""
    return {
        "source": document.source,
        "encoding": document.encoding,
        "pages": [page_to_dict(page, document.source, stitched) for page in document.pages],
    }


def to_json(
    document: Document, *, indent: int | None = 2, stitched: Stitched = NOTHING_STITCHED
) -> str:
    """The document as JSON (one line when ``indent`` is None, for JSON Lines)."""
    return json.dumps(to_dict(document, stitched), ensure_ascii=False, indent=indent)


def _stitched_items(
    document: Document, page: Page, stitched: Stitched
) -> list[tuple[Item, Ref | None]]:
    """A page's items for Markdown and text: articles joined, parts pointing to their article."""
    out: list[tuple[Item, Ref | None]] = []
    for item in page.items:
        ref = (document.source, item.id)
        out.append((stitched.articles.get(ref, item), stitched.parts.get(ref, (None, 0))[0]))
    return out


def _page_heading(page: Page) -> str:
    parts = [f"第{page.number}版" if page.number is not None else None, page.section, page.date]
    return " · ".join(part for part in parts if part)


def item_to_markdown(item: Item, *, level: int = 2) -> str:
    """One item as Markdown: headline, bylines, paragraphs, subheadings as headings."""
    lines: list[str] = []
    hashes = "#" * level
    if item.series:
        lines.append(f"【{_escape(item.series)}】")
        lines.append("")
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
    seams = {seam.paragraph: seam for seam in item.seams}
    for index, paragraph in enumerate(item.paragraphs):
        lines.append("")
        if index in seams:
            lines.extend([f"*—— {seams[index].label} ——*", ""])
        if item.is_subheading(index):
            lines.append(f"{hashes}# {_escape(paragraph)}")
        else:
            lines.append(_escape(paragraph))
    if item.continued_to_page is not None:
        lines.extend(["", f"*（下转第{item.continued_to_page}版）*"])
    return "\n".join(lines) + "\n"


def to_markdown(document: Document, stitched: Stitched = NOTHING_STITCHED) -> str:
    """The document as Markdown, one section per page."""
    out: list[str] = []
    for page in document.pages:
        heading = _page_heading(page)
        if heading and len(document.pages) > 1:
            out.append(f"# {heading}\n")
        for item, head in _stitched_items(document, page, stitched):
            if head is None:
                out.append(item_to_markdown(item))
            else:
                out.append(f"*{_escape(_pointer(item, head, stitched))}*\n")
    return "\n".join(out)


def _pointer(item: Item, head: Ref, stitched: Stitched) -> str:
    """The line left where a part joined to an article printed elsewhere stood."""
    article = stitched.articles[head]
    page = next((s.previous_page for s in article.seams if s.item_id == item.id), None)
    where = f"第{page}版" if page is not None else "另版"
    return f"{item.headline or article.headline}（上接{where}，全文见{where}）"


def item_to_text(item: Item) -> str:
    """One item as plain text: headline lines, bylines, then paragraphs."""
    lines = [part for part in (item.series, item.kicker, item.title, item.subtitle) if part]
    lines.extend(item.bylines)
    if item.continued_from_page is not None:
        lines.append(f"（上接第{item.continued_from_page}版）")
    if lines:
        lines.append("")
    seams = {seam.paragraph: seam for seam in item.seams}
    for index, paragraph in enumerate(item.paragraphs):
        if index in seams:
            lines.append(f"—— {seams[index].label} ——")
        lines.append(paragraph)
    if item.continued_to_page is not None:
        lines.append(f"（下转第{item.continued_to_page}版）")
    return "\n".join(lines) + "\n"


def to_text(document: Document, stitched: Stitched = NOTHING_STITCHED) -> str:
    """The document as plain text, items separated by blank lines, pages by form feeds."""
    pages = []
    for page in document.pages:
        texts = [
            item_to_text(item) if head is None else _pointer(item, head, stitched) + "\n"
            for item, head in _stitched_items(document, page, stitched)
        ]
        pages.append("\n".join(texts))
    return "\f".join(pages)


def render(document: Document, fmt: Format, stitched: Stitched = NOTHING_STITCHED) -> str:
    """The document in the given format."""
    if fmt == "json":
        return to_json(document, stitched=stitched) + "\n"
    if fmt == "markdown":
        return to_markdown(document, stitched)
    return to_text(document, stitched)


_MARKDOWN_SPECIAL: Final = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def _escape(text: str) -> str:
    """Escape Markdown syntax so newspaper text shows literally."""
    return text.translate(_MARKDOWN_SPECIAL)
