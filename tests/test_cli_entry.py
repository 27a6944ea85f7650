"""The typer-free entry point: it must read plain `scan` and `model` calls exactly as the typer commands do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.core import TyperArgument as Argument
from typer.core import TyperOption as Option
from typer.testing import CliRunner

import licensecheck
from licensecheck.cli import entry
from licensecheck.cli.app import app, build_app

REPOS = Path(__file__).parent / "fixtures" / "repos"


@pytest.mark.parametrize("command", list(entry.OPTIONS))
def test_the_option_table_matches_the_typer_command(command: str) -> None:
    words = command.split()
    click_command = typer.main.get_command(build_app(words[0]))
    for word in words:
        click_command = click_command.commands[word]  # type: ignore[attr-defined]
    table: dict[str, tuple[str, str]] = {}
    positional = []
    for param in click_command.params:
        if isinstance(param, Option):
            kind = "flag" if param.is_flag else "many" if param.multiple else "value"
            for spelling in param.opts:
                table[spelling] = (str(param.name), kind)
        elif isinstance(param, Argument):
            positional.append(param.name)
    assert entry.OPTIONS[command] == table
    assert ([entry.POSITIONAL[command]] if command in entry.POSITIONAL else []) == positional


def _recorded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def recorder(name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> int:
            calls.append((name, args, kwargs))
            return 0

        return record

    monkeypatch.setattr("licensecheck.cli.scan.run_scan", recorder("scan"))
    for name in ("run_model", "run_license_list", "run_license_show", "run_license_compare", "run_catalog"):
        monkeypatch.setattr(f"licensecheck.cli.run.{name}", recorder(name))
    return calls


PLAIN = [
    ["scan"],
    ["scan", "repo"],
    ["scan", "repo", "--use", "commercial", "-u", "hosting"],
    ["scan", "--format=json", "repo"],
    ["scan", "repo", "--mau", "1M", "--region", "EU", "--fail-on", "forbidden", "-o", "out.json", "--online"],
    ["scan", "-p", "policy.yaml", "-f", "sarif", "--use", "commercial,research"],
    ["scan", "repo", "--format", "json", "--format", "text"],
    ["scan", "--region=a=b", "-"],
    ["model", "meta-llama/Llama-3.1-8B-Instruct"],
    ["model", "x/y", "--use", "distillation", "--target", "apache-2.0", "--fail-on", "unknown"],
    ["model", "--license", "mit", "-u", "hosting", "--mau=900M"],
    ["model", "-l", "mit", "--format=json", "--output", "o.json", "--online"],
    ["license", "list"],
    ["license", "list", "--format", "json"],
    ["license", "list", "-o", "list.txt", "-f", "markdown"],
    ["license", "show", "llama3.1"],
    ["license", "show", "-f", "json", "Apache-2.0"],
    ["license", "compare", "llama3.1", "llama3.2", "--output=cmp.md", "--format", "markdown"],
    ["license", "compare", "mit"],
    ["catalog", "search", "llama", "-f", "json"],
    ["catalog", "list"],
    ["catalog", "list", "--license", "mit", "-o", "models.txt"],
    ["catalog", "list", "--license=mit"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_plain_calls_reach_the_same_function_with_the_same_arguments(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _recorded(monkeypatch)
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    plain = entry.parse_plain(argv)
    assert plain is not None
    assert entry.runner(*plain)() == 0
    through_typer, through_entry = calls
    assert through_entry == through_typer


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--version"],
        ["license"],
        ["license", "list", "extra"],
        ["license", "list", "--help"],
        ["license", "show"],
        ["license", "show", "mit", "apache-2.0"],
        ["license", "compare"],
        ["license", "validate", "x.yaml"],
        ["license", "--format", "json", "list"],
        ["catalog"],
        ["catalog", "search"],
        ["catalog", "search", "a", "b"],
        ["catalog", "list", "extra"],
        ["scan", "--help"],
        ["scan", "a", "b"],
        ["scan", "--bogus"],
        ["scan", "--use"],
        ["scan", "--use", "--online"],
        ["scan", "-fjson"],
        ["scan", "-u=commercial"],
        ["scan", "--online=yes"],
        ["scan", "--", "x"],
        ["model", "-h"],
    ],
    ids=lambda argv: " ".join(argv) or "(nothing)",
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert entry.parse_plain(argv) is None


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_plain_scan_never_imports_typer_rich_or_dataclasses(fmt: str) -> None:
    # each costs a one-shot command milliseconds: typer 20, dataclasses 5 (and most of a millisecond per class),
    # pathlib 4 (with urllib.parse and ipaddress), typing 3.5 (records are built by licensecheck.records), datetime 2,
    # ast 1.1 (the node classes come from _ast: licensecheck.scan.pyast), importlib 0.8, math 0.4
    code = (
        "import sys\n"
        "before = set(sys.modules)  # (a site customisation may load some of them before us)\n"
        "from licensecheck.cli.entry import main\n"
        "sys.argv = ['licensecheck', 'scan', sys.argv[1], '--format', sys.argv[2], '--use', 'commercial']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    print(exc.code, file=sys.stderr)\n"
        "names = ('typer', 'rich', 'dataclasses', 'pathlib', 'typing', 'datetime', 'ast', 'importlib', 'math')\n"
        "print(*(m in sys.modules and m not in before for m in names), file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(REPOS / "traps"), fmt], capture_output=True, text=True, timeout=60
    )
    exit_code, imported = proc.stderr.strip().splitlines()[-2:]
    assert exit_code in ("0", "1")
    assert imported == " ".join(["False"] * 9)  # (text to a pipe: drawn without rich)
    assert proc.stdout.lstrip().startswith("{" if fmt == "json" else "licensecheck scan")


@pytest.mark.parametrize(
    "argv",
    [
        ["scan", str(REPOS / "traps"), "--use", "commercial"],
        ["model", "meta-llama/Llama-3.1-8B-Instruct", "--use", "commercial", "--mau", "10M"],
        ["model", "--license", "mit", "--use", "distillation", "--format", "json"],
    ],
    ids=["scan", "model", "license"],
)
def test_a_warm_one_shot_command_never_imports_re_enum_or_collections(argv: list[str], tmp_path: Path) -> None:
    # `re` brings `enum`, `functools` and `collections` (5-6 ms, a quarter of `licensecheck model`): a pattern comes
    # from the compiled-pattern cache (licensecheck.lazyre), records, enums and memos from licensecheck.records. The
    # first run fills the cache; the second must not import them.
    code = (
        "import sys\n"
        "before = set(sys.modules)  # (a site customisation may load some of them before us)\n"
        "from licensecheck.cli.entry import main\n"
        "sys.argv = ['licensecheck', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    print(exc.code, file=sys.stderr)\n"
        "from licensecheck import lazyre\n"
        "lazyre.save()\n"
        "names = ('re', 'enum', 'collections', 'functools', 'contextlib', 'fnmatch', 'types', 'typing')\n"
        "print('imported:', *(m for m in names if m in sys.modules and m not in before), file=sys.stderr)"
    )
    # (-S: no site-packages customisation loads them first; the package is found through PYTHONPATH instead)
    package_parent = str(Path(licensecheck.__file__).resolve().parent.parent)
    env = {**os.environ, "LICENSECHECK_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": package_parent}
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-S", "-c", code, *argv], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
        )
    exit_code, imported = proc.stderr.strip().splitlines()[-2:]
    assert exit_code in ("0", "1")
    assert imported == "imported:"


def test_errors_on_the_plain_path_are_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", str(tmp_path / "missing"), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("licensecheck: error:")
    proc = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", str(tmp_path), "--use", "nonsense"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "nonsense" in proc.stderr and "Traceback" not in proc.stderr


def test_the_installed_command_leaves_at_once_with_everything_written(tmp_path: Path) -> None:
    """`console()` ends with os._exit (no interpreter teardown): the output must be whole and the code right."""
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", str(REPOS / "forms"), "--format", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode in (0, 1)
    assert json.loads(out.read_text())["schema"] == "licensecheck/1"
    proc = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", str(REPOS / "forms"), "--format", "json", "--use", "commercial"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(proc.stdout)["schema"] == "licensecheck/1"  # the whole document reached the pipe
    proc = subprocess.run([sys.executable, "-m", "licensecheck", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "scan" in proc.stdout
    # a reader that stops early: no traceback
    reader = subprocess.Popen(
        [sys.executable, "-m", "licensecheck", "scan", str(REPOS / "forms"), "--format", "json", "--use", "commercial"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    with reader, reader.stdout, reader.stderr:
        reader.stdout.read(10)
        reader.stdout.close()
        assert b"Traceback" not in reader.stderr.read()
        reader.wait(timeout=60)


def test_a_closed_stdout_with_output_to_a_file_still_succeeds(tmp_path: Path) -> None:
    import shlex

    out = tmp_path / "report.json"
    command = [sys.executable, "-m", "licensecheck", "scan", str(tmp_path), "--format", "json", "--use", "commercial"]
    proc = subprocess.run(
        shlex.join([*command, "--output", str(out)]) + " >&-", shell=True, capture_output=False, timeout=60
    )
    assert proc.returncode == 0
    assert json.loads(out.read_text())["schema"] == "licensecheck/1"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_report_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    import shlex

    command = [sys.executable, "-m", "licensecheck", "scan", str(tmp_path), "--format", "json", "--use", "commercial"]
    for redirect in (" > /dev/full", " >&-"):  # a full disk; standard output closed
        proc = subprocess.run(shlex.join(command) + redirect, shell=True, stderr=subprocess.PIPE, text=True, timeout=60)
        assert proc.returncode == 2, (redirect, proc.stderr)
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("licensecheck: error: cannot write the report")


LISTINGS = [
    ["license", "list"],
    ["license", "show", "llama3.1"],
    ["license", "compare", "llama3.1", "llama3.2", "gemma"],
    ["catalog", "search", "qwen"],
    ["catalog", "list", "--license", "mit"],
]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
@pytest.mark.parametrize("argv", LISTINGS, ids=" ".join)
def test_listings_never_import_typer_or_rich(argv: list[str], fmt: str) -> None:
    code = (
        "import sys\n"
        "from licensecheck.cli.entry import main\n"
        "sys.argv = ['licensecheck', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    print(exc.code, file=sys.stderr)\n"
        "print(*(m in sys.modules for m in ('typer', 'rich')), file=sys.stderr)"
    )
    command = [*argv, "--format", fmt]
    proc = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, timeout=60)
    assert proc.stderr.strip().splitlines()[-2:] == ["0", "False False"]
    expected = CliRunner().invoke(app, command)
    assert expected.exit_code == 0 and proc.stdout == expected.stdout


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "cp437", "ascii"])
def test_a_legacy_code_page_on_stdout_is_no_internal_error(encoding: str) -> None:
    """Windows writes redirected output in the ANSI code page: the report still comes out (JSON the same document,
    its characters escaped; text with `?` for what the code page lacks), with its own exit code."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    base = [sys.executable, "-m", "licensecheck", "model", "meta-llama/Llama-3.2-11B-Vision-Instruct", "--mau", "1M"]
    utf8 = subprocess.run([*base, "--format", "json"], capture_output=True, timeout=60)
    legacy = subprocess.run([*base, "--format", "json"], capture_output=True, timeout=60, env=env)
    assert legacy.returncode == utf8.returncode in (0, 1), legacy.stderr
    assert json.loads(legacy.stdout.decode(encoding)) == json.loads(utf8.stdout)
    text = subprocess.run(base, capture_output=True, timeout=60, env=env)
    assert text.returncode == utf8.returncode and b"internal error" not in text.stderr
    assert b"Llama-3.2-11B-Vision-Instruct" in text.stdout


@pytest.mark.parametrize(
    "argv", [["license", "list"], ["license", "show", "mit"], ["model", "--license", "mit"], ["catalog", "list"]]
)
def test_a_text_report_to_a_closed_stdout_is_one_line_and_exit_2(argv: list[str]) -> None:
    import shlex

    command = shlex.join([sys.executable, "-m", "licensecheck", *argv]) + " >&-"
    proc = subprocess.run(command, shell=True, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "licensecheck: error: cannot write the report: standard output is closed; use --output FILE"
    ]
