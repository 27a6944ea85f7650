from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner, Result

# The commands run by tests keep their compiled patterns in a cache of the test run's own, not the user's.
_CACHE_DIR = tempfile.mkdtemp(prefix="licensecheck-test-cache-")
atexit.register(shutil.rmtree, _CACHE_DIR, True)
os.environ["LICENSECHECK_CACHE_DIR"] = _CACHE_DIR
os.environ.pop("LICENSECHECK_NO_CACHE", None)

from licensecheck.cli.app import app  # noqa: E402


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run the CLI in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, list(args))

    return invoke


@pytest.fixture
def cli_json(cli: Callable[..., Result]) -> Callable[..., tuple[int, dict[str, Any]]]:
    def invoke(*args: str) -> tuple[int, dict[str, Any]]:
        result = cli(*args, "--format", "json")
        assert "Traceback" not in result.stderr
        assert result.exit_code in (0, 1), result.stderr
        return result.exit_code, json.loads(result.stdout)

    return invoke


@pytest.fixture
def cache_dir(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A cache folder of the test's own; files written by the test count as settled at once."""
    from licensecheck.scan import resultcache

    folder = tmp_path / "cache"
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("LICENSECHECK_NO_CACHE", raising=False)
    for name in ("SETTLE_NS", "FINE_SETTLE_NS"):  # (the future: any file may get a record)
        monkeypatch.setattr(resultcache, name, -(10**12))
    return folder
