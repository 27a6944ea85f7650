"""`scan` as human text: a rich table per verdict, worst first, with locations and the reason.

Without colour (a pipe, a CI log, a file), the same tables are drawn here in plain Python, character for character
what rich draws (a property test holds the two equal): importing rich costs a one-shot scan 35-55 ms, more than
scanning a mid-sized repository. Text rich would treat specially (not ASCII, tabs, backslashes, what could be an
emoji code) is left to rich.
"""

from __future__ import annotations

from licensecheck.records import TYPE_CHECKING
from licensecheck.render import OPTIONS, printable
from licensecheck.render.plaintable import cell_lines, plain_enough
from licensecheck.vocabulary import Verdict

if TYPE_CHECKING:
    from typing import Any

    from rich.console import OverflowMethod


MAX_LOCATIONS = 5
PLAIN_WIDTH = 150  # a CI log or file: wide enough that paths and reasons do not wrap
HEADERS = ("model", "licenses", "where", "why")
RATIOS = (3, 2, 3, 5)
# long words: folded onto the next line, or cut with an ellipsis ("why")
OVERFLOWS: tuple[OverflowMethod, ...] = ("fold", "fold", "fold", "ellipsis")


def locations_text(locations: list[dict[str, Any]], limit: int = MAX_LOCATIONS) -> str:
    shown = [f"{loc['path']}:{loc['line']}" if loc.get("line") else loc["path"] for loc in locations[:limit]]
    more = len(locations) - limit
    return "\n".join(shown) + (f"\n… {more} more" if more > 0 else "")


