"""Paths as plain strings: the one-shot commands do not import pathlib (about 4 ms with what it imports)."""

from __future__ import annotations

import os
import stat

from licensecheck.errors import InputError

# the policy files looked for at a scanned folder's root, in this order (then [tool.licensecheck] in pyproject.toml)
POLICY_NAMES = ("licensecheck.yaml", "licensecheck.yml", ".licensecheck.yaml", ".licensecheck.yml")


def plain_path(value: str | os.PathLike[str]) -> str:
    """``value`` spelled as ``pathlib`` spells it: no ``.`` parts, no doubled or trailing slashes, ``""`` is ``.``
    (``..`` parts are kept: they may cross a symlink)."""
    text = os.fspath(value)
    absolute = text.startswith("/")
    parts = [part for part in text.split("/") if part not in ("", ".")]
    joined = "/".join(parts)
    if absolute:
        return "/" + joined
    return joined or "."


def is_regular_file(path: str) -> bool:
    """Whether ``path`` is a regular file; a file that exists but cannot be looked at is an input error (a policy
    the user wrote must never be skipped silently)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror or exc}", path=path) from None
