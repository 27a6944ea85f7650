"""Shared helpers for the scan tests (no tests here): a fixed catalog, the CLI runner, fixture paths."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

REPOS = Path(__file__).parent / "fixtures" / "repos"
GOLDEN = Path(__file__).parent / "golden" / "scan"


def _indexes() -> dict[str, Any]:
    from licensecheck.build_index import compile_catalog, compile_licenses, split_index
    from licensecheck.data import licenses_dir

    licenses = compile_licenses(licenses_dir())
    catalog = compile_catalog(REPOS / "_catalog", licenses["aliases"])
    return split_index(licenses, catalog)


_CACHE: dict[str, Any] = {}


def _clear_caches() -> None:
    from licensecheck import catalog, data, registry
    from licensecheck.scan import discover

    data._load_index.cache_clear()
    catalog._name_index.cache_clear()
    catalog._patterns_for.cache_clear()
    catalog._patterns_by_org.cache_clear()
    registry.get_terms.cache_clear()
    discover.clear_caches()


@pytest.fixture
def fixed_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The real license files and the small fixture catalog, whatever the packaged index holds."""
    from licensecheck import data

    if not _CACHE:
        _CACHE.update(_indexes())
    _clear_caches()
    monkeypatch.setattr(data, "_load_index", lambda name: _CACHE[name])
    # (a scan replayed from a recording made with the real catalog would not show this one: the environment is
    # part of what a recording is kept under, see licensecheck.scan.replay)
    monkeypatch.setenv("LICENSECHECK_TEST_CATALOG", "fixture")
    yield
    monkeypatch.undo()
    _clear_caches()


def run_cli(*args: str) -> Any:
    from licensecheck.cli.app import app

    runner = CliRunner()
    return runner.invoke(app, list(args), catch_exceptions=False)


def scan_json(*args: str) -> tuple[int, dict[str, Any], str]:
    result = run_cli("scan", *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}, result.stderr


def write(path: Path, text: str, mtime: int | None = None) -> None:
    """Write a file; with ``mtime``, give it that (distinct) time: a rewrite within one clock tick must not look
    like the file as it was."""
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, ns=(mtime, mtime))
