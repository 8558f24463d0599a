"""Join paragraph fragments split by column breaks, even when pdftotext emitted them apart.

pdftotext emits a page's text blocks in an order of its own: the end of a column may come far
from the next column's start. A fragment that stops mid-sentence continues in a fragment that
starts mid-sentence; which one is decided by nearness, matching column widths and by whether the
words across the seam occur elsewhere on the page (``目标更`` + ``加宏大`` gives ``更加``).
"""

from __future__ import annotations

import math
import re
from typing import Final

from paper_tui.loader.chars import CJK_RANGES, CLOSING, is_cjk
from paper_tui.loader.grouping import MIN_HEADLINE_COVERAGE
from paper_tui.loader.lexicon import glue
from paper_tui.loader.lines import is_author_name, is_lead
from paper_tui.loader.reflow import (
    HEADLINE_MAX_LINES,
    PHRASE_BREAK,
    Piece,
    is_headline_text,
    join_lines,
    neighbour,
    text_before,
)
from paper_tui.loader.similarity import PageGrams, bigrams
from paper_tui.loader.widths import INDENT_MAX, INDENT_MIN, SHORT_LINE

# A join needs at least this much evidence unless the fragments are next to each other.
MIN_SCORE: Final = 1.0
# Word evidence across a seam is capped so that it can outweigh nearness only together with
# matching column widths.
MAX_SEAM_EVIDENCE: Final = 4.0
WIDTH_TOLERANCE: Final = 1.0
# What the language's words across a seam add, per unit of ``lexicon.glue`` (a natural log):
# a far join, which needs MIN_SCORE, needs a seam read four times likelier joined than apart.
WORD_EVIDENCE: Final = 0.25
MAX_WORD_EVIDENCE: Final = 2.0
_BODY: Final = ("paragraph",)
# A line that opens with the last one or two characters of a word, then a clause's end: 平。
_OPENS_WITH_TAIL: Final = re.compile(f"[{CJK_RANGES}]{{1,2}}[。，；！？、：]")
# In a page read column after column, what a block at the next column's top level with the
# column's foot adds to a join: level with the foot's own block, or with a block above it.
LEVEL_BONUS: Final = 2.0
LEVEL_ABOVE_BONUS: Final = 1.0
# Pieces a column break can fall between without separating the two halves of a paragraph.
_TRANSPARENT: Final = ("furniture",)


