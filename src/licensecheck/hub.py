"""The opt-in Hugging Face Hub look-up (``--online``): a model's card, read exactly like a local one.

Only ``README.md`` is downloaded (and, when the card names no license we recognise, ``LICENSE``,
``LICENSE.md`` or ``LICENSE.txt``); never weights, never code, and nothing is executed. Files go through the
``huggingface_hub`` cache, so a repeat look-up, or one made with ``HF_HUB_OFFLINE=1``, answers from disk.
``HF_ENDPOINT`` and ``HF_TOKEN`` are honoured. The client is an optional extra:
``pip install "model-licensecheck[hub]"``.

Outcomes: a repository the Hub does not have (or will not show) comes back ``found=False`` with a note; a
gated repository whose card cannot be read likewise, with a note on ``HF_TOKEN``; a Hub that cannot be
reached is an ``InputError`` (exit 2), as is a malformed card.
"""

from __future__ import annotations

import importlib
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from licensecheck import __version__
from licensecheck.card import Card, parse_card
from licensecheck.errors import InputError, UsageError
from licensecheck.identify import identify_license_text
from licensecheck.lazyre import compiled
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.registry import LicenseRef, find_license
from licensecheck.report import Evidence
from licensecheck.resolve import UNINFORMATIVE, ModelNode, licenses_from_card
from licensecheck.textfile import MAX_TEXT_BYTES, decode_text

if TYPE_CHECKING:
    from typing import Any

DEFAULT_ENDPOINT = "https://huggingface.co"
CARD_FILE = "README.md"
LICENSE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt")
# Seconds to wait for the Hub to answer the metadata (HEAD) request; HF_HUB_ETAG_TIMEOUT overrides it.
ETAG_TIMEOUT = 5.0
INSTALL_HINT = '--online needs the Hugging Face Hub client: pip install "model-licensecheck[hub]"'
# org/name as the Hub spells repository ids: letters, digits, '-', '_', '.'; no '--' or '..'; at most 96 each.
_SEGMENT = r"[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?"
REPO_ID_RE = compiled(rf"^(?!.*(?:--|\.\.))({_SEGMENT})/({_SEGMENT})$", re.ASCII)
_ID_PREFIXES = (
    "https://huggingface.co/",
    "http://huggingface.co/",
    "huggingface.co/",
    "https://hf.co/",
    "hf.co/",
    "hf://models/",
    "hf://",
)


def hub_endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).strip().rstrip("/") or DEFAULT_ENDPOINT


def repo_id_of(text: str, endpoint: str | None = None) -> str | None:
    """``org/name`` from an id or a Hub URL of the model's page; None when it is not a Hub model id."""
    value = text.strip()
    prefixes = (*((endpoint.rstrip("/") + "/",) if endpoint else ()), *_ID_PREFIXES)
    for prefix in prefixes:
        if value.lower().startswith(prefix.lower()):
            value = value[len(prefix) :]
            break
    value = value.rstrip("/")
    return value if REPO_ID_RE.fullmatch(value) else None


class _NotFound(Exception):
    """The Hub has no such repository, or will not say it has one."""


class _Gated(Exception):
    """The repository is gated and this file cannot be read without accepting its terms."""


class _Unreachable(Exception):
    """The Hub could not be reached and no cached copy exists. ``str()`` is the reason, one line."""


class _Refused(_Unreachable):
    """The Hub answered with an error of ours (bad token, forbidden, bad request)."""


class _File(NamedTuple):
    text: str
    cached_only: bool  # served from the local cache because the Hub could not be reached


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = next((line.strip() for line in str(exc).splitlines() if line.strip()), "") or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_client_error(status: object) -> bool:
    """A 4xx the Hub means (not a timeout or rate limit, which say "try later" like a 5xx)."""
    return isinstance(status, int) and 400 <= status < 500 and status not in (408, 429)


def _env_timeout() -> float:
    raw = os.environ.get("HF_HUB_ETAG_TIMEOUT", "").strip()
    try:
        value = float(raw) if raw else ETAG_TIMEOUT
    except ValueError:
        return ETAG_TIMEOUT
    return value if value > 0 else ETAG_TIMEOUT


