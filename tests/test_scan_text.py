"""The scan's text report without rich (no colour) is, character for character, what rich draws."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.render import OPTIONS
from licensecheck.render.scan_text import _plain_fits, _render_plain, _render_rich

WORDS = st.sampled_from(
    [
        "org/name",
        "meta-llama/Llama-3.1-8B-Instruct",
        "sentence-transformers/all-MiniLM-L6-v2",
        "a",
        "commercial",
        "under",
        "llama3.1:",
        "allowed",
        "x" * 40,
        "y" * 60,
        "[bold]",
        "\\[x]",
        "back\\slash",
        "trailing\\",
        "(paren)",
        "…",
        "",
        " ",
        "  ",
        "src/app.py:15",
        "gemma2:9b",
    ]
)
TEXT = st.lists(WORDS, max_size=14).map(" ".join)
LOCATION = st.fixed_dictionaries({"path": TEXT.map(lambda t: t.strip() or "p"), "line": st.integers(0, 300)})
UNTIL = st.one_of(st.none(), st.just("2027-01-01"))
IGNORED = st.one_of(st.none(), st.fixed_dictionaries({"expired": st.booleans(), "reason": TEXT, "until": UNTIL}))
VERDICTS = ["allowed", "conditional", "unknown", "needs-permission", "forbidden"]
FINDING = st.fixed_dictionaries(
    {
        "model": TEXT.map(lambda t: t or "m"),
        "kind": st.sampled_from(["model", "card"]),
        "licenses": st.lists(st.sampled_from(["apache-2.0", "llama3.1", "cc-by-nc-4.0"]), max_size=3),
        "locations": st.lists(LOCATION, max_size=8),
        "verdict": st.sampled_from(VERDICTS),
        "reason": TEXT,
        "failing": st.booleans(),
        "policy": st.fixed_dictionaries({"ignored": IGNORED}),
    }
)
DOC = st.fixed_dictionaries(
    {
        "verdict": st.sampled_from(VERDICTS),
        "uses": st.lists(st.sampled_from(["commercial", "distillation"]), min_size=1, max_size=2),
        "facts": st.fixed_dictionaries({"mau": st.one_of(st.none(), st.integers(0, 10**9)), "region": st.none()}),
        "policy": st.one_of(st.none(), st.fixed_dictionaries({"path": TEXT.map(lambda t: t or "licensecheck.yaml")})),
        "files_scanned": st.integers(0, 5000),
        "fail_on": st.just(["unknown", "needs-permission", "forbidden"]),
        "findings": st.lists(FINDING, max_size=6),
        "warnings": st.lists(TEXT, max_size=2),
    }
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC)
def test_the_plain_tables_are_what_rich_draws(doc: dict[str, Any]) -> None:
    OPTIONS["color"] = False
    if _plain_fits(doc):
        assert _render_plain(doc) == _render_rich(doc)


def test_text_rich_would_change_is_left_to_rich() -> None:
    doc: dict[str, Any] = {"findings": [], "warnings": [], "verdict": "allowed", "uses": ["commercial"]}
    doc |= {"facts": {}, "policy": None, "files_scanned": 1, "fail_on": []}
    assert _plain_fits(doc)
    for warning in ("emoji :smile: code", "a\ttab", "wide 模型 text", "a trailing backslash\\"):
        assert not _plain_fits(doc | {"warnings": [warning]})
