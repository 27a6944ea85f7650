"""A repeat of the very same scan over an unchanged tree writes what the last one wrote, without resolving again.

What a scan prints depends on its options, the current directory, the environment, today's date (an ignore entry
may expire), the policy file, the installed code and data, the files of the tree, and a few questions the resolver
asks outside the tree (``licensecheck.probes``). When a scan ends normally (exit 0 or 1) this module keeps what it
wrote to standard output and standard error, in order, and its exit code, under a key made of everything above but
the tree. The next scan with the same key checks the tree with the result cache's walk (``resultcache``: every
file walked has its record, unchanged, and no record is left over) and asks the probes' questions again; when all
is the same it writes the kept output and exits with the kept code. Build tools replay a cached task's log the same
way. A repeat scan then costs the walk, not the imports, resolving and rendering behind it (about half its time).

When the tree has changed, the scan runs, going on with the walk the replay began (``handoff``). Once its walk is
done, what it found (every mention with its place, the warnings, the number of files, the model cards' text) is
compared with what the recording was made from (``discovered``): a file edited without changing any of that (a
comment, a function body) leaves the findings the same, and the rest of the recorded output is written without
resolving or rendering again.

A report written to ``--output`` is kept too, and written again. Never replayed nor recorded: output to a terminal
(progress, colours and width differ), ``--online`` (the Hub may change), ``--no-cache`` or a cache turned off; and
a run is not recorded when it failed (exit 2 or 3), read a local model folder, or met a file changed too recently
to be told apart from a next change (the result cache's "racy" rule) or one it could not read.

The recordings live in the user cache, one file per scanned folder (at most ``KEEP`` recordings each, and at most
``resultcache.KEEP`` folders); a run that wrote more than ``MAX_OUTPUT`` characters is not recorded.
"""

from __future__ import annotations

import os
import sys
import time

from licensecheck import probes, usercache
from licensecheck.paths import POLICY_NAMES, plain_path
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.scan.resultcache import stamp

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import Any, TextIO

    from licensecheck.scan.discover import Discovery
    from licensecheck.scan.resultcache import ResultCache
    from licensecheck.scan.walk import FileEntry

FORMAT = 3  # bump when a recording's layout changes
KEEP = 8  # recordings kept per scanned folder (one per command line, environment and day)
MAX_OUTPUT = 1024 * 1024  # characters of output (with the --output report) a recording may keep
_recording: Recording | None = None  # the scan being recorded in this process


