"""Resolvers behind one interface: catalog, local model folder or card, and (opt-in) the Hugging Face Hub.

Each returns the licenses a model declares *and the evidence for them*; ``resolve_lineage`` then follows base
models, because the terms of a base model's license that bind derivatives apply to the derivative too.
"""

from __future__ import annotations

from licensecheck import probes
from licensecheck.catalog import lookup_model
from licensecheck.errors import InputError
from licensecheck.lazyre import IGNORECASE, compiled
from licensecheck.paths import plain_path
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.registry import LicenseRef, find_license, is_unnamed, unnamed_license
from licensecheck.report import Evidence, LineageStep

if TYPE_CHECKING:  # card parsing (and yaml) is loaded only for local folders, pathlib only for paths
    from collections import deque
    from pathlib import Path

    from licensecheck.card import Card
else:
    from _collections import deque  # (the same class: importing ``collections`` costs 1.7 ms)

MAX_LINEAGE_DEPTH = 8
CARD_NAMES = ("README.md", "readme.md", "README.MD", "Readme.md", "MODEL_CARD.md", "model_card.md")
# A file that names the model's own license comes first: a repository may ship code under LICENSE and the weights
# under LICENSE-MODEL (DeepSeek-V3 does).
LICENSE_NAMES = (
    "LICENSE-MODEL",
    "LICENSE_MODEL",
    "LICENSE-MODEL.md",
    "LICENSE-MODEL.txt",
    "MODEL_LICENSE",
    "LICENSE.MODEL",
    "LICENSE",
    "LICENSE.md",
    "LICENSE.txt",
    "license",
    "license.md",
    "license.txt",
    "LICENCE",
    "LICENCE.md",
    "LICENCE.txt",
)
ADAPTER_CONFIG = "adapter_config.json"
# license values that say nothing: look further (license_name, a LICENSE file, the base model).
UNINFORMATIVE = frozenset({"other", "unknown", "none", "null", "n/a", "custom", "proprietary", ""})
# Of those, the words that say the model has a license of its own, just not named in the `license` field.
UNNAMED = frozenset({"other", "unknown", "custom", "proprietary"})


class ModelNode(NamedTuple):
    name: str
    declared: tuple[str, ...] = ()
    licenses: tuple[LicenseRef, ...] = ()
    bases: tuple[str, ...] = ()
    modality: str | None = None
    evidence: tuple[Evidence, ...] = ()
    found: bool = True
    folder: Path | None = None
    note: str | None = None
    key: str = ""
    warnings: tuple[str, ...] = ()


class Lineage(NamedTuple):
    root: ModelNode
    steps: list[LineageStep]
    licenses: list[LicenseRef]
    modality: str | None
    evidence: list[Evidence]
    warnings: list[str]
    # Licenses of the models the weights start from (lineage nodes with no base): what a model is "shown to
    # derive from", whatever a derivative's own card claims.
    root_licenses: frozenset[str] = frozenset()


def is_path_spec(spec: str) -> bool:
    """SPEC: MODEL is a path when it exists or starts with /, ./, ../ or ~."""
    if spec.startswith(("/", "./", "../", "~", ".\\", "..\\")) or spec in (".", ".."):
        return True
    try:
        return probes.exists(plain_path(spec))
    except (OSError, ValueError):
        return False


def _ref(value: str) -> LicenseRef:
    found = find_license(value)
    return found if found is not None else LicenseRef(value, False, value, known=False)


def _unique(refs: list[LicenseRef]) -> tuple[LicenseRef, ...]:
    return tuple({ref.id: ref for ref in refs}.values())


_EXPRESSION_SPLIT = compiled(r"\s+(?:AND|OR|WITH)\s+|[()]", IGNORECASE)


_LIST_SPLIT = compiled(r"\s*(?:[,;/&+]|\band\b)\s*", IGNORECASE)


def _listed(value: str) -> list[str]:
    """The licenses of a value that lists several without an SPDX operator (``Apache-2.0, MIT``, ``mit/apache-2.0``):
    split only when the whole is no license name and every part is one (``Apache License, Version 2.0`` stays)."""
    if find_license(value) is not None or not _LIST_SPLIT.search(value):
        return [value]
    parts = [part for part in _LIST_SPLIT.split(value) if part]
    return parts if len(parts) > 1 and all(find_license(part) is not None for part in parts) else [value]


