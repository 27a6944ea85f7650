"""The pure rules engine: (license terms, use, facts) -> a cited Result.

No I/O, no printing, deterministic. A limit whose deciding fact is missing never guesses: the result keeps every
verdict the missing fact could still lead to (``outcomes``) and is ``conditional`` when there is more than one.
One exception: once the facts given require asking the licensor (``needs-permission``), that is the answer even if
an unsettled fact could add a domicile exclusion, because the licensee must ask the licensor in any case.
"""

from __future__ import annotations

from licensecheck.facts import Facts, format_count
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.terms import Citation, LicenseTerms, Limit, Obligation
from licensecheck.vocabulary import Use, Verdict

if TYPE_CHECKING:
    from collections.abc import Iterable


class Result(NamedTuple):
    use: Use
    license: str
    verdict: Verdict
    reason: str
    conditions: tuple[str, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    citations: tuple[Citation, ...] = ()
    # Every verdict the facts not given could still lead to; one element when the answer is definite.
    outcomes: frozenset[Verdict] = frozenset()

    def possible(self) -> frozenset[Verdict]:
        return self.outcomes or frozenset({self.verdict})


def _max(a: Verdict, b: Verdict) -> Verdict:
    return a if a.rank >= b.rank else b


def _decide(limit: Limit, use: Use, facts: Facts, own_id: str) -> bool | None:
    """True: the limit bites; False: it does not; None: the facts given do not settle it."""
    if limit.kind == "user-threshold":
        if facts.mau is None:
            # large-user-base means "above every threshold the license sets" unless --mau says otherwise.
            return True if use is Use.LARGE_USER_BASE else None
        return limit.threshold is not None and facts.mau > limit.threshold
    if limit.kind == "eu-multimodal":
        in_eu = facts.region.in_eu if facts.region else None
        multimodal = (facts.modality == "multimodal") if facts.modality else None
        if in_eu is False or multimodal is False:
            return False
        if in_eu and multimodal:
            return True
        return None
    if limit.kind == "distillation-target":
        target = facts.target
        if target is None:
            return None
        family = set(limit.family) or {own_id}
        derived = bool(family & target.lineage_licenses) or (target.license in family)
        return not derived
    if limit.kind == "relicensing-target":
        target = facts.target
        if target is None or target.license is None:
            return None
        return target.license != own_id and target.license not in limit.compatible
    raise ValueError(f"unknown limit kind {limit.kind!r}")


def _condition(limit: Limit, facts: Facts, terms: LicenseTerms) -> str:
    """The condition under which an undecided limit does not bite, in words."""
    if limit.kind == "user-threshold":
        count = format_count(limit.threshold or 0)
        when = f" in {limit.measured}" if limit.measured else ""
        return f"allowed if the licensee and its affiliates had at most {count} monthly active users{when}"
    if limit.kind == "eu-multimodal":
        who = (
            "the licensee is not an individual domiciled in, or a company with its principal place of business"
            " in, the European Union"
        )
        if facts.modality == "multimodal":
            return f"allowed if {who} (end users of a product are exempt)"
        if facts.region is not None and facts.region.in_eu:
            return "allowed if the model is not multimodal (text-only models are not affected)"
        return f"allowed if the model is not multimodal or {who}"
    if limit.kind == "distillation-target":
        family = limit.family_name or terms.short_name
        return f"allowed if the student model is {family} or a derivative of it (--target names the student)"
    if limit.kind == "relicensing-target":
        allowed = ", ".join((terms.id, *limit.compatible))
        return f"allowed if the derivative stays under {allowed} (--target names the new license)"
    return limit.reason


def evaluate(terms: LicenseTerms, use: Use, facts: Facts) -> Result:
    """Judge one use under one license, given the facts."""
    rule = terms.rule(use)
    fixed = rule.verdict  # worst verdict the facts given already settle
    outcomes = {rule.verdict}
    triggered: list[Limit] = []
    pending: list[Limit] = []
    for limit in terms.limits_for(use):
        state = _decide(limit, use, facts, terms.id)
        if state is True:
            triggered.append(limit)
            fixed = _max(fixed, limit.verdict)
            options = {limit.verdict}
        elif state is False:
            options = {Verdict.ALLOWED}
        else:
            pending.append(limit)
            options = {Verdict.ALLOWED, limit.verdict}
        outcomes = {_max(a, b) for a in outcomes for b in options}

    relevant = [limit for limit in pending if limit.verdict.rank > fixed.rank]
    if fixed.rank >= Verdict.NEEDS_PERMISSION.rank:
        outcomes = {fixed}
    if len(outcomes) == 1:
        verdict = next(iter(outcomes))
        # (a limit the facts left open that would make it worse still, such as the EU clause beside an exceeded
        # user count: stated, though the verdict is the best case already)
        conditions: tuple[str, ...] = tuple(_condition(limit, facts, terms) for limit in relevant)
        decisive = [limit for limit in triggered if limit.verdict == verdict]
        reason = decisive[0].reason if decisive and verdict != rule.verdict else rule.reason
        cited = [rule.citations, *(limit.citations for limit in decisive)]
    else:
        verdict = Verdict.CONDITIONAL
        conditions = tuple(_condition(limit, facts, terms) for limit in relevant)
        worst_pending = max(relevant, key=lambda limit: limit.verdict.rank)
        decisive = [limit for limit in triggered if limit.verdict == fixed and fixed != rule.verdict]
        reason = decisive[0].reason if decisive else worst_pending.reason
        cited = [
            rule.citations,
            *(limit.citations for limit in decisive),
            *(limit.citations for limit in relevant),
        ]
    obligations = rule.obligations if verdict in (Verdict.ALLOWED, Verdict.CONDITIONAL) else ()
    if facts.modality is not None:  # (one that binds only a model of another modality is dropped)
        obligations = tuple(o for o in obligations if o.modality in (None, facts.modality))
    return Result(
        use=use,
        license=terms.id,
        verdict=verdict,
        reason=reason,
        conditions=conditions,
        obligations=obligations,
        citations=_unique(c for group in cited for c in group),
        outcomes=frozenset(outcomes),
    )


def unknown_result(use: Use, license_id: str, reason: str) -> Result:
    """The honest answer for a license the engine does not know."""
    return Result(
        use=use,
        license=license_id,
        verdict=Verdict.UNKNOWN,
        reason=reason,
        outcomes=frozenset({Verdict.UNKNOWN}),
    )


def combine(results: Iterable[Result]) -> Verdict:
    """Several uses or licenses combine to the worst verdict (SPEC: ``conditional`` < ``unknown`` <
    ``needs-permission`` < ``forbidden``): a definite ``needs-permission`` beside a ``conditional`` result is
    ``needs-permission`` whatever the missing fact turns out to be, never the milder ``conditional``."""
    worst = Verdict.ALLOWED
    for result in results:
        worst = _max(worst, result.verdict)
    return worst


def _unique(items: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, str, str | None], Citation] = {}
    for item in items:
        seen.setdefault((item.license, item.section, item.document), item)
    return tuple(seen.values())


def relicensing_blocked(terms: LicenseTerms, target_license: str) -> str | None:
    """Where a license stops a derivative from carrying ``target_license``: the clause label, or None."""
    if target_license == terms.id:
        return None
    rule = terms.rule(Use.RELICENSING)
    if rule.verdict is Verdict.FORBIDDEN:
        return ", ".join(dict.fromkeys(c.label() for c in rule.citations)) or terms.id
    for limit in terms.limits_for(Use.RELICENSING):
        if limit.kind == "relicensing-target" and target_license not in limit.compatible:
            return ", ".join(dict.fromkeys(c.label() for c in limit.citations)) or terms.id
    return None
