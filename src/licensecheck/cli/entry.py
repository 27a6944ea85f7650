"""The console entry point: plain `scan`, `model`, `license list|show|compare` and `catalog` calls start without
typer.

Importing typer (and click under it) is a fifth of a one-shot command's time and most of a small repository's scan.
The two commands people run in scripts and CI are read here from a table of their options, and only when every
argument is one this table knows (no ``--help``, no unknown option, no value that looks like an option) — anything
else goes to the typer application in ``licensecheck.cli.app``, which owns help, usage errors and every other
command. ``tests/test_cli_entry.py`` checks that the table and the typer commands agree, option by option.
"""

from __future__ import annotations

import os
import sys

from licensecheck.records import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# the report options every command takes
_REPORT = {
    "--format": ("fmt", "value"),
    "-f": ("fmt", "value"),
    "--output": ("output", "value"),
    "-o": ("output", "value"),
}
# command -> option spelling -> (parameter, kind); kind is "value", "many" (repeatable) or "flag"
OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "scan": {
        "--policy": ("policy", "value"),
        "-p": ("policy", "value"),
        "--use": ("use", "many"),
        "-u": ("use", "many"),
        "--mau": ("mau", "value"),
        "--region": ("region", "value"),
        "--fail-on": ("fail_on", "many"),
        **_REPORT,
        "--online": ("online", "flag"),
        "--no-cache": ("no_cache", "flag"),
    },
    "model": {
        "--license": ("license_id", "many"),
        "-l": ("license_id", "many"),
        "--use": ("use", "many"),
        "-u": ("use", "many"),
        "--mau": ("mau", "value"),
        "--region": ("region", "value"),
        "--target": ("target", "value"),
        **_REPORT,
        "--fail-on": ("fail_on", "many"),
        "--online": ("online", "flag"),
    },
    **{command: _REPORT for command in ("license list", "license show", "license compare", "catalog search")},
    "catalog list": {"--license": ("license_id", "value"), "-l": ("license_id", "value"), **_REPORT},
}
# the argument a command takes (a command not named here takes none); those marked many take one or more
POSITIONAL = {
    "scan": "path",
    "model": "model",
    "license show": "license_id",
    "license compare": "license_ids",
    "catalog search": "query",
}
MANY = frozenset({"license compare"})
REQUIRED = frozenset({"license show", "license compare", "catalog search"})  # (typer words a missing one)
GROUPS = frozenset({"license", "catalog"})  # commands of two words


