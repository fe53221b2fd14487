"""Benchmark relay's age encryption against the stock ``age`` tool, and measure relay's peak memory.

    .venv/bin/python bench/seal.py                 # 1 GiB throughput; memory at 10 MiB and 2 GiB
    .venv/bin/python bench/seal.py --quick         # 64 MiB throughput; memory at 10 MiB only
    .venv/bin/python bench/seal.py --size 256M --repeat 5 --dir /var/tmp

Throughput: the same random file on disk is encrypted by relay (``encrypt_stream`` between two open
files, in this process) and by ``age -r``; the ciphertext from ``age`` is decrypted by relay
(``decrypt_stream``) and by ``age -d``. Neither side fsyncs; ``sync`` runs (untimed) before every run
so that one run's writeback is not billed to the next. Runs alternate relay/age and the fastest of
each is kept; CPU seconds (user + system) are printed too, as they vary less on a busy machine.
Outputs are checked byte for byte against the input.

Memory: a child process runs relay's ``encrypt_file`` / ``decrypt_file`` (the atomic variants the
seal stage uses); its RSS high-water mark (``wait4`` rusage of that one child) minus that of the same
child doing nothing but the imports is relay's own peak. Targets: throughput >= 0.7x age, peak
<= 64 MiB above baseline.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MiB = 1 << 20
GiB = 1 << 30
THROUGHPUT_TARGET = 0.7
MEMORY_TARGET_MIB = 64.0


def parse_size(text: str) -> int:
    """``123``, ``10M``, ``1G`` (binary units) to bytes."""
    units = {"K": 1 << 10, "M": MiB, "G": GiB}
    suffix = text[-1:].upper()
    if suffix in units:
        return int(float(text[:-1]) * units[suffix])
    return int(text)


def write_random(path: Path, size: int) -> None:
    with open(path, "wb") as out:
        remaining = size
        while remaining:
            piece = min(remaining, 4 * MiB)
            out.write(os.urandom(piece))
            remaining -= piece


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of one run, and its CPU seconds (user + system)."""

    wall: float
    cpu: float


def timed(run: Callable[[], None]) -> Timing:
    """Time ``run`` from a clean page cache state, counting CPU of this process and its children."""
    # Flush the previous run's dirty pages first, so that its writeback is not billed to this run.
    os.sync()
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(a.ru_utime + a.ru_stime - (b.ru_utime + b.ru_stime) for a, b in zip(after, before, strict=True))
    return Timing(wall=wall, cpu=cpu)


def throughput(workdir: Path, size: int, repeat: int, age: str) -> list[tuple[str, Timing, Timing]]:
    """Best-of-``repeat`` timings for relay and age, encrypting and decrypting ``size`` bytes."""
    from relay.crypto import X25519Identity, decrypt_stream, encrypt_stream

    identity = X25519Identity.generate()
    recipient = identity.recipient()
    key_file = workdir / "key.txt"
    key_file.write_text(identity.to_string() + "\n")
    key_file.chmod(0o600)
    names = ("plain", "relay.age", "age.age", "relay.out", "age.out")
    plain, relay_ct, age_ct, relay_out, age_out = (workdir / n for n in names)
    print(f"writing {size / MiB:.0f} MiB of random data to {plain} ...", flush=True)
    write_random(plain, size)

    def relay_encrypt() -> None:
        relay_ct.unlink(missing_ok=True)
        with open(plain, "rb") as src, open(relay_ct, "wb") as dst:
            encrypt_stream(src, dst, [recipient])

    def age_encrypt() -> None:
        age_ct.unlink(missing_ok=True)
        subprocess.run([age, "-r", str(recipient), "-o", str(age_ct), str(plain)], check=True)

    def relay_decrypt() -> None:
        relay_out.unlink(missing_ok=True)
        with open(age_ct, "rb") as src, open(relay_out, "wb") as dst:
            decrypt_stream(src, dst, [identity])

    def age_decrypt() -> None:
        age_out.unlink(missing_ok=True)
        subprocess.run([age, "-d", "-i", str(key_file), "-o", str(age_out), str(age_ct)], check=True)

    results = []
    pairs = (("encrypt", relay_encrypt, age_encrypt), ("decrypt", relay_decrypt, age_decrypt))
    for name, relay_run, age_run in pairs:
        # Interleave so that both see the same cache and load; keep each side's fastest run.
        relay_runs, age_runs = [], []
        for _ in range(repeat):
            relay_runs.append(timed(relay_run))
            age_runs.append(timed(age_run))
        results.append((name, min(relay_runs, key=lambda t: t.wall), min(age_runs, key=lambda t: t.wall)))
    if not filecmp.cmp(plain, relay_out, shallow=False):
        raise SystemExit("relay's decryption of age's file differs from the input")
    # age must read what relay wrote, too.
    subprocess.run([age, "-d", "-i", str(key_file), "-o", str(age_out), str(relay_ct)], check=True)
    if not filecmp.cmp(plain, age_out, shallow=False):
        raise SystemExit("age could not round-trip relay's ciphertext")
    for path in (plain, relay_ct, age_ct, relay_out, age_out):
        path.unlink(missing_ok=True)
    return results