class _Tee:
    """A text stream that keeps what is written to it."""

    def __init__(self, stream: TextIO, index: int, recording: Recording) -> None:
        self._stream = stream
        self._index = index
        self._recording = recording

    def write(self, text: str) -> int:
        try:
            written = self._stream.write(text)
        except BaseException:
            self._recording.spoiled = True  # (a closed pipe: the reader saw less than the recording would say)
            raise
        self._recording.chunks.append((self._index, text))
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Errors:
    """The walk's ``on_error``: what it could not read, kept until ``forward`` names who is told from then on."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self._to: Callable[[str, str], None] | None = None

    def __call__(self, rel: str, why: str) -> None:
        if self._to is None:
            self.seen.append((rel, why))
        else:
            self._to(rel, why)

    def forward(self, to: Callable[[str, str], None]) -> None:
        for rel, why in self.seen:
            to(rel, why)
        self._to = to


class Handoff(NamedTuple):
    """The walk a failed replay began, for the scan that runs instead: the result cache it opened (with the
    files already looked up), the files walked so far, the rest of the walk, and where its errors go."""

    cache: ResultCache
    exclude: tuple[str, ...]
    skip: frozenset[str]
    walked: list[FileEntry]
    rest: Iterator[FileEntry]
    errors: _Errors


class Recording:
    """One scan command: replayed from its recording, or recorded while it runs."""

    def __init__(
        self,
        root: str,
        key: bytes,
        policies: list[tuple[str, os.stat_result]],
        started: int,
        output: str | None = None,
    ) -> None:
        from licensecheck.data import _fingerprint

        self.root = root
        self.name = f"replay-{_fingerprint(os.path.realpath(root))}"
        self.key = key
        self.policies = policies  # the policy files that exist, as they were before the run read them
        self.started = started
        self.output = output  # --output (the key holds it too)
        self.chunks: list[tuple[int, str]] = []
        self.tree: list[Any] | None = None  # [generation, exclude, skip] of the result cache the scan ended with
        self.spoiled = False
        self.report: str | None = None  # the report written to --output, if any
        self.discovered: bytes | None = None  # a digest of what the walk found (``discovered``)
        self.previous: list[Any] | None = None  # the recording kept under this key, if any
        self._kept: dict[bytes, Any] | None = None  # the folder's recordings, as ``replay`` read them
        self.noted: list[Any] | None = None  # the questions a replay after the walk took over (``discovered``)
        self._streams: tuple[TextIO, TextIO] | None = None
        self._handoff: Handoff | None = None

    def replay(self) -> int | None:
        """Write the recorded output and return the exit code, or None when anything it rests on has changed."""
        self._kept = _recordings(self.name)
        recording: list[Any] = self._kept.get(self.key)  # type: ignore[assignment]
        if not _well_formed(recording):
            return None  # (none, or a damaged one: the scan runs)
        self.previous = recording  # (the scan that runs may still end as it did: ``discovered``)
        generation, exclude, skip, noted, chunks, code, report, _ = recording
        from licensecheck.scan.resultcache import ResultCache
        from licensecheck.scan.walk import walk_repository

        cache = ResultCache.open(self.root)
        if cache is None:
            return None
        errors = _Errors()
        walk = walk_repository(self.root, exclude=exclude, skip=frozenset(skip), on_error=errors)
        walked: list[FileEntry] = []
        # When the tree has changed, the scan that runs instead goes on from here (``handoff``): no file is walked
        # or looked up twice, and the result cache is not read again.
        self._handoff = Handoff(cache, tuple(exclude), frozenset(skip), walked, walk, errors)
        if cache.generation is None or cache.generation != generation:
            return None
        for entry in walk:
            walked.append(entry)
            if errors.seen or cache.lookup(entry) is None:
                return None  # a file new or changed since, or a folder that cannot be read
        if errors.seen or len(cache.kept) != len(cache.records) or not probes.same_answers(noted):
            return None  # a file gone, or an answer outside the tree changed
        self._handoff = None
        self._write(chunks, report)
        result: int = code
        return result

    def _write(self, chunks: list[tuple[int, str]], report: str | None) -> None:
        """Write a recording's --output report, then its stdout and stderr in order."""
        if report is not None and self.output is not None:
            from licensecheck.textfile import write_report

            write_report(self.output, report)  # (written where the report was: before stdout and stderr)
        streams = (sys.stdout, sys.stderr)
        for index, text in chunks:
            try:
                streams[index].write(text)
                if index == 0:
                    streams[index].flush()  # (as the report was: stderr lines and stdout keep their order)
            except BrokenPipeError:  # a reader that stopped early (`| head`), as when the report was written
                pass
            except OSError as exc:
                from licensecheck.errors import InputError

                raise InputError(f"cannot write the report to standard output: {exc.strerror or exc}") from None

    def after_walk(self, digest: bytes) -> int | None:
        """The scan's walk found what ``digest`` says: when the recording was made from the very same findings
        (and the resolver's questions get the same answers), write the rest of its output and return its code."""
        self.discovered = digest
        previous = self.previous
        if previous is None or previous[7] != digest or not probes.same_answers(previous[3]):
            return None
        rest = _rest(_joined(self.chunks), previous[4])
        if rest is None:
            return None  # (this run has already said something the recorded one did not)
        self._write(rest, previous[6])
        self.noted, self.report = previous[3], previous[6]  # (what the recording rests on is this run's too)
        code: int = previous[5]
        return code

    def start(self) -> None:
        """Record what the scan about to run writes and asks."""
        global _recording
        _recording = self
        probes.start(self.started)
        self._streams = (sys.stdout, sys.stderr)
        sys.stdout = _Tee(sys.stdout, 0, self)
        sys.stderr = _Tee(sys.stderr, 1, self)

    def stop(self, code: int | None) -> None:
        """The scan ended with ``code`` (None: an exception): keep the recording when it can be replayed."""
        global _recording
        _recording = None
        noted = probes.stop()
        if self.noted is not None and noted is not None:
            noted = self.noted  # (replayed after the walk: the resolver asked nothing this time)
        if self._streams is not None:
            out, err = self._streams
            if isinstance(sys.stdout, _Tee):
                sys.stdout = out
            if isinstance(sys.stderr, _Tee):
                sys.stderr = err
        if code not in (0, 1) or noted is None or self.spoiled or self.tree is None or self.discovered is None:
            return
        from licensecheck.scan.resultcache import stamp_of

        if any(stamp_of(status, self.started) is None for _, status in self.policies):
            return  # a policy file changed too recently to be told apart from a next change
        chunks = _joined(self.chunks)
        if sum(len(text) for _, text in chunks) + len(self.report or "") > MAX_OUTPUT:
            return  # (a report this large is rare, and cheap beside the scan behind it)
        generation, exclude, skip = self.tree
        recordings = self._kept if self._kept is not None else _recordings(self.name)
        recordings.pop(self.key, None)
        recordings[self.key] = [
            generation,
            exclude,
            skip,
            noted,
            chunks,
            code,
            self.report,
            self.discovered,
        ]
        while len(recordings) > KEEP:
            del recordings[next(iter(recordings))]  # the least recently recorded
        path = usercache.path_of(self.name)
        if path is not None and not os.path.exists(path):
            from licensecheck.scan.resultcache import KEEP as FOLDERS_KEPT

            usercache.forget_old("replay-", FOLDERS_KEPT)
        usercache.store(self.name, [FORMAT, recordings])


