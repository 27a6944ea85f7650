"""Hypothesis fuzzing: random bytes and random YAML-ish text never raise anything but our own error type."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.card import parse_card
from licensecheck.errors import LicenseCheckError
from licensecheck.facts import parse_mau, parse_region
from licensecheck.safeyaml import load_yaml
from licensecheck.textfile import decode_text
from licensecheck.validate import check_license_text

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = st.sampled_from(
    [
        "---\n",
        "license: ",
        "mit",
        "other",
        "\n",
        "  - ",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "&a ",
        "*a",
        "'",
        '"',
        "42",
        "base_model: ",
        "license_name: ",
        "tags: ",
        "null",
        "~",
        "!!python/object:os.system ",
        "\t",
        "#",
        "...\n",
        "- ",
        ",",
        "yes",
        "NO",
        "1e9",
        "\x00",
        "é",
        "|\n",
        ">\n",
        "? ",
        "!!binary ",
        "%YAML 1.1\n",
    ]
)
YAMLISH = st.lists(YAML_PIECES, max_size=40).map("".join)


@FAST
@given(st.one_of(YAMLISH, st.text(max_size=300)))
def test_front_matter_parser(text: str) -> None:
    try:
        card = parse_card(text, "README.md")
    except LicenseCheckError:
        return
    assert all(isinstance(v, str) for v in card.license)
    assert all(isinstance(v, str) for v in card.base_model)


@FAST
@given(st.binary(max_size=400))
def test_card_bytes(raw: bytes) -> None:
    with contextlib.suppress(LicenseCheckError):
        parse_card(decode_text(raw, path="README.md"), "README.md")


@FAST
@given(st.one_of(YAMLISH, st.text(max_size=300)))
def test_license_file_loader(text: str) -> None:
    checked = check_license_text(text, "fuzz.yaml")
    assert checked.data is None or not checked.problems
    for problem in checked.problems:
        assert str(problem).startswith("fuzz.yaml")


@FAST
@given(st.one_of(YAMLISH, st.text(max_size=200)))
def test_safe_yaml_never_constructs_python_objects(text: str) -> None:
    try:
        data = load_yaml(text, path="x.yaml")
    except LicenseCheckError:
        return
    allowed = (dict, list, str, int, float, bool, type(None), bytes)

    def walk(value: object, depth: int = 0) -> None:
        assert depth < 80
        assert isinstance(value, allowed) or type(value).__module__ == "datetime", type(value)
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key, depth + 1)
                walk(item, depth + 1)
        elif isinstance(value, list):
            for item in value[:50]:
                walk(item, depth + 1)

    walk(data)


@FAST
@given(st.one_of(st.text(max_size=30), st.from_regex(r"-?[0-9.,_]{0,12}(e[0-9]{1,4})?[kKmMbBgG]?", fullmatch=True)))
def test_mau_parser(text: str) -> None:
    try:
        value = parse_mau(text)
    except LicenseCheckError:
        return
    assert isinstance(value, int) and 0 <= value <= 10**11


@FAST
@given(st.text(max_size=6))
def test_region_parser(text: str) -> None:
    try:
        region = parse_region(text)
    except LicenseCheckError:
        return
    assert len(region.code) == 2


def test_deep_nesting_is_refused() -> None:
    text = "---\nlicense: " + "[" * 500 + "]" * 500 + "\n---\n"
    try:
        parse_card(text, "README.md")
    except LicenseCheckError as exc:
        assert "README.md" in str(exc)
    else:  # pragma: no cover - the limit must bite
        raise AssertionError("deep nesting was accepted")


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    from licensecheck.textfile import read_text_file

    big = tmp_path / "README.md"
    with big.open("wb") as handle:
        handle.seek(1024**3)  # a sparse 1 GiB file
        handle.write(b"\n")
    try:
        read_text_file(big, what="model card")
    except LicenseCheckError as exc:
        assert "larger than" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a 1 GiB file was read")
