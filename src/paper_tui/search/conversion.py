"""Whether OpenCC's traditional-to-simplified conversion could change a text, without loading it.

Also: whether a text is written in traditional characters (``is_traditional``), which tells an
index that it holds pages in traditional script.

Loading OpenCC (opencc-python-reimplemented) and its t2s dictionaries costs a search command about
9 ms, for every query in Chinese, though most are simplified already. The conversion only ever
replaces a piece of text that is a key of one of the dictionaries its ``t2s`` configuration names,
so a text that holds no key comes out unchanged. The keys holding each of the text's characters
are looked up in the installed package's files, found without importing it; anything unexpected
(another OpenCC, binary dictionaries) counts as "could change", and the converter decides.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from importlib.machinery import PathFinder

# Not imported from typing (nor re, nor json): the search command imports this module for every
# query, and those cost it milliseconds (type checkers know the name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_CONFIG: Final = ("config", "t2s.json")
_DICTIONARY_FOLDER: Final = "dictionary"
_FILE_KEY: Final = '"file"'
_CHARACTERS: Final = "TSCharacters.txt"
# A simplified text may quote a traditional character or two (a name, a shop sign); a text in
# traditional script holds dozens.
TRADITIONAL_MIN: Final = 8


def may_change(text: str) -> bool:
    """Whether OpenCC's t2s conversion could change ``text``."""
    dictionaries = _dictionaries()
    return dictionaries is None or any(
        key in text for char in set(text) for key in _keys_with(char, dictionaries)
    )


@cache
def _dictionaries() -> str | None:
    """Every dictionary t2s uses, one line per entry (key, tab, values); None if not known."""
    spec = PathFinder.find_spec("opencc")
    if spec is None or spec.origin is None:
        return None
    folder = os.path.dirname(spec.origin)
    texts = []
    try:
        with open(os.path.join(folder, *_CONFIG), encoding="utf-8") as config:
            # Every file the configuration names, for segmenting or converting: a superset.
            names = _named_files(config.read())
        if names is None:
            return None
        for name in names:
            if not name.endswith(".txt"):
                return None
            with open(os.path.join(folder, _DICTIONARY_FOLDER, name), encoding="utf-8") as file:
                texts.append(file.read())
    except (OSError, UnicodeDecodeError):
        return None
    return "\n".join(texts) if texts else None


def _named_files(config: str) -> list[str] | None:
    """The value of every ``"file"`` key in an OpenCC configuration (JSON); None if one is not
    written as a plain string."""
    names = []
    at = config.find(_FILE_KEY)
    while at >= 0:
        rest = config[at + len(_FILE_KEY) :].lstrip()
        if not rest.startswith(":"):
            return None
        rest = rest[1:].lstrip()
        end = rest.find('"', 1)
        if not rest.startswith('"') or end < 0 or "\\" in rest[:end]:
            return None
        names.append(rest[1:end])
        at = config.find(_FILE_KEY, at + len(_FILE_KEY))
    return names


def _keys_with(char: str, dictionaries: str) -> Iterator[str]:
    """The keys that hold ``char``."""
    at = dictionaries.find(char)
    while at >= 0:
        start = dictionaries.rfind("\n", 0, at) + 1
        end = dictionaries.find("\t", start)
        if not 0 <= end < at:  # in the key, not in the values after it
            yield dictionaries[start:end] if end >= 0 else dictionaries[start:]
        at = dictionaries.find(char, at + 1)


@cache
def traditional_chars() -> frozenset[str]:
    """The characters t2s always changes (書, 記, 報…); empty if OpenCC is not installed."""
    spec = PathFinder.find_spec("opencc")
    if spec is None or spec.origin is None:
        return frozenset()
    path = os.path.join(os.path.dirname(spec.origin), _DICTIONARY_FOLDER, _CHARACTERS)
    chars = set()
    try:
        with open(path, encoding="utf-8") as file:
            for line in file:
                key, _, values = line.rstrip("\n").partition("\t")
                if len(key) == 1 and key not in values.split():
                    chars.add(key)
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(chars)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (as far as OpenCC tells)."""
    return len(traditional_chars().intersection(text)) >= TRADITIONAL_MIN
