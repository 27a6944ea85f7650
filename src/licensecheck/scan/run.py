"""Resolve every discovered model, check every model card, apply the policy, and build the ScanReport."""

from __future__ import annotations

import os

from licensecheck import probes
from licensecheck.errors import LicenseCheckError
from licensecheck.facts import Facts, Target
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.scan.discover import CardFile, discover
from licensecheck.scan.extract import Mention
from licensecheck.scan.policy import IgnoreEntry, Policy, normalize_license, unknown_licenses
from licensecheck.vocabulary import Use, Verdict

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from licensecheck.engine import Result
    from licensecheck.scan.report import Finding, Location, ScanReport


def _prepare_reporting() -> None:
    """Import what resolving and reporting need and read the catalog (about 12 ms) while forked helpers scan: they
    take more files."""
    import licensecheck.check
    import licensecheck.resolve
    import licensecheck.scan.report  # noqa: F401
    from licensecheck.catalog import warm_up

    warm_up()  # (resolving reads the whole catalog, 3 ms of JSON, and indexes it: done while the helpers scan)


class _Group:
    """Mentions that resolve to the same model."""

    def __init__(
        self, model: str, licenses: tuple[str, ...], results: tuple[Result, ...], verdict: Verdict, reason: str
    ) -> None:
        self.model = model
        self.licenses = licenses
        self.results = results
        self.verdict = verdict
        self.reason = reason
        self.warnings: list[str] = []
        self.written: dict[str, None] = {}
        self.locations: set[Location] = set()


def _reason(results: Sequence[Result], verdict: Verdict, fallback: str) -> str:
    for result in results:
        if result.verdict is verdict:
            why = result.conditions[0] if verdict is Verdict.CONDITIONAL and result.conditions else result.reason
            return f"{result.use.value} under {result.license}: {why}"
    return fallback


def _resolve_models(
    mentions: dict[str, list[tuple[Mention, str]]], root: str, uses: Sequence[Use], facts: Facts, online: bool
) -> tuple[list[_Group], list[str]]:
    if not mentions:  # (nothing to resolve: the resolver and the license engine are not even imported)
        return [], []
    from licensecheck.check import check_model
    from licensecheck.engine import unknown_result
    from licensecheck.scan.report import Location

    groups: dict[str, _Group] = {}
    warnings: list[str] = []
    for value in sorted(mentions, key=str.lower):
        if probes.exists(os.path.join(root, value)):  # a folder of the repository named like org/name: a path
            continue
        try:
            report = check_model(value, uses, facts, online=online)
        except LicenseCheckError as exc:  # (the Hub unreachable under --online, say: never a silent pass)
            why = f"{value} could not be resolved ({exc.describe()}); its license is unknown"
            warnings.append(f"{value}: could not be resolved ({exc.describe()})")
            unresolved = groups.setdefault(
                value.lower(),
                _Group(value, (), tuple(unknown_result(use, "unknown", why) for use in uses), Verdict.UNKNOWN, why),
            )
            unresolved.written[value] = None
            unresolved.locations.update(Location(rel, mention.line) for mention, rel in mentions[value])
            continue
        name = report.model or value
        key = name.lower() if report.found else value.lower()
        group = groups.get(key)
        if group is None:
            verdict = report.verdict
            fallback = report.hint or (report.warnings[0] if report.warnings else "")
            group = groups[key] = _Group(
                model=name,
                licenses=tuple(report.license_ids),
                results=report.results,
                verdict=verdict,
                reason=_reason(report.results, verdict, fallback)
                if report.found
                else (f"{value} is not in the catalog and no card was found for it; its license is unknown"),
            )
            if report.found:
                group.warnings.extend(report.warnings)
        group.written[value] = None
        for mention, rel in mentions[value]:
            group.locations.add(Location(rel, mention.line))
    return list(groups.values()), warnings


