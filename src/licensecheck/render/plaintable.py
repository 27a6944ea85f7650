"""rich's table layout, drawn without rich, for text that goes to a pipe or a file.

Importing rich and laying a table out with it costs a one-shot command 50 ms and more (400 ms for the whole
catalog); the reports' tables are simple, so they are drawn here the way rich draws them (``render.text`` builds the
same tables with rich for a terminal). What is reproduced: column widths measured from the cells (longest word,
longest line, ``min_width``/``max_width``), rich's collapsing of a table too wide for the console, word wrapping,
left/center/right justification, ``ellipsis``/``fold`` overflow, ``no_wrap``, ``pad_edge``, ``show_lines``, a title
(printed as it is: the console soft-wraps) and the default heavy-headed box. Tests hold the drawing equal to rich's
for random tables. Text whose width rich measures in other ways (beyond printable ASCII but "…", tabs) returns None:
the caller then uses rich.
"""

from __future__ import annotations

from itertools import pairwise

from licensecheck.lazyre import compiled
from licensecheck.records import NamedTuple

# What rich would not print as it is, or measures otherwise: beyond printable ASCII (but "…" and a few other
# characters one cell wide), a tab, a backslash
# (its markup escaping doubles a trailing one and drops one before a bracket), what could be an emoji code.
_UNMEASURED = compiled(r"[^\x20-\x5b\x5d-\x7e\n…≠·•→§¶‘’“”—–©®™]|:\S*?:")
_WORD = compiled(r"\s*\S+\s*")


class Column(NamedTuple):
    header: str
    justify: str = "left"  # left, center or right
    no_wrap: bool = False
    overflow: str = "ellipsis"  # ellipsis or fold
    min_width: int | None = None
    max_width: int | None = None


def plain_enough(*texts: str) -> bool:
    """Whether every text is measured here as rich measures it."""
    return not any(_UNMEASURED.search(text) for text in texts)


def _divide(line: str, width: int, fold: bool) -> list[str]:
    """rich's ``divide_line`` then ``rstrip_end``: the pieces a line is wrapped into (not yet padded or cut)."""
    if len(line) <= width:
        return [line]
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:  # the word is cut into pieces of the width, each on a line of its own
                pieces = [word[at : at + width] for at in range(0, len(word), width)]
                for index, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if index == len(pieces) - 1:
                        offset = len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    out = []
    for begin, end in pairwise([0, *breaks, len(line)]):
        piece = line[begin:end]
        if len(piece) > width:  # (trailing spaces beyond the width go first)
            spaces = len(piece) - len(piece.rstrip())
            piece = piece[: len(piece) - min(spaces, len(piece) - width)]
        out.append(piece)
    return out


def _truncate(text: str, width: int, overflow: str) -> str:
    if len(text) > width:
        return text[: width - 1] + "…" if overflow == "ellipsis" else text[:width]
    return text


