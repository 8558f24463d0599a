"""Snapshot tests of the main views (pytest-textual-snapshot); ``--snapshot-update`` to accept.

The same scenarios make the pictures in ``screenshots/`` (``python screenshots/make.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from scenarios import SCENARIOS, Scenario


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_view(scenario: Scenario, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(
        scenario.app(),
        press=scenario.press,
        terminal_size=scenario.size,
        run_before=scenario.before,
    )
