"""Replaying a scan: the very same scan of an unchanged tree writes what the last one wrote without scanning, and
every change it rests on (a file, the command line, the environment, the day, the policy, a folder named like a
model, the result cache's generation) makes it scan again."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from licensecheck import probes
from licensecheck.scan import discover as discover_module
from licensecheck.scan import replay, resultcache
from test_scan_support import REPOS, run_cli, write

Run = tuple[int, str, str]


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The scans that really ran (not replayed), by path."""
    import licensecheck.cli.scan

    ran: list[str] = []
    real = licensecheck.cli.scan.run_scan

    def counting(**kwargs: Any) -> int:
        ran.append(os.path.basename(os.fspath(kwargs["path"])))
        return real(**kwargs)

    monkeypatch.setattr(licensecheck.cli.scan, "run_scan", counting)
    return ran


def scan(root: Path, *args: str) -> Run:
    result = run_cli("scan", str(root), *args)
    return result.exit_code, result.stdout, result.stderr


def copy(repo: str, tmp_path: Path) -> Path:
    root = tmp_path / repo
    shutil.copytree(REPOS / repo, root)
    return root


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown", "github"])
def test_a_repeat_scan_is_replayed_with_the_same_output_and_code(
    fmt: str, tmp_path: Path, cache_dir: Path, scans: list[str]
) -> None:
    root = copy("forms", tmp_path)
    first = scan(root, "--format", fmt)
    again = scan(root, "--format", fmt)
    assert scans == ["forms"]  # (the second was replayed)
    assert again == first
    assert first[0] == 1 and "forbidden" in first[1].lower()
    assert first[2]  # (the no-policy note on stderr is replayed too)
    assert again == scan(root, "--format", fmt, "--no-cache") and scans == ["forms", "forms"]


def test_a_changed_new_or_deleted_file_is_scanned_again(tmp_path: Path, cache_dir: Path, scans: list[str]) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    write(root / "a.py", 'from_pretrained("acme/first-model")\n', 10**18)
    first = scan(root)
    write(root / "a.py", 'from_pretrained("acme/second-model")\n', 10**18 + 10**9)
    changed = scan(root)
    assert "second-model" in changed[1] and "first-model" not in changed[1]
    write(root / "b.py", 'from_pretrained("acme/third-model")\n', 10**18)
    added = scan(root)
    assert "third-model" in added[1]
    (root / "b.py").unlink()
    assert scan(root) == changed
    assert scans == ["repo"] * 4 and "first-model" in first[1]
    assert scan(root) == changed and len(scans) == 4  # (now unchanged: replayed)


