"""Join column-wrapped lines into paragraphs, and paragraph fragments into whole paragraphs.

pdftotext cuts every line at the column width and puts a blank line both between paragraphs and
at column breaks, so neither a line end nor a blank line says where a paragraph ends. The text
does: a paragraph ends with a sentence, its last line is usually short for its block, and the
next paragraph's first line is about two characters short because its indent was lost. Each
line is measured against its own column's width (``widths``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from typing import Final, Literal

from paper_tui.loader.chars import (
    CJK_RANGES,
    CLOSING,
    LATIN,
    LATIN_LETTERS,
    OPENING,
    ends_sentence,
    is_cjk,
)
from paper_tui.loader.lines import (
    ADDRESSEE,
    AFFILIATION_START,
    NOTICE_TITLE,
    Line,
    inline_caption,
    is_author_name,
    is_lead,
)
from paper_tui.loader.widths import (
    CLOSING_QUOTES,
    INDENT_MAX,
    INDENT_MIN,
    NOT_FULL,
    OPENING_QUOTES,
    SHORT_LINE,
    Printed,
    block_widths,
    local_widths,
    median,
    nearby_widths,
    printed_widths,
    width_for,
)

PieceKind = Literal[
    "paragraph", "subheading", "headline", "byline", "credit", "continuation", "furniture"
]

# A subheading inside an article is set centred in bold, clearly shorter than the body lines.
SUBHEADING_SHORT: Final = 3.5
HEADLINE_MAX_LINES: Final = 4
SUBHEADING_MAX_LINES: Final = 6
# In layout mode, a paragraph's tail cut off by a column break stands at most this many rows
# under it, in its column.
CUT_OFF_ROWS: Final = 3
# Marks no paragraph opens with: a line that starts with one carries on the sentence above
# (``】，自公告之日起`` after a bracketed judgment). Dashes and ellipses may open a quotation.
_GOES_ON: Final = "".join(char for char in CLOSING if char not in "…—·")
HEADLINE_MAX_CHARS: Final = 64
# The phrases of a headline line set a space apart are at least this long (a name is shorter).
MIN_PHRASE: Final = 4
# A short line printed this many times on a page is a table's label, not an author's name.
REPEATED_NAME: Final = 3


@dataclass(slots=True)
class Piece:
    """A unit of page text on its way to becoming part of an item."""

    kind: PieceKind
    lines: list[Line]
    width: float = 0.0
    block: int = 0
    open_start: bool = False
    """A paragraph that may continue one begun elsewhere (it does not start with an indent)."""
    open_end: bool = False
    """A paragraph whose text runs on past its last line (no sentence end)."""
    joined: list[Piece] = field(default_factory=list)
    carries_on: Piece | None = None
    """The paragraph whose column this one goes on in: the fragment before it in its block was
    joined to that paragraph (see ``fragments``)."""
    own_text: str = ""
    """Its own lines joined (set on first use; a piece's lines never change)."""

    @property
    def text(self) -> str:
        """The piece's text, its lines joined the way Chinese text joins."""
        if not self.own_text:
            self.own_text = join_lines([line.text for line in self.lines])
        if not self.joined:
            return self.own_text
        return join_lines([self.own_text, *(piece.text for piece in self.joined)])

    @property
    def all_lines(self) -> list[Line]:
        """Its own lines and those of the fragments joined to it, in reading order."""
        out = list(self.lines)
        for piece in self.joined:
            out.extend(piece.all_lines)
        return out

    @property
    def first(self) -> int:
        """Number of its first input line."""
        return self.lines[0].number


def neighbour_at(pieces: Sequence[Piece], index: int, step: int) -> int | None:
    """Position of the nearest piece before (step -1) or after (step 1) ``index`` that is not
    page furniture (a reader's eye passes over it), or None."""
    at = index + step
    while 0 <= at < len(pieces):
        if pieces[at].kind != "furniture":
            return at
        at += step
    return None


def neighbour(pieces: Sequence[Piece], index: int, step: int) -> Piece | None:
    """The piece at ``neighbour_at``, or None."""
    at = neighbour_at(pieces, index, step)
    return None if at is None else pieces[at]


def text_before(pieces: Sequence[Piece], index: int) -> list[Piece]:
    """The paragraphs and subheadings before ``index``, back to the headline or byline before
    them: the text of the article that ``pieces[index]`` stands in or after."""
    found: list[Piece] = []
    for piece in reversed(pieces[:index]):
        if piece.kind in ("headline", "byline"):
            break
        if piece.kind in ("paragraph", "subheading"):
            found.append(piece)
    return found[::-1]


def join_lines(texts: Sequence[str]) -> str:
    """Join wrapped lines: no space between CJK characters, one between two Latin words."""
    parts: list[str] = []
    for text in texts:
        if not text:
            continue
        # A digit may end a line and a number go on in the next: 2018 / 年 or 12 / 34.
        if parts and parts[-1][-1] in LATIN_LETTERS and text[0] in LATIN:
            parts.append(" ")
        parts.append(text)
    return "".join(parts)


def split_blocks(lines: Sequence[Line | None]) -> list[list[Line]]:
    """Split a page's lines into blocks at blank lines (given as None)."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line is None or not line.text:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def is_headline_text(text: str) -> bool:
    """Whether a line could be (part of) a headline: no sentence or clause ends inside."""
    stripped = text.rstrip()
    if not stripped or len(stripped) > HEADLINE_MAX_CHARS:
        return False
    if _HEADLINE_STOPS.search(stripped) or stripped[-1] in "、" or ends_sentence(stripped):
        return False
    # A headline line may open with the colon or dash of a kicker split off the line above.
    return not (stripped[0] in CLOSING and stripped[0] not in "：:—…")


# Commas, full stops and semicolons never stand in a headline; colons and enumeration commas may
# (``履行历史使命：伟大工程起决定性作用``, ``准确把握、全面贯彻``).
_HEADLINE_STOPS: Final = re.compile(r"[，。；,;]")
_SUBHEADING_STOPS: Final = re.compile(r"[，。；！？,;!?]")
_WORD_ENDS: Final = "，。；！？"
# A line that opens with a word's last character, then a clause's end: 绝，遂诉至法院。 (two
# characters may be a word of their own: 当前，).
_OPENS_WITH_LAST_CHAR: Final = re.compile(f"[{CJK_RANGES}][。，；！？、：]")
# Running text keeps no space between two ideographs; a headline may, between its phrases.
PHRASE_BREAK: Final = re.compile(f"[{CJK_RANGES}] [{CJK_RANGES}]")


def _has_clause_punct(text: str) -> bool:
    return bool(_SUBHEADING_STOPS.search(text)) or text.rstrip().endswith(("：", ":"))


def build_pieces(blocks: Sequence[list[Line]]) -> list[Piece]:
    """Turn a page's blocks into pieces: paragraphs, subheadings, headlines and marked lines."""
    widths = block_widths(blocks)
    pieces: list[Piece] = []
    # Layout mode reads the page column after column: a block may start above the one before.
    by_columns = any(b[0].number < a[-1].number for a, b in pairwise(blocks))
    _split_run = partial(_split_run_after, pieces, by_columns=by_columns)
    # A "name" printed again and again (明天 in a weather table) is no author.
    repeated = Counter(line.text for block in blocks for line in block if len(line.text) <= 8)
    for index, block in enumerate(blocks):
        page_widths = nearby_widths(widths, index)
        run: list[Line] = []
        for position, line in enumerate(block):
            author = (
                line.role == "body"
                and repeated[line.text] < REPEATED_NAME
                and (_is_author_line(line, block, run) or _is_name_over_text(line, block, position))
            )
            stray = line.role == "body" and _is_stray(line, block, position)
            if line.role == "body" and not author and not stray:
                run.append(line)
                continue
            if run:
                pieces.extend(_split_run(run, index, page_widths, alone=False))
                run = []
            kind: PieceKind = "byline" if author else line.role  # type: ignore[assignment]
            if stray:
                kind = "furniture"
            pieces.append(Piece(kind, [line], block=index))
        if run:
            alone = len(run) == len(block)
            pieces.extend(_split_run(run, index, page_widths, alone=alone))
    return pieces


def _is_stray(line: Line, block: Sequence[Line], position: int) -> bool:
    """A lone ideograph that pdftotext tore from a spaced name (``莫 荣``) or a chart label.

    It stands alone in its block, opens a block, or sits under a headline line; inside running
    text a one-character line is part of the sentence and stays.
    """
    if len(line.text) != 1 or not is_cjk(line.text):
        return False
    if len(block) == 1 or position == 0:
        return True
    if position + 1 < len(block):
        return is_headline_text(block[position - 1].text)
    # The last line of a block that is otherwise a headline: an author's name split in two.
    return len(block) <= HEADLINE_MAX_LINES + 1 and all(
        is_headline_text(line.text) for line in block[:position]
    )


def _is_author_line(line: Line, block: Sequence[Line], run: Sequence[Line]) -> bool:
    """An essay's author: a name alone, in a block of its own or under a headline."""
    if not is_author_name(line.text):
        return False
    if len(block) == 1:
        return True
    position = block.index(line)
    before = block[position - 1] if position else None
    return before is not None and is_headline_text(before.text) and len(run) <= HEADLINE_MAX_LINES


def _is_name_over_text(line: Line, block: Sequence[Line], position: int) -> bool:
    """An author's name set over the middle of a text, in the column it shares with it.

    Layout mode puts an essay's byline in the column under which it stands: a name opening a
    block whose next line is as full as the lines under it, so it carries on a paragraph begun
    elsewhere (a paragraph's own first line is short by its indent). Full as the lines under
    it, not as the block: a block may hold columns of two widths. Inside a block a short line
    may as well be a place or a phrase pdftotext tore off (古田路, 农旅等).
    """
    if position != 0 or not is_author_name(line.text):
        return False
    near = [other.width for other in block[1:4] if other.role == "body"]
    return len(near) >= 2 and max(near) - near[0] < INDENT_MIN


def _split_run_after(
    before: list[Piece],
    run: list[Line],
    block: int,
    page_widths: Sequence[float],
    *,
    alone: bool,
    by_columns: bool = False,
) -> list[Piece]:
    """Split a run of body lines into paragraphs, subheadings or one headline (``by_columns``:
    the page is read column after column, as layout mode sets it)."""
    if (
        len(run) <= HEADLINE_MAX_LINES
        and all(is_headline_text(line.text) for line in run)
        and not (len(run) == 1 and is_lead(run[0].text))
        # A line ending in a colon introduces the quotation that follows it.
        and not run[-1].text.endswith(("：", ":"))
        # A caption and its credit, unpunctuated: ▲新线路首班车发车（记者 赵六 摄）.
        and inline_caption(join_lines([line.text for line in run])) is None
        and not _is_cut_off(before, run, page_widths, by_columns=by_columns)
    ):
        return [Piece("headline", run, width=width_for(run, page_widths), block=block)]
    widths = local_widths(run, page_widths)
    printed = printed_widths(run, widths)
    pieces: list[Piece] = []
    current: list[Line] = []
    at_start = True
    i = 0

    def close(first: int, lines: list[Line], kind: PieceKind = "paragraph") -> None:
        width = median(sorted(widths[first : first + len(lines)]))
        if kind == "paragraph":
            pieces.append(_paragraph(lines, width, block))
        else:
            pieces.append(Piece(kind, lines, width=width, block=block))

    while i < len(run):
        if at_start:
            title = _title_before_lead(run, i)
            if title:
                close(i, run[i : i + title], "headline")
                i += title
                continue
            heading = _subheading_at(run, i, widths) or _notice_title_at(run, i, widths)
            if heading:
                close(i, run[i : i + heading], "subheading")
                i += heading
                continue
            if i + 1 < len(run) and _is_phrases(run[i].text):
                # Two phrases a space apart: a headline's line, never running text.
                close(i, [run[i]], "headline" if i == 0 else "subheading")
                i += 1
                continue
        line = run[i]
        current.append(line)
        at_start = False
        if i + 1 < len(run) and _ends_paragraph(run, widths, printed, i):
            close(i + 1 - len(current), current)
            current = []
            at_start = True
        i += 1
    if current:
        close(len(run) - len(current), current)
    if pieces and pieces[0].kind == "paragraph":
        first = pieces[0].lines[0]
        # Not indented, or opening with a word's last character and a clause's end, as no
        # paragraph begins: it goes on from elsewhere, however short its line.
        pieces[0].open_start = not is_lead(first.text) and (
            first.text[0] in CLOSING
            or widths[0] - printed.inner[0] < INDENT_MIN
            or _OPENS_WITH_LAST_CHAR.match(first.text) is not None
        )
    return pieces


def _is_cut_off(
    before: list[Piece], run: list[Line], page_widths: Sequence[float], *, by_columns: bool
) -> bool:
    """Whether an unpunctuated run is the tail of a paragraph cut by a column break.

    It is when it follows an unfinished paragraph and its first line fills one of the page's
    columns, as the tail ``走进浙江御辰东智能科技有限`` does; a headline is set wider or narrower,
    or keeps a space between its phrases (``产区变景区 田园变公园``).
    """
    previous = next((p for p in reversed(before) if p.kind != "furniture"), None)
    if previous is None or previous.kind != "paragraph" or not previous.open_end:
        return False
    if any(PHRASE_BREAK.search(line.text) for line in run):
        return False
    # Set rows below the paragraph in its column (layout mode), it is another text's line: a
    # column is cut at its foot, and goes on at the next column's top.
    if by_columns and run[0].number - previous.lines[-1].number > CUT_OFF_ROWS:
        return False
    width = run[0].width
    return any(abs(width - column) <= 0.75 for column in page_widths)


def _paragraph(lines: list[Line], width: float, block: int) -> Piece:
    last = lines[-1]
    open_end = not last.ends and not _closes_aside(lines, len(lines) - 1)
    if not open_end and len(lines) > 1 and width - last.width < SHORT_LINE * 0.5:
        # Ends a sentence at a full line: the paragraph may still go on in the next column.
        open_end = False
    return Piece("paragraph", lines, width=width, block=block, open_end=open_end)


def _ends_paragraph(run: list[Line], widths: list[float], printed: Printed, i: int) -> bool:
    """Whether a paragraph ends after ``run[i]``."""
    line, next_line = run[i], run[i + 1]
    if is_lead(next_line.text) or AFFILIATION_START.match(next_line.text):
        return True
    if _closes_aside(run, i):
        return True
    if not line.ends or printed.goes_on[i] or next_line.text[0] in _GOES_ON:
        return False
    if _subheading_at(run, i + 1, widths):
        # A full line may end a paragraph: what follows is a heading, no paragraph's last line.
        return True
    if line.spread and widths[i] - printed.width[i] < INDENT_MAX:
        # Spread to fill the column: justified, which a paragraph's last line is not, however
        # short its stretched characters measure (a last line far short is spread by some type).
        return False
    short = widths[i + 1] - printed.inner[i + 1]
    if widths[i] - printed.width[i] >= SHORT_LINE:
        # A short line ending a sentence ends its paragraph if the next line is not a full one:
        # a new paragraph's first line is indented, a column's next line is not.
        return short >= NOT_FULL
    return INDENT_MIN <= short <= INDENT_MAX


def _closes_aside(run: list[Line], i: int) -> bool:
    """Whether ``run[i]`` closes a bracketed aside such as an author's affiliation."""
    if not run[i].text.endswith(("）", ")")):
        return False
    return any(AFFILIATION_START.match(run[j].text) for j in range(i, max(-1, i - 6), -1))


def _title_before_lead(run: list[Line], i: int) -> int:
    """Length of a headline set right above a lead (a brief's title over 本报讯…), else 0."""
    count = 0
    while i + count < len(run) and count < HEADLINE_MAX_LINES:
        line = run[i + count]
        if is_lead(line.text):
            return count
        if not is_headline_text(line.text) or _has_clause_punct(line.text):
            return 0
        count += 1
    return 0


def _subheading_at(run: list[Line], i: int, widths: list[float]) -> int:
    """Length of a subheading starting at ``run[i]`` (0 when there is none).

    A subheading is one or more unpunctuated lines clearly shorter than the column, followed by
    the paragraph it heads. A single such line is a subheading only when the next line shows the
    lost indent of a paragraph's first line; otherwise it is that first line itself, or a line
    cut short by a quotation mark (``“一国两制”是一``).
    """
    count = 0
    while i + count < len(run) and count < SUBHEADING_MAX_LINES:
        line = run[i + count]
        if (
            _has_clause_punct(line.text)
            or is_lead(line.text)
            or not is_headline_text(line.text)
            or widths[i + count] - line.width < SUBHEADING_SHORT
            or line.text[-1] in OPENING
        ):
            break
        count += 1
    if count == 0 or i + count >= len(run):
        return 0
    if count == 1:
        after = i + 1
        shortfall = widths[after] - run[after].inner_width
        if not INDENT_MIN <= shortfall <= INDENT_MAX or _finishes_word(run[after].text):
            return 0
    return count


def _notice_title_at(run: list[Line], i: int, widths: list[float]) -> int:
    """1 if ``run[i]`` is a notice's title over its text (``…人民法院送达公告`` / ``曾平生:``).

    The title is set in the notices' column without a blank line or an indent of its own: it
    is told by its wording, unpunctuated, by falling short of the column by more than a
    paragraph's first line does (``…发表严正声明`` may end an indented first line), and by the
    addressee under it.
    """
    line = run[i]
    if i + 1 >= len(run) or not NOTICE_TITLE.search(line.text):
        return 0
    if _has_clause_punct(line.text) or not is_headline_text(line.text):
        return 0
    if not ADDRESSEE.match("".join(following.text for following in run[i + 1 : i + 3])):
        return 0
    return 1 if widths[i] - line.width > INDENT_MAX else 0


def _is_phrases(text: str) -> bool:
    """Whether a line is phrases a space apart, unpunctuated: ``海葬有补贴 树葬等减千元购墓费用``.

    Not a lead and its text (本报讯 连日来), nor a role and a name (通讯员 庞俊宝): every phrase
    is four characters or more, and no space is inside quotation marks.
    """
    if not PHRASE_BREAK.search(text) or is_lead(text):
        return False
    if any(len(phrase) < MIN_PHRASE for phrase in text.split()):
        return False
    # A space inside quotation marks is the quoted slogan's own: 以“创新突破 六干争先”.
    opened = 0
    for char in text:
        opened += (char in OPENING_QUOTES) - (char in CLOSING_QUOTES)
        if char == " " and opened > 0:
            return False
    return is_headline_text(text) and not _has_clause_punct(text)


def _finishes_word(text: str) -> bool:
    """Whether a line opens with one character and a clause's end (``事。这是…``).

    No sentence is one character long: that character finishes the line above, so the line
    above is a paragraph's first line, not a heading (whatever compressed punctuation makes
    the next line look indented).
    """
    return len(text) > 1 and text[1] in _WORD_ENDS
