"""`model` (and `--license`) as human text.

Without colour (a pipe, a file), the report is written here line by line, character for character what rich
prints (a test holds the two equal on every catalog model and on adversarial text): importing rich cost each such
call about 35 ms, more than the check itself. A terminal gets rich's colours; text rich would print differently
(tabs, backslashes, what could be an emoji code) is left to rich.
"""

from __future__ import annotations

import re

from licensecheck.records import TYPE_CHECKING
from licensecheck.render import OPTIONS, printable
from licensecheck.terms import section_label

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


def model_lines(report: Any) -> list[str]:
    """The report's lines, as printed (without styles): the one layout both renderers share."""
    doc = report.to_json()
    title = report.model or f"license {', '.join(report.license_ids)}"
    lines = [f"{printable(str(title))}  {doc['verdict'].upper()}"]
    if report.licenses:
        lines.append(
            "Licenses: " + ", ".join(f"{printable(ref.id)} ({printable(ref.name)})" for ref in report.licenses)
        )
    if len(report.lineage) > 1:
        lines.append(f"Lineage: {printable(lineage_line(report))}")
    for item in report.evidence:
        where = f" ({printable(item.path)}{':' + str(item.line) if item.line else ''})" if item.path else ""
        lines.append(f"  found via {printable(item.source)}: {printable(item.detail)}{where}")
    facts = {k: v for k, v in doc["facts"].items() if v is not None}
    if facts:
        lines.append("Facts: " + printable(", ".join(f"{k}={v}" for k, v in facts.items())))
    lines += [f"warning: {printable(warning)}" for warning in report.warnings]
    lines += [f"note: {printable(note)}" for note in report.notes]
    if report.hint:
        lines.append(printable(report.hint))
    for result in doc["results"]:
        lines += ["", f"{result['use']} under {printable(result['license'])}: {result['verdict'].upper()}"]
        lines.append(f"  {printable(result['reason'])}")
        if result["conditions"]:
            lines.append("  Conditions (not settled by the facts given):")
            lines += [f"    • {printable(condition)}" for condition in result["conditions"]]
        if result["obligations"]:
            lines.append("  Obligations:")
            lines += [f"    • {printable(obligation)}" for obligation in result["obligations"]]
        if result["citations"]:
            lines.append("  Rests on:")
            for c in result["citations"]:
                doc_name = f"{c['document']} " if c.get("document") else ""
                quote = f" “{c['quote']}”" if c.get("quote") else ""
                mark = " (unverified)" if c.get("verified") is False else ""
                label = f"{c['license']} {doc_name}{section_label(c['section'])}{quote}"
                lines.append(f"    {printable(label)}{mark}")
    lines += ["", f"Overall: {doc['verdict'].upper()}  (not legal advice: check the clauses cited)"]
    return lines


# What rich prints differently from the text itself: tabs, `:name:` emoji codes (rich replaces those it knows), and
# backslashes (its markup escaping doubles a trailing one and drops one before a bracket).
_RICH_SPECIAL = re.compile(r"[\t\\]|:\S*?:")


def render_model(report: Any) -> str:
    lines = model_lines(report)
    if OPTIONS["color"] or any(_RICH_SPECIAL.search(line) for line in lines):
        from licensecheck.render.text import render_model as render_with_rich

        return render_with_rich(report)
    return "\n".join(lines) + "\n"
