"""Loader invariants over generated pages: paragraphs set in columns come back whole."""

from __future__ import annotations

import itertools
import random
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from typeset import set_column, set_page

from paper_tui.loader import load_text
from paper_tui.loader.clean import undouble
from paper_tui.model import Document

# Common characters that form no lead, byline, credit or marker by accident.
POOL = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得着下自之年过发后"
    "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但"
    "因只从想实日军意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手"
)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence: clauses joined by commas, ended by a full stop.

    Characters come from a seeded generator, so that shrinking keeps the text varied the way
    prose is (a page of one repeated character is no newspaper).
    """
    lengths = draw(st.lists(st.integers(min_value=3, max_value=12), min_size=1, max_size=5))
    chooser = random.Random(draw(st.integers(min_value=0, max_value=2**32)))
    clauses = ["".join(chooser.choice(POOL) for _ in range(n)) for n in lengths]
    return "，".join(clauses) + "。"


PARAGRAPH = st.lists(sentences(), min_size=1, max_size=4).map("".join).filter(lambda p: len(p) >= 8)


def is_ambiguous(paragraph: str, width: int) -> bool:
    """A setting that reads as two paragraphs in print too.

    A line that ends a sentence, followed by the paragraph's last line no longer than an indented
    first line, looks exactly like a paragraph's end followed by a new one-line paragraph.
    """
    lines = set_column(paragraph, width)
    last = lines[-1].rstrip("，。")
    return len(lines) >= 2 and lines[-2].endswith("。") and len(last) <= width - 2


def runs_on(first: str, second: str, width: int) -> bool:
    """Two paragraphs that read as one in print too.

    A paragraph that ends with a full line, followed by a one-line paragraph, looks exactly like
    one paragraph whose last line is that short one: a short line shows no indent.
    """
    before, after = set_column(first, width), set_column(second, width)
    return len(after) == 1 and len(before[-1]) >= width - 1


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def shown(document: Document) -> str:
    """Every text the loader found on the pages: furniture, headlines (series banners too),
    bylines, paragraphs."""
    found = []
    for page in document.pages:
        found.extend(page.furniture)
        for item in page.items:
            found.extend(p for p in (item.series, item.kicker, item.title, item.subtitle) if p)
            found.extend(item.bylines)
            found.extend(item.paragraphs)
    return "".join(found)


# Found by runs with a random seed: after the column break the block's only full lines both
# end in a comma, which may hang past the column or sit inside it (measured around a line,
# and over the whole block).
HANGING_COMMAS = [
    "实把这，都两关，力分三，前种将，而面而。",
    "实把这，都两关，力分三。实把这，都两关，力分三前种，将而面而时学最那进要和些，知要本第好所"
    "三此由都上手。",
    "实把这，都两关，力分三，前种将而。实把这，都两关，力分三，前种将而面而时学，最那进要和些知要"
    "本第好所。实把这，都两关，力分三前种将而面而时学最，那进要和些知要本第好所三。",
    "实把这，都两关力分三前种将，而面而时学最那进要和些知。实把这都，两关力，分三前种将而面而时学"
    "最那，进要和。",
]


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    paragraphs=st.lists(PARAGRAPH, min_size=4, max_size=10),
    width=st.integers(min_value=10, max_value=24),
    blank_between=st.booleans(),
    breaks=st.sets(st.integers(min_value=1, max_value=60), max_size=4),
)
@example(paragraphs=HANGING_COMMAS, width=17, blank_between=False, breaks={10})
@example(paragraphs=HANGING_COMMAS, width=17, blank_between=False, breaks={11})
def test_paragraphs_set_in_columns_load_back(
    paragraphs: list[str], width: int, blank_between: bool, breaks: set[int]
) -> None:
    page = set_page(paragraphs, width, blank_between=blank_between, breaks=sorted(breaks))
    # The column's width and type must be evident from the text, as on a real page: a dozen
    # lines run on into the next one, most of them full ones, and some block holds four lines
    # or more.
    settings_ = [set_column(p, width) for p in paragraphs]
    assume(sum(len(lines) - 1 for lines in settings_) >= 12)
    assume(sum(max(0, len(lines) - 2) for lines in settings_) >= len(settings_))
    assume(max(len(block.split("\n")) for block in page.strip().split("\n\n")) >= 4)
    assume(not any(is_ambiguous(p, width) for p in paragraphs))
    assume(not any(runs_on(a, b, width) for a, b in itertools.pairwise(paragraphs)))
    document = load_text(page)
    loaded = [p for item in document.items for p in item.paragraphs]
    assert [squash(p) for p in loaded] == [squash(p) for p in paragraphs]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(alphabet=POOL + "，。：“”！？ \n0123456789abcXYZ■（）", max_size=400))
def test_no_character_is_lost(text: str) -> None:
    # Fake-bold doubling is the one repair that drops characters, by design.
    assume(all(undouble(line) is None for line in text.split("\n")))
    assert sorted(squash(shown(load_text(text)))) == sorted(squash(text))


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    paragraphs=st.lists(PARAGRAPH, min_size=4, max_size=10),
    width=st.integers(min_value=10, max_value=20),
    split=st.integers(min_value=1, max_value=9),
    gutter=st.integers(min_value=3, max_value=10),
)
def test_columns_side_by_side_load_as_the_same_columns_one_after_the_other(
    paragraphs: list[str], width: int, split: int, gutter: int
) -> None:
    # What pdftotext -layout prints, two columns in each row, reads as its default mode does.
    assume(split < len(paragraphs))
    left = [line for p in paragraphs[:split] for line in set_column(p, width)]
    right = [line for p in paragraphs[split:] for line in set_column(p, width)]
    # Columns of a page run most of its height, as they do in print.
    assume(min(len(left), len(right)) >= max(4, len(left) // 2, len(right) // 2))
    rows = [
        (a.ljust(width + gutter) + b).rstrip()
        for a, b in itertools.zip_longest(left, right, fillvalue="")
    ]
    one_after_the_other = "\n".join([*left, "", *right]) + "\n"
    side_by_side = "\n".join(rows) + "\n"

    def paragraphs_of(text: str) -> list[str]:
        return [squash(p) for item in load_text(text).items for p in item.paragraphs]

    assert paragraphs_of(side_by_side) == paragraphs_of(one_after_the_other)


# Lines of fixed wording a page sets among its columns (none of them dropped by design, as a
# continuation marker's or a fake-bold copy's characters are).
MARKED = [
    "责编：刘某",
    "2018年1月2日 星期二",
    "7 理论",
    "■记者 李晖 通讯员 余建",
    "朱艳霞 摄",
    "李明",
]


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    paragraphs=st.lists(PARAGRAPH, min_size=4, max_size=8),
    width=st.integers(min_value=10, max_value=20),
    split=st.integers(min_value=1, max_value=7),
    marked=st.lists(
        st.tuples(st.booleans(), st.integers(min_value=0, max_value=40), st.sampled_from(MARKED)),
        max_size=4,
    ),
)
def test_no_character_is_lost_in_layout_mode(
    paragraphs: list[str], width: int, split: int, marked: list[tuple[bool, int, str]]
) -> None:
    # Columns side by side, with bylines, credits and furniture set level with text.
    assume(split < len(paragraphs))
    columns = [
        [line for p in paragraphs[:split] for line in set_column(p, width)],
        [line for p in paragraphs[split:] for line in set_column(p, width)],
    ]
    for right, at, line in marked:
        column = columns[right]
        column.insert(min(at, len(column)), line)
    rows = [
        (a.ljust(2 * width + 4) + b).rstrip()
        for a, b in itertools.zip_longest(*columns, fillvalue="")
    ]
    document = load_text("\n".join(rows) + "\n")
    assert sorted(squash(shown(document))) == sorted(squash("".join(rows)))


# Lines of every kind the loader sets apart from text: banners of a series, a title of matching
# phrases, a title and its subtitle, an author's name, boxed headings and bylines, a numbered
# heading, a closing name, a caption with its credit, an editor's note, a bracketed lead, a
# masthead, a lunar date, a commentator.
HEADLINE_LINES = [
    "认真学习宣传贯彻党的十九大精神",
    "深入学习贯彻习近平新时代中国特色社会主义思想",
    "疏堵结合",
    "强化管理",
    "我国地方政府债务风险总体可控",
    "意气风发走进新时代",
    "王平",
    "◎江北区",
    "■ 聚焦民生 办好实事",
    "一、把握科学内涵",
    "（王小明）",
    "▲市民在公园赏花（记者 王五 摄）",
    "编者按：本报推出专栏。",
    "【本报讯】近日，市民广场改造完工。",
    "东川日报",
    "农历甲辰年三月十一",
    "本报评论员",
]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    blocks=st.lists(
        st.tuples(
            st.lists(st.sampled_from(HEADLINE_LINES), max_size=3),
            st.one_of(st.none(), PARAGRAPH),
            st.lists(st.sampled_from(HEADLINE_LINES), max_size=2),
        ),
        min_size=1,
        max_size=8,
    ),
    width=st.integers(min_value=10, max_value=20),
)
# Found by a longer run: a headline given to a photo, in a page with no other headline, was
# lost when the photo was chained to the text before it.
@example(
    blocks=[
        ([], None, ["认真学习宣传贯彻党的十九大精神", "▲市民在公园赏花（记者 王五 摄）"]),
        ([], "实把这，都两关。", []),
        ([], None, ["▲市民在公园赏花（记者 王五 摄）"]),
    ],
    width=10,
)
def test_no_character_is_lost_around_headlines(
    blocks: list[tuple[list[str], str | None, list[str]]], width: int
) -> None:
    # Such lines over, under and between text, alone or stacked, in any order.
    page = "\n\n".join(
        "\n".join([*over, *(set_column(text, width) if text else []), *under])
        for over, text, under in blocks
        if over or text or under
    )
    document = load_text(page + "\n")
    assert sorted(squash(shown(document))) == sorted(squash(page))
