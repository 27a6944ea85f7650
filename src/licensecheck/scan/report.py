"""The result of a scan: one finding per model (or model card), the policy applied, the overall verdict."""

from __future__ import annotations

from licensecheck import SCHEMA_ID
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.vocabulary import Use, Verdict, worst

if TYPE_CHECKING:
    from typing import Any

    from licensecheck.engine import Result
    from licensecheck.facts import Facts
    from licensecheck.scan.policy import IgnoreEntry, Policy


class Location(NamedTuple):  # ordered as a tuple: path, then line
    path: str
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line}


class Finding(NamedTuple):
    """One model the repository uses (``kind="model"``) or a model card it ships (``kind="card"``)."""

    kind: str
    model: str
    licenses: tuple[str, ...]
    verdict: Verdict  # after the policy: an allow/deny violation makes it forbidden
    locations: tuple[Location, ...]
    results: tuple[Result, ...]
    reason: str
    written_as: tuple[str, ...] = ()
    violations: tuple[str, ...] = ()  # allow/deny
    ignored: IgnoreEntry | None = None
    ignore_expired: bool = False
    warnings: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()  # cards: the base models they name

    @property
    def suppressed(self) -> bool:
        """Accepted by an ``ignore`` entry still in force."""
        return self.ignored is not None and not self.ignore_expired

    def to_json(self, failing: bool) -> dict[str, Any]:
        ignored = None
        if self.ignored is not None:
            ignored = {**self.ignored.to_json(), "expired": self.ignore_expired}
        out: dict[str, Any] = {
            "model": self.model,
            "kind": self.kind,
            "licenses": list(self.licenses),
            "verdict": self.verdict.value,
            "failing": failing,
            "reason": self.reason,
            "locations": [loc.to_json() for loc in self.locations],
            "results": [_result_json(r) for r in self.results],
            "policy": {"violations": list(self.violations), "ignored": ignored},
            "written_as": list(self.written_as),
            "warnings": list(self.warnings),
        }
        if self.kind == "card":
            out["bases"] = list(self.bases)
        return out


class ScanReport(NamedTuple):
    root: str
    findings: tuple[Finding, ...]
    uses: tuple[Use, ...]
    facts: Facts
    fail_on: frozenset[Verdict]
    policy: Policy | None
    warnings: tuple[str, ...] = ()
    files_scanned: int = 0
    notes: tuple[str, ...] = ()

    @property
    def verdict(self) -> Verdict:
        """The worst verdict over findings not accepted by an ignore entry (``allowed`` for none)."""
        return worst(f.verdict for f in self.findings if not f.suppressed)

    def failing(self, finding: Finding) -> bool:
        """Whether a finding fails the build: its verdict, or one of its uses' (`fail-on: [conditional]` with a
        use that needs permission beside one that is conditional), is in the failing set, and no ignore holds."""
        if finding.suppressed:
            return False
        return finding.verdict in self.fail_on or any(result.verdict in self.fail_on for result in finding.results)

    @property
    def failed(self) -> bool:
        return any(self.failing(f) for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "verdict": self.verdict.value,
            "failed": self.failed,
            "findings": [f.to_json(self.failing(f)) for f in self.findings],
            "uses": [u.value for u in self.uses],
            "facts": self.facts.describe(),
            "fail_on": sorted((v.value for v in self.fail_on), key=lambda name: Verdict(name).rank),
            "policy": self.policy.to_json() if self.policy is not None else None,
            "ignored": [f.model for f in self.findings if f.suppressed],
            "files_scanned": self.files_scanned,
            "warnings": list(self.warnings),
        }


def _result_json(result: Result) -> dict[str, Any]:
    # (the report module and the engine it imports are read when a finding is written, not by a scan without any)
    from licensecheck.report import result_json

    return result_json(result)
