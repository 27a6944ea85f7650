"""Reports: the results of evaluating uses under the licenses that apply to a model (or one license)."""

from __future__ import annotations

from licensecheck import SCHEMA_ID
from licensecheck.engine import Result, combine, evaluate, unknown_result
from licensecheck.facts import Facts, Target
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.registry import LicenseRef, get_terms, is_unnamed, unnamed_declaration
from licensecheck.vocabulary import Use, Verdict

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any


class Evidence(NamedTuple):
    """How a license (or base model, or modality) was found: which file, which field, which line."""

    source: str  # catalog | pattern | card | license-file | adapter-config | base-model | hub | option
    detail: str
    path: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "detail": self.detail}
        if self.path:
            out["path"] = self.path
        if self.line:
            out["line"] = self.line
        return out


class LineageStep(NamedTuple):
    model: str
    licenses: tuple[LicenseRef, ...]
    depth: int
    declared: tuple[str, ...] = ()  # license strings as the model declares them
    base_of: str | None = None  # the model this one is a base of

    def to_json(self) -> dict[str, Any]:
        license_ids = [ref.id for ref in self.licenses]
        out: dict[str, Any] = {"model": self.model, "license": ", ".join(license_ids) or None}
        out["licenses"] = license_ids
        out["depth"] = self.depth
        if self.base_of:
            out["base_of"] = self.base_of
        return out


class Report(NamedTuple):
    model: str | None
    licenses: tuple[LicenseRef, ...]
    facts: Facts
    results: tuple[Result, ...]
    lineage: tuple[LineageStep, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # catalog notes about the model (known traps, renamed repos)
    found: bool = True
    hint: str | None = None
    modality: str | None = None
    verdict: Verdict = Verdict.ALLOWED

    @property
    def license_ids(self) -> list[str]:
        return [ref.id for ref in self.licenses]

    def conditions(self) -> list[str]:
        return list(dict.fromkeys(c for r in self.results for c in r.conditions))

    def obligations(self) -> list[str]:
        return list(dict.fromkeys(o.text for r in self.results for o in r.obligations))

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "model": self.model,
            "licenses": self.license_ids,
            "lineage": [step.to_json() for step in self.lineage],
            "verdict": self.verdict.value,
            "results": [result_json(r) for r in self.results],
            "facts": self.facts.describe() | {"modality": self.modality or self.facts.modality},
            "evidence": [e.to_json() for e in self.evidence],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
        }


def result_json(result: Result) -> dict[str, Any]:
    return {
        "use": result.use.value,
        "verdict": result.verdict.value,
        "license": result.license,
        "reason": result.reason,
        "conditions": list(result.conditions),
        "obligations": [o.text for o in result.obligations],
        "citations": [c.to_json() for c in result.citations],
    }


def evaluate_uses(licenses: Sequence[LicenseRef], uses: Iterable[Use], facts: Facts) -> tuple[Result, ...]:
    """Every use under every license; a license the engine does not know yields ``unknown``."""
    results = []
    for use in uses:
        if not licenses:
            results.append(unknown_result(use, "unknown", "No license could be determined for this model."))
        for ref in licenses:
            if ref.encoded:
                results.append(evaluate(get_terms(ref.id), use, facts))
            elif not ref.known:
                if ref.id == "unknown":
                    reason = f"{ref.name[:1].upper()}{ref.name[1:]} is unknown; it may bind this model."
                elif is_unnamed(ref):
                    reason = (
                        f"The card declares {unnamed_declaration(ref)} without naming the license (no "
                        "license_name, no recognised license_link or LICENSE file); its terms are unknown."
                    )
                else:
                    reason = f"License {ref.id!r} is not one licensecheck recognises; check its terms."
                results.append(unknown_result(use, ref.id, reason))
            else:
                results.append(
                    unknown_result(
                        use,
                        ref.id,
                        f"{ref.name} is recognised but its terms are not encoded in licensecheck yet.",
                    )
                )
    return tuple(results)


def build_report(
    *,
    model: str | None,
    licenses: Sequence[LicenseRef],
    uses: Sequence[Use],
    facts: Facts,
    lineage: Sequence[LineageStep] = (),
    evidence: Sequence[Evidence] = (),
    warnings: Sequence[str] = (),
    notes: Sequence[str] = (),
    found: bool = True,
    hint: str | None = None,
    relicensed_to: str | None = None,
) -> Report:
    """``relicensed_to``: the license the model itself is released under, judged as ``relicensing``'s target when
    ``--target`` gave none."""
    if relicensed_to is not None and facts.target is None and Use.RELICENSING in uses:
        own = Target(relicensed_to, license=relicensed_to, lineage_licenses=frozenset({relicensed_to}))
        relicensing = facts._replace(target=own)
        results = tuple(
            result
            for use in uses
            for result in evaluate_uses(licenses, (use,), relicensing if use is Use.RELICENSING else facts)
        )
    else:
        results = evaluate_uses(licenses, uses, facts)
    target = facts.target
    if target is not None and target.license is None and Use.RELICENSING in uses:
        warnings = [
            *warnings,
            f"--target {target.text} names a model, not a license: relicensing is judged without it (the "
            "derivative's new license decides it)",
        ]
    return Report(
        model=model,
        licenses=tuple(licenses),
        facts=facts,
        results=results,
        lineage=tuple(lineage),
        evidence=tuple(evidence),
        warnings=tuple(warnings),
        notes=tuple(notes),
        found=found,
        hint=hint,
        modality=facts.modality,
        verdict=combine(results) if results else Verdict.UNKNOWN,
    )
