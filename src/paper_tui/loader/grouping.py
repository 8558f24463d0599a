"""Decide which runs, headlines and bylines make up each article of a page.

pdftotext emits a multi-column page in an order of its own: a headline may follow its body or
its first paragraph, an article's columns may come out between another article's, and a byline
may stand far from its text. Position alone misleads, so content decides: each headline goes to
the run whose words it shares most, and every run without a headline of its own joins the
article it resembles most, with the run before it as a tie-breaker (columns usually follow on).
A headline also claims the other columns it covers about as well as its own run: they join its
article, and no headline that covers them less takes them.
"""

from __future__ import annotations

import functools
import operator
from typing import Final

from paper_tui.loader.headlines import is_couplet, is_series_banner
from paper_tui.loader.lines import BRIEF_BOX
from paper_tui.loader.reflow import Piece
from paper_tui.loader.runs import Run
from paper_tui.loader.similarity import PageGrams, bigrams

# A headline needs this share of its (weighted) bigrams in a body to be attached by content.
MIN_HEADLINE_COVERAGE: Final = 0.2
# Nearness adds at most this much to a headline's content score.
NEARNESS_BONUS: Final = 0.15
# Articles carry bylines, subheadings do not.
BYLINE_BONUS: Final = 0.1
# A run that follows on from an article's previous run is that article's unless another one
# resembles it clearly more: the previous one must reach this share of the best similarity.
CONTINUITY_SHARE: Final = 0.75
# A headline claims the runs it covers this well, and at least this share of its own run's
# coverage: they read as the other columns of its article.
CLAIM_COVERAGE: Final = 0.5
CLAIM_SHARE: Final = 0.8
# A headline's words stand for its article's topic more than any one paragraph's.
HEADLINE_WEIGHT: Final = 3
_SEPARATORS: Final = ("headline", "byline")
_SKIPPED: Final = ("headline", "byline", "credit", "continuation", "furniture")


def distance(pieces: list[Piece], a: int, b: int) -> int:
    """Pieces between positions a and b that are not headlines, bylines, credits or markers."""
    lo, hi = sorted((a, b))
    if hi - lo <= 1:
        return 0
    counts = _text_counts(pieces)
    return counts[hi] - counts[lo + 1]


_COUNT_CACHE: dict[int, tuple[list[Piece], list[int]]] = {}


def _text_counts(pieces: list[Piece]) -> list[int]:
    """Running count of text pieces: ``counts[i]`` is how many of ``pieces[:i]`` are text."""
    cached = _COUNT_CACHE.get(id(pieces))
    if cached is not None and cached[0] is pieces and len(cached[1]) == len(pieces) + 1:
        return cached[1]
    counts = [0]
    for piece in pieces:
        counts.append(counts[-1] + (piece.kind not in _SKIPPED))
    _COUNT_CACHE.clear()
    _COUNT_CACHE[id(pieces)] = (pieces, counts)
    return counts


_WEIGHTS_CACHE: list[tuple[list[frozenset[int]], PageGrams]] = []


def _page_weights(runs: list[Run], *, last_use: bool = False) -> PageGrams:
    """IDF weights of the bigrams of the runs with text (headlines and clustering both ask).

    They are kept for the next call on the same runs, unless this is the page's ``last_use``.
    """
    documents = [run.grams for run in runs if run.paragraphs]
    weights = None
    if _WEIGHTS_CACHE:
        cached, kept = _WEIGHTS_CACHE.pop()
        if len(cached) == len(documents) and all(map(operator.is_, cached, documents)):
            weights = kept
    if weights is None:
        weights = PageGrams(documents)
    if not last_use:
        _WEIGHTS_CACHE.append((documents, weights))
    return weights


