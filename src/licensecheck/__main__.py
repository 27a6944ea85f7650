import os
import sys

# `python -m licensecheck` puts the current folder first on sys.path; a scanned repository's own typer.py or
# yaml.py must never be imported, so drop it (the package itself is installed).
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from licensecheck.cli.entry import console

console()