def recording_for(params: dict[str, Any]) -> Recording | None:
    """The recording of the scan ``params`` describes (the parameters of ``cli.entry``), or None when such a scan
    is never replayed."""
    if (
        os.name == "nt"  # (no change time there: see resultcache)
        or params.get("online")
        or params.get("no_cache")
        or sys.stdout is None
        or sys.stderr is None
        or sys.stdout.isatty()
        or sys.stderr.isatty()
        or usercache.folder() is None
    ):
        return None
    started = time.time_ns()
    root = plain_path(os.fspath(params.get("path", ".")))
    explicit = params.get("policy")
    candidates = (
        [plain_path(explicit)]
        if explicit is not None
        else [*(os.path.join(root, name) for name in POLICY_NAMES), os.path.join(root, "pyproject.toml")]
    )
    policies = []
    for candidate in candidates:
        try:  # noqa: SIM105  (contextlib costs 1 ms to import)
            policies.append((candidate, os.stat(candidate)))
        except (OSError, ValueError):
            pass
    try:
        cwd = os.getcwd()
    except OSError:
        return None
    import marshal

    # A digest: the cache never holds the environment's values (tokens, say), only what they hash to.
    key = _digest(
        marshal.dumps(
            (
                FORMAT,
                root,
                [_plain(params.get(name)) for name in ("policy", "use", "mau", "region", "fail_on", "output")],
                params.get("fmt", "text"),
                cwd,
                sorted(os.environ.items()),
                time.localtime()[:3],  # (an ignore entry expires at the end of a day)
                sys.version,
                sys.executable,
                sys.path,
                _installed(),
                [(path, stamp(status)) for path, status in policies],
            )
        )
    )
    output = params.get("output")
    return Recording(root, key, policies, started, None if output is None else os.fspath(output))


def handoff(root: str, exclude: Sequence[str], skip: frozenset[str]) -> Handoff | None:
    """The walk of ``root`` a failed replay began, when it walked as the scan now would (taken once)."""
    if _recording is None or _recording._handoff is None:
        return None
    given, _recording._handoff = _recording._handoff, None
    if _recording.root != root or given.exclude != tuple(exclude) or given.skip != skip:
        return None
    return given


class Replayed(Exception):
    """Raised out of a scan whose findings turned out the very ones a recording was made from: its output has been
    written, and the command exits with ``code``."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def discovered(found: Discovery) -> None:
    """The scan's walk is done: raise ``Replayed`` when a recording was made from the very same findings. What the
    resolver and the report depend on beyond the key is what the walk found (every mention with its place, the
    warnings, the number of files) and the model cards' text, which the card check reads."""
    if _recording is None:
        return
    import marshal

    cards: list[tuple[str, str, bytes | None]] = []
    for card in found.cards:
        try:
            with open(card.path, "rb") as handle:
                cards.append((card.rel, card.path, _digest(handle.read())))
        except OSError:
            cards.append((card.rel, card.path, None))
    digest = _digest(
        marshal.dumps(
            (
                sorted((value, [(tuple(m), rel) for m, rel in where]) for value, where in found.mentions.items()),
                cards,
                found.warnings,
                found.files_read,
            )
        )
    )
    code = _recording.after_walk(digest)
    if code is not None:
        raise Replayed(code)


