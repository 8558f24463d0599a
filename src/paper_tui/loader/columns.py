"""Measure a page's type: how wide its full-width punctuation is set.

Some papers set ``，。“”`` a full em wide, others compress them to half an em, most somewhere
between, and line widths (which tell full lines from short ones) depend on it. Lines in the
middle of a paragraph are full, so the punctuation width that makes them most even is the page's.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from itertools import repeat
from typing import Final

from paper_tui.loader.chars import PUNCT_WIDTH
from paper_tui.loader.lines import HANGING, Line, measured
from paper_tui.loader.widths import median

# Tried from nominal (a full em) down; on a tie the wider wins.
CANDIDATES: Final = (1.0, 0.875, 0.75, 0.625, 0.5)
# Fewer full lines than this say nothing reliable about the page's type.
MIN_EVIDENCE: Final = 4
MIN_BLOCK: Final = 3
# Deviations beyond this many ems are stray lines, not type.
MAX_DEVIATION: Final = 2.0


def _full_lines(block: Sequence[Line]) -> list[Line]:
    """Lines in the middle of a paragraph: neither its first nor its last."""
    body = [line for line in block if line.role == "body"]
    out = []
    for i in range(1, len(body) - 1):
        previous, line = body[i - 1], body[i]
        if previous.stops:
            continue  # a paragraph may start here, two characters short
        if line.stops:
            continue  # a paragraph may end here, anywhere
        if line.text[-1] in HANGING:
            continue  # its last mark may hang past the column edge or sit inside it
        out.append(line)
    return out


def punct_width(blocks: Sequence[Sequence[Line]]) -> float:
    """The punctuation width (in ems) that makes the page's full lines most even."""
    samples = [
        sample
        for block in blocks
        if len(block) >= MIN_BLOCK and len(sample := _full_lines(block)) >= 2
    ]
    if sum(len(sample) for sample in samples) < MIN_EVIDENCE:
        return PUNCT_WIDTH
    parts = [[line.parts for line in sample] for sample in samples]
    best, best_spread = PUNCT_WIDTH, float("inf")
    for candidate in CANDIDATES:
        spread = 0.0
        for block_parts in parts:
            widths = [punct * candidate + rest for punct, rest in block_parts]
            spread += _spread(widths, median(sorted(widths)))
        if spread < best_spread - 1e-9:
            best, best_spread = candidate, spread
    return best


def _spread(widths: list[float], middle: float) -> float:
    """The summed deviations of widths from their median, each capped at ``MAX_DEVIATION``."""
    deviations = map(abs, map(operator.sub, widths, repeat(middle)))
    return sum(map(min, deviations, repeat(MAX_DEVIATION)))


def remeasure(lines: Sequence[Line | None], width: float) -> list[Line | None]:
    """The lines with their widths measured with punctuation ``width`` ems wide."""
    return [None if line is None else measured(line, width) for line in lines]
