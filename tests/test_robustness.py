"""Robustness of `licensecheck model` and `licensecheck license`: bad input never crashes, nothing read can hurt.

Every malformed input is one line on stderr naming the file (and line when known) and exit 2, or an honest
`unknown` (exit 1); never a traceback, never a hang, never a silent `allowed`. Inputs are built in ``tmp_path``.
Tests marked ``xfail(strict=True)`` document bugs that are reported, not fixed here.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from licensecheck.cli import app as app_module
from licensecheck.cli.app import app

BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
)
DEEP_FLOW = "x: " + "[" * 2000 + "]" * 2000 + "\n"
DEEP_BLOCK = "".join("  " * i + f"k{i}:\n" for i in range(100))
ONE_GIB = 1 << 30


# --------------------------------------------------------------------------------------------------- helpers


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """No test in this file may open a connection or resolve a name (nothing here passes --online)."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise NetworkAttempt(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def assert_input_error(result: Result, *needles: str) -> str:
    """Exit 2, nothing on stdout (so never a silent `allowed`), exactly one line on stderr naming the input."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    line = result.stderr.strip()
    assert line and "\n" not in line, result.stderr
    assert line.startswith("licensecheck: error: "), line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def model_json(*args: str | Path) -> tuple[int, dict[str, Any]]:
    result = run("model", *args, "--format", "json")
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    return result.exit_code, json.loads(result.stdout)


def assert_unknown(*args: str | Path) -> dict[str, Any]:
    code, doc = model_json(*args, "--use", "commercial")
    assert code == 1 and doc["verdict"] == "unknown", doc
    # The text renderer must cope with the same input.
    text = run("model", *args, "--use", "commercial")
    assert text.exit_code == 1 and "UNKNOWN" in text.stdout
    return doc


def folder(root: Path, files: dict[str, str | bytes], name: str = "model") -> Path:
    target = root / name
    target.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return target


def card(front_matter: str) -> str:
    return f"---\n{front_matter}---\n# A model\n"


def sparse(path: Path, size: int = ONE_GIB) -> Path:
    with path.open("wb") as handle:
        handle.seek(size)
        handle.write(b"x")
    return path


# ----------------------------------------------------------------------------- malformed model folders: exit 2

MALFORMED = {
    "yaml-syntax": ({"README.md": card("license: [apache-2.0\n")}, "README.md", 2, "invalid model card"),
    "front-matter-list": ({"README.md": card("- a\n- b\n")}, "README.md", 1, "mapping"),
    "front-matter-scalar": ({"README.md": card("just words\n")}, "README.md", 1, "mapping"),
    "license-int": ({"README.md": card("license: 42\n")}, "README.md", 2, "'license'"),
    "license-bool": ({"README.md": card("license: yes\n")}, "README.md", 2, "'license'"),
    "license-mixed-list": ({"README.md": card("license: [mit, 5]\n")}, "README.md", 2, "'license'"),
    "base-model-dict": ({"README.md": card("license: mit\nbase_model: {a: 1}\n")}, "README.md", 3, "'base_model'"),
    "tags-int": ({"README.md": card("license: mit\ntags: 5\n")}, "README.md", 3, "'tags'"),
    "license-name-list": (
        {"README.md": card("license: other\nlicense_name: [a]\n")},
        "README.md",
        3,
        "'license_name'",
    ),
    "pipeline-tag-list": ({"README.md": card("license: mit\npipeline_tag: [a]\n")}, "README.md", 3, "pipeline_tag"),
    "unterminated": ({"README.md": "---\nlicense: mit\n# no closing fence\n"}, "README.md", 1, "never closed"),
    "alias-bomb": ({"README.md": card(BOMB + "license: mit\n")}, "README.md", None, "aliases"),
    "deep-flow": ({"README.md": card("license: mit\n" + DEEP_FLOW)}, "README.md", None, "nested deeper"),
    "deep-block": ({"README.md": card("license: mit\n" + DEEP_BLOCK)}, "README.md", None, "nested deeper"),
    "python-tag": (
        {"README.md": card("license: !!python/object/apply:os.system ['echo pwned']\n")},
        "README.md",
        2,
        "invalid model card",
    ),
    "unhashable-key": ({"README.md": card("? [a, b]\n: 1\nlicense: mit\n")}, "README.md", None, "invalid model card"),
    "binary-readme": ({"README.md": b"---\nlicense: mit\n---\n\x00\x01\x02"}, "README.md", None, "binary"),
    "latin1-readme": ({"README.md": "---\nlicense: mit\n---\ncaf\xe9\n".encode("latin-1")}, "README.md", None, "UTF-8"),
    "binary-license": ({"LICENSE": b"\x7fELF\x00\x00\x01"}, "LICENSE", None, "binary"),
    "latin1-license": ({"LICENSE": "MIT License caf\xe9\n".encode("latin-1")}, "LICENSE", None, "UTF-8"),
    "adapter-not-json": ({"adapter_config.json": "{nope"}, "adapter_config.json", None, "JSON"),
    "adapter-json-list": ({"adapter_config.json": "[1, 2, 3]"}, "adapter_config.json", None, "JSON object"),
    "adapter-base-int": (
        {"adapter_config.json": '{"base_model_name_or_path": 5}'},
        "adapter_config.json",
        None,
        "base_model_name_or_path",
    ),
    "adapter-deep": (
        {"adapter_config.json": '{"base_model_name_or_path": "x/y", "a": ' + "[" * 5000 + "]" * 5000 + "}"},
        "adapter_config.json",
        None,
        "nested too deeply",
    ),
    "control-character": ({"README.md": card("license: mit\x1b[0m\n")}, "README.md", 2, "unacceptable character"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_folder_is_one_line_naming_file_and_line(tmp_path: Path, case: str) -> None:
    files, culprit, line, message = MALFORMED[case]
    model = folder(tmp_path, files)
    where = f"{model / culprit}:{line}:" if line else f"{model / culprit}"
    for fmt in ("json", "text"):
        assert_input_error(run("model", model, "--format", fmt), where, message)


def test_card_file_given_directly_is_checked_the_same_way(tmp_path: Path) -> None:
    model = folder(tmp_path, {"MODEL_CARD.md": card("license: 42\n")})
    assert_input_error(run("model", model / "MODEL_CARD.md"), f"{model / 'MODEL_CARD.md'}:2:", "'license'")


@pytest.mark.parametrize("name", ["README.md", "LICENSE", "adapter_config.json"])
def test_one_gib_sparse_file_is_refused_without_reading_it(tmp_path: Path, name: str) -> None:
    model = folder(tmp_path, {})
    sparse(model / name)
    assert_input_error(run("model", model, "--format", "json"), str(model / name), "not read")


# ------------------------------------------------------------------------- uninformative input: honest unknown


@pytest.mark.parametrize(
    "files",
    [
        {"README.md": ""},
        {"LICENSE": ""},
        {"README.md": "---\n---\n"},
        {"README.md": "# just prose, no front matter\n"},
        {"README.md": card("license: other\n")},
        {"README.md": card("license: unknown\nlicense_link: https://example.invalid/terms\n")},
        {"adapter_config.json": "{}"},
        {"README.md/inner.txt": "README.md is a directory here"},
        {"LICENSE/inner.txt": "LICENSE is a directory here"},
        {},
    ],
    ids=[
        "empty-readme",
        "empty-license",
        "empty-front-matter",
        "no-front-matter",
        "license-other-only",
        "license-unknown-with-link",
        "adapter-empty-object",
        "readme-is-directory",
        "license-is-directory",
        "empty-folder",
    ],
)
def test_uninformative_folder_is_an_honest_unknown(tmp_path: Path, files: dict[str, str]) -> None:
    doc = assert_unknown(folder(tmp_path, files))
    # `license: other` (or `unknown`) with nothing naming it: a license of its own whose terms are unknown
    placeholder = "README.md" in files and "license:" in files["README.md"]
    assert doc["licenses"] == (["other"] if placeholder else [])


@pytest.mark.parametrize("word", ["other", "custom", "unknown", "Other"])
def test_license_other_with_nothing_naming_it_is_not_dropped_for_the_base(tmp_path: Path, word: str) -> None:
    """A fine-tune whose card says `license: other` has terms of its own: its permissive-looking base does not
    decide alone (as with a `license_name` nobody recognises)."""
    base = "mistralai/Mistral-7B-v0.1"
    _, doc = model_json(
        folder(tmp_path, {"README.md": card(f"license: {word}\nbase_model: {base}\n")}), "--use", "commercial"
    )
    assert doc["verdict"] == "unknown"
    assert doc["licenses"] == ["other", "apache-2.0"]
    other = [r for r in doc["results"] if r["license"] == "other"]
    assert other and "without naming the license" in other[0]["reason"]
    assert not any("does not let derivatives carry other terms" in w for w in doc["warnings"])


def test_license_other_settled_by_a_license_file(tmp_path: Path) -> None:
    files = {"README.md": card("license: other\n"), "LICENSE": "Apache License\nVersion 2.0, January 2004\n"}
    _, doc = model_json(folder(tmp_path, files), "--use", "commercial")
    assert doc["verdict"] == "allowed" and doc["licenses"] == ["apache-2.0"]


def test_license_other_with_a_base_that_forbids_stays_forbidden(tmp_path: Path) -> None:
    files = {"README.md": card("license: other\nbase_model: CohereForAI/c4ai-command-r-v01\n")}
    _, doc = model_json(folder(tmp_path, files), "--use", "commercial")
    assert doc["verdict"] == "forbidden"


def test_unknown_license_on_a_card_is_unknown_naming_it(tmp_path: Path) -> None:
    doc = assert_unknown(folder(tmp_path, {"README.md": card("license: wtfpl-9\n")}))
    assert doc["licenses"] == ["wtfpl-9"]
    assert all(r["license"] == "wtfpl-9" and "wtfpl-9" in r["reason"] for r in doc["results"])


def test_unknown_license_is_not_called_recognised(tmp_path: Path) -> None:
    _, doc = model_json(folder(tmp_path, {"README.md": card("license: wtfpl-9\n")}), "--use", "commercial")
    assert "recognised but" not in doc["results"][0]["reason"]


def test_duplicate_license_key_is_not_silently_resolved(tmp_path: Path) -> None:
    model = folder(tmp_path, {"README.md": card("license: cc-by-nc-4.0\nlicense: mit\n")})
    assert_input_error(run("model", model, "--use", "commercial"), f"{model / 'README.md'}:3:", "license")


# --------------------------------------------------------------------------------------------------- symlinks


def test_readme_symlinked_to_itself_is_unknown(tmp_path: Path) -> None:
    model = folder(tmp_path, {})
    (model / "README.md").symlink_to("README.md")
    (model / "LICENSE").symlink_to("LICENSE")
    assert_unknown(model)


def test_model_path_that_is_a_symlink_loop_is_an_input_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    assert_input_error(run("model", loop), str(loop))


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="needs /etc/passwd")
def test_readme_symlinked_outside_the_folder_is_read_but_not_echoed(tmp_path: Path) -> None:
    """Symlinks are followed (Hugging Face cache snapshots link README.md into ../../blobs), sizes still capped."""
    model = folder(tmp_path, {})
    (model / "README.md").symlink_to("/etc/passwd")
    (model / "LICENSE").symlink_to("/etc/passwd")
    doc = assert_unknown(model)
    assert "root:" not in json.dumps(doc)


def test_fifo_readme_does_not_hang(tmp_path: Path) -> None:
    model = folder(tmp_path, {})
    os.mkfifo(model / "README.md")
    assert_unknown(model)
    assert_input_error(run("model", model / "README.md"), str(model / "README.md"))


def test_license_validate_on_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "terms.yaml"
    os.mkfifo(fifo)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "licensecheck", "license", "validate", str(fifo)],
            capture_output=True,
            text=True,
            timeout=2,
            cwd=tmp_path,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("license validate hung on a FIFO")
    assert done.returncode == 2 and str(fifo) in done.stderr


# ------------------------------------------------------------------------------------------ unreadable inputs


def _deny(monkeypatch: pytest.MonkeyPatch, method: str, under: Path) -> None:
    """Running as root, chmod 000 does not stop a read: make ``Path.<method>`` raise EACCES below ``under``."""
    original = getattr(Path, method)

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if str(self).startswith(f"{under}{os.sep}"):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, denied)
    if method == "open":  # text files are opened with the builtin (the package does not import pathlib to read)
        import builtins

        import licensecheck.textfile

        builtin_open = builtins.open

        def denied_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file).startswith(f"{under}{os.sep}"):
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return builtin_open(file, *args, **kwargs)

        monkeypatch.setattr(licensecheck.textfile, "open", denied_open, raising=False)


@pytest.mark.parametrize(
    ("name", "content"),
    [("README.md", card("license: mit\n")), ("LICENSE", "MIT License\n"), ("adapter_config.json", "{}")],
)
def test_unreadable_file_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str
) -> None:
    model = folder(tmp_path, {name: content})
    _deny(monkeypatch, "open", model)
    assert_input_error(run("model", model, "--format", "json"), str(model / name), "Permission denied")


def test_unreadable_license_file_for_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terms = tmp_path / "terms" / "mine.yaml"
    terms.parent.mkdir()
    terms.write_text("id: mine\n")
    _deny(monkeypatch, "open", terms.parent)
    assert_input_error(run("license", "validate", terms), str(terms), "Permission denied")


def test_unreadable_folder_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = folder(tmp_path, {"README.md": card("license: mit\n")})
    _deny(monkeypatch, "stat", model)
    assert_input_error(CliRunner().invoke(app, ["model", str(model)]), str(model))


def test_unreadable_folder_through_the_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    model = folder(tmp_path, {"README.md": card("license: mit\n")})
    _deny(monkeypatch, "stat", model)
    monkeypatch.setattr(sys, "argv", ["licensecheck", "model", str(model), "--format", "json"])
    with pytest.raises(SystemExit) as exited:
        app_module.main()
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert exited.value.code == 2, err


# --------------------------------------------------------------------------------------------- paths as MODEL


@pytest.mark.parametrize("spec", ["./nope", "../nope/deeper", "/nonexistent/licensecheck/model", "~/nope-xyz"])
def test_path_that_does_not_exist_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert_input_error(run("model", spec), spec)


@pytest.mark.parametrize("spec", ["", "   "])
def test_empty_model_is_an_input_error(spec: str) -> None:
    assert_input_error(run("model", spec), "empty")


@pytest.mark.parametrize("spec", [".", "~"])
def test_model_dot_and_tilde_are_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec: str) -> None:
    empty = folder(tmp_path, {}, name="home")
    monkeypatch.chdir(empty)
    monkeypatch.setenv("HOME", str(empty))
    assert_unknown(spec)
    (empty / "README.md").write_text(card("license: mit\n"))
    code, doc = model_json(spec, "--use", "commercial")
    assert (code, doc["licenses"]) == (0, ["mit"])


def test_unknown_hub_id_is_unknown_without_network(no_network: list[Any]) -> None:
    result = run("model", "nobody-xyz/not-a-real-model", "--use", "commercial", "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["verdict"] == "unknown"
    assert "--online" in result.stderr
    assert no_network == []


# ---------------------------------------------------------------------------------------------------- lineage


def test_base_model_cycle_between_two_folders_is_cut(tmp_path: Path) -> None:
    folder(tmp_path, {"README.md": card("license: mit\nbase_model: ../b\n")}, name="a")
    folder(tmp_path, {"README.md": card("license: mit\nbase_model: ../a\n")}, name="b")
    code, doc = model_json(tmp_path / "a", "--use", "commercial")
    assert code == 0 and [s["model"] for s in doc["lineage"]] == [str(tmp_path / "a"), "../b"]
    assert any("cycle" in w for w in doc["warnings"])


def test_self_referencing_base_is_cut(tmp_path: Path) -> None:
    model = folder(tmp_path, {"README.md": card("base_model: ./\n")})
    doc = assert_unknown(model)
    assert any("cycle" in w for w in doc["warnings"])


def test_base_model_dot_is_relative_to_the_card_not_the_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "README.md").write_text(card("license: apache-2.0\n"))
    model = folder(tmp_path, {"README.md": card("base_model: .\n")}, name="sub/model")
    monkeypatch.chdir(tmp_path)
    code, doc = model_json("./sub/model", "--use", "commercial")
    assert "apache-2.0" not in doc["licenses"], "inherited the license of the folder the user ran from"
    assert code == 1 and doc["verdict"] == "unknown"
    assert model.is_dir()


def test_fifty_deep_chain_stops_at_eight_with_a_warning(tmp_path: Path) -> None:
    for i in range(50):
        text = card(f"license: mit\nbase_model: ../m{i + 1}\n") if i < 49 else card("license: llama3.1\n")
        folder(tmp_path, {"README.md": text}, name=f"m{i}")
    code, doc = model_json(tmp_path / "m0", "--use", "commercial")
    assert max(step["depth"] for step in doc["lineage"]) == 8
    assert any("deeper than 8" in w for w in doc["warnings"])
    assert code in (0, 1)


def test_adapter_only_folder_pointing_at_itself(tmp_path: Path) -> None:
    model = folder(tmp_path, {"adapter_config.json": '{"base_model_name_or_path": "./"}'})
    assert_unknown(model)


# -------------------------------------------------------------------------------------------- option values


@pytest.mark.parametrize("mau", ["-5", "1e400", "lots", "NaN", "inf", "", "1.5", "0x10", "1e-5", "7e+800", "١٢"])
def test_bad_mau_is_a_usage_error(mau: str) -> None:
    assert_input_error(run("model", "--license", "llama3.1", "--use", "large-user-base", "--mau", mau), "--mau")


@pytest.mark.parametrize(("mau", "verdict"), [("1_000", "allowed"), ("7e8", "allowed"), ("700M", "allowed")])
def test_odd_but_valid_mau(mau: str, verdict: str) -> None:
    code, doc = model_json("--license", "llama3.1", "--use", "large-user-base", "--mau", mau)
    assert doc["verdict"] == verdict and code == 0


def test_mau_with_misplaced_commas_is_refused() -> None:
    assert_input_error(run("model", "--license", "llama3.1", "--use", "large-user-base", "--mau", "1,2,3"), "--mau")


@pytest.mark.parametrize("region", ["EEA", "XX", "", "\x00", "Europe"])
def test_unknown_region_is_a_usage_error(region: str) -> None:
    assert_input_error(run("model", "--license", "llama3.2", "--region", region), "--region")


@pytest.mark.parametrize(
    "args",
    [
        ["model", "--license", "mit", "--use", "teleport"],
        ["model", "--license", "wtfpl-9"],
        ["model", "--license", ""],
        ["model", "--license", "mit", "--format", "yaml"],
        ["model", "--license", "mit", "--format", ""],
        ["model", "--license", "mit", "--fail-on", "bogus"],
        ["model", "--license", "llama3.1", "--use", "relicensing", "--target", "wtfpl-9"],
        ["model", "--license", "llama3.1", "--use", "distillation", "--target", ""],
        ["model", "--license", "mit", "some/model"],
        ["model"],
        ["license", "show", "wtfpl-9"],
        ["license", "show", ""],
        ["license", "show", "mit", "--format", "pdf"],
        ["license", "compare", "mit", "wtfpl-9"],
        ["license", "compare", "mit", "MIT"],
        ["license", "list", "--format", "xml"],
    ],
)
def test_unknown_uses_licenses_and_formats_are_usage_errors(args: list[str]) -> None:
    assert_input_error(run(*args))


def test_distillation_target_that_does_not_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("model", "--license", "llama3.1", "--use", "distillation", "--target", "./nope", "--format", "json")
    assert_input_error(result, "./nope")


def test_malformed_distillation_target_folder(tmp_path: Path) -> None:
    student = folder(tmp_path, {"README.md": card("license: 42\n")}, name="student")
    result = run("model", "--license", "llama3.1", "--use", "distillation", "--target", student)
    assert_input_error(result, f"{student / 'README.md'}:2:")


@pytest.mark.parametrize(
    "args",
    [
        ["model", "--license", "mit", "--format", "json"],
        ["license", "show", "mit"],
        ["license", "list", "--format", "markdown"],
        ["license", "compare", "mit", "apache-2.0"],
    ],
)
def test_output_into_a_missing_directory(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "missing" / "report.out"
    assert_input_error(run(*args, "--output", out), str(out))
    assert_input_error(run(*args, "--output", tmp_path), str(tmp_path))
    assert not out.parent.exists()


# ----------------------------------------------------------------------------------------- license validate


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("id: broken\nname: [unclosed\n", 3, "invalid license file"),
        ("id: broken\n\tname: tab\n", 2, "invalid license file"),
        ("- a\n- b\n", 1, "mapping"),
        ("just a scalar\n", 1, "mapping"),
        ("", 1, "mapping"),
        (BOMB, None, "aliases"),
        ("id: deep\n" + DEEP_FLOW, None, "nested deeper"),
        ("id: !!python/object/apply:os.system ['echo pwned']\n", 1, "invalid license file"),
        ("a: &a x\nb: [" + ", ".join(["*a"] * 1500) + "]\n", None, "aliases"),
        ("id: 42\nname: [a]\nuses: 5\n", 1, "required property"),
    ],
    ids=["syntax", "tab", "list", "scalar", "empty", "bomb", "deep", "python-tag", "many-aliases", "wrong-types"],
)
def test_invalid_license_file_exits_1_naming_file_and_line(
    tmp_path: Path, text: str, line: int | None, message: str
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text)
    where = f"{path}:{line}:" if line else f"{path}:"
    result = run("license", "validate", path)
    assert result.exit_code == 1, result.stderr
    assert where in result.stdout and message in result.stdout
    result = run("license", "validate", path, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["files"][0]["valid"] is False
    assert any(p.startswith(where) and message in p for p in doc["files"][0]["problems"])


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"id: x\n\x00\x01", "binary"), ("id: caf\xe9\n".encode("latin-1"), "UTF-8")],
    ids=["binary", "latin1"],
)
def test_license_file_that_is_not_text_is_an_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_bytes(content)
    assert_input_error(run("license", "validate", path), str(path), message)


def test_license_validate_missing_file_directory_and_huge_file(tmp_path: Path) -> None:
    assert_input_error(run("license", "validate", tmp_path / "nope.yaml"), str(tmp_path / "nope.yaml"))
    assert_input_error(run("license", "validate", tmp_path), str(tmp_path), "directory")
    huge = sparse(tmp_path / "huge.yaml")
    assert_input_error(run("license", "validate", huge), str(huge), "not read")


# -------------------------------------------------------------------------------- nothing read can hurt the user


class _Exec:
    """Unpickling this runs ``code``: a stand-in for a malicious checkpoint."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (exec, (self.code,))


