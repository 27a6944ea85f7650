"""``NamedTuple`` records without importing ``typing`` (about 3.5 ms of every command's start-up).

Modules write ``class Entry(NamedTuple): path: str`` as with ``typing``. The type checker sees
``typing.NamedTuple`` (it takes any name ``TYPE_CHECKING`` as true); at run time a small metaclass builds the same
``collections.namedtuple``, with the class body's defaults, methods, properties and docstring.
"""

from __future__ import annotations

TYPE_CHECKING = False  # (the type checker reads it as True; ``typing.TYPE_CHECKING`` would import typing)

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    _KEPT = frozenset({"__module__", "__qualname__", "__annotations__", "__orig_bases__"})

    class _RecordType(type):
        def __new__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
            if not bases:  # the NamedTuple base itself
                return super().__new__(cls, name, bases, namespace)
            annotations = dict(namespace.get("__annotations__", {}))
            fields = tuple(annotations)
            defaults = [namespace[field] for field in fields if field in namespace]
            if defaults and any(field not in namespace for field in fields[len(fields) - len(defaults) :]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            record = namedtuple(name, fields, defaults=defaults, module=str(namespace["__module__"]))
            record.__qualname__ = str(namespace.get("__qualname__", name))
            record.__annotations__ = annotations
            for key, value in namespace.items():
                if key not in fields and key not in _KEPT:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordType):
        """Base of a record class: ``class Entry(NamedTuple): path: str``."""
