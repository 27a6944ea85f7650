"""JSON documents (``"schema": "licensecheck/1"``). No rich here: this is the fast path."""

from __future__ import annotations

import json
from typing import Any

from licensecheck import SCHEMA_ID


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_model(report: Any) -> str:
    return dumps(report.to_json())


def render_scan(report: Any) -> str:
    return dumps(report.to_json())


def render_license_list(rows: Any) -> str:
    return dumps({"schema": SCHEMA_ID, "licenses": rows})


def render_license_show(doc: Any) -> str:
    return dumps({"schema": SCHEMA_ID, **doc})


def render_license_compare(doc: Any) -> str:
    return dumps({"schema": SCHEMA_ID, **doc})


def render_validate(doc: Any) -> str:
    return dumps({"schema": SCHEMA_ID, **doc})


def render_catalog(doc: Any) -> str:
    return dumps({"schema": SCHEMA_ID, **doc})
