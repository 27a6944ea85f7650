"""``--online``: the Hugging Face Hub look-up, against a fake Hub on 127.0.0.1 (never the internet).

The fake answers what ``huggingface_hub`` asks for a file: ``HEAD`` then ``GET`` on
``/<org>/<name>/resolve/<revision>/<file>``, with ``X-Repo-Commit``, ``ETag`` and ``Content-Length``; a
missing repository is ``404`` with ``X-Error-Code: RepoNotFound``, a missing file ``EntryNotFound``, a gated
repository ``403`` with ``GatedRepo``.
"""

from __future__ import annotations

import hashlib
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from licensecheck.cli.app import app
from licensecheck.errors import InputError, UsageError

hf_constants = pytest.importorskip("huggingface_hub.constants")

from licensecheck.hub import REPO_ID_RE, repo_id_of, resolve_hub  # noqa: E402

BASE_ID = "meta-llama/Llama-3.1-8B-Instruct"
FINETUNE_CARD = f"""---
license: apache-2.0
base_model: {BASE_ID}
pipeline_tag: text-generation
---
# A fine-tune
"""
BASE_CARD = """---
license: llama3.1
pipeline_tag: text-generation
---
# Llama 3.1
"""
LLAMA_LICENSE = "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date: July 23, 2024\n"
SERVER_LIFETIME = 60.0  # seconds: the fake Hub stops itself even if a test forgets to


def card(front: str, body: str = "# Model\n") -> bytes:
    return f"---\n{front.strip()}\n---\n{body}".encode()