def _env_offline() -> bool:
    return any(
        os.environ.get(name, "").strip().upper() in {"1", "ON", "YES", "TRUE"}
        for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def _classes(module: Any, *names: str) -> tuple[type[BaseException], ...]:
    out: list[type[BaseException]] = []
    for name in names:
        cls = getattr(module, name, None)
        if isinstance(cls, type) and issubclass(cls, BaseException):
            out.append(cls)
    return tuple(out)


def _network_errors(hf_utils: Any) -> tuple[type[BaseException], ...]:
    """Exceptions that mean "the Hub did not answer": the HTTP client's, the hub library's, the OS's."""
    found: list[type[BaseException]] = [ConnectionError, TimeoutError]
    found += _classes(hf_utils, "OfflineModeIsEnabled", "FileMetadataError")
    clients = (
        ("httpx2", ("HTTPError", "InvalidURL")),
        ("httpx", ("HTTPError", "InvalidURL")),
        ("requests", ("RequestException",)),
    )
    for module_name, names in clients:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found += _classes(module, *names)
    return tuple(found)


@contextmanager
def _quiet() -> Iterator[None]:
    """The hub library's own warnings would only add noise to our report (and machine formats' stderr)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


class _Hub:
    """One look-up: the client library, endpoint, token, and whether we already know we are offline."""

    def __init__(self) -> None:
        try:
            with _quiet():
                hf = importlib.import_module("huggingface_hub")
                hf_utils = importlib.import_module("huggingface_hub.utils")
        except ImportError:
            raise UsageError(INSTALL_HINT) from None
        self.hf = hf
        self.endpoint = hub_endpoint()
        self.token = os.environ.get("HF_TOKEN") or None
        self.timeout = _env_timeout()
        constants = getattr(hf, "constants", None)
        self.offline = _env_offline() or bool(getattr(constants, "HF_HUB_OFFLINE", False))
        if constants is not None and hasattr(constants, "HF_HUB_DISABLE_TELEMETRY"):
            # Telemetry makes the client fetch more than the files we ask for (e.g. an agent registry from
            # {endpoint}/api/agent-harnesses in 2.x): a license check sends nothing it was not asked to.
            constants.HF_HUB_DISABLE_TELEMETRY = True
        self.client = {"library_name": "model-licensecheck", "library_version": __version__}
        self.gated_error = _classes(hf_utils, "GatedRepoError")
        self.not_found_error = _classes(
            hf_utils, "RepositoryNotFoundError", "RevisionNotFoundError", "DisabledRepoError"
        )
        self.local_missing_error = _classes(hf_utils, "LocalEntryNotFoundError")
        self.entry_missing_error = _classes(hf_utils, "EntryNotFoundError", "RemoteEntryNotFoundError")
        self.http_error = _classes(hf_utils, "HfHubHTTPError")
        self.network_error = _network_errors(hf_utils)
        with _quiet():
            for name in ("disable_progress_bars",):  # a progress bar for a few KiB is noise on stderr
                func = getattr(hf_utils, name, None)
                if callable(func):
                    func()

    def fetch(self, repo_id: str, filename: str) -> _File | None:
        """The file's text, or None when the repository has no such file.

        Raises _NotFound, _Gated, _Unreachable (or _Refused), and InputError for a file we will not read.
        """
        try:
            with _quiet():
                return self._fetch(repo_id, filename)
        except self.gated_error:
            raise _Gated() from None
        except self.not_found_error:
            raise _NotFound() from None
        except self.local_missing_error as exc:  # before EntryNotFoundError: it is one
            raise _Unreachable(_one_line(exc.__cause__ or exc)) from None
        except self.entry_missing_error:
            return None
        except self.http_error as exc:
            status = getattr(getattr(exc, "response", None), "status_code", None)
            if _is_client_error(status):
                raise _Refused(_one_line(exc)) from None
            raise _Unreachable(_one_line(exc)) from None
        except self.network_error as exc:
            raise _Unreachable(_one_line(exc)) from None
        except OSError as exc:  # the local cache: permissions, disk full
            raise InputError(f"cannot use the Hugging Face cache: {exc.strerror or exc}") from None

    def _fetch(self, repo_id: str, filename: str) -> _File | None:
        if self.offline:
            return self._cached(repo_id, filename)
        url = self.hf.hf_hub_url(repo_id, filename, endpoint=self.endpoint)
        try:
            # One HEAD without the library's retries (which back off for ~20 s on a refused connection):
            # a Hub that does not answer is reported at once, or the cached copy is used.
            meta = self.hf.get_hf_file_metadata(url, token=self.token, timeout=self.timeout, **self.client)
        except (*self.http_error, *self.network_error) as exc:
            if isinstance(exc, (*self.gated_error, *self.not_found_error, *self.entry_missing_error)):
                raise
            if _is_client_error(getattr(getattr(exc, "response", None), "status_code", None)):
                raise
            cached = self._cached(repo_id, filename, reason=exc)
            self.offline = True  # do not wait on an unreachable Hub again in this look-up
            return cached
        size = getattr(meta, "size", None)
        if isinstance(size, int) and size > MAX_TEXT_BYTES:
            raise InputError(
                f"{filename} is larger than {MAX_TEXT_BYTES // 1024} KiB; not downloaded",
                path=self.display(repo_id, filename),
            )
        path = self.hf.hf_hub_download(
            repo_id, filename, endpoint=self.endpoint, token=self.token, etag_timeout=self.timeout, **self.client
        )
        return _File(self._read(Path(str(path)), repo_id, filename), cached_only=False)

    def _cached(self, repo_id: str, filename: str, reason: BaseException | None = None) -> _File:
        try:
            path = self.hf.hf_hub_download(
                repo_id, filename, endpoint=self.endpoint, token=self.token, local_files_only=True, **self.client
            )
        except self.local_missing_error:
            if reason is not None:
                raise _Unreachable(_one_line(reason)) from None
            raise _Unreachable(
                f"offline mode is on (HF_HUB_OFFLINE) and {repo_id}/{filename} is not in the local cache"
            ) from None
        return _File(self._read(Path(str(path)), repo_id, filename), cached_only=True)

    def display(self, repo_id: str, filename: str) -> str:
        return f"{self.endpoint}/{repo_id}/blob/main/{filename}"

    def _read(self, path: Path, repo_id: str, filename: str) -> str:
        display = self.display(repo_id, filename)
        what = "model card" if filename == CARD_FILE else "LICENSE file"
        with path.open("rb") as handle:
            raw = handle.read(MAX_TEXT_BYTES + 1)
        if len(raw) > MAX_TEXT_BYTES:
            raise InputError(f"{what} is larger than {MAX_TEXT_BYTES // 1024} KiB; not read", path=display)
        return decode_text(raw, path=display, what=what)


def _unreachable(endpoint: str, reason: str) -> InputError:
    return InputError(f"could not reach the Hugging Face Hub at {endpoint}: {reason}")


def _needs_license_file(card: Card | None, refs: list[LicenseRef]) -> bool:
    """The card names no license we know: nothing, ``other``, or an unrecognised ``license_name``."""
    if any(ref.encoded for ref in refs):
        return False
    if card is None:
        return True
    return all(value.lower() in UNINFORMATIVE for value in card.license)


def _not_found(name: str, note: str) -> ModelNode:
    return ModelNode(name=name, found=False, key=name.lower(), note=note)


def resolve_hub(repo_id: str) -> ModelNode:
    """A model on the Hugging Face Hub, from its card (and LICENSE file), without its bases."""
    text = repo_id.strip()
    hub = _Hub()
    endpoint = hub.endpoint
    clean = repo_id_of(text, endpoint)
    if clean is None:
        return _not_found(text, f"{text!r} is not a Hugging Face model id (org/name); not looked up on the Hub")
    try:
        readme = hub.fetch(clean, CARD_FILE)
    except _NotFound:
        return _not_found(
            clean,
            f"the Hugging Face Hub at {endpoint} has no model {clean} "
            "(or it is private: set HF_TOKEN to a token that can read it)",
        )
    except _Gated:
        return _not_found(
            clean,
            f"{clean} is gated on the Hugging Face Hub at {endpoint} and its model card could not be read: "
            "accept its terms on the Hub, then set HF_TOKEN to a token of that account",
        )
    except _Refused as exc:
        raise InputError(
            f"the Hugging Face Hub at {endpoint} refused to send the model card of {clean}: {exc}"
        ) from None
    except _Unreachable as exc:
        raise _unreachable(endpoint, str(exc)) from None

    where = f"model card on {endpoint}"
    evidence: list[Evidence] = []
    refs: list[LicenseRef] = []
    declared: list[str] = []
    bases: list[str] = []
    card: Card | None = None
    note: str | None = None
    if readme is None:
        note = f"{clean} has no model card (README.md) on the Hugging Face Hub at {endpoint}"
    else:
        if readme.cached_only:
            note = f"the Hugging Face Hub at {endpoint} could not be reached; used the cached model card of {clean}"
        card = parse_card(readme.text, hub.display(clean, CARD_FILE))
        card_refs, card_evidence, card_declared = licenses_from_card(card)
        refs += card_refs
        declared += card_declared
        evidence += (
            Evidence("hub", f"{where}: {item.detail.removeprefix('front matter ')}", None) for item in card_evidence
        )
        for base in card.base_model:
            base_id = repo_id_of(base, endpoint)
            if base_id is None:
                evidence.append(Evidence("hub", f"{where}: base_model: {base} (not a Hub id; not followed)"))
            elif base_id.lower() not in {b.lower() for b in bases}:
                bases.append(base_id)
                evidence.append(Evidence("hub", f"{where}: base_model: {base_id}"))

    if _needs_license_file(card, refs):
        for name in LICENSE_FILES:
            try:
                found = hub.fetch(clean, name)
            except (_NotFound, _Gated, _Unreachable) as exc:
                reason = f": {exc}" if str(exc) else ""
                evidence.append(Evidence("hub", f"{name} on {endpoint} could not be read{reason}"))
                break
            except InputError as exc:  # binary, too large, not UTF-8: the card's answer stands
                evidence.append(Evidence("hub", f"{name} on {endpoint} not read: {exc.message}"))
                continue
            if found is None:
                continue
            identified = identify_license_text(found.text)
            if identified is None:
                evidence.append(Evidence("hub", f"{name} on {endpoint} not recognised"))
                continue
            lid = identified.license
            refs = [find_license(lid) or LicenseRef(lid, False, lid)]  # settles an unrecognised license_name
            declared = [lid]
            evidence.append(Evidence("hub", f'{name} on {endpoint} identified as {lid} ("{identified.signature}")'))
            break

    return ModelNode(
        name=clean,
        declared=tuple(declared),
        licenses=tuple({ref.id: ref for ref in refs}.values()),
        bases=tuple(bases),
        modality=card.modality if card is not None else None,
        evidence=tuple(evidence),
        found=True,
        note=note,
        key=clean.lower(),
    )