class _Occurrences(dict[str, int]):
    """How often each string occurs in a page's text, counted when first asked."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, gram: str) -> int:
        self[gram] = count = self.text.count(gram)
        return count


def _seam_evidence(end: str, start: str, page_grams: _Occurrences, apart: str = "") -> float:
    """How strongly the characters across a seam read as running text found on this page (in
    its text but ``apart``, where the seam's own text may stand already joined)."""
    score = 0.0
    tail, head = end[-4:], start[:4]
    # Every gram spans the seam: none occurs on the page unless the two characters across it do.
    if not tail or not head or not (is_cjk(tail[-1]) and is_cjk(head[0])):
        return score
    if page_grams[tail[-1] + head[0]] <= apart.count(tail[-1] + head[0]):
        return score
    for size in (2, 3, 4):
        for left in range(1, size):
            right = size - left
            if left > len(tail) or right > len(head):
                continue
            gram = tail[-left:] + head[:right]
            # Punctuation at the seam says nothing about which words run across it.
            if not all(is_cjk(c) for c in gram):
                continue
            hits = page_grams[gram] - (apart.count(gram) if apart else 0)
            if hits > 0:
                score += math.log1p(hits) * (size - 1)
    return min(score, MAX_SEAM_EVIDENCE)


def _word_evidence(end: str, start: str) -> float:
    """How strongly the characters across a seam read as words of the language (``lexicon``)."""
    return min(glue(end, start) * WORD_EVIDENCE, MAX_WORD_EVIDENCE)


def _evidence(end: str, start: str, page_grams: _Occurrences, apart: str = "") -> float:
    """The stronger of the page's and the language's evidence that ``start`` goes on ``end``."""
    return max(_seam_evidence(end, start, page_grams, apart), _word_evidence(end, start))


def join_fragments(pieces: list[Piece]) -> list[Piece]:
    """Attach each fragment that continues another to it; return the remaining pieces."""
    _restore_titles(pieces, _Occurrences("\n".join(p.text for p in pieces if p.kind in _BODY)))
    page_grams = _Occurrences("\n".join(p.text for p in pieces if p.kind in _BODY))
    _reclaim_cut_lines(pieces, page_grams)
    _split_titles_over_text(pieces, page_grams)
    order = {id(p): i for i, p in enumerate(pieces)}
    body = [p for p in pieces if p.kind in _BODY]
    heads = {id(p): p.text[:4] for p in body}
    open_starts = [p for p in body if p.open_start]
    geometry = _Geometry.of(pieces)
    candidates: list[tuple[float, int, int, Piece, Piece]] = []
    for end in body:
        if not _is_unfinished(end):
            continue
        tail_line = _last_fragment(end).lines[-1]
        done = tail_line.ends
        following = _next_body(pieces, order[id(end)])
        # Far from each other only a mid-sentence end and a mid-sentence start can meet.
        starts = [] if done else [p for p in open_starts if p is not end]
        if following is not None and not any(start is following for start in starts):
            starts.append(following)
        tail = end.text[-4:]
        last_block = _last_fragment(end).block
        aligned = geometry.aligned(last_block) if geometry else {}
        for start in starts:
            # Read column after column, the next column's top follows a column's foot only
            # where the text is set level with it (see _Geometry).
            adjacent = following is start and (
                geometry is None or geometry.columns[start.block] == geometry.columns[last_block]
            )
            score = _score(
                end,
                start,
                adjacent,
                done,
                tail,
                heads[id(start)],
                page_grams,
                aligned=aligned.get(start.block, 0.0),
            )
            if score is not None:
                candidates.append((score, -order[id(end)], -order[id(start)], end, start))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]), reverse=True)
    for end, start in _match(candidates):
        end.joined.append(start)
        # Moved from elsewhere, the fragment takes the text under it in its block along: the
        # same column going on.
        after = order[id(start)] + 1
        under = pieces[after] if after < len(pieces) else None
        if (
            under is not None
            and under.block == start.block
            and under.kind in ("paragraph", "subheading")
            and _next_body(pieces, order[id(end)]) is not start
        ):
            under.carries_on = end
    used_start = {id(start) for end in body for start in end.joined}
    return [p for p in pieces if id(p) not in used_start]


def _restore_titles(pieces: list[Piece], page_grams: _Occurrences) -> None:
    """Make a headline again of unpunctuated lines taken for a cut-off paragraph over a lead.

    A title as wide as a column, in a block of its own after a paragraph that stops
    mid-sentence, reads like that paragraph's tail; but a lead (本报讯…) right under it opens an
    article, and what stands over an article's lead is its title. So is a title over the
    paragraph's true tail, which opens with the rest of the word it stopped in: …只要找对方 /
    让非遗在年轻人手中“活”起来 / 法，年轻人….
    """
    for index, piece in enumerate(pieces[:-1]):
        alone = index == 0 or pieces[index - 1].block != piece.block
        if (
            piece.kind != "paragraph"
            or not (alone and piece.open_end)
            or len(piece.lines) > HEADLINE_MAX_LINES
            or not all(is_headline_text(line.text) for line in piece.lines)
        ):
            continue
        following = _next_body(pieces, index)
        if following is None:
            continue
        if is_lead(following.lines[0].text) or _goes_on_past(pieces, index, following, page_grams):
            piece.kind = "headline"
            piece.open_start = piece.open_end = False


def _goes_on_past(
    pieces: list[Piece], index: int, following: Piece, page_grams: _Occurrences
) -> bool:
    """Whether the paragraph before ``pieces[index]`` goes on in ``following`` instead: it opens
    with one character and a clause's end, which with the paragraph's last ones make a word."""
    before = neighbour(pieces, index, -1)
    if before is None or before.kind not in _BODY or not before.open_end:
        return False
    if not _opens_with_last_char(following):
        return False
    return _evidence(before.text[-4:], following.text[:4], page_grams) >= MIN_SCORE


def _opens_with_last_char(piece: Piece) -> bool:
    """Whether a piece opens with one character and a clause's end: the rest of a word (法，)."""
    return len(piece.text) > 1 and _OPENS_WITH_TAIL.match(piece.text[:2]) is not None


