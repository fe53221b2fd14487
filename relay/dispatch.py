"""The outbox dispatcher: hands committed outbox messages to the broker.

A stage's next message is written to the outbox in the transaction that moves the item (see
:mod:`relay.db.outbox`); this publishes those rows in short transactions, one batch each. Delivery is at
least once: a crash between publishing and committing publishes the batch again, which the idempotent
actors shrug off. A broker that refuses a publish ends the pass; what was sent before is committed as
published, the rest stays for the next pass.

Publishing sends a dramatiq message whose only argument is the item ID to the actor's queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection

import dramatiq

from relay.db.outbox import Publisher, publish_pending
from relay.db.states import Stage
from relay.runtime import Runtime

log = logging.getLogger(__name__)

# Actors the outbox may name. Anything else cannot be delivered anywhere, see broker_publisher.
STAGE_ACTORS: frozenset[str] = frozenset(stage.value for stage in Stage)


def broker_publisher(
    broker: dramatiq.Broker,
    *,
    queue_name: Callable[[str], str] = lambda actor: actor,
    actors: Collection[str] = STAGE_ACTORS,
) -> Publisher:
    """A :class:`~relay.db.outbox.Publisher` that enqueues on ``broker``.

    ``queue_name`` maps an actor name to its queue (workers.broker.queue_name). A row naming an actor
    outside ``actors`` is logged and passed over (marked published): left unpublished it would block
    every row behind it, and its item is not lost, since the reconciler re-enqueues an item that does not
    move to the stage its state calls for.
    """
    declared: set[str] = set()

    def publish(actor_name: str, item_id: str, /) -> None:
        if actor_name not in actors:
            log.error("outbox row for unknown actor %r passed over (item %s)", actor_name, item_id)
            return
        queue = queue_name(actor_name)
        if queue not in declared:
            broker.declare_queue(queue)
            declared.add(queue)
        broker.enqueue(
            dramatiq.Message(queue_name=queue, actor_name=actor_name, args=(item_id,), kwargs={}, options={})
        )

    return publish


def dispatch_once(rt: Runtime, publish: Publisher, *, batch: int = 100) -> int:
    """Publish one batch of committed outbox messages in one transaction; returns how many were sent.

    If ``publish`` raises, the messages already sent are committed as published and the error propagates.
    """
    with rt.sessions() as session:
        try:
            sent = publish_pending(session, publish, limit=batch)
        except BaseException:
            # publish_pending marked what went out before the failure: keep that, so it is not sent
            # twice, then let the caller decide when to try again.
            try:
                session.commit()
            except Exception:
                session.rollback()  # the database failed as well: the whole batch goes out again later
            raise
        session.commit()
    return sent


def dispatch_pending(rt: Runtime, publish: Publisher, *, batch: int = 100, max_batches: int = 1000) -> int:
    """Publish batches until the outbox is empty (or ``max_batches`` were sent); returns how many."""
    total = 0
    for _ in range(max_batches):
        sent = dispatch_once(rt, publish, batch=batch)
        total += sent
        if sent < batch:
            break
    return total
