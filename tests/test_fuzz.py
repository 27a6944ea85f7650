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


# --- the policy loader and the scanner's discovery ----------------------------------------------------

POLICY_PIECES = st.sampled_from(
    [
        "uses: ",
        "[commercial]",
        "[teleport]",
        "mau: ",
        "10M",
        "1e9",
        "-5",
        "region: ",
        "NO",
        "US",
        "\n",
        "fail-on: ",
        "[forbidden]",
        "allow: ",
        "deny: ",
        "[mit]",
        "ignore:\n",
        "  - {model: a/b, reason: x, until: ",
        "2027-01-01}",
        "2027-13-45}",
        "exclude: ",
        '["tests/**"]',
        "models: ",
        "[org/m]",
        "&a ",
        "*a",
        "{",
        "}",
        "- ",
        "'",
        '"',
        "\t",
        "true",
        "null",
        "42",
        "unknown-key: 1",
    ]
)
POLICY_TEXT = st.lists(POLICY_PIECES, max_size=30).map("".join)
TOML_PIECES = st.sampled_from(
    [
        "[tool.licensecheck]\n",
        "uses = ",
        '["commercial"]',
        "mau = ",
        "10",
        '"10M"',
        "region = ",
        '"US"',
        "\n",
        'ignore = [{model = "a/b", reason = "x", until = 2027-01-01}]',
        "[",
        "]",
        "=",
        '"',
        "deny = 5",
        "x",
    ]
)


@FAST
@given(st.one_of(POLICY_TEXT, st.text(max_size=200)))
def test_policy_loader(text: str) -> None:
    import tempfile

    from licensecheck.scan.policy import load_yaml_policy

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "licensecheck.yaml"
        path.write_text(text, encoding="utf-8")
        with contextlib.suppress(LicenseCheckError):
            load_yaml_policy(path, "licensecheck.yaml")


@FAST
@given(st.lists(TOML_PIECES, max_size=20).map("".join))
def test_pyproject_policy_loader(text: str) -> None:
    import tempfile

    from licensecheck.scan.policy import load_pyproject_policy

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pyproject.toml"
        path.write_text(text, encoding="utf-8")
        with contextlib.suppress(LicenseCheckError):
            load_pyproject_policy(path, "pyproject.toml", required=False)


PYISH = st.lists(
    st.sampled_from(
        [
            "from_pretrained(",
            ")",
            '"meta-llama/Llama-3.1-8B-Instruct"',
            "'gpt2'",
            "MODEL = ",
            "model=",
            "\n",
            "def f(",
            "):\n    ",
            "pipeline(",
            "x",
            ",",
            "'''",
            '"""',
            "# ",
            "print 'py2'\n",
            "lambda",
            "\\",
            "(",
            "llama3.1:8b",
            "repo_id=",
            "{",
            "}",
            ":",
            "=",
            "import os\n",
            "\t",
            "\x00",
            "é",
        ]
    ),
    max_size=40,
).map("".join)


@FAST
@given(st.one_of(PYISH, st.text(max_size=300)))
def test_discovery_extractors(text: str) -> None:
    from licensecheck.scan.discover import is_catalog_alias, python_candidate_lines
    from licensecheck.scan.extract import (
        command_mentions,
        config_mentions,
        modelfile_mentions,
        notebook_mentions,
        python_mentions,
    )

    lines = python_candidate_lines(text.encode("utf-8", "surrogatepass"))
    for mentions in (
        python_mentions(text, is_catalog_alias, lines=lines),
        python_mentions(text, is_catalog_alias),
        notebook_mentions(text, is_catalog_alias),
        config_mentions(text, is_catalog_alias),
        command_mentions(text, is_catalog_alias),
        modelfile_mentions(text, is_catalog_alias),
    ):
        for mention in mentions:
            assert mention.line >= 1 and mention.value


@FAST
@given(
    st.binary(max_size=600),
    st.sampled_from(["python", "notebook", "yaml", "json", "toml", "shell", "modelfile", "card"]),
)
def test_scanning_random_bytes_never_raises(raw: bytes, kind: str) -> None:
    import tempfile

    from licensecheck.scan.discover import scan_entry
    from licensecheck.scan.walk import FileEntry

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f"
        path.write_bytes(raw)
        rel, mentions, is_card, _warning, _stamp = scan_entry(FileEntry(str(path), "f", kind))
        assert rel == "f"
        assert isinstance(mentions, list) and isinstance(is_card, bool)


@FAST
@given(st.lists(st.text(max_size=30), max_size=5), st.text(max_size=30), st.booleans())
def test_gitignore_patterns_never_raise(lines: list[str], path: str, is_dir: bool) -> None:
    from licensecheck.scan.gitignore import IgnoreSpec, pattern_error

    spec = IgnoreSpec(lines)
    assert spec.check(path, is_dir) in (True, False, None)
    for line in lines:
        assert pattern_error(line) is None or isinstance(pattern_error(line), str)


@FAST
@given(st.one_of(PYISH, st.text(max_size=300)), st.integers(min_value=1, max_value=40))
def test_statements_are_cut_out_or_refused_never_raise(text: str, line: int) -> None:
    from licensecheck.scan.pysource import Source

    source = Source(text)
    got = source.statement(min(line, len(source.lines)))
    if got is not None:
        first, last, _ = got
        assert 1 <= first <= last <= len(source.lines)
