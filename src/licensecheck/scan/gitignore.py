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

from licensecheck.records import NamedTuple


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


_GLOB = frozenset("*?[\\")


class Rule(NamedTuple):
    """One pattern line, in the cheapest form that decides it."""

    kind: str  # name (a literal file name), suffix (*.ext), base (a glob on the file name), path (on the whole path)
    value: str  # the name, the suffix, or a regex
    ignores: bool  # False for a ``!`` line
    dirs_only: bool  # a trailing ``/``


def _regex(parts: list[str]) -> str:
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
    return regex + "$"


def translate(line: str) -> Rule | None:
    """The rule of one ``.gitignore`` line, or None for a blank line or a comment.

    A pattern without a slash (or only ``**/`` in front) is matched against the file name alone, which most
    lines of a real ``.gitignore`` are (``__pycache__/``, ``*.log``): a set lookup or a suffix test, no regex.
    """
    pattern = line.rstrip("\n").rstrip("\r")
    while pattern.endswith(" ") and (len(pattern) - 1 - len(pattern[:-1].rstrip("\\"))) % 2 == 0:
        pattern = pattern[:-1]  # a trailing space goes unless an odd run of backslashes escapes it
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
    parts = pattern.removeprefix("/").split("/")
    if not anchored or (len(parts) == 2 and parts[0] == "**" and parts[1] != "**"):
        name = parts[-1]
        if not _GLOB & set(name):
            return Rule("name", name, ignores, dir_only)
        if name.startswith("*") and not _GLOB & set(name[1:]):
            return Rule("suffix", name[1:], ignores, dir_only)
        return Rule("base", "^" + _regex([name]), ignores, dir_only)
    return Rule("path", "^" + _regex(parts), ignores, dir_only)


class IgnoreSpec:
    """The patterns of one ``.gitignore`` (or the policy's ``exclude`` list): the last one that matches decides."""

    def __init__(self, lines: Iterable[str]) -> None:
        # a pattern whose bracket expression is malformed ([z-a]) matches nothing, as in git
        self.rules = [rule for rule in map(translate, lines) if rule is not None and _valid(rule)]
        self._names: dict[str, list[int]] = {}
        self._suffixes: list[int] = []
        self._base: list[int] = []
        self._path: list[int] = []
        for index, rule in enumerate(self.rules):
            if rule.kind == "name":
                self._names.setdefault(rule.value, []).append(index)
            elif rule.kind == "suffix":
                self._suffixes.append(index)
            else:
                (self._base if rule.kind == "base" else self._path).append(index)
        self._suffix_any = tuple(self.rules[index].value for index in self._suffixes)
        # most paths match no regex rule: one match over all of them settles that (the rule that matched is
        # then found with the rules' own patterns, compiled only then: re's cache has them from ``_valid``)
        self._base_any = _any(self.rules[index].value for index in self._base)
        self._path_any = _any(self.rules[index].value for index in self._path)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def check(self, path: str, is_dir: bool = False) -> bool | None:
        """True (ignored), False (re-included by ``!``) or None (no pattern matches) for a relative path."""
        name = path[path.rfind("/") + 1 :]
        named = self._names.get(name)
        suffixed = bool(self._suffix_any) and name.endswith(self._suffix_any)
        based = self._base_any is not None and self._base_any.match(name) is not None
        pathed = self._path_any is not None and self._path_any.match(path) is not None
        if not (named or suffixed or based or pathed):
            return None  # (most paths: no list built)
        hits = list(named or ())
        if suffixed:
            hits += [index for index in self._suffixes if name.endswith(self.rules[index].value)]
        if based:
            hits += [index for index in self._base if _compiled(self.rules[index].value).match(name) is not None]
        if pathed:
            hits += [index for index in self._path if _compiled(self.rules[index].value).match(path) is not None]
        for index in sorted(hits, reverse=True):
            if is_dir or not self.rules[index].dirs_only:
                return self.rules[index].ignores
        return None


def _any(regexes: Iterable[str]) -> re.Pattern[str] | None:
    joined = "|".join(f"(?:{regex})" for regex in regexes)
    return re.compile(joined, re.DOTALL) if joined else None


def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.DOTALL)


def _valid(rule: Rule) -> bool:
    if rule.kind in ("name", "suffix"):
        return True
    try:
        _compiled(rule.value)
    except re.error:
        return False
    return True


def pattern_error(line: str) -> str | None:
    """Why a pattern can never match (a malformed bracket expression), or None."""
    rule = translate(line)
    if rule is None or _valid(rule):
        return None
    return "a bracket expression in it is malformed (a range such as z-a?)"
