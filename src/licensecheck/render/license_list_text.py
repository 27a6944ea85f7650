"""`license list` as human text: one row per license, its verdict per use with no facts given.

Without colour (a pipe, a file) the table is drawn here, character for character what rich draws for it (a test
holds the two equal on the packaged licenses and on random rows); importing rich costs the command more than the
rest of its work. Colour, a row rich would measure differently (text beyond printable ASCII but "…", what could be
markup or an emoji code) or a table too wide to lay out by the rule below go to rich (``render.text``).
"""

from __future__ import annotations

from licensecheck.lazyre import compiled
from licensecheck.records import TYPE_CHECKING
from licensecheck.render import OPTIONS, printable
from licensecheck.render.scan_text import _wrap

if TYPE_CHECKING:
    from typing import Any

TITLE = "Licenses known to licensecheck"
NOTE = (
    "With no facts given: yes = allowed, if… = conditional (depends on --mau, --region, --target or the model's "
    "modality), ask = needs permission, no = forbidden. Details: licensecheck license show ID"
)
WIDTH = 170  # a pipe or file: the console width ``render.text`` gives this table
NAME_MIN, NAME_MAX = 20, 38
SHORT_VERDICT = {
    "allowed": "yes",
    "conditional": "if…",
    "needs-permission": "ask",
    "forbidden": "no",
    "unknown": "?",
}
SHORT_USE = {
    "commercial": "commercial",
    "research": "research",
    "fine-tuning": "fine-tune",
    "distillation": "distill",
    "redistribution": "redistrib.",
    "hosting": "hosting",
    "large-user-base": "large MAU",
    "relicensing": "relicense",
}
# What rich would not print as it is: beyond printable ASCII (but "…"), a backslash or bracket (markup), an emoji code
_SPECIAL = compiled(r"[^\x20-\x5a\x5e-\x7e…]|:\S*?:")


def render_license_list(rows: list[dict[str, Any]]) -> str:
    if not OPTIONS["color"]:
        plain = _plain(rows)
        if plain is not None:
            return plain
    from licensecheck.render.text import render_license_list as with_rich

    return with_rich(rows)


def _plain(rows: list[dict[str, Any]]) -> str | None:
    """The table rich draws at ``WIDTH`` columns without colour, or None when this drawing might differ from it."""
    if not rows:
        return None
    uses = list(rows[0]["uses"])
    headers = ["id", "name", "date", *(SHORT_USE.get(use, use) for use in uses)]
    table = [
        [row["id"], printable(row["name"]), row["date"], *(SHORT_VERDICT.get(v, v) for v in row["uses"].values())]
        for row in rows
    ]
    if any(len(cells) != len(headers) or any(_SPECIAL.search(cell) for cell in cells) for cells in table):
        return None
    if any("\n" in cell or not cell.strip() for cells in table for cell in cells):
        return None
    count = len(headers)
    # each cell is padded one space each side, but the table's outer edges (pad_edge=False)
    padding = [2] * count
    padding[0] -= 1
    padding[-1] -= 1
    columns = zip(headers, *table, strict=True)
    widths = [max(len(cell) for cell in column) + pad for column, pad in zip(columns, padding, strict=True)]
    name_pad = padding[1]
    longest_word = max(len(word) for cell in [headers[1], *(cells[1] for cells in table)] for word in cell.split())
    widths[1] = min(max(widths[1], NAME_MIN + name_pad), NAME_MAX + name_pad)
    available = WIDTH - (count + 1)  # the borders: one each side and one between columns
    excess = sum(widths) - available
    if excess > 0:  # rich collapses the only column that may wrap (the name) by the excess
        widths[1] -= min(excess, widths[1])
        if widths[1] < NAME_MIN + name_pad or sum(widths) > available:
            return None
    if longest_word > widths[1] - name_pad:
        return None  # (rich would fold a word: not drawn here)
    inner = [width - pad for width, pad in zip(widths, padding, strict=True)]
    centered = [False, False, False, *([True] * len(uses))]

    def cell_lines(text: str, index: int) -> list[str]:
        size = inner[index]
        if index == 1:
            lines = _wrap(text, size, True)
        elif centered[index]:
            left = (size - len(text)) // 2
            lines = [" " * left + text + " " * (size - len(text) - left)]
        else:
            lines = [text + " " * (size - len(text))]
        return lines

    def draw(cells: list[str], bar: str) -> list[str]:
        wrapped = [cell_lines(cell, index) for index, cell in enumerate(cells)]
        height = max(len(lines) for lines in wrapped)
        out = []
        for n in range(height):
            parts = []
            for index, lines in enumerate(wrapped):
                text = lines[n] if n < len(lines) else " " * inner[index]
                left = " " if index else ""
                right = " " if index < count - 1 else ""
                parts.append(left + text + right)
            out.append(bar + bar.join(parts) + bar)
        return out

    def rule(left: str, fill: str, cross: str, right: str) -> str:
        return left + cross.join(fill * width for width in widths) + right

    out = [TITLE, rule("┏", "━", "┳", "┓"), *draw(headers, "┃"), rule("┡", "━", "╇", "┩")]
    for cells in table:
        out += draw(cells, "│")
    out += [rule("└", "─", "┴", "┘"), NOTE]
    return "\n".join(out) + "\n"
