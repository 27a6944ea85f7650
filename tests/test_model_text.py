"""`model` text without rich (no colour) is, character for character, what rich prints."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.check import check_license, check_model
from licensecheck.data import catalog_index, license_index
from licensecheck.facts import Facts
from licensecheck.render import OPTIONS
from licensecheck.render.model_text import model_lines, render_model, render_rich
from licensecheck.vocabulary import Use

USES = list(Use)


def render_with_rich(report: object) -> str:
    return render_rich(model_lines(report))


@pytest.fixture(autouse=True)
def _no_colour() -> None:
    OPTIONS["color"] = False


def test_every_catalog_model_reads_as_rich_prints_it() -> None:
    models = sorted(catalog_index()["models"])
    assert len(models) > 500
    for index, model in enumerate(models):
        facts = Facts(mau=800_000_000) if index % 3 == 0 else Facts()
        report = check_model(model, USES if index % 2 else [Use.COMMERCIAL], facts)
        assert render_model(report) == render_with_rich(report), model


def test_every_license_and_an_unknown_model_read_as_rich_prints_them() -> None:
    for license_id in sorted(license_index()["names"]):
        report = check_license(license_id, USES, Facts())
        assert render_model(report) == render_with_rich(report), license_id
    report = check_model("some-org/not-in-the-catalog", [Use.COMMERCIAL], Facts())
    assert render_model(report) == render_with_rich(report)


CHARS = ["a", " ", "[", "]", "/", "\\", "é", "模", "\n", ":", "x", "\x1b", "“", "•", "b", "\t"]
TEXT = st.text(alphabet=st.sampled_from(CHARS), max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(warnings=st.lists(TEXT, max_size=3), notes=st.lists(TEXT, max_size=2), hint=st.one_of(st.none(), TEXT))
def test_text_from_cards_and_notes_reads_as_rich_prints_it(warnings: list[str], notes: list[str], hint: str) -> None:
    OPTIONS["color"] = False
    base = check_model("meta-llama/Llama-3.1-8B-Instruct", [Use.COMMERCIAL], Facts())
    report = base._replace(warnings=tuple(warnings), notes=tuple(notes), hint=hint or None)
    assert render_model(report) == render_with_rich(report)


def test_model_text_to_a_pipe_never_imports_rich() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "from licensecheck.cli.entry import main\n"
        "sys.argv = ['licensecheck', 'model', 'meta-llama/Llama-3.1-8B-Instruct', '--use', 'commercial']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    print(exc.code, file=sys.stderr)\n"
        "print('rich' in sys.modules and 'rich' not in before, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == "False"
    assert proc.stdout.startswith("meta-llama/Llama-3.1-8B-Instruct  CONDITIONAL")


def test_a_terminal_gets_the_same_text_in_colour() -> None:
    import re

    report = check_model("meta-llama/Llama-3.1-8B-Instruct", [Use.COMMERCIAL], Facts())
    plain = render_model(report)
    OPTIONS["color"] = True
    try:
        coloured = render_model(report)
    finally:
        OPTIONS["color"] = False
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).split() == plain.split()  # (a terminal may wrap long lines)
