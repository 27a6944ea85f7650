"""Start-up cost of one-shot commands against a hello-world typer app run by the same Python and typer.

Usage: python bench/bench_startup.py [--runs N]
Prints the median wall time of each command and its ratio to the floor; the bar is 1.3x.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = """
import typer
app = typer.Typer()
@app.command()
def main(name: str = "world", count: int = 1):
    print("hello", name, count)
if __name__ == "__main__":
    app()
"""

COMMANDS = {
    "license mit (json)": ["model", "--license", "mit", "--use", "commercial", "--format", "json"],
    "llama3.1 model id (json)": [
        "model",
        "meta-llama/Llama-3.1-8B-Instruct",
        "--use",
        "commercial",
        "--format",
        "json",
    ],
    "llama3.1 model id (text)": ["model", "meta-llama/Llama-3.1-8B-Instruct", "--use", "commercial"],
    "license list (text)": ["license", "list"],
    "license show (text)": ["license", "show", "llama3.1"],
    "license compare (text)": ["license", "compare", "llama3.1", "llama3.2"],
    "catalog search (text)": ["catalog", "search", "llama"],
}
BAR = 1.3


# Measure as an installed tool runs: with bytecode. (PYTHONDONTWRITEBYTECODE would make every run of an
# editable install recompile our modules, which `pip install .` never does.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    opts = parser.parse_args()
    import licensecheck

    compileall.compile_dir(Path(licensecheck.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello.py"
        hello.write_text(HELLO, encoding="utf-8")
        argvs = {"floor": [sys.executable, str(hello), "--name", "x", "--count", "2"]}
        argvs.update({label: [sys.executable, "-m", "licensecheck", *args] for label, args in COMMANDS.items()})
        samples: dict[str, list[float]] = {label: [] for label in argvs}
        for argv in argvs.values():  # warm the file cache
            run_once(argv)
        # Round-robin, so a busy moment on the machine costs every command alike.
        for _ in range(opts.runs):
            for label, argv in argvs.items():
                samples[label].append(run_once(argv))
    floor = statistics.median(samples.pop("floor"))
    print(f"hello-world typer floor: {floor * 1000:.0f} ms")
    worst = 0.0
    for label, times in samples.items():
        took = statistics.median(times)
        ratio = took / floor
        worst = max(worst, ratio)
        print(f"{label:28s} {took * 1000:6.0f} ms  {ratio:4.2f}x")
    verdict = "OK" if worst <= BAR else "OVER"
    print(f"worst ratio {worst:.2f}x (bar {BAR}x): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
