"""``paper-tui search PATH QUERY``: update the archive's index, then print the best hits.

Registered as ``COMMANDS["search"] = run_search`` in ``paper_tui.cli`` (and run directly by
``launch``); ``argv`` is what follows the word ``search``. It loads only the standard library, the
index and, when pages changed, the loader (never Textual, Rich or jieba), so a search answers about
as fast as Python starts. Every error the user can cause is one line on stderr and exit status 2.

The page files are listed (in a child process, where one can be forked) while this process
imports the index and searches it as it stands; that result is printed if the update that
follows finds nothing changed, else the updated index is searched again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from paper_tui.records import NamedTuple
from paper_tui.search.listing import Listing

# Not imported from typing, nor pathlib or re: a search that finds the files unchanged needs none
# of them, and they cost it a good share of its time (type checkers know the names).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Final, TextIO

    from paper_tui.search.index import ArchiveIndex
    from paper_tui.search.query import Hit, SearchResult
    from paper_tui.search.updating import UpdateReport

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2
DEFAULT_LIMIT: Final = 50
"""As ``index.DEFAULT_LIMIT``, which this module imports only once the listing has begun."""
# Control characters (C0, DEL, C1) and the bidirectional overrides and isolates (U+200E U+200F
# U+202A-U+202E U+2066-U+2069) could act on the terminal or reorder what it shows; tabs and line
# breaks become spaces.
_UNSAFE: Final = dict.fromkeys(
    [
        *range(0x00, 0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
)


class _Usage(Exception):
    """A problem with what the user asked for; its message is one line."""


class _Args(NamedTuple):
    """What the command was asked."""

    path: str
    query: list[str]
    json: bool = False
    limit: int = DEFAULT_LIMIT
    since: str | None = None
    until: str | None = None
    section: str | None = None


def _parse(argv: Sequence[str]) -> _Args:
    """The command's arguments: a folder and words alone need no parser."""
    # Importing argparse and building the parser cost about 8 ms (it loads shutil, gettext and
    # locale), before the files can be listed.
    if len(argv) >= 2 and not any(arg.startswith("-") for arg in argv):
        return _Args(argv[0], list(argv[1:]))
    return _Args(**vars(_parser().parse_args(list(argv))))


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="paper-tui search",
        description="Search every article in the page files below a folder. The index is kept "
        "in the user cache and updated for files that changed.",
    )
    parser.add_argument("path", help="a folder of page text files, or one file")
    parser.add_argument("query", nargs="+", help="words to find; every one must occur")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--limit",
        "-n",
        type=int,
        default=DEFAULT_LIMIT,
        help=f"hits to print (default {DEFAULT_LIMIT})",
    )
    parser.add_argument(
        "--since", metavar="DATE", help="only pages dated DATE (YYYY-MM-DD) or later"
    )
    parser.add_argument("--until", metavar="DATE", help="only pages dated DATE or earlier")
    parser.add_argument("--section", metavar="NAME", help="only pages of this section")
    return parser