def licenses_from_card(card: Card) -> tuple[list[LicenseRef], list[Evidence], tuple[str, ...]]:
    """The licenses a card declares; ``license: other`` goes through ``license_name`` and ``license_link``."""
    refs: list[LicenseRef] = []
    evidence: list[Evidence] = []
    declared: list[str] = []
    line = card.lines.get("license")
    needs_name = False
    # An SPDX-style expression (`apache-2.0 AND llama3.1`) names several licenses; every one is taken to apply
    # (for OR that is the cautious reading: the answer holds whichever one you pick).
    values = [part for value in card.license for part in _EXPRESSION_SPLIT.split(value) if part.strip()]
    placeholder: str | None = None  # `other`, `custom`, `unknown`: a license the card has but does not name here
    for value in (piece for v in values for piece in _listed(v.strip())):
        if value.lower() in UNINFORMATIVE:
            needs_name = True
            if value.lower() in UNNAMED:
                placeholder = placeholder or value
            continue
        refs.append(_ref(value))
        declared.append(value)
        evidence.append(Evidence("card", f"front matter license: {value}", card.path, line))
    if needs_name or (not refs and (card.license_name or card.license_link)):
        for field_name, named in (("license_name", card.license_name), ("license_link", card.license_link)):
            if not named:
                continue
            found = find_license(named)
            if found is None and field_name == "license_link":
                found = _license_of_linked_repo(named)
            if found is not None:
                refs.append(found)
                declared.append(named)
                evidence.append(
                    Evidence("card", f"front matter {field_name}: {named}", card.path, card.lines.get(field_name))
                )
                break
        else:
            if card.license_name:
                refs.append(LicenseRef(card.license_name, False, card.license_name, known=False))
                declared.append(card.license_name)
                evidence.append(
                    Evidence(
                        "card",
                        f"front matter license_name: {card.license_name} (not recognised)",
                        card.path,
                        card.lines.get("license_name"),
                    )
                )
            elif placeholder is not None:
                # `license: other` says the model is under some license of its own; with nothing that names it (a
                # LICENSE file beside the card may still), its terms are unknown, and a base's do not replace them.
                link = f" (license_link {card.license_link}, not recognised)" if card.license_link else ""
                refs.append(unnamed_license(placeholder))
                declared.append(placeholder)
                what = f"front matter license: {placeholder}, with no license_name{link}"
                evidence.append(Evidence("card", what, card.path, line))
    return refs, evidence, tuple(declared)


_HUB_FILE_LINK = compiled(
    r"^(?:https?://)?(?:www\.)?(?:huggingface\.co|hf\.co)/([\w.-]+/[\w.-]+)/(?:blob|resolve|raw)/[^/]+/"
    r"(?:LICEN[CS]E|USE_POLICY|MODEL_LICENSE)[\w.-]*$",
    IGNORECASE,
)


def _license_of_linked_repo(link: str) -> LicenseRef | None:
    """``license_link`` to a catalog model's LICENSE on the Hub: that model's license (Meta's cards link theirs)."""
    match = _HUB_FILE_LINK.match(link.strip())
    if match is None:
        return None
    hit = lookup_model(match.group(1))
    if hit is None or len(hit.licenses) != 1:
        return None
    return _ref(hit.licenses[0])


MAX_CONFIG_DEPTH = 100  # a real adapter config nests two or three levels; Python's own JSON parser stops near 1000


