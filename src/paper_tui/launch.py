"""The ``paper-tui`` console script: a search begins listing its folder before anything is
imported, then ``cli.main`` runs whatever was asked.

Listing an archive of 10,000 pages takes about as long as Python takes to import the command
line and the index, so the two overlap: the listing runs in a child process forked here, and
the search command takes it over (``listing.begin``).
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    """Run ``paper-tui``; return the exit status."""
    args = sys.argv[1:]
    # Only the plain form, `search FOLDER WORDS...`: anything with options is left to the parser.
    if len(args) >= 3 and args[0] == "search" and not any(arg[:1] == "-" for arg in args):
        from paper_tui.search.listing import begin

        begin(os.path.realpath(args[1]))
    from paper_tui.cli import main as run

    return run()
