"""Run the stock ``age``, ``age-keygen`` and ``minisign`` tools, as a partner organisation would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def run_tool(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a stock CLI; never raises on a non-zero exit (tests assert on it)."""
    tool = shutil.which(str(args[0]))
    assert tool is not None, f"{args[0]} is not installed (apt install age minisign)"
    return subprocess.run(
        [tool, *map(str, args[1:])], input=stdin, capture_output=True, timeout=60, check=False
    )
