""".gitignore matching: git's rules (gitignore(5)), checked on examples and against pathspec on generated patterns."""

from __future__ import annotations

from pathlib import Path

import pathspec
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from licensecheck.scan.gitignore import IgnoreSpec
from licensecheck.scan.walk import walk_repository


def ignored(lines: list[str], path: str, is_dir: bool = False) -> bool:
    """As the walk decides: each folder on the way first (an ignored one is never entered), then the path."""
    spec = IgnoreSpec(lines)
    parts = path.split("/")
    if any(spec.check("/".join(parts[:k]), True) for k in range(1, len(parts))):
        return True
    return bool(spec.check(path, is_dir))


@pytest.mark.parametrize(
    ("lines", "path", "is_dir", "expected"),
    [
        (["foo/"], "foo", True, True),
        (["foo/"], "foo", False, False),  # a trailing slash: folders only
        (["foo/"], "a/foo/x.py", False, True),
        (["/foo"], "foo", False, True),
        (["/foo"], "a/foo", False, False),  # a leading slash anchors
        (["doc/frotz"], "doc/frotz", False, True),
        (["doc/frotz"], "a/doc/frotz", False, False),  # so does one in the middle
        (["frotz"], "a/b/frotz", False, True),  # no slash: any depth
        (["*.log", "!important.log"], "x/important.log", False, False),
        (["*.log", "!important.log"], "x/other.log", False, True),
        (["**/foo"], "a/b/foo", False, True),
        (["**/foo"], "foo", False, True),
        (["abc/**"], "abc/x/y.py", False, True),
        (["abc/**"], "abc", True, False),  # everything inside, not the folder itself
        (["a/**/b"], "a/b", False, True),
        (["a/**/b"], "a/x/y/b", False, True),
        (["a/**/b"], "a/xb", False, False),
        (["*.py"], "a/b.py", False, True),
        (["a*"], "b/a/c", False, True),  # the folder a matches, so what is in it is ignored
        (["?"], "ab", False, False),
        (["[!a]"], "b", False, True),
        (["x[!a]y"], "x/y", False, False),  # a bracket never matches a slash
        (["\\#file"], "#file", False, True),
        (["#file"], "#file", False, False),  # a comment
        (["\\!important"], "!important", False, True),
        (["foo  "], "foo", False, True),  # trailing spaces dropped
        (["foo\\ "], "foo ", False, True),  # unless escaped
        (["foo\\\\ "], "foo\\", False, True),  # an escaped backslash escapes no space
        (["build/", "!build/keep.py"], "build/keep.py", False, True),  # an ignored folder is never entered
        (["abc/**", "!abc/keep.py"], "abc/keep.py", False, False),  # abc itself is not ignored: keep.py is back
        (["[ab"], "[ab", False, True),  # an unclosed bracket is a literal
        (["*"], "anything/at/all", False, True),
        ([""], "x", False, False),
    ],
)
def test_git_rules(lines: list[str], path: str, is_dir: bool, expected: bool) -> None:
    assert ignored(lines, path, is_dir) is expected


PIECES = ["a", "b", "c", "*", "?", "**", "/", ".", "[ab]", "\\*", " ", "#", "\\"]
PATTERNS = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join), min_size=1, max_size=3)
PATHS = st.lists(st.sampled_from(["a", "b", "ab", "c", "a.b", "ba", "*", " "]), min_size=1, max_size=4).map("/".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PATTERNS, PATHS)
def test_files_are_ignored_as_pathspec_ignores_them(lines: list[str], path: str) -> None:
    """Without ``!`` and folders-only ``**/`` (where pathspec departs from git), files agree with pathspec."""
    assume(not any(line.rstrip(" ").endswith("**/") or not line.strip(" /") for line in lines))
    try:
        reference = pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # a pattern pathspec refuses
        assume(False)
    parts = path.split("/")
    expected = any(reference.check_file("/".join(parts[:k]) + "/").include for k in range(1, len(parts)))
    expected = expected or bool(reference.check_file(path).include)
    assert ignored(lines, path) is expected


def test_the_walk_applies_nested_gitignores_deepest_first(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.py\n!keep/\n")
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / ".gitignore").write_text("!wanted.py\n")
    for name in ("top.py", "keep/wanted.py", "keep/other.py", "keep/config.yaml"):
        (tmp_path / name).write_text("x = 1\n")
    found = sorted(entry.rel for entry in walk_repository(str(tmp_path)))
    assert found == ["keep/config.yaml", "keep/wanted.py"]


def test_a_malformed_pattern_matches_nothing_in_a_gitignore_and_is_an_error_in_a_policy(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / ".gitignore").write_text("[z-a]\n*.log\n")
    (tmp_path / "train.py").write_text('AutoModel.from_pretrained("org/x")\n')
    assert [entry.rel for entry in walk_repository(str(tmp_path))] == ["train.py"]
    assert IgnoreSpec(["[z-a]"]).check("a") is None
    (tmp_path / "licensecheck.yaml").write_text("uses: [commercial]\nexclude:\n  - docs/\n  - '[z-a]'\n")
    done = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", str(tmp_path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "licensecheck.yaml:4" in done.stderr and "[z-a]" in done.stderr
