"""Pages in layout mode (columns side by side, as ``pdftotext -layout`` sets them) read by column."""

from __future__ import annotations

from pathlib import Path

from typeset import set_column

from paper_tui.loader import load_text
from paper_tui.loader.layout import is_layout, read_columns

SEEDS = Path(__file__).parents[2] / "seeds"
LEFT = (
    "陈利众一行首先来到德耐尔能源装备有限公司，走进生产车间、测试研发中心等，实地了解去年"
    "企业生产经营状况和今年发展规划。陈利众充分肯定了企业发展成效，认为该企业投资强度很高。"
)
RIGHT = (
    "本月七日下午，市政协十四届十二次常委会会议召开。会议听取了关于市政协去年工作情况的"
    "报告，审议通过了有关人事事项。市政协主席陈利众出席会议并讲话。"
)


def side_by_side(left: list[str], right: list[str], gutter: int = 6) -> list[str]:
    """Two columns as layout mode prints them: each row the left line, a gutter, the right."""
    width = max(map(len, left)) * 2 + gutter
    rows = []
    for index in range(max(len(left), len(right))):
        a = " ".join(left[index]) if index < len(left) else ""
        b = " ".join(right[index]) if index < len(right) else ""
        rows.append((a.ljust(width) + b).rstrip())
    return rows


def test_layout_mode_is_told_from_the_default_mode() -> None:
    rows = side_by_side(set_column(LEFT, 14), set_column(RIGHT, 14))
    assert is_layout(rows)
    for page in SEEDS.glob("*.txt"):
        assert not is_layout(page.read_text(encoding="utf-8").splitlines())


def test_columns_are_read_one_after_the_other() -> None:
    left, right = set_column(LEFT, 14), set_column(RIGHT, 14)
    texts = [text.replace(" ", "") for _row, text in read_columns(side_by_side(left, right))]
    assert [text for text in texts if text] == [*left, *right]


def test_a_page_in_layout_mode_loads_as_its_columns_would() -> None:
    rows = side_by_side(set_column(LEFT, 14), set_column(RIGHT, 14))
    paragraphs = [p for item in load_text("\n".join(rows) + "\n").items for p in item.paragraphs]
    assert paragraphs == [LEFT, RIGHT]


def test_pieces_of_one_column_in_one_row_are_joined() -> None:
    # A line torn at a quotation mark: two pieces in the left column on one row.
    left, right = set_column(LEFT, 14), set_column(RIGHT, 14)
    rows = side_by_side(left, right)
    first = rows[1].index(" ".join(left[1])[6:])
    rows[1] = rows[1][:first] + "   " + rows[1][first:]
    texts = [text.replace(" ", "") for _row, text in read_columns(rows)]
    assert left[1] in texts


def test_the_rows_above_the_columns_come_first() -> None:
    left, right = set_column(LEFT, 14), set_column(RIGHT, 14)
    rows = ["2025 年 2 月 9 日 星期日".rjust(60), "", *side_by_side(left, right)]
    texts = [text for _row, text in read_columns(rows) if text]
    assert texts[0] == "2025 年 2 月 9 日 星期日"
    [page] = load_text("\n".join(rows) + "\n").pages
    assert page.date == "2025-02-09"


def test_a_page_of_one_column_is_read_as_it_is() -> None:
    lines = set_column(LEFT, 14)
    assert not is_layout(lines)
    assert [text for _row, text in read_columns(lines)] == lines
    assert not is_layout([])


def test_a_header_row_set_across_the_columns_is_the_page_s_furniture() -> None:
    # The date at the left edge, the page and section over the right column: one row, above a
    # title set over the left column.
    rows = side_by_side(set_column(LEFT, 14), set_column(RIGHT, 14))
    width = len(rows[0])
    header = "2025 年 2 月 8 日 星期六".ljust(width - 6) + "3 要闻"
    title = "平湖市政协召开常委会会议"
    page = load_text("\n".join([header, "", title, "", "", *rows]) + "\n").pages[0]
    assert (page.number, page.date, page.section) == (3, "2025-02-08", "要闻")
    assert [item.title for item in page.items] == [title]
    assert page.items[0].paragraphs == (LEFT, RIGHT)


