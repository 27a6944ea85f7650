"""The user cache of parsed indexes: used only for the very file it was made from, never an error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from licensecheck import catalog, data, usercache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("LICENSECHECK_NO_CACHE", raising=False)
    data._load_index.cache_clear()
    yield tmp_path
    data._load_index.cache_clear()


def _no_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json, "load", lambda *a, **k: pytest.fail("parsed the JSON again"))


def test_an_index_is_parsed_once_then_read_from_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = json.loads(Path(data.INDEX_DIR, "licenses.json").read_text(encoding="utf-8"))
    assert data.license_index() == expected
    assert len(list(cache_dir.glob("index-*"))) == 1
    data._load_index.cache_clear()
    _no_json(monkeypatch)
    assert data.license_index() == expected


def _copy_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: dict[str, Any]) -> Path:
    folder = tmp_path / "install"
    folder.mkdir(exist_ok=True)
    path = folder / "licenses.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    monkeypatch.setattr(data, "INDEX_DIR", str(folder))
    data._load_index.cache_clear()
    return path


def test_a_changed_index_is_parsed_again(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy_index(tmp_path, monkeypatch, {"names": {"a": "A"}})
    assert data.license_index() == {"names": {"a": "A"}}
    path.write_text(json.dumps({"names": {"b": "Bee"}}), encoding="utf-8")  # (another size, another time)
    data._load_index.cache_clear()
    assert data.license_index() == {"names": {"b": "Bee"}}


def test_another_installation_s_index_is_not_taken(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy_index(tmp_path, monkeypatch, {"names": {"a": "A"}})
    assert data.license_index() == {"names": {"a": "A"}}
    other = tmp_path / "other"
    other.mkdir()
    (other / "licenses.json").write_text(json.dumps({"names": {"z": "Z"}}), encoding="utf-8")
    monkeypatch.setattr(data, "INDEX_DIR", str(other))
    data._load_index.cache_clear()
    assert data.license_index() == {"names": {"z": "Z"}}


@pytest.mark.parametrize("junk", [b"", b"\x00\xff", b"[1, 2, 3]", b"\xe9" * 64])
def test_a_damaged_cache_is_ignored(
    junk: bytes, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy_index(tmp_path, monkeypatch, {"names": {"a": "A"}})
    data.license_index()
    (cached,) = cache_dir.glob("index-*")
    cached.write_bytes(junk)
    data._load_index.cache_clear()
    assert data.license_index() == {"names": {"a": "A"}}


def test_a_stale_entry_is_ignored(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy_index(tmp_path, monkeypatch, {"names": {"a": "A"}})
    data.license_index()
    (cached,) = cache_dir.glob("index-*")
    name = cached.name.rsplit("-", 2)[0]
    made_from, _ = usercache.load(name)
    usercache.store(name, [made_from, {"names": {"stale": "yes"}}])
    data._load_index.cache_clear()
    assert data.license_index() == {"names": {"stale": "yes"}}  # (the same file as recorded: the entry is used)
    path.write_text(json.dumps({"names": {"a": "A"}}) + " ", encoding="utf-8")
    data._load_index.cache_clear()
    assert data.license_index() == {"names": {"a": "A"}}


def test_no_cache_files_when_turned_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LICENSECHECK_NO_CACHE", "1")
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "off"))
    data._load_index.cache_clear()
    assert data.license_index()["names"]
    assert not (tmp_path / "off").exists()
    monkeypatch.delenv("LICENSECHECK_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(blocker / "cache"))
    data._load_index.cache_clear()
    assert data.license_index()["names"]
    assert blocker.read_text() == "x"
    data._load_index.cache_clear()


def test_the_fingerprint_of_a_path_is_the_same_in_every_run() -> None:
    assert data._fingerprint("/a/b") == data._fingerprint("/a/b") != data._fingerprint("/a/c")
    assert data._fingerprint("") == "cbf29ce484222325"  # (FNV-1a's offset basis: no process-dependent hash)


def test_the_compiled_names_index_is_what_the_catalog_gives() -> None:
    index = data.catalog_index()
    assert index["names"] == catalog.name_index(index["models"], index["aliases"])
    assert index["names"]["llama-3.1-8b-instruct"] == "meta-llama/llama-3.1-8b-instruct"


def test_a_catalog_index_without_names_has_them_built(monkeypatch: pytest.MonkeyPatch) -> None:
    index = {k: v for k, v in data.catalog_index().items() if k != "names"}
    monkeypatch.setattr(catalog, "catalog_index", lambda: index)
    catalog._name_index.cache_clear()
    try:
        assert catalog._name_index() == data.catalog_index()["names"]
    finally:
        catalog._name_index.cache_clear()


def test_the_parses_of_other_installations_are_bounded(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data, "INDEXES_KEPT", 3)
    for n in range(5):  # five installations, each parsing its index once
        install = tmp_path / f"venv{n}"
        install.mkdir()
        (install / "licenses.json").write_text(json.dumps({"names": {"n": str(n)}}), encoding="utf-8")
        monkeypatch.setattr(data, "INDEX_DIR", str(install))
        data._load_index.cache_clear()
        assert data.license_index() == {"names": {"n": str(n)}}
    assert len(list(cache_dir.glob("index-*"))) == 3
    data._load_index.cache_clear()
    _no_json(monkeypatch)  # (the newest is the one kept in use)
    assert data.license_index() == {"names": {"n": "4"}}


def test_a_reparsed_index_replaces_its_own_file(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data, "INDEXES_KEPT", 1)
    (cache_dir / "index-other-cpython-311.marshal").write_bytes(b"")
    path = _copy_index(tmp_path, monkeypatch, {"names": {"a": "A"}})
    assert data.license_index() == {"names": {"a": "A"}}
    own = [p.name for p in cache_dir.glob("index-*")]
    assert len(own) == 1 and own != ["index-other-cpython-311.marshal"]  # (the other installation's is forgotten)
    path.write_text(json.dumps({"names": {"b": "Bee"}}), encoding="utf-8")
    data._load_index.cache_clear()
    assert data.license_index() == {"names": {"b": "Bee"}}
    assert [p.name for p in cache_dir.glob("index-*")] == own