def note_report(text: str) -> None:
    """The report the scan being recorded wrote to ``--output``."""
    if _recording is not None:
        _recording.report = text


def note_tree(exclude: Sequence[str], skip: frozenset[str], generation: str | None, complete: bool) -> None:
    """What the scan's walk saw: the result cache's generation once saved, and whether every file it walked has a
    record there (none unreadable, none too recently changed)."""
    if _recording is None:
        return
    if complete and generation is not None:
        _recording.tree = [generation, list(exclude), sorted(skip)]
    else:
        _recording.spoiled = True


def _plain(value: Any) -> Any:
    """A parameter as marshal can keep it (typer passes paths as ``Path``)."""
    if isinstance(value, (list, tuple)):
        return tuple(_plain(item) for item in value)
    return value if value is None or isinstance(value, (bool, int, str)) else os.fspath(value)


def _well_formed(recording: Any) -> bool:
    """Whether a recording has the layout ``stop`` writes: [generation, exclude, skip, noted, chunks, code,
    report, discovered]."""
    if not isinstance(recording, list) or len(recording) != 8:
        return False
    generation, exclude, skip, noted, chunks, code, report, discovered = recording
    return (
        isinstance(generation, str)
        and all(isinstance(value, list) and all(isinstance(item, str) for item in value) for value in (exclude, skip))
        and isinstance(noted, list)
        and all(
            isinstance(item, tuple) and len(item) == 3 and item[0] in ("exists", "file") and isinstance(item[1], str)
            for item in noted
        )
        and isinstance(chunks, list)
        and all(
            isinstance(item, tuple) and len(item) == 2 and item[0] in (0, 1) and isinstance(item[1], str)
            for item in chunks
        )
        and code in (0, 1)
        and (report is None or isinstance(report, str))
        and isinstance(discovered, bytes)
    )


def _recordings(name: str) -> dict[bytes, Any]:
    stored = usercache.load(name)
    if isinstance(stored, list) and len(stored) == 2 and stored[0] == FORMAT and isinstance(stored[1], dict):
        recordings: dict[bytes, Any] = stored[1]
        return recordings
    return {}


def _rest(written: list[tuple[int, str]], recorded: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """What of ``recorded`` remains to be written after ``written`` (both joined), or None when ``written`` is not
    how it begins."""
    if not written:
        return list(recorded)
    last = len(written) - 1
    if len(recorded) <= last:
        return None
    for (index, text), (was_index, was) in zip(written[:last], recorded[:last], strict=True):
        if index != was_index or text != was:
            return None
    index, text = written[last]
    was_index, was = recorded[last]
    if index != was_index or not was.startswith(text):
        return None
    rest = [(index, was[len(text) :])] if len(was) > len(text) else []
    return rest + list(recorded[last + 1 :])


def _digest(data: bytes) -> bytes:
    try:
        from _blake2 import blake2b  # (what hashlib serves it from, without hashlib's 3 ms of OpenSSL set-up)
    except ImportError:  # pragma: no cover  (a Python built without it)
        from hashlib import blake2b
    return blake2b(data, digest_size=32).digest()


def _joined(chunks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Consecutive writes to the same stream as one."""
    joined: list[tuple[int, str]] = []
    for index, text in chunks:
        if joined and joined[-1][0] == index:
            joined[-1] = (index, joined[-1][1] + text)
        else:
            joined.append((index, text))
    return joined


def _installed() -> list[Any]:
    """The installed code and data (every file of this package), and the folders Python imports from (installing
    or removing a package, such as a new rich, changes its site-packages folder)."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    stamps: list[Any] = []
    folders = [here]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                for item in listing:
                    if item.name == "__pycache__":
                        continue
                    if item.is_dir(follow_symlinks=False):
                        folders.append(item.path)
                    else:
                        stamps.append((item.path, stamp(item.stat())))
        except OSError:
            stamps.append((folder, None))
    for entry in sys.path:
        try:
            stamps.append((entry, stamp(os.stat(entry or "."))))
        except (OSError, ValueError):
            stamps.append((entry, None))
    return stamps
