"""Markdown, for pull-request comments and ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from licensecheck.records import TYPE_CHECKING
from licensecheck.render import printable
from licensecheck.terms import section_label

if TYPE_CHECKING:
    from typing import Any

ICON = {
    "allowed": "✅",
    "conditional": "🟡",
    "unknown": "❔",
    "needs-permission": "🟠",
    "forbidden": "⛔",
}


def cell(text: Any) -> str:
    """Table-cell safe text (card text may contain pipes or newlines)."""
    return printable(" ".join(str(text).split())).replace("|", "\\|")


def code(text: Any) -> str:
    """``text`` as an inline code span in a table cell: fenced with more backticks than any run of them inside it
    (a file named ``c`d.py`` stays one span)."""
    body = cell(text)
    if "`" not in body:
        return f"`{body}`"
    longest = max(len(run) for run in _runs(body))
    fence = "`" * (longest + 1)
    return f"{fence} {body} {fence}"


def _runs(text: str) -> list[str]:
    """The runs of backticks in ``text``."""
    runs, current = [], ""
    for char in text:
        if char == "`":
            current += char
        elif current:
            runs.append(current)
            current = ""
    return [*runs, current] if current else runs


def verdict(v: str) -> str:
    return f"{ICON.get(v, '')} {v}".strip()


def _cite(c: dict[str, Any]) -> str:
    doc = f"{c['document']} " if c.get("document") else ""
    quote = f" “{c['quote']}”" if c.get("quote") else ""
    mark = " (unverified)" if c.get("verified") is False else ""
    return f"{c['license']} {doc}{section_label(c['section'])}{quote}{mark}"


def results_section(results: list[dict[str, Any]], level: str = "###") -> list[str]:
    lines = ["| use | license | verdict | reason |", "|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['use']} | {r['license']} | {verdict(r['verdict'])} | {cell(r['reason'])} |")
    lines.append("")
    conditions = list(dict.fromkeys(c for r in results for c in r["conditions"]))
    obligations = list(dict.fromkeys(o for r in results for o in r["obligations"]))
    citations = list(dict.fromkeys(_cite(c) for r in results for c in r["citations"]))
    for title, items in (
        ("Conditions", conditions),
        ("Obligations", obligations),
        ("Clauses cited", citations),
    ):
        if items:
            lines.append(f"{level} {title}")
            lines.extend(f"- {cell(item)}" for item in items)
            lines.append("")
    return lines


def render_model(report: Any) -> str:
    doc = report.to_json()
    title = doc["model"] or "license " + ", ".join(doc["licenses"])
    lines = [f"## licensecheck: `{cell(title)}` — {verdict(doc['verdict'])}", ""]
    lines.append(f"**Licenses:** {', '.join(f'`{lid}`' for lid in doc['licenses']) or 'none found'}  ")
    if len(report.lineage) > 1:
        from licensecheck.render.model_text import lineage_line

        lines.append(f"**Lineage:** {cell(lineage_line(report))}  ")
    facts = {k: v for k, v in doc["facts"].items() if v is not None}
    if facts:
        lines.append("**Facts:** " + ", ".join(f"{k}={v}" for k, v in facts.items()) + "  ")
    for warning in doc["warnings"]:
        lines.append(f"> ⚠️ {cell(warning)}")
    for note in doc["notes"]:
        lines.append(f"> ℹ️ {cell(note)}")
    lines.append("")
    lines.extend(results_section(doc["results"]))
    lines.append("_Not legal advice: every answer names the clause it rests on._")
    return "\n".join(lines) + "\n"


def render_license_list(rows: list[dict[str, Any]]) -> str:
    uses = list(rows[0]["uses"]) if rows else []
    lines = ["| id | name | date | " + " | ".join(uses) + " |", "|---" * (3 + len(uses)) + "|"]
    for row in rows:
        lines.append(
            f"| `{row['id']}` | {cell(row['name'])} | {row['date']} | "
            + " | ".join(verdict(v) for v in row["uses"].values())
            + " |"
        )
    return "\n".join(lines) + "\n"


def render_license_show(doc: dict[str, Any]) -> str:
    lic = doc["license"]
    lines = [f"## {cell(lic['name'])} (`{lic['id']}`)", ""]
    lines.append(f"- **Publisher:** {cell(lic['publisher'])}")
    lines.append(f"- **Version:** {cell(lic['version'])} ({lic['date']})")
    lines.append(f"- **Category:** {lic['category']}")
    lines.append(f"- **Source:** {lic['url']}")
    lines.extend(["", cell(lic["summary"]), ""])
    glance = doc["at_a_glance"]
    lines.append(f"- **Allowed:** {', '.join(glance['allowed']) or 'none'}")
    lines.append(f"- **Depends on facts:** {', '.join(glance['depends_on_facts']) or 'none'}")
    lines.append(f"- **Not allowed or ask first:** {', '.join(glance['refused']) or 'none'}")
    lines.append(f"- **Obligations:** {', '.join(glance['obligations']) or 'none'}")
    lines.append("")
    lines.append(f"**Outputs:** {cell(lic['outputs'])}")
    lines.append("")
    lines.append(f"**Derivatives:** {cell(lic['derivatives'])}")
    lines.append("")
    for t in lic.get("thresholds") or ():
        measured = cell(t["measured"])
        lines.append(
            f"**Threshold:** more than {t['value']:,} monthly active users ({measured}) → {t['consequence']} "
            f"({section_label(t['section'])})"
        )
        lines.append("")
    lines.extend(["| use | verdict | reason |", "|---|---|---|"])
    for row in doc["uses"]:
        lines.append(f"| {row['use']} | {verdict(row['verdict'])} | {cell(row['reason'])} |")
    lines.append("")
    if doc["limits"]:
        lines.append("### Limits")
        for limit in doc["limits"]:
            uses = limit["uses"] if isinstance(limit["uses"], str) else ", ".join(limit["uses"])
            lines.append(
                f"- **{limit['kind']}** → {limit['verdict']} (uses: {uses}): {cell(limit['reason'])} ({limit['cite']})"
            )
        lines.append("")
    if doc["obligations"]:
        lines.append("### Obligations")
        lines.extend(f"- **{ob['kind']}**: {cell(ob['text'])} ({cell(ob['cite'])})" for ob in doc["obligations"])
        lines.append("")
    if lic.get("notice"):
        lines.extend(["### Notice text", "", f"> {cell(lic['notice'])}", ""])
    return "\n".join(lines)


def render_license_compare(doc: dict[str, Any]) -> str:
    ids = doc["ids"]
    lines = ["| | " + " | ".join(f"`{i}`" for i in ids) + " |", "|---" * (1 + len(ids)) + "|"]
    for row in doc["rows"]:
        values = [str(v) for v in row["values"]]
        differ = len(set(values)) > 1
        shown = [f"**{cell(v)}**" if differ else cell(v) for v in values]
        lines.append(f"| {row['field']} | " + " | ".join(shown) + " |")
    return "\n".join(lines) + "\n"


def render_validate(doc: dict[str, Any]) -> str:
    lines = []
    for item in doc["files"]:
        if item["valid"]:
            lines.append(f"- ✅ `{item['path']}` ({item.get('id')})")
        else:
            lines.extend(f"- ⛔ {cell(p)}" for p in item["problems"])
    return "\n".join(lines) + "\n"


def render_catalog(doc: dict[str, Any]) -> str:
    lines = ["| model | license | base model | modality |", "|---|---|---|---|"]
    for row in doc["models"]:
        bases = ", ".join(row.get("base_model", []))
        lines.append(f"| `{row['id']}` | {', '.join(row['license'])} | {bases} | {row.get('modality', '')} |")
    return "\n".join(lines) + "\n"