def hostile_folder(root: Path, marker: Path) -> Path:
    payload = f"open({str(marker)!r}, 'w').write('executed')\n"
    model = folder(
        root,
        {
            "README.md": card("license: mit\n"),
            "modeling_robustness_evil.py": payload,
            "__init__.py": payload,
            "setup.py": payload,
            "config.json": json.dumps({"auto_map": {"AutoModel": "modeling_robustness_evil.Evil"}}),
            "adapter_config.json": json.dumps({"base_model_name_or_path": None, "auto_map": {"x": "y"}}),
        },
    )
    # A pickle whose unpickling would create the marker.
    pickled = pickle.dumps(_Exec(payload))
    (model / "pytorch_model.bin").write_bytes(pickled)
    (model / "training_args.bin").write_bytes(pickled)
    return model


def test_nothing_in_a_model_folder_is_executed_or_imported(tmp_path: Path, no_network: list[Any]) -> None:
    marker = tmp_path / "EXECUTED"
    model = hostile_folder(tmp_path, marker)
    for fmt in ("json", "text", "markdown"):
        result = run("model", model, "--format", fmt)
        assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert "modeling_robustness_evil" not in sys.modules
    assert no_network == []


def test_no_network_for_any_offline_command(tmp_path: Path, no_network: list[Any]) -> None:
    model = folder(tmp_path, {"README.md": card("license: other\nlicense_link: https://example.com/x\n")})
    commands = [
        ["model", "meta-llama/Llama-3.1-8B-Instruct", "--format", "json"],
        ["model", "someone-xyz/unknown-model", "--format", "json"],
        ["model", str(model), "--format", "json"],
        ["model", "--license", "llama3.1", "--use", "distillation", "--target", "other-xyz/student"],
        ["license", "list", "--format", "json"],
        ["license", "show", "llama3.1"],
        ["license", "compare", "llama3.1", "gemma"],
    ]
    for args in commands:
        result = run(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
    assert no_network == []


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_terminal_escapes_from_a_card_are_not_printed(tmp_path: Path, fmt: str) -> None:
    model = folder(tmp_path, {"README.md": card('license: "evil\\e]0;owned\\a\\e[2J"\nbase_model: "o/\\e[5mx"\n')})
    result = run("model", model, "--use", "commercial", "--format", fmt)
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


# -------------------------------------------------------------------------- the real entry point, in a process


def cli_process(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "licensecheck", *[str(a) for a in args]],
        capture_output=True,
        text=True,
        timeout=20,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode != 3, done.stderr
    return done


def test_entry_point_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = folder(tmp_path, {"README.md": card("license: 42\nbase_model: {a: 1}\n")}, name="bad")
    bomb = folder(tmp_path, {"README.md": card(BOMB)}, name="bomb")
    big = folder(tmp_path, {}, name="big")
    sparse(big / "LICENSE")
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nname: [\n")
    cases: list[tuple[list[str | Path], int]] = [
        (["model", bad], 2),
        (["model", bomb], 2),
        (["model", big], 2),
        (["model", "./nope"], 2),
        (["model", "--license", "llama3.1", "--mau", "lots"], 2),
        (["model", "--license", "llama3.1", "--region", "EEA"], 2),
        (["model", "--license", "mit", "--output", tmp_path / "no" / "such.txt"], 2),
        (["license", "validate", broken], 1),
        (["license", "validate", tmp_path / "nope.yaml"], 2),
    ]
    for args, code in cases:
        done = cli_process(tmp_path, *args)
        assert done.returncode == code, (args, done.returncode, done.stderr)
        if code == 2:
            assert done.stdout == "" and done.stderr.count("\n") == 1, (args, done.stderr)
            assert done.stderr.startswith("licensecheck: error: "), done.stderr


@pytest.mark.parametrize("args", [["model", "--bogus"], ["license", "validate"]])
def test_entry_point_usage_errors_are_one_line(tmp_path: Path, args: list[str]) -> None:
    done = cli_process(tmp_path, *args)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0, done.stderr


def test_entry_point_runs_hostile_folder_without_executing_it(tmp_path: Path) -> None:
    marker = tmp_path / "EXECUTED"
    model = hostile_folder(tmp_path, marker)
    done = cli_process(tmp_path, "model", model, "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["licenses"] == ["mit"]
    assert not marker.exists()


@pytest.mark.parametrize("spec", ["~no-such-user-here/model", "~no-such-user-here"])
def test_a_home_folder_of_no_such_user_is_an_input_error(spec: str) -> None:
    assert_input_error(run("model", spec, "--use", "commercial"), spec)
    assert_input_error(run("model", "--license", "llama3", "--use", "distillation", "--target", spec), spec)


@pytest.mark.parametrize(
    "spec",
    [
        "meta-llama/Llama-3.1-8B-Instruct,google/gemma-2-9b-it",
        "meta-llama/Llama-3.1-8B-Instruct garbage",
        "meta-llama/Llama-3.1-8B-Instruct\nfoo",
        "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF extra",
        "meta-llama//Llama-3.1-8B",
    ],
)
def test_two_ids_run_together_or_an_id_with_words_after_it_is_unknown(spec: str) -> None:
    """A family pattern or a name match answers only for something shaped like one Hub id."""
    code, doc = model_json(spec, "--use", "commercial", "--mau", "1M")
    assert code == 1 and doc["verdict"] == "unknown" and doc["licenses"] == []


@pytest.mark.parametrize(
    ("spec", "model", "license_id"),
    [
        ("llama-3.1-8b-instruct", "meta-llama/Llama-3.1-8B-Instruct", "llama3.1"),
        ("Meta-Llama-3-8B-Instruct", "meta-llama/Meta-Llama-3-8B-Instruct", "llama3"),
        ("gemma-2-9b-it", "google/gemma-2-9b-it", "gemma"),
        ("Mistral-7B-Instruct-v0.3", "mistralai/Mistral-7B-Instruct-v0.3", "apache-2.0"),
    ],
)
def test_a_catalog_model_named_without_its_organisation(spec: str, model: str, license_id: str) -> None:
    _, doc = model_json(spec, "--use", "commercial", "--mau", "1M")
    assert doc["model"] == model and license_id in doc["licenses"]


def test_a_name_match_says_so_in_its_warnings() -> None:
    _, doc = model_json("someuser/Meta-Llama-3-8B-Instruct", "--use", "commercial", "--mau", "1M")
    assert doc["licenses"] == ["llama3"]
    assert any("not in the catalog" in w and "meta-llama/Meta-Llama-3-8B-Instruct" in w for w in doc["warnings"])
    _, doc = model_json("meta-llama/Meta-Llama-3-8B-Instruct", "--use", "commercial", "--mau", "1M")
    assert not any("not in the catalog" in w for w in doc["warnings"])


LLAMA2_BASE = "meta-llama/Llama-2-7b-hf"


@pytest.mark.parametrize(
    ("front_matter", "verdict"),
    [
        (f"license: apache-2.0\nbase_model: {LLAMA2_BASE}\n", "forbidden"),  # a Llama fine-tune labelled Apache
        (f"license: llama2\nbase_model: {LLAMA2_BASE}\n", "conditional"),  # its base's own license: no new target
        ("license: mit\nbase_model: mistralai/Mistral-7B-v0.1\n", "allowed"),  # Apache lets derivatives change
        ("license: apache-2.0\n", "allowed"),  # no base: nothing relicensed
    ],
)
def test_relicensing_with_no_target_judges_the_license_the_folder_declares(front_matter: str, verdict: str) -> None:
    """`model ./my-finetune --use relicensing`: may I release it under the license its card gives it? (what `scan`
    asks of a card in a repository)."""
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        path = folder(Path(root), {"README.md": card(front_matter)})
        _, doc = model_json(path, "--use", "relicensing", "--mau", "1M")
        assert doc["verdict"] == verdict, doc["results"]
        if "llama2" in doc["licenses"]:  # an explicit --target still decides: releasing it under llama2 is fine
            _, given = model_json(path, "--use", "relicensing", "--mau", "1M", "--target", "llama2")
            assert given["verdict"] == "allowed"


@pytest.mark.parametrize(
    ("files", "verdict"),
    [
        ({"LICENSE": "Apache License\nVersion 2.0, January 2004\n"}, "forbidden"),
        ({"README.md": card("license: mit\n")}, "forbidden"),
        ({"README.md": card("license: llama3.1\n")}, "allowed"),
        ({"README.md": card(f"license: apache-2.0\nbase_model: {LLAMA2_BASE}\n")}, "forbidden"),
    ],
)
def test_a_relicensing_target_may_be_a_folder_or_license_file(
    tmp_path: Path, files: dict[str, str], verdict: str
) -> None:
    target = folder(tmp_path, files)
    _, doc = model_json("--license", "llama3.1", "--mau", "1M", "--use", "relicensing", "--target", target)
    assert doc["verdict"] == verdict
    if "LICENSE" in files:
        _, doc = model_json(
            "--license", "llama3.1", "--mau", "1M", "--use", "relicensing", "--target", target / "LICENSE"
        )
        assert doc["verdict"] == verdict


def test_a_relicensing_target_path_that_names_no_license_is_a_usage_error(tmp_path: Path) -> None:
    target = folder(tmp_path, {"README.md": card("license: other\n")})
    result = run("model", "--license", "llama3.1", "--use", "relicensing", "--target", target)
    assert_input_error(result, "declares no license")
    assert_input_error(run("model", "--license", "mit", "--use", "relicensing", "--target", tmp_path / "x"), "x")


def test_a_tab_after_a_colon_is_read_as_the_hub_reads_it(tmp_path: Path) -> None:
    _, doc = model_json(folder(tmp_path, {"README.md": card("license:\tcc-by-nc-4.0\n")}), "--use", "commercial")
    assert doc["verdict"] == "forbidden" and doc["licenses"] == ["cc-by-nc-4.0"]
    indented = folder(tmp_path, {"README.md": card("license: mit\n\tbase_model: x\n")}, name="indented")
    assert_input_error(run("model", indented, "--use", "commercial"), "README.md:3", "'\\t'")


@pytest.mark.parametrize(
    ("spec", "model"),
    [
        ("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/tree/main", "meta-llama/Llama-3.1-8B-Instruct"),
        (
            "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/LICENSE",
            "meta-llama/Llama-3.1-8B-Instruct",
        ),
        ("hf.co/google/gemma-2-9b-it/discussions/3", "google/gemma-2-9b-it"),
        ("https://huggingface.co/gpt2/tree/main", "openai-community/gpt2"),
    ],
)
def test_a_link_to_a_page_of_a_hub_repository_names_the_repository(spec: str, model: str) -> None:
    _, doc = model_json(spec, "--use", "commercial", "--mau", "1M")
    assert doc["model"] == model and doc["licenses"]


def test_a_relicensing_warning_cites_each_clause_once(tmp_path: Path) -> None:
    files = {"README.md": card("license: apache-2.0\nbase_model: google/gemma-2-9b\n")}
    _, doc = model_json(folder(tmp_path, files), "--use", "commercial")
    (warning,) = [w for w in doc["warnings"] if "does not let derivatives" in w]
    assert warning.count("gemma §3.1") == 1


def test_the_text_report_says_not_in_the_catalog_once() -> None:
    result = run("model", "someone/not-a-model-anywhere", "--use", "commercial")
    assert result.stdout.count("is not in the catalog") == 1


def test_fail_on_looks_at_every_uses_verdict() -> None:
    """`--fail-on conditional` fails when a use is conditional, though another use's worse verdict sets the whole."""
    result = run(
        "model", "--license", "llama3.1", "-u", "commercial", "-u", "large-user-base", "--fail-on", "conditional"
    )
    assert result.exit_code == 1
    result = run("model", "--license", "llama3.1", "-u", "large-user-base", "--fail-on", "conditional")
    assert result.exit_code == 0  # (needs-permission alone: not in the set)


def test_license_given_twice_is_a_usage_error_not_the_last_one() -> None:
    assert_input_error(run("model", "--license", "cc-by-nc-4.0", "--license", "mit", "-u", "commercial"), "--license")
    code, doc = model_json("--license", "mit", "--license", "mit", "-u", "commercial")  # (the same one twice)
    assert code == 0 and doc["licenses"] == ["mit"]


def test_an_open_eu_clause_is_stated_beside_an_exceeded_user_count() -> None:
    _, doc = model_json("--license", "llama3.2", "-u", "commercial", "--mau", "800M", "--region", "DE")
    (result,) = doc["results"]
    assert result["verdict"] == "needs-permission"
    assert any("multimodal" in condition for condition in result["conditions"])


def test_validate_a_license_file_of_any_name_and_never_over_itself(tmp_path: Path) -> None:
    import shutil

    mine = tmp_path / "my-license.yaml"
    shutil.copy(Path(__file__).parent.parent / "licenses" / "mit.yaml", mine)
    result = run("license", "validate", mine)
    assert result.exit_code == 0, result.stdout
    before = mine.read_text()
    assert_input_error(run("license", "validate", mine, "--output", mine), "overwrite")
    assert mine.read_text() == before


@pytest.mark.parametrize("target", ["bsd-2-clause", "BSD-2-Clause", "mpl-2.0", "gpl-2.0", "wtfpl", "eupl-1.2"])
def test_every_hugging_face_license_identifier_can_be_a_relicensing_target(target: str) -> None:
    """The Hub's own licence identifiers are known (recorded, not encoded): a derivative may be planned under one."""
    code, doc = model_json("--license", "apache-2.0", "--use", "relicensing", "--target", target)
    assert code == 0 and doc["verdict"] == "allowed"
    _, doc = model_json("--license", "llama3.1", "--use", "relicensing", "--target", target, "--mau", "1M")
    assert doc["verdict"] == "forbidden"


def test_license_compare_says_what_a_conditional_verdict_depends_on() -> None:
    result = run("license", "compare", "llama3", "llama3.1", "--format", "json")
    rows = {row["field"]: row["values"] for row in json.loads(result.stdout)["rows"]}
    assert rows["distillation"] == ["conditional (users, student)", "conditional (users)"]
    result = run("license", "compare", "llama3.1", "llama3.2", "--format", "json")
    rows = {row["field"]: row["values"] for row in json.loads(result.stdout)["rows"]}
    assert rows["commercial"] == ["conditional (users)", "conditional (users, EU, modality)"]