def _prose(seed: int, length: int) -> str:
    """Sentences of characters drawn without repeating words, so no seam reads as a word."""
    import random

    pool = "的一是了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得着下自之"
    chooser = random.Random(seed)
    text = ""
    while len(text) < length:
        clause = "".join(chooser.choice(pool) for _ in range(chooser.randint(5, 9)))
        text += clause + chooser.choice("，，。")
    return text[: length - 1] + "。"


def test_a_column_goes_on_in_the_next_column_level_with_its_top() -> None:
    # Two articles, one over the other, each set across both columns. Read column after
    # column, the first article's left half is followed by the second's: its right half
    # starts level with it, at the top of the next column.
    upper, lower = _prose(1, 110), _prose(2, 110)
    upper_lines, lower_lines = set_column(upper, 14), set_column(lower, 14)
    half_upper, half_lower = len(upper_lines) // 2, len(lower_lines) // 2
    rows = [
        *side_by_side(upper_lines[:half_upper], upper_lines[half_upper:]),
        "",
        "",
        "",
        *side_by_side(lower_lines[:half_lower], lower_lines[half_lower:]),
    ]
    paragraphs = [p for item in load_text("\n".join(rows) + "\n").items for p in item.paragraphs]
    assert paragraphs == [upper, lower]


def test_a_title_rows_under_a_column_s_foot_is_no_tail_of_its_text() -> None:
    # The left column stops mid-sentence and goes on at the top of the right one. Rows below
    # its foot stands a title as wide as the column, alone, over another text: it is no tail
    # cut off from the column's text.
    text = _prose(3, 150)
    lines = set_column(text, 14)
    half = len(lines) // 2
    assert not lines[half - 1].endswith("。")
    banner = "认真学习宣传贯彻全会精神实质"
    other = _prose(4, 60)
    rows = [
        *side_by_side(lines[:half], lines[half:]),
        "",
        "",
        "",
        " ".join(banner),
        "",
        "",
        "",
        *set_column(other, 14),
    ]
    items = load_text("\n".join(rows) + "\n").items
    paragraphs = [p for item in items for p in item.paragraphs]
    assert text in paragraphs
    assert banner not in "".join(paragraphs)


def test_a_heading_in_large_type_stays_one_line_across_its_wider_row_gaps() -> None:
    # Layout mode sets a heading in large type with empty rows between its lines, and the gap
    # before its last line may be two rows, as wide as a block break between lines of text.
    before, after = _prose(5, 80), _prose(6, 80)
    heading = ["把握好深入落实", "优先发展教育事业的", "重点任务"]
    left = [
        *set_column(before, 14), "", "",
        heading[0], "", heading[1], "", "", heading[2], "",
        *set_column(after, 14),
    ]  # fmt: skip
    right = set_column(_prose(7, 8 * len(left)), 14)[: len(left)]
    items = load_text("\n".join(side_by_side(left, right)) + "\n").items
    paragraphs = [p for item in items for p in item.paragraphs]
    assert "".join(heading) in paragraphs or "".join(heading) in [i.headline for i in items]
    assert before in paragraphs and after in paragraphs


def test_furniture_on_a_row_takes_nothing_from_the_other_columns() -> None:
    # An editor's line at the foot of the left column, level with a line of the right one.
    more = "会议还审议通过了市政协今年工作要点，并对下一阶段工作作出部署。"
    left = [*set_column(LEFT, 14), "责编：刘某"]
    right = [*set_column(RIGHT, 14), *set_column(more, 14)]
    assert len(right) >= len(left)
    page = load_text("\n".join(side_by_side(left, right)) + "\n").pages[0]
    assert "责编：刘某" in [text.replace(" ", "") for text in page.furniture]
    assert [p for item in page.items for p in item.paragraphs] == [LEFT, RIGHT, more]
