"""The reconciler: re-enqueues items whose state has not moved within their stage's deadline.

A worker killed mid-stage, a message lost with a broker, a dispatcher that published into a queue nobody
reads: each leaves an item sitting in a worker-driven state. The database knows how long it has sat there
(``state_changed_at``), so a periodic pass finds such items (:func:`relay.db.transitions.stuck_items` with
the deadlines of :func:`relay.db.states.stuck_deadlines`) and, for each, in one transaction:

- claims it by compare-and-set on ``updated_at``, so two reconcilers (or two passes) never both act on
  it, and it is not touched again until another whole deadline has passed without progress;
- counts a failed attempt with the stable code ``stalled`` (:func:`relay.db.transitions.fail`), so an item
  that keeps getting stuck is parked in ``failed`` after ``max_attempts``, visible and retryable;
- if it was not parked, writes the stage's message to the outbox: it is published only once this
  transaction has committed, so a crash in between loses nothing.

A stage that is merely slow is not disturbed: the deadline is ``stuck_after_seconds`` plus the stage's
time limit, by which time dramatiq has stopped the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import update
from sqlalchemy.orm import Session

from relay.db.coltypes import utcnow
from relay.db.models import Item
from relay.db.outbox import add_message
from relay.db.states import NEXT_STAGE, State, stuck_deadlines
from relay.db.transitions import FailOutcome, fail, stuck_items
from relay.runtime import Runtime

STALLED: Final = "stalled"
ACTOR: Final = "reconciler"


@dataclass(frozen=True)
class ReconcileResult:
    """What one pass did."""

    requeued: int = 0  # attempt counted, stage message written to the outbox
    parked: int = 0  # attempts exhausted: moved to failed with code "stalled"
    skipped: int = 0  # moved on, or claimed by someone else, between finding and claiming it


def reconcile_once(
    rt: Runtime,
    *,
    now: datetime | None = None,
    deadlines: Mapping[State, timedelta] | None = None,
    limit: int = 100,
    actor: str = ACTOR,
) -> ReconcileResult:
    """One pass over stuck items, each in its own short transaction. ``deadlines`` defaults to the
    settings' (:func:`~relay.db.states.stuck_deadlines`); embedded mode passes zero deadlines when its
    in-process queues are empty, since then nothing can be working on any item."""
    at = now or utcnow()
    limits = stuck_deadlines(rt.settings.pipeline) if deadlines is None else deadlines
    with rt.readonly() as session:
        # Oldest first. Rows claimed in the last window are filtered out when claiming.
        found = [(item.id, item.state) for item in stuck_items(session, at, limits, limit=limit)]
    requeued = parked = skipped = 0
    for item_id, state in found:
        with rt.sessions.begin() as session:
            outcome = _requeue(session, item_id, state, at - limits[state], at, actor=actor, rt=rt)
        if outcome is FailOutcome.RETRYING:
            requeued += 1
        elif outcome is FailOutcome.PARKED:
            parked += 1
        else:
            skipped += 1
    return ReconcileResult(requeued=requeued, parked=parked, skipped=skipped)


def _requeue(
    session: Session, item_id: str, state: State, cutoff: datetime, at: datetime, *, actor: str, rt: Runtime
) -> FailOutcome:
    # The claim: only a row still in ``state`` and not touched since the cutoff. fail() then sets
    # updated_at to ``at``, which keeps every later pass away until a full deadline has gone by again.
    claimed = session.execute(
        update(Item)
        .where(Item.id == item_id, Item.state == state, Item.updated_at < cutoff)
        .values(updated_at=at)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return FailOutcome.STALE
    outcome = fail(
        session, item_id, state, STALLED, actor=actor, max_attempts=rt.settings.pipeline.max_attempts, now=at
    )
    if outcome is FailOutcome.RETRYING:
        add_message(session, NEXT_STAGE[state].value, item_id, now=at)
    return outcome
