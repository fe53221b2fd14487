"""Faults, with real `dramatiq` worker processes on the real Redis, RabbitMQ and PostgreSQL.

Each test asserts that nothing is lost (every item reaches review) and nothing is done twice (the audit
log holds each transition of each item exactly once).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import redis
from db.fixtures import Database, new_item
from sqlalchemy import create_engine, text
from workers_support import (
    AMQP_URL,
    REDIS_URL,
    Setup,
    coordinator,
    count_in,
    drop_broker_state,
    private_redis,
    transitions_of,
    unique,
    wait_for,
)

from relay.db.outbox import add_message
from relay.db.states import Stage, State
from relay.dispatch import broker_publisher, dispatch_once, dispatch_pending
from relay.runtime import Runtime
from workers.broker import build_broker, queue_name
from workers.coordinator import run_coordinator


def _queue_new(rt: Runtime, n: int) -> list[str]:
    ids = []
    for _ in range(n):
        item_id = new_item(rt.sessions)
        with rt.sessions.begin() as session:
            add_message(session, Stage.SANITIZE.value, item_id)
        ids.append(item_id)
    return ids


@pytest.fixture(params=["redis", "amqp"])
def broker_url(request: pytest.FixtureRequest) -> str:
    return REDIS_URL if request.param == "redis" else AMQP_URL


def test_a_worker_killed_mid_stage_finishes_the_item_exactly_once_after_restart(
    pg: Database, tmp_path: Path, broker_url: str
) -> None:
    setup = Setup(pg, tmp_path, broker_url)
    try:
        (setup.block_dir / "block-extract").touch()
        ids = _queue_new(setup.rt, 3)
        with coordinator(setup, broker_url):
            first = setup.worker("first")
            wait_for(lambda: setup.started("extract"), what="a worker to be inside the extract stage")
            first.kill()  # SIGKILL, main process and forked workers: nothing gets to clean up or ack
            assert count_in(setup.rt, State.SANITIZED) == 3  # the killed runs committed nothing
            (setup.block_dir / "block-extract").unlink()
            setup.worker("second")
            # Redis hands the dead worker's messages back after its heartbeat times out; RabbitMQ as soon
            # as the connection drops. The reconciler is not involved: its deadline is half an hour.
            wait_for(lambda: setup.all_in_review(ids), timeout=180, what="every item to reach review")
        setup.assert_each_transition_once(ids)
    finally:
        setup.close()
        drop_broker_state(broker_url, setup.options)


def test_items_queued_in_a_broker_that_restarts_are_not_lost(pg: Database, tmp_path: Path) -> None:
    with private_redis(tmp_path / "redis") as server:
        setup = Setup(pg, tmp_path, server.url)
        broker = build_broker(setup.rt.settings, setup.options)
        publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, setup.options))
        try:
            queued = _queue_new(setup.rt, 5)
            assert dispatch_pending(setup.rt, publish) == 5  # in Redis, no worker running yet
            server.stop()
            waiting = _queue_new(setup.rt, 3)
            with pytest.raises(redis.exceptions.ConnectionError):
                dispatch_once(setup.rt, publish)
            server.start()  # same port and folder: the append-only file brings the queues back
            assert dispatch_pending(setup.rt, publish) == 3  # what could not be published, now
            setup.worker("worker")
            ids = queued + waiting
            with coordinator(setup, server.url):
                wait_for(lambda: setup.all_in_review(ids), timeout=180, what="every item to reach review")
            setup.assert_each_transition_once(ids)
        finally:
            broker.close()
            setup.close()


def test_a_database_connection_dropped_mid_stage_is_retried_without_a_trace(
    pg: Database, tmp_path: Path
) -> None:
    app = unique("relayw")
    url = pg.url.update_query_dict({"application_name": app})
    setup = Setup(pg, tmp_path, REDIS_URL, RELAY_DATABASE_URL=url.render_as_string(hide_password=False))
    admin = create_engine(pg.url, isolation_level="AUTOCOMMIT")
    try:
        (setup.block_dir / "block-commit-detect").touch()
        ids = _queue_new(setup.rt, 1)
        with coordinator(setup, REDIS_URL):
            setup.worker("worker")
            wait_for(lambda: setup.started("commit-detect"), what="the detect stage to hold its transaction")
            with admin.connect() as connection:
                killed = connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :a"
                    ),
                    {"a": app},
                ).all()
            assert killed and all(row[0] for row in killed)
            (setup.block_dir / "block-commit-detect").unlink()
            wait_for(lambda: setup.all_in_review(ids), timeout=180, what="the item to reach review")
        setup.assert_each_transition_once(ids)
    finally:
        admin.dispose()
        setup.close()
        drop_broker_state(REDIS_URL, setup.options)


def test_every_message_delivered_twice_still_moves_each_item_once(pg: Database, tmp_path: Path) -> None:
    setup = Setup(pg, tmp_path, REDIS_URL)
    broker = build_broker(setup.rt.settings, setup.options)
    publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, setup.options))

    def twice(actor: str, item_id: str, /) -> None:
        publish(actor, item_id)
        publish(actor, item_id)

    stop = threading.Event()
    thread = threading.Thread(
        target=run_coordinator,
        args=(setup.rt, broker),
        kwargs={"stop": stop, "options": setup.options, "poll_seconds": 0.1, "publish": twice},
        daemon=True,
    )
    try:
        ids = _queue_new(setup.rt, 6)
        setup.worker("worker")
        thread.start()
        wait_for(lambda: setup.all_in_review(ids), timeout=180, what="every item to reach review")
        setup.assert_each_transition_once(ids)
    finally:
        stop.set()
        if thread.is_alive():
            thread.join(timeout=30)
        broker.close()
        setup.close()
        drop_broker_state(REDIS_URL, setup.options)


def test_a_second_worker_does_not_steal_an_items_state(pg: Database, tmp_path: Path) -> None:
    # Items that a person holds (awaiting review) are never touched by a worker, however often enqueued.
    setup = Setup(pg, tmp_path, REDIS_URL)
    broker = build_broker(setup.rt.settings, setup.options)
    publish = broker_publisher(broker, queue_name=lambda actor: queue_name(actor, setup.options))
    try:
        held = new_item(setup.rt.sessions, state=State.AWAITING_REVIEW)
        for stage in (Stage.SANITIZE, Stage.EXTRACT, Stage.REDACT):
            publish(stage.value, held)
        [marker] = _queue_new(setup.rt, 1)
        setup.worker("worker")
        with coordinator(setup, REDIS_URL):
            wait_for(lambda: setup.all_in_review([held, marker]), timeout=180, what="the marker item")
        assert transitions_of(setup.rt, held) == []
    finally:
        broker.close()
        setup.close()
        drop_broker_state(REDIS_URL, setup.options)
