"""What each command does, between parsing and rendering. No typer here; rich only through renderers."""

from __future__ import annotations

import os
import sys

from licensecheck.errors import InputError, LicenseCheckError, UsageError
from licensecheck.records import TYPE_CHECKING
from licensecheck.vocabulary import Use, Verdict

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from pathlib import Path
    from typing import Any, TypeVar

    F = TypeVar("F", bound=Callable[..., int])

DEFAULT_FAIL_ON = frozenset({Verdict.NEEDS_PERMISSION, Verdict.FORBIDDEN, Verdict.UNKNOWN})
REPORT_FORMATS = ("text", "json", "markdown")


def handles_errors(func: F) -> F:
    """Our own errors become one line on stderr and exit code 2."""

    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            return func(*args, **kwargs)
        except LicenseCheckError as exc:
            print(f"licensecheck: error: {exc.describe()}", file=sys.stderr)
            return 2

    # what ``functools.wraps`` copies (typer reads the signature through ``__wrapped__``), without importing it
    for name in ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__"):
        setattr(wrapper, name, getattr(func, name))
    wrapper.__dict__.update(func.__dict__)
    wrapper.__wrapped__ = func  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def parse_uses(values: Iterable[str]) -> list[Use]:
    uses: list[Use] = []
    for value in values:
        for part in str(value).split(","):
            if not part.strip():
                continue
            try:
                use = Use.parse(part)
            except ValueError:
                raise UsageError(
                    f"unknown use {part.strip()!r}; choose from: {', '.join(u.value for u in Use)}"
                ) from None
            if use not in uses:
                uses.append(use)
    if values and not uses:
        raise UsageError("--use is empty; choose from: " + ", ".join(u.value for u in Use))
    return uses or list(Use)


def parse_fail_on(value: str | Sequence[str] | None) -> frozenset[Verdict]:
    if value is None:
        return DEFAULT_FAIL_ON
    values = [value] if isinstance(value, str) else [str(v) for v in value]
    parts = [part for text in values for part in text.split(",")]  # (repeated, comma-separated, or both)
    verdicts = set()
    for part in parts:
        if not part.strip():
            continue
        try:
            verdicts.add(Verdict.parse(part))
        except ValueError:
            raise UsageError(
                f"unknown verdict {part.strip()!r} in --fail-on; choose from: {', '.join(v.value for v in Verdict)}"
            ) from None
    if not verdicts:
        raise UsageError("--fail-on is empty; name at least one verdict, e.g. --fail-on forbidden")
    return frozenset(verdicts)


def emit(text: str, output: str | os.PathLike[str] | None, fmt: str) -> None:
    """Print the document, or write it to --output."""
    if output is not None:
        from licensecheck.scan import replay
        from licensecheck.textfile import write_report

        write_report(output, text)
        replay.note_report(text)  # (a scan being recorded replays the file too)
        return
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise InputError("cannot write the report: standard output is closed; use --output FILE")
    try:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:  # a console or redirection in a legacy code page (cp1252, cp437 on Windows)
            _write_encodable(text, fmt)
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # a reader that stopped early (`| head`): the exit code still tells the verdict
    except OSError as exc:  # a full disk behind a redirection, say
        raise InputError(f"cannot write the report to standard output: {exc.strerror or exc}") from None


def _write_encodable(text: str, fmt: str) -> None:
    """Write ``text`` in a standard output encoding that cannot hold all of it: a JSON document (SARIF too) with
    each such character escaped as JSON escapes it (``\\u2192``: the same document), other formats with ``?``."""
    encoding = sys.stdout.encoding or "ascii"
    if fmt.strip().lower() in ("json", "sarif"):  # (outside strings a JSON document is ASCII)
        text = "".join(char if _encodable(char, encoding) else _json_escape(char) for char in text)
    sys.stdout.write(text.encode(encoding, "replace").decode(encoding))


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # (a surrogate pair, as JSON spells a character beyond the basic plane)
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _configure_text(fmt: str, output: str | os.PathLike[str] | None) -> None:
    if fmt.strip().lower() == "text":
        from licensecheck.render import OPTIONS

        OPTIONS["color"] = output is None and sys.stdout is not None and sys.stdout.isatty()


def render(
    fmt: str, kind: str, obj: Any, output: str | os.PathLike[str] | None, allowed: tuple[str, ...] = REPORT_FORMATS
) -> None:
    from licensecheck.render import printable, renderer

    func = renderer(fmt, kind, allowed)
    _configure_text(fmt, output)
    text = func(obj)
    if fmt.strip().lower() in ("markdown", "md", "github"):
        text = printable(text)  # no terminal escape from a model card survives into plain-text formats
    emit(text, output, fmt)


