"""Embedded mode: the whole pipeline inside one process, for ``relay work``.

An in-process dramatiq broker (StubBroker) and worker run the same actors as distributed mode; this
loop plays the dispatcher, the reconciler and the periodic ticks. The stub broker's queues live in memory
and die with the process, so on start every item in a worker-driven state is enqueued again (actors are
idempotent; the database says what is left to do).

With ``until_idle`` the loop stops once nothing is left: the in-process queues are empty and nothing is
in flight, the outbox is empty, and no item is on its way to review (received … redacted). The order of
those checks matters: queues first (a worker commits its outbox row before its message is
acknowledged), then the outbox, then the items. If items remain on the way to review while queues and
outbox are empty, no message exists for them, so they are reconciled at once (an attempt counted,
``stalled``) rather than after the distributed deadline; an item that can never progress is thereby
parked after ``max_attempts`` and the loop ends. Approved and sealed items do not hold the loop: their
stages ran (or the sealing tick did) and what they wait for next is the sealer's business, whose
conditions are not a worker's to force; the normal reconciler deadline still applies to them.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Final

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.brokers.stub import StubBroker
from sqlalchemy import func, select

from relay.db.models import Item, OutboxMessage
from relay.db.repo import count_by_state
from relay.db.states import NEXT_STAGE, State, stuck_deadlines
from relay.dispatch import broker_publisher, dispatch_pending
from relay.jobs import purge_due
from relay.reconcile import reconcile_once
from relay.runtime import Runtime
from workers.app import StageRunner, Ticks, real_runner, seal_all_job, setup
from workers.broker import BrokerOptions, middleware, queue_name
from workers.scrub import install_log_scrubber

POLL_SECONDS: Final = 0.2
RECONCILE_SECONDS: Final = 60.0
SEAL_SECONDS: Final = 60.0


@dataclass(frozen=True)
class Progress:
    """A snapshot for progress displays: items by state, messages waiting, time so far."""

    counts: Mapping[State, int]
    queued: int  # messages in the in-process queues, including those being worked on
    outbox: int  # committed messages not yet handed to the queues
    elapsed: float

    @property
    def pending(self) -> int:
        """Items a worker still has to move on."""
        return sum(n for state, n in self.counts.items() if state in worker_driven_states())

    @property
    def total(self) -> int:
        """All items."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class WorkSummary:
    """What a run did and where it left the items."""

    counts: dict[State, int]
    elapsed: float
    published: int
    requeued: int
    parked_stalled: int
    idle: bool  # stopped because nothing was left (with until_idle), not because it was told to stop
    restarted: int = 0  # items enqueued again on start
    errors: list[str] = field(default_factory=list)  # exception type names of failed loop passes


# States a stage always moves an item out of (or fails it in): the way from upload to review.
TO_REVIEW: Final[frozenset[State]] = frozenset(
    {State.RECEIVED, State.SANITIZED, State.EXTRACTED, State.DETECTED, State.REDACTED}
)


def worker_driven_states() -> frozenset[State]:
    """States a worker moves an item out of without anyone's say (review and retention excluded)."""
    return frozenset(state for state in NEXT_STAGE if state not in (State.DELIVERED, State.REJECTED))


def default_workers() -> int:
    """One worker thread per core: OCR runs in a subprocess, so threads use the cores."""
    return max(1, os.cpu_count() or 1)


def run(
    rt: Runtime,
    *,
    until_idle: bool,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    stop: threading.Event | None = None,
    runner: StageRunner = real_runner,
    options: BrokerOptions | None = None,
    reconcile_seconds: float = RECONCILE_SECONDS,
    seal_seconds: float = SEAL_SECONDS,
    processes: int | None = None,
) -> WorkSummary:
    """Run the pipeline in this process until idle (``until_idle``) or until ``stop`` is set.

    With ``processes``, the stages run in that many child processes (:mod:`workers.pool`) and
    ``workers`` defaults to the same number: the way to use several cores, since the stages' Python
    work holds the interpreter lock.
    """
    pool = None
    if processes is not None:
        from workers.pool import ProcessRunner

        pool = runner = ProcessRunner(rt.settings, processes)
        workers = workers or processes
    try:
        return _run(
            rt,
            until_idle=until_idle,
            workers=workers,
            progress=progress,
            stop=stop,
            runner=runner,
            options=options,
            reconcile_seconds=reconcile_seconds,
            seal_seconds=seal_seconds,
        )
    finally:
        if pool is not None:
            pool.close()


