"""The page's bigram masks weigh texts as the bigram sets and IDF weights they stand for."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from paper_tui.loader.similarity import PageGrams, bigrams, idf_weights, norm, similarity

POOL = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得着下自之年过"


def _texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(POOL) for _ in range(rnd.randint(0, 60))) for _ in range(count)]


def test_bigrams_are_pairs_of_text_characters() -> None:
    assert len(bigrams("中，国人民 ab1")) == 6  # 中国 国人 人民 民a ab b1
    assert bigrams("中国") == bigrams("（中国）") != bigrams("国中")
    assert bigrams("") == bigrams("中") == frozenset()


# 300 documents: more than a byte of the summed masks can count.
@pytest.mark.parametrize("count", [1, 5, 300])
def test_masks_weigh_as_sets(count: int) -> None:
    documents = [bigrams(text) for text in _texts(count, count)]
    page = PageGrams(documents)
    weights = idf_weights(documents)
    squared = {gram: weight * weight for gram, weight in weights.items()}
    headline = bigrams("国人民大会堂 ab")
    covered = page.coverages(page.mask(headline), page.masks)
    for grams, mask, coverage in zip(documents, page.masks, covered, strict=True):
        assert math.isclose(page.norm(mask), norm(grams, squared))
        total = sum(weights.get(gram, page.unseen) for gram in headline)
        found = sum(weights[gram] for gram in headline & grams)
        assert math.isclose(coverage, found / total)
    assert page.coverages(0, page.masks) == [0.0] * count
    for a, b in itertools.pairwise(documents):
        ma, mb = page.mask(a), page.mask(b)
        expected = similarity(a, norm(a, squared), b, norm(b, squared), squared)
        assert math.isclose(page.similarity(ma, page.norm(ma), mb, page.norm(mb)), expected)
