"""The ``paper-tui`` console script: a search begins listing its folder before anything is
imported and runs without the rest of the command line; anything else goes to ``cli.main``.

Listing an archive of 10,000 pages takes about as long as Python takes to import the command
line and the index, so the two overlap: the listing runs in a child process forked here, and
the search command takes it over (``listing.begin``). The search imports only the index (no
``typing``, ``pathlib`` or ``re``, which ``cli`` needs for the other commands).
"""

from __future__ import annotations

import os
import sys

EXIT_OK = 0
EXIT_INTERRUPTED = 130


def main() -> int:
    """Run ``paper-tui``; return the exit status."""
    args = sys.argv[1:]
    # Only the plain form, `search FOLDER WORDS...`: anything with options is left to the parser.
    if len(args) >= 3 and args[0] == "search" and not any(arg[:1] == "-" for arg in args):
        from paper_tui.search.listing import begin

        begin(os.path.realpath(args[1]))
        from paper_tui.search.cli import run_search

        # As cli.main ends every command.
        try:
            return run_search(args[1:])
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            # Output piped into a pager or head that closed early: not an error of ours.
            sys.stderr.close()
            return EXIT_OK
    from paper_tui.cli import main as run

    return run()
