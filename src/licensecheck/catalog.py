"""The model catalog: exact ids, aliases (Ollama tags, short names), family patterns, and re-uploads by name."""

from __future__ import annotations

from licensecheck.data import catalog_details, catalog_index, normalize_key
from licensecheck.lazyre import compiled, later
from licensecheck.records import TYPE_CHECKING, NamedTuple, cache

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

_HUB_PREFIXES = ("huggingface.co/", "hf.co/", "hf://", "https://huggingface.co/", "models/")
# (LiteLLM names a local Ollama model ollama/llama3 or ollama_chat/llama3)
_OLLAMA_PREFIXES = (
    "ollama.com/library/",
    "registry.ollama.ai/library/",
    "library/",
    "ollama://",
    "ollama/",
    "ollama_chat/",
)
# Suffixes re-uploaders add to a model's name: formats, quantizations, runtimes.
_QUANT_PATTERN = (
    r"(?:[-_.](?:gguf|ggml|awq|gptq|exl2|mlx|onnx|openvino|ov|fp8|fp16|bf16|fp4|nvfp4|mxfp4|int4|int8|w4a16|w8a8|"
    r"4bit|8bit|bnb|bnb-4bit|unsloth|dynamic|hf|q[2-8](?:_[0-9a-z]+)*|[0-9]+bpw|i1|imatrix|quantized|quant|"
    r"converted|safetensors|sharded))+$"
)


_quant_re = later(_QUANT_PATTERN)  # (compiled on first use: only names that miss the catalog need it)


class CatalogHit(NamedTuple):
    id: str
    licenses: tuple[str, ...]
    bases: tuple[str, ...] = ()
    modality: str | None = None
    source: str | None = None
    note: str | None = None
    how: str = "catalog"  # catalog | alias | pattern | name-match
    matched: str | None = None  # the alias or pattern that matched


# A page of a Hub repository, after its id: `…/org/x/tree/main`, `…/org/x/blob/main/README.md`, `…/discussions/3`.
_HUB_PAGES = frozenset({"tree", "blob", "resolve", "raw", "commit", "commits", "discussions", "files", "edit"})


def _strip_prefixes(key: str) -> str:
    hub = False
    for prefix in _HUB_PREFIXES + _OLLAMA_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
            hub = hub or prefix in _HUB_PREFIXES
    key = key.strip("/")
    if hub:  # a link to a page of the repository: the repository
        parts = key.split("/")
        page = next((at for at, part in enumerate(parts[1:3], 1) if part in _HUB_PAGES), None)
        if page is not None:
            key = "/".join(parts[:page])
    return key


def _ollama_variants(key: str) -> list[str]:
    """``llama3.1:8b-instruct-q4_k_m`` -> itself, ``llama3.1:8b-instruct``, ``llama3.1:8b``, ``llama3.1``."""
    if ":" not in key or "/" in key:
        return []
    name, tag = key.split(":", 1)
    out = []
    parts = tag.split("-")
    while parts:
        out.append(f"{name}:{'-'.join(parts)}")
        parts.pop()
    out.append(name)  # the family's default tag: same license as its sizes, except where listed one by one
    return out


def _from_record(key: str, record: dict[str, Any], how: str, matched: str | None = None) -> CatalogHit:
    details = catalog_details(key)
    return CatalogHit(
        id=str(record["id"]),
        licenses=tuple(record.get("license") or ()),
        bases=tuple(record.get("base_model") or ()),
        modality=record.get("modality"),
        source=details.get("source"),
        note=details.get("note"),
        how=how,
        matched=matched,
    )


def name_index(models: Mapping[str, Mapping[str, Any]], aliases: Mapping[str, str]) -> dict[str, str]:
    """The name part of every catalog id and ``org/name`` alias (after the org), as it is and without re-uploaders'
    suffixes, for recognising re-uploads. Of the models that share a name, the one nearest to an original release
    (fewest base models above it) wins, then the first id in sorted order: a new re-upload of ``phi-4`` comes from
    ``microsoft/phi-4``, not from an older mirror that happens to sort first. Compiled into ``catalog.json``."""
    best: dict[str, tuple[int, str]] = {}
    named = [(key, key) for key in models] + [(alias, key) for alias, key in aliases.items() if key in models]
    for spelled, key in sorted(named):
        if "/" not in spelled:
            continue
        name = spelled.split("/", 1)[1]
        rank = (_depth(key, models, aliases), key)
        for variant in (name, _quant_re().sub("", name)):
            if variant not in best or rank < best[variant]:
                best[variant] = rank
    return {name: key for name, (_, key) in best.items()}