def cell_lines(
    text: str, width: int, justify: str = "left", overflow: str = "ellipsis", no_wrap: bool = False
) -> list[str]:
    """A cell's lines as rich's ``Text.wrap`` gives them, each exactly ``width`` wide."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces = [line] if no_wrap else _divide(line, width, overflow == "fold")
        for piece in pieces:
            if justify == "left":
                piece = _truncate(piece, width, overflow)
                out.append(piece + " " * (width - len(piece)))
                continue
            piece = _truncate(piece.rstrip(), width, overflow)
            left = (width - len(piece)) // 2 if justify == "center" else width - len(piece)
            out.append(" " * left + piece + " " * (width - len(piece) - left))
    return out


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            out.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            out.append(value)
    return out


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """rich's ``Table._collapse_widths``: the widest wrapable columns give way first."""
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(width for width, wrap in zip(widths, wrapable, strict=True) if wrap)
            second = max(width if wrap and width != widest else 0 for width, wrap in zip(widths, wrapable, strict=True))
            difference = widest - second
            ratios = [1 if (width == widest and wrap) else 0 for width, wrap in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not difference:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _measure(text: str) -> tuple[int, int]:
    """(longest word, longest line) of a cell's text, as rich's ``Text`` measures it."""
    lines = text.splitlines()
    longest_line = max(map(len, lines)) if lines else 0
    words = text.split()
    return (max(map(len, words)) if words else longest_line), longest_line


def draw_table(
    columns: list[Column],
    rows: list[list[str]],
    *,
    width: int,
    title: str | None = None,
    show_lines: bool = False,
    pad_edge: bool = True,
) -> list[str] | None:
    """The lines rich prints for the table on a console ``width`` wide, or None when they might differ."""
    count = len(columns)
    if not count or any(len(row) != count for row in rows):
        return None
    texts = [column.header for column in columns] + [cell for row in rows for cell in row]
    if not plain_enough(*texts, *([] if title is None else [title])) or (title is not None and "\n" in title):
        return None
    padding = [(1, 1) for _ in columns]
    if not pad_edge:
        padding[0] = (0, padding[0][1])
        padding[-1] = (padding[-1][0], 0)
    pads = [left + right for left, right in padding]
    available = width - (2 + count - 1)  # the box's two edges and the lines between columns
    measured = [
        [_measure(text) for text in [column.header, *(row[index] for row in rows)]]
        for index, column in enumerate(columns)
    ]

    def measure(index: int, limit: int) -> tuple[int, int]:
        """rich's ``Table._measure_column`` at a maximum width of ``limit``."""
        pad = pads[index]
        if limit < 1:
            return 0, 0
        lows, highs = [], []
        for low, high in measured[index]:
            if limit - pad < 1:
                low = high = limit
            else:
                inner = limit - pad
                if high > inner:
                    low, high = min(low, inner), inner
                low = min(max(0, low), high)
                if high < 1:
                    low = high = 0
                low, high = min(low + pad, limit), min(high + pad, limit)
            lows.append(low)
            highs.append(high)
        low, high = min(max(lows), limit), min(max(highs), limit)
        column = columns[index]
        if column.min_width is not None:
            floor = max(0, column.min_width + pad)
            low, high = max(low, floor), max(high, floor)
        if column.max_width is not None:
            low, high = min(low, column.max_width + pad), min(high, column.max_width + pad)
        return low, high

    widths = [measure(index, available)[1] or 1 for index in range(count)]
    if sum(widths) > available:
        widths = _collapse(widths, [not column.no_wrap for column in columns], available)
        if sum(widths) > available:
            excess = sum(widths) - available
            widths = _ratio_reduce(excess, [1] * count, widths, widths)
        widths = [measure(index, size)[1] for index, size in enumerate(widths)]
    if any(size - pad < 1 for size, pad in zip(widths, pads, strict=True)):
        return None  # (a column squeezed to nothing: rich's own corner cases)

    def draw_row(cells: list[str], bar: str, header: bool = False) -> list[str]:
        blocks = []
        for index, (cell, column) in enumerate(zip(cells, columns, strict=True)):
            left, right = padding[index]
            inner = widths[index] - left - right
            lines = cell_lines(cell, inner, column.justify, column.overflow, column.no_wrap)
            blocks.append([" " * left + line + " " * right for line in lines])
        height = max(len(block) for block in blocks)
        for block, size in zip(blocks, widths, strict=True):
            blank = [" " * size] * (height - len(block))  # a shorter cell: a header's aligned to the bottom
            block[:] = blank + block if header else block + blank
        return [bar + bar.join(block[n] for block in blocks) + bar for n in range(height)]

    def rule(left: str, fill: str, cross: str, right: str) -> str:
        return left + cross.join(fill * size for size in widths) + right

    out = [] if title is None else [title]
    out.append(rule("┏", "━", "┳", "┓"))
    out += draw_row([column.header for column in columns], "┃", header=True)
    out.append(rule("┡", "━", "╇", "┩"))
    for index, row in enumerate(rows):
        if index and show_lines:
            out.append(rule("├", "─", "┼", "┤"))
        out += draw_row(row, "│")
    out.append(rule("└", "─", "┴", "┘"))
    return out
