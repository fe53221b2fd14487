"""Declaring relay's actors on a broker: one per stage, plus the periodic ticks.

Each stage actor takes an item ID and calls :func:`relay.jobs.run_stage` (or an injected stand-in), which
does the work idempotently against the database. What the actor adds is transport: metrics, and making
sure that what dramatiq retries (and so copies into the broker and the logs) carries no content. The
Runtime comes from a provider, so ``dramatiq workers.actors`` builds one lazily per process while tests
and embedded mode hand in their own.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import dramatiq
from dramatiq.middleware import Middleware

from relay.db.states import Stage
from relay.dispatch import broker_publisher, dispatch_pending
from relay.errors import RelayError
from relay.jobs import StageFailed, purge_due, run_stage
from relay.reconcile import reconcile_once
from relay.runtime import Runtime
from relay.settings import Settings
from workers import metrics
from workers.broker import BrokerOptions, build_broker, queue_name
from workers.scrub import code_of

log = logging.getLogger(__name__)

# (runtime, stage, item ID) -> outcome value ("done", "skipped", "parked"); raises to ask for a retry.
StageRunner = Callable[[Runtime, Stage, str], str]
RuntimeProvider = Callable[[], Runtime]

TICK_DISPATCH: Final = "dispatch_outbox"
TICK_RECONCILE: Final = "reconcile"
TICK_SEAL_ALL: Final = "seal_all"
TICK_PURGE_DUE: Final = "purge_due"
INTERNAL_ERROR: Final = "internal_error"


class StageError(RelayError):
    """A stage run ended in an exception; carries only the original's type name and stable code."""

    code = INTERNAL_ERROR


def real_runner(rt: Runtime, stage: Stage, item_id: str) -> str:
    """The production stage runner: :func:`relay.jobs.run_stage`."""
    return run_stage(rt, stage, item_id, actor=f"worker:{stage.value}").value


class LazyRuntime:
    """One Runtime per process, opened on first use (after dramatiq has forked its worker processes)."""

    def __init__(self, opener: Callable[[], Runtime]) -> None:
        self._opener = opener
        self._lock = threading.Lock()
        self._runtime: Runtime | None = None

    def __call__(self) -> Runtime:
        with self._lock:
            if self._runtime is None:
                self._runtime = self._opener()
            return self._runtime

    def close(self) -> None:
        with self._lock:
            if self._runtime is not None:
                self._runtime.close()
                self._runtime = None


def run_stage_for_actor(
    runner: StageRunner,
    runtime: RuntimeProvider,
    stage: Stage,
    item_id: str,
    *,
    after_done: Callable[[Runtime], object] | None = None,
) -> None:
    """Run one stage for an actor: count it, and re-raise failures stripped of content.

    Whatever escapes is raised afresh ``from None`` with a content-free message, so the traceback dramatiq
    formats (into the retried message and the log) holds no chained exception that might quote a letter.
    dramatiq's interrupts (time limit, shutdown) pass through untouched; run_stage has counted them.

    ``after_done`` runs once the stage has moved the item on: eager dispatch, which hands the next
    stage's message to the broker at once instead of at the coordinator's next pass. Its failure is
    logged and ignored: the stage has committed, and the coordinator publishes what is left.
    """
    started = time.monotonic()
    outcome, code = "error", None
    try:
        outcome = runner(runtime(), stage, item_id)
    except Exception as exc:
        code = code_of(exc) or INTERNAL_ERROR
        # StageFailed: counted in the database, to be retried. Anything else escaped run_stage (the
        # database or the store was unreachable while counting): dramatiq retries it all the same, and
        # the reconciler counts it as stalled if the retries run out.
        outcome = "retry" if isinstance(exc, StageFailed) else "error"
        raise StageError(f"{type(exc).__name__} in stage {stage.value}", code=code) from None
    except BaseException:
        outcome = "interrupted"  # a time limit or shutdown; the scrubber middleware covers its traceback
        raise
    finally:
        metrics.observe_stage(stage.value, outcome, code, time.monotonic() - started)
    if after_done is not None and outcome == "done":
        try:
            after_done(runtime())
        except Exception:
            log.warning("eager dispatch after %s failed; the coordinator publishes later", stage.value)


@dataclass(frozen=True)
class Ticks:
    """The periodic jobs, each a function of the Runtime (for the tick actors and the embedded loop)."""

    dispatch: Callable[[Runtime], object] | None = None
    reconcile: Callable[[Runtime], object] | None = None
    seal_all: Callable[[Runtime], object] | None = None
    purge_due: Callable[[Runtime], object] | None = None


