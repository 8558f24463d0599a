"""Snapshot tests of the main views (pytest-textual-snapshot); ``--snapshot-update`` to accept.

The same scenarios make the pictures in ``screenshots/`` (``python screenshots/make.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from scenarios import SCENARIOS, Keywords, Scenario, sample_keywords


@pytest.fixture(scope="module")
def keywords(tmp_path_factory: pytest.TempPathFactory) -> Keywords:
    """The sample page's key terms, found once for all the views."""
    return sample_keywords(tmp_path_factory.mktemp("jieba"))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_view(scenario: Scenario, keywords: Keywords, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(
        scenario.app(keywords),
        press=scenario.press,
        terminal_size=scenario.size,
        run_before=scenario.before,
    )
