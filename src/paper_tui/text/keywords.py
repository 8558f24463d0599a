"""An article's key terms, by jieba's TF-IDF, loaded quietly and only when asked for.

jieba takes seconds to build its dictionary and announces it on stderr ("Building prefix dict
from the default dictionary ...") through a logging handler it installs at import, and its import
warns that ``pkg_resources`` is deprecated. A terminal app cannot have either reach the screen, so
``load_dictionary`` imports jieba with warnings caught, takes its logger's handler away and keeps
its dictionary cache in paper-tui's own cache folder. Call it from a worker thread: it blocks.

The terms kept are words a reader would scan for: dates and numbers (2月7日, 25个, 十四届) and
single characters are left out, and so is the newspaper's own boilerplate (本报讯, 记者).
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from pathlib import Path
from typing import Final

# A number (Arabic, full-width or Chinese numerals, with a decimal point or per cent) with at most
# one unit or date character after it: 2025年, 十四届, 25个, 3.5%, 一季度 is kept (季度 is a word).
NUMERIC: Final = re.compile(
    r"^[0-9０-９.．%％一二三四五六七八九十百千万亿零〇两几第]+"
    r"[年月日号时分秒届次期个项家名位人元亩吨版条批]?$"
)
"""Terms that are numbers or dates."""
BOILERPLATE: Final = frozenset({"本报讯", "记者", "通讯员", "摄影", "编辑", "责任编辑"})
"""Words every article on a page carries."""
_LOGGERS: Final = ("jieba", "jieba._compat")
_lock = threading.Lock()
_loaded = False


def is_key_term(term: str) -> bool:
    """Whether a term jieba proposes is worth highlighting."""
    term = term.strip()
    return len(term) >= 2 and not NUMERIC.match(term) and term not in BOILERPLATE


def _silence() -> None:
    """Keep jieba's log lines off the terminal: no handler, no propagation to the root logger."""
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
        logger.setLevel(logging.CRITICAL)


def load_dictionary(cache_dir: Path | None = None) -> None:
    """Import jieba and build its dictionary, silently; blocks a second or more the first time."""
    global _loaded
    with _lock:
        if _loaded:
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jieba
            import jieba.analyse  # loads the IDF table
        _silence()
        if cache_dir is not None:
            try:
                cache_dir.mkdir(parents=True, exist_ok=True)
                jieba.dt.tmp_dir = str(cache_dir)
            except OSError:
                pass  # jieba falls back to rebuilding the dictionary each run
        jieba.initialize()
        _loaded = True


def is_loaded() -> bool:
    """Whether the dictionary is ready, so extraction will not block on loading it."""
    return _loaded


def extract_keywords(text: str, count: int) -> tuple[str, ...]:
    """The ``count`` key terms of ``text``, most important first (loads jieba if needed)."""
    if count <= 0 or not text.strip():
        return ()
    load_dictionary()
    import jieba.analyse

    # Ask for more than needed: numbers, dates and boilerplate are dropped afterwards.
    terms = jieba.analyse.extract_tags(text, topK=count * 3 + 10)
    return tuple(term for term in terms if is_key_term(term))[:count]
