"""The outbox: messages are written with the change they belong to, published once committed."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from db.fixtures import Database, item_state, new_item
from relay.db import (
    OutboxMessage,
    State,
    add_message,
    fetch_unpublished,
    mark_published,
    publish_pending,
    transition,
)
from relay.errors import NotACode


def _messages(db: Database) -> list[tuple[str, str, bool]]:
    with db.sessions() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        return [(m.actor_name, m.item_id, m.published_at is not None) for m in rows]


def test_a_transition_and_its_message_commit_together(db: Database) -> None:
    item_id = new_item(db.sessions)
    with db.sessions.begin() as session:
        assert transition(
            session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:sanitize", enqueue="extract"
        )
    assert _messages(db) == [("extract", item_id, False)]


def test_a_rolled_back_transition_leaves_no_message(db: Database) -> None:
    item_id = new_item(db.sessions)
    with db.sessions() as session:
        assert transition(
            session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:sanitize", enqueue="extract"
        )
        session.rollback()
    assert _messages(db) == []
    assert item_state(db.sessions, item_id) is State.RECEIVED


def test_a_transition_that_does_not_move_enqueues_nothing(db: Database) -> None:
    item_id = new_item(db.sessions, state=State.EXTRACTED)
    with db.sessions.begin() as session:
        assert not transition(session, item_id, State.RECEIVED, State.SANITIZED, actor="w", enqueue="extract")
    assert _messages(db) == []


def test_an_exception_after_the_transition_rolls_back_both(db: Database) -> None:
    item_id = new_item(db.sessions)
    with pytest.raises(RuntimeError), db.sessions.begin() as session:
        transition(
            session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:sanitize", enqueue="extract"
        )
        raise RuntimeError("the worker crashed before committing")
    assert _messages(db) == []
    assert item_state(db.sessions, item_id) is State.RECEIVED


def test_publish_pending_publishes_in_order_and_marks(db: Database) -> None:
    items = [new_item(db.sessions) for _ in range(3)]
    with db.sessions.begin() as session:
        for item_id in items:
            add_message(session, "sanitize", item_id)
    sent: list[tuple[str, str]] = []
    with db.sessions.begin() as session:
        assert publish_pending(session, lambda actor, item: sent.append((actor, item)), limit=2) == 2
    with db.sessions.begin() as session:
        assert publish_pending(session, lambda actor, item: sent.append((actor, item))) == 1
    with db.sessions.begin() as session:
        assert publish_pending(session, lambda actor, item: sent.append((actor, item))) == 0
    assert sent == [("sanitize", item_id) for item_id in items]
    assert all(published for _, _, published in _messages(db))


def test_a_failing_publisher_keeps_what_was_sent_and_leaves_the_rest(db: Database) -> None:
    items = [new_item(db.sessions) for _ in range(3)]
    with db.sessions.begin() as session:
        for item_id in items:
            add_message(session, "sanitize", item_id)

    def flaky(actor: str, item_id: str) -> None:
        if item_id == items[1]:
            raise ConnectionError("broker down")

    with pytest.raises(ConnectionError), db.sessions.begin() as session:
        publish_pending(session, flaky)
    # begin() rolled back: nothing is marked, so all three go out (again) next time: at least once.
    assert [published for _, _, published in _messages(db)] == [False, False, False]
    with db.sessions() as session:
        with pytest.raises(ConnectionError):
            publish_pending(session, flaky)
        session.commit()  # a dispatcher that commits what it sent before giving up
    assert [published for _, _, published in _messages(db)] == [True, False, False]


def test_concurrent_dispatchers_take_different_messages(db: Database) -> None:
    """PostgreSQL: FOR UPDATE SKIP LOCKED hands the second dispatcher the rows the first did not lock.
    SQLite: the second waits for the first to commit and then sees those rows published."""
    items = [new_item(db.sessions) for _ in range(4)]
    with db.sessions.begin() as session:
        for item_id in items:
            add_message(session, "sanitize", item_id)
    first = db.sessions()
    taken_first = [m.id for m in fetch_unpublished(first, limit=2)]
    mark_published(first, taken_first)
    taken_second: list[int] = []

    def second() -> None:
        with db.sessions.begin() as session:
            batch = fetch_unpublished(session, limit=10)
            taken_second.extend(m.id for m in batch)
            mark_published(session, [m.id for m in batch])

    thread = threading.Thread(target=second)
    thread.start()
    thread.join(2 if db.kind == "postgresql" else 0.5)
    if db.kind == "postgresql":
        assert not thread.is_alive(), "SKIP LOCKED should not wait for the first dispatcher"
    first.commit()
    first.close()
    thread.join(30)
    assert len(taken_first) == 2 and len(taken_second) == 2
    assert set(taken_first).isdisjoint(taken_second)
    with db.sessions() as session:
        unpublished = session.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.published_at.is_(None))
        )
        assert unpublished == 0


@pytest.mark.parametrize("actor_name", ["", "send to 김", "x" * 65, "a-b"])
def test_actor_names_must_be_identifiers(db: Database, actor_name: str) -> None:
    item_id = new_item(db.sessions)
    with db.sessions.begin() as session, pytest.raises(NotACode):
        add_message(session, actor_name, item_id)
