"""What a scan asks of the file system beyond the tree it walks, noted while a scan is recorded for replay.

Resolving a model looks outside the scanned files: whether ``org/name`` names a folder of the repository or of the
current directory (then it is a local model, not a Hub id), and the PEFT ``adapter_config.json`` beside a model card.
A replayed scan (``licensecheck.scan.replay``) asks the same questions again and is used only when every answer is
the same. Reading a local model folder spoils the recording: a folder holds more than one answer.

Nothing is noted unless ``start`` was called (a scan being recorded); the functions then cost one ``stat`` as before.
"""

from __future__ import annotations

import os
import stat

from licensecheck.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

# (question, path, answer): ("exists", path, bool) or ("file", path, (size, mtime_ns, ctime_ns, inode) or None)
_noted: list[tuple[str, str, Any]] | None = None
_started = 0  # when the recorded scan started (time.time_ns), against which a file is judged settled
_spoiled = False


def start(started: int) -> None:
    """Note every question from now on (``started``: the scan's start, in ``time.time_ns``)."""
    global _noted, _started, _spoiled
    _noted, _started, _spoiled = [], started, False


def stop() -> list[tuple[str, str, Any]] | None:
    """Stop noting: the questions asked and their answers, or None when the run cannot be replayed."""
    global _noted, _spoiled
    noted, spoiled = _noted, _spoiled
    _noted, _spoiled = None, False
    return None if spoiled else noted


def spoil() -> None:
    """The run read something no question covers (a local model folder): it is not recorded."""
    global _spoiled
    if _noted is not None:
        _spoiled = True


def exists(path: str | os.PathLike[str]) -> bool:
    """``os.path.exists``, noted."""
    found = os.path.exists(path)
    if _noted is not None:
        _noted.append(("exists", os.fspath(path), found))
    return found


def regular_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a regular file; noted with its stamp, since the caller reads it."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        status = None
    found = status is not None and stat.S_ISREG(status.st_mode)
    if _noted is not None:
        settled = None
        if found and status is not None:
            from licensecheck.scan.resultcache import stamp_of

            settled = stamp_of(status, _started)
            if settled is None:  # changed too recently to tell from a next change in the same clock tick
                spoil()
        _noted.append(("file", os.fspath(path), settled))
    return found


def same_answers(noted: list[tuple[str, str, Any]]) -> bool:
    """Whether every question gets the answer it got when it was noted (False for an answer of the wrong shape)."""
    try:
        return all(_same_answer(question, path, answer) for question, path, answer in noted)
    except (TypeError, ValueError):
        return False


def _same_answer(question: str, path: str, answer: Any) -> bool:
    if question == "exists":
        return bool(os.path.exists(path) == answer)
    from licensecheck.scan.resultcache import stamp

    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return answer is None
    now = stamp(status) if stat.S_ISREG(status.st_mode) else None
    return now == (tuple(answer) if answer is not None else None)
