"""The outbox dispatcher and the reconciler, on SQLite and PostgreSQL, with the in-process broker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from db.fixtures import new_item
from dramatiq import Message
from dramatiq.brokers.stub import StubBroker
from sqlalchemy import select
from workers_support import transitions_of

from relay.db import outbox
from relay.db.coltypes import utcnow
from relay.db.models import AuditEvent, Item, OutboxMessage
from relay.db.states import State, stuck_deadlines
from relay.dispatch import broker_publisher, dispatch_once, dispatch_pending
from relay.reconcile import STALLED, reconcile_once
from relay.runtime import Runtime


def _stub_with_queues() -> StubBroker:
    return StubBroker()


def _queued_messages(broker: StubBroker, queue: str) -> list[Message[object]]:
    found = []
    q = broker.queues[queue]
    while not q.empty():
        found.append(Message.decode(q.get_nowait()))
        q.task_done()
    return found


def _enqueue(rt: Runtime, actor: str, item_id: str) -> None:
    with rt.sessions.begin() as session:
        outbox.add_message(session, actor, item_id)


def _unpublished(rt: Runtime) -> int:
    with rt.readonly() as session:
        query = select(OutboxMessage.id).where(OutboxMessage.published_at.is_(None))
        return len(list(session.scalars(query)))


def test_dispatch_sends_committed_messages_with_the_item_id_only(rt: Runtime) -> None:
    broker = _stub_with_queues()
    items = [new_item(rt.sessions) for _ in range(3)]
    for item_id in items:
        _enqueue(rt, "sanitize", item_id)
    with pytest.raises(RuntimeError), rt.sessions.begin() as session:  # rolled back: never published
        outbox.add_message(session, "extract", items[0])
        raise RuntimeError("rolled back")

    assert dispatch_pending(rt, broker_publisher(broker)) == 3
    messages = _queued_messages(broker, "sanitize")
    assert sorted(m.args[0] for m in messages) == sorted(items)
    assert all(m.actor_name == "sanitize" and len(m.args) == 1 and not m.kwargs for m in messages)
    assert "extract" not in broker.queues or broker.queues["extract"].empty()
    assert dispatch_pending(rt, broker_publisher(broker)) == 0  # marked published, not sent again


def test_a_broker_failure_mid_batch_loses_nothing_and_resends_only_the_rest(rt: Runtime) -> None:
    items = [new_item(rt.sessions) for _ in range(4)]
    for item_id in items:
        _enqueue(rt, "sanitize", item_id)
    sent: list[str] = []

    def flaky(actor: str, item_id: str, /) -> None:
        if len(sent) == 2:
            raise ConnectionError("broker went away")
        sent.append(item_id)

    with pytest.raises(ConnectionError):
        dispatch_once(rt, flaky)
    assert _unpublished(rt) == 2

    def working(actor: str, item_id: str, /) -> None:
        sent.append(item_id)

    assert dispatch_pending(rt, working) == 2
    assert sorted(sent) == sorted(items)  # every message once: none lost, none sent twice


def test_an_outbox_row_for_an_unknown_actor_does_not_block_the_rest(rt: Runtime) -> None:
    broker = _stub_with_queues()
    first, second = new_item(rt.sessions), new_item(rt.sessions)
    _enqueue(rt, "no_such_actor", first)
    _enqueue(rt, "sanitize", second)
    assert dispatch_pending(rt, broker_publisher(broker)) == 2
    assert [m.args[0] for m in _queued_messages(broker, "sanitize")] == [second]


def _outbox_rows(rt: Runtime, item_id: str) -> list[str]:
    with rt.readonly() as session:
        return list(session.scalars(select(OutboxMessage.actor_name).where(OutboxMessage.item_id == item_id)))


def _item(rt: Runtime, item_id: str) -> Item:
    with rt.readonly() as session:
        item = session.get(Item, item_id)
        assert item is not None
        session.expunge(item)
        return item


def test_a_stuck_item_is_requeued_once_per_deadline_and_counted(rt: Runtime) -> None:
    deadline = stuck_deadlines(rt.settings.pipeline)[State.SANITIZED]
    start = utcnow()
    stuck = new_item(rt.sessions, state=State.SANITIZED, state_changed_at=start - 2 * deadline)
    fresh = new_item(rt.sessions, state=State.SANITIZED, state_changed_at=start)
    # updated_at is when the test made the rows; look from far enough ahead that both clocks are past.
    later = start + 2 * deadline
    fresh_later = start + deadline / 2

    result = reconcile_once(rt, now=fresh_later + timedelta(seconds=1))
    assert result.requeued == 0  # the stuck one's updated_at is recent: it was made a moment ago

    result = reconcile_once(rt, now=later)
    assert (result.requeued, result.parked) == (2, 0)  # both are past the deadline by now
    assert _outbox_rows(rt, stuck) == ["extract"]
    item = _item(rt, stuck)
    assert (item.attempts, item.last_error_code, item.state) == (1, STALLED, State.SANITIZED)

    # The same window again (a second reconciler, or the next pass): nothing more.
    again = reconcile_once(rt, now=later + timedelta(seconds=1))
    assert again.requeued == 0
    assert _outbox_rows(rt, stuck) == ["extract"]
    assert _outbox_rows(rt, fresh) == ["extract"]


def test_an_item_that_keeps_stalling_is_parked_visible_and_retryable(rt: Runtime) -> None:
    from relay.db.transitions import retry

    deadline = stuck_deadlines(rt.settings.pipeline)[State.RECEIVED]
    start = utcnow()
    item_id = new_item(rt.sessions, state=State.RECEIVED, state_changed_at=start - deadline)
    attempts = rt.settings.pipeline.max_attempts
    now = start
    for n in range(1, attempts + 1):
        now = now + deadline + timedelta(seconds=1)
        result = reconcile_once(rt, now=now)
        if n < attempts:
            assert result.requeued == 1
        else:
            assert (result.requeued, result.parked) == (0, 1)
    item = _item(rt, item_id)
    assert (item.state, item.failed_from, item.last_error_code) == (State.FAILED, State.RECEIVED, STALLED)
    assert _outbox_rows(rt, item_id) == ["sanitize"] * (attempts - 1)
    with rt.sessions.begin() as session:
        assert retry(session, item_id, actor="usr_test") is State.RECEIVED
    assert _item(rt, item_id).attempts == 0
    parked_and_back = [(State.RECEIVED, State.FAILED), (State.FAILED, State.RECEIVED)]
    assert transitions_of(rt, item_id)[-2:] == parked_and_back


def test_the_reconciler_leaves_items_waiting_for_people_alone(rt: Runtime) -> None:
    long_ago = utcnow() - timedelta(days=30)
    waiting = new_item(rt.sessions, state=State.AWAITING_REVIEW, state_changed_at=long_ago)
    delivered = new_item(rt.sessions, state=State.DELIVERED, state_changed_at=long_ago)
    assert reconcile_once(rt, now=utcnow() + timedelta(days=1)).requeued == 0
    assert _outbox_rows(rt, waiting) == _outbox_rows(rt, delivered) == []
    with rt.readonly() as session:
        assert not list(session.scalars(select(AuditEvent.id).where(AuditEvent.code == STALLED)))
