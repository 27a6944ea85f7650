"""`scan` as SARIF 2.1.0 for code scanning: one rule per use and verdict, one result per failing location."""

from __future__ import annotations

from urllib.parse import quote

from licensecheck.records import TYPE_CHECKING
from licensecheck.render.json_format import dumps

if TYPE_CHECKING:
    from typing import Any

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/licensecheck/licensecheck"
LEVEL = {
    "forbidden": "error",
    "needs-permission": "error",
    "unknown": "warning",
    "conditional": "warning",
    "allowed": "note",
}


def _cite(c: dict[str, Any]) -> str:
    doc = f"{c['document']} " if c.get("document") else ""
    quote = f": “{c['quote']}”" if c.get("quote") else ""
    return f"{c['license']} {doc}§{c['section']}{quote}"


def _rule_of(finding: dict[str, Any]) -> tuple[str, str, list[dict[str, Any]]]:
    """(rule id, short description, results behind it) for a failing finding."""
    if finding["policy"]["violations"]:
        return "policy/license", "A license the policy does not allow", []
    decisive = [r for r in finding["results"] if r["verdict"] == finding["verdict"]]
    use = decisive[0]["use"] if decisive else ("relicensing" if finding["kind"] == "card" else "model")
    prefix = "card" if finding["kind"] == "card" else use
    description = {
        "card": f"A model card declares a license its base model's license does not allow ({finding['verdict']})",
        "model": "A model whose license licensecheck cannot determine",
    }.get(prefix, f"{use}: {finding['verdict']}")
    return f"{prefix}/{finding['verdict']}", description, decisive


def render_scan(report: Any) -> str:
    from licensecheck import __version__

    doc = report.to_json()
    rules: dict[str, dict[str, Any]] = {}
    cites: dict[str, dict[str, None]] = {}
    results = []
    for finding in doc["findings"]:
        if not finding["failing"]:
            continue
        rule_id, description, decisive = _rule_of(finding)
        if rule_id not in rules:
            rules[rule_id] = {
                "id": rule_id,
                "name": rule_id.replace("/", "-"),
                "shortDescription": {"text": description},
                "defaultConfiguration": {"level": LEVEL.get(finding["verdict"], "error")},
            }
            cites[rule_id] = {}
        for r in decisive:
            for c in r["citations"]:
                cites[rule_id][_cite(c)] = None
        message = (
            f"{finding['model']} ({', '.join(finding['licenses']) or 'no license found'}) is "
            f"{finding['verdict']} for this repository: {finding['reason']}"
        )
        for loc in finding["locations"]:
            region = {"startLine": loc["line"]} if loc.get("line") else {}
            uri = quote(loc["path"], safe="/")  # a relative URI reference: spaces, % and : percent-encoded
            physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
            if region:
                physical["region"] = region
            results.append(
                {
                    "ruleId": rule_id,
                    "ruleIndex": list(rules).index(rule_id),
                    "level": LEVEL.get(finding["verdict"], "error"),
                    "message": {"text": message},
                    "locations": [{"physicalLocation": physical}],
                    "partialFingerprints": {"licensecheck/v1": f"{rule_id}:{finding['model']}:{loc['path']}"},
                    "properties": {
                        "model": finding["model"],
                        "licenses": finding["licenses"],
                        "verdict": finding["verdict"],
                    },
                }
            )
    for rule_id, rule in rules.items():
        clauses = list(cites[rule_id])
        text = rule["shortDescription"]["text"] + "."
        if clauses:
            text += " Rests on: " + "; ".join(clauses)
        text += " Not legal advice: check the clauses cited."
        rule["help"] = {"text": text, "markdown": text}
        rule["fullDescription"] = {"text": text}
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "licensecheck",
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": list(rules.values()),
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The scanned repository"}}},
                "results": results,
                "properties": {"verdict": doc["verdict"], "uses": doc["uses"]},
            }
        ],
    }
    return dumps(sarif)