@handles_errors
def run_model(
    *,
    model: str | None,
    license_id: str | Sequence[str] | None,
    uses: Sequence[str],
    mau: str | None,
    region: str | None,
    target: str | None,
    fmt: str,
    output: str | os.PathLike[str] | None,
    fail_on: str | Sequence[str] | None,
    online: bool,
) -> int:
    from licensecheck.render import renderer

    renderer(fmt, "model", REPORT_FORMATS)  # an unknown format is a usage error before any work
    from licensecheck.check import check_license, check_model, parse_facts

    if license_id is not None and not isinstance(license_id, str):  # (--license as typer and the plain path give it)
        given = list(dict.fromkeys(license_id))
        if len(given) > 1:
            raise UsageError(f"--license is given {len(license_id)} times; give one license (check others one by one)")
        license_id = given[0] if given else None
    use_list = parse_uses(uses)
    failing = parse_fail_on(fail_on)
    if model is None and license_id is None:
        raise UsageError("give a MODEL (Hugging Face id, alias or local folder) or --license ID")
    if model is not None and license_id is not None:
        raise UsageError("give either a MODEL or --license ID, not both")
    facts = parse_facts(mau=mau, region=region, target=target, uses=use_list, online=online)
    if license_id is not None:
        report = check_license(license_id, use_list, facts)
    else:
        assert model is not None
        report = check_model(model, use_list, facts, online=online)
    if not report.found and report.hint:
        print(f"licensecheck: {report.hint}", file=sys.stderr)
    render(fmt, "model", report, output)
    # (SPEC: exit 1 when some verdict is in the failing set: a use's, not only the combined one, which a worse
    # verdict outside the set may hide under `--fail-on conditional`)
    return 1 if report.verdict in failing or any(r.verdict in failing for r in report.results) else 0


def license_order_key(license_id: str) -> tuple[str, Any, str]:
    """Group a license family together, its versions in version order (Llama 2 < 3 < 3.1 < … < 3.10 < 4)."""
    from licensecheck.registry import family_version

    return (*family_version(license_id), license_id)


def license_rows() -> list[dict[str, Any]]:
    from licensecheck.engine import evaluate
    from licensecheck.facts import Facts
    from licensecheck.registry import get_terms, license_ids

    rows = []
    for lid in sorted(license_ids(), key=license_order_key):
        terms = get_terms(lid)
        uses = {use.value: evaluate(terms, use, Facts()).verdict.value for use in Use}
        rows.append(
            {
                "id": lid,
                "name": terms.name,
                "version": terms.version,
                "date": terms.date,
                "category": terms.category,
                "uses": uses,
            }
        )
    return rows


@handles_errors
def run_license_list(*, fmt: str, output: str | os.PathLike[str] | None) -> int:
    render(fmt, "license_list", license_rows(), output)
    return 0


def license_document(license_id: str) -> dict[str, Any]:
    from licensecheck.engine import evaluate
    from licensecheck.facts import Facts
    from licensecheck.registry import get_terms, require_license
    from licensecheck.terms import section_label

    lid = require_license(license_id, option="license show")
    terms = get_terms(lid)
    raw = dict(terms.raw)
    uses = []
    for use in Use:
        result = evaluate(terms, use, Facts())
        rule = terms.rule(use)
        uses.append(
            {
                "use": use.value,
                "verdict": result.verdict.value,
                "reason": rule.reason,
                "depends_on": [limit.kind for limit in terms.limits_for(use)],
                "conditions": list(result.conditions),
                "citations": [c.to_json() for c in result.citations],
            }
        )
    limits = [
        {
            "id": limit.id,
            "kind": limit.kind,
            "verdict": limit.verdict.value,
            "reason": limit.reason,
            "uses": "all" if len(limit.uses) == len(Use) else sorted(u.value for u in limit.uses),
            "cite": ", ".join(dict.fromkeys(c.label() for c in limit.citations)),
        }
        for limit in terms.limits
    ]
    obligations = []
    for key, item in (raw.get("obligations") or {}).items():
        cites = ", ".join(dict.fromkeys(section_label(str(c["section"])) for c in item.get("citations") or ()))
        obligations.append({"id": key, "kind": item["kind"], "text": item["text"], "cite": cites})
    summary = {
        k: raw[k]
        for k in (
            "id",
            "name",
            "short_name",
            "publisher",
            "version",
            "date",
            "date_kind",
            "url",
            "category",
            "aliases",
            "summary",
            "outputs",
            "derivatives",
            "notice",
            "use_policy",
            "thresholds",
            "history",
            "notes",
            "spdx",
        )
        if k in raw
    }

    def uses_with(*verdicts: str) -> list[str]:
        return [str(u["use"]) for u in uses if u["verdict"] in verdicts]

    at_a_glance = {
        # with no facts given: what is allowed outright, what depends on a fact, what is refused; what it asks
        "allowed": uses_with("allowed"),
        "depends_on_facts": uses_with("conditional"),
        "refused": uses_with("needs-permission", "forbidden"),
        "obligations": sorted({o["kind"] for o in obligations}),
    }
    return {"license": summary, "at_a_glance": at_a_glance, "uses": uses, "limits": limits, "obligations": obligations}


@handles_errors
def run_license_show(license_id: str, *, fmt: str, output: str | os.PathLike[str] | None) -> int:
    from licensecheck.render import renderer

    renderer(fmt, "license_show", REPORT_FORMATS)
    render(fmt, "license_show", license_document(license_id), output)
    return 0


