"""`license list|show|compare` and `catalog` as human text, drawn without rich when it goes to a pipe or a file.

Importing rich and laying tables out with it is most of these commands' time (the whole catalog took 400 ms), so
without colour they are drawn here, character for character what ``render.text`` draws with rich (tests hold the
two equal for every packaged license, every pair of them and the catalog). Text that rich would print otherwise
(tabs, backslashes, what could be an emoji code, characters whose width is not plainly one) goes to rich, as does
everything for a terminal.
"""

from __future__ import annotations

from licensecheck.lazyre import compiled
from licensecheck.records import TYPE_CHECKING
from licensecheck.render import OPTIONS, printable
from licensecheck.render.plaintable import Column, draw_table

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# A line printed outside a table is not measured (the console soft-wraps); these are what rich would still change.
_RICH_CHANGES = compiled(r"[\t\\]|:\S*?:")
SHORT_VERDICT = {
    "allowed": "yes",
    "conditional": "if…",
    "needs-permission": "ask",
    "forbidden": "no",
    "unknown": "?",
}
SHORT_USE = {
    "commercial": "commercial",
    "research": "research",
    "fine-tuning": "fine-tune",
    "distillation": "distill",
    "redistribution": "redistrib.",
    "hosting": "hosting",
    "large-user-base": "large MAU",
    "relicensing": "relicense",
}
LIST_NOTE = (
    "With no facts given: yes = allowed, if… = conditional (depends on --mau, --region, --target or the model's "
    "modality), ask = needs permission, no = forbidden. Details: licensecheck license show ID"
)


def _plain_or_rich(plain: Callable[[Any], str | None], rich_renderer: str, doc: Any) -> str:
    """The plain drawing without colour when it can be made, else what ``render.text``'s renderer draws."""
    drawn = None if OPTIONS["color"] else plain(doc)
    if drawn is not None:
        return drawn
    from licensecheck.render import text

    return str(getattr(text, rich_renderer)(doc))


def _lines_ok(lines: list[str]) -> bool:
    return not any(_RICH_CHANGES.search(line) for line in lines)


def _finish(out: list[str] | None) -> str | None:
    return None if out is None or not _lines_ok(out) else "\n".join(out) + "\n"


def render_license_list(rows: list[dict[str, Any]]) -> str:
    return _plain_or_rich(_license_list, "render_license_list", rows)


def _license_list(rows: list[dict[str, Any]]) -> str | None:
    uses = list(rows[0]["uses"]) if rows else []
    columns = [
        Column("id", no_wrap=True),
        Column("name", min_width=20, max_width=38),
        Column("date", no_wrap=True),
        *(Column(SHORT_USE.get(use, use), no_wrap=True, justify="center") for use in uses),
    ]
    cells = [
        [row["id"], printable(row["name"]), row["date"], *(SHORT_VERDICT.get(v, v) for v in row["uses"].values())]
        for row in rows
    ]
    table = draw_table(columns, cells, width=170, title="Licenses known to licensecheck", pad_edge=False)
    return _finish(None if table is None else [*table, LIST_NOTE])


def render_license_show(doc: dict[str, Any]) -> str:
    return _plain_or_rich(_license_show, "render_license_show", doc)


