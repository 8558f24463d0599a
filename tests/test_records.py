"""Record classes: the search modules' NamedTuple behaves as typing's does."""

from __future__ import annotations

import pickle
import typing

import pytest

from paper_tui.records import NamedTuple


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    """How high."""

    @property
    def norm(self) -> int:
        """Taxicab."""
        return abs(self.x) + abs(self.y)

    def moved(self, by: int) -> Point:
        return self._replace(x=self.x + by)


class TypingPoint(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 0

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, by: int) -> TypingPoint:
        return self._replace(x=self.x + by)


@pytest.mark.parametrize("kind", [Point, TypingPoint])
def test_a_record_is_a_named_tuple(kind: type) -> None:
    point = kind(3, -4)
    assert point == (3, -4) and point.x == 3 and point.y == -4
    assert kind(5) == (5, 0) and kind(x=1, y=2) == (1, 2)
    assert point.norm == 7 and point.moved(1) == (4, -4)
    assert kind._fields == ("x", "y") and kind._field_defaults == {"y": 0}
    assert kind.__doc__ == "A point." and kind.__module__ == __name__
    assert pickle.loads(pickle.dumps(point)) == point
    assert type(pickle.loads(pickle.dumps(point))) is kind
    assert repr(point) == f"{kind.__name__}(x=3, y=-4)"


def test_a_field_without_a_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError):

        class Bad(NamedTuple):
            x: int = 0
            y: int