def run_search(argv: Sequence[str]) -> int:
    """``paper-tui search``: update the index of PATH and print the hits for QUERY."""
    args = _parse(argv)
    try:
        return _run(args)
    except _Usage as error:
        print(f"paper-tui: {error}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: _Args) -> int:
    path = args.path
    if not os.path.exists(path):
        raise _Usage(f"{path}: no such file or folder")
    if not (os.path.isdir(path) or os.path.isfile(path)):
        raise _Usage(f"{path}: not a folder or a file")
    if args.limit < 0:
        raise _Usage("--limit must be 0 or more")
    with Listing.start(os.path.realpath(os.path.expanduser(path))) as listing:
        result = _search(args, listing)
    for notice in result.notices:
        print(f"paper-tui: {notice}", file=sys.stderr)
    if args.json:
        _print_json(result)
    else:
        _print_lines(result, sys.stdout)
    return EXIT_OK


def _search(args: _Args, listing: Listing) -> SearchResult:
    """Update the index of ``args.path`` (from ``listing``) and search it."""
    # Imported only now, while a child process lists the files.
    from paper_tui.search.database import SearchIndexError
    from paper_tui.search.index import ArchiveIndex, check_date

    try:
        check_date(args.since)
        check_date(args.until)
    except ValueError as error:
        raise _Usage(str(error)) from None
    path = args.path
    query = " ".join(args.query)
    try:
        with ArchiveIndex(path) as index:
            ahead = index.search_ahead(
                query, limit=args.limit, since=args.since, until=args.until, section=args.section
            )
            report = index.update(
                progress=_progress if sys.stderr.isatty() else None, listing=listing
            )
            _check(index, report, path)
            _tell(report, path)
            return index.confirmed(ahead, report) or index.search(
                query, limit=args.limit, since=args.since, until=args.until, section=args.section
            )
    except SearchIndexError as error:
        raise _Usage(str(error)) from None


def _check(index: ArchiveIndex, report: UpdateReport, path: str) -> None:
    """Raise _Usage if the folder has no page, or none that could be read."""
    if report.files == 0:
        raise _Usage(f"{path}: no text pages (*.txt) in this folder")
    if index.count() > 0:
        return
    errors = index.errors()
    if errors:
        if os.path.isfile(path):
            raise _Usage(f"{path}: {errors[0].error}")
        raise _Usage(
            f"{path}: none of its {report.files} text pages could be read"
            f" ({errors[0].path.name}: {errors[0].error})"
        )


def _progress(done: int, total: int, path: str) -> None:
    end = "\n" if done == total else ""
    print(f"\rpaper-tui: indexing {done}/{total} files", end=end, file=sys.stderr, flush=True)


def _tell(report: UpdateReport, path: str) -> None:
    """Say on stderr what the update changed; nothing when nothing did."""
    for notice in report.notices:
        print(f"paper-tui: {notice}", file=sys.stderr)
    for failure in report.failed:
        print(f"paper-tui: {plain(str(failure.path))}: {failure.error}", file=sys.stderr)
    if report.has_changes:
        counts = [
            f"{count} {label}"
            for count, label in (
                (report.added, "added"),
                (report.changed, "changed"),
                (report.removed, "removed"),
                (len(report.failed), "unreadable"),
            )
            if count
        ]
        print(f"paper-tui: index of {path} updated: {', '.join(counts)}", file=sys.stderr)
    if report.cancelled:
        print("paper-tui: indexing was interrupted; results may be incomplete", file=sys.stderr)


def plain(text: str) -> str:
    """``text`` on one line with nothing a terminal could act on."""
    if "\t" in text or "\n" in text:
        # Each run of tabs and line breaks becomes one space.
        parts = text.replace("\t", "\n").split("\n")
        last = len(parts) - 1
        text = " ".join(part for at, part in enumerate(parts) if part or at in (0, last))
    return text.translate(_UNSAFE)


def hit_line(hit: Hit) -> str:
    """One hit as printed: date, page, headline, snippet."""
    date = hit.date or "-"
    page = "-" if hit.page is None else str(hit.page)
    headline = plain(hit.headline) or "(untitled)"
    return f"{date}  {page}  {headline}  {plain(hit.snippet)}"


def _print_lines(result: SearchResult, out: TextIO) -> None:
    for hit in result.hits:
        out.write(hit_line(hit) + "\n")
    shown = f", first {len(result.hits)} shown" if len(result.hits) < result.total else ""
    out.write(f"{result.total} {'hit' if result.total == 1 else 'hits'}{shown}\n")
    out.flush()


def _print_json(result: SearchResult) -> None:
    import json

    hits = [
        {
            "path": hit.file,
            "page": hit.page,
            "date": hit.date,
            "section": hit.section,
            "item_id": hit.item_id,
            "kind": hit.kind,
            "headline": hit.headline,
            "headline_marks": [list(mark) for mark in hit.headline_marks],
            "snippet": hit.snippet,
            "marks": [list(mark) for mark in hit.marks],
            "occurrences": hit.occurrences,
            "score": hit.score,
        }
        for hit in result.hits
    ]
    json.dump({"total": result.total, "hits": hits}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()