def child_peak_kib(*args: str) -> int:
    """Run this script as a child with ``args``; return that child's RSS high-water mark in KiB."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", *args])
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"child {args[0]} failed with status {proc.returncode}")
    return usage.ru_maxrss  # KiB on Linux


def memory(workdir: Path, size: int) -> tuple[float, float, float]:
    """(baseline MiB, encrypt peak above baseline MiB, decrypt peak above baseline MiB)."""
    plain, sealed, out = workdir / "mem-plain", workdir / "mem.age", workdir / "mem-out"
    # A sparse file reads as zeros at memory speed; content does not change relay's memory use.
    with open(plain, "wb") as f:
        f.truncate(size)
    baseline = child_peak_kib("baseline")
    encrypt_peak = child_peak_kib("encrypt", str(plain), str(sealed), str(workdir / "mem-key.txt"))
    decrypt_peak = child_peak_kib("decrypt", str(sealed), str(out), str(workdir / "mem-key.txt"))
    if os.path.getsize(out) != size:
        raise SystemExit("memory run: decrypted size differs")
    for path in (plain, sealed, out, workdir / "mem-key.txt"):
        path.unlink(missing_ok=True)
    return baseline / 1024, (encrypt_peak - baseline) / 1024, (decrypt_peak - baseline) / 1024


def child(args: list[str]) -> None:
    """The measured child: imports relay's crypto, then does one thing (or nothing, for the baseline)."""
    from relay.crypto import X25519Identity, decrypt_file, encrypt_file, parse_identity_file

    if args[0] == "encrypt":
        src, dst, key_file = args[1:]
        identity = X25519Identity.generate()
        Path(key_file).write_text(identity.to_string() + "\n")
        encrypt_file(src, dst, [identity.recipient()])
    elif args[0] == "decrypt":
        src, dst, key_file = args[1:]
        decrypt_file(src, dst, parse_identity_file(Path(key_file).read_text()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=parse_size, help="throughput file size (default 1G; 64M with --quick)")
    parser.add_argument("--quick", action="store_true", help="memory at 10 MiB only, smaller throughput file")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, best kept (default 3)")
    parser.add_argument("--dir", type=Path, default=None, help="temp dir (default: system temp)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    age = shutil.which("age")
    if age is None:
        raise SystemExit("the stock `age` tool is not installed (apt install age)")
    size = args.size or (64 * MiB if args.quick else GiB)
    memory_sizes = [10 * MiB] if args.quick else [10 * MiB, 2 * GiB]
    version = subprocess.run([age, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="relay-bench-seal-", dir=args.dir) as tmp:
        workdir = Path(tmp)
        rows = throughput(workdir, size, args.repeat, age)
        print(f"\nthroughput, {size / MiB:.0f} MiB file, fastest of {args.repeat} (age {version}):")
        print(f"  {'':8} {'relay MB/s':>11} {'age MB/s':>10} {'relay/age':>10}   CPU s: relay / age")
        ok = True
        for name, relay_t, age_t in rows:
            ratio = age_t.wall / relay_t.wall
            ok &= ratio >= THROUGHPUT_TARGET
            print(
                f"  {name:8} {size / 1e6 / relay_t.wall:11.0f} {size / 1e6 / age_t.wall:10.0f} {ratio:10.2f}"
                f"   {relay_t.cpu:.2f} / {age_t.cpu:.2f}"
            )
        print("\npeak memory of a child running relay (RSS high-water mark above an import-only child):")
        for mem_size in memory_sizes:
            baseline, enc, dec = memory(workdir, mem_size)
            ok &= max(enc, dec) <= MEMORY_TARGET_MIB
            print(
                f"  {mem_size / MiB:6.0f} MiB input: encrypt +{enc:.2f} MiB, decrypt +{dec:.2f} MiB"
                f" (baseline {baseline:.1f} MiB)"
            )
    verdict = "met" if ok else "NOT met"
    print(f"\ntargets (>= {THROUGHPUT_TARGET}x age, <= {MEMORY_TARGET_MIB:.0f} MiB over baseline): {verdict}")


if __name__ == "__main__":
    main()