def _depth(value: object) -> int:
    """How deeply lists and objects nest in parsed JSON (counted without recursion)."""
    deepest = 0
    todo = [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            todo.extend((child, depth + 1) for child in item)
    return deepest


def adapter_base(folder: Path) -> str | None:
    """``base_model_name_or_path`` of a PEFT ``adapter_config.json`` in ``folder``; malformed is an InputError."""
    from licensecheck.textfile import read_text_file

    adapter = folder / ADAPTER_CONFIG
    if not probes.regular_file(adapter):
        return None
    import json  # (only an adapter folder needs it: resolving a catalog id never reads JSON of its own)

    try:
        config = json.loads(read_text_file(adapter, what="adapter config"))
    except ValueError as exc:
        raise InputError(f"adapter config is not valid JSON: {exc}", path=str(adapter)) from None
    except RecursionError:
        raise InputError("adapter config is nested too deeply", path=str(adapter)) from None
    if not isinstance(config, dict):
        raise InputError(f"adapter config must be a JSON object, not {type(config).__name__}", path=str(adapter))
    if _depth(config) > MAX_CONFIG_DEPTH:  # (as deep as a parser that stops at its recursion limit refuses)
        raise InputError("adapter config is nested too deeply", path=str(adapter))
    named_base = config.get("base_model_name_or_path")
    if named_base is not None and not isinstance(named_base, str):
        raise InputError("adapter config base_model_name_or_path must be a string", path=str(adapter))
    return named_base.strip() or None if named_base else None


def resolve_folder(path: Path, display: str) -> ModelNode:
    """A local model folder, or a card file (README.md-style) given directly."""
    from licensecheck.card import parse_card, read_card_text

    probes.spoil()  # (a recorded scan that reads a local model folder is not replayed: the folder may change)
    folder = path if path.is_dir() else path.parent
    evidence: list[Evidence] = []
    modality: str | None = None
    card_path: Path | None = None
    look_around = True
    if path.is_dir():
        card_path = next((path / name for name in CARD_NAMES if (path / name).is_file()), None)
    elif path.is_file():
        card_path = path
        look_around = path.name.lower() in {n.lower() for n in CARD_NAMES}
    else:
        raise InputError("not a file or folder", path=display)
    refs: list[LicenseRef] = []
    declared: list[str] = []
    bases: list[str] = []
    warnings: list[str] = []
    if card_path is not None:
        text = read_card_text(card_path)
        card = parse_card(text, str(card_path))
        card_refs, card_evidence, card_declared = licenses_from_card(card)
        refs += card_refs
        declared += card_declared
        evidence += card_evidence
        for base in card.base_model:
            bases.append(base)
            evidence.append(
                Evidence("card", f"front matter base_model: {base}", str(card_path), card.lines.get("base_model"))
            )
        modality = card.modality
    if look_around:
        refs, found_declared, found_evidence, found_warnings = license_files(folder, display, refs)
        declared += found_declared
        evidence += found_evidence
        warnings += found_warnings
        named_base = adapter_base(folder)
        if named_base and named_base not in bases:
            bases.append(named_base)
            evidence.append(
                Evidence("adapter-config", f"base_model_name_or_path: {named_base}", str(folder / ADAPTER_CONFIG))
            )
    return ModelNode(
        name=display,
        declared=tuple(declared),
        licenses=_unique(refs),
        bases=tuple(bases),
        modality=modality,
        evidence=tuple(evidence),
        folder=folder,
        key=str(path.resolve()),
        warnings=tuple(warnings),
    )


def license_files(
    folder: Path, display: str, refs: list[LicenseRef]
) -> tuple[list[LicenseRef], list[str], list[Evidence], list[str]]:
    """The licenses of a folder whose card declares ``refs``, with its LICENSE file read too: (licenses, what the
    LICENSE file declares, evidence, warnings). The LICENSE file is read even when the card declares a license: one
    that names another license (a card tagged apache-2.0 shipping the Llama agreement) is a trap, and both apply."""
    from licensecheck.identify import identify_license_text
    from licensecheck.textfile import read_text_file

    refs = list(refs)
    declared: list[str] = []
    evidence: list[Evidence] = []
    warnings: list[str] = []
    if refs and not any(ref.known for ref in refs):
        # The card names only licenses nobody recognises (`license_name: custom`): the LICENSE file decides.
        unrecognised = refs
        refs = []
    else:
        unrecognised = []
    carded = {ref.id for ref in refs}
    for name in LICENSE_NAMES:
        candidate = folder / name
        if not probes.regular_file(candidate):
            continue
        try:
            # (beside a declared license, a LICENSE in another encoding is read for its words; alone it must be
            # text as the card is)
            text = read_text_file(candidate, what="LICENSE file", lenient=bool(carded))
        except InputError as exc:
            if not carded:  # (the only word on the license there is: the input is broken)
                raise
            warnings.append(f"{display}: {name} not read ({exc.message}); the card's license stands")
            evidence.append(Evidence("license-file", f"{name} not read: {exc.message}", str(candidate)))
            continue
        found = identify_license_text(text)
        if found is not None:
            ref = _ref(found.license)
            if carded and ref.id not in carded:
                warnings.append(
                    f"{display}: {name} is the {ref.name} ({ref.id}) but the card declares "
                    f"{', '.join(sorted(carded))}; both are taken to apply"
                )
            if unrecognised:
                evidence.append(
                    Evidence(
                        "license-file",
                        f"{name} settles the card's unrecognised {', '.join(r.id for r in unrecognised)}",
                        str(candidate),
                    )
                )
                unrecognised = []
            if ref.id not in carded:
                refs.append(ref)
                declared.append(found.license)
                evidence.append(
                    Evidence(
                        "license-file",
                        f'{name} identified as {found.license} ("{found.signature}")',
                        str(candidate),
                        found.line,
                    )
                )
            break
        if not carded:
            evidence.append(Evidence("license-file", f"{name} not recognised", str(candidate)))
    refs.extend(unrecognised)  # nothing settled them: they stay (an honest unknown)
    return refs, declared, evidence, warnings


def resolve_catalog(spec: str) -> ModelNode | None:
    hit = lookup_model(spec)
    if hit is None:
        return None
    refs = [_ref(value) for value in hit.licenses]
    detail = {
        "catalog": f"catalog entry {hit.id}",
        "alias": f"catalog alias {hit.matched} of {hit.id}",
        "pattern": f"family pattern {hit.matched}",
        "name-match": f"named like catalog model {hit.matched}: treated as a re-upload or quantization of it",
    }[hit.how]
    if hit.source and hit.how != "name-match":
        detail += f" (source: {hit.source})"
    node = ModelNode(
        name=hit.id if hit.how in ("catalog", "alias") else spec.strip(),
        declared=tuple(hit.licenses),
        licenses=_unique(refs),
        bases=hit.bases,
        modality=hit.modality,
        evidence=(Evidence("pattern" if hit.how == "pattern" else "catalog", detail),),
        note=hit.note,
        key=(hit.id if hit.how in ("catalog", "alias") else spec.strip()).lower(),
        warnings=(
            f"{spec.strip()} is not in the catalog: judged as a re-upload or quantization of {hit.matched}, which "
            "it is named like; its own card may say otherwise (check it, or look it up with --online)",
        )
        if hit.how == "name-match"
        else (),
    )
    return node


def resolve_spec(spec: str, *, online: bool = False, relative_to: Path | None = None) -> ModelNode:
    """One model, without its bases. Unknown models come back with ``found=False``."""
    text = spec.strip()
    if not text:
        raise InputError("empty model name")
    try:
        path = _local_path(text, relative_to)
        if path is not None:
            return resolve_folder(path, text)
    except _MissingBase as missing:  # (a training machine's path in a downloaded adapter's config, say)
        return ModelNode(name=text, found=False, key=f"path:{text}", note=missing.message)
    except PermissionError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=text) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=text) from None
    node = resolve_catalog(text)
    if node is not None:
        return node
    if online:
        from licensecheck.hub import resolve_hub

        return resolve_hub(text)
    return ModelNode(name=text, found=False, key=text.lower())