def declare_actors(
    broker: dramatiq.Broker,
    runtime: RuntimeProvider,
    *,
    time_limits_seconds: dict[str, int],
    options: BrokerOptions | None = None,
    runner: StageRunner = real_runner,
    ticks: Ticks | None = None,
    after_done: Callable[[Runtime], object] | None = None,
) -> dict[str, dramatiq.Actor[Any, Any]]:
    """Declare one actor per :class:`Stage` (named after it) and an actor per tick on ``broker``.

    ``after_done`` is passed to :func:`run_stage_for_actor` (eager dispatch)."""
    options = options or BrokerOptions()
    declared: dict[str, dramatiq.Actor[Any, Any]] = {}
    fallback = max(time_limits_seconds.values())
    for stage in Stage:

        def work(item_id: str, _stage: Stage = stage) -> None:
            run_stage_for_actor(runner, runtime, _stage, item_id, after_done=after_done)

        work.__name__ = work.__qualname__ = stage.value
        declared[stage.value] = dramatiq.actor(
            actor_name=stage.value,
            queue_name=queue_name(stage.value, options),
            broker=broker,
            time_limit=time_limits_seconds.get(stage.value, fallback) * 1000,
        )(work)
    for name, job in _tick_jobs(ticks or Ticks()).items():

        def tick(_job: Callable[[Runtime], object] = job) -> None:
            _job(runtime())

        tick.__name__ = tick.__qualname__ = name
        declared[name] = dramatiq.actor(
            actor_name=name,
            queue_name=queue_name("ticks", options),
            broker=broker,
            # A tick runs again on the next period; retrying a stale one only piles them up.
            max_retries=0,
            time_limit=fallback * 1000,
        )(tick)
    return declared


def _tick_jobs(ticks: Ticks) -> dict[str, Callable[[Runtime], object]]:
    jobs = {
        TICK_DISPATCH: ticks.dispatch,
        TICK_RECONCILE: ticks.reconcile,
        TICK_SEAL_ALL: ticks.seal_all,
        TICK_PURGE_DUE: ticks.purge_due,
    }
    return {name: job for name, job in jobs.items() if job is not None}


def seal_all_job() -> Callable[[Runtime], object] | None:
    """relay.sealer.seal_all as a tick, or None while that module does not exist."""
    try:
        sealer = importlib.import_module("relay.sealer")
    except ModuleNotFoundError as exc:
        if exc.name != "relay.sealer":
            raise  # the sealer exists but is broken: say so rather than quietly never sealing
        return None
    seal_all: Callable[..., object] = sealer.seal_all

    def job(rt: Runtime) -> object:
        return seal_all(rt, actor="worker:seal_all")

    return job


def default_ticks(broker: dramatiq.Broker, options: BrokerOptions | None = None) -> Ticks:
    """The production ticks: dispatch the outbox to ``broker``, reconcile, seal, enqueue due purges."""
    options = options or BrokerOptions()
    publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, options))

    def dispatch(rt: Runtime) -> object:
        return dispatch_pending(rt, publish)

    def purge(rt: Runtime) -> object:
        return purge_due(rt)

    return Ticks(dispatch=dispatch, reconcile=reconcile_once, seal_all=seal_all_job(), purge_due=purge)


@dataclass(frozen=True)
class Workers:
    """A broker with relay's actors declared on it."""

    broker: dramatiq.Broker
    actors: dict[str, dramatiq.Actor[Any, Any]]
    options: BrokerOptions


def setup(
    settings: Settings,
    runtime: RuntimeProvider,
    *,
    options: BrokerOptions | None = None,
    runner: StageRunner = real_runner,
    ticks: Ticks | None = None,
    broker: dramatiq.Broker | None = None,
    eager_dispatch: bool = True,
) -> Workers:
    """Build the broker for ``settings`` (unless given) and declare every actor on it.

    ``ticks`` defaults to :func:`default_ticks` on that broker. With ``eager_dispatch`` a stage that moved
    its item on publishes the outbox right away (the coordinator remains the safety net), which takes
    the dispatcher's polling interval out of every hop between stages.
    """
    options = options or BrokerOptions()
    broker = broker if broker is not None else build_broker(settings, options)
    publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, options))

    def dispatch(rt: Runtime) -> object:
        return dispatch_pending(rt, publish, max_batches=1)

    actors = declare_actors(
        broker,
        runtime,
        time_limits_seconds=settings.pipeline.time_limits_seconds.model_dump(),
        options=options,
        runner=runner,
        ticks=ticks if ticks is not None else default_ticks(broker, options),
        after_done=dispatch if eager_dispatch else None,
    )
    return Workers(broker=broker, actors=actors, options=options)


def warm_up() -> float:
    """Load the detector's models and rules now (seconds taken) rather than on the first letter.

    Kiwi's model and the gazetteers take about a second to load; a worker process does it once, at boot, so
    the first item is not slower than the rest and the metrics' stage latencies stay honest.

    OpenCV is also set to one thread here. A worker already runs a page per core, so OpenCV's own threads
    only cost CPU: measured on two cores, page preparation with OpenCV's default of two threads took about
    a third more CPU per page (labelling connected components with their statistics, three times per page,
    14 ms against 5 ms on one thread). Tesseract runs with one OpenMP thread for the same reason.
    """
    import cv2

    from relay.detect import detect

    cv2.setNumThreads(1)
    started = time.monotonic()
    detect("사랑하는 동생에게 편지를 씁니다.")
    return time.monotonic() - started


class WarmUp(Middleware):
    """Runs :func:`warm_up` in each worker process before it takes messages."""

    def before_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        seconds = warm_up()
        log.info("models loaded in %.1f s", seconds)
