"""`scan` as human text: a rich table per verdict, worst first, with locations and the reason."""

from __future__ import annotations

from rich.markup import escape as rich_escape
from rich.table import Table
from rich.text import Text

from licensecheck.records import TYPE_CHECKING
from licensecheck.render import printable
from licensecheck.render.text import OPTIONS, _console, verdict_text
from licensecheck.vocabulary import Verdict

if TYPE_CHECKING:
    from typing import Any


def escape(text: str) -> str:
    """Rich markup escaping of text that may come from a model card, control characters made visible."""
    return rich_escape(printable(text))


MAX_LOCATIONS = 5


def locations_text(locations: list[dict[str, Any]], limit: int = MAX_LOCATIONS) -> str:
    shown = [f"{loc['path']}:{loc['line']}" if loc.get("line") else loc["path"] for loc in locations[:limit]]
    more = len(locations) - limit
    return "\n".join(shown) + (f"\n… {more} more" if more > 0 else "")


def render_scan(report: Any) -> str:
    console, buffer = _console()
    if not OPTIONS["color"]:
        console.width = 150  # a CI log or file: wide enough that paths and reasons do not wrap
    doc = report.to_json()
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
    for verdict in sorted(Verdict, key=lambda v: -v.rank):
        group = [f for f in findings if f["verdict"] == verdict.value]
        if not group:
            continue
        console.print()
        table = Table(
            title=Text.assemble(verdict_text(verdict.value), f" ({len(group)})"),
            title_justify="left",
            show_lines=True,
            expand=True,
        )
        table.add_column("model", style="cyan", ratio=3, overflow="fold")
        table.add_column("licenses", ratio=2, overflow="fold")
        table.add_column("where", ratio=3, overflow="fold")
        table.add_column("why", ratio=5)
        for finding in group:
            name = finding["model"] + (" (model card)" if finding["kind"] == "card" else "")
            why = finding["reason"]
            ignored = finding["policy"]["ignored"]
            if ignored:
                state = "ignore EXPIRED" if ignored["expired"] else "ignored"
                why += (
                    f" [{state}: {ignored['reason']}"
                    + (f", until {ignored['until']}" if ignored["until"] else "")
                    + "]"
                )
            elif finding["failing"]:
                why = "FAILS: " + why
            table.add_row(
                escape(name),
                escape(", ".join(finding["licenses"]) or "none found"),
                escape(locations_text(finding["locations"])),
                escape(why),
            )
        console.print(table)
    for warning in doc["warnings"]:
        console.print(f"[bold yellow]warning:[/] {escape(warning)}")
    failing = sum(1 for f in findings if f["failing"])
    console.print()
    summary = f"{len(findings)} finding(s), {failing} failing"
    console.print(Text.assemble("Overall: ", verdict_text(doc["verdict"]), f"  {summary}  (not legal advice)"))
    return buffer.getvalue()
