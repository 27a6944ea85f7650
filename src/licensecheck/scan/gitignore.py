""".gitignore patterns as regular expressions (git's rules, as in ``gitignore(5)``).

Our own, small translation instead of a library: importing one (with the dataclasses and typing machinery it
brings) cost every scan of a repository with a ``.gitignore`` about 19 ms, more than the rest of its start-up.
``tests/test_scan_gitignore.py`` checks it against ``pathspec``'s ``GitIgnoreSpec`` on generated patterns.

- ``#`` starts a comment, blank lines are skipped, trailing spaces are dropped unless escaped, ``\\`` escapes.
- ``!`` re-includes; the last pattern that matches decides.
- A trailing ``/`` matches directories only; a ``/`` at the start or in the middle anchors the pattern to the
  folder of its file, otherwise it matches at any depth.
- ``*`` and ``?`` never match ``/``; ``[...]`` is a character class (``!`` or ``^`` negates it); ``**/`` at the
  start, ``/**`` at the end and ``/**/`` in the middle match any number of folders.
- A pattern is matched against the path itself: the walk asks about each folder before entering it, so what is
  under an ignored folder is never asked about (and ``!`` cannot re-include it, as in git).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _class(pattern: str, at: int) -> tuple[str, int] | None:
    """The regex for the bracket expression opening at ``pattern[at]`` and the index after it, or None."""
    end = at + 1
    if end < len(pattern) and pattern[end] in "!^":
        end += 1
    if end < len(pattern) and pattern[end] == "]":
        end += 1
    while end < len(pattern) and pattern[end] != "]":
        end += 2 if pattern[end] == "\\" else 1
    if end >= len(pattern):
        return None
    body = pattern[at + 1 : end]
    negate = body[:1] in ("!", "^")
    if negate:
        body = body[1:]
    out = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            index += 1
            char = body[index]
            out.append(re.escape(char))
        elif char == "-" and 0 < index < len(body) - 1:
            out.append("-")
        else:
            out.append(re.escape(char) if char in "\\^[]-" else char)
        index += 1
    return ("[^/" if negate else "[") + "".join(out) + "]", end + 1


def _segment(segment: str) -> str:
    """One path segment's glob as a regex fragment (never crossing ``/``)."""
    out = []
    index = 0
    while index < len(segment):
        char = segment[index]
        if char == "*":
            while index + 1 < len(segment) and segment[index + 1] == "*":
                index += 1
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            found = _class(segment, index)
            if found is None:
                out.append(re.escape(char))
            else:
                fragment, index = found
                out.append(fragment)
                continue
        elif char == "\\" and index + 1 < len(segment):
            index += 1
            out.append(re.escape(segment[index]))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def translate(line: str) -> tuple[str, bool, bool] | None:
    """(regex over a path relative to the pattern's folder, whether a match ignores, whether it matches folders
    only) for one line, or None."""
    pattern = line.rstrip("\n").rstrip("\r")
    while pattern.endswith(" ") and not pattern.endswith("\\ "):
        pattern = pattern[:-1]
    if not pattern or pattern.startswith("#"):
        return None
    ignores = True
    if pattern.startswith("!"):
        ignores, pattern = False, pattern[1:]
    elif pattern.startswith(("\\!", "\\#")):
        pattern = pattern[1:]
    dir_only = pattern.endswith("/")
    if dir_only:
        pattern = pattern[:-1]
    if not pattern:
        return None
    anchored = "/" in pattern
    pattern = pattern.removeprefix("/")
    parts = pattern.split("/")
    regex = ""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            after_any = index > 0 and parts[index - 1] == "**"  # (**/** is one **)
            if index == 0 or after_any:
                regex += ".*" if last else "(?:.*/)?"
            elif last:
                regex += "/.*"
            else:
                regex += "(?:/.*)?/"
            continue
        if index > 0 and parts[index - 1] != "**":
            regex += "/"
        regex += _segment(part)
    head = "^" if anchored or parts[0] == "**" else "^(?:.*/)?"
    return head + regex + "$", ignores, dir_only


class IgnoreSpec:
    """The patterns of one ``.gitignore`` (or the policy's ``exclude`` list), in order."""

    def __init__(self, lines: Iterable[str]) -> None:
        translated = [found for found in map(translate, lines) if found is not None]
        self.patterns = [(re.compile(regex, re.DOTALL), ignores, dirs) for regex, ignores, dirs in translated]
        # most paths match no pattern: one search over all of them settles that
        alternatives = "|".join(f"(?:{regex})" for regex, _, _ in translated)
        self._any = re.compile(alternatives, re.DOTALL) if translated else None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def check(self, path: str, is_dir: bool = False) -> bool | None:
        """True (ignored), False (re-included by ``!``) or None (no pattern matches) for a relative path."""
        if self._any is None or self._any.match(path) is None:
            return None
        for regex, ignores, dirs_only in reversed(self.patterns):
            if (is_dir or not dirs_only) and regex.match(path) is not None:
                return ignores
        return None
