"""dramatiq actors and broker set-up for relay's pipeline.

- ``broker``: the broker from ``settings.broker.url`` (Redis, RabbitMQ, or the in-process stub) and the
  middleware stack (time limits, retries as transport, content scrubbing, metrics).
- ``app``: one actor per stage around :func:`relay.jobs.run_stage`, the periodic ticks, eager dispatch.
- ``actors``: the entry point of distributed worker processes, ``dramatiq workers.actors``.
- ``embedded``: everything in one process for ``relay work`` in embedded mode.
- ``coordinator``: dispatcher, reconciler and ticks for ``relay work`` in distributed mode.
- ``scrub``: keeps document content out of broker messages and logs.
- ``metrics``: Prometheus metrics (labels: stage, outcome, code; never IDs or content).
"""