def _reclaim_cut_lines(pieces: list[Piece], page_grams: _Occurrences) -> None:
    """Turn back into text a "headline" that is a paragraph's first lines cut off by a column.

    A paragraph's first line alone at a column's foot has no punctuation and looks like a
    headline; it is text when it is as wide as the column it sits in (full, or short by the
    lost indent) and the next piece carries on mid-sentence in that column, or ends the
    sentence in a line of its own with words that run across the seam. A line that keeps a
    space between two phrases (``忘记投保交强险 自掏腰包赔损失``) is a headline, never text.
    """
    for index, piece in enumerate(pieces[:-1]):
        if piece.kind != "headline" or len(piece.lines) > 2:
            continue
        if any(PHRASE_BREAK.search(line.text) for line in piece.lines):
            continue
        following = _next_body(pieces, index)
        if following is None:
            continue
        if not following.open_start and not (
            _is_tail(following)
            and _seam_evidence(piece.text[-4:], following.text[:4], page_grams) >= MIN_SCORE
        ):
            continue
        if _opens_with_last_char(following) and (
            _evidence(piece.text[-4:], following.text[:4], page_grams) < MIN_SCORE
        ):
            # The rest of a word (法，) finishes some word, not this line's: 起来|法 is none.
            continue
        column = following.width
        if all(-0.5 <= column - line.width <= INDENT_MAX for line in piece.lines):
            piece.kind = "paragraph"
            piece.width = column
            piece.open_end = True
    _split_cut_last_lines(pieces)


def _split_cut_last_lines(pieces: list[Piece]) -> None:
    """Split off a headline's last line when it is a paragraph's first line, cut by a column.

    pdftotext may set a subheading and the first line of the paragraph under it in one block
    (``把好“排调关”`` / ``精准化解矛盾纠纷`` / ``“谢谢你们化解了我们兄弟俩多``): that line is as
    wide as the column, the shorter lines above it are not, and the piece right after it
    carries on mid-sentence, with no indent of its own.
    """
    index = 0
    while index < len(pieces) - 1:
        piece = pieces[index]
        index += 1
        if piece.kind != "headline" or len(piece.lines) < 2:
            continue
        following = pieces[index]
        if following.kind not in _BODY or not following.open_start:
            continue
        column = following.width
        *heading, last = piece.lines
        fits = -0.5 <= column - last.width <= INDENT_MAX
        if not fits or any(column - line.width <= INDENT_MAX for line in heading):
            continue
        piece.lines = heading
        piece.own_text = ""
        cut = Piece("paragraph", [last], width=column, block=piece.block, open_end=True)
        pieces.insert(index, cut)


def _split_titles_over_text(pieces: list[Piece], page_grams: _Occurrences) -> None:
    """Split off a block's first line when it is a title set over text begun elsewhere.

    A title spread over the columns of its article stands over each column's top, and pdftotext
    may give it to the block below it: ``岷县检察：驻村帮扶助力乡村振兴`` / ``平。通过党建引领…``.
    """
    ends = [
        piece
        for piece in pieces
        if piece.kind in _BODY and not piece.joined and _is_unfinished(piece)
    ]
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if _is_title_over_text(pieces, index, ends, page_grams):
            title, *rest = piece.lines
            pieces.insert(index, Piece("headline", [title], width=piece.width, block=piece.block))
            piece.lines = rest
            piece.own_text = ""
            piece.open_start = True
            index += 1
        index += 1


