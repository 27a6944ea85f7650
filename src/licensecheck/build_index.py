"""Compile ``licenses/*.yaml`` and ``catalog/*.yaml`` into the JSON indexes read at run time.

Run ``python -m licensecheck.build_index`` after editing any license or catalog file; a test fails while the
checked-in indexes differ from what this produces.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from licensecheck.catalog import name_index
from licensecheck.data import (
    DETAIL_SHARDS,
    INDEX_DIR,
    NAMES_FILE,
    catalog_dir,
    detail_shard,
    key_variants,
    licenses_dir,
    normalize_key,
)
from licensecheck.errors import DataError
from licensecheck.safeyaml import load_yaml
from licensecheck.textfile import read_text_file
from licensecheck.validate import check_license_file, cross_file_problems
from licensecheck.vocabulary import MODALITIES


def compile_licenses(folder: Path) -> dict[str, Any]:
    files = [check_license_file(path) for path in sorted(folder.glob("*.yaml"))]
    problems = [p for f in files for p in f.problems] + cross_file_problems(files)
    if problems:
        raise DataError("license data is invalid:\n" + "\n".join(str(p) for p in problems))
    licenses: dict[str, Any] = {}
    aliases: dict[str, str] = {}
    for item in files:
        assert item.data is not None
        lid = str(item.data["id"])
        licenses[lid] = dict(item.data)
        for alias in [lid, *(item.data.get("aliases") or ())]:
            aliases[normalize_key(alias)] = lid
        if item.data.get("spdx"):
            aliases[normalize_key(item.data["spdx"])] = lid
    signatures = {
        fold_signature(sig): str(f.data["id"]) for f in files if f.data for sig in f.data.get("signatures") or ()
    }
    return {"licenses": licenses, "aliases": dict(sorted(aliases.items())), "signatures": signatures}


def fold_signature(text: str) -> str:
    from licensecheck.identify import fold

    return fold(text)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def compile_catalog(folder: Path, license_aliases: Mapping[str, str]) -> dict[str, Any]:
    """Catalog files: ``models:``/``patterns:`` per organisation, and ``licenses.yaml`` for licenses the
    engine does not encode yet (recorded so the answer is an honest ``unknown`` that names them)."""
    problems: list[str] = []
    recorded: dict[str, Any] = {}
    recorded_aliases: dict[str, str] = {}
    signatures: dict[str, str] = {}
    docs: list[tuple[Path, Mapping[str, Any]]] = []
    for path in sorted(folder.glob("*.yaml")):
        data = load_yaml(read_text_file(path, what="catalog file"), path=str(path), what="catalog file")
        if not isinstance(data, dict):
            problems.append(f"{path}: a catalog file must be a mapping")
            continue
        docs.append((path, data))
        for entry in data.get("licenses") or ():
            lid = str(entry["id"])
            if normalize_key(lid) in license_aliases:
                problems.append(f"{path}: recorded license {lid!r} is already encoded in licenses/")
                continue
            recorded[lid] = {k: entry[k] for k in ("name", "url", "note") if entry.get(k)}
            for sig in _as_list(entry.get("signatures")):
                signatures[fold_signature(sig)] = lid
            for alias in [lid, *_as_list(entry.get("aliases"))]:
                key = normalize_key(alias)
                if any(k in license_aliases for k in key_variants(key)):
                    problems.append(f"{path}: alias {alias!r} of {lid!r} already names an encoded license")
                elif key in recorded_aliases and recorded_aliases[key] != lid:
                    problems.append(f"{path}: alias {alias!r} names both {recorded_aliases[key]!r} and {lid!r}")
                recorded_aliases[key] = lid

    def license_ok(value: str) -> bool:
        key = normalize_key(value)
        return key in license_aliases or key in recorded_aliases

    models: dict[str, Any] = {}
    model_aliases: dict[str, str] = {}
    patterns: list[dict[str, Any]] = []
    for path, data in docs:
        for entry in data.get("models") or ():
            mid = str(entry["id"])
            key = normalize_key(mid)
            if key in models:
                problems.append(f"{path}: model {mid} is listed twice")
            licenses = _as_list(entry.get("license"))
            for value in licenses:
                if not license_ok(value):
                    problems.append(f"{path}: {mid}: license {value!r} is neither encoded nor recorded")
            modality = entry.get("modality")
            if modality is not None and modality not in MODALITIES:
                problems.append(f"{path}: {mid}: modality must be text or multimodal")
            record: dict[str, Any] = {"id": mid, "license": licenses}
            for field in ("base_model",):
                if entry.get(field):
                    record[field] = _as_list(entry[field])
            for field in ("modality", "source", "note"):
                if entry.get(field):
                    record[field] = str(entry[field])
            if entry.get("aliases"):
                record["aliases"] = _as_list(entry["aliases"])
            models[key] = record
        for entry in data.get("patterns") or ():
            licenses = _as_list(entry.get("license"))
            for value in licenses:
                if not license_ok(value):
                    problems.append(f"{path}: pattern {entry.get('match')}: unknown license {value!r}")
            record = {"match": normalize_key(str(entry["match"])), "license": licenses}
            if entry.get("base_model"):
                record["base_model"] = _as_list(entry["base_model"])
            for field in ("modality", "source", "note"):
                if entry.get(field):
                    record[field] = str(entry[field])
            patterns.append(record)
    for key, record in models.items():
        for alias in record.get("aliases", ()):
            akey = normalize_key(alias)
            if akey in models and akey != key:
                problems.append(f"alias {alias!r} of {record['id']} is another model's id")
            elif akey in model_aliases and model_aliases[akey] != key:
                problems.append(f"alias {alias!r} names both {model_aliases[akey]} and {record['id']}")
            model_aliases[akey] = key
    if problems:
        raise DataError("catalog data is invalid:\n" + "\n".join(problems))
    return {
        "models": models,
        "aliases": dict(sorted(model_aliases.items())),
        "patterns": patterns,
        "licenses": recorded,
        "license_aliases": dict(sorted(recorded_aliases.items())),
        "signatures": signatures,
    }


def split_index(licenses: Mapping[str, Any], catalog: Mapping[str, Any]) -> dict[str, Any]:
    """The files a run reads: small lookups, one file per license, catalog details in shards, and the names a scan
    recognises (every model key and alias, one per line: read before any JSON is)."""
    files: dict[str, Any] = {
        "licenses.json": {
            "names": {lid: data["name"] for lid, data in sorted(licenses["licenses"].items())},
            "aliases": licenses["aliases"],
            "signatures": licenses["signatures"],
        }
    }
    for lid, data in licenses["licenses"].items():
        files[f"licenses/{lid}.json"] = data
    lookup = {
        key: {k: v for k, v in record.items() if k not in DETAIL_FIELDS} for key, record in catalog["models"].items()
    }
    files["catalog.json"] = {**catalog, "models": lookup, "names": name_index(lookup, catalog["aliases"])}
    shards: dict[str, dict[str, Any]] = {f"catalog-details/{n:02d}.json": {} for n in range(DETAIL_SHARDS)}
    for key, record in catalog["models"].items():
        details = {k: record[k] for k in DETAIL_FIELDS if k in record}
        if details:
            shards[f"catalog-details/{detail_shard(key):02d}.json"][key] = details
    files.update(shards)
    files[NAMES_FILE] = sorted(set(lookup) | set(catalog["aliases"]))
    return files


DETAIL_FIELDS = ("source", "note", "aliases")


def build() -> dict[str, Any]:
    licenses = compile_licenses(licenses_dir())
    catalog = compile_catalog(catalog_dir(), licenses["aliases"])
    return split_index(licenses, catalog)


def dump(data: Mapping[str, Any] | list[str]) -> str:
    """A compiled file's text: compact JSON, or one name per line for the names file."""
    if isinstance(data, list):
        return "".join(f"{name}\n" for name in data)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> int:
    try:
        built = build()
    except DataError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    index_dir = Path(INDEX_DIR)
    for name, data in built.items():
        path = index_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), encoding="utf-8")
    for stale in sorted(p for p in index_dir.rglob("*") if p.is_file()):
        if stale.relative_to(index_dir).as_posix() not in built:
            stale.unlink()
            print(f"removed {stale}")
    print(f"wrote {len(built)} files under {INDEX_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
