"""`scan` as GitHub Actions workflow commands: one annotation per finding location.

Failing findings are ``::error``; other findings that are not ``allowed`` are ``::warning``.
"""

from __future__ import annotations

from licensecheck.records import TYPE_CHECKING
from licensecheck.render import printable

if TYPE_CHECKING:
    from typing import Any


def _data(text: str) -> str:
    text = printable(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_scan(report: Any) -> str:
    doc = report.to_json()
    lines = []
    for finding in doc["findings"]:
        ignored = finding["policy"]["ignored"]
        if finding["failing"]:
            level = "error"
        elif finding["verdict"] != "allowed" and not (ignored and not ignored["expired"]):
            level = "warning"
        else:
            continue
        title = f"licensecheck: {finding['model']} is {finding['verdict']}"
        message = f"{finding['model']} ({', '.join(finding['licenses']) or 'no license found'}): {finding['reason']}"
        for loc in finding["locations"]:
            where = f"file={_prop(loc['path'])}" + (f",line={loc['line']}" if loc.get("line") else "")
            lines.append(f"::{level} {where},title={_prop(title)}::{_data(message)}")
    failing = sum(1 for f in doc["findings"] if f["failing"])
    lines.append(f"licensecheck: {len(doc['findings'])} model(s), {failing} failing; overall {doc['verdict']}")
    return "\n".join(lines) + "\n"
