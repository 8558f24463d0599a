"""Ranking, filters, limits and snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_pages import FILLER, Built, body_with, contains, one_article

from paper_tui.search import ArchiveIndex, index
from paper_tui.search.query import ELLIPSIS, SNIPPET_WIDTH, Query
from paper_tui.search.ranking import _bounding_piece, count_hits
from paper_tui.search.tokens import fold


def ranked(root: Path, query: str) -> list[str]:
    with ArchiveIndex(root, workers=1) as index:
        index.update()
        return [hit.path.parent.name + "/" + hit.path.stem for hit in index.search(query).hits]


def test_headline_hits_come_first(tmp_path: Path) -> None:
    one_article(tmp_path, "2025-03-01/01.txt", "城市工作会议召开", body_with("润泽", 5))
    one_article(tmp_path, "2024-01-01/01.txt", "润泽项目开工仪式", body_with("润泽", 1))
    assert ranked(tmp_path, "润泽") == ["2024-01-01/01", "2025-03-01/01"]


def test_denser_before_sparser(tmp_path: Path) -> None:
    one_article(tmp_path, "2025-03-01/01.txt", "城市工作会议召开", body_with("润泽", 1))
    one_article(tmp_path, "2025-03-01/02.txt", "科技创新大会举行", body_with("润泽", 4))
    assert ranked(tmp_path, "润泽") == ["2025-03-01/02", "2025-03-01/01"]


def test_newer_before_older_then_undated(tmp_path: Path) -> None:
    body = body_with("润泽", 2)
    one_article(tmp_path, "undated/01.txt", "城市工作会议召开", body)
    one_article(tmp_path, "2024-05-01/01.txt", "城市工作会议召开", body)
    one_article(tmp_path, "2025-03-01/01.txt", "城市工作会议召开", body)
    assert ranked(tmp_path, "润泽") == ["2025-03-01/01", "2024-05-01/01", "undated/01"]


def test_short_captions_do_not_outrank_articles(tmp_path: Path) -> None:
    one_article(tmp_path, "2025-03-01/01.txt", "城市工作会议召开", "图为润泽园区。")
    one_article(tmp_path, "2025-03-01/02.txt", "科技创新大会举行", body_with("润泽", 4, length=250))
    assert ranked(tmp_path, "润泽")[0] == "2025-03-01/02"


def test_limit_gives_the_best_hits_and_the_total(built: Built) -> None:
    everything = built.index.search("国", limit=None)
    first = built.index.search("国", limit=5)
    assert first.total == everything.total > 5
    assert first.hits == everything.hits[:5]
    none = built.index.search("国", limit=0)
    assert (none.total, none.hits) == (everything.total, [])


@pytest.mark.parametrize(
    ("since", "until", "section"),
    [
        ("2025-02-02", "2025-02-04", None),
        ("2025-01-01", None, None),
        (None, "2024-12-31", None),
        (None, None, "经济"),
        ("2025-02-03", None, "体育"),
    ],
)
def test_filters(built: Built, since: str | None, until: str | None, section: str | None) -> None:
    want = {
        (str(a.path), a.item_id)
        for a in built.articles
        if contains(a, "国")
        and (since is None or (a.date is not None and a.date >= since))
        and (until is None or (a.date is not None and a.date <= until))
        and (section is None or a.section == section)
    }
    result = built.index.search("国", limit=None, since=since, until=until, section=section)
    assert want
    assert {(str(h.path), h.item_id) for h in result.hits} == want
    assert result.total == len(want)


def test_sections_are_listed(built: Built) -> None:
    assert set(built.index.sections()) == {"要闻", "经济", "文化", "体育"}


@pytest.mark.parametrize("bad", ["2025-2-1", "yesterday", "2025-02-30", ""])
def test_bad_dates_are_refused(built: Built, bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        built.index.search("国", since=bad)


@pytest.mark.parametrize("query", ["高质量发展", "润泽", "gdp", "国 特色"])
def test_snippets_mark_the_matches(built: Built, query: str) -> None:
    words = {fold(word) for word in query.split()}
    result = built.index.search(query, limit=None)
    assert result.hits
    for hit in result.hits:
        assert "\n" not in hit.snippet
        assert len(hit.snippet) <= SNIPPET_WIDTH + 2 * len(ELLIPSIS) or len(hit.marks) == 1
        for start, end in (*hit.marks,):
            assert any(w in fold(hit.snippet[start:end]) for w in words)
        for start, end in hit.headline_marks:
            assert any(w in fold(hit.headline[start:end]) for w in words)
        assert hit.marks or hit.headline_marks


def test_snippet_of_a_headline_only_hit_is_the_start_of_the_body(tmp_path: Path) -> None:
    one_article(tmp_path, "2025-03-01/01.txt", "润泽项目开工仪式", body_with("城市", 1))
    with ArchiveIndex(tmp_path, workers=1) as index:
        index.update()
        (hit,) = index.search("润泽").hits
    assert hit.headline_marks == ((0, 2),)
    assert hit.marks == ()
    assert hit.snippet.startswith(FILLER[:10]) and hit.snippet.endswith(ELLIPSIS)


@pytest.mark.parametrize("query", ["国", "项目", "润泽", "g", "5g", "质"])
@pytest.mark.parametrize("since", [None, "2025-02-03"])
def test_index_counts_rank_as_the_text_check_does(
    built: Built, monkeypatch: pytest.MonkeyPatch, query: str, since: str | None
) -> None:
    assert Query(query).term() is not None
    monkeypatch.setattr(index, "is_countable", lambda *_: True)
    counted = built.index.search(query, limit=None, since=since)
    monkeypatch.setattr(index, "is_countable", lambda *_: False)
    checked = built.index.search(query, limit=None, since=since)
    assert counted == checked and counted.total > 0


@pytest.mark.parametrize("query", ["国家发展", "哈哈", "高质量发展", "潤澤", "国 家", "项目，"])
def test_queries_the_index_cannot_count_alone(query: str) -> None:
    assert Query(query).term() is None


STRATIFIED_QUERIES = (
    "国", "发", "展", "发展", "国家", "建设", "中国特色", "高质量发展", "社会经济", "质量", "润泽",
    "gdp", "5g", "2025", "國家", "發展", "項目", "平湖", "的",
)  # fmt: skip


@pytest.mark.parametrize("query", STRATIFIED_QUERIES)
@pytest.mark.parametrize("limit", [0, 1, 3, 10, 50])
def test_density_strata_find_exactly_the_best_hits(built: Built, query: str, limit: int) -> None:
    """Walking the strata from the densest down gives the full ranking's first hits, in order."""
    everything = built.index.search(query, limit=None)
    built.index.stratify_from = 0
    assert built.index.stratify_from < everything.total or everything.total == 0
    try:
        best = built.index.search(query, limit=limit)
    finally:
        built.index.stratify_from = ArchiveIndex(built.root).stratify_from
    assert best.total == everything.total
    assert best.hits == everything.hits[:limit]


