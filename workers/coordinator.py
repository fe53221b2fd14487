"""Distributed mode's coordinator: the dispatcher, the reconciler and the periodic ticks in one loop.

Stage work runs in ``dramatiq workers.actors`` processes; this loop (``relay work`` with a Redis or
RabbitMQ broker, deploy/relay-coordinator.service) hands the outbox to the broker every fraction of a
second and runs the reconciler, the sealer and the purge scheduler on their periods. Several coordinators
may run at once: the outbox is taken ``FOR UPDATE SKIP LOCKED`` and the reconciler claims items by
compare-and-set, so they divide the work instead of repeating it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

import dramatiq

from relay.db.outbox import Publisher
from relay.db.repo import count_by_state
from relay.dispatch import broker_publisher, dispatch_pending
from relay.jobs import purge_due
from relay.reconcile import reconcile_once
from relay.runtime import Runtime
from workers import metrics
from workers.app import seal_all_job
from workers.broker import BrokerOptions, queue_name
from workers.embedded import TO_REVIEW, Progress

POLL_SECONDS: Final = 0.5
PERIOD_SECONDS: Final = 60.0


@dataclass
class CoordinatorSummary:
    """What a coordinator run did."""

    published: int = 0
    requeued: int = 0
    parked_stalled: int = 0
    idle: bool = False
    errors: list[str] = field(default_factory=list)


def run_coordinator(
    rt: Runtime,
    broker: dramatiq.Broker,
    *,
    until_idle: bool = False,
    stop: threading.Event | None = None,
    progress: Callable[[Progress], None] | None = None,
    options: BrokerOptions | None = None,
    period_seconds: float = PERIOD_SECONDS,
    poll_seconds: float = POLL_SECONDS,
    publish: Publisher | None = None,
) -> CoordinatorSummary:
    """Loop until ``stop`` is set, or with ``until_idle`` until the outbox is empty and no item is on its
    way to review (the workers elsewhere have nothing left; workers.embedded says why approved items do
    not count). ``publish`` replaces the publisher built on ``broker`` (tests wrap it)."""
    options = options or BrokerOptions()
    if publish is None:
        publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, options))
    seal_all = seal_all_job()
    stop = stop or threading.Event()
    summary = CoordinatorSummary()
    started = time.monotonic()
    next_period = started
    while not stop.is_set():
        try:
            sent = dispatch_pending(rt, publish)
            summary.published += sent
            metrics.DISPATCHED.inc(sent)
            now = time.monotonic()
            if now >= next_period:
                next_period = now + period_seconds  # first: a failing tick waits its period
                result = reconcile_once(rt)
                summary.requeued += result.requeued
                summary.parked_stalled += result.parked
                metrics.RECONCILED.labels(outcome="requeued").inc(result.requeued)
                metrics.RECONCILED.labels(outcome="parked").inc(result.parked)
                for job in (seal_all, purge_due):
                    if job is not None:
                        _tick(job, rt, summary)
            with rt.readonly() as session:
                counts = count_by_state(session)
            if progress is not None:
                progress(Progress(counts, 0, 0, time.monotonic() - started))
            if until_idle and sent == 0 and not any(counts.get(s) for s in TO_REVIEW):
                summary.idle = True
                break
        except Exception as exc:
            # The broker or the database is down: what was not published stays in the outbox. Retry.
            metrics.DISPATCH_ERRORS.inc()
            summary.errors.append(type(exc).__name__)
        stop.wait(poll_seconds)
    return summary


def _tick(job: Callable[[Runtime], object], rt: Runtime, summary: CoordinatorSummary) -> None:
    # One tick failing (a partner without recipients) must not hold up dispatching or the other ticks.
    try:
        job(rt)
    except Exception as exc:
        summary.errors.append(type(exc).__name__)