def _license_show(doc: dict[str, Any]) -> str | None:
    from licensecheck.terms import section_label

    lic: dict[str, Any] = {k: printable(v) if isinstance(v, str) else v for k, v in doc["license"].items()}
    out = [
        f"{lic['name']} ({lic['id']})",
        f"Publisher: {lic['publisher']} · version {lic['version']} · {lic['date']}",
        f"Category: {lic['category']} · Source: {lic['url']}",
    ]
    if lic.get("aliases"):
        out.append(f"Also known as: {printable(', '.join(lic['aliases']))}")
    glance = {key: printable(", ".join(values) or "none") for key, values in doc["at_a_glance"].items()}
    out += [
        "",
        lic["summary"],
        "",
        f"Allowed: {glance['allowed']}",
        f"Depends on --mau/--region/--target/modality: {glance['depends_on_facts']}",
        f"Not allowed or ask first: {glance['refused']}",
        f"Obligations: {glance['obligations']}",
    ]
    for title, key in (("Outputs", "outputs"), ("Derivatives", "derivatives")):
        out += ["", f"{title}: {lic[key]}"]
    if lic.get("thresholds"):
        out += ["", "Thresholds:"]
        for t in lic["thresholds"]:
            out.append(
                f"  • more than {t['value']:,} monthly active users, measured {printable(t['measured'])} → "
                f"{t['consequence']} ({printable(section_label(t['section']))})"
            )
    if lic.get("use_policy"):
        policy = lic["use_policy"]
        out += ["", f"Use policy: {printable(policy['name'])} {printable(policy.get('url', ''))}"]
    out += ["", "Per use (no facts given):"]
    table = draw_table(
        [
            Column("use", no_wrap=True),
            Column("verdict", no_wrap=True),
            Column("why"),
            Column("depends on", max_width=16),
        ],
        [
            [
                row["use"],
                row["verdict"].upper(),
                printable(row["reason"]),
                printable(", ".join(dict.fromkeys(row["depends_on"])) or "-"),
            ]
            for row in doc["uses"]
        ],
        width=100,
    )
    if table is None:
        return None
    out += table
    if doc["limits"]:
        out.append("Limits (decided by --mau, --region, --target or the model's modality):")
        for limit in doc["limits"]:
            uses = limit["uses"] if isinstance(limit["uses"], str) else ", ".join(limit["uses"])
            out.append(
                f"  • [{printable(limit['kind'])}] → {limit['verdict']} (uses: {printable(uses)}): "
                f"{printable(limit['reason'])} {printable(limit['cite'])}"
            )
    if doc["obligations"]:
        out.append("Obligations:")
        for ob in doc["obligations"]:
            out.append(f"  • [{printable(ob['kind'])}] {printable(ob['text'])} {printable(ob['cite'])}")
    if lic.get("notice"):
        out += ["", "Notice text to ship:", f"  {lic['notice']}"]
    if lic.get("history"):
        out += ["", "Versions:"]
        for h in lic["history"]:
            when = f" ({printable(h['date'])})" if h.get("date") and h["date"] not in h["version"] else ""
            out.append(f"  • {printable(h['version'])}{when}: {printable(h['changes'])}")
    out += [f"Note: {printable(note)}" for note in lic.get("notes") or ()]
    out += ["", "Not legal advice: every answer names the clause it rests on."]
    return _finish(out)


def render_license_compare(doc: dict[str, Any]) -> str:
    return _plain_or_rich(_license_compare, "render_license_compare", doc)


def _license_compare(doc: dict[str, Any]) -> str | None:
    ids = doc["ids"]
    rows = []
    for row in doc["rows"]:
        values = [str(value) for value in row["values"]]
        differ = len(set(values)) > 1
        rows.append([("≠ " if differ else "  ") + row["field"], *values])
    table = draw_table(
        [Column("", no_wrap=True), *(Column(lid) for lid in ids)],
        rows,
        width=40 + 45 * len(ids),
        title="Comparison (differences in bold)",
        show_lines=True,
    )
    return _finish(table)


def render_catalog(doc: dict[str, Any]) -> str:
    return _plain_or_rich(_catalog, "render_catalog", doc)


def _catalog(doc: dict[str, Any]) -> str | None:
    table = draw_table(
        [Column("model"), Column("license"), Column("base model"), Column("modality", no_wrap=True), Column("aliases")],
        [
            [
                printable(row["id"]),
                printable(", ".join(row["license"])),
                printable(", ".join(row.get("base_model", []))),
                row.get("modality", ""),
                printable(", ".join(row.get("aliases", [])[:4])),
            ]
            for row in doc["models"]
        ],
        width=170,
        title=printable(doc.get("title", "Catalog")),
    )
    if table is None:
        return None
    out = table
    if doc.get("patterns"):
        out.append("Family patterns:")
        out += [f"  {printable(p['match'])} → {printable(', '.join(p['license']))}" for p in doc["patterns"]]
    out.append(f"{doc['count']} model(s).")
    return _finish(out)
