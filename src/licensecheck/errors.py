"""One exception base; the CLI turns these into one line on stderr and exit code 2."""

from __future__ import annotations


class LicenseCheckError(Exception):
    """An input or usage error the user can fix. ``str()`` is the one line we print."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class UsageError(LicenseCheckError):
    """A bad option value: unknown use, license id, format, --mau or --region."""


class InputError(LicenseCheckError):
    """A file we read is missing, unreadable or malformed."""


class DataError(LicenseCheckError):
    """A license or catalog data file does not match the schema."""
