"""The actors for worker processes started by tests: ``dramatiq worker_app --path tests/workers``.

Like workers.actors, with the knobs tests need, read from TEST_* variables: a Redis namespace and queue
prefix of the test's own (tests share the real Redis and RabbitMQ), a short heartbeat with maintenance on
every command (dramatiq's Redis broker requeues a dead worker's messages only then), short backoff, and
the stand-in stage unless TEST_RUNNER=real.
"""

from __future__ import annotations

import os

import dramatiq
from workers_support import step_runner

from relay.runtime import Runtime
from relay.settings import load_settings
from workers.app import LazyRuntime, Ticks, real_runner, setup
from workers.broker import BrokerOptions

settings = load_settings(os.environ)
options = BrokerOptions(
    namespace=os.environ.get("TEST_NAMESPACE", "relaytest"),
    queue_prefix=os.environ.get("TEST_QUEUE_PREFIX", ""),
    heartbeat_timeout_ms=int(os.environ.get("TEST_HEARTBEAT_MS", "2000")),
    maintenance_chance=1_000_000,
    min_backoff_ms=200,
    max_backoff_ms=1_000,
)
runtime = LazyRuntime(lambda: Runtime.open(settings, upgrade_schema=False))
runner = real_runner if os.environ.get("TEST_RUNNER") == "real" else step_runner
workers = setup(settings, runtime, options=options, runner=runner, ticks=Ticks())
broker = workers.broker
dramatiq.set_broker(broker)