def attach_headlines(
    runs: list[Run], headlines: list[tuple[int, Piece]], pieces: list[Piece]
) -> list[tuple[int, Piece]]:
    """Give each headline to the run it belongs to; return the headlines no run took."""
    bodies = [run for run in runs if run.paragraphs]
    if not bodies:
        return list(headlines)
    weights = _page_weights(bodies)
    scored: list[tuple[float, int, int]] = []
    covered: dict[tuple[int, int], float] = {}
    # The labels of boxes of briefs (◇简 讯◇): no headline from outside a box heads a brief in it.
    boxes = [index for index, piece in enumerate(pieces) if _is_box_label(piece)]
    for h, (position, piece) in enumerate(headlines):
        bonus = BYLINE_BONUS if _has_byline(pieces, position) else 0.0
        wanted = weights.mask(bigrams(piece.text))
        for r, (run, content) in enumerate(
            zip(bodies, weights.coverages(wanted, weights.masks), strict=True)
        ):
            covered[h, r] = content
            if run.in_brief_box and any(position < box < run.start for box in boxes):
                continue
            if position < run.start:
                gap = distance(pieces, position, run.start)
            else:
                gap = min(
                    distance(pieces, position, run.start), distance(pieces, position, run.end)
                )
            if content < MIN_HEADLINE_COVERAGE and gap > 0:
                continue
            scored.append((content + NEARNESS_BONUS / (1 + gap) + bonus, h, r))
    scored.sort(reverse=True)
    home: dict[int, int] = {}
    # The strongest claim on each run: a headline's coverage of it and the headline.
    claims: dict[int, tuple[float, int]] = {}
    over = _titles_over_bylined(headlines, pieces) | _banners_over_titles(headlines, pieces)

    def place(h: int, r: int) -> None:
        position = headlines[h][0]
        claim = claims.get(r)
        if claim is not None and claim[1] != h:
            # A run another headline claims: a headline stacked on that one's group joins
            # it, any other must cover the run at least as well.
            group = home[claim[1]]
            if _stacked(
                pieces, position, headlines[claim[1]][0], bodies[group], covered[h, r], r == group
            ):
                r = group
            elif r == group and _heads_alone(covered, h, r, len(bodies)):
                # Set apart from the claimant but heading its text, and only that: another
                # line of its headline group (a kicker pdftotext emitted elsewhere).
                give(h, r)
                return
            elif covered[h, r] < claim[0]:
                return
        run = bodies[r]
        if run.headlines and not _next_to_headline(run, position, pieces):
            return
        give(h, r)
        _claim(claims, covered, h, r, len(bodies))

    def give(h: int, r: int) -> None:
        bodies[r].headlines.append(headlines[h])
        bodies[r].headlines.sort(key=lambda item: item[0])
        home[h] = r

    for _score, h, r in scored:
        if h not in home and h not in over:
            place(h, r)
    # A line over a title and its byline joins the title's article; where the title found
    # none, the two are placed as any other headline is.
    for h, below in over.items():
        if below in home:
            give(h, home[below])
    pairs = set(over) | set(over.values())
    for _score, h, r in scored:
        if h not in home and h in pairs:
            place(h, r)
    # A title printed as two matching phrases, one a line (疏堵结合 / 强化管理): a phrase that
    # found no run goes with the other, whatever common word it shares with other text.
    for h, (position, piece) in enumerate(headlines):
        if h in home:
            continue
        for g, (other, partner) in enumerate(headlines):
            if g not in home or not is_couplet(piece.text, partner.text):
                continue
            if _adjacent(pieces, position, other):
                give(h, home[g])
                break
    for r, (_value, h) in claims.items():
        if not bodies[r].headlines:
            bodies[r].claimed_by = bodies[home[h]]
    return [headline for h, headline in enumerate(headlines) if h not in home]


def _is_box_label(piece: Piece) -> bool:
    return piece.kind == "furniture" and BRIEF_BOX.match(piece.text.replace(" ", "")) is not None


def hand_back_headlines(runs: list[Run]) -> None:
    """Give the headlines of a run that goes on in another run's column to that run, when it
    has none: pdftotext emitted the article's first column, then its headline after the rest.

    The run the headline went to by nearness is read after the other's paragraph, as one text;
    so the headline is the whole article's, and the run then joins it as any untitled one does.
    """
    holder = {id(piece): run for run in runs for piece in run.paragraphs}
    for run in runs:
        first = holder.get(id(run.carries_on))
        if first is not None and first is not run and run.headlines and not first.headlines:
            first.headlines, run.headlines = run.headlines, []


def _titles_over_bylined(headlines: list[tuple[int, Piece]], pieces: list[Piece]) -> dict[int, int]:
    """Headlines set right over a headline with its byline under it: ``{over: below}``.

    Title, subtitle and byline stand together at an article's head; the line over such a pair
    goes with it, whatever words it shares with other text, unless it closes a finished text
    above it (a headline set after its article's body) or ends a stack of headlines of its own.
    """
    index = {position: h for h, (position, _piece) in enumerate(headlines)}
    over: dict[int, int] = {}
    for h, (position, _piece) in enumerate(headlines):
        below = index.get(position + 1)
        if below is None or _has_byline(pieces, position):
            continue
        after = pieces[position + 2] if position + 2 < len(pieces) else None
        if after is None or after.kind != "byline" or after.block != pieces[position + 1].block:
            continue
        before = pieces[position - 1] if position > 0 else None
        if before is not None and (
            before.kind == "headline" or (before.kind == "paragraph" and not before.open_end)
        ):
            continue
        over[h] = below
    return over


