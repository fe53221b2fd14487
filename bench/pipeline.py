"""Benchmarks of the durable pipeline, each against its target, all measured in the same run.

1. Embedded overhead: ``--letters`` one-page letters (default 50) through `relay work`'s embedded
   pipeline (submit, then :func:`workers.embedded.run` until idle) with P worker processes, against bare
   ``tesseract`` on the same page images, fed the way relay/extract.py feeds it (``-l kor --psm 6 tsv``,
   the page as grayscale binary PGM on stdin, ``OMP_THREAD_LIMIT=1``) with tesseract's other settings
   at their defaults (relay turns off its retry of lines in inverted colours), P at a time. Target: at
   most 1.15x.
2. Scaling: distributed workers (`dramatiq workers.actors`, one thread per process) on a private
   redis-server and a PostgreSQL schema, two processes against one, ``--scaling-letters`` letters each.
   Target: at least 1.8x the throughput on a 2-core machine.
   The detector's models are loaded before timing, as a worker process loads them at boot (reported
   as model_load_s).
3. Memory: a worker process's resident memory across ``--memory-items`` items (default 500), after a
   warm-up of the first 10% (the embedded runner with its stages in threads of this one process, so
   that the process measured is the one doing the work). Target: growth within 20%.

``.venv/bin/python bench/pipeline.py [--letters 50] [--scaling-letters 16] [--memory-items 500]
[--skip-scaling] [--skip-memory]``. Needs tesseract with Korean, redis-server and, for the scaling part,
PostgreSQL (``RELAY_BENCH_PG_URL``, default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
Numbers go to stdout and to ``--out``/pipeline.json. Nothing is printed that was not measured.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image
from sqlalchemy import create_engine, func, make_url, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from relay.db.models import Item  # noqa: E402
from relay.db.schema import migrate  # noqa: E402
from relay.db.states import State  # noqa: E402
from relay.jobs import submit  # noqa: E402
from relay.keys import ensure_master_key  # noqa: E402
from relay.runtime import Runtime  # noqa: E402
from relay.samples.corpus import render_sample  # noqa: E402
from relay.settings import load_settings  # noqa: E402
from workers.app import warm_up  # noqa: E402
from workers.broker import build_broker  # noqa: E402
from workers.coordinator import run_coordinator  # noqa: E402
from workers.embedded import Progress, run  # noqa: E402

TARGET_OVERHEAD = 1.15
TARGET_SCALING = 1.8
TARGET_MEMORY = 1.20
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def letters(n: int, seed: int = 3) -> list[bytes]:
    """``n`` one-page printed letters as PNG bytes (the uploads)."""
    pages = []
    for i in range(n):
        out = io.BytesIO()
        render_sample(i, seed, "printed").image.save(out, "PNG")
        pages.append(out.getvalue())
    return pages


def bare_tesseract(pages: list[bytes], parallel: int) -> tuple[float, float]:
    """(wall time with ``parallel`` at a time, sum of single runs) of tesseract fed as extract.py feeds it."""
    program = shutil.which("tesseract")
    if program is None:
        raise SystemExit("tesseract is not installed")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    inputs = []
    for page in pages:
        buffer = io.BytesIO()
        Image.open(io.BytesIO(page)).convert("L").save(buffer, "PPM")
        inputs.append(buffer.getvalue())

    def one(data: bytes) -> float:
        started = time.perf_counter()
        subprocess.run(
            [program, "stdin", "stdout", "-l", "kor", "--psm", "6", "tsv"],
            input=data,
            capture_output=True,
            env=env,
            check=True,
            timeout=600,
        )
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        singles = list(pool.map(one, inputs))
    return time.perf_counter() - started, sum(singles)


def direct_stages(pages: list[bytes], parallel: int) -> float:
    """Wall time of the same stages called directly (no broker, no dispatcher), ``parallel`` letters at a
    time in threads, as the embedded workers run them: what the pipeline's own work costs, so that the
    embedded ratio can be split into stage work and worker machinery."""
    from relay.db.states import Stage
    from relay.jobs import StageOutcome, run_stage

    order = [Stage.SANITIZE, Stage.EXTRACT, Stage.DETECT, Stage.REDACT, Stage.REDACT]
    with (
        tempfile.TemporaryDirectory(prefix="relay-bench-direct-") as home,
        Runtime.open(load_settings({"RELAY_HOME": home})) as rt,
    ):
        ids = [submit(rt, page, actor="bench") for page in pages]

        def one(item_id: str) -> None:
            for stage in order:
                if run_stage(rt, stage, item_id, actor="bench") is StageOutcome.PARKED:
                    raise SystemExit("a letter was parked in the direct run")

        started = time.perf_counter()
        with ThreadPoolExecutor(parallel) as pool:
            list(pool.map(one, ids))
        return time.perf_counter() - started


def rss_bytes() -> int:
    """This process's resident set size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def embedded(
    pages: list[bytes],
    workers: int,
    progress: Callable[[Progress], None] | None = None,
    *,
    processes: bool = False,
    warm: bool = False,
) -> float:
    """Wall time of submitting ``pages`` and running the embedded pipeline until idle.

    ``processes``: the stages run in ``workers`` child processes, as ``relay work`` runs them on a
    machine with several cores; otherwise in ``workers`` threads of this process (the memory run, which
    watches this one process). ``warm`` (with ``processes``): the children are started and have loaded
    their models before the clock starts, as in a ``relay work`` that has been running for a while.
    """
    with (
        tempfile.TemporaryDirectory(prefix="relay-bench-") as home,
        Runtime.open(load_settings({"RELAY_HOME": home})) as rt,
    ):
        pool = None
        if warm:
            from workers.pool import ProcessRunner

            pool = ProcessRunner(rt.settings, workers)
            pool.start()
        try:
            started = time.perf_counter()
            for page in pages:
                submit(rt, page, actor="bench")
            # A warm pool runs the stages itself; otherwise run() starts threads or child processes.
            how: dict[str, Any] = (
                {"runner": pool} if pool is not None else {"processes": workers if processes else None}
            )
            summary = run(rt, until_idle=True, workers=workers, progress=progress, **how)
            elapsed = time.perf_counter() - started
        finally:
            if pool is not None:
                pool.close()
        if summary.counts != {State.AWAITING_REVIEW: len(pages)}:
            raise SystemExit(f"not every letter reached review: {summary.counts}")
        return elapsed