class _MissingBase(InputError):
    """A base model named by a path that is not there: its terms are unknown (the model is not an input error)."""


def _local_path(text: str, relative_to: Path | None) -> Path | None:
    """The local file or folder a spec names, or None for an id.

    A base model named in a card is relative to that card's folder, never to the current directory, and may not
    use ``~``; the user's own MODEL argument follows SPEC.md (a path when it exists or starts with /, ./, ../, ~).
    """
    if relative_to is not None:
        from pathlib import Path  # (a model id never needs pathlib: imported only for a path)

        if text.startswith("~"):
            raise _MissingBase("a path in the home folder of the machine the card was written on")
        explicit = text in (".", "..") or text.startswith(("./", "../", "/", ".\\", "..\\"))
        candidate = Path(text) if text.startswith("/") else relative_to / text
        if explicit or (not _looks_like_id(text) and probes.exists(candidate)):
            if not probes.exists(candidate):
                raise _MissingBase(f"a path not found here ({candidate})")
            return candidate
        return None
    if is_path_spec(text):
        from pathlib import Path

        try:
            path = Path(text).expanduser()
        except RuntimeError:  # `~someone` for a user this machine does not have
            raise InputError("no such file or folder", path=text) from None
        if not probes.exists(path):
            raise InputError("no such file or folder", path=text)
        return path
    return None


def _looks_like_id(text: str) -> bool:
    """``org/name`` or a bare alias: checked against the catalog before any same-named folder next to a card."""
    return lookup_model(text) is not None


def _publisher(node: ModelNode) -> str | None:
    """The organisation of a hub model id (``meta-llama`` of ``meta-llama/Llama-3.3-70B-Instruct``), or None for a
    local folder or a bare name."""
    if node.folder is not None or node.name.count("/") != 1:
        return None
    return node.name.split("/", 1)[0].lower()


def _superseded(node: ModelNode, base: ModelNode) -> list[str]:
    """The base's licenses that ``node``'s own replace: a publisher may release its own model's derivative under a
    later version of the same license (Meta's Llama 3.3 70B, built on its Llama 3.1 70B, under the Llama 3.3
    license). Another publisher's derivative stays bound by its base's terms."""
    publisher = _publisher(node)
    if publisher is None or publisher != _publisher(base) or not node.found or not base.found:
        return []
    from licensecheck.registry import supersedes

    own = [ref.id for ref in node.licenses if ref.encoded]
    return [
        ref.id
        for ref in base.licenses
        if ref.encoded and ref.id not in own and any(supersedes(later, ref.id) for later in own)
    ]