@dataclass
class FakeHub:
    """Repositories (id -> {file: bytes}), gated ids, and every request seen (method, path, headers)."""

    repos: dict[str, dict[str, bytes]] = field(default_factory=dict)
    gated: set[str] = field(default_factory=set)
    broken: bool = False  # answer every request with 503
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, path, _ in self.requests]

    def answer(self, method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.requests.append((method, path, headers))
        parts = path.split("?", 1)[0].strip("/").split("/")
        if self.broken:
            return 503, {}, b"Service Unavailable"
        if len(parts) < 5 or parts[2] != "resolve":
            return 404, {"X-Error-Code": "RepoNotFound"}, b"not found"
        repo_id, filename = f"{parts[0]}/{parts[1]}", "/".join(parts[4:])
        if repo_id in self.gated:
            return 403, {"X-Error-Code": "GatedRepo", "X-Error-Message": "Access to this repo is restricted."}, b""
        files = self.repos.get(repo_id)
        if files is None:
            return 404, {"X-Error-Code": "RepoNotFound", "X-Error-Message": "Repository not found"}, b""
        commit = hashlib.sha1(repo_id.encode()).hexdigest()
        if filename not in files:
            return 404, {"X-Error-Code": "EntryNotFound", "X-Repo-Commit": commit}, b""
        body = files[filename]
        return (
            200,
            {
                "X-Repo-Commit": commit,
                "ETag": f'"{hashlib.sha1(body).hexdigest()}"',
                "Content-Type": "text/plain; charset=utf-8",
            },
            body,
        )


def _handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = 5

        def _reply(self, with_body: bool) -> None:
            status, headers, body = hub.answer(self.command, self.path, dict(self.headers.items()))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self._reply(False)

        def do_GET(self) -> None:
            self._reply(True)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def point_library_at(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """The library's import-time default endpoint (used for its own requests), kept consistent with its URL
    template, which ``hf_hub_url`` rewrites to the ``endpoint`` argument only when the two agree."""
    monkeypatch.setattr(hf_constants, "ENDPOINT", url)
    monkeypatch.setattr(hf_constants, "HUGGINGFACE_CO_URL_TEMPLATE", url + "/{repo_id}/resolve/{revision}/{filename}")


@pytest.fixture
def hub_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A private HF_HOME and cache, no token, no offline mode, no proxy for 127.0.0.1."""
    home = tmp_path / "hf-home"
    monkeypatch.setenv("HF_HOME", str(home))
    monkeypatch.setenv("HF_HUB_CACHE", str(home / "hub"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    for name in ("HF_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_ETAG_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    # huggingface_hub reads these at import time. Telemetry is left on (licensecheck must turn it off), and the
    # library's own default endpoint points at the fake Hub too, so a stray request is seen, never sent out.
    monkeypatch.setattr(hf_constants, "HF_HUB_CACHE", str(home / "hub"))
    monkeypatch.setattr(hf_constants, "HF_HUB_DISABLE_TELEMETRY", False)
    point_library_at(monkeypatch, closed_port_url())
    detect = sys.modules.get("huggingface_hub.utils._detect_agent")
    if detect is not None and hasattr(detect, "_registry"):
        monkeypatch.setattr(detect, "_registry", None)
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    for name in ("HF_TOKEN_PATH", "HF_STORED_TOKENS_PATH"):
        if hasattr(hf_constants, name):
            monkeypatch.setattr(hf_constants, name, str(home / name.lower()))
    return home


@pytest.fixture
def fake_hub(hub_env: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    hub = FakeHub(
        repos={
            "some-org/finetune": {"README.md": FINETUNE_CARD.encode()},
            BASE_ID: {"README.md": BASE_CARD.encode()},
        }
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(hub))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    guard = threading.Timer(SERVER_LIFETIME, server.shutdown)
    guard.daemon = True
    thread.start()
    guard.start()
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    point_library_at(monkeypatch, hub.url)
    try:
        yield hub
    finally:
        guard.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def run_json(*args: str) -> tuple[int, dict[str, Any], Result]:
    result = run(*args, "--format", "json")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout), result


# ---------------------------------------------------------------------------------------------------- CLI


def test_online_fine_tune_inherits_its_base_license(fake_hub: FakeHub) -> None:
    code, data, _ = run_json("model", "some-org/finetune", "--online", "--use", "commercial")
    assert data["model"] == "some-org/finetune"
    assert "llama3.1" in data["licenses"]
    assert "apache-2.0" in data["licenses"]
    assert [step["model"] for step in data["lineage"]][:2] == ["some-org/finetune", BASE_ID]
    # No --mau: Llama 3.1's user threshold is a condition, not a refusal.
    assert data["verdict"] == "conditional"
    assert code == 0
    details = [e["detail"] for e in data["evidence"] if e["source"] == "hub"]
    assert f"model card on {fake_hub.url}: license: apache-2.0" in details
    assert any(f"base_model: {BASE_ID}" in d for d in details)
    # Only model cards were asked for: no weights, no config, no API calls.
    assert fake_hub.paths()
    assert all(path.endswith("/resolve/main/README.md") for path in fake_hub.paths()), fake_hub.paths()


def test_without_online_no_request_is_made(fake_hub: FakeHub) -> None:
    code, data, _ = run_json("model", "some-org/finetune", "--use", "commercial")
    assert code == 1
    assert data["verdict"] == "unknown"
    assert fake_hub.paths() == []


def test_online_missing_repo_is_unknown(fake_hub: FakeHub) -> None:
    code, data, _ = run_json("model", "nobody/no-such-model", "--online", "--use", "commercial")
    assert code == 1
    assert data["verdict"] == "unknown"
    assert data["licenses"] == []
    assert any("has no model nobody/no-such-model" in w for w in data["warnings"]), data["warnings"]
    assert fake_hub.paths() == ["/nobody/no-such-model/resolve/main/README.md"]


def test_online_gated_repo_is_unknown(fake_hub: FakeHub) -> None:
    fake_hub.gated.add("gated-org/gated")
    code, data, _ = run_json("model", "gated-org/gated", "--online", "--use", "commercial")
    assert code == 1
    assert data["verdict"] == "unknown"
    assert any("gated" in w and "HF_TOKEN" in w for w in data["warnings"]), data["warnings"]


def test_unreachable_hub_is_an_input_error(hub_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = closed_port_url()
    monkeypatch.setenv("HF_ENDPOINT", url)
    started = time.monotonic()
    result = run("model", "some-org/finetune", "--online", "--format", "json")
    assert time.monotonic() - started < 15, "no long retries against a Hub that refuses connections"
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"licensecheck: error: could not reach the Hugging Face Hub at {url}: ")
    assert "Traceback" not in result.stderr


def test_silent_hub_times_out_quickly(hub_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Hub that accepts connections but never answers: the short metadata timeout, then exit 2."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # never accepted: the kernel completes the handshake, nobody replies
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        monkeypatch.setenv("HF_ENDPOINT", url)
        monkeypatch.setenv("HF_HUB_ETAG_TIMEOUT", "0.5")
        started = time.monotonic()
        result = run("model", "some-org/finetune", "--online", "--format", "json")
        assert time.monotonic() - started < 10
    assert result.exit_code == 2
    assert result.stderr.startswith(f"licensecheck: error: could not reach the Hugging Face Hub at {url}: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_hub_server_error_is_an_input_error(fake_hub: FakeHub) -> None:
    fake_hub.broken = True
    result = run("model", "some-org/finetune", "--online", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(
        f"licensecheck: error: could not reach the Hugging Face Hub at {fake_hub.url}"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_card_is_an_input_error(fake_hub: FakeHub) -> None:
    fake_hub.repos["bad/card"] = {"README.md": b"---\nlicense: [apache-2.0\n---\n"}
    result = run("model", "bad/card", "--online", "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert f"{fake_hub.url}/bad/card/blob/main/README.md" in line


# ------------------------------------------------------------------------------------------ resolve_hub


def test_resolve_hub_reads_card(fake_hub: FakeHub) -> None:
    node = resolve_hub("some-org/finetune")
    assert node.found
    assert node.name == "some-org/finetune"
    assert node.key == "some-org/finetune"
    assert [ref.id for ref in node.licenses] == ["apache-2.0"]
    assert node.declared == ("apache-2.0",)
    assert node.bases == (BASE_ID,)
    assert node.modality == "text"
    assert node.folder is None
    assert all(e.source == "hub" and e.path is None for e in node.evidence)
    assert node.evidence[0].detail == f"model card on {fake_hub.url}: license: apache-2.0"


def test_resolve_hub_accepts_hub_urls(fake_hub: FakeHub) -> None:
    assert resolve_hub(f"{fake_hub.url}/some-org/finetune").name == "some-org/finetune"
    assert repo_id_of("https://huggingface.co/some-org/finetune/") == "some-org/finetune"
    assert repo_id_of("hf.co/some-org/finetune") == "some-org/finetune"


@pytest.mark.parametrize(
    "spec",
    [
        "no-slash",
        "a/b/c",
        "org/",
        "/name",
        "org/na me",
        "org/..",
        "org--x/y",
        "-org/name",
        "org/name-",
        "org/" + "x" * 97,
        "../etc/passwd",
    ],
)
def test_resolve_hub_rejects_non_ids_without_asking(fake_hub: FakeHub, spec: str) -> None:
    assert not REPO_ID_RE.fullmatch(spec)
    node = resolve_hub(spec)
    assert not node.found
    assert node.note is not None
    assert "not a Hugging Face model id" in node.note
    assert fake_hub.paths() == []


@pytest.mark.parametrize(
    "spec",
    [
        "meta-llama/Llama-3.1-8B-Instruct",
        "TheBloke/Llama-2-7B-GGUF",
        "a/b",
        "google/gemma-2-9b-it",
        "org_1/model.v2_final",
    ],
)
def test_repo_id_regex_accepts_hub_ids(spec: str) -> None:
    assert REPO_ID_RE.fullmatch(spec)


def test_resolve_hub_missing_repo_note(fake_hub: FakeHub) -> None:
    node = resolve_hub("nobody/no-such-model")
    assert not node.found
    assert node.note is not None
    assert f"the Hugging Face Hub at {fake_hub.url} has no model nobody/no-such-model" in node.note


def test_resolve_hub_gated_note(fake_hub: FakeHub) -> None:
    fake_hub.gated.add("gated-org/gated")
    node = resolve_hub("gated-org/gated")
    assert not node.found
    assert node.note is not None
    assert "gated" in node.note
    assert "HF_TOKEN" in node.note
    assert "accept its terms" in node.note


def test_token_is_sent(fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    resolve_hub("some-org/finetune")
    assert all(
        headers.get("authorization", headers.get("Authorization")) == "Bearer hf_test_token"
        for _, _, headers in fake_hub.requests
    )


def test_license_other_reads_license_file(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/other"] = {
        "README.md": card("license: other\nlicense_name: some-custom-name"),
        "LICENSE": LLAMA_LICENSE.encode(),
    }
    node = resolve_hub("org/other")
    assert [ref.id for ref in node.licenses] == ["llama3.1"]
    assert any("LICENSE on" in e.detail and "identified as llama3.1" in e.detail for e in node.evidence)
    assert set(fake_hub.paths()) == {"/org/other/resolve/main/README.md", "/org/other/resolve/main/LICENSE"}


def test_unreadable_license_file_is_skipped(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/binary"] = {
        "README.md": card("license: other"),
        "LICENSE": b"\x00\x01",
        "LICENSE.md": LLAMA_LICENSE.encode(),
    }
    node = resolve_hub("org/binary")
    assert [ref.id for ref in node.licenses] == ["llama3.1"]
    assert any("LICENSE on" in e.detail and "binary" in e.detail for e in node.evidence)


def test_license_file_md_is_tried_next(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/other-md"] = {"README.md": card("license: other"), "LICENSE.md": LLAMA_LICENSE.encode()}
    node = resolve_hub("org/other-md")
    assert [ref.id for ref in node.licenses] == ["llama3.1"]
    assert "/org/other-md/resolve/main/LICENSE.txt" not in fake_hub.paths()


def test_recognised_card_license_does_not_fetch_license_file(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/plain"] = {"README.md": card("license: mit"), "LICENSE": LLAMA_LICENSE.encode()}
    node = resolve_hub("org/plain")
    assert [ref.id for ref in node.licenses] == ["mit"]
    assert set(fake_hub.paths()) == {"/org/plain/resolve/main/README.md"}


def test_license_name_resolves_without_license_file(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/named"] = {"README.md": card("license: other\nlicense_name: llama3.1")}
    node = resolve_hub("org/named")
    assert [ref.id for ref in node.licenses] == ["llama3.1"]
    assert set(fake_hub.paths()) == {"/org/named/resolve/main/README.md"}


def test_repo_without_card(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/bare"] = {"config.json": b"{}"}
    node = resolve_hub("org/bare")
    assert node.found
    assert node.licenses == ()
    assert node.note is not None and "no model card" in node.note
    assert "/org/bare/resolve/main/config.json" not in fake_hub.paths()


def test_non_hub_base_model_is_not_followed(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/local-base"] = {"README.md": card("license: mit\nbase_model: [../secret, org/real]")}
    node = resolve_hub("org/local-base")
    assert node.bases == ("org/real",)
    assert any("../secret" in e.detail and "not followed" in e.detail for e in node.evidence)


def test_oversized_card_is_not_downloaded(fake_hub: FakeHub) -> None:
    fake_hub.repos["org/huge"] = {"README.md": card("license: mit", "x" * (1024 * 1024 + 10))}
    with pytest.raises(InputError, match="larger than"):
        resolve_hub("org/huge")
    assert [method for method, _, _ in fake_hub.requests] == ["HEAD"]


def test_cache_answers_when_offline_or_unreachable(fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_hub("some-org/finetune").found
    seen = len(fake_hub.paths())
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    node = resolve_hub("some-org/finetune")
    assert [ref.id for ref in node.licenses] == ["apache-2.0"]
    assert len(fake_hub.paths()) == seen, "offline mode must not touch the network"
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    cached = resolve_hub("some-org/finetune")
    assert [ref.id for ref in cached.licenses] == ["apache-2.0"]
    assert cached.note is not None and "could not be reached" in cached.note


def test_offline_without_cache_is_an_input_error(fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(InputError, match=r"could not reach the Hugging Face Hub at .*offline mode"):
        resolve_hub("some-org/finetune")
    assert fake_hub.paths() == []


def test_missing_client_is_a_usage_error(hub_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "huggingface_hub", None)
    with pytest.raises(UsageError, match=r'pip install "model-licensecheck\[hub\]"'):
        resolve_hub("some-org/finetune")
    result = run("model", "some-org/finetune", "--online", "--format", "json")
    assert result.exit_code == 2
    assert 'pip install "model-licensecheck[hub]"' in result.stderr


def test_a_scan_that_cannot_reach_the_hub_keeps_the_model_as_unknown(
    hub_env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "serve.py").write_text('m = AutoModel.from_pretrained("someorg/not-in-catalog-xyz")\n', encoding="utf-8")
    code, data, _ = run_json("scan", str(repo), "--online", "--use", "commercial", "--no-cache")
    assert code == 1 and data["verdict"] == "unknown"
    finding = next(f for f in data["findings"] if f["model"] == "someorg/not-in-catalog-xyz")
    assert finding["verdict"] == "unknown" and finding["locations"] == [{"path": "serve.py", "line": 1}]
    assert "could not reach the Hugging Face Hub" in finding["reason"]