def _card_results(
    declared: Sequence[tuple[str, bool]], bases: Sequence[str], online: bool, facts: Facts, modality: str | None
) -> tuple[list[Result], list[str], list[str]]:
    """The relicensing check of a card: each declared license against each base model's licenses, under the scan's
    facts (user count, domicile) and the card's modality; also the licenses the bases pass on."""
    from licensecheck.engine import evaluate, unknown_result
    from licensecheck.registry import get_terms
    from licensecheck.resolve import resolve_lineage

    results: list[Result] = []
    warnings: list[str] = []
    inherited: list[str] = []
    for base in bases:
        try:
            lineage = resolve_lineage(base, online=online)
        except LicenseCheckError as exc:  # (never a silent pass: a base that cannot be read leaves the answer open)
            warnings.append(f"base model {base}: {exc.describe()}")
            why = f"The base model {base} cannot be read ({exc.message}), so its terms are unknown."
            results.append(unknown_result(Use.RELICENSING, "unknown", why))
            continue
        if not lineage.root.found or not lineage.licenses:
            results.append(
                unknown_result(
                    Use.RELICENSING,
                    "unknown",
                    f"The base model {base} is not in the "
                    "catalog, so whether it lets derivatives change license is unknown.",
                )
            )
            continue
        inherited += [ref.id for ref in lineage.licenses]
        multimodal = "multimodal" in (modality, lineage.modality)
        base_facts = facts._replace(modality="multimodal" if multimodal else modality or lineage.modality)
        for lid, known in declared:  # (a recognised label needs no terms of its own: only the base's decide)
            for ref in lineage.licenses:
                if not ref.encoded:
                    results.append(
                        unknown_result(
                            Use.RELICENSING,
                            ref.id,
                            f"{ref.name} (license of {base}) is "
                            "recognised but its terms are not encoded in licensecheck yet.",
                        )
                    )
                elif not known:
                    results.append(
                        unknown_result(
                            Use.RELICENSING,
                            ref.id,
                            f"The card declares {lid}, a license licensecheck does not know; {base} is under {ref.id}.",
                        )
                    )
                else:
                    target = Target(lid, license=lid, lineage_licenses=frozenset({lid}))
                    results.append(evaluate(get_terms(ref.id), Use.RELICENSING, base_facts._replace(target=target)))
    return results, warnings, inherited


