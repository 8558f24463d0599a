"""Entry point for ``python -m paper_tui``."""

from __future__ import annotations

import sys

from paper_tui.launch import main

if __name__ == "__main__":
    sys.exit(main())
