"""Archives for the search tests: generated pages, one-article pages, the brute-force reference."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from paper_tui.loader import LoadError, load
from paper_tui.search import ArchiveIndex
from paper_tui.search.query import to_simplified
from paper_tui.search.tokens import fold

SEED_PAGE = Path(__file__).parents[2] / "seeds" / "pinghu-2025-02-page1.txt"
# Few characters, so that short strings recur across articles and pages.
ALPHABET = "国家发展项目建设城市经济社会科技创新质量中特色人民政府工作会议推进改革"
PHRASES = ("高质量发展", "中国特色", "润泽", "GDP", "5G", "２０２５")
SECTIONS = ("要闻", "经济", "文化", "体育")
WIDTH = 14


@dataclass(frozen=True)
class Article:
    """An item as the loader found it: the brute-force reference for the index."""

    path: Path
    item_id: str
    date: str | None
    section: str | None
    headline: str
    body: str


def _text(rng: random.Random, length: int) -> str:
    chars = [rng.choice(ALPHABET) for _ in range(length)]
    if rng.random() < 0.5:
        at = rng.randrange(len(chars))
        chars[at:at] = rng.choice(PHRASES)
    return "".join(chars)


def _paragraph(rng: random.Random) -> list[str]:
    text = _text(rng, rng.randint(24, 60))
    cut = rng.randrange(4, len(text) - 4)
    text = text[:cut] + rng.choice("，、；") + text[cut:] + "。"
    return [text[i : i + WIDTH] for i in range(0, len(text), WIDTH)]


def page_text(rng: random.Random, number: int, section: str, date: str | None) -> str:
    """A small generated page: furniture, then a few articles with headlines and paragraphs."""
    lines = []
    if date is not None:
        year, month, day = (int(part) for part in date.split("-"))
        lines.append(f"{year}年{month}月{day}日 星期一")
    lines += [f"{number} {section}", ""]
    for _ in range(rng.randint(2, 4)):
        lines += [_text(rng, rng.randint(6, 11)), ""]
        for _ in range(rng.randint(2, 4)):
            lines += [*_paragraph(rng), ""]
    return "\n".join(lines) + "\n"


def write_archive(folder: Path, *, days: int = 5, singles: int = 10, seed: int = 7) -> list[Path]:
    """Generated page files below ``folder``: four pages a day in a folder per issue (dated by
    the folder's name), then ``singles`` pages dated by file name (and by their date line)."""
    rng = random.Random(seed)
    files = []
    for day in range(1, days + 1):
        for number in range(1, 5):
            path = folder / f"2025-02-0{day}" / f"0{number}.txt"
            section = SECTIONS[(day + number) % len(SECTIONS)]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page_text(rng, number, section, None), encoding="utf-8")
            files.append(path)
    for index in range(singles):
        number = index % 3 + 1
        date = f"2024-0{index % 9 + 1}-1{index % 10}"
        path = folder / "rmrb" / f"rmrb{date.replace('-', '')}0{number}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_text(rng, number, SECTIONS[index % 4], date), encoding="utf-8")
        files.append(path)
    return files


def articles_of(files: list[Path]) -> list[Article]:
    """Every item the loader finds in ``files`` (skipping files it cannot load)."""
    found = []
    for path in files:
        try:
            document = load(path)
        except LoadError:
            continue
        for page in document.pages:
            for item in page.items:
                if item.headline or item.text:
                    found.append(
                        Article(path, item.id, page.date, page.section, item.headline, item.text)
                    )
    return found


FILLER = "城市经济社会科技创新人民政府工作会议推进改革"


def one_article(root: Path, name: str, headline: str, body: str) -> Path:
    """A page file holding one article: a headline, then its body set in a narrow column."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [headline, ""] + [body[i : i + 14] for i in range(0, len(body), 14)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def body_with(word: str, times: int, length: int = 300) -> str:
    text = (FILLER * (length // len(FILLER) + 1))[:length]
    step = length // (times + 1)
    for k in range(times, 0, -1):
        text = text[: k * step] + word + text[k * step :]
    return text + "。"


def contains(article: Article, query: str) -> bool:
    """The reference: every word of the query, or its simplified form, in headline or body."""
    head, body = fold(article.headline), fold(article.body)
    return bool(query.split()) and all(
        any(s in head or s in body for s in {fold(word), fold(to_simplified(word))})
        for word in query.split()
    )


@dataclass(repr=False)
class Built:
    """A generated archive, its index and the brute-force reference."""

    root: Path
    files: list[Path]
    index: ArchiveIndex
    articles: list[Article]
