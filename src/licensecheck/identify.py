"""Identify a LICENSE file's license from its title and distinctive lines (``signatures`` in the data)."""

from __future__ import annotations

from functools import cache

from licensecheck.data import catalog_index, license_index
from licensecheck.records import NamedTuple

# Titles sit at the top; reading the head keeps a long file cheap.
HEAD_CHARS = 64 * 1024


class Identified(NamedTuple):
    license: str
    signature: str
    line: int


@cache
def _signatures() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for source in (license_index(), catalog_index()):
        for signature, lid in source.get("signatures", {}).items():
            pairs.append((signature, lid))
    return pairs


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def identify_license_text(text: str) -> Identified | None:
    """The license whose signature appears earliest in the text (a title beats a quoted license further down)."""
    head = text[:HEAD_CHARS]
    folded = fold(head)
    best: tuple[int, int, str, str] | None = None
    for signature, lid in _signatures():
        pos = folded.find(signature)
        if pos < 0:
            continue
        candidate = (pos, -len(signature), lid, signature)
        if best is None or candidate < best:
            best = candidate
    if best is None:
        return None
    pos, _, lid, signature = best
    return Identified(lid, signature, _line_of(head, signature))


def _line_of(text: str, signature: str) -> int:
    first_word = signature.split()[0] if signature else ""
    for number, line in enumerate(text.splitlines(), start=1):
        folded = fold(line)
        if signature in folded or (first_word and folded.startswith(signature[: max(12, len(first_word))])):
            return number
    return 1
