"""Start-up: how long a fresh process takes to detect in its first letter, against a baseline tree.

Every ``relay redact`` and ``relay detect``, and every worker process, starts by loading the rules,
Kiwi's model and what is derived from them before its first letter. This times that in fresh Python
processes: import ``relay.detect``, then ``detect`` on one sample letter (from
:func:`relay.samples.text.generate_letter`; the steady cost of one letter is a few hundredths of this),
wall time of the whole process, interpreter start included.

Two cases: ``first run`` with an empty cache folder (``RELAY_CACHE_DIR``: what a new machine, or a
worker whose cache cannot be written, pays) and ``later runs`` with the folder the first run filled.
Trees take turns run by run, so other work on the machine weighs on both alike; the median is reported.

``.venv/bin/python bench/startup.py [--baseline /path/to/other/tree] [--runs 5]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from relay.detect import detect
if not detect(sys.stdin.read()):
    raise SystemExit("no finding in the sample letter")
"""


def sample_letter() -> str:
    sys.path.insert(0, str(ROOT))
    from relay.samples.text import generate_letter

    return generate_letter(random.Random(5)).text


def run_once(tree: Path, cache: Path, text: str) -> float:
    """Wall seconds of one fresh process detecting in ``text`` with relay from ``tree``."""
    env = {**os.environ, "RELAY_CACHE_DIR": str(cache), "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree)], input=text.encode(), env=env, check=True, timeout=600
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", type=Path, help="another checkout of relay to compare with")
    parser.add_argument("--runs", type=int, default=5, help="processes per tree and case (default 5)")
    args = parser.parse_args()
    trees = [("this", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    text = sample_letter()
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="relay-bench-startup-") as tmp:
        for run in range(args.runs):
            for name, tree in trees:
                fresh = Path(tmp) / f"{name}-fresh-{run}"  # empty: nothing kept yet
                times.setdefault((name, "first run"), []).append(run_once(tree, fresh, text))
                # The folder the first run just filled: what every later process reads.
                times.setdefault((name, "later runs"), []).append(run_once(tree, fresh, text))
    print(f"fresh processes detecting in one sample letter ({len(text)} characters), median of {args.runs}")
    for case in ("first run", "later runs"):
        line = f"  {case:<11}" + "".join(
            f"  {name} {statistics.median(times[(name, case)]):5.2f} s" for name, _ in trees
        )
        if args.baseline:
            ratio = statistics.median(times[("this", case)]) / statistics.median(times[("baseline", case)])
            line += f"  this / baseline = {ratio:.2f}"
        print(line)


if __name__ == "__main__":
    main()
