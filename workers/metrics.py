"""Prometheus metrics of the pipeline: stage latency and outcomes, dispatching and reconciling.

Labels are stage names, outcomes and relay's stable error codes, never item IDs or anything from a
document (a label value is stored by Prometheus for as long as the series lives). The metrics live in
prometheus-client's default registry: with ``PROMETHEUS_MULTIPROC_DIR`` set before start-up (the systemd
unit does), dramatiq's Prometheus middleware exports them from every worker process on its one port
(``dramatiq_prom_port``); in one process, :func:`serve` exposes them.
"""

from __future__ import annotations

import re
from typing import Final

from prometheus_client import Counter, Histogram, start_http_server

_CODE_RE: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")
NO_CODE: Final = "none"
OTHER_CODE: Final = "other"

STAGE_RUNS = Counter(
    "relay_stage_runs_total",
    "Stage runs by stage, outcome (done, skipped, parked, retry, error) and stable error code.",
    ["stage", "outcome", "code"],
)
STAGE_SECONDS = Histogram(
    "relay_stage_duration_seconds",
    "Wall time of one stage run, by stage and outcome.",
    ["stage", "outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 1800),
)
DISPATCHED = Counter("relay_outbox_published_total", "Outbox messages handed to the broker.")
DISPATCH_ERRORS = Counter(
    "relay_outbox_publish_errors_total", "Dispatcher passes cut short by a broker or database error."
)
RECONCILED = Counter(
    "relay_reconciled_total",
    "Stuck items the reconciler re-enqueued (requeued) or parked after too many stalls (parked).",
    ["outcome"],
)


def safe_code(code: str | None) -> str:
    """A label value for an error code: the code if it is code-shaped, else a fixed placeholder."""
    if code is None:
        return NO_CODE
    return code if _CODE_RE.fullmatch(code) else OTHER_CODE


def observe_stage(stage: str, outcome: str, code: str | None, seconds: float) -> None:
    """Count one stage run and its duration."""
    STAGE_RUNS.labels(stage=stage, outcome=outcome, code=safe_code(code)).inc()
    STAGE_SECONDS.labels(stage=stage, outcome=outcome).observe(seconds)


def serve(port: int, addr: str = "127.0.0.1") -> None:
    """Expose this process's metrics over HTTP on ``addr:port`` (a daemon thread)."""
    start_http_server(port, addr=addr)