# --- scaling ---------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def private_redis(folder: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def pg_schema() -> Iterator[str]:
    base = make_url(os.environ.get("RELAY_BENCH_PG_URL", DEFAULT_PG))
    schema = f"relay_bench_{secrets.token_hex(4)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        migrate(url)
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def distributed(pages: list[bytes], processes: int, folder: Path) -> float:
    """Wall time for ``pages`` through `dramatiq workers.actors`, ``processes`` single-thread processes."""
    folder.mkdir(parents=True, exist_ok=True)
    with private_redis(folder) as redis_url, pg_schema() as db_url:
        key = folder / "keys" / "master.key"
        ensure_master_key(key)
        env = {
            "RELAY_HOME": str(folder / "home"),
            "RELAY_DATABASE_URL": db_url,
            "RELAY_BROKER_URL": redis_url,
            "RELAY_STORAGE_URL": (folder / "objects").as_uri(),
            "RELAY_MASTER_KEY_FILE": str(key),
        }
        settings = load_settings(env)
        log = folder / f"workers-{processes}.log"
        worker_env = {k: v for k, v in os.environ.items() if not k.startswith("RELAY_")} | env
        worker_env["OMP_THREAD_LIMIT"] = "1"
        with log.open("wb") as out:
            workers = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "dramatiq"),
                    "workers.actors",
                    "--processes",
                    str(processes),
                    "--threads",
                    "1",
                ],
                cwd=ROOT,
                env=worker_env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            deadline = time.monotonic() + 120
            while log.read_text(errors="replace").count("ready for action") < processes:
                if time.monotonic() > deadline or workers.poll() is not None:
                    raise SystemExit(f"workers did not start; see {log}")
                time.sleep(0.2)
            with Runtime.open(settings, upgrade_schema=False) as rt:
                broker = build_broker(settings)
                stop = threading.Event()
                thread = threading.Thread(
                    target=run_coordinator,
                    args=(rt, broker),
                    kwargs={"stop": stop, "poll_seconds": 0.05},
                    daemon=True,
                )
                started = time.perf_counter()
                for page in pages:
                    submit(rt, page, actor="bench")
                thread.start()
                try:
                    while _in_review(rt) < len(pages):
                        if time.perf_counter() - started > 3600:
                            raise SystemExit("the distributed run did not finish within an hour")
                        time.sleep(0.1)
                    return time.perf_counter() - started
                finally:
                    stop.set()
                    thread.join(timeout=30)
                    broker.close()
        finally:
            os.killpg(workers.pid, signal.SIGTERM)
            try:
                workers.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(workers.pid, signal.SIGKILL)


def _in_review(rt: Runtime) -> int:
    with rt.readonly() as session:
        return int(session.scalar(select(func.count()).where(Item.state == State.AWAITING_REVIEW)) or 0)


# --- memory ------------------------------------------------------------------------------------------------


