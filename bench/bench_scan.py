"""Benchmark `licensecheck scan` against `rg -l` (or `grep -rlE`) on a synthetic 20,000-file repository.

    python bench/bench_scan.py [--files 20000] [--repeat 3] [--keep DIR] [--repo PATH] [--format FMT]

Generates a tree of mostly non-matching code and text with a few hundred model references in varied forms
(Python loaders, configs, notebooks, shell scripts, Dockerfiles, Modelfiles, model cards), then times the whole
command (start-up included) against a search for the loader patterns on the same tree. ``--repo PATH`` times a
real repository instead. The bar is at most 4x `rg -l`; the aim is 3x. Three scans are timed: ``--no-cache`` (every
file read, as on a fresh CI checkout: the ratio the bar is about); a repeat scan of the unchanged tree that reads
nothing it read before (the result cache, ``licensecheck.scan.resultcache``) but is not the very same run (another
environment each time); and the very same scan again, which writes what the last one wrote
(``licensecheck.scan.replay``).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PATTERN = (
    r"from_pretrained|pipeline\(|hf_hub_download|snapshot_download|SentenceTransformer|LLM\(|"
    r"model_name_or_path|base_model|model_id|repo_id|huggingface-cli download|hf download|vllm serve|"
    r"ollama (pull|run)|^FROM "
)
MODELS = [
    "meta-llama/Llama-3.1-8B-Instruct",
    "mistralai/Mistral-7B-Instruct-v0.3",
    "Qwen/Qwen2.5-7B-Instruct",
    "google/gemma-2-9b-it",
    "CohereForAI/c4ai-command-r-v01",
    "sentence-transformers/all-MiniLM-L6-v2",
    "some-org/private-model",
    "llama3.1:8b",
]
FILLER_PY = '''"""Module {n}: utilities that have nothing to do with models."""

import os
import json


def helper_{n}(path, values):
    total = 0
    for value in values:
        total += len(str(value)) * {n}
    with open(os.path.join(path, "out_{n}.json"), "w") as handle:
        json.dump({{"total": total, "kind": "text/plain"}}, handle)
    return total


class Thing{n}:
    def __init__(self, name):
        self.name = name

    def run(self, items):
        return [helper_{n}(self.name, item) for item in items]
'''
FILLER_TXT = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Line {n}.\n" * 40
FILLER_JS = "export function f{n}(a, b) {{\n  return a.map((x) => x * b + {n});\n}}\n" * 20


def reference(kind: str, model: str) -> tuple[str, str]:
    if kind == "py":
        text = f'from transformers import AutoModel\n\nMODEL = "{model}"\nmodel = AutoModel.from_pretrained(MODEL)\n'
        return "py", text
    if kind == "pipe":
        return "py", f'from transformers import pipeline\n\npipe = pipeline("text-generation", model="{model}")\n'
    if kind == "yaml":
        return "yaml", f"base_model: {model}\nlearning_rate: 0.0001\n"
    if kind == "json":
        return "json", json.dumps({"model_name_or_path": model, "epochs": 3}, indent=2) + "\n"
    if kind == "sh":
        return "sh", f"#!/bin/sh\nhuggingface-cli download {model} --local-dir ./weights\n"
    cell = {
        "cell_type": "code",
        "metadata": {},
        "outputs": [],
        "execution_count": None,
        "source": ["from transformers import AutoModel\n", f'm = AutoModel.from_pretrained("{model}")\n'],
    }
    return "ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}) + "\n"


def generate(root: Path, files: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    refs = 0
    for n in range(files):
        folder = root / f"pkg{n % 50}" / f"sub{n % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        roll = rng.random()
        if roll < 0.02:  # a few hundred references
            kind = rng.choice(["py", "pipe", "yaml", "json", "sh", "ipynb"])
            suffix, text = reference(kind, rng.choice(MODELS))
            (folder / f"ref_{n}.{suffix}").write_text(text)
            refs += 1
        elif roll < 0.55:
            (folder / f"mod_{n}.py").write_text(FILLER_PY.format(n=n))
        elif roll < 0.8:
            (folder / f"notes_{n}.txt").write_text(FILLER_TXT.format(n=n))
        else:
            (folder / f"code_{n}.js").write_text(FILLER_JS.format(n=n))
    (root / "Modelfile").write_text("FROM llama3.1:8b\n")
    (root / "Dockerfile").write_text("FROM python:3.11\nRUN huggingface-cli download Qwen/Qwen2.5-7B-Instruct\n")
    (root / "card").mkdir(exist_ok=True)
    (root / "card" / "README.md").write_text("---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B\n---\n")
    (root / ".gitignore").write_text("*.log\nbuild/\n")
    return refs + 3


# Measure as an installed tool runs: with bytecode (PYTHONDONTWRITEBYTECODE would make every run of an editable
# install recompile our modules, which `pip install .` never does).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def newest(root: Path) -> float:
    """The latest change time of a file under ``root`` (seconds)."""
    latest = 0.0
    for folder, _, names in os.walk(root):
        for name in names:
            with contextlib.suppress(OSError):
                latest = max(latest, os.lstat(os.path.join(folder, name)).st_ctime)
    return latest


NOT_REPLAYED = "LICENSECHECK_BENCH_RUN"  # a variable set anew for each run: no run repeats the last one's environment


def timed(commands: list[list[str]], repeat: int) -> list[tuple[float, float]]:
    """(median, best) seconds per command, run round-robin so that machine noise hits all of them alike. A command
    whose first word is ``NOT_REPLAYED`` runs with that variable set to a new value each time."""
    times: list[list[float]] = [[] for _ in commands]
    for run in range(repeat):
        for index, cmd in enumerate(commands):
            env = ENV
            if cmd[0] == NOT_REPLAYED:
                cmd, env = cmd[1:], {**ENV, NOT_REPLAYED: f"{os.getpid()}-{run}-{time.time_ns()}"}
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
            times[index].append(time.perf_counter() - start)
    return [(statistics.median(ts), min(ts)) for ts in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    parser.add_argument("--repo", type=Path, help="time this existing repository instead of a synthetic one")
    parser.add_argument("--format", default="text", help="the report format timed (default: text, to a pipe)")
    args = parser.parse_args()
    import licensecheck
    from licensecheck.scan import resultcache

    compileall.compile_dir(Path(licensecheck.__file__).parent, quiet=1)
    tmp = None
    if args.repo is not None:
        root, refs = args.repo, None
    else:
        root = args.keep or Path(tempfile.mkdtemp(prefix="lc-bench-"))
        tmp = None if args.keep else root
        refs = generate(root, args.files)
    try:
        if shutil.which("rg"):
            baseline_name, baseline = "rg -l", ["rg", "-l", "-e", PATTERN, str(root)]
        else:
            baseline_name, baseline = "grep -rlE", ["grep", "-rlE", PATTERN, str(root)]
        # the installed command, as a CI step runs it (python -m adds runpy's start-up)
        script = Path(sys.executable).with_name("licensecheck")
        command = [str(script)] if script.is_file() else [sys.executable, "-m", "licensecheck"]
        scan = [*command, "scan", str(root), "--format", args.format]
        cold = [*scan, "--no-cache"]  # every file read, as on a fresh CI checkout
        settle = resultcache.SETTLE_NS / 1e9 - (time.time() - newest(root))
        if settle > 0:  # files changed this recently get no cache record: let the tree settle first
            time.sleep(settle)
        cached = [NOT_REPLAYED, *scan]  # the result cache, but no replay (another environment each time)
        timed([baseline, cold, scan], 1)  # warm the page cache (and the scan's result cache and recording)
        measured = timed([baseline, cold, cached, scan], args.repeat)
        (base_t, base_best), (cold_t, cold_best), (cached_t, cached_best), (scan_t, scan_best) = measured
        as_json = [*command, "scan", str(root), "--format", "json"]
        out = subprocess.run(as_json, capture_output=True, text=True, check=False, env=ENV).stdout
        findings = len(json.loads(out)["findings"]) if out.strip() else 0
        ratio = cold_t / base_t
        print(f"tree: {root} ({'synthetic, ' + str(refs) + ' references' if refs else 'existing repository'})")
        print(
            f"{baseline_name}: {base_t * 1000:.0f} ms   licensecheck scan --no-cache: {cold_t * 1000:.0f} ms   "
            f"ratio {ratio:.2f}x (best runs: {cold_best / base_best:.2f}x; bar 4x, aim 3x)   findings: {findings}"
        )
        print(
            f"repeat scan, result cache only (files unchanged, but not the very same run): {cached_t * 1000:.0f} ms   "
            f"ratio {cached_t / base_t:.2f}x (best runs: {cached_best / base_best:.2f}x)"
        )
        print(
            f"repeat scan, replayed (the very same run again): {scan_t * 1000:.0f} ms   "
            f"ratio {scan_t / base_t:.2f}x (best runs: {scan_best / base_best:.2f}x)"
        )
        return 0 if ratio <= 4 else 1
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
