"""``NamedTuple`` for modules the search command imports, without importing ``typing`` at run time.

``paper-tui search`` answers in little more than the time Python takes to start and to import what
it needs, and ``typing`` (with ``re``, which it imports) is a good share of that. Type checkers see
``typing.NamedTuple``; at run time a class written the same way becomes a ``collections.namedtuple``
with the class's fields, defaults, docstring, methods and properties.
"""

from __future__ import annotations

# Not imported from typing, which is what this module spares (type checkers know the name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    # What a class body holds besides its fields and methods; namedtuple makes its own.
    _MADE = frozenset({"__module__", "__qualname__", "__annotations__", "__classcell__"})

    class _Records(type):
        """Makes each class written over ``NamedTuple`` a named tuple."""

        def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, object]):
            if not bases:  # NamedTuple itself
                return super().__new__(mcs, name, bases, namespace)
            fields = list(namespace.get("__annotations__", {}))
            with_default = [field for field in fields if field in namespace]
            if fields[len(fields) - len(with_default) :] != with_default:
                raise TypeError(f"{name}: a field without a default follows one with a default")
            record = namedtuple(
                name,
                fields,
                defaults=[namespace[field] for field in with_default],
                module=str(namespace["__module__"]),
            )
            record.__qualname__ = str(namespace["__qualname__"])
            record.__annotations__ = dict(namespace.get("__annotations__", {}))
            for key, value in namespace.items():
                if key not in _MADE and key not in fields:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_Records):
        """The base of a record class, written as over ``typing.NamedTuple``."""
