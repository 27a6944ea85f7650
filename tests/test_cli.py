"""CLI behaviour through CliRunner: stdout, stderr and exit codes, and golden files per format."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from licensecheck.data import licenses_dir

GOLDEN = Path(__file__).parent / "golden"
LICENSE_FILES = Path(__file__).parent / "fixtures" / "license-files"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (UPDATE_GOLDEN=1 to accept)"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["model", "--license", "mit", "--use", "teleportation"], "unknown use 'teleportation'"),
        (
            ["model", "--license", "no-such-license", "--use", "commercial"],
            "unknown license 'no-such-license'",
        ),
        (["model", "--license", "mit", "--mau", "lots"], "invalid --mau value 'lots'"),
        (["model", "--license", "mit", "--mau", "-5"], "invalid --mau"),
        (["model", "--license", "mit", "--mau", "1e400"], "invalid --mau"),
        (["model", "--license", "mit", "--region", "Atlantis"], "invalid --region"),
        (["model", "--license", "mit", "--format", "yaml"], "unknown format 'yaml'"),
        (["model", "--license", "llama3.1", "--use", "relicensing", "--target", "not-a-license"], "--target"),
        (["model"], "give a MODEL"),
        (["model", "x/y", "--license", "mit"], "not both"),
        (["model", "--license", "mit", "--fail-on", "awful"], "unknown verdict 'awful'"),
        (["license", "show", "nope"], "unknown license 'nope'"),
        (["license", "compare", "mit"], "at least two"),
        (["license", "validate", "/no/such/file.yaml"], "file not found"),
    ],
)
def test_usage_errors_are_one_line_exit_2(cli: Callable[..., Result], args: list[str], needle: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], result.stderr


def test_a_license_recognised_but_not_encoded_is_an_honest_unknown(cli: Callable[..., Result]) -> None:
    result = cli("model", "--license", "qwen", "--use", "commercial", "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1 and doc["verdict"] == "unknown" and doc["licenses"] == ["qwen"]
    assert "not encoded" in doc["results"][0]["reason"]


@pytest.mark.parametrize(
    ("license_id", "target", "verdict"),
    [
        ("apache-2.0", "cc-by-4.0", "allowed"),
        ("mit", "gpl-3.0", "allowed"),
        ("llama3.1", "cc-by-4.0", "forbidden"),
        ("gemma", "bsd-3-clause", "forbidden"),
    ],
)
def test_a_relicensing_target_need_not_be_encoded(
    cli: Callable[..., Result], license_id: str, target: str, verdict: str
) -> None:
    # (whether a derivative may carry another license is up to the model's own terms alone)
    result = cli("model", "--license", license_id, "--use", "relicensing", "--target", target, "--format", "json")
    assert json.loads(result.stdout)["verdict"] == verdict, result.stderr


def test_unknown_model_is_unknown_with_a_hint(cli: Callable[..., Result]) -> None:
    result = cli("model", "example-org/definitely-not-a-real-model-xyz", "--use", "commercial", "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["verdict"] == "unknown" and doc["licenses"] == []
    assert "--license" in result.stderr and "--online" in result.stderr


def test_fail_on_replaces_the_failing_set(cli: Callable[..., Result]) -> None:
    assert cli("model", "--license", "llama3.1", "--use", "commercial", "--format", "json").exit_code == 0
    result = cli("model", "--license", "llama3.1", "--use", "commercial", "--fail-on", "conditional,forbidden")
    assert result.exit_code == 1
    result = cli("model", "--license", "cc-by-nc-4.0", "--use", "commercial", "--fail-on", "unknown")
    assert result.exit_code == 0


def test_output_writes_the_report_to_a_file(cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = cli("model", "--license", "mit", "--format", "json", "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["schema"] == "licensecheck/1"


def test_json_shape_follows_the_spec(cli: Callable[..., Result]) -> None:
    doc = json.loads(
        cli("model", "--license", "llama3.1", "--use", "commercial", "--mau", "20M", "--format", "json").stdout
    )
    assert doc["schema"] == "licensecheck/1"
    assert doc["model"] is None and doc["licenses"] == ["llama3.1"] and doc["verdict"] == "allowed"
    (result,) = doc["results"]
    assert set(result) >= {"use", "verdict", "license", "reason", "conditions", "obligations", "citations"}
    assert set(result["citations"][0]) >= {"license", "section", "quote"}


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_golden_model_license(cli: Callable[..., Result], fmt: str) -> None:
    result = cli(
        "model",
        "--license",
        "llama3.2",
        "--use",
        "commercial",
        "--use",
        "distillation",
        "--mau",
        "20M",
        "--region",
        "DE",
        "--format",
        fmt,
    )
    assert result.exit_code == 0
    check_golden(f"model-llama3.2.{'txt' if fmt == 'text' else 'md' if fmt == 'markdown' else 'json'}", result.stdout)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_golden_license_show(cli: Callable[..., Result], fmt: str) -> None:
    result = cli("license", "show", "gemma", "--format", fmt)
    assert result.exit_code == 0
    check_golden(
        f"license-show-gemma.{'txt' if fmt == 'text' else 'md' if fmt == 'markdown' else 'json'}",
        result.stdout,
    )


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_golden_license_list(cli: Callable[..., Result], fmt: str) -> None:
    result = cli("license", "list", "--format", fmt)
    assert result.exit_code == 0
    check_golden(f"license-list.{'txt' if fmt == 'text' else 'md' if fmt == 'markdown' else 'json'}", result.stdout)


def test_license_list_has_every_license_and_use(cli: Callable[..., Result]) -> None:
    doc = json.loads(cli("license", "list", "--format", "json").stdout)
    rows = {row["id"]: row for row in doc["licenses"]}
    assert len(rows) == 15
    assert rows["cc-by-nc-4.0"]["uses"]["commercial"] == "forbidden"
    assert rows["llama3.1"]["uses"]["large-user-base"] == "needs-permission"
    assert rows["gemma"]["uses"]["large-user-base"] == "allowed"


def test_license_show_summary(cli: Callable[..., Result]) -> None:
    result = cli("license", "show", "Llama 3.1 Community License")
    assert result.exit_code == 0
    for needle in ("Meta Platforms", "700,000,000", "Built with Llama", "Notice text to ship", "Outputs:"):
        assert needle in result.stdout


def test_license_compare_highlights_differences(cli: Callable[..., Result]) -> None:
    doc = json.loads(cli("license", "compare", "llama3", "llama3.1", "--format", "json").stdout)
    rows = {row["field"]: row["values"] for row in doc["rows"]}
    assert doc["ids"] == ["llama3", "llama3.1"]
    assert rows["publisher"][0] == rows["publisher"][1]
    text = cli("license", "compare", "llama3", "llama3.1", "gemma").stdout
    assert "≠ limits" in text  # llama3 limits distillation targets, llama3.1 does not
    assert "≠ user threshold" in text
    md = cli("license", "compare", "mit", "cc-by-nc-4.0", "--format", "markdown").stdout
    assert "**forbidden**" in md


def test_validate_accepts_a_shipped_license_file(cli: Callable[..., Result], tmp_path: Path) -> None:
    copy = tmp_path / "mit.yaml"
    shutil.copy(licenses_dir() / "mit.yaml", copy)
    result = cli("license", "validate", str(copy))
    assert result.exit_code == 0, result.stdout
    assert "ok" in result.stdout


def test_validate_names_file_and_line(cli: Callable[..., Result]) -> None:
    result = cli("license", "validate", str(LICENSE_FILES / "bad-vocabulary.yaml"), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    problems = doc["files"][0]["problems"]
    assert any("bad-vocabulary.yaml:17:" in p and "alowed" in p for p in problems), problems
    assert any("bad-vocabulary.yaml:21:" in p for p in problems), problems  # empty citations


def test_validate_reports_syntax_errors_with_line(cli: Callable[..., Result]) -> None:
    result = cli("license", "validate", str(LICENSE_FILES / "syntax-error.yaml"))
    assert result.exit_code == 1
    assert "syntax-error.yaml:" in result.stdout


def test_validate_rejects_a_stolen_alias(cli: Callable[..., Result], tmp_path: Path) -> None:
    text = (licenses_dir() / "mit.yaml").read_text(encoding="utf-8")
    text = text.replace("id: mit", "id: my-mit", 1)
    path = tmp_path / "my-mit.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("license", "validate", str(path))
    assert result.exit_code == 1
    assert "already names license 'mit'" in result.stdout


def test_version(cli: Callable[..., Result]) -> None:
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("licensecheck ")


def test_license_list_orders_versions_with_packaging() -> None:
    from licensecheck.cli.run import license_rows

    ids = [row["id"] for row in license_rows()]
    llamas = [i for i in ids if i.startswith("llama")]
    assert llamas == ["llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4"]
    assert ids.index("openmdw-1.0") + 1 == ids.index("openmdw-1.1")
