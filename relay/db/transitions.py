"""Moving items through the state machine of :mod:`relay.db.states`, safely under concurrency.

Every move is a compare-and-set: ``UPDATE items SET state = :to … WHERE id = :id AND state = :from``. Two
workers racing to move the same item both run it; the database lets exactly one match, the other sees no
row changed and backs off. Each move writes its audit event (and, if asked, its outbox message) in the
same transaction, so a rollback leaves no trace of a move that did not happen.

Failures: :func:`fail` counts an attempt and records a stable error code; after ``max_attempts`` (or at
once, for a permanent error such as unreadable input) the item is parked in ``failed``, visible, and
:func:`retry` sends it back to the state it failed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, distinct, exists, func, or_, select, update
from sqlalchemy.orm import Session

from relay.db import audit
from relay.db.codes import check_actor, check_actor_name, check_code
from relay.db.coltypes import utcnow
from relay.db.models import Decision, Item, Risk, Verdict
from relay.db.outbox import add_message
from relay.db.states import FAILABLE, NEXT_STAGE, Stage, State, allowed
from relay.errors import (
    APPROVAL_REQUIRED,
    NOT_FAILED,
    REJECTION_REQUIRED,
    SECOND_MODERATOR_REQUIRED,
    TRANSITION_FORBIDDEN,
    NotACode,
    RecordNotFound,
    StateError,
)


class FailOutcome(StrEnum):
    """What :func:`fail` did."""

    RETRYING = "retrying"  # attempt counted; the broker's retry (or the reconciler) will run it again
    PARKED = "parked"  # moved to ``failed``: attempts exhausted or the error is permanent
    STALE = "stale"  # the item was no longer in that state (another worker moved it); nothing recorded


def transition(
    session: Session,
    item_id: str,
    from_state: State,
    to_state: State,
    *,
    actor: str,
    code: str | None = None,
    enqueue: str | None = None,
    now: datetime | None = None,
) -> bool:
    """Move the item from ``from_state`` to ``to_state`` if it is still in ``from_state``.

    Returns True if this call moved it, False if the item was not in ``from_state`` (someone else moved
    it, or it does not exist). Raises StateError ``transition_forbidden`` for a move the table does not
    allow. Approve and reject also need the recorded decisions to support them, whoever calls this:
    StateError ``second_moderator_required`` / ``approval_required`` / ``rejection_required`` otherwise
    (moderators go through :func:`relay.db.repo.decide`). A retry (from ``failed``) may only go back to
    the state the item failed in. ``code`` is stored with the audit event (and, moving to ``failed``, as
    the item's error code). ``enqueue`` names an actor to publish the item to once the transaction
    commits (:mod:`relay.db.outbox`).
    """
    from_state, to_state = State(from_state), State(to_state)
    if not allowed(from_state, to_state):
        raise StateError(f"an item cannot move from {from_state} to {to_state}", code=TRANSITION_FORBIDDEN)
    check_actor(actor)
    if enqueue is not None:
        check_actor_name(enqueue)
    if code is not None:
        check_code(code)
    elif to_state is State.FAILED:
        raise NotACode("an item moves to failed only with a stable error code")
    at = now or utcnow()
    values: dict[str, Any] = {"state": to_state, "state_changed_at": at, "updated_at": at}
    where: list[ColumnElement[bool]] = [Item.id == item_id, Item.state == from_state]
    if to_state is State.FAILED:
        values.update(failed_from=from_state, last_error_code=code)
    else:
        # Moving on (or back, on retry) starts the next stage's attempts afresh.
        values.update(failed_from=None, attempts=0, last_error_code=None)
    if from_state is State.FAILED and to_state is not State.PURGED:
        where.append(Item.failed_from == to_state)
    if to_state is State.APPROVED:
        where.append(_approvals_suffice(item_id))
    elif to_state is State.REJECTED:
        where.append(_rejection_recorded(item_id))
    result = session.execute(
        update(Item).where(*where).values(values).execution_options(synchronize_session="fetch")
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        if from_state is State.AWAITING_REVIEW:
            _explain_refused_verdict(session, item_id, from_state, to_state)
        return False
    audit.record(
        session,
        audit.TRANSITION,
        actor=actor,
        item_id=item_id,
        from_state=from_state,
        to_state=to_state,
        code=code,
        at=at,
    )
    if enqueue is not None:
        add_message(session, enqueue, item_id, now=at)
    return True


def _approvals(item_id: str) -> Any:
    return (
        select(func.count(distinct(Decision.moderator_id)))
        .where(Decision.item_id == item_id, Decision.verdict == Verdict.APPROVE)
        .scalar_subquery()
    )


def _rejection_recorded(item_id: str) -> ColumnElement[bool]:
    return exists().where(Decision.item_id == item_id, Decision.verdict == Verdict.REJECT)


def _approvals_suffice(item_id: str) -> ColumnElement[bool]:
    # Checked inside the UPDATE itself, so no code path (UI, CLI, a buggy actor) can approve a high-risk
    # item on one moderator's word: the rule holds wherever the move comes from.
    needed = case((Item.risk == Risk.HIGH, 2), else_=1)
    return and_(_approvals(item_id) >= needed, ~_rejection_recorded(item_id))


def _explain_refused_verdict(session: Session, item_id: str, from_state: State, to_state: State) -> None:
    """Raise if a verdict move was refused by the decision rules rather than by a concurrent move."""
    current = session.execute(select(Item.state, Item.risk).where(Item.id == item_id)).one_or_none()
    if current is None or current.state is not from_state:
        return
    if to_state is State.REJECTED:
        raise StateError("reject the item through a moderator's decision", code=REJECTION_REQUIRED)
    if current.risk is Risk.HIGH and session.execute(select(_approvals(item_id))).scalar_one() == 1:
        raise StateError(
            "a high-risk item needs the approval of a second, different moderator",
            code=SECOND_MODERATOR_REQUIRED,
        )
    raise StateError("approve the item through a moderator's decision", code=APPROVAL_REQUIRED)


def fail(
    session: Session,
    item_id: str,
    state: State,
    code: str,
    *,
    actor: str,
    max_attempts: int,
    permanent: bool = False,
    now: datetime | None = None,
) -> FailOutcome:
    """Record that the stage working on the item (in ``state``) failed with the stable error ``code``.

    Counts an attempt and keeps ``code`` on the item (and in the audit log). When the attempts reach
    ``max_attempts`` (``settings.pipeline.max_attempts``), or at once if ``permanent`` (input that will
    never succeed), the item is parked in ``failed``. Nothing happens if the item has left ``state``.
    """
    state = State(state)
    if state not in FAILABLE:
        raise StateError(
            f"no worker runs on an item in {state}, so it cannot fail there", code=TRANSITION_FORBIDDEN
        )
    check_code(code)
    check_actor(actor)
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    at = now or utcnow()
    attempts = session.execute(
        update(Item)
        .where(Item.id == item_id, Item.state == state)
        .values(attempts=Item.attempts + 1, last_error_code=code, updated_at=at)
        .returning(Item.attempts)
        .execution_options(synchronize_session="fetch")
    ).scalar_one_or_none()
    if attempts is None:
        return FailOutcome.STALE
    audit.record(
        session, audit.ATTEMPT_FAILED, actor=actor, item_id=item_id, from_state=state, code=code, at=at
    )
    if permanent or attempts >= max_attempts:
        moved = transition(session, item_id, state, State.FAILED, actor=actor, code=code, now=at)
        return FailOutcome.PARKED if moved else FailOutcome.STALE
    return FailOutcome.RETRYING


def retry(
    session: Session, item_id: str, *, actor: str, enqueue: bool = True, now: datetime | None = None
) -> State:
    """Send a parked item back to the state it failed in, with its attempts reset; returns that state.

    With ``enqueue`` the stage that works on that state is put in the outbox (except purging, which runs
    when retention is due, not on demand). StateError ``not_failed`` if the item is not parked (or another
    retry got there first); RecordNotFound if there is no such item.
    """
    row = session.execute(select(Item.state, Item.failed_from).where(Item.id == item_id)).one_or_none()
    if row is None:
        raise RecordNotFound("there is no item with that ID")
    if row.state is not State.FAILED or row.failed_from is None:
        raise StateError("the item is not parked in failed", code=NOT_FAILED)
    target: State = row.failed_from
    stage = NEXT_STAGE.get(target)
    actor_name = stage.value if enqueue and stage is not None and stage is not Stage.PURGE else None
    if not transition(session, item_id, State.FAILED, target, actor=actor, enqueue=actor_name, now=now):
        raise StateError("the item is not parked in failed", code=NOT_FAILED)
    return target


def stuck_items(
    session: Session, now: datetime, deadlines: Mapping[State, timedelta], *, limit: int = 100
) -> list[Item]:
    """Items whose state has not changed for longer than the deadline of that state, oldest first.

    For the reconciler, which re-enqueues them (actors are idempotent) or parks them. States without a
    deadline are never stuck; :func:`relay.db.states.stuck_deadlines` builds the usual mapping.
    """
    if not deadlines:
        return []
    overdue = or_(
        *(
            and_(Item.state == state, Item.state_changed_at < now - after)
            for state, after in deadlines.items()
        )
    )
    return list(session.scalars(select(Item).where(overdue).order_by(Item.state_changed_at).limit(limit)))
