"""How ``ArchiveIndex.search`` finds and ranks hits, three ways.

- An exact one-part query with many hits: the total comes from the index (``count_hits``), and
  ``best_hits`` reads only the articles that can rank among the first ``limit``, from the density
  strata down (see ``strata`` for why the result is exactly the full ranking's first hits).
- A query that is one index term found a few times per article: ranked by the index's own
  per-row counts, reading no text (``counted_keys``).
- Any other: the index's candidates, each checked and counted in its text (``checked_keys``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from paper_tui.search.query import Query, RankKey, density
from paper_tui.search.strata import STRATA, floor
from paper_tui.search.strata import token as stratum_token
from paper_tui.search.tokens import QUAD, term_columns

# Not imported from typing, which costs the search command milliseconds (type checkers know it).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_ID_CHUNK: Final = 500  # ids per query: far below SQLite's limit on parameters
# Reading one instance of a term from the index costs about a tenth of what checking an article's
# text does (measured on 2,000 pages): a term found more often than this per article is counted
# faster in the text.
COUNTABLE_PER_ROW: Final = 10
# How many of the newest articles tell which pair of a phrase is the rarest.
RARITY_SAMPLE: Final = 1000


def count_hits(
    connection: sqlite3.Connection,
    query: Query,
    conditions: list[str],
    params: list[str],
    at_most: int | None = None,
) -> int:
    """How many articles match an exact query (the index alone knows), counting up to
    ``at_most`` of them if given (which costs what finding that many does)."""
    where = "".join(f" AND {condition}" for condition in conditions)
    join = " JOIN articles AS a ON a.id = grams.rowid" if conditions else ""
    rows = f"SELECT 1 FROM grams{join} WHERE grams MATCH ?{where}"
    arguments: list[object] = [query.expression(), *params]
    if at_most is not None:
        rows += " LIMIT ?"
        arguments.append(at_most)
    (total,) = connection.execute(f"SELECT count(*) FROM ({rows})", arguments).fetchone()
    return int(total)


def term_counts(connection: sqlite3.Connection, term: str) -> tuple[int, int]:
    """How many articles hold an index term, and how many times the index holds it."""
    connection.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, 'grams', 'row')"
    )
    connection.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.instances"
        " USING fts5vocab(main, 'grams', 'instance')"
    )
    row = connection.execute("SELECT doc, cnt FROM temp.terms WHERE term = ?", (term,))
    rows, instances = row.fetchone() or (0, 0)
    return int(rows), int(instances)


def best_hits(
    connection: sqlite3.Connection,
    query: Query,
    limit: int,
    conditions: list[str],
    params: list[str],
) -> list[RankKey]:
    """The best ``limit`` hits of an exact one-part query, from the densest stratum down.

    Headline hits rank first, so they are looked for first, among the articles filed with a
    piece of the query in their headline (see ``strata``), then the others; in each group an
    article's stratum is a ceiling on its density, which says when to stop.
    """
    # Any piece of a phrase bounds its count; one is walked (see _bounding_piece).
    terms = {_bounding_piece(connection, spelling) for spelling in query.parts[0]}
    read = partial(ranked, connection, query, conditions=conditions, params=params)
    seen: set[int] = set()
    groups: tuple[list[RankKey], list[RankKey]] = ([], [])  # headline hits, the others
    best = _walk(connection, terms, limit, read, seen, groups, in_headline=True)
    if len(best) < limit:
        # The walk of the headline group went down every stratum of the headline's terms.
        best.extend(
            _walk(connection, terms, limit - len(best), read, seen, groups, in_headline=False)
        )
    return best


def _bounding_piece(connection: sqlite3.Connection, spelling: str) -> str:
    """The term whose strata bound how densely an article holds ``spelling``."""
    size = QUAD if len(spelling) >= QUAD else 2
    pieces = list(
        dict.fromkeys(spelling[index : index + size] for index in range(len(spelling) - size + 1))
    )
    if len(pieces) <= 1:
        return spelling[:size]
    # One piece is enough to bound, and each costs a walk down its strata. The rarest is best:
    # the articles dense in it are most often the phrase's own, where a common one (中国特色 in
    # 新时代中国特色社会主义) leads to reading many that lack the phrase. How rare each is, is
    # told by the newest articles, a sample the index finds at once.
    (top,) = connection.execute("SELECT max(id) FROM articles").fetchone()
    since = (top or 0) - RARITY_SAMPLE

    def found(piece: str) -> int:
        row = connection.execute(
            "SELECT count(*) FROM grams WHERE grams MATCH ? AND rowid > ?", (f'"{piece}"', since)
        ).fetchone()
        return int(row[0])

    return min(pieces, key=found)


def _walk(
    connection: sqlite3.Connection,
    terms: Iterable[str],
    need: int,
    read: Callable[[set[int]], Iterator[RankKey]],
    seen: set[int],
    groups: tuple[list[RankKey], list[RankKey]],
    *,
    in_headline: bool,
) -> list[RankKey]:
    """The best ``need`` hits of the headline group (or of the others), densest stratum first.

    Each article is read once (``seen``); the hits of either group read on the way are kept in
    ``groups``.
    """
    found = groups[0 if in_headline else 1]
    for level in range(STRATA - 1, -1, -1):
        ids: set[int] = set()
        for term in terms:
            ids.update(
                rowid
                for (rowid,) in connection.execute(
                    "SELECT rowid FROM strata WHERE strata MATCH ?",
                    (f'"{stratum_token(term, level, in_headline=in_headline)}"',),
                )
            )
        ids -= seen
        seen |= ids
        for key in read(ids):
            groups[0 if key[0] else 1].append(key)
        # Below this stratum every article is less dense.
        if level > 0 and len(found) >= need:
            found.sort()
            if -found[need - 1][1] >= floor(level):
                break
    found.sort()
    return found[:need]


def ranked(
    connection: sqlite3.Connection,
    query: Query,
    ids: set[int],
    *,
    conditions: list[str],
    params: list[str],
) -> Iterator[RankKey]:
    """Rank some articles by checking the query in their text (filters applied)."""
    where = "".join(f" AND {condition}" for condition in conditions)
    body = "CAST(b.body AS BLOB)" if query.is_raw else "b.body"
    rank = query.rank
    ordered = sorted(ids)
    for start in range(0, len(ordered), _ID_CHUNK):
        chunk = ordered[start : start + _ID_CHUNK]
        rows = connection.execute(
            f"SELECT a.id, a.day, f.path, a.headline, {body}, a.chars FROM articles AS a"
            " JOIN files AS f ON f.id = a.file JOIN bodies AS b ON b.id = a.id"
            f" WHERE a.id IN ({', '.join('?' * len(chunk))}){where}",
            [*chunk, *params],
        )
        for rowid, day, path, headline, text, length in rows:
            key = rank(headline, text, length, day, path, rowid)
            if key is not None:
                yield key


def is_countable(connection: sqlite3.Connection, term: str) -> bool:
    """Whether counting the term's instances in the index is cheaper than reading the text."""
    rows, instances = term_counts(connection, term)
    return bool(instances <= COUNTABLE_PER_ROW * rows)