def resolve_lineage(spec: str, *, online: bool = False) -> Lineage:
    """The model and every base it derives from (bounded depth, cycles cut), with the licenses that apply."""
    from licensecheck.engine import relicensing_blocked
    from licensecheck.registry import get_terms

    root = resolve_spec(spec, online=online)
    steps = [LineageStep(root.name, root.licenses, 0, root.declared)]
    nodes = [root]
    warnings: list[str] = list(root.warnings)
    evidence = list(root.evidence)
    seen = {root.key}
    unseen: list[str] = []  # bases whose terms could not be read: they may bind the model
    superseded: set[tuple[int, str]] = set()  # (step, license) a later version from the same publisher replaced
    queue: deque[tuple[ModelNode, int]] = deque([(root, 0)])
    while queue:
        node, depth = queue.popleft()
        for base in node.bases:
            if depth + 1 > MAX_LINEAGE_DEPTH:
                warnings.append(f"lineage deeper than {MAX_LINEAGE_DEPTH} levels; stopped at {node.name}")
                unseen.append(f"{base} (beyond {MAX_LINEAGE_DEPTH} levels)")
                continue
            child = resolve_spec(base, online=online, relative_to=node.folder)
            if child.key in seen:
                if child.key == root.key or any(n.key == child.key for n in nodes[: nodes.index(node) + 1]):
                    warnings.append(f"base_model cycle: {node.name} names {base}, already in its lineage; not followed")
                continue
            seen.add(child.key)
            nodes.append(child)
            warnings.extend(child.warnings)
            steps.append(LineageStep(child.name, child.licenses, depth + 1, child.declared, base_of=node.name))
            replaced = _superseded(node, child)
            superseded.update((len(steps) - 1, lid) for lid in replaced)
            evidence.extend(Evidence(e.source, f"{child.name}: {e.detail}", e.path, e.line) for e in child.evidence)
            if not child.found:
                why = child.note or "is not in the catalog"
                warnings.append(
                    f"base model {base} (of {node.name}): {why}; its license terms are unknown and may bind this model"
                )
                unseen.append(base)
            else:
                evidence.append(Evidence("base-model", f"{node.name} derives from {child.name}"))
                if replaced:
                    own = ", ".join(ref.id for ref in node.licenses if ref.encoded)
                    evidence.append(
                        Evidence(
                            "base-model",
                            f"{node.name} is under {own}, a later version of {', '.join(replaced)} from the same "
                            f"publisher as its base: {', '.join(replaced)} no longer applies",
                        )
                    )
                # A derivative that declares a license its base's license does not allow.
                for declared in node.licenses:
                    if is_unnamed(declared):  # (what `license: other` stands for may be the base's own license)
                        continue
                    for inherited in child.licenses:
                        if not inherited.encoded or declared.id == inherited.id or inherited.id in replaced:
                            continue
                        blocked = relicensing_blocked(get_terms(inherited.id), declared.id)
                        if blocked is not None:
                            warnings.append(
                                f"{node.name} declares {declared.id}, but its base {child.name} is under "
                                f"{inherited.id}, which does not let derivatives carry other terms "
                                f"({blocked}); the {inherited.id} terms still apply"
                            )
            queue.append((child, depth + 1))
    licenses: list[LicenseRef] = []
    for index, step in enumerate(steps):
        licenses.extend(ref for ref in step.licenses if (index, ref.id) not in superseded)
    if root.found and unseen:
        # SPEC: a model inherits what its base's license requires; an unknown base makes the answer unknown.
        licenses.append(LicenseRef("unknown", False, f"the license of base model {', '.join(unseen)}", known=False))
    # A derivative of a multimodal model is a derivative of the multimodal release, whatever its own card says
    # (a GGUF of a vision model tagged text-generation): rules that withhold a multimodal release reach it too.
    # (A model the catalog itself records as text-only, such as a text model cut from a multimodal family, stays
    # text: the catalog is curated, where a re-upload's pipeline_tag is often just "text-generation".)
    multimodal = next((n for n in nodes if n.modality == "multimodal"), None)
    curated_text = root.modality == "text" and any(e.source in ("catalog", "pattern") for e in root.evidence)
    if curated_text:
        multimodal = None
    modality = "multimodal" if multimodal else next((n.modality for n in nodes if n.modality), None)
    if multimodal is not None and multimodal is not root:
        evidence.append(Evidence("base-model", f"multimodal: {root.name} derives from {multimodal.name}"))
    roots = frozenset(ref.id for n in nodes if n.found and not n.bases for ref in n.licenses)
    return Lineage(root, steps, list(_unique(licenses)), modality, evidence, warnings, roots)