def _is_title_over_text(
    pieces: list[Piece], index: int, ends: list[Piece], page_grams: _Occurrences
) -> bool:
    """Whether the first line of ``pieces[index]`` is a title over text begun elsewhere.

    The title line reads as one (no sentence or clause ends inside it, no enumeration either,
    which a text line at a column's top may hold: ``绝不能弱化、虚`` / ``化、边缘化``). The line
    under it opens by ending a word and a clause (``平。``), which no paragraph begins with. The
    text before the block ends a sentence (else the column's top goes on from it), and no word
    runs on from the title's line into the next (振兴 | 平, where a text line's 相 | 结合 does).
    And a paragraph left unfinished elsewhere, in a column of the same width, reads on into that
    line clearly better than the title does (``群众所需的水`` + ``平。``: 水平), counting the
    page's words outside the piece itself, while none reads on into the title's line; and the
    title's words are those of that paragraph's text, as a headline's are of its article's.
    """
    piece = pieces[index]
    if piece.kind not in _BODY or len(piece.lines) < 2:
        return False
    if index > 0 and pieces[index - 1].block == piece.block:
        return False
    title, first = piece.lines[0], piece.lines[1]
    if (
        not is_headline_text(title.text)
        or "、" in title.text
        or not _OPENS_WITH_TAIL.match(first.text)
    ):
        return False
    before = neighbour(pieces, index, -1)
    if before is None or before.kind not in _BODY or not before.lines[-1].ends:
        return False
    rest = join_lines([line.text for line in piece.lines[1:3]])
    if glue(title.text, rest):
        return False
    own = _seam_evidence(title.text, rest, page_grams, apart=piece.text)
    others = [end for end in ends if end is not piece]
    if any(_evidence(end.text, title.text, page_grams) >= MIN_SCORE for end in others):
        return False
    carried = [
        end
        for end in others
        if abs(end.width - piece.width) <= WIDTH_TOLERANCE
        and _evidence(end.text, rest, page_grams, apart=piece.text) >= own + MIN_SCORE
    ]
    if not carried:
        return False
    # And the title names what that text is about, as a headline must (see ``grouping``).
    weights = PageGrams([bigrams(p.text) for p in pieces if p.kind in _BODY])
    wanted = weights.mask(bigrams(title.text))
    texts = [weights.mask(bigrams(_text_up_to(pieces, end) + rest)) for end in carried]
    return max(weights.coverages(wanted, texts)) >= MIN_HEADLINE_COVERAGE


def _text_up_to(pieces: list[Piece], end: Piece) -> str:
    """The text of ``end`` and of its article's paragraphs before it (``text_before``)."""
    at = next(i for i, piece in enumerate(pieces) if piece is end)
    return "".join(piece.text for piece in text_before(pieces, at + 1))


def _is_tail(piece: Piece) -> bool:
    """A lone short line that ends a sentence: the end of a paragraph begun elsewhere."""
    if len(piece.lines) != 1 or piece.joined:
        return False
    line = piece.lines[0]
    return line.ends and piece.width - line.width >= INDENT_MAX


_Candidate = tuple[float, int, int, Piece, Piece]


def _match(candidates: list[_Candidate]) -> list[tuple[Piece, Piece]]:
    """The joins made: each end to one start, best scores first, then improved by swaps.

    Taking the best join first can leave an end with none: of 积极发展 and 经略, both read on
    into 海洋方面 (发展海洋 and 经略海洋 are both on the page), and the first to take it leaves
    the other nothing, though it had 经济 to go on with. So an end left without a start may
    take one from another end that can move to a free start of its own, when the two joins
    score more than the one by at least what a join needs to be made at all.
    """
    chosen: dict[int, tuple[float, Piece, Piece]] = {}  # by end
    taken: dict[int, int] = {}  # start -> end
    following: dict[int, Piece] = {}  # end -> start
    for score, _e, _s, end, start in candidates:
        if id(end) in chosen or id(start) in taken or _closes_loop(following, end, start):
            continue
        chosen[id(end)] = (score, end, start)
        taken[id(start)] = id(end)
        following[id(end)] = start
    by_end: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        by_end.setdefault(id(candidate[3]), []).append(candidate)
    for score, _e, _s, end, start in candidates:
        if id(end) in chosen or id(start) not in taken:
            continue
        held, other, _start = chosen[taken[id(start)]]
        for moved, _e2, _s2, _other, free in by_end[id(other)]:
            if id(free) in taken or score + moved < held + MIN_SCORE:
                continue
            trial = dict(following)
            del trial[id(other)]
            if _closes_loop(trial, other, free):
                continue
            trial[id(other)] = free
            if _closes_loop(trial, end, start):
                continue
            following = trial
            following[id(end)] = start
            chosen[id(other)] = (moved, other, free)
            chosen[id(end)] = (score, end, start)
            taken[id(free)] = id(other)
            taken[id(start)] = id(end)
            break
    return [(end, start) for _score, end, start in chosen.values()]


def _closes_loop(following: dict[int, Piece], end: Piece, start: Piece) -> bool:
    """Whether joining ``start`` to ``end`` would make a loop: the start already leads to it."""
    piece: Piece | None = start
    while piece is not None:
        if piece is end:
            return True
        piece = following.get(id(piece))
    return False


