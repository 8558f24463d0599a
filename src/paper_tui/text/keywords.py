"""An article's key terms, by jieba's TF-IDF, loaded quietly and only when asked for.

jieba takes seconds to build its dictionary and announces it on stderr ("Building prefix dict
from the default dictionary ...") through a logging handler it installs at import, and its import
warns that ``pkg_resources`` is deprecated. A terminal app cannot have either reach the screen, so
``load_dictionary`` imports jieba with warnings caught, takes its logger's handler away and keeps
its dictionary cache in paper-tui's own cache folder. Call it from a worker thread: it blocks.

Loading also holds Python's global lock for long stretches (it unmarshals a 9 MB cache in one
call), which would freeze a UI running in the same process. ``KeywordProcess`` therefore runs
jieba in a child process (``python -m paper_tui.text.keywords``) whose stderr goes nowhere and
which answers one JSON line per request over a pipe; the app's worker thread only waits on it.

The terms kept are words a reader would scan for: dates and numbers (2月7日, 25个, 十四届) and
single characters are left out, and so is the newspaper's own boilerplate (本报讯, 记者).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import subprocess
import sys
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


class KeywordProcess:
    """jieba in a child process: ask for an article's key terms, get them back."""

    def __init__(self, cache_dir: Path | None) -> None:
        command = [sys.executable, "-m", __name__, str(cache_dir) if cache_dir else ""]
        # Pipes for the questions and answers, nothing else: whatever jieba writes is discarded,
        # and in a session of its own the child gets none of the terminal's signals (ctrl+c).
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            encoding="utf-8",
            start_new_session=True,
        )

    def extract(self, text: str, count: int) -> tuple[str, ...]:
        """The key terms of ``text``; raises RuntimeError if the child cannot answer."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(json.dumps({"text": text, "count": count}, ensure_ascii=False) + "\n")
            stdin.flush()
            reply = json.loads(stdout.readline() or '{"error": "the key-term process stopped"}')
        except (OSError, ValueError) as error:
            raise RuntimeError(f"the key-term process failed: {error}") from None
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return tuple(reply["terms"])

    def close(self) -> None:
        """Stop the child process (safe to call twice, and from another thread)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        for pipe in (self._process.stdin, self._process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError, ValueError):  # a reader may still hold it
                    pipe.close()


def serve(cache_dir: Path | None) -> None:
    """The child process: load jieba, then answer one JSON line per JSON line on stdin."""
    answers = sys.stdout
    sys.stdout = sys.stderr  # the answers' pipe must carry nothing else
    try:
        load_dictionary(cache_dir)
    except Exception as error:
        failure = f"jieba could not load: {error}"
    else:
        failure = ""
    for line in sys.stdin:
        try:
            request = json.loads(line)
            reply = (
                {"error": failure}
                if failure
                else {"terms": list(extract_keywords(request["text"], request["count"]))}
            )
        except Exception as error:  # one bad article must not stop the others
            reply = {"error": f"key terms failed: {error}"}
        answers.write(json.dumps(reply, ensure_ascii=False) + "\n")
        answers.flush()


if __name__ == "__main__":
    serve(Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else None)
