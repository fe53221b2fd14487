"""The outbox: enqueue-after-commit for the broker.

A worker that moves an item on must also enqueue the next stage. Publishing to the broker inside the
transaction could send a message for a change that then rolls back; publishing after the commit could be
lost to a crash in between. So the message is written as an outbox row in the same transaction as the
state change (both or neither), and a dispatcher publishes committed rows and marks them published.

Delivery is at least once: a dispatcher that crashes after publishing but before its commit publishes the
row again. That is fine because actors are idempotent; the database, not the broker, is the truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from relay.db.codes import check_actor_name
from relay.db.coltypes import utcnow
from relay.db.ids import ITEM, check_id
from relay.db.models import OutboxMessage


class Publisher(Protocol):
    """Sends one message to the broker: the named actor, with the item ID as its only argument."""

    def __call__(self, actor_name: str, item_id: str, /) -> None: ...


def add_message(session: Session, actor_name: str, item_id: str, *, now: datetime | None = None) -> None:
    """Add a message to ``session``'s transaction; it is published only if the transaction commits."""
    session.add(
        OutboxMessage(
            actor_name=check_actor_name(actor_name),
            item_id=check_id(item_id, ITEM),
            created_at=now or utcnow(),
        )
    )


def fetch_unpublished(session: Session, *, limit: int = 100) -> list[OutboxMessage]:
    """The oldest unpublished messages, locked for this transaction.

    On PostgreSQL the rows are taken ``FOR UPDATE SKIP LOCKED``: several dispatchers can run at once and
    each gets different rows. SQLite has no row locks; there every transaction is ``BEGIN IMMEDIATE``
    (see :mod:`relay.db.session`), so dispatchers simply take turns.
    """
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.published_at.is_(None))
        .order_by(OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def mark_published(session: Session, message_ids: Sequence[int], *, now: datetime | None = None) -> None:
    """Record that the messages were handed to the broker."""
    if message_ids:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.published_at.is_(None))
            .values(published_at=now or utcnow())
            .execution_options(synchronize_session=False)
        )


def publish_pending(
    session: Session, publish: Publisher, *, limit: int = 100, now: datetime | None = None
) -> int:
    """Publish up to ``limit`` committed messages with ``publish`` and mark them published.

    The caller commits afterwards (one transaction per batch). If ``publish`` raises, the messages it has
    already sent are marked and the exception propagates; a caller that commits then republishes only the
    rest next time, one that rolls back republishes them all (at least once, either way). Returns how many
    were published.
    """
    sent: list[int] = []
    try:
        for message in fetch_unpublished(session, limit=limit):
            publish(message.actor_name, message.item_id)
            sent.append(message.id)
    finally:
        mark_published(session, sent, now=now)
    return len(sent)
