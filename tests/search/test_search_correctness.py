"""Search against a brute-force scan: every hit contains the query, nothing containing it is missed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from archive_pages import ALPHABET, SEED_PAGE, Article, Built, contains
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paper_tui.search import ArchiveIndex
from paper_tui.search.conversion import _dictionaries, _named_files, is_traditional, may_change
from paper_tui.search.query import Query, to_simplified

if TYPE_CHECKING:
    from opencc import OpenCC


def expected(built: Built, query: str) -> set[tuple[str, str]]:
    return {(str(a.path), a.item_id) for a in built.articles if contains(a, query)}


def found(built: Built, query: str) -> set[tuple[str, str]]:
    result = built.index.search(query, limit=None)
    hits = {(str(hit.path), hit.item_id) for hit in result.hits}
    assert result.total == len(result.hits) == len(hits)
    return hits


QUERIES = [
    # one character
    *"国项润泽特G",
    # two characters
    "项目",
    "中国",
    "润泽",
    "质量",
    "5G",
    "GD",
    "国家",
    # four characters and more
    "中国特色",
    "高质量发展",
    "润泽智算",
    "质量发展",
    "润泽智算中心",
    # a phrase of several words, and Latin in any case or width
    "中国 发展",
    "高质量 润泽",
    "gdp",
    "ＧＤＰ",
    "2025",
    "２０２５",
    # nothing to find
    "朝花夕拾",
    "国国国国国国国国",
]


@pytest.mark.parametrize("query", QUERIES)
def test_matches_brute_force(built: Built, query: str) -> None:
    assert found(built, query) == expected(built, query)


def test_queries_find_something(built: Built) -> None:
    assert all(expected(built, query) for query in QUERIES[:-2])


@st.composite
def substrings(draw: st.DrawFn, articles: list[Article]) -> str:
    article = draw(st.sampled_from(articles))
    text = draw(st.sampled_from([article.headline, article.body]).filter(bool))
    start = draw(st.integers(0, len(text) - 1))
    return text[start : start + draw(st.integers(1, 8))]


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_random_substrings_match_brute_force(built: Built, data: st.DataObject) -> None:
    query = data.draw(substrings(built.articles))
    assert found(built, query) == expected(built, query)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(alphabet=ALPHABET + "，。 ", min_size=1, max_size=5))
def test_random_strings_match_brute_force(built: Built, query: str) -> None:
    assert found(built, query) == expected(built, query)


def test_text_across_a_paragraph_break_is_not_a_hit(built: Built) -> None:
    article = next(a for a in built.articles if "\n" in a.body)
    at = article.body.index("\n")
    query = article.body[at - 2 : at] + article.body[at + 1 : at + 3]
    for hit in built.index.search(query, limit=None).hits:
        body = next(a.body for a in built.articles if a.item_id == hit.item_id)
        assert query in body or query in hit.headline


def test_traditional_query_finds_simplified_text(built: Built) -> None:
    simplified = built.index.search("润泽", limit=None)
    traditional = built.index.search("潤澤", limit=None)
    assert traditional.total == simplified.total > 0
    assert {hit.item_id for hit in traditional.hits} == {hit.item_id for hit in simplified.hits}


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("潤澤", "润泽"),
        ("國際商品", "国际商品"),
        ("沈默", "沉默"),
        ("润泽", "润泽"),
        ("GDP", "GDP"),
        ("書中自有千鍾粟", "书中自有千锺粟"),
        ("新時代", "新时代"),
        ("新时代中国特色社会主义", "新时代中国特色社会主义"),
    ],
)
def test_traditional_script_is_made_simplified(typed: str, searched: str) -> None:
    assert to_simplified(typed) == searched


def _opencc() -> OpenCC:
    return _opencc_to("t2s")


def _opencc_to(configuration: str) -> OpenCC:
    opencc = pytest.importorskip("opencc")
    return opencc.OpenCC(configuration)


def test_text_opencc_would_change_is_known_without_it() -> None:
    converter = _opencc()
    dictionaries = _dictionaries()
    assert dictionaries is not None
    keys = [line.partition("\t")[0] for line in dictionaries.splitlines() if line]
    characters = set("".join(keys)) | {chr(code) for code in range(0x4E00, 0xA000)}
    for text in [*keys, *characters, *(f"中{key}国" for key in keys)]:
        if converter.convert(text) != text:
            assert may_change(text), text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("润泽潤澤書中自有千鍾粟乾隆国國新時代时A1 "), max_size=8))
def test_text_said_unchanged_is_unchanged(text: str) -> None:
    if not may_change(text):
        assert _opencc().convert(text) == text


def test_sample_page_articles_about_runze(built: Built) -> None:
    for query in ("润泽", "潤澤", "润泽智算中心"):
        hits = [
            h
            for h in built.index.search(query, limit=None).hits
            if h.path.name.startswith("pinghu")
        ]
        assert len(hits) == 2, query
        assert all("润泽智算中心" in h.snippet for h in hits)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND",
        "OR",
        "NOT",
        "*",
        "国*",
        "NEAR(国 家)",
        "(",
        ")",
        "^国",
        "col:国",
        "{a}",
        "-",
        "，",
        "'",
    ],
)
def test_fts_syntax_is_literal_text(built: Built, query: str) -> None:
    assert found(built, query) == expected(built, query)


def test_blank_query_finds_nothing(built: Built) -> None:
    result = built.index.search("  \u3000 ")
    assert (result.total, result.hits) == (0, [])


def _two_scripts(tmp_path: Path, mainland_extra: str = "") -> Path:
    """An archive of the sample page as printed in Hong Kong (hk.txt) and on the mainland."""
    root = tmp_path / "archive"
    root.mkdir()
    page = SEED_PAGE.read_text(encoding="utf-8")
    to_traditional = _opencc_to("s2hk")
    (root / "hk.txt").write_text(
        "\n".join(map(to_traditional.convert, page.split("\n"))), encoding="utf-8"
    )
    (root / "mainland.txt").write_text(page + mainland_extra, encoding="utf-8")
    return root


def test_an_archive_of_traditional_pages_is_found_by_queries_in_either_script(
    tmp_path: Path,
) -> None:
    root = _two_scripts(tmp_path)
    with ArchiveIndex(root, workers=1) as index:
        report = index.update()
        assert report.traditional
        for query in ("润泽智算中心", "潤澤智算中心", "润泽 项目"):
            result = index.search(query, limit=None)
            assert {hit.path.name for hit in result.hits} == {"hk.txt", "mainland.txt"}, query
            assert result.total == 4, query
        hk = next(h for h in index.search("润泽", limit=None).hits if h.path.name == "hk.txt")
        assert "潤澤" in hk.snippet
        assert all(hk.snippet[a:b] in ("潤澤", "润泽") for a, b in hk.marks)


def test_an_archive_of_simplified_pages_is_searched_in_simplified_alone(built: Built) -> None:
    # A traditional page or two makes every query look for more spellings; none here.
    connection = built.index.database.connection()
    assert connection.execute("SELECT 1 FROM meta WHERE key = 'traditional'").fetchone() is None
    assert not is_traditional("润泽智算中心集群项目，总投资约60亿元。乾隆年间的《四庫全書》")
    assert is_traditional("潤澤智算中心集群項目，總投資約六十億元，將帶動當地數字經濟發展。")


def test_the_archive_forgets_traditional_script_when_its_last_such_page_goes(
    tmp_path: Path,
) -> None:
    root = _two_scripts(tmp_path, "\n特色显著。\n")
    hk = root / "hk.txt"

    def holds_traditional(index: ArchiveIndex) -> bool:
        row = (
            index.database.connection()
            .execute("SELECT 1 FROM meta WHERE key = 'traditional'")
            .fetchone()
        )
        return row is not None

    with ArchiveIndex(root, workers=1) as index:
        index.update()
        assert holds_traditional(index)
        # 着 is 著 in traditional script, but 著 is simplified too (显著): not looked for.
        assert Query("着", traditional=True).needles == ("着",)
        assert Query("润泽", traditional=True).needles == ("润泽", "潤澤")
        hk.unlink()
        assert index.update().removed == 1
        assert not holds_traditional(index)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('{"file": "STCharacters.txt"}', ["STCharacters.txt"]),
        (
            '{"type": "mmseg", "dict": {"file" :  "a.txt"}, "x": [{"file":"b.ocd2"}]}',
            ["a.txt", "b.ocd2"],
        ),
        ('{"name": "nothing"}', []),
        ('{"file": 3}', None),
        ('{"file": "a\\"b.txt"}', None),
    ],
)
def test_the_dictionaries_an_opencc_configuration_names(
    config: str, expected: list[str] | None
) -> None:
    assert _named_files(config) == expected