COMPARE_FIELDS = ("publisher", "version", "date", "category")


_DEPENDS_WORDS = {
    "user-threshold": "users",
    "distillation-target": "student",
    "relicensing-target": "new license",
    "eu-multimodal": "EU, modality",
}


def _verdict_cell(use: dict[str, Any]) -> str:
    """A use's verdict for a comparison, with what a conditional one depends on (`conditional (users, student)`)."""
    verdict = str(use["verdict"])
    depends = [_DEPENDS_WORDS.get(kind, kind.replace("-", " ")) for kind in use.get("depends_on") or ()]
    return f"{verdict} ({', '.join(dict.fromkeys(depends))})" if verdict == "conditional" and depends else verdict


def compare_document(license_ids: Sequence[str]) -> dict[str, Any]:
    from licensecheck.registry import require_license

    ids = list(dict.fromkeys(require_license(x, option="license compare") for x in license_ids))
    if len(ids) < 2:
        raise UsageError("license compare needs at least two different licenses")
    docs = [license_document(lid) for lid in ids]
    rows: list[dict[str, Any]] = []
    for name in COMPARE_FIELDS:
        rows.append({"field": name, "values": [d["license"].get(name, "") for d in docs]})
    for index, use in enumerate(Use):
        # (a conditional verdict names what it depends on: two licenses can both say "conditional" on different
        # facts, Llama 3 distillation on the student model and Llama 3.1's on the user count alone)
        rows.append({"field": f"{use.value}", "values": [_verdict_cell(d["uses"][index]) for d in docs]})

    def threshold(d: dict[str, Any]) -> str:
        items = d["license"].get("thresholds") or []
        return "; ".join(f">{t['value']:,} MAU → {t['consequence']}" for t in items) or "none"

    rows.append({"field": "user threshold", "values": [threshold(d) for d in docs]})
    rows.append(
        {
            "field": "limits",
            "values": [", ".join(f"{lim['kind']} ({lim['verdict']})" for lim in d["limits"]) or "none" for d in docs],
        }
    )
    rows.append({"field": "outputs", "values": [d["license"]["outputs"] for d in docs]})
    rows.append({"field": "derivatives", "values": [d["license"]["derivatives"] for d in docs]})
    rows.append(
        {
            "field": "use policy",
            "values": [(d["license"].get("use_policy") or {}).get("name", "none") for d in docs],
        }
    )
    kinds = [sorted({o["kind"] for o in d["obligations"]}) for d in docs]
    rows.append({"field": "obligation kinds", "values": [", ".join(k) for k in kinds]})
    rows.append({"field": "notice", "values": [d["license"].get("notice") or "none" for d in docs]})
    return {"ids": ids, "rows": rows}


@handles_errors
def run_license_compare(license_ids: Sequence[str], *, fmt: str, output: str | os.PathLike[str] | None) -> int:
    from licensecheck.render import renderer

    renderer(fmt, "license_compare", REPORT_FORMATS)
    render(fmt, "license_compare", compare_document(license_ids), output)
    return 0


@handles_errors
def run_license_validate(files: Sequence[Path], *, fmt: str, output: str | os.PathLike[str] | None) -> int:
    from licensecheck.data import license_index
    from licensecheck.render import renderer
    from licensecheck.validate import check_license_file, cross_file_problems

    renderer(fmt, "validate", REPORT_FORMATS)
    if output is not None and any(os.path.realpath(output) == os.path.realpath(path) for path in files):
        raise InputError("--output is one of the files to validate; the report would overwrite it", path=str(output))
    checked = []
    for path in files:
        if not path.exists():
            raise InputError("file not found", path=str(path))
        # (a user's own file may be named anything: the packaged files' names are held to their ids at build time)
        checked.append(check_license_file(path, strict_stem=False))
    builtin = {k: v for k, v in license_index()["aliases"].items()}
    # A user's file may re-declare a packaged license (same id); it may not steal another license's alias.
    extra = cross_file_problems(checked, builtin)
    items = []
    for item in checked:
        problems = [str(p) for p in item.problems] + [str(p) for p in extra if p.path == item.path]
        items.append(
            {
                "path": item.path,
                "id": (item.data or {}).get("id"),
                "valid": not problems,
                "problems": problems,
            }
        )
    render(fmt, "validate", {"files": items}, output)
    return 0 if all(i["valid"] for i in items) else 1


@handles_errors
def run_catalog(
    query: str | None, *, license_id: str | None = None, fmt: str, output: str | os.PathLike[str] | None
) -> int:
    from licensecheck.catalog import search_catalog
    from licensecheck.render import renderer

    renderer(fmt, "catalog", REPORT_FORMATS)
    if license_id is not None:
        from licensecheck.registry import find_license

        found = find_license(license_id)  # (an encoded or a recorded license; a typo is a usage error)
        if found is None or not found.known:
            raise UsageError(f"unknown license {license_id!r} for --license; see `licensecheck license list`")
        license_id = found.id
    doc = search_catalog(query, license_id=license_id)
    render(fmt, "catalog", doc, output)
    return 0 if doc["models"] or doc.get("patterns") else 1