def _depth(key: str, models: Mapping[str, Mapping[str, Any]], aliases: Mapping[str, str]) -> int:
    """How many base models lie above a catalog model (through its first base, as far as the catalog knows them)."""
    depth = 0
    seen = {key}
    while depth < 8:
        bases = models[key].get("base_model") or ()
        if not bases:
            break
        base = normalize_key(str(bases[0]))
        key = base if base in models else aliases.get(base, "")
        if key not in models or key in seen:
            return depth + 1  # (a base outside the catalog: one level up, no further)
        seen.add(key)
        depth += 1
    return depth


@cache
def _name_index() -> dict[str, str]:
    index = catalog_index()
    names: dict[str, str] | None = index.get("names")
    return names if names is not None else name_index(index["models"], index["aliases"])


def glob_match(text: str, pattern: str) -> bool:
    """``fnmatchcase`` for patterns whose only wildcard is ``*`` (the catalog's), without compiling a regex.

    Compiling the 149 family patterns cost a one-shot command 30 ms; this is a few string comparisons.
    """
    if "?" in pattern or "[" in pattern:
        import fnmatch  # (it imports ``re``: only for a pattern with another wildcard)

        return fnmatch.fnmatchcase(text, pattern)
    parts = pattern.split("*")
    if len(parts) == 1:
        return text == pattern
    head, tail = parts[0], parts[-1]
    if len(text) < len(head) + len(tail) or not text.startswith(head) or not text.endswith(tail):
        return False
    at, end = len(head), len(text) - len(tail)
    for middle in parts[1:-1]:
        found = text.find(middle, at, end)
        if found < 0:
            return False
        at = found + len(middle)
    return True


@cache
def _patterns_by_org() -> tuple[dict[str, list[int]], list[int]]:
    """Where in the catalog's pattern list each organisation's family patterns are, and the patterns whose
    organisation is itself a pattern (those can match any id)."""
    by_org: dict[str, list[int]] = {}
    any_org: list[int] = []
    for index, pattern in enumerate(catalog_index()["patterns"]):
        head = pattern["match"].split("/", 1)[0]
        if _LITERAL.fullmatch(head):
            by_org.setdefault(head, []).append(index)
        else:
            any_org.append(index)
    return by_org, any_org


@cache
def _patterns_for(org: str) -> list[dict[str, Any]]:
    """The family patterns that can match an id of this organisation, in catalog order (most name one org)."""
    by_org, any_org = _patterns_by_org()
    patterns = catalog_index()["patterns"]
    return [patterns[index] for index in sorted(by_org.get(org, []) + any_org)]


def warm_up() -> None:
    """Build the lookups resolving needs, ahead of it (a parallel scan does this while its helpers scan)."""
    _patterns_by_org()
    _name_index()


_LITERAL = compiled(r"[^*?\[]*")


