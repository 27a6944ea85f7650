"""Reading small text files written by strangers: size cap, binary detection, strict UTF-8."""

from __future__ import annotations

import os
import stat

from licensecheck.errors import InputError

# The largest card, LICENSE, policy or license file we read. Real ones are a few KiB.
MAX_TEXT_BYTES = 1024 * 1024


def write_report(path: str | os.PathLike[str], text: str) -> None:
    """Write a report to ``--output``; a file that cannot be written is an InputError."""
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise InputError(f"cannot write the report: {exc.strerror or exc}", path=str(path)) from None


class TooLarge(InputError):
    """A file over the size cap; ``head`` holds the first ``max_bytes`` of it, as read."""

    def __init__(self, message: str, *, path: str, head: bytes) -> None:
        super().__init__(message, path=path)
        self.head = head


def read_text_file(
    path: str | os.PathLike[str], *, what: str = "file", max_bytes: int = MAX_TEXT_BYTES, lenient: bool = False
) -> str:
    """Return the file's text or raise InputError with one clear line (``lenient``: bytes that are not UTF-8 become
    U+FFFD instead, for a file read only for the words it holds, such as a LICENSE saved as Windows-1252)."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(str(path))
        if not stat.S_ISREG(mode):  # a FIFO or device would block or never end
            raise InputError(f"{what} is not a regular file", path=str(path))
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{what} not found", path=str(path)) from None
    except IsADirectoryError:
        raise InputError(f"{what} is a directory", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", path=str(path)) from None
    if len(raw) > max_bytes:
        raise TooLarge(f"{what} is larger than {max_bytes // 1024} KiB; not read", path=str(path), head=raw[:max_bytes])
    return decode_text(raw, path=str(path), what=what, lenient=lenient)


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # (text saved by Windows tools: PowerShell writes UTF-16 by default)


def decode_text(raw: bytes, *, path: str, what: str = "file", lenient: bool = False) -> str:
    if raw.startswith(UTF16_BOMS):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{what} is not valid UTF-16", path=path) from None
        if "\x00" in text:
            raise InputError(f"{what} is binary, not text", path=path)
        return text
    if b"\x00" in raw:
        raise InputError(f"{what} is binary, not text", path=path)
    try:
        text = raw.decode("utf-8-sig", "replace" if lenient else "strict")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} is not valid UTF-8 (byte {exc.start})", path=path) from None
    return text
