"""licensecheck.records: NamedTuple records built without importing typing."""

from __future__ import annotations

import pickle
import typing

import pytest

from licensecheck.records import NamedTuple
from licensecheck.scan.report import Location


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    label: str = "p"

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)


class Typed(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 0
    label: str = "p"


def test_a_record_behaves_as_typing_builds_it() -> None:
    ours, theirs = Point(1, 2), Typed(1, 2)
    assert ours == theirs == (1, 2, "p")
    assert Point._fields == Typed._fields
    assert Point._field_defaults == Typed._field_defaults
    assert repr(ours) == "Point(x=1, y=2, label='p')"
    assert Point.__doc__ == "A point."
    assert Point.__module__ == __name__
    assert Point.__annotations__ == {"x": "int", "y": "int", "label": "str"}
    assert isinstance(ours, tuple)


def test_methods_properties_and_helpers_are_kept() -> None:
    point = Point(-3, 4)
    assert point.norm == 7
    assert point.moved(5) == Point(2, 4, "p")
    assert point._asdict() == {"x": -3, "y": 4, "label": "p"}


def test_records_pickle_and_order() -> None:
    location = Location("a.py", 3)
    assert pickle.loads(pickle.dumps(location)) == location
    assert sorted([Location("b", 1), Location("a", 9), Location("a", 2)])[0] == Location("a", 2)


def test_a_field_without_default_after_one_with_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default"):

        class Broken(NamedTuple):
            a: int = 1
            b: int