def counted_keys(
    connection: sqlite3.Connection, term: str, conditions: list[str], params: list[str]
) -> Iterator[RankKey]:
    """Rank the articles holding one index term by the index's own counts, reading no text."""
    headline, body = term_columns(term)
    where = "".join(f" AND {condition}" for condition in conditions)
    rows = connection.execute(
        "SELECT a.id, a.day, f.path, a.chars, sum(i.col = ?), max(i.col = ?)"
        " FROM temp.instances AS i JOIN articles AS a ON a.id = i.doc"
        " JOIN files AS f ON f.id = a.file"
        f" WHERE i.term = ? AND i.col IN (?, ?){where} GROUP BY i.doc",
        [body, headline, term, headline, body, *params],
    )
    for rowid, day, path, length, count, in_headline in rows:
        yield (-in_headline, -density(count, length), -day, path, rowid)


def checked_keys(
    connection: sqlite3.Connection, query: Query, conditions: list[str], params: list[str]
) -> Iterator[RankKey]:
    """Rank the candidates the index finds by checking and counting the query in their text."""
    expression = query.expression()
    if expression is None:  # punctuation only: every article is a candidate
        source = "articles AS a"
    else:
        source = "grams JOIN articles AS a ON a.id = grams.rowid"
        conditions = ["grams MATCH ?", *conditions]
        params = [expression, *params]
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    body = "CAST(b.body AS BLOB)" if query.is_raw else "b.body"
    rows = connection.execute(
        f"SELECT a.id, a.day, f.path, a.headline, {body}, a.chars FROM {source}"
        f" JOIN files AS f ON f.id = a.file JOIN bodies AS b ON b.id = a.id{where}",
        params,
    )
    rank = query.rank
    for rowid, day, path, headline, text, length in rows:
        key = rank(headline, text, length, day, path, rowid)
        if key is not None:
            yield key
