"""Human text (rich). Anything that came from a model card is escaped before printing."""

from __future__ import annotations

import io
import os
import shutil

from rich.console import Console
from rich.markup import escape as rich_escape
from rich.table import Table
from rich.text import Text

from licensecheck.records import TYPE_CHECKING
from licensecheck.render import OPTIONS, printable
from licensecheck.render.model_text import STYLE
from licensecheck.render.plain_text import LIST_NOTE, SHORT_USE, SHORT_VERDICT
from licensecheck.terms import section_label

if TYPE_CHECKING:
    from typing import Any


def escape(text: str) -> str:
    """Rich markup escaping of text that may come from a model card, control characters made visible."""
    return rich_escape(printable(text))


def _console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    width = shutil.get_terminal_size((100, 24)).columns if OPTIONS["color"] else 100
    console = Console(
        file=buffer,
        force_terminal=bool(OPTIONS["color"]),
        no_color=not OPTIONS["color"] or "NO_COLOR" in os.environ,
        width=max(60, min(width, 140)),
        highlight=False,
        soft_wrap=not OPTIONS["color"],
    )
    return console, buffer


def verdict_text(verdict: str) -> Text:
    return Text(verdict.upper(), style=STYLE.get(verdict, "bold"))


# Use headers for a terminal too narrow for the whole table (the list then has the ids and verdicts alone).
NARROW_USE = {
    "commercial": "com",
    "research": "res",
    "fine-tuning": "tune",
    "distillation": "dist",
    "redistribution": "redis",
    "hosting": "host",
    "large-user-base": "MAU",
    "relicensing": "reli",
}
WIDE_LIST = 150  # columns the whole table (names, dates) needs


def render_license_list(rows: list[dict[str, Any]]) -> str:
    console, buffer = _console()
    if not OPTIONS["color"]:
        console.width = 170  # a pipe or file has no width limit: keep the table whole
    wide = console.width >= WIDE_LIST or not OPTIONS["color"]
    if not wide and OPTIONS["color"]:  # (a terminal: as wide as it is, up to the whole table)
        console.width = max(60, min(shutil.get_terminal_size((100, 24)).columns, WIDE_LIST))
        wide = console.width >= WIDE_LIST
    uses = list(rows[0]["uses"]) if rows else []
    if wide:
        table = Table(title="Licenses known to licensecheck", show_lines=False, pad_edge=False)
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("name", min_width=20, max_width=38)
        table.add_column("date", no_wrap=True)
        for use in uses:
            table.add_column(SHORT_USE.get(use, use), no_wrap=True, justify="center")
    else:  # a narrow terminal: ids and verdicts, every cell readable (names: `license show ID`)
        table = Table(title="Licenses known to licensecheck", show_lines=False, pad_edge=False, box=None)
        table.add_column("id", style="cyan", no_wrap=True, max_width=28, overflow="ellipsis")
        for use in uses:
            table.add_column(NARROW_USE.get(use, use), no_wrap=True, justify="center", min_width=4)
    for row in rows:
        cells = [Text(SHORT_VERDICT.get(v, v), style=STYLE.get(v, "")) for v in row["uses"].values()]
        if wide:
            table.add_row(row["id"], escape(row["name"]), row["date"], *cells)
        else:
            table.add_row(row["id"], *cells)
    console.print(table)
    if not wide:
        legend = ", ".join(f"{NARROW_USE.get(use, use)} = {use}" for use in uses)
        console.print(f"[dim]{legend}.[/]")
    console.print(f"[dim]{LIST_NOTE}[/]")
    return buffer.getvalue()


