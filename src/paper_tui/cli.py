"""The ``paper-tui`` command: open pages in the reader, or export what the loader found.

Subcommands are parsed here and heavy modules are imported only by the subcommand that needs
them, so ``paper-tui export`` never loads Textual and ``--help`` answers at once. Every error the
user can cause ends in one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

from paper_tui import __version__

if TYPE_CHECKING:
    import argparse

EXIT_OK: Final = 0
EXIT_PARTIAL: Final = 1
EXIT_USAGE: Final = 2
PAGE_SUFFIXES: Final = (".txt",)


class UsageError(Exception):
    """A problem with what the user asked for; its message is one line."""


def _fail(message: str) -> NoReturn:
    raise UsageError(message)


def sample_page() -> Path:
    """The bundled sample page, whether installed or run from a checkout."""
    here = Path(__file__).resolve().parent
    for folder in (here / "seeds", here.parents[1] / "seeds"):
        pages = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if pages:
            return pages[0]
    _fail("the bundled sample page is missing from this installation")


def find_pages(path: Path) -> Iterator[Path]:
    """Every text page below ``path`` (the file itself when it is one), in name order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in PAGE_SUFFIXES:
                yield child
    else:
        yield path


def has_pages(folder: Path) -> bool:
    """Whether there is a text page anywhere below a folder (stops at the first)."""
    for _parent, _folders, names in os.walk(folder):
        if any(name.lower().endswith(PAGE_SUFFIXES) for name in names):
            return True
    return False


def _parser_export() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="paper-tui export",
        description="Export the articles the loader finds in a page file, or in every page "
        "below a folder (JSON Lines: one document per file).",
    )
    parser.add_argument("path", type=Path, help="a page text file or a folder of them")
    parser.add_argument(
        "--format", "-f", choices=("json", "markdown", "text"), default="json", help="default json"
    )
    parser.add_argument("-o", "--output", type=Path, help="write to FILE instead of stdout")
    return parser


def _parser_main() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="paper-tui",
        description="A terminal reader for Chinese newspaper pages extracted from PDF. "
        "With no PATH, reopens the last file read where you left off, or the sample page.",
        epilog="commands: 'paper-tui export PATH' exports articles, 'paper-tui search PATH QUERY' "
        "searches every page below PATH (see 'paper-tui export -h', 'paper-tui search -h'). "
        "Inside the reader, press ? for the keys.",
    )
    parser.add_argument("--version", action="version", version=f"paper-tui {__version__}")
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="page text files or folders of them"
    )
    return parser


def run_open(argv: Sequence[str]) -> int:
    """``paper-tui [PATH ...]``: open pages in the reader (or resume, or the sample page)."""
    from paper_tui.prefetch import prefetch_session

    # Paths alone need no parser; argparse is imported (a few milliseconds before the first
    # screen) only when there are options to read.
    if any(arg.startswith("-") for arg in argv):
        paths: list[Path] = _parser_main().parse_args(argv).paths
    else:
        paths = [Path(arg) for arg in argv]
    for path in paths:
        if not path.exists():
            _fail(f"{path}: no such file or folder")
        if path.is_dir() and not has_pages(path):
            _fail(f"{path}: no text pages (*.txt) in this folder")
    if any(path.is_dir() for path in paths):
        # An archive: the app reads it in the background, from its search index.
        from paper_tui.app import PaperApp
        from paper_tui.session import start_session

        session = start_session([], sample_page(), roots=paths)
    else:
        # The page loads in a child process while this one imports the UI (see prefetch).
        collect = prefetch_session(paths, sample_page())
        from paper_tui.app import PaperApp

        session = collect()
        if not session.library.entries and not session.roots:
            _fail(session.failures[0] if session.failures else "nothing to read in these files")
    session.warnings.extend(session.failures)
    app = PaperApp(session)
    app.run()
    for warning in app.exit_warnings:
        print(f"paper-tui: warning: {warning}", file=sys.stderr)
    return app.return_code or EXIT_OK


def run_export(argv: Sequence[str]) -> int:
    """``paper-tui export``: print or write the loader's findings."""
    from paper_tui.export import render, to_json
    from paper_tui.loader import LoadError, load
    from paper_tui.loader.continuations import stitch_documents
    from paper_tui.model import Document

    args = _parser_export().parse_args(argv)
    path: Path = args.path
    if not path.exists():
        _fail(f"{path}: no such file or folder")
    pages = list(find_pages(path))
    if not pages:
        _fail(f"{path}: no text pages (*.txt) in this folder")
    folder = path.is_dir()
    documents: list[Document] = []
    failures = 0
    for page in pages:
        try:
            document = load(page)
        except LoadError as error:
            if not folder:
                _fail(str(error))
            print(f"paper-tui: {error}", file=sys.stderr)
            failures += 1
            continue
        for warning in document.warnings:
            print(f"paper-tui: warning: {page}: {warning}", file=sys.stderr)
        documents.append(document)
    # Articles continued on another page of the issue are linked (JSON) or joined (the others).
    stitched = stitch_documents([(document.source, document) for document in documents])
    chunks = [
        to_json(document, indent=None, stitched=stitched) + "\n"
        if folder and args.format == "json"
        else render(document, args.format, stitched)
        for document in documents
    ]
    if failures == len(pages):
        _fail(f"{path}: none of its {len(pages)} text pages could be read")
    separator = "" if args.format == "json" else "\n"
    output = separator.join(chunks)
    if args.output is None:
        sys.stdout.write(output)
        sys.stdout.flush()
    else:
        _write(args.output, output)
    return EXIT_PARTIAL if failures else EXIT_OK


def _write(target: Path, text: str) -> None:
    from paper_tui.state import atomic_write_text

    try:
        atomic_write_text(target, text)
    except OSError as error:
        _fail(f"{target}: cannot write ({error.strerror or error})")


def run_search(argv: Sequence[str]) -> int:
    """``paper-tui search``: search every page below a folder (imports no UI library)."""
    from paper_tui.search.cli import run_search as search

    return search(argv)


COMMANDS: Final = {"export": run_export, "search": run_search}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            return COMMANDS[args[0]](args[1:])
        return run_open(args)
    except UsageError as error:
        print(f"paper-tui: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into a pager or head that closed early: not an error of ours.
        sys.stderr.close()
        return EXIT_OK
