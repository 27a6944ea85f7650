"""The scan policy: discovery, overrides, allow/deny, ignore with expiry, and errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_scan_support import REPOS, fixed_catalog, run_cli, scan_json

__all__ = ["fixed_catalog"]


MISTRAL = 'from_pretrained("mistralai/Mistral-7B-Instruct-v0.3")\n'


def write_repo(tmp_path: Path, policy: str, code: str = MISTRAL) -> Path:
    (tmp_path / "licensecheck.yaml").write_text(policy)
    (tmp_path / "app.py").write_text(code)
    return tmp_path


def error_of(tmp_path: Path) -> str:
    result = run_cli("scan", str(tmp_path), "--format", "json")
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    return lines[0]


def test_allow_and_deny(fixed_catalog: None) -> None:
    code, doc, stderr = scan_json(str(REPOS / "policy-allow-deny"))
    assert code == 1
    assert "checking commercial use" not in stderr
    by_model = {f["model"]: f for f in doc["findings"]}
    llama = by_model["meta-llama/Llama-3.1-8B-Instruct"]
    assert llama["verdict"] == "forbidden"
    assert llama["policy"]["violations"] == ["license llama3.1 is not in the policy's allow list"]
    assert llama["reason"] == "license llama3.1 is not in the policy's allow list"
    assert by_model["mistralai/Mistral-7B-Instruct-v0.3"]["verdict"] == "allowed"
    # runtime-only models from the policy, located in the policy file
    assert by_model["openai-community/gpt2"]["locations"] == [{"path": "licensecheck.yaml", "line": 4}]
    assert doc["policy"]["allow"] == ["Apache-2.0", "mit"]


def test_ignore_and_expired_ignore(fixed_catalog: None) -> None:
    code, doc, stderr = scan_json(str(REPOS / "policy-ignore"))
    by_model = {f["model"]: f for f in doc["findings"]}
    cohere = by_model["CohereForAI/c4ai-command-r-v01"]
    assert cohere["verdict"] == "forbidden" and cohere["failing"] is False
    assert cohere["policy"]["ignored"] == {
        "model": "CohereForAI/c4ai-command-r-v01",
        "reason": "research-only service, approved by legal",
        "until": "2099-01-01",
        "expired": False,
    }
    adapter = by_model["some-org/unknown-adapter"]
    assert adapter["policy"]["ignored"]["expired"] is True and adapter["failing"] is True
    assert "the ignore entry expired on 2020-01-01" in stderr
    assert doc["ignored"] == ["CohereForAI/c4ai-command-r-v01"]
    assert doc["verdict"] == "unknown"  # the ignored forbidden finding no longer counts
    assert code == 1
    assert "another-org/excluded-by-policy" not in by_model  # exclude: ["tests/**"]
    assert doc["facts"]["mau"] == 10_000_000 and doc["facts"]["region"] == "US"
    assert by_model["meta-llama/Llama-3.1-8B-Instruct"]["verdict"] == "allowed"  # 10M MAU settles it


def test_pyproject_policy(fixed_catalog: None) -> None:
    code, doc, _ = scan_json(str(REPOS / "policy-pyproject"))
    assert doc["uses"] == ["research"]
    by_model = {f["model"]: f for f in doc["findings"]}
    assert by_model["meta-llama/Llama-3.1-8B-Instruct"]["policy"]["violations"] == [
        "license llama3.1 is denied by the policy"
    ]
    assert by_model["CohereForAI/c4ai-command-r-v01"]["verdict"] == "allowed"
    assert doc["policy"]["path"] == "pyproject.toml"
    assert code == 1


def test_policy_option_and_command_line_overrides(tmp_path: Path, fixed_catalog: None) -> None:
    policy = tmp_path / "strict.yaml"
    policy.write_text("uses: [research]\nfail-on: [forbidden]\ndeny: [apache-2.0]\n")
    code, doc, _ = scan_json(str(REPOS / "policy-allow-deny"), "--policy", str(policy))
    assert doc["uses"] == ["research"] and doc["fail_on"] == ["forbidden"]
    mistral = next(f for f in doc["findings"] if f["model"] == "mistralai/Mistral-7B-Instruct-v0.3")
    assert mistral["verdict"] == "forbidden"
    code, doc, _ = scan_json(
        str(REPOS / "policy-allow-deny"),
        "--policy",
        str(policy),
        "--use",
        "hosting",
        "--fail-on",
        "unknown",
        "--mau",
        "5M",
        "--region",
        "DE",
    )
    assert doc["uses"] == ["hosting"] and doc["fail_on"] == ["unknown"]
    assert doc["facts"]["mau"] == 5_000_000 and doc["facts"]["region"] == "DE"
    assert code == 0


def test_missing_policy_option_is_exit_2(tmp_path: Path, fixed_catalog: None) -> None:
    result = run_cli("scan", str(tmp_path), "--policy", str(tmp_path / "none.yaml"))
    assert result.exit_code == 2 and "policy file not found" in result.stderr


@pytest.mark.parametrize(
    ("policy", "line", "needle"),
    [
        ("uses: [commercial\n", None, "invalid policy file"),
        ("uses: [commercial]\nfail_on: forbidden\ncolour: red\n", 3, "unknown key 'colour'"),
        ("region: NO\n", 1, "read as a boolean"),
        ("mau: 1e9\n", 1, "write 1000000000 or 1B"),
        ("mau: 1.5\n", 1, "mau must be"),
        ("mau: true\n", 1, "mau must be"),
        ("uses: [commercial, selling]\n", 1, "unknown uses value 'selling'"),
        ("region: Atlantis\n", 1, "invalid region value"),
        ("fail-on: [forbidden, bad]\n", 1, "unknown fail-on value 'bad'"),
        ("allow: apache-2.0\ndeny: {a: 1}\n", 2, "deny must be a list of strings"),
        ("ignore:\n  - model: org/x\n", 2, "needs a reason"),
        ("ignore:\n  - model: org/x\n    reason: ok\n    until: someday\n", 4, "must be a date"),
        ("ignore:\n  - model: org/x\n    reason: ok\n    owner: me\n", 4, "unknown key 'owner'"),
        ("ignore: org/x\n", 1, "ignore must be a list"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        ("models: [org/a, 3]\n", 1, "models[1] must be a non-empty string"),
        ("uses: [commercial]\nfail-on: []\n", 2, "fail-on is empty"),  # (it would never fail)
        ("uses: []\n", 1, "uses is empty"),
    ],
)
def test_malformed_policy(tmp_path: Path, policy: str, line: int | None, needle: str, fixed_catalog: None) -> None:
    write_repo(tmp_path, policy)
    message = error_of(tmp_path)
    where = f"licensecheck.yaml:{line}: " if line else "licensecheck.yaml"
    assert message.startswith(f"licensecheck: error: {where}"), message
    assert needle in message


def test_quoted_values_are_fine(tmp_path: Path, fixed_catalog: None) -> None:
    write_repo(
        tmp_path,
        'region: "NO"\nmau: 1B\nuses: commercial, hosting\n'
        'ignore:\n  - {model: org/x, reason: fine, until: "2099-12-31"}\n',
    )
    code, doc, stderr = scan_json(str(tmp_path))
    assert code == 0, stderr
    assert doc["facts"]["region"] == "NO" and doc["facts"]["mau"] == 1_000_000_000
    assert doc["uses"] == ["commercial", "hosting"]
    assert "ignore entry for org/x matches no finding" in stderr


def test_malformed_pyproject(tmp_path: Path, fixed_catalog: None) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.licensecheck]\nuses = ["commercial"]\nregion = 7\n')
    message = error_of(tmp_path)
    assert message.startswith("licensecheck: error: pyproject.toml:3: "), message
    (tmp_path / "pyproject.toml").write_text("[tool.licensecheck\nuses = 1\n")
    assert error_of(tmp_path).startswith("licensecheck: error: pyproject.toml:1: invalid TOML")
    (tmp_path / "pyproject.toml").write_text("[tool.licensecheck]\nmodels = " + "[" * 5000 + "]" * 5000 + "\n")
    assert error_of(tmp_path) == "licensecheck: error: pyproject.toml: invalid TOML: nested too deeply"


def test_no_policy_means_commercial_with_a_hint(tmp_path: Path, fixed_catalog: None) -> None:
    (tmp_path / "app.py").write_text('from_pretrained("CohereForAI/c4ai-command-r-v01")\n')
    code, doc, stderr = scan_json(str(tmp_path))
    assert doc["uses"] == ["commercial"]
    assert "no policy found" in stderr and "licensecheck.yaml" in stderr
    assert code == 1


def test_policy_file_is_not_a_use(tmp_path: Path, fixed_catalog: None) -> None:
    write_repo(
        tmp_path,
        "uses: [commercial]\nignore:\n  - {model: CohereForAI/c4ai-command-r-v01, reason: ok}\n",
        code="print('no models')\n",
    )
    code, doc, _ = scan_json(str(tmp_path))
    assert doc["findings"] == [] and code == 0


@pytest.mark.parametrize("bad", [["--mau", "abc"], ["--fail-on", ""], ["--region", "Atlantis"]])
def test_a_usage_error_without_a_policy_is_one_line(tmp_path: Path, fixed_catalog: None, bad: list[str]) -> None:
    (tmp_path / "app.py").write_text('from_pretrained("CohereForAI/c4ai-command-r-v01")\n')
    result = run_cli("scan", str(tmp_path), *bad)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no policy found" not in result.stderr


def test_fail_on_repeated_or_comma_separated_adds_up(tmp_path: Path, fixed_catalog: None) -> None:
    (tmp_path / "app.py").write_text('from_pretrained("meta-llama/Llama-3.1-8B-Instruct")\n')  # (conditional)
    assert run_cli("scan", str(tmp_path), "--fail-on", "forbidden").exit_code == 0
    assert run_cli("scan", str(tmp_path), "--fail-on", "conditional", "--fail-on", "forbidden").exit_code == 1
    assert run_cli("scan", str(tmp_path), "--fail-on", "forbidden,conditional").exit_code == 1
    model = ["model", "--license", "llama3.1", "--use", "commercial"]
    assert run_cli(*model, "--fail-on", "conditional", "--fail-on", "forbidden").exit_code == 1
