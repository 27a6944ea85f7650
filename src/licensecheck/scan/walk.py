"""Walking a repository: which files may name a model, honouring ``.gitignore`` and the policy's ``exclude``.

Skips ``.git``, virtualenvs, ``node_modules`` and caches; follows no symlink (so it never leaves the tree and
never loops); decides what to read from the file name alone, so most files are never opened.
"""

from __future__ import annotations

import os
import stat

from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.scan.gitignore import IgnoreSpec

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".bzr",
        "node_modules",
        "__pycache__",
        "__pypackages__",  # (PEP 582: installed packages, as site-packages)
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".ipynb_checkpoints",
        "site-packages",
        ".eggs",
        ".idea",
        ".vscode",
        ".cache",
        ".hypothesis",
        "bower_components",
    }
)
CARD_FILES = frozenset({"readme.md", "model_card.md", "modelcard.md"})
_SUFFIX_KINDS = {
    ".py": "python",
    ".ipynb": "notebook",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".toml": "toml",
    ".sh": "shell",
    ".bash": "shell",
    ".zsh": "shell",
    ".mk": "shell",
    ".env": "shell",
    ".dockerfile": "shell",
    ".modelfile": "modelfile",
}
_NAME_KINDS = {
    "dockerfile": "shell",
    "containerfile": "shell",
    "makefile": "shell",
    "justfile": "shell",
    "procfile": "shell",  # `web: vllm serve org/x`: a command a line
    "jenkinsfile": "jenkins",
    "tox.ini": "tox",
    "modelfile": "modelfile",
}
_STEM_KINDS = {  # (Dockerfile.dev, Procfile.dev, Jenkinsfile.release: the kind of the name before the dot)
    "dockerfile": "shell",
    "containerfile": "shell",
    "procfile": "shell",
    "jenkinsfile": "jenkins",
    "modelfile": "modelfile",
}


def file_kind(name: str) -> str | None:
    """What a file is, from its name: python, notebook, yaml, json, toml, shell, jenkins, tox, modelfile, card, or
    None (the walk makes an executable file with no suffix a ``script``)."""
    lower = name.lower()
    kind = _NAME_KINDS.get(lower)
    if kind is not None:
        return kind
    if lower.startswith(".env"):  # .env, .env.example, .envrc: `MODEL_ID=org/x` lines, read like a shell script
        return "shell" if lower in (".env", ".envrc") or lower.startswith(".env.") else None
    if lower in CARD_FILES:
        return "card"
    dot = lower.rfind(".")
    if dot > 0:
        kind = _SUFFIX_KINDS.get(lower[dot:])
        if kind is not None:
            return kind
        return _STEM_KINDS.get(lower[:dot])
    return None


class FileEntry(NamedTuple):
    path: str  # absolute
    rel: str  # relative to the scanned root, with "/"
    kind: str


class IgnoreRules:
    """``.gitignore`` files met on the way down (deeper ones win) plus the policy's ``exclude`` patterns."""

    def __init__(self, exclude: Sequence[str] = ()) -> None:
        self._specs: list[tuple[str, IgnoreSpec]] = []  # (folder relative to the root + "/", its .gitignore)
        self._exclude = IgnoreSpec(exclude) if exclude else None

    def add_gitignore(self, base: str, lines: Sequence[str]) -> None:
        spec = IgnoreSpec(lines)
        if spec:
            self._specs.append((f"{base}/" if base else "", spec))

    def ignored(self, rel: str, is_dir: bool) -> bool:
        if self._exclude is not None and self._exclude.check(rel, is_dir):
            return True
        for prefix, spec in reversed(self._specs):
            if prefix and not rel.startswith(prefix):
                continue
            decided = spec.check(rel[len(prefix) :], is_dir)
            if decided is not None:
                return decided
        return False

    def scoped(self) -> int:
        return len(self._specs)

    def pop_to(self, depth: int) -> None:
        del self._specs[depth:]


def _executable(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a regular file someone may execute (one ``lstat``)."""
    mode = entry.stat(follow_symlinks=False).st_mode
    return stat.S_ISREG(mode) and bool(mode & 0o111)


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, "rb") as handle:
            return handle.read(256 * 1024).decode("utf-8", "replace").splitlines()
    except OSError:
        return []


def walk_repository(
    root: str,
    *,
    exclude: Sequence[str] = (),
    skip: frozenset[str] = frozenset(),
    on_error: Callable[[str, str], None] = lambda rel, why: None,
) -> Iterator[FileEntry]:
    """Files under ``root`` whose name says they may name a model (in no particular order).

    ``skip`` holds relative paths not to yield (the policy file). Unreadable folders are reported through
    ``on_error`` and skipped.
    """
    rules = IgnoreRules(exclude)
    info_exclude = os.path.join(root, ".git", "info", "exclude")
    if os.path.isfile(info_exclude):
        rules.add_gitignore("", _read_lines(info_exclude))
    # The root's rules (.git/info/exclude) stay for the whole walk: folders pop back to this depth, not below it.
    stack: list[tuple[str, str, int]] = [(root, "", rules.scoped())]
    while stack:
        folder, rel_folder, depth = stack.pop()
        rules.pop_to(depth)
        try:
            with os.scandir(folder) as it:
                entries = list(it)  # order does not matter: discovery sorts what it finds
        except OSError as exc:
            on_error(rel_folder or ".", exc.strerror or str(exc))
            continue
        names = {e.name for e in entries}
        if ".gitignore" in names:
            rules.add_gitignore(rel_folder, _read_lines(os.path.join(folder, ".gitignore")))
        if rel_folder and "pyvenv.cfg" in names:  # a virtualenv under any name
            continue
        scoped = rules.scoped()
        subdirs: list[tuple[str, str, int]] = []
        prefix = f"{rel_folder}/" if rel_folder else ""
        for entry in entries:
            name = entry.name
            try:
                # no symlink is followed: one to a folder is no folder here, one to a file is no regular file
                if entry.is_dir(follow_symlinks=False):
                    rel = prefix + name
                    if name in SKIP_DIRS or rules.ignored(rel, True):
                        continue
                    subdirs.append((entry.path, rel, scoped))
                    continue
                kind = file_kind(name)
                if kind is None:  # (most files: nothing more is asked of them)
                    # an executable with no suffix may be a script: its `#!` line decides (discover.script_kind)
                    if "." in name or not _executable(entry):
                        continue
                    kind = "script"
                rel = prefix + name
                if rel in skip or rules.ignored(rel, False):
                    continue
                if not entry.is_file(follow_symlinks=False):  # a FIFO, socket or device would block a read
                    continue
            except OSError as exc:
                on_error(prefix + name, exc.strerror or str(exc))
                continue
            yield FileEntry(entry.path, rel, kind)
        stack.extend(subdirs)
