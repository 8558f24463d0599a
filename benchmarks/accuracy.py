"""Score the loader against gold articles: paragraphs, whole articles and headlines.

Usage: python benchmarks/accuracy.py --corpus DIR [--split dev|eval|all] [--layout] [--verbose]

DIR holds page text files (``NAME.txt``, as pdftotext gives it) each beside ``NAME.gold.json``
(with ``--layout``, ``NAME.layout.txt``: the same page as ``pdftotext -layout`` gives it)
(``{"articles": [{"title", "subtitle", "paragraphs": [...]}]}``); ``dev/`` and ``eval/``
subfolders are scored separately. All comparisons ignore whitespace.

- paragraphs: the page's paragraphs (subheadings included) matched exactly against the gold ones,
  as multisets; precision, recall and F1 over all paragraphs of a split;
- articles: gold articles some item reproduces whole (its paragraphs joined equal the gold's);
- headlines: gold articles whose first paragraph is held by an item whose kicker, title and
  subtitle joined equal the gold title and subtitle joined;
- authors: the gold articles' authors (``authors``, where the gold names them) found among the
  bylines of the item that holds the article's first paragraph.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from paper_tui.loader import LoadError, load

_WS = re.compile(r"\s+")


def squash(text: str | None) -> str:
    """Text with all whitespace removed."""
    return _WS.sub("", text or "")


@dataclass
class Score:
    """Counts for one page or a whole split."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0
    articles_right: int = 0
    headlines_right: int = 0
    articles: int = 0
    authors_right: int = 0
    authors: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(text_path: Path, gold_path: Path, verbose: bool = False) -> Score:
    """Score one page against its gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = load(text_path)
    items = [item for page in document.pages for item in page.items]
    predicted = Counter(squash(p) for item in items for p in item.paragraphs if squash(p))
    gold_paragraphs = Counter(
        squash(p) for article in gold["articles"] for p in article["paragraphs"] if squash(p)
    )
    score = Score(
        matched=sum((predicted & gold_paragraphs).values()),
        predicted=sum(predicted.values()),
        gold=sum(gold_paragraphs.values()),
        articles=len(gold["articles"]),
    )
    bodies = {"".join(squash(p) for p in item.paragraphs) for item in items}
    for article in gold["articles"]:
        body = "".join(squash(p) for p in article["paragraphs"])
        if body in bodies:
            score.articles_right += 1
        first = squash(article["paragraphs"][0]) if article["paragraphs"] else ""
        want = squash(article.get("title")) + squash(article.get("subtitle"))
        holder = next(
            (item for item in items if first and first in {squash(p) for p in item.paragraphs}),
            None,
        )
        got = squash(holder.headline) if holder else None
        if got == want:
            score.headlines_right += 1
        elif verbose:
            print(f"    headline: want {want!r} got {got!r}")
        authors = article.get("authors") or []
        bylines = squash("".join(holder.bylines)) if holder else ""
        for author in [authors] if isinstance(authors, str) else authors:
            score.authors += 1
            if squash(author) in bylines:
                score.authors_right += 1
            elif verbose:
                print(f"    author: want {author!r} got {holder.bylines if holder else None!r}")
    if verbose:
        for paragraph in (gold_paragraphs - predicted).elements():
            print(f"    missed: {paragraph[:30]}…{paragraph[-10:]}")
        for paragraph in (predicted - gold_paragraphs).elements():
            print(f"    extra:  {paragraph[:30]}…{paragraph[-10:]}")
    return score


def _row(name: str, s: Score) -> str:
    return (
        f"{name:<24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
        f"{s.articles_right:>3}/{s.articles:<3} {s.headlines_right:>3}/{s.articles:<3}  "
        f"{s.authors_right:>3}/{s.authors:<3}"
    )


def score_folder(folder: Path, verbose: bool, suffix: str = ".txt") -> Score | None:
    """Print a table for the pages of one folder; return the totals."""
    pages = sorted(p for p in folder.glob("*.gold.json"))
    if not pages:
        return None
    print(f"\n{folder}")
    print(
        f"{'page':<24} {'prec':>6} {'rec':>6} {'F1':>6} {'articles':>7} {'headlines':>9} "
        f"{'authors':>8}"
    )
    total = Score()
    for gold_path in pages:
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", suffix))
        if not text_path.exists():
            continue
        try:
            page_score = score_page(text_path, gold_path, verbose)
        except LoadError as error:
            print(f"{text_path.name}: {error}")
            continue
        print(_row(text_path.name.removesuffix(suffix), page_score))
        total.add(page_score)
    print(_row("TOTAL", total))
    share = total.headlines_right / total.articles if total.articles else 0.0
    authors = total.authors_right / total.authors if total.authors else 0.0
    print(
        f"paragraph F1 {total.f1:.3f}; headlines right {share:.1%}; "
        f"authors in the right item {authors:.1%}"
    )
    return total


def main(argv: list[str] | None = None) -> int:
    """Score every gold page below --corpus, per split folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of pages and gold")
    parser.add_argument("--split", choices=("dev", "eval", "all"), default="all")
    parser.add_argument(
        "--layout", action="store_true", help="score the pages in layout mode (NAME.layout.txt)"
    )
    parser.add_argument("--verbose", action="store_true", help="list misses per page")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a folder", file=sys.stderr)
        return 2
    folders = sorted({p.parent for p in args.corpus.rglob("*.gold.json")})
    if args.split != "all":
        folders = [f for f in folders if f.name == args.split]
    if not folders:
        print(f"{args.corpus}: no gold pages found", file=sys.stderr)
        return 2
    for folder in folders:
        score_folder(folder, args.verbose, ".layout.txt" if args.layout else ".txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
