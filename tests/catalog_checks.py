"""Checks the catalog tests share: what a model id resolves to, what a re-upload inherits, a commercial verdict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from licensecheck.catalog import lookup_model

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


def assert_resolves(cli_json: JsonCli, spec: str, license_ids: set[str], modality: str | None) -> None:
    """``model SPEC`` names exactly these licenses, and this modality (None: no modality is known)."""
    _, doc = cli_json("model", spec, "--use", "research")
    assert set(doc["licenses"]) == license_ids, (spec, doc["licenses"])
    assert doc["facts"].get("modality") == modality, (spec, doc["facts"])


def assert_inherits(spec: str, original: str) -> None:
    """A re-upload or quantization named after a catalog model is taken as derived from it."""
    hit = lookup_model(spec)
    assert hit is not None and hit.bases == (original,), (spec, hit)


def assert_commercial(cli_json: JsonCli, spec: str, verdict: str, *facts: str) -> None:
    _, doc = cli_json("model", spec, "--use", "commercial", *facts)
    assert doc["verdict"] == verdict, (spec, doc["verdict"])
