"""What each file of a tree gave the last scan of that tree, so a file unchanged since then is not read again.

The pattern ruff and mypy follow: a scan of a tree it has scanned before stats each file and reads only those that
changed (a pre-commit hook or a local re-run pays for the files touched, not for the tree). CI's fresh checkouts
never hit it: their files are all new.

A file's record holds what ``os.fstat`` said of the open file *before* it was read — size, modification and change
times (nanoseconds) and inode — and what the scan made of it. It is used only when ``os.stat`` says the same now,
and only for a file of the same kind at the same relative path. Any write to a file moves its change time, which no
program can set back, so the only way a stale record could match is a second write within the file system's
timestamp granularity; a file changed less than ``SETTLE_NS`` (2 s) before the scan started, or ``FINE_SETTLE_NS``
(0.1 s) on a file system that keeps fractions of a second, therefore gets no record (the "racy clean" rule git
applies to its index). The whole cache is used only by the same scanner: the same Python release, the same size
and modification time of the modules that decide what a file says, and the same catalog names file; anything else
starts afresh.

The records live in the user cache (``licensecheck.usercache``: ``LICENSECHECK_NO_CACHE=1`` turns it off, and
``scan --no-cache`` does for one run), one file per scanned folder, named after its real path; at most ``KEEP``
folders are remembered, the least recently scanned forgotten first.
"""

from __future__ import annotations

import os
import sys
import time

from licensecheck import usercache
from licensecheck.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TypeAlias

    from licensecheck.scan.walk import FileEntry

    Stamp: TypeAlias = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
    # rel -> [kind, size, mtime_ns, ctime_ns, inode, [(value, line, form), ...], is_card, warning]
    Record: TypeAlias = list[Any]

FORMAT = 2  # bump when a record's layout changes
# A file changed this recently before the scan started is read every time. Times in whole seconds (FAT, HFS+,
# ext3, an archive's): 2 s. Times with a fraction (ext4, XFS, btrfs, tmpfs, APFS): their clock ticks every 1-10 ms.
SETTLE_NS = 2_000_000_000
FINE_SETTLE_NS = 100_000_000
KEEP = 64  # scanned folders remembered
# the modules whose code decides what a file gives (a file's kind comes from the walk and is kept in its record)
_DECIDERS = ("discover.py", "extract.py", "pysource.py", "pyast.py", "resultcache.py")


def now() -> int:
    """The scan's start, against which files are judged settled (``stamp_of``)."""
    return time.time_ns()


def stamp(status: os.stat_result) -> Stamp:
    """What a file's record is keyed on: size, modification and change times (nanoseconds) and inode."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def stamp_of(status: os.stat_result, started: int) -> Stamp | None:
    """The record key of a file, or None when it changed too recently before ``started`` to be told apart from a
    next change within the same clock tick (or its file system keeps no times)."""
    ctime, mtime = status.st_ctime_ns, status.st_mtime_ns
    if ctime <= 0 or mtime <= 0:
        return None
    fine = ctime % 1_000_000_000 and mtime % 1_000_000_000  # (both with a fraction: the file system keeps one)
    if max(ctime, mtime) >= started - (FINE_SETTLE_NS if fine else SETTLE_NS):
        return None
    return stamp(status)


def _made_by() -> list[Any] | None:
    """What the scanner is: records made by another are never used (None: it cannot be told, so no cache)."""
    from licensecheck.data import INDEX_DIR, NAMES_FILE

    made = [FORMAT, sys.version, INDEX_DIR]
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        for path in (*(os.path.join(here, name) for name in _DECIDERS), os.path.join(INDEX_DIR, NAMES_FILE)):
            status = os.stat(path)
            made += [status.st_size, status.st_mtime_ns]
    except OSError:
        return None
    return made


class ResultCache:
    """The records of one scanned folder: ``lookup`` while walking, ``save`` once the scan is done."""

    def __init__(
        self, name: str, made_by: list[Any], real: str, records: dict[str, Record], generation: str | None = None
    ) -> None:
        self.name = name
        self.made_by = made_by
        self.real = real  # the folder's real path, kept in the file too (two paths may share a name)
        self.records = records
        self.kept: dict[str, Record] = {}  # the records used by this scan (a file gone since is forgotten)
        self._stamps: dict[str, Stamp] = {}  # what each file looked up was found to be
        # Which writing of the records this is (None: none yet). A replayed scan (``licensecheck.scan.replay``) is
        # tied to the generation it was recorded against: records rewritten since may describe another tree.
        self.generation = generation

    @classmethod
    def open(cls, root: str) -> ResultCache | None:
        """The cache of ``root`` (empty when it has none yet), or None when the user cache is off. Never on Windows,
        where ``st_ctime`` is the creation time: there a write need not move any time a program cannot set back."""
        if os.name == "nt" or usercache.folder() is None:
            return None
        made_by = _made_by()
        if made_by is None:
            return None
        from licensecheck.data import _fingerprint

        real = os.path.realpath(root)
        name = f"scan-{_fingerprint(real)}"
        stored = usercache.load(name)
        if (
            isinstance(stored, list)
            and len(stored) == 4
            and stored[0] == made_by
            and stored[1] == real
            and isinstance(stored[2], dict)
            and isinstance(stored[3], str)
        ):
            return cls(name, made_by, real, stored[2], stored[3])
        return cls(name, made_by, real, {})

    def lookup(self, entry: FileEntry) -> tuple[str, list[Any], bool, str | None, Stamp] | None:
        """The outcome the file gave last time when it is unchanged since (its mentions as plain tuples)."""
        record = self.records.get(entry.rel)
        if record is None or record[0] != entry.kind:
            return None
        known = self._stamps.get(entry.rel)  # (looked up before: by a replay that found the tree changed)
        if known is None:
            try:
                status = os.stat(entry.path)
            except OSError:
                return None
            now = self._stamps[entry.rel] = stamp(status)
        else:
            now = known
        if now != (record[1], record[2], record[3], record[4]):
            return None
        self.kept[entry.rel] = record
        return entry.rel, record[5], record[6], record[7], now

    def save(self, fresh: dict[str, Record]) -> None:
        """Keep the records used by this scan plus the ``fresh`` ones (written only when something changed)."""
        if not fresh and len(self.kept) == len(self.records):
            return
        self.kept.update(fresh)
        path = usercache.path_of(self.name)
        if path is not None and not os.path.exists(path):
            usercache.forget_old("scan-", KEEP)
        self.generation = f"{time.time_ns()}-{os.getpid()}"
        usercache.store(self.name, [self.made_by, self.real, self.kept, self.generation])


def record(kind: str, stamp: Stamp, mentions: list[Any], is_card: bool, warning: str | None) -> Record:
    return [kind, *stamp, [tuple(m) for m in mentions], is_card, warning]
