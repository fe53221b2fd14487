"""CPU time of ``relay.detect.detect`` per page of text, against a baseline tree in the same run.

The pages are OCR-like page texts: the lines of the evaluation tables (``tests/detect/data/*.txt``,
markup removed) joined into pages of ~1,000 characters (at most 40 lines), and sample letters from
:func:`relay.samples.text.generate_letter`. Timing is warm (rules and models loaded, one page run
first) and counts CPU (``time.process_time``) over all pages, so other work on the machine matters
less than with wall time.

``.venv/bin/python bench/detect.py [--baseline /path/to/other/tree] [--letters 60] [--every 1]``:
with ``--baseline`` the same pages are timed in a process importing relay from that tree, the two
processes taking turns a few pages at a time (``--chunk``), so that other work on the machine weighs on
both alike; ``--rounds`` repeats that with fresh processes and keeps each tree's best. ``--check``
compares the findings of the two trees on every page and on every table line as well (typed), and
fails on any difference.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "detect" / "data"
_MARK = re.compile(r"\{[a-z_]+:([^{}]+)\}")


def table_lines() -> list[str]:
    """Every line of every table as typed, markup removed, in a fixed order."""
    out: list[str] = []
    for path in sorted(DATA.glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                out.append(_MARK.sub(r"\1", raw))
    return out


def pages(letters: int) -> list[str]:
    """Pages of ~1,000 characters from the tables' lines, then ``letters`` sample letters."""
    out: list[str] = []
    current: list[str] = []
    for line in table_lines():
        current.append(line)
        if len(current) >= 40 or sum(len(x) + 1 for x in current) >= 1000:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    sys.path.insert(0, str(ROOT))
    from relay.samples.text import generate_letter

    rng = random.Random(7)
    out += [generate_letter(rng).text for _ in range(letters)]
    return out


def _child(args: argparse.Namespace) -> None:
    """Run in the tree given by ``--tree``: time the pages, or dump the findings."""
    sys.path.insert(0, args.tree)
    import relay
    from relay.detect import detect, load_rules

    assert Path(relay.__file__).resolve().is_relative_to(Path(args.tree).resolve()), relay.__file__
    texts: list[str] = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    rules = load_rules()
    detect(texts[0], rules)
    if args.dump:
        found = [
            [[f.kind.value, f.start, f.end, f.severity.value, f.rule, f.confidence] for f in detect(t, rules)]
            for t in texts
        ]
        Path(args.dump).write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        return
    # Serve: time the pages asked for ("first last" a line), one answer a line, until stdin closes.
    print("ready", flush=True)
    for line in sys.stdin:
        first, last = map(int, line.split())
        start = time.process_time()
        for t in texts[first:last]:
            detect(t, rules)
        print(time.process_time() - start, flush=True)


def _cmd(tree: str, texts_path: str) -> tuple[list[str], dict[str, str]]:
    cmd = [sys.executable, __file__, "--child", "--tree", tree, "--texts", texts_path]
    return cmd, {**os.environ, "PYTHONPATH": tree, "PYTHONHASHSEED": "0"}


def _dump(tree: str, texts_path: str, dump: str) -> None:
    cmd, env = _cmd(tree, texts_path)
    subprocess.run([*cmd, "--dump", dump], env=env, check=True)


def _time(trees: list[tuple[str, str]], texts_path: str, n: int, chunk: int) -> dict[str, float]:
    """CPU seconds each tree takes over the ``n`` pages, the trees taking turns a few pages at a
    time (the first to go alternating), so that other work on the machine weighs on both alike."""
    procs = {}
    for name, tree in trees:
        cmd, env = _cmd(tree, texts_path)
        procs[name] = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    total = dict.fromkeys(procs, 0.0)
    try:
        for p in procs.values():
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        for k, first in enumerate(range(0, n, chunk)):
            order = list(procs.items())
            for name, p in order if k % 2 == 0 else order[::-1]:
                assert p.stdin is not None and p.stdout is not None
                p.stdin.write(f"{first} {min(n, first + chunk)}\n")
                p.stdin.flush()
                total[name] += float(p.stdout.readline())
    finally:
        for p in procs.values():
            if p.stdin is not None:
                p.stdin.close()
            p.wait()
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", help="another checkout of relay to time against")
    parser.add_argument("--rounds", type=int, default=1, help="fresh processes, best round kept")
    parser.add_argument("--chunk", type=int, default=5, help="pages a tree times before the other's turn")
    parser.add_argument("--letters", type=int, default=60)
    parser.add_argument("--every", type=int, default=1, help="time every n-th page only (a quick look)")
    parser.add_argument("--check", action="store_true", help="compare findings with --baseline")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tree", default=str(ROOT), help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    import tempfile

    texts = pages(args.letters)[:: args.every]
    with tempfile.TemporaryDirectory() as tmp:
        texts_path = str(Path(tmp) / "texts.json")
        Path(texts_path).write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        if args.check:
            if not args.baseline:
                parser.error("--check needs --baseline")
            every = [*texts, *table_lines()]
            check_path = str(Path(tmp) / "check.json")
            Path(check_path).write_text(json.dumps(every, ensure_ascii=False), encoding="utf-8")
            ours, theirs = str(Path(tmp) / "ours.json"), str(Path(tmp) / "theirs.json")
            _dump(str(ROOT), check_path, ours)
            _dump(args.baseline, check_path, theirs)
            a = json.loads(Path(ours).read_text(encoding="utf-8"))
            b = json.loads(Path(theirs).read_text(encoding="utf-8"))
            diffs = [i for i in range(len(every)) if a[i] != b[i]]
            for i in diffs[:10]:
                print(f"DIFF {every[i][:80]!r}\n  ours   {a[i]}\n  theirs {b[i]}")
            print(f"findings compared on {len(every)} texts: {len(diffs)} differ")
            if diffs:
                sys.exit(1)
        trees = [("this", str(ROOT))] + ([("baseline", args.baseline)] if args.baseline else [])
        best: dict[str, float] = {}
        for _ in range(args.rounds):
            for name, cpu in _time(trees, texts_path, len(texts), args.chunk).items():
                best[name] = min(best.get(name, cpu), cpu)
    n = len(texts)
    chars = sum(map(len, texts)) / n
    print(f"{n} pages, {chars:.0f} characters a page on average, best of {args.rounds} rounds")
    for name, cpu in best.items():
        print(f"{name:9} {cpu / n * 1000:7.1f} ms CPU a page")
    if "baseline" in best:
        print(f"this / baseline = {best['this'] / best['baseline']:.3f}")


if __name__ == "__main__":
    main()
