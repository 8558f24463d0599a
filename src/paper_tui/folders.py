"""Where paper-tui keeps its files: the config, state and cache folders (platformdirs).

``PAPER_TUI_HOME`` moves all three under one folder (the tests use it). Kept apart from ``state``
so that what needs only the folders (the archive search) imports nothing else.
"""

from __future__ import annotations

import os

from paper_tui.records import NamedTuple

# Not imported from typing, nor pathlib at the top: the search command needs only the cache
# folder, as a string (type checkers know the names).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final, TypeAlias

StrPath: TypeAlias = str | os.PathLike[str]

APP_NAME: Final = "paper-tui"
HOME_ENV: Final = "PAPER_TUI_HOME"


class Paths(NamedTuple):
    """The folders paper-tui uses for its config, state and cache."""

    config_dir: Path
    state_dir: Path
    cache_dir: Path

    @property
    def config_file(self) -> Path:
        """The user's TOML config file."""
        return self.config_dir / "config.toml"

    @property
    def state_file(self) -> Path:
        """The JSON file holding the saved session state."""
        return self.state_dir / "state.json"

    @property
    def index_dir(self) -> Path:
        """The cache folder for search indexes."""
        return self.cache_dir / "index"


def paths(home: StrPath | None = None) -> Paths:
    """Return the folders to use, from `home`, $PAPER_TUI_HOME or the platform defaults."""
    from pathlib import Path

    if home is None:
        home = os.environ.get(HOME_ENV) or None
    if home is not None:
        root = Path(home).expanduser()
        return Paths(root / "config", root / "state", root / "cache")
    # Imported only here: it costs a search command about 15 ms, and $PAPER_TUI_HOME needs none.
    import platformdirs

    return Paths(
        platformdirs.user_config_path(APP_NAME, appauthor=False),
        platformdirs.user_state_path(APP_NAME, appauthor=False),
        platformdirs.user_cache_path(APP_NAME, appauthor=False),
    )


def cache_folder(home: StrPath | None = None) -> str:
    """The cache folder of ``paths(home)``, as a string. With $PAPER_TUI_HOME (or ``home``) it
    needs no ``pathlib``, which the search command would otherwise import for it alone."""
    if home is None:
        home = os.environ.get(HOME_ENV) or None
    if home is None:
        return str(paths().cache_dir)
    return os.path.join(os.path.expanduser(os.fspath(home)), "cache")
