"""Write the loader's word list (``src/paper_tui/loader/lexicon.txt``) from jieba's dictionary.

Usage: python tools/make_lexicon.py [--min-count 100]

jieba (MIT License, Copyright (c) 2013 Sun Junyi) ships a dictionary of Chinese words with their
counts in a large corpus. The loader keeps the words of one to four Han characters counted at
least ``--min-count`` times, each with its count rounded to a level (the natural logarithm,
rounded), grouped by length and level: one line per group, ``LENGTH LEVEL WORDS`` with the
words run together. The file's first lines say where it comes from and the total count. A line
``traditional PAIRS`` maps the traditional forms of the words' characters (OpenCC: mainland,
Hong Kong and Taiwan standards) to them, two characters a pair, so pages printed in traditional
characters are read with the same words; a form that is itself one of the words' characters
(著) is left as it is.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from importlib.util import find_spec
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "src" / "paper_tui" / "loader" / "lexicon.txt"
HAN = re.compile(r"[\u4e00-\u9fff]{1,4}")


def traditional_pairs(chars: list[str]) -> dict[str, str]:
    """Each traditional form of the characters that is not one of them, and its character."""
    from opencc import OpenCC

    converters = [OpenCC(standard) for standard in ("s2t", "s2hk", "s2tw")]
    known = set(chars)
    pairs: dict[str, str] = {}
    for char in chars:
        for converter in converters:
            form = converter.convert(char)
            if len(form) == 1 and form != char and form not in known:
                pairs.setdefault(form, char)
    return pairs


def main() -> int:
    """Read jieba's dictionary and write the word list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=100)
    args = parser.parse_args()
    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        print("jieba is not installed", file=sys.stderr)
        return 2
    source = Path(spec.origin).with_name("dict.txt")
    total = 0
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for line in source.read_text(encoding="utf-8").splitlines():
        word, count, *_ = line.split()
        total += int(count)
        if int(count) >= args.min_count and HAN.fullmatch(word):
            groups[len(word), round(math.log(int(count)))].append(word)
    kept_chars = sorted({char for words in groups.values() for word in words for char in word})
    pairs = traditional_pairs(kept_chars)
    lines = [
        "# Chinese words and how common they are, for the loader's seam evidence.",
        "# From jieba's dictionary (MIT License, Copyright (c) 2013 Sun Junyi): words of one to",
        f"# four Han characters counted at least {args.min_count} times. Made by"
        " tools/make_lexicon.py.",
        "# Lines: LENGTH LEVEL WORDS (run together); LEVEL is the count's natural log, rounded.",
        f"total {total}",
        "traditional " + "".join(f"{form}{char}" for form, char in sorted(pairs.items())),
    ]
    for (length, level), words in sorted(groups.items()):
        lines.append(f"{length} {level} {''.join(sorted(words))}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept = sum(map(len, groups.values()))
    print(f"{TARGET.name}: {kept} words, {TARGET.stat().st_size / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
