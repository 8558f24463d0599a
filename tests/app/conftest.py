"""Fixtures for driving the app: every test gets its own PAPER_TUI_HOME and working folder.

Pilot tests are ``async def``; no asyncio plugin is a dependency, so the hook below runs each one
in a fresh event loop.
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
from helpers import SAMPLE


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config, state and cache under a temporary folder; exports land in another."""
    root = tmp_path / "home"
    monkeypatch.setenv("PAPER_TUI_HOME", str(root))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return root


@pytest.fixture
def sample() -> Path:
    """The bundled sample page."""
    return SAMPLE


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests to completion in their own event loop."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True
