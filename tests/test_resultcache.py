"""The scan's result cache: a file unchanged since the last scan of its tree is not read again, and every change
(content, kind, deletion, the scanner itself) is seen."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from licensecheck import usercache
from licensecheck.scan import discover as discover_module
from licensecheck.scan import resultcache
from licensecheck.scan.discover import Discovery, discover
from test_scan_support import REPOS, scan_json, write


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the scan reads, in order."""
    seen: list[str] = []
    read = discover_module._read_stamped

    def counting(path: str, limit: int) -> Any:
        seen.append(os.path.basename(path))
        return read(path, limit)

    monkeypatch.setattr(discover_module, "_read_stamped", counting)
    return seen


def plain(found: Discovery) -> tuple[Any, ...]:
    return (
        {value: sorted((tuple(m), rel) for m, rel in where) for value, where in found.mentions.items()},
        found.cards,
        found.warnings,
        found.files_seen,
    )


def scan_files(root: Path, **kwargs: Any) -> Discovery:
    return discover(str(root), workers=1, cache=True, **kwargs)


def stored(cache_dir: Path) -> Any:
    """What the one scan cache in ``cache_dir`` holds: [made by, folder, records]."""
    import marshal

    (path,) = cache_dir.glob("scan-*")
    return marshal.loads(path.read_bytes())


@pytest.mark.parametrize("repo", ["forms", "traps", "policy-ignore"])
def test_a_second_scan_reads_nothing_and_finds_the_same(
    repo: str, tmp_path: Path, cache_dir: Path, reads: list[str]
) -> None:
    root = tmp_path / repo
    shutil.copytree(REPOS / repo, root)
    cold = discover(str(root), workers=1)
    first = scan_files(root)
    assert reads and plain(first) == plain(cold)
    reads.clear()
    second = scan_files(root)
    assert reads == []
    assert plain(second) == plain(cold)
    assert len(list(cache_dir.glob("scan-*"))) == 1


def test_changed_new_and_deleted_files_are_seen(tmp_path: Path, cache_dir: Path, reads: list[str]) -> None:
    (tmp_path / "a.py").write_text('from_pretrained("org-a/model-a")\n')
    (tmp_path / "b.py").write_text('from_pretrained("org-b/model-b")\n')
    (tmp_path / "c.yaml").write_text("base_model: org-c/model-c\n")
    scan_files(tmp_path)
    # same size, new content; a new file; a deleted one
    write(tmp_path / "a.py", 'from_pretrained("org-x/model-x")\n', mtime=10**18)
    (tmp_path / "d.py").write_text('from_pretrained("org-d/model-d")\n')
    (tmp_path / "c.yaml").unlink()
    reads.clear()
    found = scan_files(tmp_path)
    assert sorted(reads) == ["a.py", "d.py"]
    assert sorted(found.mentions) == ["org-b/model-b", "org-d/model-d", "org-x/model-x"]
    assert sorted(stored(cache_dir)[2]) == ["a.py", "b.py", "d.py"]


def test_a_file_whose_kind_changed_is_read_again(tmp_path: Path, cache_dir: Path, reads: list[str]) -> None:
    """A record is for one kind: a README that became a model card is judged as one (the walk says the kind)."""
    (tmp_path / "run.py").write_text('from_pretrained("org/model")\n')
    scan_files(tmp_path)
    (path,) = cache_dir.glob("scan-*")
    held = stored(cache_dir)
    held[2]["run.py"][0] = "yaml"
    usercache.store(path.name.removesuffix(f"-{sys.implementation.cache_tag}.marshal"), held)
    reads.clear()
    assert list(scan_files(tmp_path).mentions) == ["org/model"]
    assert reads == ["run.py"]