def _is_unfinished(piece: Piece) -> bool:
    last = _last_fragment(piece)
    tail = last.lines[-1]
    if not last.open_end and not tail.ends:
        return False  # closed otherwise, as an affiliation is by its bracket
    if not tail.ends:
        return True
    # A sentence that ends exactly at a full line may still go on after a column break, and so
    # may one that ends a paragraph's first line, which is short by its indent only.
    if last.width - tail.width < SHORT_LINE * 0.5:
        return True
    first_line_only = len(piece.all_lines) == 1
    return first_line_only and INDENT_MIN <= last.width - tail.inner_width <= INDENT_MAX


def _last_fragment(piece: Piece) -> Piece:
    while piece.joined:
        piece = piece.joined[-1]
    return piece


def _next_body(pieces: list[Piece], index: int) -> Piece | None:
    for piece in pieces[index + 1 :]:
        # An author's name may stand in a column between two halves of a paragraph.
        if piece.kind in _TRANSPARENT or (piece.kind == "byline" and is_author_name(piece.text)):
            continue
        return piece if piece.kind in _BODY else None
    return None


def _score(
    end: Piece,
    start: Piece,
    adjacent: bool,
    sentence_done: bool,
    tail: str,
    head: str,
    page_grams: _Occurrences,
    *,
    aligned: float = 0.0,
) -> float | None:
    if (sentence_done and not adjacent) or is_lead(start.lines[0].text):
        # A lead (本报讯…) opens an article: nothing runs on into it.
        return None
    widths_match = abs(end.width - start.width) <= WIDTH_TOLERANCE
    if not adjacent and not widths_match:
        return None
    evidence = _evidence(tail, head, page_grams)
    if start.lines[0].text[0] in CLOSING:
        evidence += 2.0
    elif _opens_with_last_char(start):
        # The rest of a word (法，) goes on from some text; the seam's words tell which.
        evidence += 1.0
    if (
        not adjacent
        and not (aligned and widths_match)
        and (evidence < MIN_SCORE or not widths_match)
    ):
        # Far apart, only the words across the seam can tell, in a column of the same width.
        return None
    score = evidence
    if not start.open_start:
        # An indented start opens a paragraph; only an unfinished neighbour may run into it.
        if not adjacent or sentence_done:
            return None
        score -= 2.5
    if widths_match:
        score += 1.0
    elif adjacent:
        score -= 0.5
    if adjacent:
        score += 3.0
    elif aligned:
        score += aligned
    else:
        score += 0.5 if start.first > end.first else 0.0
    if sentence_done:
        return score if widths_match else None
    return score if adjacent or score >= MIN_SCORE else None


class _Geometry:
    """Where a page read column after column (layout mode) set each block: its column, rows."""

    def __init__(self, columns: dict[int, int], tops: dict[int, int]) -> None:
        self.columns = columns
        self.tops = tops

    @classmethod
    def of(cls, pieces: list[Piece]) -> _Geometry | None:
        """The blocks' geometry, or None for text read in pdftotext's own order."""
        tops: dict[int, int] = {}
        for piece in pieces:
            for line in piece.lines:
                top = tops.get(piece.block)
                if top is None or line.number < top:
                    tops[piece.block] = line.number
        columns: dict[int, int] = {}
        column = 0
        previous = -1
        for block in sorted(tops):
            # Read column after column, a block above the one before starts the next column.
            if tops[block] < previous:
                column += 1
            previous = tops[block]
            columns[block] = column
        return cls(columns, tops) if column else None

    def aligned(self, block: int) -> dict[int, float]:
        """The blocks of the next column set level with ``block`` or a block above it in its
        column, with what that adds to a join (where the text of an article set across
        columns goes on)."""
        column = self.columns.get(block)
        if column is None:
            return {}
        top = self.tops[block]
        above = {
            self.tops[other]
            for other, at in self.columns.items()
            if at == column and self.tops[other] < top
        }
        bonuses: dict[int, float] = {}
        for other, at in self.columns.items():
            if at != column + 1:
                continue
            level = self.tops[other]
            if abs(level - top) <= 1:
                bonuses[other] = LEVEL_BONUS
            elif any(abs(level - row) <= 1 for row in above):
                bonuses[other] = LEVEL_ABOVE_BONUS
        return bonuses
