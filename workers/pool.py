"""Stages in child processes, for embedded mode: several letters' Python work on several cores.

In embedded mode the stage workers are threads of one process, and the stages' own Python work
(decoding, preprocessing, detection, placing fills, encoding) holds the interpreter lock, so two threads
barely beat one. :class:`ProcessRunner` is a :data:`~workers.app.StageRunner` that hands each stage to a
pool of child processes instead, each with its own :class:`~relay.runtime.Runtime` (SQLite in WAL mode
takes writers from several processes; every transaction is short). Only the stage name and the item ID
cross the process boundary, and only an outcome or a stable error code comes back.

Children are started with ``spawn``: the parent runs dramatiq's threads, and forking a threaded process
can copy a held lock into the child. A child that dies (killed, out of memory) breaks the pool; the
runner then starts a new one and reports the run as failed, so the item is retried like any other crash.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Final

from relay.db.states import Stage
from relay.errors import RelayError
from relay.jobs import StageFailed, run_stage
from relay.runtime import Runtime
from relay.settings import Settings

CHILD_DIED: Final = "worker_process_died"
CHILD_ERROR: Final = "internal_error"

_runtime: Runtime | None = None  # the child's own runtime, opened by _start_child


class ProcessRunner:
    """Runs stages in ``processes`` child processes; call :meth:`close` when done."""

    def __init__(self, settings: Settings, processes: int) -> None:
        if processes < 1:
            raise ValueError("processes must be at least 1")
        self._settings = settings
        self._processes = processes
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_child,
            initargs=(self._settings,),
        )

    def __call__(self, rt: Runtime, stage: Stage, item_id: str) -> str:
        """Run ``stage`` on the item in a child; the outcome's value, or StageFailed/RelayError."""
        del rt  # the child has its own runtime over the same database and store
        with self._lock:
            pool = self._pool
        try:
            kind, value = pool.submit(_run_in_child, stage.value, item_id).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = self._new_pool()
            raise RelayError("a worker process died during the stage", code=CHILD_DIED) from None
        if kind == "retry":
            raise StageFailed("the stage failed and will run again", code=value)
        if kind == "error":
            raise RelayError("the stage failed in a worker process", code=value)
        return value

    def start(self, timeout: float = 300.0) -> None:
        """Start every child now and wait until each has loaded its models, instead of on the first
        stages. For a long-running ``relay work`` this makes no difference; it lets a benchmark tell the
        one-time start-up from the per-letter cost."""
        with self._lock:
            pool = self._pool
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self._processes:
            if time.monotonic() > deadline:
                raise RelayError("the worker processes did not start in time", code=CHILD_DIED)
            # One ping per missing child at once: the pool spawns a process for each task it cannot give
            # to an idle one, and a ping holds its child briefly so that the next goes to another.
            pings = [pool.submit(_ping, 0.2) for _ in range(self._processes - len(seen))]
            try:
                seen.update(ping.result(timeout=max(0.0, deadline - time.monotonic())) for ping in pings)
            except BrokenProcessPool:
                raise RelayError("a worker process died while starting", code=CHILD_DIED) from None

    def close(self) -> None:
        """Stop the children (after the stages they are running)."""
        with self._lock:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _start_child(settings: Settings) -> None:
    global _runtime
    from workers.app import warm_up

    _runtime = Runtime.open(settings, upgrade_schema=False)
    warm_up()


def _ping(hold_s: float) -> int:
    time.sleep(hold_s)
    return os.getpid()


def _run_in_child(stage: str, item_id: str) -> tuple[str, str]:
    """Run the stage; return ("done", outcome) or ("retry"/"error", code). Nothing else crosses back:
    an exception's message could quote a letter, and not every exception pickles."""
    if _runtime is None:  # the initializer failed; the pool reports that itself
        return "error", CHILD_ERROR
    try:
        return "done", run_stage(_runtime, Stage(stage), item_id, actor=f"worker:{stage}").value
    except StageFailed as exc:
        return "retry", exc.code
    except RelayError as exc:
        return "error", exc.code
    except Exception:
        return "error", CHILD_ERROR
