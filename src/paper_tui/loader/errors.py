"""Errors the loader raises for input that is not a readable newspaper page."""

from __future__ import annotations


class LoadError(Exception):
    """A file that cannot be loaded as a page; the message is one line fit for a user."""

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message
