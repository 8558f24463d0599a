"""The loader: column-wrapped page text in, articles out. Standard library only.

The pipeline, one stage per module: ``decode`` (bytes to text, pages), ``layout`` (columns set
side by side read one after another), ``lines`` (clean and classify each line, by wordings
``scripts`` spells in either script), ``furniture`` (page metadata), ``reflow`` (lines to
paragraphs, each line measured against its column by ``widths``), ``fragments`` (rejoin
paragraphs split by column breaks, by the page's words and the language's, ``lexicon``),
``articles`` (group into items, attach headlines and bylines).
"""

from __future__ import annotations

import os
from pathlib import Path

from paper_tui.loader.articles import build_items
from paper_tui.loader.columns import punct_width, remeasure
from paper_tui.loader.decode import decode, split_pages
from paper_tui.loader.errors import LoadError
from paper_tui.loader.fragments import join_fragments
from paper_tui.loader.furniture import meta_from_path, read_furniture
from paper_tui.loader.layout import is_layout, read_columns
from paper_tui.loader.lines import Line, make_line, make_lines
from paper_tui.loader.reflow import build_pieces, split_blocks
from paper_tui.model import Document, Page

__all__ = ["LoadError", "load", "load_text"]

# Pages bigger than this are not newspaper pages; refusing them keeps a stray file from hanging
# the reader.
MAX_BYTES = 64 * 1024 * 1024


def load(source: str | os.PathLike[str] | bytes, *, name: str | None = None) -> Document:
    """Load a page file (path or bytes) into a Document; raise LoadError if it is unreadable."""
    if isinstance(source, bytes):
        data = source
        label = name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(source)
        data = _read(path, label)
    try:
        decoded = decode(data)
    except LoadError as error:
        raise LoadError(error.message, label) from None
    try:
        document = load_text(decoded.text, source=label, encoding=decoded.encoding)
    except LoadError as error:
        raise LoadError(error.message, label) from None
    if decoded.warnings:
        document = Document(
            document.source, document.encoding, document.pages, tuple(decoded.warnings)
        )
    return document


def _read(path: Path, label: str) -> bytes:
    try:
        if path.is_dir():
            raise LoadError("is a folder, not a page file", label)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"too large for a page ({size // (1024 * 1024)} MB)", label)
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError("no such file", label) from None
    except PermissionError:
        raise LoadError("permission denied", label) from None
    except OSError as error:
        raise LoadError(error.strerror or "cannot be read", label) from None


def load_text(text: str, *, source: str = "<text>", encoding: str = "utf-8") -> Document:
    """Load already decoded page text (pages separated by form feeds)."""
    pages: list[Page] = []
    for index, (first, raw_lines) in enumerate(split_pages(text)):
        rows = read_columns(raw_lines) if is_layout(raw_lines) else enumerate(raw_lines)
        lines: list[Line | None] = []
        for offset, raw in rows:
            if not raw.strip():
                lines.append(None)
            elif "版" in raw:
                lines.extend(make_lines(first + offset, raw))
            else:
                lines.append(make_line(first + offset, raw))
        meta, lines = read_furniture(lines)
        lines = remeasure(lines, punct_width(split_blocks(lines)))
        if index == 0 or meta.number is None:
            meta = meta_from_path(meta, source) if len(pages) == 0 else meta
        pieces = join_fragments(build_pieces(split_blocks(lines)))
        key = f"p{meta.number if meta.number is not None else index + 1}"
        items = build_items(pieces, key)
        # Stray characters torn from names and charts stay with the page's furniture.
        strays = tuple(p.text for p in pieces if p.kind == "furniture")
        last = first + len(raw_lines) - 1
        pages.append(
            Page(
                number=meta.number,
                date=meta.date,
                section=meta.section,
                items=tuple(items),
                furniture=meta.texts + strays,
                lines=(first, max(first, last)),
            )
        )
    return Document(source=source, encoding=encoding, pages=tuple(pages))