def _banners_over_titles(headlines: list[tuple[int, Piece]], pieces: list[Piece]) -> dict[int, int]:
    """Banners of a series set right over another headline line: ``{banner: below}``.

    A banner's words (学习贯彻…思想) are the campaign's, which every article of it shares: it
    goes with the headline under it, not with the text that repeats them most.
    """
    return {
        h: h + 1
        for h, (position, piece) in enumerate(headlines[:-1])
        if is_series_banner(piece.text) and _adjacent(pieces, position, headlines[h + 1][0])
    }


def _stacked(
    pieces: list[Piece],
    position: int,
    claimant: int,
    group: Run,
    content: float,
    at_home: bool,
) -> bool:
    """Whether a headline at ``position`` stands in the claimant's headline group.

    Right on the claimant it does, if it reads like the run it asks for or that run is the
    group's own; but between a group set after its text and a headline below, it heads the
    text below unless it shares words with the group's. Next to another line of the group, it
    must share words with the run.
    """
    shares = content >= MIN_HEADLINE_COVERAGE
    if _adjacent(pieces, position, claimant):
        stacked = at_home or content >= CLAIM_COVERAGE
    else:
        stacked = shares and _next_to_headline(group, position, pieces)
    between = group.end < claimant < position and _headline_below(pieces, position)
    return stacked and (shares or not between)


def _headline_below(pieces: list[Piece], position: int) -> bool:
    """Whether the next piece after ``position`` but bylines and stray characters is a headline."""
    for piece in pieces[position + 1 :]:
        if piece.kind not in ("byline", "furniture"):
            return piece.kind == "headline"
    return False


def _claim(
    claims: dict[int, tuple[float, int]],
    covered: dict[tuple[int, int], float],
    h: int,
    r: int,
    count: int,
) -> None:
    """Let headline ``h``, given run ``r``, claim the runs it covers about as well as ``r``.

    pdftotext emits an article's columns as runs of their own, and its headline's words recur
    in all of them; another headline may take such a run only by covering it as well.
    """
    own = covered[h, r]
    for other in range(count):
        value = covered[h, other]
        likely = other == r or (value >= CLAIM_COVERAGE and value >= CLAIM_SHARE * own)
        if likely and value > claims.get(other, (-1.0, -1))[0]:
            claims[other] = (value, h)


def _heads_alone(covered: dict[tuple[int, int], float], h: int, r: int, count: int) -> bool:
    """Whether headline ``h`` covers run ``r`` as well as a claim needs, and no other run."""
    if covered[h, r] < CLAIM_COVERAGE:
        return False
    return all(covered[h, other] < CLAIM_COVERAGE for other in range(count) if other != r)


def _has_byline(pieces: list[Piece], position: int) -> bool:
    block = pieces[position].block
    neighbours = pieces[max(0, position - 1) : position + 2]
    return any(p.kind == "byline" and p.block == block for p in neighbours)


def _next_to_headline(run: Run, position: int, pieces: list[Piece]) -> bool:
    """Whether a headline at ``position`` sits next to the run's headline (one group)."""
    return any(_adjacent(pieces, other, position) for other, _piece in run.headlines)


def _adjacent(pieces: list[Piece], a: int, b: int) -> bool:
    """Whether nothing but bylines and stray characters stand between positions a and b."""
    lo, hi = sorted((a, b))
    return all(p.kind in ("byline", "furniture") for p in pieces[lo + 1 : hi])


def is_independent(run: Run) -> bool:
    """Runs that stand as items of their own even without a headline."""
    return run.strong_start or run.credit or run.continued_from is not None or run.in_brief_box


