"""JSON documents (``"schema": "licensecheck/1"``). No rich here: this is the fast path."""

from __future__ import annotations

try:  # the C function json.dumps uses, without importing the json package (1.5 ms)
    from _json import encode_basestring as _string
except ImportError:  # (an interpreter without the C accelerator)
    from json.encoder import encode_basestring as _string

from licensecheck import SCHEMA_ID
from licensecheck.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def dumps(doc: dict[str, Any]) -> str:
    """``json.dumps(doc, indent=2, ensure_ascii=False)`` plus a newline, about three times as fast.

    With an indent, ``json.dumps`` cannot use its C encoder and walks the document in Python generators; a large
    scan spent longer rendering than resolving its models. Anything this encoder does not know is left to
    ``json.dumps``, so the two never differ (a property test holds them equal).
    """
    parts: list[str] = []
    try:
        _encode(doc, "\n", parts)
    except _Unusual:
        import json

        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    parts.append("\n")
    return "".join(parts)


class _Unusual(Exception):
    """A value the fast encoder leaves to ``json.dumps`` (a non-string key, a float, an unknown type)."""


def _encode(value: Any, newline: str, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(_string(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int) and not isinstance(value, float):
        parts.append(int.__repr__(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _encode(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            parts.append(separator)
            parts.append(_string(key))
            parts.append(": ")
            _encode(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    else:
        raise _Unusual


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
