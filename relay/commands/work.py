"""``relay work``: run the pipeline's workers.

Embedded mode (``broker.url = "stub://"``): the stage workers, the outbox dispatcher, the reconciler and
the periodic ticks all run in this process (:func:`workers.embedded.run`). Distributed mode (Redis or
RabbitMQ): this process is the coordinator (dispatcher, reconciler, ticks;
:func:`workers.coordinator.run_coordinator`) and the stage workers are separate ``dramatiq workers.actors``
processes, kept running by a supervisor (deploy/relay-worker.service). The coordinator never runs stage
work itself, so a crashed OCR run cannot take the dispatcher down with it.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import TYPE_CHECKING, Any, TextIO

from relay.commands import open_runtime
from relay.db.states import State
from relay.runtime import Runtime

if TYPE_CHECKING:
    from workers.embedded import Progress

EPILOG = (
    "Embedded mode (broker stub://) runs everything in this process. With a Redis or RabbitMQ broker this "
    "is the coordinator only (outbox dispatcher, reconciler, sealing and purge ticks): run the stage "
    "workers as `dramatiq workers.actors` under a supervisor (see deploy/). Stops on SIGTERM or Ctrl-C; "
    "nothing is lost by stopping, the database keeps every item's state. Exit status 0, or 1 if items "
    "were parked as failed during an --until-idle run (see `relay status`)."
)


def register(subparsers: Any) -> None:
    """Add ``relay work``."""
    p = subparsers.add_parser(
        "work",
        help="run the pipeline's workers (embedded) or its coordinator (distributed)",
        description="Process submitted items: sanitize, read, detect and redact them, then seal approved "
        "ones. " + EPILOG,
    )
    p.add_argument(
        "--until-idle",
        action="store_true",
        help="stop when nothing is left to do (no message waiting, no item a worker could move on)",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help="letters worked on at once in embedded mode, each in its own process when more than one "
        "(default: one per CPU core)",
    )
    p.add_argument(
        "--metrics-port",
        type=_positive,
        default=None,
        metavar="PORT",
        help="serve Prometheus metrics on 127.0.0.1:PORT",
    )
    p.set_defaults(func=cmd_work)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cmd_work(args: argparse.Namespace) -> int:
    """Run until idle or until stopped."""
    stop = threading.Event()
    previous = _stop_on_signals(stop)
    try:
        return _work(args, stop)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _work(args: argparse.Namespace, stop: threading.Event) -> int:
    from workers import metrics

    if args.metrics_port is not None:
        metrics.serve(args.metrics_port)
    show = progress_printer(sys.stderr)
    with open_runtime(args) as rt:
        before = _failed(rt)
        if rt.settings.broker.kind == "stub":
            from workers.embedded import default_workers, run

            parallel = args.workers or default_workers()
            summary = run(
                rt,
                until_idle=args.until_idle,
                workers=parallel,
                processes=parallel if parallel > 1 else None,
                progress=show,
                stop=stop,
            )
            counts = summary.counts
        else:
            from workers.broker import build_broker
            from workers.coordinator import run_coordinator

            print(
                "relay: coordinator running (dispatcher, reconciler, ticks); the stage workers are "
                "`dramatiq workers.actors` processes",
                file=sys.stderr,
            )
            broker = build_broker(rt.settings)
            try:
                run_coordinator(rt, broker, until_idle=args.until_idle, stop=stop, progress=show)
            finally:
                broker.close()
            with rt.readonly() as session:
                from relay.db.repo import count_by_state

                counts = count_by_state(session)
        show.finish()
        failed_now = counts.get(State.FAILED, 0)
        parts = ", ".join(f"{n} {state.value}" for state, n in sorted(counts.items()))
        print(f"relay: {sum(counts.values())} item(s): {parts or 'none'}", file=sys.stderr)
        return 1 if args.until_idle and failed_now > before else 0


def _failed(rt: Runtime) -> int:
    from relay.db.repo import count_by_state

    with rt.readonly() as session:
        return int(count_by_state(session).get(State.FAILED, 0))


def _stop_on_signals(stop: threading.Event) -> dict[int, Any]:
    """SIGTERM and SIGINT end the run after the current pass; returns the handlers they replaced."""

    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.signal(signum, handler)
    return previous


class ProgressPrinter:
    """A one-line progress bar on a terminal; a plain line whenever the counts change otherwise."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._last = ""
        self._drawn = False

    def __call__(self, progress: Progress) -> None:
        total = progress.total
        left = progress.pending
        done = total - left
        failed = progress.counts.get(State.FAILED, 0)
        text = f"{done}/{total} item(s) processed, {left} in progress, {failed} failed"
        if self.tty:
            filled = self.WIDTH * done // total if total else self.WIDTH
            bar = "#" * filled + "." * (self.WIDTH - filled)
            line = f"\r[{bar}] {text} ({progress.elapsed:.0f} s)"
            self.stream.write(line)
            self.stream.flush()
            self._drawn = True
        elif text != self._last:
            self.stream.write(f"relay: {text}\n")
            self.stream.flush()
        self._last = text

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def progress_printer(stream: TextIO) -> ProgressPrinter:
    """The progress display ``relay work`` uses on ``stream``."""
    return ProgressPrinter(stream)
