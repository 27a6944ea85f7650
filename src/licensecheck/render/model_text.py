"""`model` (and `--license`) as human text.

The report is laid out once, as lines of styled segments. Without colour (a pipe, a file) they are joined here,
character for character what rich prints (a test holds the two equal on every catalog model and on adversarial
text): importing rich cost each such call about 35 ms, more than the check itself. A terminal gets rich's
colours, each line printed as one ``Text`` (so no card text is ever read as markup).
"""

from __future__ import annotations

from licensecheck.lazyre import compiled
from licensecheck.records import TYPE_CHECKING
from licensecheck.render import OPTIONS, printable
from licensecheck.terms import section_label

# Verdict colours on a terminal.
STYLE = {
    "allowed": "bold green",
    "conditional": "bold yellow",
    "unknown": "bold magenta",
    "needs-permission": "bold dark_orange",
    "forbidden": "bold red",
}

if TYPE_CHECKING:
    from typing import Any


def lineage_line(report: Any) -> str:
    parts = []
    for step in report.lineage:
        ids = ", ".join(ref.id for ref in step.licenses) or "no license found"
        if step.depth == 0 and step.declared:
            parts.append(f"{step.model} (declares {ids})")
        else:
            parts.append(f"{step.model} ({ids})")
    return " → ".join(parts)


Line = list[tuple[str, str]]  # (text, rich style) segments; "" is no style


def model_lines(report: Any) -> list[Line]:
    """The report's lines as styled segments: the one layout both renderers share (the plain one drops the styles,
    rich prints each line as one ``Text``, so no text is ever read as markup)."""
    doc = report.to_json()
    verdict = doc["verdict"]
    title = report.model or f"license {', '.join(report.license_ids)}"
    lines: list[Line] = [[(printable(str(title)), "bold"), ("  ", ""), (verdict.upper(), STYLE.get(verdict, "bold"))]]
    if report.licenses:
        names = ", ".join(f"{printable(ref.id)} ({printable(ref.name)})" for ref in report.licenses)
        lines.append([("Licenses:", "bold"), (f" {names}", "")])
    if len(report.lineage) > 1:
        lines.append([("Lineage:", "bold"), (f" {printable(lineage_line(report))}", "")])
    for item in report.evidence:
        where = f" ({printable(item.path)}{':' + str(item.line) if item.line else ''})" if item.path else ""
        lines.append([("  ", ""), (f"found via {printable(item.source)}: {printable(item.detail)}{where}", "dim")])
    facts = {k: v for k, v in doc["facts"].items() if v is not None}
    if facts:
        lines.append([("Facts:", "bold"), (" " + printable(", ".join(f"{k}={v}" for k, v in facts.items())), "")])
    lines += [[("warning:", "bold yellow"), (f" {printable(warning)}", "")] for warning in report.warnings]
    lines += [[(f"note: {printable(note)}", "dim")] for note in report.notes]
    if report.hint and report.hint not in report.warnings:  # (said once: a hint is often the warning itself)
        lines.append([(printable(report.hint), "dim")])
    for result in doc["results"]:
        lines.append([])
        lines.append(
            [
                (result["use"], "bold"),
                (" under ", ""),
                (printable(result["license"]), "cyan"),
                (": ", ""),
                (result["verdict"].upper(), STYLE.get(result["verdict"], "bold")),
            ]
        )
        lines.append([(f"  {printable(result['reason'])}", "")])
        if result["conditions"]:
            lines.append([("  ", ""), ("Conditions", "bold"), (" (not settled by the facts given):", "")])
            lines += [[(f"    • {printable(condition)}", "")] for condition in result["conditions"]]
        if result["obligations"]:
            lines.append([("  ", ""), ("Obligations:", "bold")])
            lines += [[(f"    • {printable(obligation)}", "")] for obligation in result["obligations"]]
        if result["citations"]:
            lines.append([("  ", ""), ("Rests on:", "bold")])
            for c in result["citations"]:
                doc_name = f"{c['document']} " if c.get("document") else ""
                quote = f" “{c['quote']}”" if c.get("quote") else ""
                mark = " (unverified)" if c.get("verified") is False else ""
                label = f"{c['license']} {doc_name}{section_label(c['section'])}{quote}"
                lines.append([("    ", ""), (printable(label), "dim"), (mark, "")])
    lines.append([])
    overall = [("Overall: ", ""), (verdict.upper(), STYLE.get(verdict, "bold"))]
    lines.append([*overall, ("  (not legal advice: check the clauses cited)", "")])
    return lines


# What rich prints differently from the text itself: tabs (expanded).
_RICH_SPECIAL = compiled(r"\t")


def render_model(report: Any) -> str:
    lines = model_lines(report)
    if not OPTIONS["color"] and not any(_RICH_SPECIAL.search(text) for line in lines for text, _ in line):
        return render_plain(lines)
    return render_rich(lines)


def render_plain(lines: list[Line]) -> str:
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)


def render_rich(lines: list[Line]) -> str:
    from rich.text import Text

    from licensecheck.render.text import _console

    console, buffer = _console()
    for line in lines:
        console.print(Text.assemble(*line))
    return buffer.getvalue()