@pytest.mark.parametrize(("since", "section"), [("2025-02-02", None), (None, "经济")])
def test_density_strata_respect_filters(
    built: Built, since: str | None, section: str | None
) -> None:
    everything = built.index.search("发展", limit=None, since=since, section=section)
    built.index.stratify_from = 0
    try:
        best = built.index.search("发展", limit=4, since=since, section=section)
    finally:
        built.index.stratify_from = 400
    assert (best.total, best.hits) == (everything.total, everything.hits[:4])


@pytest.mark.parametrize("at_most", [0, 1, 2, 1000])
def test_counting_can_stop_early(built: Built, at_most: int) -> None:
    connection = built.index.database.connection()
    query = Query("发展")
    total = count_hits(connection, query, [], [])
    assert total > 2
    assert count_hits(connection, query, [], [], at_most=at_most) == min(total, at_most)


def test_a_phrase_is_walked_down_the_strata_by_its_rarest_pair(tmp_path: Path) -> None:
    for day in range(1, 5):
        one_article(tmp_path, f"2025-03-0{day}/01.txt", "城市工作会议召开", body_with("中国", 3))
    one_article(tmp_path, "2025-03-09/01.txt", "城市工作会议召开", body_with("中国特", 2))
    with ArchiveIndex(tmp_path, workers=1) as archive:
        archive.update()
        connection = archive.database.connection()
        assert _bounding_piece(connection, "中国特") == "国特"
        assert _bounding_piece(connection, "中国") == "中国"


def test_a_long_phrase_is_walked_down_the_strata_by_its_rarest_piece_of_four(
    tmp_path: Path,
) -> None:
    for day in range(1, 5):
        one_article(
            tmp_path, f"2025-03-0{day}/01.txt", "城市工作会议召开", body_with("中国特色", 3)
        )
    one_article(tmp_path, "2025-03-09/01.txt", "城市工作会议召开", body_with("中国特色社会", 2))
    with ArchiveIndex(tmp_path, workers=1) as archive:
        archive.update()
        connection = archive.database.connection()
        assert _bounding_piece(connection, "中国特色社会") == "国特色社"
        assert _bounding_piece(connection, "社会主义") == "社会主义"


LONG_PHRASE = "新时代中国特色社会主义"


@pytest.mark.parametrize("query", [LONG_PHRASE, "中国特色社会主义", "特色社会"])
@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8])
def test_density_strata_rank_headline_hits_of_long_phrases_exactly(
    tmp_path: Path, query: str, limit: int
) -> None:
    """Headline hits are walked among the articles with a piece of the phrase in the headline:
    one whose headline holds a piece but not the phrase ranks with the others."""
    pages = [
        ("新时代中国特色社会主义思想", body_with(LONG_PHRASE, 1, 600)),
        ("中国特色社会主义道路", body_with(LONG_PHRASE, 4)),  # pieces only, dense body
        ("新时代中原大地", body_with(LONG_PHRASE, 5)),  # the phrase's rarest piece only
        ("城市工作会议召开", body_with(LONG_PHRASE, 2)),
        ("新时代中国特色社会主义", body_with("城市", 2)),  # the headline alone
        ("社会主义建设", body_with("特色社会", 3)),
        ("科技创新大会举行", body_with("城市", 1)),
        ("人民政府工作报告", body_with(LONG_PHRASE, 1)),
    ]
    for day, (headline, body) in enumerate(pages, start=1):
        one_article(tmp_path, f"2025-03-0{day}/01.txt", headline, body)
    with ArchiveIndex(tmp_path, workers=1) as archive:
        archive.update()
        everything = archive.search(query, limit=None)
        archive.stratify_from = 0
        best = archive.search(query, limit=limit)
    assert everything.total >= 4
    assert best.total == everything.total
    assert best.hits == everything.hits[:limit]