def _rows(findings: list[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """The four cells of each finding, as printed."""
    rows = []
    for finding in findings:
        name = finding["model"] + (" (model card)" if finding["kind"] == "card" else "")
        why = finding["reason"]
        ignored = finding["policy"]["ignored"]
        if ignored:
            state = "ignore EXPIRED" if ignored["expired"] else "ignored"
            why += f" [{state}: {ignored['reason']}" + (f", until {ignored['until']}" if ignored["until"] else "") + "]"
        elif finding["failing"]:
            why = "FAILS: " + why
        licenses = ", ".join(finding["licenses"]) or "none found"
        rows.append(
            (printable(name), printable(licenses), printable(locations_text(finding["locations"])), printable(why))
        )
    return rows


def _header(doc: dict[str, Any]) -> list[str]:
    facts = {k: v for k, v in doc["facts"].items() if v is not None}
    policy = doc["policy"]["path"] if doc["policy"] else None
    return [
        f"licensecheck scan  {doc['verdict'].upper()}",
        f"Uses: {printable(', '.join(doc['uses']))}" + (f"  Facts: {printable(str(facts))}" if facts else ""),
        f"Policy: {printable(policy or 'none')}  Files read: {doc['files_scanned']}  "
        f"Fails on: {printable(', '.join(doc['fail_on']))}",
    ]


def _groups(doc: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups = []
    for verdict in sorted(Verdict, key=lambda v: -v.rank):
        group = [f for f in doc["findings"] if f["verdict"] == verdict.value]
        if group:
            groups.append((verdict.value, group))
    return groups


def render_scan(report: Any) -> str:
    doc = report.to_json()
    if not OPTIONS["color"] and _plain_fits(doc):
        return _render_plain(doc)
    return _render_rich(doc)


# ------------------------------------------------------------------ plain: rich's layout, drawn without rich


def _plain_fits(doc: dict[str, Any]) -> bool:
    """Whether rich would print every text as it is and measure it as ``plaintable`` does."""
    return plain_enough(*_header(doc), *(cell for row in _rows(doc["findings"]) for cell in row), *doc["warnings"])


def _ratio_distribute(total: int, ratios: tuple[int, ...], minimums: tuple[int, ...]) -> list[int]:
    """rich's ``ratio_distribute``: ``total`` shared by ``ratios``, none below its minimum."""
    total_ratio = sum(ratios)
    remaining = total
    out = []
    for ratio, minimum in zip(ratios, minimums, strict=True):
        share = max(minimum, -(-ratio * remaining // total_ratio)) if total_ratio > 0 else remaining  # (ceil: ints)
        out.append(share)
        total_ratio -= ratio
        remaining -= share
    return out


def _render_plain(doc: dict[str, Any]) -> str:
    widths = _ratio_distribute(PLAIN_WIDTH - len(RATIOS) - 1, RATIOS, (3,) * len(RATIOS))
    inner = [width - 2 for width in widths]  # (one space of padding each side)

    def rule(left: str, fill: str, cross: str, right: str) -> str:
        return left + cross.join(fill * width for width in widths) + right

    def row(cells: tuple[str, ...], bar: str) -> list[str]:
        sized = zip(cells, inner, OVERFLOWS, strict=True)
        wrapped = [cell_lines(cell, size, "left", overflow) for cell, size, overflow in sized]
        height = max(len(lines) for lines in wrapped)
        for lines, size in zip(wrapped, inner, strict=True):
            lines += [" " * size] * (height - len(lines))  # (a shorter cell is blank below: aligned to the top)
        return [bar + bar.join(f" {lines[n]} " for lines in wrapped) + bar for n in range(height)]

    out = _header(doc)
    if not doc["findings"]:
        out += ["", "No model references found."]
    for verdict, group in _groups(doc):
        out += ["", f"{verdict.upper()} ({len(group)})", rule("┏", "━", "┳", "┓")]
        out += row(HEADERS, "┃")
        out.append(rule("┡", "━", "╇", "┩"))
        for index, cells in enumerate(_rows(group)):
            if index:
                out.append(rule("├", "─", "┼", "┤"))
            out += row(cells, "│")
        out.append(rule("└", "─", "┴", "┘"))
    out += [f"warning: {printable(warning)}" for warning in doc["warnings"]]
    failing = sum(1 for f in doc["findings"] if f["failing"])
    out += [
        "",
        f"Overall: {doc['verdict'].upper()}  {len(doc['findings'])} finding(s), {failing} failing  (not legal advice)",
    ]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ rich: colour, and whatever the plain path leaves


def _render_rich(doc: dict[str, Any]) -> str:
    from rich.table import Table
    from rich.text import Text

    from licensecheck.render.text import _console, escape, verdict_text

    console, buffer = _console()
    if not OPTIONS["color"]:
        console.width = PLAIN_WIDTH
    findings = doc["findings"]
    uses = ", ".join(doc["uses"])
    console.print(Text.assemble(Text("licensecheck scan", style="bold"), "  ", verdict_text(doc["verdict"])))
    facts = {k: v for k, v in doc["facts"].items() if v is not None}
    console.print(f"[bold]Uses:[/] {escape(uses)}" + (f"  [bold]Facts:[/] {escape(str(facts))}" if facts else ""))
    policy = doc["policy"]["path"] if doc["policy"] else None
    console.print(
        f"[bold]Policy:[/] {escape(policy or 'none')}  [bold]Files read:[/] {doc['files_scanned']}  "
        f"[bold]Fails on:[/] {escape(', '.join(doc['fail_on']))}"
    )
    if not findings:
        console.print("\nNo model references found.")
    for verdict, group in _groups(doc):
        console.print()
        table = Table(
            title=Text.assemble(verdict_text(verdict), f" ({len(group)})"),
            title_justify="left",
            show_lines=True,
            expand=True,
        )
        for header, ratio, overflow, style in zip(HEADERS, RATIOS, OVERFLOWS, ("cyan", None, None, None), strict=True):
            table.add_column(header, style=style, ratio=ratio, overflow=overflow)
        for cells in _rows(group):
            table.add_row(*(escape(cell) for cell in cells))
        console.print(table)
    for warning in doc["warnings"]:
        console.print(f"[bold yellow]warning:[/] {escape(warning)}")
    failing = sum(1 for f in findings if f["failing"])
    console.print()
    summary = f"{len(findings)} finding(s), {failing} failing"
    console.print(Text.assemble("Overall: ", verdict_text(doc["verdict"]), f"  {summary}  (not legal advice)"))
    return buffer.getvalue()
