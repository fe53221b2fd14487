"""The worker processes' entry point: ``dramatiq workers.actors``.

Importing this module reads the settings from the environment (RELAY_* variables and RELAY_CONFIG, as
the ``relay`` command does), builds the broker they name, makes it dramatiq's global broker and declares
every actor on it. Each worker process opens its own Runtime (database, object store, keys) on its first
message, after dramatiq has forked it; the schema is never migrated from here (many processes start at
once), so run a ``relay`` command (``relay work`` does) before starting workers on a new database.

dramatiq's Prometheus exporter is switched on when ``PROMETHEUS_MULTIPROC_DIR`` is set (it must be set
before the processes start; see deploy/relay-worker.service). Each process loads the detector's models
when it boots (WarmUp), before taking messages.
"""

from __future__ import annotations

import os

import dramatiq

from relay.runtime import Runtime
from relay.settings import load_settings
from workers.app import LazyRuntime, WarmUp, setup
from workers.broker import BrokerOptions

settings = load_settings(os.environ)
runtime = LazyRuntime(lambda: Runtime.open(settings, upgrade_schema=False))
workers = setup(settings, runtime, options=BrokerOptions(prometheus="PROMETHEUS_MULTIPROC_DIR" in os.environ))
broker = workers.broker
broker.add_middleware(WarmUp())
dramatiq.set_broker(broker)
