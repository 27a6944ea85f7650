"""The core of `licensecheck model`: facts in, a Report out. No typer, no rich."""

from __future__ import annotations

from licensecheck.errors import UsageError
from licensecheck.facts import Facts, Target, parse_mau, parse_region
from licensecheck.records import TYPE_CHECKING
from licensecheck.registry import (
    find_encoded,
    find_license,
    get_terms,
    is_unnamed,
    require_license,
    unknown_license,
)
from licensecheck.report import Evidence, Report, build_report
from licensecheck.vocabulary import Use

if TYPE_CHECKING:
    from collections.abc import Sequence

    from licensecheck.resolve import Lineage


def resolve_target(text: str, uses: Sequence[Use], *, online: bool = False) -> Target:
    """``--target``: a license id for relicensing, a student model (or license) for distillation."""
    value = text.strip()
    if not value:
        raise UsageError("--target is empty")
    license_id = find_encoded(value)
    if license_id is None and (Use.DISTILLATION in uses or Use.RELICENSING in uses):
        # A license not encoded still names the student's terms, or the new license of a derivative (whether the
        # model's license allows that depends only on the model's own terms).
        recorded = find_license(value)
        license_id = recorded.id if recorded is not None else None
    if license_id is not None:
        return Target(value, license=license_id, lineage_licenses=frozenset({license_id}))
    if Use.DISTILLATION not in uses:
        if Use.RELICENSING in uses:
            from licensecheck.resolve import is_path_spec

            if is_path_spec(value):  # the derivative's own folder or card, or the LICENSE file it will ship
                license_id = _license_of_path(value)
                return Target(value, license=license_id, lineage_licenses=frozenset({license_id}))
            require_license(value, option="--target")  # relicensing needs a license: a usage error otherwise
        return Target(value)
    from licensecheck.resolve import resolve_lineage

    lineage = resolve_lineage(value, online=online)
    # Derivation is judged by where the student's weights start, not by the license its card claims
    # (a Llama 3.1 fine-tune labelled llama3 is not a Meta Llama 3 derivative).
    return Target(value, model=lineage.root.name, lineage_licenses=lineage.root_licenses)


def _license_of_path(text: str) -> str:
    """The one license a ``--target`` path declares: a model folder's or card's own (not its bases'), or a LICENSE
    file's text. A usage error when it names none, or several."""
    from pathlib import Path

    from licensecheck.identify import identify_license_text
    from licensecheck.resolve import resolve_spec
    from licensecheck.textfile import read_text_file

    node = resolve_spec(text)  # (a path that is not there is an input error)
    found = [ref.id for ref in node.licenses if ref.known and not is_unnamed(ref)]
    if not found and node.folder is not None:
        path = Path(text).expanduser()
        if path.is_file():  # a LICENSE file given directly
            identified = identify_license_text(read_text_file(path, what="license file"))
            ref = find_license(identified.license) if identified is not None else None
            found = [ref.id] if ref is not None else []
    found = list(dict.fromkeys(found))
    if len(found) != 1:
        what = "no license licensecheck recognises" if not found else f"several licenses ({', '.join(found)})"
        raise UsageError(f"--target {text} declares {what}; name the new license with --target ID")
    return found[0]


def parse_facts(
    *, mau: str | None, region: str | None, target: str | None, uses: Sequence[Use], online: bool = False
) -> Facts:
    return Facts(
        mau=parse_mau(mau) if mau is not None else None,
        region=parse_region(region) if region is not None else None,
        target=resolve_target(target, uses, online=online) if target is not None else None,
    )


def check_license(license_text: str, uses: Sequence[Use], facts: Facts) -> Report:
    """``--license``: an encoded license is judged; one only recorded (Qwen, DeepSeek…) is an honest ``unknown``, as
    when a card declares it; an id nothing recognises is a usage error."""
    ref = find_license(license_text)
    if ref is None:
        raise unknown_license(license_text, "--license")
    if ref.encoded:
        get_terms(ref.id)
    return build_report(
        model=None,
        licenses=[ref],
        uses=uses,
        facts=facts,
        evidence=[Evidence("option", f"--license {license_text}")],
    )


def check_model(spec: str, uses: Sequence[Use], facts: Facts, *, online: bool = False) -> Report:
    from licensecheck.resolve import resolve_lineage

    lineage = resolve_lineage(spec, online=online)
    root = lineage.root
    if not root.found:
        missing = root.note or (
            f"model {spec!r} is not in the catalog; point at a local model folder or card, "
            "evaluate a license directly with --license ID, or look it up with --online"
        )
        return build_report(
            model=spec, licenses=[], uses=uses, facts=facts, found=False, hint=missing, warnings=[missing]
        )
    warnings = list(lineage.warnings)
    hint: str | None = None
    if not lineage.licenses:
        unrecognised = [e.path for e in lineage.evidence if e.source == "license-file" and "not recognised" in e.detail]
        if unrecognised:
            hint = (
                f"the license text of {root.name} ({unrecognised[0]}) is not one licensecheck recognises: name it "
                "in the card's `license:` (or `license_name:`), or evaluate a license directly with --license ID"
            )
        else:
            hint = (
                f"no license found for {root.name}: add `license:` to its card, a LICENSE file or a base_model, "
                "or evaluate a license directly with --license ID"
            )
        warnings.append(hint)
    evidence = list(lineage.evidence)
    relicensed = _relicensed_to(lineage) if Use.RELICENSING in uses and facts.target is None else None
    if relicensed is not None:
        evidence.append(
            Evidence(
                "card",
                f"relicensing judged for {relicensed}, the license {root.name} declares besides its bases' "
                "(no --target given)",
            )
        )
    return build_report(
        model=root.name,
        licenses=lineage.licenses,
        uses=uses,
        facts=facts._replace(modality=lineage.modality),
        lineage=lineage.steps,
        evidence=evidence,
        warnings=warnings,
        notes=[root.note] if root.note else [],
        hint=hint,
        relicensed_to=relicensed,
    )


def _relicensed_to(lineage: Lineage) -> str | None:
    """The license a local model folder is released under when its own card (or LICENSE file) declares one that
    none of its bases is under: what ``relicensing`` asks about when ``--target`` does not say (a Llama fine-tune
    labelled Apache-2.0 is a relicensing to Apache-2.0, as ``scan`` judges its card). None otherwise."""
    root = lineage.root
    if root.folder is None or not root.bases:
        return None
    inherited = {ref.id for step in lineage.steps[1:] for ref in step.licenses}
    own = [ref.id for ref in root.licenses if ref.known and not is_unnamed(ref) and ref.id not in inherited]
    return own[0] if len(own) == 1 else None
