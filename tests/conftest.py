from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from licensecheck.cli.app import app


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