def test_a_file_changed_just_before_it_was_read_gets_no_record(
    tmp_path: Path, cache_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Racy-clean: a second write within the clock tick of the first would keep every time the record holds."""
    monkeypatch.setattr(resultcache, "SETTLE_NS", 2_000_000_000)
    monkeypatch.setattr(resultcache, "FINE_SETTLE_NS", 2_000_000_000)
    (tmp_path / "run.py").write_text('from_pretrained("org/model")\n')
    old = tmp_path / "old.py"
    old.write_text('from_pretrained("org/old")\n')
    scan_files(tmp_path)
    assert not list(cache_dir.glob("scan-*")) or "run.py" not in stored(cache_dir)[2]
    reads.clear()
    scan_files(tmp_path)
    assert "run.py" in reads


def test_each_file_of_a_parallel_scan_gets_its_record(tmp_path: Path, cache_dir: Path, reads: list[str]) -> None:
    for n in range(40):
        (tmp_path / f"m{n}.py").write_text(f'from_pretrained("org/model-{n % 7}")\n' if n % 3 else "x = 1\n")
    (tmp_path / "README.md").write_text("---\nlicense: mit\nbase_model: org/model-1\n---\n# A card\n")
    serial = discover(str(tmp_path), workers=1)
    parallel = discover(str(tmp_path), workers=2, cache=True)
    assert plain(parallel) == plain(serial)
    reads.clear()
    again = discover(str(tmp_path), workers=2, cache=True)
    assert reads == [] and plain(again) == plain(serial)
    assert [card.rel for card in again.cards] == ["README.md"]


def test_a_file_that_cannot_be_read_is_tried_every_time(
    tmp_path: Path, cache_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "run.py").write_text('from_pretrained("org/model")\n')
    read_open = discover_module._read_open

    def failing(fd: int, limit: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(discover_module, "_read_open", failing)
    found = scan_files(tmp_path)
    assert not found.mentions and found.warnings == ["run.py: skipped, cannot read it (Input/output error)"]
    monkeypatch.setattr(discover_module, "_read_open", read_open)
    reads.clear()
    assert list(scan_files(tmp_path).mentions) == ["org/model"] and reads == ["run.py"]


def test_records_of_another_scanner_or_a_damaged_file_are_not_used(
    tmp_path: Path, cache_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "run.py").write_text('from_pretrained("org/model")\n')
    scan_files(tmp_path)
    (path,) = cache_dir.glob("scan-*")
    reads.clear()
    monkeypatch.setattr(resultcache, "FORMAT", resultcache.FORMAT + 1)
    assert list(scan_files(tmp_path).mentions) == ["org/model"] and reads == ["run.py"]
    reads.clear()
    path.write_bytes(b"\x00garbage")
    assert list(scan_files(tmp_path).mentions) == ["org/model"] and reads == ["run.py"]


def test_the_cache_off_reads_everything_and_writes_nothing(
    tmp_path: Path, cache_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "run.py").write_text('from_pretrained("org/model")\n')
    discover(str(tmp_path), workers=1)  # (the default of discover: no cache)
    assert not list(cache_dir.glob("scan-*"))
    monkeypatch.setenv("LICENSECHECK_NO_CACHE", "1")
    scan_files(tmp_path)
    scan_files(tmp_path)
    assert reads == ["run.py"] * 3 and not cache_dir.exists()


def test_old_scan_caches_are_forgotten(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resultcache, "KEEP", 3)
    for n in range(5):
        root = tmp_path / f"repo{n}"
        root.mkdir()
        (root / "run.py").write_text('from_pretrained("org/model")\n')
        scan_files(root)
    assert len(list(cache_dir.glob("scan-*"))) == 3


def test_the_command_uses_the_cache_and_no_cache_turns_it_off(
    tmp_path: Path, cache_dir: Path, reads: list[str]
) -> None:
    root = tmp_path / "forms"
    shutil.copytree(REPOS / "forms", root)
    code, first, _ = scan_json(str(root), "--no-cache")
    assert reads and not list(cache_dir.glob("scan-*"))
    code_again, cold, _ = scan_json(str(root))
    assert len(list(cache_dir.glob("scan-*"))) == 1
    reads.clear()
    code_warm, warm, _ = scan_json(str(root))
    assert reads == []
    assert code == code_again == code_warm
    assert json.dumps(first, sort_keys=True) == json.dumps(cold, sort_keys=True) == json.dumps(warm, sort_keys=True)


def fake_status(size: int, mtime: int, ctime: int, inode: int = 7) -> os.stat_result:
    return os.stat_result((0o100644, inode, 0, 1, 0, 0, size, 0, 0, 0), {"st_mtime_ns": mtime, "st_ctime_ns": ctime})


def test_a_file_is_settled_after_a_tenth_of_a_second_or_two_seconds_without_fractions() -> None:
    started = 1_700_000_000 * 10**9 + 500_000_000
    fine = started - 150_000_000 + 1  # (times with a fraction of a second)
    assert resultcache.stamp_of(fake_status(6, fine, fine), started) == (6, fine, fine, 7)
    assert resultcache.stamp_of(fake_status(6, fine, started - 50_000_000), started) is None  # (changed 50 ms ago)
    whole = (started // 10**9 - 1) * 10**9  # whole seconds, 1.5 s before: not settled
    assert resultcache.stamp_of(fake_status(6, whole, whole), started) is None
    assert resultcache.stamp_of(fake_status(6, whole - 10**9, whole - 10**9), started) is not None
    assert resultcache.stamp_of(fake_status(6, whole, fine), started) is None  # (one time without a fraction)
    assert resultcache.stamp_of(fake_status(6, 0, 0), started) is None  # (no times at all)


def test_no_cache_on_windows(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resultcache.ResultCache.open(str(tmp_path)) is not None
    monkeypatch.setattr(resultcache.os, "name", "nt")
    assert resultcache.ResultCache.open(str(tmp_path)) is None