def cluster(runs: list[Run], pieces: list[Piece]) -> list[Run]:
    """Merge every run without a headline into the article it continues; return the articles."""
    # Runs are told apart by identity: comparing two runs as dataclasses compares their text.
    anchors = [run for run in runs if run.headlines or is_independent(run)]
    anchor_ids = {id(run) for run in anchors}
    targets = [run for run in anchors if run.paragraphs and not run.credit]
    target_index = {id(target): index for index, target in enumerate(targets)}
    floating = [run for run in runs if id(run) not in anchor_ids and run.paragraphs]
    run_index = {id(run): index for index, run in enumerate(runs)}
    if not targets:
        _WEIGHTS_CACHE.clear()  # the page's weights are not needed again
        return _chain(runs, pieces)
    weights = _page_weights(runs, last_use=True)
    # An article's profile is the union of the bigrams of its parts: its own text, its headlines
    # and the runs joined to it.
    grams = dict(zip([id(run) for run in runs if run.paragraphs], weights.masks, strict=True))
    parts = {
        id(target): [grams[id(target)]]
        + [weights.mask(bigrams(piece.text)) for _pos, piece in target.headlines]
        for target in targets
    }
    holder = {id(piece): run for run in runs for piece in run.paragraphs}
    profiles: dict[int, int] = {}
    norms: dict[int, float] = {}
    owner: dict[int, Run] = {id(target): target for target in anchors}

    def update(target: Run) -> None:
        profiles[id(target)] = functools.reduce(operator.or_, parts[id(target)])
        norms[id(target)] = weights.norm(profiles[id(target)])

    for target in targets:
        update(target)
    own_norms = {id(run): weights.norm(grams[id(run)]) for run in floating}

    def join(run: Run, target: Run) -> None:
        parts[id(target)].append(grams[id(run)])
        update(target)
        owner[id(run)] = target

    def leave(run: Run, target: Run) -> None:
        parts[id(target)].remove(grams[id(run)])
        update(target)

    def best(run: Run) -> Run:
        # A run that holds an article's headline as well as the article's own run does is
        # that article's.
        claimed = target_index.get(id(run.claimed_by))
        if claimed is not None:
            return targets[claimed]
        # One that goes on in the column of a paragraph is that paragraph's article's.
        column = holder.get(id(run.carries_on))
        if column is not None and column is not run and id(owner.get(id(column))) in target_index:
            return owner[id(column)]
        previous = _previous(runs, run_index[id(run)], pieces)
        before = owner.get(id(previous)) if previous is not None else None
        own, own_norm = grams[id(run)], own_norms[id(run)]
        scores = [weights.similarity(own, own_norm, profiles[id(t)], norms[id(t)]) for t in targets]
        best = max(range(len(targets)), key=scores.__getitem__)
        # One that follows on from an article's run is that article's, unless another
        # resembles it clearly more.
        at = target_index.get(id(before))
        if at is not None and scores[at] >= CONTINUITY_SHARE * scores[best]:
            return targets[at]
        return targets[best]

    for run in floating:
        join(run, best(run))
    # Second look, now that every article has its text: each run against the others' profiles.
    for run in floating:
        leave(run, owner[id(run)])
        join(run, best(run))
    for run in floating:
        owner[id(run)].merged.append(run)
    return [run for run in runs if id(run) in anchor_ids]


def _previous(runs: list[Run], position: int, pieces: list[Piece]) -> Run | None:
    """The run just before ``runs[position]`` when nothing but text separates them."""
    run = runs[position]
    if position == 0:
        return None
    previous = runs[position - 1]
    between = pieces[previous.end + 1 : run.start]
    if any(p.kind in _SEPARATORS for p in between):
        return None
    return previous


def _chain(runs: list[Run], pieces: list[Piece]) -> list[Run]:
    """With no article to join, runs that follow on from each other form one item."""
    out: list[Run] = []
    for position, run in enumerate(runs):
        previous = _previous(runs, position, pieces)
        # A run with a headline of its own, or standing alone (a photo, a lead), is an item.
        alone = bool(run.headlines) or is_independent(run)
        if out and previous is not None and _is_part(previous, out[-1]) and not alone:
            out[-1].merged.append(run)
        else:
            out.append(run)
    return out


def owner_of(articles: list[Run], run: Run) -> Run | None:
    """The article a run ended up in."""
    for article in articles:
        if _is_part(run, article):
            return article
    return None


def _is_part(run: Run, article: Run) -> bool:
    """Whether a run is an article or merged into it."""
    return run is article or any(part is run for part in article.merged)


def place_headings(
    articles: list[Run], runs: list[Run], headings: list[tuple[int, Piece]], pieces: list[Piece]
) -> list[Run]:
    """Make each headline no article took a subheading of the run it stands before."""
    for position, piece in headings:
        following = [r for r in runs if r.start > position and r.paragraphs and not r.credit]
        before = [r for r in runs if r.end < position and r.paragraphs and not r.credit]
        host = None
        if following and distance(pieces, position, following[0].start) == 0:
            host = following[0]
            if host.strong_start:
                host = None
        if host is not None:
            piece.kind = "subheading"
            _COUNT_CACHE.clear()
            host.paragraphs.insert(0, piece)
        elif before:
            piece.kind = "subheading"
            _COUNT_CACHE.clear()
            before[-1].paragraphs.append(piece)
        else:
            orphan = Run(start=position, end=position, strong_start=True)
            orphan.headlines.append((position, piece))
            articles.append(orphan)
    return articles
