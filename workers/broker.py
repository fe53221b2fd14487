"""The dramatiq broker relay's workers run on, built from ``settings.broker.url``.

- ``redis://`` (the distributed default): :class:`RedisBroker`. A message held by a worker that dies is
  requeued only by the broker's random maintenance pass after ``heartbeat_timeout``; the reconciler
  (:mod:`relay.reconcile`) is what bounds the wait in production, the options here are for tests.
- ``amqp://``: :class:`RabbitmqBroker` with durable queues (dramatiq's default) and publisher confirms, so
  a publish that returns has been taken by the server.
- ``stub://``: :class:`StubBroker`, in-process, for embedded mode (``relay work``). Its queues live in
  memory: :func:`workers.embedded.run` re-enqueues worker-driven items on start.

The middleware is the same everywhere: per-actor time limits, retries with backoff as transport only (the
database's attempt counter is what parks an item), the content scrubber, relay's stage metrics and,
optionally, dramatiq's Prometheus exporter.
"""

from __future__ import annotations

from dataclasses import dataclass

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import (
    AgeLimit,
    Middleware,
    Retries,
    ShutdownNotifications,
    TimeLimit,
)

from relay.settings import Settings
from workers.scrub import ContentScrubber, install_log_scrubber


@dataclass(frozen=True)
class BrokerOptions:
    """Knobs that are not settings because only tests and benchmarks turn them.

    ``namespace`` prefixes Redis keys; ``queue_prefix`` prefixes every queue name (RabbitMQ has no
    namespace, so tests sharing one server use it to keep apart).
    """

    namespace: str = "relay"
    queue_prefix: str = ""
    heartbeat_timeout_ms: int = 60_000
    maintenance_chance: int = 1_000  # per million Redis commands, dramatiq's default
    min_backoff_ms: int = 5_000
    max_backoff_ms: int = 10 * 60_000
    prometheus: bool = False  # dramatiq's exporter: only under `dramatiq` (it forks an HTTP server)


def middleware(settings: Settings, options: BrokerOptions) -> list[Middleware]:
    """The middleware stack, in order. Time limits are per actor (``time_limit``), set on declaration."""
    stack: list[Middleware] = [
        AgeLimit(),
        # A fallback limit for actors without their own; stage actors carry their stage's.
        TimeLimit(time_limit=max(settings.pipeline.time_limits_seconds.model_dump().values()) * 1000),
        ShutdownNotifications(),
        Retries(
            # As many redeliveries as the database allows attempts: run_stage returns normally once the
            # database has parked the item, so the database, not dramatiq, is what gives up.
            max_retries=settings.pipeline.max_attempts,
            min_backoff=options.min_backoff_ms,
            max_backoff=options.max_backoff_ms,
        ),
        # After Retries: its after_process_message runs first (dramatiq reverses the order for after_*).
        ContentScrubber(),
    ]
    if options.prometheus:
        from dramatiq.middleware.prometheus import Prometheus

        stack.append(Prometheus())
    return stack


def build_broker(settings: Settings, options: BrokerOptions | None = None) -> dramatiq.Broker:
    """A broker for ``settings.broker.url`` with relay's middleware. Also installs the log scrubber."""
    options = options or BrokerOptions()
    install_log_scrubber()
    stack = middleware(settings, options)
    url = settings.broker.url
    kind = settings.broker.kind
    if kind == "stub":
        return StubBroker(middleware=stack)
    if kind == "redis":
        return RedisBroker(  # type: ignore[no-untyped-call]
            url=url,
            middleware=stack,
            namespace=options.namespace,
            heartbeat_timeout=options.heartbeat_timeout_ms,
            maintenance_chance=options.maintenance_chance,
        )
    return RabbitmqBroker(url=url, middleware=stack, confirm_delivery=True)


def queue_name(actor_name: str, options: BrokerOptions) -> str:
    """The queue an actor's messages go to: one queue per actor, so each stage can be scaled alone."""
    return f"{options.queue_prefix}{actor_name}"