def parse_plain(argv: list[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, parameters as typer would pass them) for a plain call, or None to let typer read ``argv``."""
    words = 2 if argv[:1] and argv[0] in GROUPS else 1  # (a command of a group: `license list`)
    command = " ".join(argv[:words])
    if len(argv) < words or command not in OPTIONS:
        return None
    table = OPTIONS[command]
    params: dict[str, Any] = {}
    positional: list[str] = []
    args = iter(argv[words:])
    for arg in args:
        if arg.startswith("-") and arg != "-":
            name, has_value, value = arg.partition("=")
            if name not in table or (has_value and not name.startswith("--")):
                return None  # --help, an unknown option, -fjson: typer's
            param, kind = table[name]
            if kind == "flag":
                if has_value:
                    return None
                params[param] = True
                continue
            if not has_value:
                following = next(args, None)
                if following is None or (following.startswith("-") and following != "-"):
                    return None  # a missing value is a usage error typer words
                value = following
            if kind == "many":
                params.setdefault(param, []).append(value)
            else:
                params[param] = value  # click keeps the last
        elif command in POSITIONAL and (not positional or command in MANY):
            positional.append(arg)
        else:
            return None  # an extra argument: typer's usage error
    if positional:
        params[POSITIONAL[command]] = positional if command in MANY else positional[0]
    elif command in REQUIRED:
        return None
    return command, params


def runner(command: str, params: dict[str, Any]) -> Callable[[], int]:
    """The call a command's parameters make (the one mapping from options to ``run_scan`` and ``run_model``, used
    by the typer commands too); a parameter left out takes its default."""

    def path(name: str) -> str | None:  # (strings: importing pathlib costs a one-shot command about 4 ms)
        from licensecheck.paths import plain_path

        value = params.get(name)
        return plain_path(value) if value is not None else None

    if command == "scan":

        def run() -> int:
            from licensecheck.scan.replay import recording_for

            recording = recording_for(params)  # the same scan of an unchanged tree: what it wrote last time
            if recording is not None:
                from licensecheck.errors import LicenseCheckError

                try:
                    replayed = recording.replay()
                except LicenseCheckError as exc:  # (the --output file cannot be written: as run_scan says it)
                    print(f"licensecheck: error: {exc.describe()}", file=sys.stderr)
                    return 2
                if replayed is not None:
                    return replayed
                recording.start()
            from licensecheck.cli.scan import run_scan
            from licensecheck.scan.replay import Replayed

            code = None
            try:
                code = run_scan(
                    path=os.fspath(params.get("path", ".")),
                    policy=path("policy"),
                    uses=params.get("use"),
                    mau=params.get("mau"),
                    region=params.get("region"),
                    fail_on=params.get("fail_on"),
                    fmt=params.get("fmt", "text"),
                    output=path("output"),
                    online=params.get("online", False),
                    cache=not params.get("no_cache", False),
                )
            except Replayed as done:  # the walk found what the recording was made from: its output is written
                code = done.code
            finally:
                if recording is not None:
                    recording.stop(code)
            return code

        return run

    fmt = params.get("fmt", "text")
    if command.startswith(("license ", "catalog ")):

        def run_listing() -> int:
            from licensecheck.cli import run

            output = path("output")
            if command == "license list":
                return run.run_license_list(fmt=fmt, output=output)
            if command == "license show":
                return run.run_license_show(params["license_id"], fmt=fmt, output=output)
            if command == "license compare":
                return run.run_license_compare(params["license_ids"], fmt=fmt, output=output)
            return run.run_catalog(params.get("query"), license_id=params.get("license_id"), fmt=fmt, output=output)

        return run_listing

    def run_model_command() -> int:
        from licensecheck.cli.run import run_model

        return run_model(
            model=params.get("model"),
            license_id=params.get("license_id"),
            uses=params.get("use") or [],
            mau=params.get("mau"),
            region=params.get("region"),
            target=params.get("target"),
            fmt=params.get("fmt", "text"),
            output=path("output"),
            fail_on=params.get("fail_on"),
            online=params.get("online", False),
        )

    return run_model_command


def guarded(call: Callable[[], int]) -> None:
    """Run ``call`` and exit with its code: our errors are one line and exit 2; anything else is a bug, exit 3."""
    from licensecheck.errors import LicenseCheckError

    try:
        code = call()
    except LicenseCheckError as exc:
        print(f"licensecheck: error: {exc.describe()}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("licensecheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except BaseException as exc:  # a bug: one line, never a traceback
        print(
            f"licensecheck: internal error ({type(exc).__name__}: {exc}); please report it with the command you ran",
            file=sys.stderr,
        )
        sys.exit(3)
    sys.exit(code)


def main() -> None:
    """Console entry point: a plain `scan` or `model` call runs here, anything else through typer."""
    plain = parse_plain(sys.argv[1:])
    if plain is None or (plain[0] == "model" and "model" not in plain[1] and "license_id" not in plain[1]):
        from licensecheck.cli.app import main as typer_main  # help, usage errors, every other command

        typer_main()
        return
    guarded(runner(*plain))


def console() -> None:
    """The installed command: ``main()``, then leave at once. Tearing the interpreter down after a scan (freeing the
    catalog, the parsed statements, every module) costs several milliseconds that nobody waits for gladly.

    The cyclic garbage collector is off: a command makes no cycles worth collecting (a whole scan of transformers
    leaves none), while the collector walked the catalog's objects again and again as they were loaded (1.5 ms of
    `licensecheck model`, 3 ms of a small scan)."""
    import gc
    import os

    gc.disable()
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): printed, exit 1, as the interpreter does
        print(code, file=sys.stderr)
        code = 1
    lazyre = sys.modules.get("licensecheck.lazyre")
    if lazyre is not None:
        lazyre.save()  # (patterns compiled for the first time on this machine are kept for the next run)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # (None when the command was started with the stream closed: `>&-`)
            try:  # noqa: SIM105  (contextlib.suppress: importing contextlib costs 1 ms)
                stream.flush()
            except (OSError, ValueError):  # a closed pipe (`| head`): nothing more to say
                pass
    os._exit(code)