def check_card(
    card: CardFile, online: bool, facts: Facts | None = None
) -> tuple[Finding | None, list[tuple[Mention, str]], list[str]]:
    """A model card in the repository: its declared license must be one its base model's license allows (under the
    scan's facts: a user count or domicile given settles the base license's limits)."""
    from pathlib import Path  # (cards are few: pathlib is imported only for them)

    from licensecheck.card import parse_card, read_card_text
    from licensecheck.engine import combine, unknown_result
    from licensecheck.resolve import license_files, licenses_from_card
    from licensecheck.scan.report import Finding, Location

    folder = card.rel.rsplit("/", 1)[0] if "/" in card.rel else "."
    try:
        card_doc = parse_card(read_card_text(card.path), card.rel)
    except LicenseCheckError as exc:
        # Never a silent pass: a card that cannot be read is a finding whose license is unknown.
        broken = unknown_result(Use.RELICENSING, "unknown", f"The model card cannot be read: {exc.describe()}")
        finding = Finding(
            kind="card",
            model=folder,
            licenses=(),
            verdict=Verdict.UNKNOWN,
            locations=(Location(card.rel, exc.line or 1),),
            results=(broken,),
            reason=f"malformed model card: {exc.message}",
            warnings=(),
            bases=(),
        )
        return finding, [], [f"{exc.describe()} (model card reported as unknown)"]
    if card_doc.dataset:  # a dataset's README (the data a repository trains on): no model's license
        return None, [], []
    if card_doc.sdk is not None:  # a Space's README: an app, not a model; the models it lists are used
        return None, [(Mention(model, line, "card"), card.rel) for model, line in card_doc.models], []
    card_dir = Path(card.path).parent
    adapter_base = _adapter_base(card_dir)
    bases = tuple(dict.fromkeys((*card_doc.base_model, *((adapter_base,) if adapter_base else ()))))
    if not card_doc.license and not card_doc.license_name and not bases:
        return None, [], []
    refs, _evidence, _declared = licenses_from_card(card_doc)
    try:  # (a LICENSE file beside the card declares too, as for `licensecheck model FOLDER`)
        refs, _, _, license_warnings = license_files(card_dir, card.rel, refs)
    except LicenseCheckError as exc:  # unreadable, beside a card that declares nothing: the base's terms decide
        license_warnings = [f"{exc.describe()}; the card's base decides"]
    declared = [(ref.id, ref.known) for ref in refs]
    base_line = card_doc.lines.get("base_model")
    item_lines = card_doc.base_model_lines
    base_mentions = [
        (Mention(base, item_lines[index] if index < len(item_lines) else base_line or 1, "card"), card.rel)
        for index, base in enumerate(card_doc.base_model)
        if not _is_relative(base)
    ]
    targets = [str((card_dir / base).resolve()) if _is_relative(base) else base for base in bases]
    results, warnings, inherited = _card_results(declared, targets, online, facts or Facts(), card_doc.modality)
    warnings = license_warnings + warnings
    verdict = combine(results) if results else Verdict.ALLOWED
    names = ", ".join(lid for lid, _ in declared) or "no license"
    if not bases:
        reason = f"declares {names}; names no base model, so there is no base license to respect"
    elif not declared:
        reason = f"declares no license: the terms of {', '.join(bases)} apply"
    else:
        reason = _reason(results, verdict, f"declares {names}, which its base model's license allows")
    line = card_doc.lines.get("license") or card_doc.lines.get("license_name") or base_line or 1
    finding = Finding(
        kind="card",
        model=folder,
        licenses=tuple(dict.fromkeys([*(lid for lid, _ in declared), *inherited])),
        verdict=verdict,
        locations=(Location(card.rel, line),),
        results=tuple(results),
        reason=reason,
        warnings=tuple(warnings),
        bases=bases,
    )
    return finding, base_mentions, []


def _is_relative(base: str) -> bool:
    """A base named by path from the card (``./``, ``../``, ``.``): resolved next to the card, never the cwd."""
    return base in (".", "..") or base.startswith(("./", "../"))


def _adapter_base(folder: Path) -> str | None:
    """The base named by a PEFT ``adapter_config.json`` beside the card; a malformed one is reported elsewhere."""
    from licensecheck.resolve import adapter_base

    try:
        return adapter_base(folder)
    except LicenseCheckError:
        return None


def _policy_checks(licenses: Sequence[str], policy: Policy | None) -> list[str]:
    if policy is None:
        return []
    deny = {normalize_license(x) for x in policy.deny}
    allow = {normalize_license(x) for x in policy.allow}
    out = []
    for lid in licenses:
        if lid in deny:
            out.append(f"license {lid} is denied by the policy")
        elif allow and lid not in allow:
            out.append(f"license {lid} is not in the policy's allow list")
    return out


def _match_ignore(finding: Finding, policy: Policy | None) -> IgnoreEntry | None:
    if policy is None:
        return None
    keys = {finding.model.lower(), *(w.lower() for w in finding.written_as)}
    if finding.kind == "card":
        keys |= {loc.path.lower() for loc in finding.locations}
    for entry in policy.ignore:
        if entry.model.lower() in keys or (finding.kind == "model" and _catalog_id(entry.model) in keys):
            return entry
    return None


def _catalog_id(model: str) -> str | None:
    """The catalog id an ignore entry's model resolves to, in lower case (`CohereLabs/c4ai-command-r-v01` is the
    catalog's `CohereForAI/c4ai-command-r-v01`, under the organisation's new name), or None."""
    from licensecheck.catalog import lookup_model

    hit = lookup_model(model)
    return hit.id.lower() if hit is not None and hit.how in ("catalog", "alias") else None