def test_another_command_line_environment_or_day_has_a_recording_of_its_own(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy("forms", tmp_path)
    commercial = scan(root)
    research = scan(root, "--use", "research")
    assert commercial != research and len(scans) == 2
    monkeypatch.setenv("LICENSECHECK_TEST_MARK", "1")
    assert scan(root) == commercial and len(scans) == 3
    day = replay.time.localtime()[:3]
    monkeypatch.setattr(replay.time, "localtime", lambda: (day[0] + 1, *day[1:], 0, 0, 0, 0, 0, 0))
    assert scan(root) == commercial and len(scans) == 4
    assert scan(root, "--use", "research") == research and len(scans) == 5
    assert scan(root, "--use", "research") == research and len(scans) == 5  # (replayed)


def test_a_folder_named_like_the_model_in_the_tree_or_the_current_folder_is_noticed(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    write(root / "run.py", 'from_pretrained("acme/widget-7b")\n', 10**18)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    found = scan(root)
    assert "acme/widget-7b" in found[1]
    (elsewhere / "acme" / "widget-7b").mkdir(parents=True)  # now a local model folder (with no card)
    local = scan(root)
    assert local != found and len(scans) == 2
    scan(root)
    assert len(scans) == 3  # (a run that read a local model folder is not recorded)
    shutil.rmtree(elsewhere / "acme")
    assert scan(root) == found and len(scans) == 3  # (as when first recorded: every answer is the same again)
    (root / "acme" / "widget-7b").mkdir(parents=True)  # a folder of the repository: no file walked changed
    in_tree = scan(root)
    assert "acme/widget-7b" not in in_tree[1] and len(scans) == 4


def test_a_changed_policy_is_seen(tmp_path: Path, cache_dir: Path, scans: list[str]) -> None:
    root = copy("policy-ignore", tmp_path)
    policy = root / "licensecheck.yaml"
    first = scan(root, "--format", "json")
    assert scan(root, "--format", "json") == first and len(scans) == 1
    write(policy, policy.read_text().replace('exclude: ["tests/**"]', "exclude: []"), 10**18)
    widened = scan(root, "--format", "json")
    assert widened != first and len(scans) == 2
    assert scan(root, "--format", "json") == widened and len(scans) == 2


def test_records_rewritten_by_another_scan_are_not_replayed_against(
    tmp_path: Path, cache_dir: Path, scans: list[str]
) -> None:
    """A changed file first seen by another command line: the result cache holds its new record, and a replay of
    the first command line would find every file matching it."""
    root = tmp_path / "repo"
    root.mkdir()
    write(root / "a.py", 'from_pretrained("acme/first-model")\n', 10**18)
    scan(root)
    write(root / "a.py", 'from_pretrained("acme/second-model")\n', 10**18 + 10**9)
    assert "second-model" in scan(root, "--format", "json")[1]
    assert "second-model" in scan(root)[1] and len(scans) == 3


def test_failures_terminals_and_the_hub_are_never_recorded(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy("forms", tmp_path)
    assert scan(root, "--use", "nonsense")[0] == 2
    assert scan(root, "--use", "nonsense")[0] == 2 and len(scans) == 2
    assert not list(cache_dir.glob("replay-*"))
    assert len(scans) == 2
    assert replay.recording_for({"path": str(root), "online": True}) is None
    assert replay.recording_for({"path": str(root), "no_cache": True}) is None
    assert replay.recording_for({"path": str(root)}) is not None
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert replay.recording_for({"path": str(root)}) is None


def test_a_file_changed_just_before_the_scan_spoils_the_recording(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("SETTLE_NS", "FINE_SETTLE_NS"):
        monkeypatch.setattr(resultcache, name, 10**18)  # (every file just changed)
    root = copy("forms", tmp_path)
    scan(root)
    scan(root)
    assert len(scans) == 2 and not list(cache_dir.glob("replay-*"))


def test_a_damaged_recording_is_ignored_and_the_streams_are_restored(
    tmp_path: Path, cache_dir: Path, scans: list[str]
) -> None:
    root = copy("forms", tmp_path)
    stdout, stderr = sys.stdout, sys.stderr
    first = scan(root)
    assert (sys.stdout, sys.stderr) == (stdout, stderr)
    (path,) = cache_dir.glob("replay-*")
    stored = marshal.loads(path.read_bytes())
    for recording in stored[1].values():
        recording[-1] = "not a code"
        recording.pop(0)
    path.write_bytes(marshal.dumps(stored))
    assert scan(root) == first and len(scans) == 2
    path.write_bytes(b"\x00garbage")
    assert scan(root) == first and len(scans) == 3
    assert scan(root) == first and len(scans) == 3
    stored = marshal.loads(path.read_bytes())
    for recording in stored[1].values():
        recording[4] = "not chunks"  # (the right length, the wrong shape)
        recording[3] = [("exists", 7, None)]
    path.write_bytes(marshal.dumps(stored))
    assert scan(root) == first and len(scans) == 4


def test_recordings_are_kept_per_folder_and_bounded(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replay, "KEEP", 2)
    root = copy("forms", tmp_path)
    for use in ("commercial", "research", "hosting"):
        scan(root, "--use", use)
    (path,) = cache_dir.glob("replay-*")
    assert len(marshal.loads(path.read_bytes())[1]) == 2
    scan(root, "--use", "hosting")
    scan(root, "--use", "commercial")  # (forgotten: the oldest)
    assert len(scans) == 4


def test_probes_ask_again() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        config = os.path.join(folder, "adapter_config.json")
        probes.start(started=10**19)  # (far in the future: every file has settled)
        assert not probes.exists(os.path.join(folder, "org", "name"))
        assert not probes.regular_file(config)
        noted = probes.stop()
        assert noted is not None and probes.same_answers(noted)
        with open(config, "w") as handle:
            handle.write("{}")
        assert not probes.same_answers(noted)
        probes.start(started=10**19)
        assert probes.regular_file(config)
        noted = probes.stop()
        assert noted is not None and probes.same_answers(noted)
        with open(config, "w") as handle:
            handle.write('{"base_model_name_or_path": "x/y"}')
        assert not probes.same_answers(noted)
        probes.start(started=0)  # (every file changed after the start: too recent to note)
        probes.regular_file(config)
        assert probes.stop() is None
        assert not probes.exists(os.path.join(folder, "nothing")) and probes.stop() is None  # (not noting)


def test_the_installed_command_replays(tmp_path: Path) -> None:
    root = copy("forms", tmp_path)
    env = {**os.environ, "LICENSECHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("LICENSECHECK_NO_CACHE", None)
    old = 10**18 + 123_456_789  # (with a fraction of a second: settled a tenth of a second after the change)
    for path in root.rglob("*"):  # settled: changed well before the scans (only the change time is new)
        os.utime(path, ns=(old, old))
    import time

    time.sleep(0.15)

    def run(*args: str) -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "licensecheck", "scan", str(root), *args], capture_output=True, text=True, env=env
        )
        return proc.returncode, proc.stdout, proc.stderr

    first = run("--format", "json")
    assert list((tmp_path / "cache").glob("replay-*"))
    assert run("--format", "json") == first
    write(root / "src" / "extra.py", 'from_pretrained("acme/extra-model")\n', old)
    time.sleep(0.15)
    changed = run("--format", "json")
    assert "acme/extra-model" in changed[1]
    assert run("--format", "json") == changed == run("--format", "json", "--no-cache")


def test_a_scan_that_cannot_be_replayed_goes_on_with_the_walk_the_replay_began(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from licensecheck.scan import walk

    root = copy("forms", tmp_path)
    expected = scan(root)
    walks: list[str] = []
    real = walk.walk_repository

    def counting(*args: Any, **kwargs: Any) -> Any:
        walks.append(str(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(walk, "walk_repository", counting)
    monkeypatch.setattr(discover_module, "walk_repository", counting)
    write(root / "src" / "zz_extra.py", 'from_pretrained("acme/extra-model")\n', 10**18)
    changed = scan(root)
    assert "acme/extra-model" in changed[1] and walks == [str(root)] and len(scans) == 2
    (root / "src" / "zz_extra.py").unlink()
    assert scan(root) == expected and walks == [str(root)] * 2 and len(scans) == 3  # (a file gone: seen at the end)
    assert scan(root) == expected and len(scans) == 3  # (replayed)


def test_errors_of_a_walk_begun_by_a_replay_reach_the_scan() -> None:
    errors = replay._Errors()
    errors("a", "denied")
    told: list[tuple[str, str]] = []
    errors.forward(lambda rel, why: told.append((rel, why)))
    errors("b", "gone")
    assert told == [("a", "denied"), ("b", "gone")]


def test_answers_of_the_wrong_shape_are_no_match() -> None:
    assert not probes.same_answers([("exists", 7, None)])  # type: ignore[list-item]
    assert not probes.same_answers([("file", "/", "not a stamp")])


def test_the_environment_is_kept_only_as_a_digest(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_s3cr3t_value_never_written")
    root = copy("forms", tmp_path)
    scan(root)
    assert scan(root) and len(scans) == 1
    written = b"".join(path.read_bytes() for path in cache_dir.iterdir())
    assert b"s3cr3t" not in written


def test_a_report_written_to_a_file_is_written_again(tmp_path: Path, cache_dir: Path, scans: list[str]) -> None:
    root = copy("forms", tmp_path)
    report = tmp_path / "report.json"
    first = scan(root, "--format", "json", "--output", str(report))
    written = report.read_text()
    report.unlink()
    assert scan(root, "--format", "json", "--output", str(report)) == first and len(scans) == 1
    assert report.read_text() == written and '"findings"' in written
    other = tmp_path / "other.json"
    scan(root, "--format", "json", "--output", str(other))
    assert other.read_text() == written and len(scans) == 2  # (another file: a recording of its own)
    report.unlink()
    report.mkdir()  # (the file cannot be written now: the same error as the scan gives)
    code, _, err = scan(root, "--format", "json", "--output", str(report))
    assert code == 2 and "cannot write the report" in err and len(scans) == 2


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the scan resolved its findings (a replay after the walk does not)."""
    import licensecheck.scan.run

    calls: list[int] = []
    real = licensecheck.scan.run._resolve_models

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(licensecheck.scan.run, "_resolve_models", counting)
    return calls


def test_findings_the_recording_was_made_from_are_not_resolved_again(
    tmp_path: Path, cache_dir: Path, scans: list[str], resolved: list[int]
) -> None:
    root = copy("forms", tmp_path)
    first = scan(root, "--format", "json")
    app = root / "src" / "app.py"
    write(app, app.read_text() + "\n# a comment that names no model\n", 10**18 + 10**9)
    assert scan(root, "--format", "json") == first  # (the no-policy note is written once, as before)
    assert len(scans) == 2 and len(resolved) == 1  # (read app.py again, found the same: the rest replayed)
    assert scan(root, "--format", "json") == first and len(scans) == 2  # (the recording follows the tree)
    write(app, "\n" + app.read_text(), 10**18 + 2 * 10**9)  # every line one down: the findings moved
    moved = scan(root, "--format", "json")
    assert moved != first and len(resolved) == 2
    assert moved == scan(root, "--format", "json", "--no-cache")


def test_a_changed_model_card_is_checked_again(
    tmp_path: Path, cache_dir: Path, scans: list[str], resolved: list[int]
) -> None:
    root = copy("forms", tmp_path)
    first = scan(root, "--format", "json")
    card = root / "finetune" / "README.md"
    write(card, card.read_text().replace("license: apache-2.0", "license: llama3.1"), 10**18 + 10**9)
    relicensed = scan(root, "--format", "json")
    assert relicensed != first and len(resolved) == 2
    assert relicensed == scan(root, "--format", "json", "--no-cache")


def test_what_remains_of_a_recording_after_what_the_run_wrote() -> None:
    recorded = [(1, "note\nwarning\n"), (0, "report\n"), (1, "tail\n")]
    assert replay._rest([], recorded) == recorded
    assert replay._rest([(1, "note\n")], recorded) == [(1, "warning\n"), (0, "report\n"), (1, "tail\n")]
    assert replay._rest([(1, "note\nwarning\n")], recorded) == [(0, "report\n"), (1, "tail\n")]
    assert replay._rest([(1, "other\n")], recorded) is None
    assert replay._rest([(0, "note\n")], recorded) is None
    assert replay._rest([(1, "note\nwarning\n"), (0, "rep")], recorded) == [(0, "ort\n"), (1, "tail\n")]


def test_a_replay_after_the_walk_writes_the_report_file_too(
    tmp_path: Path, cache_dir: Path, scans: list[str], resolved: list[int]
) -> None:
    root = copy("forms", tmp_path)
    report = tmp_path / "report.sarif"
    first = scan(root, "--format", "sarif", "-o", str(report))
    written = report.read_text()
    report.unlink()
    app = root / "src" / "app.py"
    write(app, app.read_text() + "\n# names no model\n", 10**18 + 10**9)
    assert scan(root, "--format", "sarif", "-o", str(report)) == first
    assert report.read_text() == written and len(resolved) == 1 and len(scans) == 2


def test_a_very_large_report_is_not_recorded(
    tmp_path: Path, cache_dir: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replay, "MAX_OUTPUT", 100)
    root = copy("forms", tmp_path)
    assert scan(root) == scan(root) and len(scans) == 2
    assert not list(cache_dir.glob("replay-*"))


def test_a_license_file_beside_a_card_is_a_question_the_replay_asks_again(
    tmp_path: Path, cache_dir: Path, scans: list[str]
) -> None:
    root = tmp_path / "repo"
    (root / "ft").mkdir(parents=True)
    write(root / "ft" / "README.md", "---\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n---\n", 10**18)
    first = scan(root, "--mau", "1M", "--region", "US")
    write(root / "ft" / "LICENSE", "Apache License 2.0\n", 10**18)
    relabelled = scan(root, "--mau", "1M", "--region", "US")
    assert first[0] == 0 and relabelled[0] == 1 and "apache-2.0" in relabelled[1]
    assert scan(root, "--mau", "1M", "--region", "US") == relabelled and scans == ["repo", "repo"]
