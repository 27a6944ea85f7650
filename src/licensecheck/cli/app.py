"""The command line. Thin: parse options, call one core function, render, pick the exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer


def _typer(help_text: str) -> typer.Typer:
    return typer.Typer(
        help=help_text,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )


FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text, json or markdown.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE.")]  # noqa: UP045


def _version(value: bool) -> None:
    if value:
        from licensecheck import __version__

        print(f"licensecheck {__version__}")
        raise typer.Exit(0)


def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """licensecheck: may I use this model for that?"""


def model_command(
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="Hugging Face id, known alias (llama3.1:8b), or local model folder / card file."),
    ] = None,
    license_id: Annotated[
        Optional[list[str]],  # noqa: UP045  (a list: given twice, it is a usage error, not the last one silently)
        typer.Option("--license", "-l", help="Evaluate a license id directly instead of a model."),
    ] = None,
    use: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--use",
            "-u",
            help="commercial, research, fine-tuning, distillation, redistribution, hosting, "
            "large-user-base, relicensing (repeatable; default: every use).",
        ),
    ] = None,
    mau: Annotated[str | None, typer.Option("--mau", help="Monthly active users: 700000000, 700M, 1.2B, 50k.")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Licensee domicile: EU or ISO 3166 code.")] = None,
    target: Annotated[
        str | None,
        typer.Option("--target", help="Student model (distillation) or new license (relicensing)."),
    ] = None,
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
    fail_on: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--fail-on",
            help="Verdicts that exit 1, comma-separated or repeated (default: needs-permission,forbidden,unknown).",
        ),
    ] = None,
    online: Annotated[bool, typer.Option("--online", help="Look the model card up on the Hugging Face Hub.")] = False,
) -> None:
    """Answer: may I use MODEL (or --license ID) for these uses, given these facts?"""
    from licensecheck.cli.entry import runner

    raise typer.Exit(runner("model", locals())())  # (locals() here: exactly the parameters)


def license_list(fmt: FormatOpt = "text", output: OutputOpt = None) -> None:
    """Every license with its verdict per use at a glance."""
    from licensecheck.cli.entry import runner

    raise typer.Exit(runner("license list", locals())())  # (locals() here: exactly the parameters)


def license_show(
    license_id: Annotated[str, typer.Argument(metavar="ID", help="License id or alias.")],
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
) -> None:
    """A readable summary of one license."""
    from licensecheck.cli.entry import runner

    raise typer.Exit(runner("license show", locals())())  # (locals() here: exactly the parameters)


def license_compare(
    license_ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Two or more license ids.")],
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
) -> None:
    """The same facts side by side, differences highlighted."""
    from licensecheck.cli.entry import runner

    raise typer.Exit(runner("license compare", locals())())  # (locals() here: exactly the parameters)


def license_validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="License YAML files to check.")],
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
) -> None:
    """Check your own license files against the schema and vocabulary (exit 1 when one is invalid)."""
    from licensecheck.cli.run import run_license_validate

    raise typer.Exit(run_license_validate(files, fmt=fmt, output=output))


def catalog_search(
    query: Annotated[str, typer.Argument(help="Words to look for in ids, aliases and licenses.")],
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
) -> None:
    """Find models in the catalog."""
    from licensecheck.cli.entry import runner

    raise typer.Exit(runner("catalog search", locals())())  # (locals() here: exactly the parameters)


def catalog_list(
    license_id: Annotated[str | None, typer.Option("--license", "-l", help="Only models under this license.")] = None,
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
) -> None:
    """Every model in the catalog (and the family patterns)."""
    from licensecheck.cli.entry import runner

    raise typer.Exit(runner("catalog list", locals())())  # (locals() here: exactly the parameters)


def scan_command(
    path: Annotated[Path, typer.Argument(help="Repository to scan (default: the current folder).")] = Path("."),
    policy: Annotated[
        Path | None,
        typer.Option("--policy", "-p", help="Policy file (default: licensecheck.yaml or pyproject.toml)."),
    ] = None,
    use: Annotated[
        list[str] | None,
        typer.Option("--use", "-u", help="Uses to check (overrides the policy; repeatable)."),
    ] = None,
    mau: Annotated[str | None, typer.Option("--mau", help="Monthly active users (overrides the policy).")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Licensee domicile (overrides the policy).")] = None,
    fail_on: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--fail-on", help="Verdicts that fail the scan, comma-separated or repeated (overrides the policy)."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json, markdown, sarif or github.")] = "text",
    output: OutputOpt = None,
    online: Annotated[bool, typer.Option("--online", help="Look unknown models up on the Hugging Face Hub.")] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read every file, not only those changed since the last scan, and replay no earlier scan.",
        ),
    ] = False,
) -> None:
    """Find every model a repository uses and check it against the repository's policy."""
    from licensecheck.cli.entry import runner

    raise typer.Exit(runner("scan", locals())())  # (locals() here: exactly the parameters)


def build_app(only: str | None = None) -> typer.Typer:
    """The command tree; ``only`` registers a single top-level command.

    typer turns every registered command into a click command on each run, so a one-shot call registers
    just the command it runs (a third of the start-up time of the full tree).
    """
    root_app = _typer(
        "License compatibility checks for open-weight AI models. Not legal advice: every answer cites its clause."
    )
    root_app.callback()(root)
    if only in (None, "model"):
        root_app.command("model")(model_command)
    if only in (None, "scan"):
        root_app.command("scan")(scan_command)
    if only in (None, "license"):
        license_app = _typer("List, show, compare and validate license terms.")
        license_app.command("list")(license_list)
        license_app.command("show")(license_show)
        license_app.command("compare")(license_compare)
        license_app.command("validate")(license_validate)
        root_app.add_typer(license_app, name="license")
    if only in (None, "catalog"):
        catalog_app = _typer("Browse the models licensecheck knows.")
        catalog_app.command("search")(catalog_search)
        catalog_app.command("list")(catalog_list)
        root_app.add_typer(catalog_app, name="catalog")
    return root_app


COMMANDS = frozenset({"model", "scan", "license", "catalog"})
app = build_app()


def main() -> None:
    """The typer application as a console entry point (``licensecheck.cli.entry.main`` decides when)."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    from licensecheck.cli.entry import guarded

    def invoke() -> int:
        first = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
        try:
            code = build_app(first if first in COMMANDS else None)(prog_name="licensecheck", standalone_mode=False)
        except NoArgsIsHelpError as exc:  # `licensecheck` or `licensecheck license` alone: show the help
            print(exc.ctx.get_help() if exc.ctx else str(exc.format_message()))
            return 0
        except UsageError as exc:  # click's own usage errors, as one line like ours
            where = exc.ctx.command_path if exc.ctx else "licensecheck"
            print(f"licensecheck: error: {exc.format_message()} (see `{where} --help`)", file=sys.stderr)
            return 2
        except ClickException as exc:
            print(f"licensecheck: error: {exc.format_message()}", file=sys.stderr)
            return exc.exit_code
        return code if isinstance(code, int) else 0

    guarded(invoke)
