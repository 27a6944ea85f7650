"""`license list|show|compare` and `catalog` without colour are drawn without rich, character for character what
rich draws, for every packaged license and the catalog; anything else falls back to rich."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.catalog import search_catalog
from licensecheck.cli.run import compare_document, license_document, license_rows
from licensecheck.render import OPTIONS
from licensecheck.render import plain_text as plain
from licensecheck.render import text as with_rich

IDS = [row["id"] for row in license_rows()]


@pytest.fixture(autouse=True)
def no_colour() -> Iterator[None]:
    before = OPTIONS["color"]
    OPTIONS["color"] = False
    yield
    OPTIONS["color"] = before


def test_license_list() -> None:
    rows = license_rows()
    drawn = plain._license_list(rows)
    assert drawn is not None and drawn == with_rich.render_license_list(rows) == plain.render_license_list(rows)


@pytest.mark.parametrize("license_id", IDS)
def test_license_show(license_id: str) -> None:
    doc = license_document(license_id)
    drawn = plain._license_show(doc)
    assert drawn is not None and drawn == with_rich.render_license_show(doc)


def test_license_compare_every_pair() -> None:
    for pair in combinations(IDS, 2):
        doc = compare_document(list(pair))
        drawn = plain._license_compare(doc)
        assert drawn is not None and drawn == with_rich.render_license_compare(doc), pair


def test_license_compare_three_and_more() -> None:
    for ids in (IDS[:3], IDS[3:7], IDS[-3:], IDS):
        doc = compare_document(ids)
        drawn = plain._license_compare(doc)
        assert drawn is not None and drawn == with_rich.render_license_compare(doc), ids


@pytest.mark.parametrize("query", [None, "llama", "apache", "mistral", "qwen2.5 7b", "no-such-model-anywhere"])
def test_catalog(query: str | None) -> None:
    doc = search_catalog(query)
    drawn = plain._catalog(doc)
    assert drawn is not None and drawn == with_rich.render_catalog(doc)


def test_text_rich_would_print_otherwise_goes_to_rich() -> None:
    doc = license_document("mit")
    for odd in ("tab\there", "back\\slash", "an :emoji: code"):
        changed = copy.deepcopy(doc)
        changed["license"]["summary"] = odd
        assert plain._license_show(changed) is None
        assert plain.render_license_show(changed) == with_rich.render_license_show(changed)
    changed = copy.deepcopy(doc)
    changed["uses"][0]["reason"] = "見る"  # (two cells wide: measured by rich only)
    assert plain._license_show(changed) is None
    assert plain.render_license_show(changed) == with_rich.render_license_show(changed)


def test_colour_goes_to_rich() -> None:
    OPTIONS["color"] = True
    rows = license_rows()
    assert plain.render_license_list(rows) == with_rich.render_license_list(rows)


WORDS = st.sampled_from(
    ["Llama", "3.1", "Community", "License", "Agreement", "x" * 30, "y" * 45, "(v2)", "[bold]", "é", "…", "§2"]
)


@st.composite
def list_rows(draw: Any) -> list[dict[str, Any]]:
    uses = draw(st.lists(st.sampled_from(list(plain.SHORT_USE)), min_size=1, max_size=8, unique=True))
    verdicts = st.sampled_from(list(plain.SHORT_VERDICT))
    return [
        {
            "id": draw(st.from_regex(r"[a-z][a-z0-9.-]{0,44}", fullmatch=True)),
            "name": " ".join(draw(st.lists(WORDS, min_size=1, max_size=12))),
            "date": draw(st.sampled_from(["2024-07-23", "1988-01-01", "unknown"])),
            "uses": {use: draw(verdicts) for use in uses},
        }
        for _ in range(draw(st.integers(1, 6)))
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(list_rows())
def test_random_license_lists(rows: list[dict[str, Any]]) -> None:
    OPTIONS["color"] = False
    drawn = plain._license_list(rows)
    if drawn is not None:
        assert drawn == with_rich.render_license_list(rows)


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_license_list_in_a_narrow_terminal_shows_every_verdict(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    """At a terminal narrower than the whole table, the ids and the eight verdicts stay readable (names and dates
    give way); every row keeps one verdict word per use."""
    import os

    from licensecheck.cli.run import license_rows
    from licensecheck.render import OPTIONS
    from licensecheck.render.text import render_license_list

    monkeypatch.setattr(os, "get_terminal_size", lambda *a: os.terminal_size((columns, 40)))
    monkeypatch.setitem(OPTIONS, "color", True)
    monkeypatch.setenv("NO_COLOR", "1")
    import re

    rows = license_rows()
    text = re.sub(r"\x1b\[[0-9;]*m", "", render_license_list(rows))  # (styles: bold stays under NO_COLOR)
    lines = text.splitlines()
    for row in rows:
        (line,) = [ln for ln in lines if ln.split() and _names(ln.split()[0], row["id"])]
        assert len(line) <= columns
        assert len(line.split()) == 9, line  # the id and a verdict for each of the eight uses


def _names(cell: str, license_id: str) -> bool:
    """Whether an id cell shows ``license_id`` (whole, or cut short with an ellipsis)."""
    return cell == license_id or (cell.endswith("…") and license_id.startswith(cell[:-1]))
