"""Tables drawn without rich are, character for character, what rich draws."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from licensecheck.render.plaintable import Column, cell_lines, draw_table

WORDS = st.sampled_from(
    ["a", "llama", "Community", "License", "x" * 12, "y" * 30, "org/name", "3.1", "(v2)", "[x]", "…", "", " ", "-"]
)
TEXT = st.lists(WORDS, max_size=10).map(" ".join) | st.lists(WORDS, max_size=4).map("\n".join)
COLUMN = st.builds(
    Column,
    header=TEXT,
    justify=st.sampled_from(["left", "center", "right"]),
    no_wrap=st.booleans(),
    overflow=st.sampled_from(["ellipsis", "fold"]),
    min_width=st.none() | st.integers(0, 30),
    max_width=st.none() | st.integers(1, 40),
)


def with_rich(columns: list[Column], rows: list[list[str]], width: int, **options: Any) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, no_color=True, width=width, highlight=False, soft_wrap=True)
    table = Table(**options)
    for column in columns:
        table.add_column(
            escape(column.header),
            justify=column.justify,  # type: ignore[arg-type]
            no_wrap=column.no_wrap,
            overflow=column.overflow,  # type: ignore[arg-type]
            min_width=column.min_width,
            max_width=column.max_width,
        )
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    console.print(table)
    return buffer.getvalue()


@st.composite
def tables(draw: Any) -> tuple[list[Column], list[list[str]], int, dict[str, Any]]:
    columns = draw(st.lists(COLUMN, min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(TEXT, min_size=len(columns), max_size=len(columns)), max_size=5))
    width = draw(st.integers(20, 170))
    options = {
        "title": draw(st.none() | st.sampled_from(["Licenses", "A title that is rather long for a small table"])),
        "show_lines": draw(st.booleans()),
        "pad_edge": draw(st.booleans()),
    }
    return columns, rows, width, options


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_tables_are_drawn_as_rich_draws_them(table: tuple[list[Column], list[list[str]], int, dict[str, Any]]) -> None:
    columns, rows, width, options = table
    lines = draw_table(columns, rows, width=width, **options)
    if lines is not None:
        assert "\n".join(lines) + "\n" == with_rich(columns, rows, width, **options)


def test_most_tables_are_drawn_here() -> None:
    columns = [Column("id", no_wrap=True), Column("name", min_width=10, max_width=20), Column("n", justify="center")]
    rows = [["a", "A long name that wraps over several lines", "1"], ["bb", "short", "22"]]
    for width in (30, 60, 170):
        for pad_edge in (True, False):
            lines = draw_table(columns, rows, width=width, title="T", pad_edge=pad_edge, show_lines=True)
            assert lines is not None
            assert "\n".join(lines) + "\n" == with_rich(
                columns, rows, width, title="T", pad_edge=pad_edge, show_lines=True
            )


def test_text_rich_would_change_is_left_to_rich() -> None:
    for cell in ("é", "tab\there", "back\\slash", ":smile:"):
        assert draw_table([Column("x")], [[cell]], width=80) is None


def test_cell_lines_justify_and_cut() -> None:
    assert cell_lines("ab", 6, "center") == ["  ab  "]
    assert cell_lines("ab", 6, "right") == ["    ab"]
    assert cell_lines("abcdefgh", 5, no_wrap=True) == ["abcd…"]
    assert cell_lines("abcdefgh", 5, overflow="fold") == ["abcde", "fgh  "]