def _run(
    rt: Runtime,
    *,
    until_idle: bool,
    workers: int | None,
    progress: Callable[[Progress], None] | None,
    stop: threading.Event | None,
    runner: StageRunner,
    options: BrokerOptions | None,
    reconcile_seconds: float,
    seal_seconds: float,
) -> WorkSummary:
    options = options or BrokerOptions(min_backoff_ms=1_000, max_backoff_ms=60_000)
    install_log_scrubber()
    wake = threading.Event()
    broker = StubBroker(middleware=[*middleware(rt.settings, options), _WakeOnDone(wake)])
    setup(rt.settings, lambda: rt, options=options, runner=runner, ticks=Ticks(), broker=broker)
    publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, options))
    seal_all = seal_all_job()
    stop = stop or threading.Event()
    # dramatiq's command line emits process_boot; in-process we must, or TimeLimit never starts its
    # watchdog thread and no stage is ever stopped at its time limit.
    broker.emit_after("process_boot")
    worker = dramatiq.Worker(broker, worker_threads=workers or default_workers(), worker_timeout=100)
    started = time.monotonic()
    published = requeued = parked = 0
    errors: list[str] = []
    idle = False
    worker.start()
    try:
        restarted = _enqueue_unfinished(rt, publish)
        next_reconcile = next_seal = time.monotonic()
        while not stop.is_set():
            try:
                published += dispatch_pending(rt, publish)
                now = time.monotonic()
                if now >= next_reconcile:
                    next_reconcile = now + reconcile_seconds  # first: a failing tick waits its period
                    result = reconcile_once(rt)
                    requeued, parked = requeued + result.requeued, parked + result.parked
                if now >= next_seal:
                    next_seal = now + seal_seconds
                    if seal_all is not None:
                        _tick(seal_all, rt, errors)
                    _tick(purge_due, rt, errors)
                queued = _queued(broker)
                outbox = _outbox_size(rt) if queued == 0 else -1
                counts = _counts(rt)
                if progress is not None:
                    progress(Progress(counts, queued, max(outbox, 0), time.monotonic() - started))
                if until_idle and queued == 0 and outbox == 0:
                    if not any(counts.get(state) for state in TO_REVIEW):
                        idle = True
                        break
                    # Nothing queued, nothing in flight, nothing to publish: these items have no message.
                    result = reconcile_once(rt, deadlines=_zero_deadlines())
                    requeued, parked = requeued + result.requeued, parked + result.parked
                    continue  # publish what the reconciler wrote without waiting
                _forget_dead_letters(broker)
            except Exception as exc:
                # A database or store hiccup must not end the run: note the type, wait, go again.
                errors.append(type(exc).__name__)
            # A finished message has usually left an outbox row for the next stage: go again at once
            # rather than let a worker sit idle for the rest of the poll interval.
            _pause(stop, wake, POLL_SECONDS)
    finally:
        worker.stop()
        broker.close()
    return WorkSummary(
        counts=_counts(rt),
        elapsed=time.monotonic() - started,
        published=published,
        requeued=requeued,
        parked_stalled=parked,
        idle=idle,
        restarted=restarted,
        errors=errors,
    )


def _pause(stop: threading.Event, wake: threading.Event, seconds: float) -> None:
    """Wait until a worker is done with a message, ``stop`` is set, or ``seconds`` have passed."""
    end = time.monotonic() + seconds
    while not stop.is_set() and (left := end - time.monotonic()) > 0:
        if wake.wait(min(left, 0.1)):
            break
    wake.clear()


class _WakeOnDone(dramatiq.Middleware):
    """Sets ``wake`` whenever a worker is done with a message (run, failed or skipped)."""

    def __init__(self, wake: threading.Event) -> None:
        self.wake = wake

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        self.wake.set()

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        self.wake.set()


def _tick(job: Callable[[Runtime], object], rt: Runtime, errors: list[str]) -> None:
    # A tick's failure (one partner without recipients, say) must not stop the stages or the idle check.
    try:
        job(rt)
    except Exception as exc:
        errors.append(type(exc).__name__)


def _zero_deadlines() -> dict[State, timedelta]:
    return {state: timedelta(0) for state in TO_REVIEW}


def _enqueue_unfinished(rt: Runtime, publish: Callable[[str, str], None]) -> int:
    """Enqueue every item in a worker-driven state: the previous process's in-memory queues are gone.

    Items with a message still waiting in the outbox are left to the dispatcher (no duplicate run).
    """
    deadlines = stuck_deadlines(rt.settings.pipeline)
    waiting = select(OutboxMessage.item_id).where(OutboxMessage.published_at.is_(None))
    with rt.readonly() as session:
        rows = list(
            session.execute(
                select(Item.id, Item.state).where(Item.state.in_(list(deadlines)), Item.id.not_in(waiting))
            )
        )
    for item_id, state in rows:
        publish(NEXT_STAGE[state].value, item_id)
    return len(rows)


def _queued(broker: StubBroker) -> int:
    return sum(queue.unfinished_tasks for queue in broker.queues.values())


def _outbox_size(rt: Runtime) -> int:
    with rt.readonly() as session:
        return int(session.scalar(select(func.count()).where(OutboxMessage.published_at.is_(None))) or 0)


def _counts(rt: Runtime) -> dict[State, int]:
    with rt.readonly() as session:
        return count_by_state(session)


def _forget_dead_letters(broker: StubBroker) -> None:
    # The stub broker keeps every dead-lettered message (and its exception) in memory for tests to
    # inspect; a long embedded run must not grow with them. The database has the item's state and code.
    for messages in broker.dead_letters_by_queue.values():
        messages.clear()