def render_license_show(doc: dict[str, Any]) -> str:
    console, buffer = _console()
    lic = doc["license"]
    console.print(f"[bold]{escape(lic['name'])}[/] ([cyan]{escape(lic['id'])}[/])")
    console.print(f"Publisher: {escape(lic['publisher'])} · version {escape(lic['version'])} · {escape(lic['date'])}")
    console.print(f"Category: {escape(lic['category'])} · Source: {escape(lic['url'])}")
    if lic.get("aliases"):
        console.print(f"[dim]Also known as: {escape(', '.join(lic['aliases']))}[/]")
    console.print()
    console.print(escape(lic["summary"]))
    glance = doc["at_a_glance"]
    console.print()
    console.print(f"[bold green]Allowed:[/] {escape(', '.join(glance['allowed']) or 'none')}")
    console.print(
        f"[bold yellow]Depends on --mau/--region/--target/modality:[/] "
        f"{escape(', '.join(glance['depends_on_facts']) or 'none')}"
    )
    console.print(f"[bold red]Not allowed or ask first:[/] {escape(', '.join(glance['refused']) or 'none')}")
    console.print(f"[bold]Obligations:[/] {escape(', '.join(glance['obligations']) or 'none')}")
    for title, key in (("Outputs", "outputs"), ("Derivatives", "derivatives")):
        console.print(f"\n[bold]{title}:[/] {escape(lic[key])}")
    if lic.get("thresholds"):
        console.print("\n[bold]Thresholds:[/]")
        for t in lic["thresholds"]:
            console.print(
                f"  • more than {t['value']:,} monthly active users, measured {escape(t['measured'])} → "
                f"{t['consequence']} ({escape(section_label(t['section']))})"
            )
    if lic.get("use_policy"):
        policy = lic["use_policy"]
        console.print(f"\n[bold]Use policy:[/] {escape(policy['name'])} {escape(policy.get('url', ''))}")
    console.print("\n[bold]Per use[/] (no facts given):")
    table = Table(show_header=True)
    table.add_column("use", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("why")
    table.add_column("depends on", max_width=16)
    for row in doc["uses"]:
        table.add_row(
            row["use"],
            verdict_text(row["verdict"]),
            escape(row["reason"]),
            escape(", ".join(dict.fromkeys(row["depends_on"])) or "-"),
        )
    console.print(table)
    if doc["limits"]:
        console.print("[bold]Limits[/] (decided by --mau, --region, --target or the model's modality):")
        for limit in doc["limits"]:
            uses = limit["uses"] if isinstance(limit["uses"], str) else ", ".join(limit["uses"])
            console.print(
                f"  • \\[{escape(limit['kind'])}] → {limit['verdict']} (uses: {escape(uses)}): "
                f"{escape(limit['reason'])} [dim]{escape(limit['cite'])}[/]"
            )
    if doc["obligations"]:
        console.print("[bold]Obligations:[/]")
        for ob in doc["obligations"]:
            console.print(f"  • \\[{escape(ob['kind'])}] {escape(ob['text'])} [dim]{escape(ob['cite'])}[/]")
    if lic.get("notice"):
        console.print(f"\n[bold]Notice text to ship:[/]\n  {escape(lic['notice'])}")
    if lic.get("history"):
        console.print("\n[bold]Versions:[/]")
        for h in lic["history"]:
            when = f" ({escape(h['date'])})" if h.get("date") and h["date"] not in h["version"] else ""
            console.print(f"  • {escape(h['version'])}{when}: {escape(h['changes'])}")
    for note in lic.get("notes") or ():
        console.print(f"[dim]Note: {escape(note)}[/]")
    console.print("\n[dim]Not legal advice: every answer names the clause it rests on.[/]")
    return buffer.getvalue()


def render_license_compare(doc: dict[str, Any]) -> str:
    console, buffer = _console()
    if not OPTIONS["color"]:
        console.width = 40 + 45 * len(doc["ids"])
    ids = doc["ids"]
    table = Table(title="Comparison (differences in bold)", show_lines=True)
    table.add_column("", style="bold", no_wrap=True)
    for lid in ids:
        table.add_column(lid)
    for row in doc["rows"]:
        values = row["values"]
        differ = len({str(v) for v in values}) > 1
        cells = []
        for value in values:
            text = Text(str(value), style=STYLE.get(str(value), ""))
            if differ:
                text.stylize("bold")
                if str(value) not in STYLE:
                    text.stylize("underline")
            cells.append(text)
        table.add_row(("≠ " if differ else "  ") + row["field"], *cells)
    console.print(table)
    return buffer.getvalue()


def render_validate(doc: dict[str, Any]) -> str:
    console, buffer = _console()
    for item in doc["files"]:
        if item["valid"]:
            console.print(f"[green]ok[/] {escape(item['path'])} ({escape(str(item.get('id')))})")
        else:
            for problem in item["problems"]:
                console.print(f"[red]error[/] {escape(problem)}")
    return buffer.getvalue()


def render_catalog(doc: dict[str, Any]) -> str:
    console, buffer = _console()
    if not OPTIONS["color"]:
        console.width = 170
    table = Table(title=escape(doc.get("title", "Catalog")))
    table.add_column("model", style="cyan")
    table.add_column("license")
    table.add_column("base model")
    table.add_column("modality", no_wrap=True)
    table.add_column("aliases")
    for row in doc["models"]:
        table.add_row(
            escape(row["id"]),
            escape(", ".join(row["license"])),
            escape(", ".join(row.get("base_model", []))),
            row.get("modality", ""),
            escape(", ".join(row.get("aliases", [])[:4])),
        )
    console.print(table)
    if doc.get("patterns"):
        console.print("[bold]Family patterns:[/]")
        for p in doc["patterns"]:
            console.print(f"  {escape(p['match'])} → {escape(', '.join(p['license']))}")
    console.print(f"[dim]{doc['count']} model(s).[/]")
    return buffer.getvalue()