def memory(pages: list[bytes], items: int, workers: int) -> dict[str, Any]:
    """RSS of the embedded worker process after the first 10% of ``items`` and at the end."""
    uploads = [pages[i % len(pages)] for i in range(items)]
    samples: list[tuple[int, int]] = []
    warm = max(1, items // 10)

    def watch(progress: Progress) -> None:
        done = progress.total - progress.pending
        if progress.total == items and (not samples or done >= samples[-1][0] + max(1, items // 20)):
            samples.append((done, rss_bytes()))

    elapsed = embedded(uploads, workers, progress=watch)
    samples.append((items, rss_bytes()))
    after_warmup = next(rss for done, rss in samples if done >= warm)
    peak_after = max(rss for done, rss in samples if done >= warm)
    return {
        "items": items,
        "seconds": round(elapsed, 1),
        "rss_after_warmup_mib": round(after_warmup / 2**20, 1),
        "rss_end_mib": round(samples[-1][1] / 2**20, 1),
        "rss_peak_after_warmup_mib": round(peak_after / 2**20, 1),
        "growth": round(peak_after / after_warmup, 3),
        "samples": [(done, round(rss / 2**20, 1)) for done, rss in samples],
    }


def _embedded_part(pages: list[bytes], workers: int, results: dict[str, Any]) -> None:
    bare_wall, bare_sum = bare_tesseract(pages, workers)
    direct_wall = direct_stages(pages, workers)
    direct_one = direct_stages(pages[: max(1, len(pages) // 5)], 1) * len(pages) / max(1, len(pages) // 5)
    pipeline_wall = embedded(pages, workers, processes=True)
    warm_wall = embedded(pages, workers, processes=True, warm=True)
    ratio = pipeline_wall / bare_wall
    results["embedded"] = {
        "letters": len(pages),
        "bare_tesseract_wall_s": round(bare_wall, 2),
        "bare_tesseract_sum_s": round(bare_sum, 2),
        "pipeline_wall_s": round(pipeline_wall, 2),
        "pipeline_warm_wall_s": round(warm_wall, 2),
        "warm_ratio": round(warm_wall / bare_wall, 3),
        "stages_called_directly_wall_s": round(direct_wall, 2),
        "stages_one_at_a_time_estimate_s": round(direct_one, 2),
        "ratio": round(ratio, 3),
        "stage_work_vs_tesseract": round(direct_wall / bare_wall, 3),
        "worker_machinery_vs_direct": round(pipeline_wall / direct_wall, 3),
        "target": TARGET_OVERHEAD,
        "met": ratio <= TARGET_OVERHEAD,
    }
    print(
        f"embedded: {len(pages)} letters in {pipeline_wall:.1f} s; bare tesseract {bare_wall:.1f} s at "
        f"{workers} at a time (sum {bare_sum:.1f} s): {ratio:.2f}x (target <= {TARGET_OVERHEAD}x)"
    )
    print(
        f"  with worker processes started and models loaded before the clock starts: {warm_wall:.1f} s, "
        f"{warm_wall / bare_wall:.2f}x (start-up costs about {pipeline_wall - warm_wall:.1f} s of the run)"
    )
    print(
        f"  of which: the stages called directly, {workers} letters at a time, take {direct_wall:.1f} s "
        f"({direct_wall / bare_wall:.2f}x bare tesseract; one at a time about {direct_one:.1f} s); "
        f"broker, dispatcher and reconciler add {pipeline_wall / direct_wall:.2f}x on top"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=50)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="embedded parallelism")
    parser.add_argument("--scaling-letters", type=int, default=16)
    parser.add_argument("--memory-items", type=int, default=500)
    parser.add_argument("--skip-embedded", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # Other work on the machine skews every ratio here; the load is recorded with the numbers.
    results: dict[str, Any] = {
        "cores": os.cpu_count(),
        "workers": args.workers,
        "load_average_at_start": os.getloadavg(),
    }
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    pages = letters(max(args.letters, args.scaling_letters))
    # The detector's models load once per process (seconds); workers do it at boot (workers.app.WarmUp).
    results["model_load_s"] = round(warm_up(), 2)
    if not args.skip_embedded:
        _embedded_part(pages[: args.letters], args.workers, results)

    if not args.skip_scaling:
        with tempfile.TemporaryDirectory(prefix="relay-bench-dist-") as folder:
            sub = pages[: args.scaling_letters]
            one = distributed(sub, 1, Path(folder) / "one")
            two = distributed(sub, 2, Path(folder) / "two")
        speedup = one / two
        results["scaling"] = {
            "letters": len(sub),
            "one_process_s": round(one, 2),
            "two_processes_s": round(two, 2),
            "speedup": round(speedup, 3),
            "target": TARGET_SCALING,
            "met": speedup >= TARGET_SCALING,
        }
        print(
            f"scaling: {len(sub)} letters, 1 process {one:.1f} s, 2 processes {two:.1f} s: {speedup:.2f}x "
            f"(target >= {TARGET_SCALING}x on 2 cores; this machine has {os.cpu_count()})"
        )

    if not args.skip_memory:
        mem = memory(pages, args.memory_items, args.workers)
        mem["target"] = TARGET_MEMORY
        mem["met"] = mem["growth"] <= TARGET_MEMORY
        results["memory"] = mem
        print(
            f"memory: {mem['items']} items in {mem['seconds']} s; "
            f"RSS {mem['rss_after_warmup_mib']} MiB after warm-up, "
            f"peak {mem['rss_peak_after_warmup_mib']} MiB, end {mem['rss_end_mib']} MiB: "
            f"{mem['growth']:.2f}x (target <= {TARGET_MEMORY}x)"
        )

    results["load_average_at_end"] = os.getloadavg()
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pipeline.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