def lookup_model(spec: str) -> CatalogHit | None:
    """Find a model by id, alias or family pattern (case-insensitive)."""
    index = catalog_index()
    models, aliases = index["models"], index["aliases"]
    key = _strip_prefixes(normalize_key(spec))
    if key.endswith(":latest"):
        key = key[: -len(":latest")]
    tagged = None  # `user/llama3.2:3b`: an Ollama model pushed to a user's namespace
    if "/" in key:  # a revision (`org/x@main`) or the quantization tag Ollama gives a hub GGUF (`hf.co/org/x:Q4_K_M`)
        head, name = key.split("/", 1)
        if ":" in name and "/" not in name:
            tagged = name
        key = f"{head}/{name.split('@', 1)[0].split(':', 1)[0]}"
    for candidate in [key, *_ollama_variants(key)]:
        if candidate in models:
            return _from_record(candidate, models[candidate], "catalog", candidate)
        if candidate in aliases:
            return _from_record(aliases[candidate], models[aliases[candidate]], "alias", candidate)
    if key and "/" not in key and ":" not in key:  # an Ollama family name (`vicuna`) whose tags the catalog knows
        tags = sorted(alias for alias in aliases if alias.startswith(key + ":"))
        if tags and len({tuple(models[aliases[tag]].get("license") or ()) for tag in tags}) == 1:
            return _from_record(aliases[tags[0]], models[aliases[tags[0]]], "alias", tags[0])  # (all one license)
        named = _name_index().get(key) if _hub_shaped(key) else None
        if named is not None:  # a catalog model's name without its organisation (`llama-3.1-8b-instruct`)
            return _from_record(named, models[named], "alias", key)
    if "/" in key and _hub_shaped(key):  # (`org/x,org/y` or `org/x and more` is no id a pattern may answer for)
        for pattern in _patterns_for(key.split("/", 1)[0]):
            if glob_match(key, pattern["match"]):
                return CatalogHit(
                    id=spec.strip(),
                    licenses=tuple(pattern["license"]),
                    bases=tuple(pattern.get("base_model") or ()),
                    modality=pattern.get("modality"),
                    source=pattern.get("source"),
                    note=pattern.get("note"),
                    how="pattern",
                    matched=pattern["match"],
                )
        # A re-upload or quantization named after a catalog model (bartowski/Meta-Llama-3.1-8B-Instruct-GGUF).
        name = key.split("/", 1)[1]
        names = _name_index()
        candidates = [name, _quant_re().sub("", name)]
        org, _, rest = candidates[1].partition("_")
        if rest and org in _catalog_orgs():  # bartowski's newer names: bartowski/meta-llama_Llama-3.2-3B-…-GGUF
            candidates.append(rest)
        hits = [names.get(candidate) for candidate in candidates]
        found = [other for other in hits if other is not None and other != key]
        if not found and tagged is not None:  # (an Ollama name with its tag, whoever pushed it)
            ollama = lookup_model(tagged)  # (`tagged` holds no "/": never a name-match, always a catalog model)
            found = [normalize_key(ollama.id)] if ollama is not None else []
        if found:  # (the full name may hit another re-upload, the bare one the original: the nearer to a release)
            record = models[min(found, key=lambda other: (_depth(other, models, aliases), other))]
            return CatalogHit(
                id=spec.strip(),
                licenses=(),
                bases=(str(record["id"]),),
                modality=record.get("modality"),
                source=f"name matches catalog model {record['id']}",
                how="name-match",
                matched=str(record["id"]),
            )
    return None


_HUB_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-/")


def _hub_shaped(key: str) -> bool:
    """Whether a normalized key can be a Hub repository id (``org/name``) or name: letters, digits, ``-``, ``_``,
    ``.``, at most one ``/`` and no empty part; not two ids run together or an id with words after it."""
    return key.count("/") <= 1 and all(key.split("/")) and _HUB_CHARACTERS.issuperset(key)


@cache
def _catalog_orgs() -> frozenset[str]:
    """The organisations of the catalog's models (lower case)."""
    return frozenset(key.split("/", 1)[0] for key in catalog_index()["models"] if "/" in key)


def search_catalog(query: str | None, *, license_id: str | None = None) -> dict[str, Any]:
    index = catalog_index()
    words = [w for w in normalize_key(query or "").split() if w]
    lic = normalize_key(license_id) if license_id else None
    rows = []
    for key, lookup in index["models"].items():
        record = {**lookup, **catalog_details(key)}
        haystack = " ".join(
            [
                str(record["id"]),
                *record.get("aliases", ()),
                *record.get("license", ()),
                *record.get("base_model", ()),
            ]
        ).lower()
        if words and not all(w in haystack for w in words):
            continue
        if lic and lic not in [normalize_key(x) for x in record.get("license", ())]:
            continue
        rows.append(
            {
                k: record[k]
                for k in ("id", "license", "base_model", "modality", "aliases", "source", "note")
                if k in record
            }
        )
    rows.sort(key=lambda r: str(r["id"]).lower())
    patterns = [
        p
        for p in index["patterns"]
        if (not words or all(w in (p["match"] + " " + " ".join(p["license"])) for w in words))
        and (not lic or lic in p["license"])
    ]
    title = f"Catalog: {query}" if query else "Catalog"
    return {"title": title, "query": query, "count": len(rows), "models": rows, "patterns": patterns}