def _apply_policy(finding: Finding, policy: Policy | None, today: _dt.date | None) -> Finding:
    violations = _policy_checks(finding.licenses, policy)
    if violations:
        finding = finding._replace(
            verdict=Verdict.FORBIDDEN, violations=tuple(violations), reason="; ".join(violations)
        )
    entry = _match_ignore(finding, policy)
    if entry is not None:
        finding = finding._replace(ignored=entry, ignore_expired=today is not None and entry.expired(today))
    return finding


class ScanOptions(NamedTuple):
    uses: tuple[Use, ...]
    facts: Facts
    fail_on: frozenset[Verdict]
    policy: Policy | None
    policy_rel: str | None = None  # the policy file inside the tree: not a use of the models it names
    online: bool = False
    today: _dt.date | None = None
    cache: bool = False  # files unchanged since the last scan of the tree are not read again (resultcache)
    output_rel: str | None = None  # --output inside the tree: this scan's own report, never read as a config


def scan_repository(
    root: str | os.PathLike[str], options: ScanOptions, *, progress: Callable[[int, int], None] | None = None
) -> ScanReport:
    """Discover, resolve, check cards, apply the policy."""
    policy = options.policy
    skip = frozenset(rel for rel in (options.policy_rel, options.output_rel) if rel)
    exclude = policy.exclude if policy else ()
    found = discover(
        os.fspath(root),
        exclude=exclude,
        skip=skip,
        progress=progress,
        meanwhile=_prepare_reporting,
        cache=options.cache,
    )
    from licensecheck.scan import replay

    replay.discovered(found)  # (raises Replayed when a recording was made from these very findings)
    from licensecheck.scan.report import Finding, ScanReport

    warnings = list(found.warnings)
    mentions = {k: list(v) for k, v in found.mentions.items()}
    if policy is not None:
        for model, line in policy.models:
            mentions.setdefault(model, []).append((Mention(model, line or 1, "policy"), policy.path or "policy"))
    findings: list[Finding] = []
    for card in found.cards:
        finding, base_mentions, card_warnings = check_card(card, options.online, options.facts)
        warnings.extend(card_warnings)
        for mention, rel in base_mentions:
            mentions.setdefault(mention.value, []).append((mention, rel))
        if finding is not None:
            findings.append(finding)
    groups, resolve_warnings = _resolve_models(mentions, os.fspath(root), options.uses, options.facts, options.online)
    warnings.extend(resolve_warnings)
    for group in groups:
        findings.append(
            Finding(
                kind="model",
                model=group.model,
                licenses=group.licenses,
                verdict=group.verdict,
                locations=tuple(sorted(group.locations, key=lambda loc: (loc.path, loc.line or 0))),
                results=group.results,
                reason=group.reason,
                written_as=tuple(group.written),
                warnings=tuple(dict.fromkeys(group.warnings)),
            )
        )
    today = options.today
    if today is None and policy is not None and any(entry.until for entry in policy.ignore):
        import datetime as _dt  # (only an ignore entry with an expiry date needs today's date)

        today = _dt.date.today()
    findings = [_apply_policy(f, policy, today) for f in findings]
    findings.sort(key=lambda f: (f.kind != "model", f.model.lower()))
    if policy is not None:
        warnings.extend(_policy_warnings(policy, findings))
    return ScanReport(
        root=os.fspath(root),
        findings=tuple(findings),
        uses=options.uses,
        facts=options.facts,
        fail_on=options.fail_on,
        policy=policy,
        warnings=tuple(warnings),
        files_scanned=found.files_read,
    )


def _policy_warnings(policy: Policy, findings: Sequence[Finding]) -> list[str]:
    out = [
        f"policy: {f.model}: the ignore entry expired on {f.ignored.until}; the finding counts again"
        for f in findings
        if f.ignored is not None and f.ignore_expired
    ]
    used = {id(f.ignored) for f in findings if f.ignored is not None}
    out += [f"policy: ignore entry for {e.model} matches no finding" for e in policy.ignore if id(e) not in used]
    out += [
        f"policy: {v!r} in allow/deny is not a license licensecheck knows; compared by name"
        for v in unknown_licenses([*policy.allow, *policy.deny])
    ]
    return out
