"""A per-user cache of what this package derives, so a one-shot command does not redo it.

Three things go there: compiled regular expressions (``licensecheck.lazyre``), the packaged JSON indexes already
parsed (``licensecheck.data``), and what each file of a scanned tree gave its last scan
(``licensecheck.scan.resultcache``: the model references found, never the file's text), each as a ``marshal``
file (the format Python keeps bytecode in; it holds only plain data here). The folder is
``$LICENSECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/licensecheck``, else ``~/.cache/licensecheck``;
``LICENSECHECK_NO_CACHE=1`` turns the cache off. Files are named after the interpreter (``cpython-311``), and every
entry says what it was made from, so a stale or foreign one is never used. A cache that cannot be read is ignored
(and rewritten); one that cannot be written is no error.
"""

from __future__ import annotations

import os
import sys

from licensecheck.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def folder() -> str | None:
    """The cache folder, or None when caching is off (or no home folder can be found)."""
    if sys.implementation.name != "cpython" or os.environ.get("LICENSECHECK_NO_CACHE"):
        return None
    base = os.environ.get("LICENSECHECK_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # (the XDG spec: a relative path is invalid and ignored)
        return os.path.join(xdg, "licensecheck")
    home = os.path.expanduser("~")
    return None if home == "~" else os.path.join(home, ".cache", "licensecheck")


def path_of(name: str) -> str | None:
    """Where the cache file ``name`` (of this interpreter) lives, or None when caching is off."""
    base = folder()
    return None if base is None else os.path.join(base, f"{name}-{sys.implementation.cache_tag}.marshal")


def load(name: str) -> Any:
    """What the cache file ``name`` holds, or None (no file, or one that cannot be read)."""
    path = path_of(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        import marshal  # (built in: free to import)

        return marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(name: str, value: Any) -> None:
    """Write ``value`` (plain data) as the cache file ``name``; quietly nothing when that cannot be done."""
    path = path_of(name)
    if path is None:
        return
    import marshal

    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps(value))
        os.replace(temporary, path)  # (atomic: a concurrent command reads the old file or the new one)
    except (OSError, ValueError):
        try:  # noqa: SIM105  (contextlib costs 1 ms to import)
            os.unlink(temporary)
        except OSError:
            pass


def forget_old(prefix: str, keep: int) -> None:
    """Remove the least recently written cache files named ``prefix…`` beyond ``keep`` (a new one is about to be
    written): a cache of one file per scanned folder, or per installation, stays bounded."""
    base = folder()
    if base is None:
        return
    try:
        with os.scandir(base) as listing:
            caches = [(item.stat().st_mtime_ns, item.path) for item in listing if item.name.startswith(prefix)]
    except OSError:
        return
    caches.sort()
    for _, path in caches[: max(0, len(caches) - keep + 1)]:
        try:  # noqa: SIM105  (contextlib costs 1 ms to import)
            os.unlink(path)
        except OSError:
            pass
