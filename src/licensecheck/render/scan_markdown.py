"""`scan` as Markdown, for a pull-request comment or ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from licensecheck.records import TYPE_CHECKING
from licensecheck.render.markdown import cell, code, results_section, verdict
from licensecheck.vocabulary import Verdict

if TYPE_CHECKING:
    from typing import Any

MAX_LOCATIONS = 5


def _where(locations: list[dict[str, Any]]) -> str:
    shown = [
        code(f"{loc['path']}:{loc['line']}") if loc.get("line") else code(loc["path"])
        for loc in locations[:MAX_LOCATIONS]
    ]
    more = len(locations) - MAX_LOCATIONS
    return "<br>".join(shown) + (f"<br>… {more} more" if more > 0 else "")


def render_scan(report: Any) -> str:
    doc = report.to_json()
    findings = doc["findings"]
    failing = [f for f in findings if f["failing"]]
    lines = [f"## licensecheck scan — {verdict(doc['verdict'])}", ""]
    lines.append(
        f"**Uses:** {', '.join(doc['uses'])} · **Policy:** "
        f"{code(doc['policy']['path']) if doc['policy'] else 'none'} · "
        f"**Fails on:** {', '.join(doc['fail_on'])} · "
        f"**{len(findings)}** model(s), **{len(failing)}** failing"
    )
    lines.append("")
    if not findings:
        lines.extend(["No model references found.", ""])
    else:
        lines.extend(["| model | licenses | verdict | where | why |", "|---|---|---|---|---|"])
        for finding in sorted(findings, key=lambda f: -Verdict(f["verdict"]).rank):
            name = code(finding["model"]) + (" (model card)" if finding["kind"] == "card" else "")
            why = cell(finding["reason"])
            ignored = finding["policy"]["ignored"]
            if ignored:
                state = "ignore expired" if ignored["expired"] else "ignored"
                why += f" _({state}: {cell(ignored['reason'])})_"
            mark = " ❌" if finding["failing"] else ""
            lines.append(
                f"| {name} | {cell(', '.join(finding['licenses']) or 'none found')} | "
                f"{verdict(finding['verdict'])}{mark} | {_where(finding['locations'])} | {why} |"
            )
        lines.append("")
    for finding in failing:
        if finding["results"]:
            lines.extend([f"<details><summary>{cell(finding['model'])}: details</summary>", ""])
            lines.extend(results_section(finding["results"], level="####"))
            lines.extend(["</details>", ""])
    for warning in doc["warnings"]:
        lines.append(f"> ⚠️ {cell(warning)}")
    if doc["warnings"]:
        lines.append("")
    lines.append("_Not legal advice: every answer names the clause it rests on._")
    return "\n".join(lines) + "\n"
