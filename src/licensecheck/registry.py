"""Looking up licenses by id or alias: the encoded ones, and those the catalog only records by name."""

from __future__ import annotations

from licensecheck.data import catalog_index, key_variants, license_data, license_index
from licensecheck.errors import UsageError
from licensecheck.lazyre import compiled
from licensecheck.records import TYPE_CHECKING, NamedTuple, cache
from licensecheck.terms import LicenseTerms, terms_from_mapping

if TYPE_CHECKING:
    from typing import Any


class LicenseRef(NamedTuple):
    """A license a model declares: ``encoded`` when the engine has its terms."""

    id: str
    encoded: bool
    name: str
    known: bool = True  # False: a string no license id, alias or recorded license matches


UNNAMED_ID = "other"  # the id of a license a card has but does not name (`license: other` and nothing more)


def unnamed_license(word: str) -> LicenseRef:
    """The license behind a card's ``license: other`` (or ``custom``, ``unknown``…) that nothing else names."""
    return LicenseRef(UNNAMED_ID, False, f"an unnamed license ({_DECLARED}{word})", known=False)


_DECLARED = "license: "


def unnamed_declaration(ref: LicenseRef) -> str:
    """What the card said of an ``unnamed_license`` (``license: other``)."""
    return ref.name[ref.name.index(_DECLARED) :].rstrip(")")


def is_unnamed(ref: LicenseRef) -> bool:
    return ref.id == UNNAMED_ID and not ref.known


def license_ids() -> list[str]:
    return sorted(license_index()["names"])


_NOT_SQUASHED = compiled(r"[^a-z0-9.]")


def squash(key: str) -> str:
    """A looser key: only letters, digits and dots (``Llama-3.1 Community_License`` ~ ``llama3.1communitylicense``)."""
    return _NOT_SQUASHED.sub("", key.lower())


@cache
def _squashed(source: str) -> dict[str, str]:
    """Squashed alias -> id, keeping only squashed forms that name one license."""
    aliases = license_index()["aliases"] if source == "encoded" else catalog_index()["license_aliases"]
    out: dict[str, str | None] = {}
    for key, lid in aliases.items():
        short = squash(key)
        if len(short) >= 4:
            out[short] = lid if out.get(short, lid) == lid else None
    return {k: v for k, v in out.items() if v is not None}


def _lookup(text: str, source: str) -> str | None:
    aliases = license_index()["aliases"] if source == "encoded" else catalog_index()["license_aliases"]
    for key in key_variants(text):
        if key in aliases:
            return str(aliases[key])
    if "/" in text:  # a URL or path: exact keys only
        return None
    squashed = _squashed(source)
    short = squash(key_variants(text)[-1])
    candidates = [short] + [short[len(word) :] for word in _VENDOR_WORDS if short.startswith(word)]
    for short in candidates:  # `Meta Llama 3.1 Community License`: the name without its licensor too
        while short not in squashed:  # `llama3.1-community`, `gemma-license`: the name without its generic words
            bare = next((short[: -len(word)] for word in _GENERIC_WORDS if short.endswith(word)), short)
            if bare == short or len(bare) < 3:
                break
            short = bare
        else:
            return squashed[short]
    return None


# Words a license's name may end with that say nothing about which license it is (squashed).
_GENERIC_WORDS = ("agreement", "license", "licence", "community", "termsofuse", "terms", "tou")
# Licensors' names a license's name may start with (``Meta Llama 3.1 …``, ``Google Gemma …``), squashed.
_VENDOR_WORDS = ("meta", "google")


def find_encoded(text: str) -> str | None:
    """The encoded license id a string names (id, SPDX id, ScanCode key, name or URL), or None."""
    return _lookup(text, "encoded")


def find_license(text: str) -> LicenseRef | None:
    """An encoded or recorded license named by ``text``, or None."""
    lid = find_encoded(text)
    if lid is not None:
        return LicenseRef(lid, True, str(license_index()["names"][lid]))
    rid = _lookup(text, "recorded")
    if rid is not None:
        return LicenseRef(rid, False, str(catalog_index()["licenses"].get(rid, {}).get("name", rid)))
    return None


def require_license(text: str, *, option: str = "--license") -> str:
    """An encoded license id for a value the user typed; a usage error otherwise."""
    lid = find_encoded(text)
    if lid is None:
        recorded = find_license(text)
        if recorded is not None:
            raise UsageError(
                f"{option} {text!r}: {recorded.name} is known but its terms are not encoded yet; "
                f"encoded licenses: {', '.join(license_ids())}"
            )
        raise unknown_license(text, option)
    return lid


def unknown_license(text: str, option: str) -> UsageError:
    """The usage error for a license id nothing recognises."""
    return UsageError(f"unknown license {text!r} for {option}; see `licensecheck license list`")


@cache
def get_terms(license_id: str) -> LicenseTerms:
    return terms_from_mapping(license_data(license_id))


def family_version(license_id: str) -> tuple[str, Any]:
    """(family, a key that orders the family's versions): Llama 2 < 3 < 3.1 < … < 3.10 < 4; dated versions (the
    Gemma Terms of Use) by their date."""
    from packaging.version import InvalidVersion, Version

    terms = get_terms(license_id)
    family = str(terms.raw.get("family") or license_id)
    try:
        return family, (0, Version(terms.version))
    except InvalidVersion:
        return family, (1, terms.date)


def supersedes(later: str, earlier: str) -> bool:
    """Whether license ``later`` is a later version of the same family as ``earlier`` (llama3.3 of llama3.1)."""
    if later == earlier:
        return False
    family, version = family_version(later)
    other_family, other_version = family_version(earlier)
    return family == other_family and bool(version > other_version)
