"""`licensecheck scan`: parse options, merge them over the policy, scan, render, pick the exit code."""

from __future__ import annotations

import os
import sys
import time

from licensecheck.cli.run import handles_errors, parse_fail_on, parse_uses, render
from licensecheck.errors import InputError
from licensecheck.paths import plain_path
from licensecheck.records import TYPE_CHECKING
from licensecheck.vocabulary import Use

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

SCAN_FORMATS = ("text", "json", "markdown", "sarif", "github")
NO_POLICY_NOTE = (
    "licensecheck: no policy found (licensecheck.yaml, or [tool.licensecheck] in pyproject.toml) and no --use: "
    "checking commercial use. Write a licensecheck.yaml that declares your uses, e.g. `uses: [commercial]`."
)


def _progress(fmt: str, output: str | os.PathLike[str] | None) -> Callable[[int, int], None] | None:
    """A one-line counter on stderr, only for people at a terminal (never in CI logs or machine formats)."""
    from licensecheck.render import MACHINE_FORMATS

    if fmt.strip().lower() in MACHINE_FORMATS or sys.stderr is None or not sys.stderr.isatty():
        return None
    started = time.monotonic()
    shown = [False]

    def show(done: int, total: int) -> None:
        if time.monotonic() - started < 0.5 and done < total:
            return  # short scans print nothing
        if done >= total:
            if shown[0]:
                sys.stderr.write("\r\033[K")
                sys.stderr.flush()
            return
        shown[0] = True
        sys.stderr.write(f"\rscanning… {done}/{total} files")
        sys.stderr.flush()

    return show


def _inside(output: str | os.PathLike[str], root: str) -> str | None:
    """Where ``--output`` lies in the scanned tree (relative, with ``/``), or None when it lies outside: the report of
    a previous run is not a config that uses the models it names."""
    target = os.path.realpath(os.fspath(output))
    rel = os.path.relpath(target, os.path.realpath(root))
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


@handles_errors
def run_scan(
    *,
    path: str | os.PathLike[str],
    policy: str | os.PathLike[str] | None,
    uses: Sequence[str] | None,
    mau: str | None,
    region: str | None,
    fail_on: str | Sequence[str] | None,
    fmt: str,
    output: str | os.PathLike[str] | None,
    online: bool,
    cache: bool = True,
) -> int:
    from licensecheck.facts import Facts, parse_mau, parse_region
    from licensecheck.render import renderer
    from licensecheck.scan.policy import find_policy
    from licensecheck.scan.run import ScanOptions, scan_repository

    renderer(fmt, "scan", SCAN_FORMATS)  # an unknown format is a usage error before any work
    path = plain_path(path)  # (plain strings from here: pathlib costs a one-shot command about 4 ms)
    if not os.path.exists(path):
        raise InputError("no such folder", path=path)
    if not os.path.isdir(path):
        raise InputError("not a folder: scan takes a repository folder", path=path)
    try:  # a folder that cannot be listed would scan as "nothing found": never a silent pass
        with os.scandir(path):
            pass
    except OSError as exc:
        raise InputError(f"cannot read the folder: {exc.strerror or exc}", path=path) from None
    found_policy, policy_rel = find_policy(path, policy)
    if uses:
        use_list = parse_uses(uses)
    elif found_policy is not None and found_policy.uses:
        use_list = list(found_policy.uses)
    else:
        use_list = [Use.COMMERCIAL]
    if fail_on is not None:
        failing = parse_fail_on(fail_on)
    elif found_policy is not None and found_policy.fail_on is not None:
        failing = frozenset(found_policy.fail_on)
    else:
        failing = parse_fail_on(None)
    policy_mau = found_policy.mau if found_policy is not None else None
    mau_text = mau if mau is not None else (str(policy_mau) if policy_mau is not None else None)
    region_text = region if region is not None else (found_policy.region if found_policy is not None else None)
    facts = Facts(  # (no target: the check module is imported while the scan runs)
        mau=parse_mau(mau_text) if mau_text is not None else None,
        region=parse_region(region_text) if region_text is not None else None,
    )
    if not uses and (found_policy is None or not found_policy.uses):  # (said once every option is known good:
        if found_policy is None:  # a usage error stays the one line on stderr)
            print(NO_POLICY_NOTE, file=sys.stderr)
        else:
            print(
                f"licensecheck: the policy {found_policy.path} declares no uses: checking commercial use; "
                "add e.g. `uses: [commercial]` to it",
                file=sys.stderr,
            )
    options = ScanOptions(
        uses=tuple(use_list),
        facts=facts,
        fail_on=failing,
        policy=found_policy,
        policy_rel=policy_rel,
        online=online,
        cache=cache,
        output_rel=_inside(output, path) if output is not None else None,
    )
    report = scan_repository(path, options, progress=_progress(fmt, output))
    if fmt.strip().lower() != "text":
        for warning in report.warnings:
            print(f"licensecheck: warning: {warning}", file=sys.stderr)
    render(fmt, "scan", report, output, allowed=SCAN_FORMATS)
    return 1 if report.failed else 0
