"""A worker process for building the index: ``python -m paper_tui.search.worker``.

It reads a pickled list of ``reading.ReadTask`` from stdin and writes one pickled
``reading.FileRead`` per task to stdout as each is done. Only ``reading`` starts it.
"""

from __future__ import annotations

from paper_tui.search.reading import serve

if __name__ == "__main__":
    serve()
