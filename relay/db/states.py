"""The item state machine: the states, the one table of allowed moves, and what moves each state on.

::

    received → sanitized → extracted → detected → redacted → awaiting_review → approved → sealed → staged
                                                                      ↘ rejected         → delivered → purged
    any state a worker moves on ──(attempts exhausted, or a permanent error)──▶ failed ──(retry)──▶ back

``failed`` remembers the state it was entered from (``items.failed_from``) and a retry returns exactly
there, so a retried item re-runs only the stage that failed. Rejected, delivered and failed items are
purged when their retention runs out. This module is data only; :mod:`relay.db.transitions` applies it to
rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from enum import StrEnum
from typing import Final

from relay.settings import PipelineSettings


class State(StrEnum):
    """Where an item is. Stable strings: they are stored in the database and in audit events."""

    RECEIVED = "received"
    SANITIZED = "sanitized"
    EXTRACTED = "extracted"
    DETECTED = "detected"
    REDACTED = "redacted"
    AWAITING_REVIEW = "awaiting_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    SEALED = "sealed"
    STAGED = "staged"
    DELIVERED = "delivered"
    PURGED = "purged"
    FAILED = "failed"


class Stage(StrEnum):
    """A unit of work a worker runs on an item; the value is also the name of the actor that runs it."""

    SANITIZE = "sanitize"
    EXTRACT = "extract"
    DETECT = "detect"
    REDACT = "redact"
    SEAL = "seal"
    STAGE = "stage"
    PURGE = "purge"


# The stage that moves an item out of each state. States missing here wait for a person (review), a
# partner (acknowledging a staged bundle) or nothing at all (purged, failed).
NEXT_STAGE: Final[Mapping[State, Stage]] = {
    State.RECEIVED: Stage.SANITIZE,
    State.SANITIZED: Stage.EXTRACT,
    State.EXTRACTED: Stage.DETECT,
    State.DETECTED: Stage.REDACT,
    State.REDACTED: Stage.REDACT,  # the redact actor also publishes the item for review
    State.APPROVED: Stage.SEAL,
    State.SEALED: Stage.STAGE,
    State.DELIVERED: Stage.PURGE,
    State.REJECTED: Stage.PURGE,
}

# States a worker can fail in, and so the states ``failed`` can be entered from and return to.
FAILABLE: Final[frozenset[State]] = frozenset(NEXT_STAGE)

_FORWARD: Final[frozenset[tuple[State, State]]] = frozenset(
    {
        (State.RECEIVED, State.SANITIZED),
        (State.SANITIZED, State.EXTRACTED),
        (State.EXTRACTED, State.DETECTED),
        (State.DETECTED, State.REDACTED),
        (State.REDACTED, State.AWAITING_REVIEW),
        (State.AWAITING_REVIEW, State.APPROVED),
        (State.AWAITING_REVIEW, State.REJECTED),
        (State.APPROVED, State.SEALED),
        (State.SEALED, State.STAGED),
        (State.STAGED, State.DELIVERED),
        (State.DELIVERED, State.PURGED),
        (State.REJECTED, State.PURGED),
        (State.FAILED, State.PURGED),
    }
)

# THE table of allowed moves. Everything else is refused with ``transition_forbidden``.
TRANSITIONS: Final[frozenset[tuple[State, State]]] = (
    _FORWARD
    | {(state, State.FAILED) for state in FAILABLE}
    | {(State.FAILED, state) for state in FAILABLE}  # retry: only back to the state recorded at failure
)

# Where the reconciler looks: the stage whose time limit bounds how long an item may sit in each state.
_LIMITED_BY: Final[Mapping[State, str]] = {
    State.RECEIVED: "sanitize",
    State.SANITIZED: "extract",
    State.EXTRACTED: "detect",
    State.DETECTED: "redact",
    State.REDACTED: "redact",
    State.APPROVED: "seal",
    State.SEALED: "stage",
}


def allowed(from_state: State, to_state: State) -> bool:
    """Whether the table allows moving from ``from_state`` to ``to_state``."""
    return (from_state, to_state) in TRANSITIONS


def stuck_deadlines(pipeline: PipelineSettings) -> dict[State, timedelta]:
    """How long an item may sit in each worker-driven state before the reconciler calls it stuck.

    ``stuck_after_seconds`` plus the time limit of the stage working on that state: a run that starts just
    before the window closes still gets its full time limit. Delivered and rejected items are absent:
    retention, not a deadline, decides when they are purged.
    """
    limits = pipeline.time_limits_seconds
    return {
        state: timedelta(seconds=pipeline.stuck_after_seconds + getattr(limits, stage))
        for state, stage in _LIMITED_BY.items()
    }
