"""`licensecheck scan` through the CLI: exit codes, stdout and stderr apart, golden output per format."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from test_scan_support import GOLDEN, REPOS, fixed_catalog, run_cli, scan_json

__all__ = ["fixed_catalog"]

FORMATS = {"text": "txt", "json": "json", "markdown": "md", "sarif": "sarif", "github": "txt"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden(fmt: str, fixed_catalog: None) -> None:
    result = run_cli("scan", str(REPOS / "forms"), "--format", fmt)
    assert result.exit_code == 1
    assert "checking commercial use" in result.stderr
    golden = GOLDEN / f"forms.{fmt}.{FORMATS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_json_shape(fixed_catalog: None) -> None:
    code, doc, _ = scan_json(str(REPOS / "forms"))
    assert code == 1
    assert doc["schema"] == "licensecheck/1"
    assert doc["verdict"] == "forbidden"
    by_model = {f["model"]: f for f in doc["findings"]}
    cohere = by_model["CohereForAI/c4ai-command-r-v01"]
    assert cohere["verdict"] == "forbidden" and cohere["licenses"] == ["cc-by-nc-4.0"]
    assert {"path": "src/app.py", "line": 15} in cohere["locations"]
    assert cohere["results"][0]["use"] == "commercial"
    card = by_model["finetune"]
    assert card["kind"] == "card" and card["verdict"] == "forbidden"
    assert card["results"][0]["use"] == "relicensing" and card["results"][0]["license"] == "llama3.1"
    assert by_model["some-org/unknown-adapter"]["verdict"] == "unknown"
    # aliases resolve to the catalog model and keep their own locations
    llama = by_model["meta-llama/Llama-3.1-8B-Instruct"]
    assert "llama3.1:8b" in llama["written_as"]
    assert {"path": "scripts/download.sh", "line": 6} in llama["locations"]


def test_sarif_matches_the_schema(fixed_catalog: None) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    result = run_cli("scan", str(REPOS / "forms"), "--format", "sarif")
    doc = json.loads(result.stdout)
    schema = json.loads((GOLDEN / "sarif-2.1.0-subset.schema.json").read_text())
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert {"commercial/forbidden", "card/forbidden", "commercial/unknown"} <= set(rule_ids)
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    help_text = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "commercial/forbidden")["help"]["text"]
    assert "cc-by-nc-4.0 §" in help_text


def test_github_annotations(fixed_catalog: None) -> None:
    result = run_cli("scan", str(REPOS / "forms"), "--format", "github")
    lines = result.stdout.splitlines()
    assert "::error file=src/app.py,line=15,title=licensecheck%3A CohereForAI/c4ai-command-r-v01 is forbidden::" in (
        "\n".join(lines)
    )
    assert any(line.startswith("::warning file=") for line in lines)  # conditional Llama


def test_clean_repository_exits_0(fixed_catalog: None) -> None:
    code, doc, _ = scan_json(str(REPOS / "traps"))
    assert code == 0
    assert doc["verdict"] == "allowed" and doc["findings"] == []


def test_empty_repository(tmp_path: Path, fixed_catalog: None) -> None:
    code, doc, _ = scan_json(str(tmp_path))
    assert (code, doc["verdict"], doc["findings"]) == (0, "allowed", [])


def test_missing_path_is_exit_2(tmp_path: Path, fixed_catalog: None) -> None:
    result = run_cli("scan", str(tmp_path / "nope"), "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("licensecheck: error: ") and "nope" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_format_and_use_are_exit_2(fixed_catalog: None) -> None:
    assert run_cli("scan", str(REPOS / "traps"), "--format", "xml").exit_code == 2
    result = run_cli("scan", str(REPOS / "traps"), "--use", "selling")
    assert result.exit_code == 2 and "unknown use" in result.stderr


def test_fail_on_overrides(fixed_catalog: None) -> None:
    code, doc, _ = scan_json(str(REPOS / "forms"), "--fail-on", "needs-permission")
    assert code == 0 and doc["failed"] is False and doc["fail_on"] == ["needs-permission"]


def test_use_option_overrides_default(fixed_catalog: None) -> None:
    code, doc, stderr = scan_json(str(REPOS / "forms"), "--use", "research", "--fail-on", "forbidden")
    assert "checking commercial use" not in stderr
    assert doc["uses"] == ["research"]
    cohere = next(f for f in doc["findings"] if f["model"] == "CohereForAI/c4ai-command-r-v01")
    assert cohere["verdict"] == "allowed"
    assert code == 1  # the Apache-labelled Llama fine-tune card still fails


def test_output_file(tmp_path: Path, fixed_catalog: None) -> None:
    out = tmp_path / "report.md"
    result = run_cli("scan", str(REPOS / "forms"), "--format", "markdown", "--output", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text().startswith("## licensecheck scan")


def test_scan_copies_without_gitignored_models(tmp_path: Path, fixed_catalog: None) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPOS / "traps", repo)
    (repo / ".gitignore").write_text("")  # ignored/ now counts
    code, doc, _ = scan_json(str(repo))
    assert code == 1
    assert [f["model"] for f in doc["findings"]] == ["CohereForAI/c4ai-command-r-v01"]


def test_json_path_does_not_import_rich(fixed_catalog: None) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from licensecheck.cli.app import app\n"
        "try:\n    app(['scan', sys.argv[1], '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "print('rich' in sys.modules, file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(REPOS / "traps")], capture_output=True, text=True, timeout=60
    )
    assert proc.stderr.strip().splitlines()[-1] == "False"


def test_cards_use_the_adapter_beside_them_resolve_relative_bases_and_report_malformed(
    tmp_path: Path, fixed_catalog: None
) -> None:
    (tmp_path / "adapter").mkdir()
    adapter_config = '{"base_model_name_or_path": "meta-llama/Llama-3.1-8B-Instruct"}'
    (tmp_path / "adapter" / "adapter_config.json").write_text(adapter_config)
    (tmp_path / "adapter" / "README.md").write_text("---\nlicense: apache-2.0\nlibrary_name: peft\n---\n")
    (tmp_path / "e").mkdir()
    (tmp_path / "x").mkdir()
    (tmp_path / "e" / "README.md").write_text("---\nlicense: apache-2.0\nbase_model: ../x\n---\n")
    (tmp_path / "x" / "README.md").write_text("---\nlicense: cc-by-nc-4.0\n---\n")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "README.md").write_text("---\nlicense: 42\n---\n")
    code, doc, _ = scan_json(str(tmp_path), "--use", "commercial")
    cards = {f["model"]: f["verdict"] for f in doc["findings"] if f["kind"] == "card"}
    assert cards == {"adapter": "forbidden", "e": "forbidden", "x": "allowed", "broken": "unknown"}
    assert code == 1


@pytest.mark.parametrize(
    "text", ["", ".", "./a", "a//b/", "/x/./y/", "a/../b", "//", "./", "a/./", "../..", "/..", "a\\b"]
)
def test_plain_paths_are_spelled_as_pathlib_spells_them(text: str) -> None:
    from pathlib import PurePosixPath

    from licensecheck.paths import plain_path

    expected = str(PurePosixPath(text))
    if expected.startswith("//"):  # (POSIX keeps a leading double slash; so do we, as one: it names the root)
        expected = "/" + expected.lstrip("/")
    assert plain_path(text) == expected


def test_policy_paths_are_tidy_and_unreadable_inputs_are_errors(
    tmp_path: Path, fixed_catalog: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "train.py").write_text('AutoModel.from_pretrained("org/x-model")\n')
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "pol.yaml").write_text("uses: [commercial]\n")
    monkeypatch.chdir(tmp_path)
    code, doc, _ = scan_json(str(repo), "--policy", "./outside//pol.yaml/")  # trailing slash, ./ and //
    assert code in (0, 1) and doc["policy"]["path"] == "outside/pol.yaml"
    # a policy that exists but cannot be looked at, and a folder that cannot be listed: exit 2, never a silent pass
    (repo / "licensecheck.yaml").write_text("uses: [commercial]\n")
    real_stat, real_scandir = os.stat, os.scandir

    def denied_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).endswith("licensecheck.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", denied_stat)
    result = run_cli("scan", str(repo), "--format", "json")
    assert result.exit_code == 2 and "licensecheck.yaml" in result.stderr and "Permission denied" in result.stderr
    monkeypatch.setattr(os, "stat", real_stat)

    def denied_scandir(path: object) -> object:
        if str(path) == str(repo):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", denied_scandir)
    result = run_cli("scan", str(repo), "--format", "json")
    assert result.exit_code == 2 and "cannot read the folder" in result.stderr


def _card_repo(tmp_path: Path, front_matter: str) -> str:
    card = tmp_path / "repo" / "sub" / "README.md"
    card.parent.mkdir(parents=True)
    card.write_text(f"---\n{front_matter}---\n# a fine-tune\n", encoding="utf-8")
    return str(tmp_path / "repo")


def test_a_card_is_judged_under_the_scan_s_facts(tmp_path: Path) -> None:
    root = _card_repo(tmp_path, "license: llama3.1\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n")
    _, undecided, _ = scan_json(root, "--use", "commercial", "--no-cache")
    code, settled, _ = scan_json(root, "--use", "commercial", "--mau", "1M", "--region", "US", "--no-cache")
    card = next(f for f in settled["findings"] if f["kind"] == "card")
    assert next(f for f in undecided["findings"] if f["kind"] == "card")["verdict"] == "conditional"
    assert card["verdict"] == "allowed" and code == 0


def test_a_card_finding_lists_the_licenses_its_base_passes_on(tmp_path: Path) -> None:
    root = _card_repo(tmp_path, "license: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n")
    _, doc, _ = scan_json(root, "--use", "commercial", "--no-cache")
    card = next(f for f in doc["findings"] if f["kind"] == "card")
    assert card["licenses"] == ["apache-2.0", "llama3.1"] and card["verdict"] == "forbidden"


@pytest.mark.parametrize("base", ["./nonexistent-base", "/nonexistent/base", "~/checkpoints/base"])
def test_a_card_whose_base_path_is_not_there_is_unknown_never_a_pass(tmp_path: Path, base: str) -> None:
    root = _card_repo(tmp_path, f"license: apache-2.0\nbase_model: {base}\n")
    code, doc, _ = scan_json(root, "--use", "commercial", "--no-cache")
    card = next(f for f in doc["findings"] if f["kind"] == "card")
    assert card["verdict"] == "unknown" and code == 1


def test_a_space_readme_lists_the_models_the_space_uses(tmp_path: Path) -> None:
    space = tmp_path / "repo" / "space"
    space.mkdir(parents=True)
    (space / "README.md").write_text(
        "---\ntitle: Demo\nsdk: gradio\nlicense: mit\nmodels:\n  - BAAI/bge-small-en-v1.5\n"
        "  - meta-llama/Llama-3.1-8B-Instruct\n---\n# Demo\n",
        encoding="utf-8",
    )
    _, doc, _ = scan_json(str(tmp_path / "repo"), "--use", "commercial", "--no-cache")
    found = {f["model"]: (f["kind"], f["locations"]) for f in doc["findings"]}
    assert found == {  # (the Space is an app, not a model: no card finding of its own)
        "BAAI/bge-small-en-v1.5": ("model", [{"path": "space/README.md", "line": 6}]),
        "meta-llama/Llama-3.1-8B-Instruct": ("model", [{"path": "space/README.md", "line": 7}]),
    }


def test_each_base_model_of_a_card_is_found_on_its_own_line(tmp_path: Path) -> None:
    root = _card_repo(
        tmp_path,
        "license: llama3.1\nbase_model:\n  - meta-llama/Llama-3.1-8B-Instruct\n  - mistralai/Mistral-7B-v0.1\n",
    )
    _, doc, _ = scan_json(root, "--use", "research", "--no-cache")
    lines = {f["model"]: f["locations"] for f in doc["findings"] if f["kind"] == "model"}
    assert lines == {
        "meta-llama/Llama-3.1-8B-Instruct": [{"path": "sub/README.md", "line": 4}],
        "mistralai/Mistral-7B-v0.1": [{"path": "sub/README.md", "line": 5}],
    }


@pytest.mark.parametrize(
    ("base", "verdict"),
    [("mistralai/Mistral-7B-v0.1", "allowed"), ("meta-llama/Llama-3.1-8B-Instruct", "forbidden")],
)
def test_a_card_labelled_with_an_unencoded_license_is_judged_by_its_base(
    tmp_path: Path, base: str, verdict: str
) -> None:
    # (relicensing asks only the base's terms whether a new label is allowed: the label's own terms never matter)
    root = _card_repo(tmp_path, f"license: cc-by-4.0\nbase_model: {base}\n")
    code, doc, _ = scan_json(root, "--use", "commercial", "--mau", "1M", "--region", "US", "--no-cache")
    card = next(f for f in doc["findings"] if f["kind"] == "card")
    assert card["verdict"] == verdict and code == (0 if verdict == "allowed" else 1)


def test_a_card_labelled_with_a_string_nobody_recognises_stays_unknown(tmp_path: Path) -> None:
    root = _card_repo(tmp_path, "license: my-own-terms\nbase_model: mistralai/Mistral-7B-v0.1\n")
    _, doc, _ = scan_json(root, "--use", "commercial", "--no-cache")
    assert next(f for f in doc["findings"] if f["kind"] == "card")["verdict"] == "unknown"


def test_a_license_file_beside_a_card_declares_its_license(tmp_path: Path) -> None:
    # (as for `licensecheck model FOLDER`: a Llama fine-tune shipped with an Apache LICENSE is relabelled)
    root = _card_repo(tmp_path, "base_model: meta-llama/Llama-3.1-8B-Instruct\n")
    card_folder = next(Path(root).rglob("README.md")).parent
    (card_folder / "LICENSE").write_text("Apache License 2.0\n")
    code, doc, _ = scan_json(root, "--use", "commercial", "--mau", "1M", "--region", "US", "--no-cache")
    card = next(f for f in doc["findings"] if f["kind"] == "card")
    assert card["licenses"] == ["apache-2.0", "llama3.1"] and card["verdict"] == "forbidden" and code == 1
    (card_folder / "LICENSE").write_bytes(b"\x7fELF\x00\x01")
    code, doc, _ = scan_json(root, "--use", "commercial", "--mau", "1M", "--region", "US", "--no-cache")
    card = next(f for f in doc["findings"] if f["kind"] == "card")
    assert card["verdict"] == "allowed" and any("binary" in w for w in card["warnings"])


def test_a_card_saved_as_utf16_is_checked(tmp_path: Path) -> None:
    card = tmp_path / "repo" / "ft" / "README.md"
    card.parent.mkdir(parents=True)
    card.write_bytes("---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n---\n".encode("utf-16"))
    code, doc, _ = scan_json(str(tmp_path / "repo"), "--use", "commercial", "--no-cache")
    finding = next(f for f in doc["findings"] if f["kind"] == "card")
    assert finding["verdict"] == "forbidden" and code == 1


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_report_written_into_the_tree_is_not_read_by_the_next_scan(tmp_path: Path, fmt: str) -> None:
    """`scan . -o report.json` in CI: the next scan must not find the models of the last report in it (a model
    taken out of the code kept failing the build, from the report)."""
    (tmp_path / "licensecheck.yaml").write_text("uses: [commercial]\n")
    code = tmp_path / "a.py"
    code.write_text('from transformers import AutoModel\nAutoModel.from_pretrained("CohereForAI/c4ai-command-r-v01")\n')
    out = tmp_path / f"report.{fmt}.json"
    first = run_cli("scan", str(tmp_path), "--format", fmt, "--output", str(out), "--no-cache")
    assert first.exit_code == 1
    code.write_text('from transformers import AutoModel\nAutoModel.from_pretrained("microsoft/phi-2")\n')
    second = run_cli("scan", str(tmp_path), "--format", fmt, "--output", str(out), "--no-cache")
    assert second.exit_code == 0, out.read_text()[:2000]
    # a report left in the tree from an earlier run (not this run's --output) is known by its schema
    if fmt == "json":
        _, doc, _ = scan_json(str(tmp_path), "--no-cache")
        assert [f["model"] for f in doc["findings"]] == ["microsoft/phi-2"]


def test_policy_details_from_a_red_team_pass(tmp_path: Path, fixed_catalog: None) -> None:
    # an impossible date in an ignore entry: exit 2 naming the file and line
    (tmp_path / "licensecheck.yaml").write_text(
        "uses: [commercial]\nignore:\n  - model: x/y\n    reason: ok\n    until: 2027-13-45\n"
    )
    result = run_cli("scan", str(tmp_path), "--no-cache")
    assert result.exit_code == 2 and "licensecheck.yaml:5:" in result.stderr
    # a file name with a backtick stays one code span in the Markdown table
    (tmp_path / "licensecheck.yaml").write_text("uses: [commercial]\n")
    (tmp_path / "c`d.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("microsoft/phi-2")\n'
    )
    markdown = run_cli("scan", str(tmp_path), "--format", "markdown", "--no-cache").stdout
    assert "`` c`d.py:2 ``" in markdown


def test_an_ignore_entry_under_the_organisations_new_name_matches(tmp_path: Path) -> None:
    """`CohereLabs/…` is the catalog's `CohereForAI/…` (the organisation renamed): the entry matches its finding."""
    (tmp_path / "licensecheck.yaml").write_text(
        "uses: [commercial]\nignore:\n  - {model: CohereLabs/c4ai-command-r-v01, reason: approved}\n"
    )
    (tmp_path / "a.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("CohereForAI/c4ai-command-r-v01")\n'
    )
    code, doc, _ = scan_json(str(tmp_path), "--no-cache")
    assert code == 0 and doc["findings"][0]["policy"]["ignored"]["reason"] == "approved"


def test_a_policy_fail_on_looks_at_every_uses_verdict(tmp_path: Path) -> None:
    (tmp_path / "licensecheck.yaml").write_text("uses: [commercial, large-user-base]\nfail-on: [conditional]\n")
    (tmp_path / "a.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")\n'
    )
    code, doc, _ = scan_json(str(tmp_path), "--no-cache")
    assert code == 1 and doc["failed"]
