"""The pure engine: verdicts, conditions, combination, and its properties."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.engine import combine, evaluate, relicensing_blocked, unknown_result
from licensecheck.facts import Facts, Region, Target
from licensecheck.registry import get_terms, license_ids
from licensecheck.terms import LicenseTerms, terms_from_mapping
from licensecheck.vocabulary import Use, Verdict

CITE = [{"section": "1"}]


def make_terms(limits: list[dict[str, Any]] | None = None, base: dict[str, str] | None = None) -> LicenseTerms:
    uses = {
        u.value: {
            "verdict": (base or {}).get(u.value, "allowed"),
            "reason": f"{u.value} reason",
            "citations": CITE,
        }
        for u in Use
    }
    return terms_from_mapping(
        {
            "id": "test-license",
            "name": "Test License",
            "publisher": "Tests",
            "version": "1",
            "date": "2024-01-01",
            "url": "https://example.com",
            "category": "community",
            "summary": "x" * 20,
            "outputs": "outputs text",
            "derivatives": "derivatives text",
            "obligations": {},
            "limits": limits or [],
            "uses": uses,
        }
    )


MAU = {
    "id": "mau",
    "kind": "user-threshold",
    "uses": "all",
    "threshold": 700_000_000,
    "measured": "June 2024",
    "verdict": "needs-permission",
    "reason": "over the user threshold",
    "citations": [{"section": "2"}],
}
EU = {
    "id": "eu",
    "kind": "eu-multimodal",
    "uses": "all",
    "verdict": "forbidden",
    "reason": "EU multimodal",
    "citations": [{"section": "AUP"}],
}
DISTILL = {
    "id": "d",
    "kind": "distillation-target",
    "uses": ["distillation"],
    "family": ["test-license"],
    "family_name": "Test",
    "verdict": "forbidden",
    "reason": "no improving other models",
    "citations": [{"section": "1.b.v"}],
}
RELICENSE = {
    "id": "r",
    "kind": "relicensing-target",
    "uses": ["relicensing"],
    "verdict": "forbidden",
    "reason": "derivatives keep these terms",
    "citations": [{"section": "1.b.i"}],
}


def test_base_verdict_without_limits() -> None:
    result = evaluate(make_terms(), Use.COMMERCIAL, Facts())
    assert result.verdict is Verdict.ALLOWED
    assert result.conditions == ()
    assert result.citations[0].section == "1"


def test_missing_mau_is_conditional_with_condition() -> None:
    result = evaluate(make_terms([MAU]), Use.COMMERCIAL, Facts())
    assert result.verdict is Verdict.CONDITIONAL
    assert result.conditions == (
        "allowed if the licensee and its affiliates had at most 700M monthly active users in June 2024",
    )
    assert {c.section for c in result.citations} == {"1", "2"}


@pytest.mark.parametrize(
    ("mau", "verdict"),
    [(20_000_000, Verdict.ALLOWED), (700_000_000, Verdict.ALLOWED), (700_000_001, Verdict.NEEDS_PERMISSION)],
)
def test_mau_threshold(mau: int, verdict: Verdict) -> None:
    assert evaluate(make_terms([MAU]), Use.RESEARCH, Facts(mau=mau)).verdict is verdict


def test_large_user_base_assumes_above_every_threshold_unless_mau_given() -> None:
    terms = make_terms([MAU])
    assert evaluate(terms, Use.LARGE_USER_BASE, Facts()).verdict is Verdict.NEEDS_PERMISSION
    assert evaluate(terms, Use.LARGE_USER_BASE, Facts(mau=10)).verdict is Verdict.ALLOWED
    assert evaluate(make_terms(), Use.LARGE_USER_BASE, Facts()).verdict is Verdict.ALLOWED


@pytest.mark.parametrize(
    ("region", "modality", "verdict"),
    [
        ("DE", "multimodal", Verdict.FORBIDDEN),
        ("EU", "multimodal", Verdict.FORBIDDEN),
        ("US", "multimodal", Verdict.ALLOWED),
        ("CH", "multimodal", Verdict.ALLOWED),
        ("FR", "text", Verdict.ALLOWED),
        (None, "text", Verdict.ALLOWED),
        ("US", None, Verdict.ALLOWED),
        ("DE", None, Verdict.CONDITIONAL),
        (None, "multimodal", Verdict.CONDITIONAL),
        (None, None, Verdict.CONDITIONAL),
    ],
)
def test_eu_multimodal(region: str | None, modality: str | None, verdict: Verdict) -> None:
    facts = Facts(mau=1, region=Region(region) if region else None, modality=modality)
    assert evaluate(make_terms([MAU, EU]), Use.COMMERCIAL, facts).verdict is verdict


def test_eu_condition_names_the_missing_fact() -> None:
    facts = Facts(mau=1, region=Region("DE"))
    (condition,) = evaluate(make_terms([EU]), Use.COMMERCIAL, facts).conditions
    assert "not multimodal" in condition
    facts = Facts(mau=1, modality="multimodal")
    (condition,) = evaluate(make_terms([EU]), Use.COMMERCIAL, facts).conditions
    assert "European Union" in condition


def test_distillation_target() -> None:
    terms = make_terms([DISTILL])
    assert evaluate(terms, Use.DISTILLATION, Facts()).verdict is Verdict.CONDITIONAL
    other = Target("org/other", model="org/other", lineage_licenses=frozenset({"apache-2.0"}))
    assert evaluate(terms, Use.DISTILLATION, Facts(target=other)).verdict is Verdict.FORBIDDEN
    own = Target("org/ft", model="org/ft", lineage_licenses=frozenset({"test-license", "mit"}))
    assert evaluate(terms, Use.DISTILLATION, Facts(target=own)).verdict is Verdict.ALLOWED
    unknown = Target("nobody/knows")
    assert evaluate(terms, Use.DISTILLATION, Facts(target=unknown)).verdict is Verdict.FORBIDDEN


def test_relicensing_target() -> None:
    terms = make_terms([RELICENSE])
    assert evaluate(terms, Use.RELICENSING, Facts()).verdict is Verdict.CONDITIONAL
    assert evaluate(terms, Use.RELICENSING, Facts(target=Target("x", license="mit"))).verdict is Verdict.FORBIDDEN
    same = Target("x", license="test-license")
    assert evaluate(terms, Use.RELICENSING, Facts(target=same)).verdict is Verdict.ALLOWED
    assert relicensing_blocked(terms, "mit") is not None
    assert relicensing_blocked(terms, "test-license") is None
    assert relicensing_blocked(make_terms(), "mit") is None


def test_definite_forbidden_ignores_unsettled_facts() -> None:
    terms = make_terms([MAU, DISTILL])
    other = Target("o", lineage_licenses=frozenset({"mit"}))
    result = evaluate(terms, Use.DISTILLATION, Facts(target=other))
    assert result.verdict is Verdict.FORBIDDEN
    assert result.conditions == ()


def test_base_forbidden_stays_forbidden() -> None:
    terms = make_terms([MAU], base={"commercial": "forbidden"})
    assert evaluate(terms, Use.COMMERCIAL, Facts()).verdict is Verdict.FORBIDDEN
    assert evaluate(terms, Use.COMMERCIAL, Facts()).obligations == ()


def test_combine_is_worst_and_keeps_conditional_honest() -> None:
    terms = make_terms([MAU])
    cond = evaluate(terms, Use.COMMERCIAL, Facts())
    allowed = evaluate(make_terms(), Use.COMMERCIAL, Facts())
    assert combine([allowed, cond]) is Verdict.CONDITIONAL
    forbidden = evaluate(make_terms(base={"commercial": "forbidden"}), Use.COMMERCIAL, Facts())
    assert combine([cond, forbidden]) is Verdict.FORBIDDEN
    assert combine([allowed, unknown_result(Use.COMMERCIAL, "x", "unknown")]) is Verdict.UNKNOWN
    assert combine([]) is Verdict.ALLOWED


# --- properties over the real license files -------------------------------------------------------------

FACT_VALUES = st.fixed_dictionaries(
    {
        "mau": st.one_of(st.none(), st.sampled_from([0, 1, 50_000, 700_000_000, 700_000_001, 2_000_000_000])),
        "region": st.one_of(st.none(), st.sampled_from(["US", "DE", "EU", "CH", "JP"])),
        "modality": st.one_of(st.none(), st.sampled_from(["text", "multimodal"])),
        "target": st.one_of(st.none(), st.sampled_from(["same", "other", "apache-2.0"])),
    }
)


def build_facts(values: dict[str, Any], license_id: str) -> Facts:
    target = None
    if values["target"] == "same":
        target = Target(license_id, license=license_id, lineage_licenses=frozenset({license_id}))
    elif values["target"] == "other":
        target = Target("org/m", model="org/m", lineage_licenses=frozenset({"mit"}))
    elif values["target"] == "apache-2.0":
        target = Target("apache-2.0", license="apache-2.0", lineage_licenses=frozenset({"apache-2.0"}))
    return Facts(
        mau=values["mau"],
        region=Region(values["region"]) if values["region"] else None,
        modality=values["modality"],
        target=target,
    )


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(license_ids()), st.sampled_from(list(Use)), FACT_VALUES)
def test_deterministic(license_id: str, use: Use, values: dict[str, Any]) -> None:
    terms = get_terms(license_id)
    facts = build_facts(values, license_id)
    assert evaluate(terms, use, facts) == evaluate(terms, use, facts)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(license_ids()), st.permutations(list(Use)), FACT_VALUES)
def test_order_of_uses_is_irrelevant(license_id: str, uses: list[Use], values: dict[str, Any]) -> None:
    terms = get_terms(license_id)
    facts = build_facts(values, license_id)
    forward = [evaluate(terms, u, facts) for u in uses]
    assert combine(forward) is combine(reversed(forward))
    assert combine(forward) is combine(sorted(forward, key=lambda r: r.use.value))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(license_ids()), st.sampled_from(list(Use)), FACT_VALUES, FACT_VALUES)
def test_a_new_fact_only_settles_conditionals(
    license_id: str, use: Use, partial: dict[str, Any], extra: dict[str, Any]
) -> None:
    terms = get_terms(license_id)
    if use is Use.LARGE_USER_BASE:
        # large-user-base is defined as "above every threshold" unless --mau names the scale: no missing fact.
        extra = {**extra, "mau": partial["mau"]}
    fuller = {key: partial[key] if partial[key] is not None else extra[key] for key in partial}
    before = evaluate(terms, use, build_facts(partial, license_id))
    after = evaluate(terms, use, build_facts(fuller, license_id))
    if before.verdict is Verdict.NEEDS_PERMISSION:
        # asking the licensor is required either way; a domicile exclusion may show up once the region is known
        assert after.verdict in (Verdict.NEEDS_PERMISSION, Verdict.FORBIDDEN)
    elif before.verdict is not Verdict.CONDITIONAL:
        assert after.verdict is before.verdict
    else:
        assert after.verdict is Verdict.CONDITIONAL or after.verdict in before.outcomes


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([MAU, EU, DISTILL, RELICENSE]), st.sampled_from(list(Use)), FACT_VALUES)
def test_adding_a_restriction_never_improves_a_verdict(limit: dict[str, Any], use: Use, values: dict[str, Any]) -> None:
    facts = build_facts(values, "test-license")
    loose = evaluate(make_terms([]), use, facts)
    strict = evaluate(make_terms([limit]), use, facts)
    assert max(o.rank for o in strict.possible()) >= max(o.rank for o in loose.possible())
    assert strict.verdict.rank >= loose.verdict.rank or strict.verdict is Verdict.CONDITIONAL


def test_needs_permission_is_not_made_conditional_by_an_unsettled_region() -> None:
    terms = make_terms([MAU, EU])
    result = evaluate(terms, Use.LARGE_USER_BASE, Facts(modality="multimodal"))
    assert result.verdict is Verdict.NEEDS_PERMISSION
    assert combine([result]) is Verdict.NEEDS_PERMISSION
    settled = evaluate(terms, Use.LARGE_USER_BASE, Facts(region=Region("DE"), modality="multimodal"))
    assert settled.verdict is Verdict.FORBIDDEN


def test_the_overall_verdict_is_the_worst_result_even_beside_a_conditional_one() -> None:
    from licensecheck.engine import combine, evaluate
    from licensecheck.facts import Facts
    from licensecheck.registry import get_terms
    from licensecheck.vocabulary import Use, Verdict

    llama = get_terms("llama3.1")
    pending = evaluate(llama, Use.RELICENSING, Facts())  # (no target: conditional)
    above = evaluate(llama, Use.LARGE_USER_BASE, Facts())  # (above every threshold: needs-permission)
    assert (pending.verdict, above.verdict) == (Verdict.CONDITIONAL, Verdict.NEEDS_PERMISSION)
    assert combine([pending, above]) is Verdict.NEEDS_PERMISSION
    assert combine([above, pending]) is Verdict.NEEDS_PERMISSION
    assert combine([pending]) is Verdict.CONDITIONAL and combine([]) is Verdict.ALLOWED
