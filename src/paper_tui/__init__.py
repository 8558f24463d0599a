"""paper-tui: a terminal reader for Chinese newspaper pages extracted from PDF."""

from __future__ import annotations

__version__ = "0.3.1"
