"""Regular expressions compiled on first use.

Compiling a pattern costs 0.05-0.4 ms, and a scan's start-up compiled some forty of them (4-5 ms) before it read a
file, most of them for file kinds a repository may not have. ``later(r"…")`` returns a function that compiles the
pattern the first time it is called and hands back the same object after that; call it once per file, outside
per-line loops.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def later(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A text pattern compiled on first use."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled


def later_bytes(pattern: bytes, flags: int = 0) -> Callable[[], re.Pattern[bytes]]:
    """A bytes pattern compiled on first use."""

    @cache
    def compiled() -> re.Pattern[bytes]:
        return re.compile(pattern, flags)

    return compiled
