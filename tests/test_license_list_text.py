"""`license list` without colour is drawn without rich, character for character what rich draws."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.cli.run import license_rows
from licensecheck.render import OPTIONS
from licensecheck.render.license_list_text import _plain, render_license_list
from licensecheck.render.text import render_license_list as with_rich

WORDS = st.sampled_from(
    [
        "Llama",
        "3.1",
        "Community",
        "License",
        "Agreement",
        "Attribution-NonCommercial",
        "NVIDIA",
        "a",
        "x" * 30,
        "y" * 45,
        "(v2)",
        "[bold]",
        "back\\slash",
        "é",
        ":smile:",
        "…",
    ]
)
USES = ["commercial", "research", "fine-tuning", "distillation", "redistribution", "hosting"]
VERDICTS = ["allowed", "conditional", "needs-permission", "forbidden", "unknown"]


@st.composite
def rows(draw: Any) -> list[dict[str, Any]]:
    uses = draw(st.lists(st.sampled_from(USES), min_size=1, max_size=6, unique=True))
    count = draw(st.integers(1, 6))
    out = []
    for _ in range(count):
        out.append(
            {
                "id": draw(st.from_regex(r"[a-z][a-z0-9.-]{0,44}", fullmatch=True)),
                "name": " ".join(draw(st.lists(WORDS, min_size=1, max_size=12))),
                "date": draw(st.sampled_from(["2024-07-23", "1988-01-01", "unknown"])),
                "uses": {use: draw(st.sampled_from(VERDICTS)) for use in uses},
            }
        )
    return out


def test_the_packaged_licenses_are_drawn_as_rich_draws_them() -> None:
    OPTIONS["color"] = False
    rows = license_rows()
    plain = _plain(rows)
    assert plain is not None  # (the packaged table is the one this path exists for)
    assert plain == with_rich(rows) == render_license_list(rows)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows())
def test_random_tables_are_drawn_as_rich_draws_them_or_left_to_rich(table: list[dict[str, Any]]) -> None:
    OPTIONS["color"] = False
    plain = _plain(table)
    if plain is not None:
        assert plain == with_rich(table)
    assert render_license_list(table) == with_rich(table)


def test_most_tables_are_drawn_here() -> None:
    """The plain path is not a fallback that never runs: plain names of any length are drawn here."""
    OPTIONS["color"] = False
    table = [
        {"id": f"lic-{n}", "name": "Community License " * n, "date": "2024-01-01", "uses": {"commercial": "allowed"}}
        for n in range(1, 6)
    ]
    assert _plain(table) == with_rich(table)
