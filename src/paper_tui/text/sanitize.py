"""Make text from files safe to draw: no control characters or escape sequences reach the terminal.

The loader already drops control characters from page text, but the reader also shows file names,
warnings and whatever a future loader lets through, and one stray ESC (``\\x1b``) written to a
terminal can recolour it, move the cursor or retitle the window. Every character that a terminal
could act on is replaced here by a visible stand-in of the same length (one character for one), so
offsets computed on the clean text still index the original. Markup is a separate matter: the UI
never parses text as markup, it builds ``Content``/``Text`` objects from plain strings.
"""

from __future__ import annotations

import re
from typing import Final

# C0 controls (U+0000-U+001F) and DEL (U+007F) get their Unicode "control picture" (U+2400-U+2421),
# so an escape shows as ␛; C1 controls (U+0080-U+009F) and the bidirectional overrides and
# isolates (U+200E U+200F U+202A-U+202E U+2066-U+2069), which can reorder what is drawn, get U+FFFD.
UNSAFE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters never written to the terminal as they are."""
# Tabs and line breaks inside one line of display are spacing, not something to show.
_AS_SPACE: Final = frozenset("\t\n\r\x0b\x0c")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    if char in _AS_SPACE:
        return " "
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean(text: str) -> str:
    """Replace every character a terminal could act on by a visible one, keeping the length."""
    return UNSAFE.sub(_stand_in, text)


def is_clean(text: str) -> bool:
    """Whether ``text`` holds nothing a terminal could act on."""
    return UNSAFE.search(text) is None
