"""No document content in what the broker stores or the workers log, checked on the raw Redis and RabbitMQ
payloads after a stage fails with the content in its exception."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dramatiq
import pika
import pytest
import redis
from db.fixtures import Database, new_item
from workers_support import AMQP_URL, REDIS_URL, make_runtime, runtime_env, unique, wait_for

from relay.db.states import Stage
from relay.dispatch import broker_publisher
from relay.errors import RelayError
from relay.runtime import Runtime
from workers.app import StageError, Ticks, setup
from workers.broker import BrokerOptions, queue_name
from workers.scrub import ContentInMessage, install_log_scrubber, summary

CANARY = "박은별CANARY7731"


def leaks(raw: bytes) -> bool:
    """Whether ``raw`` holds the canary in any form a broker might store it: UTF-8, JSON-escaped, or
    just its ASCII half."""
    forms = [CANARY.encode(), json.dumps(CANARY).strip('"').encode(), b"CANARY7731", "박은별".encode()]
    return any(form in raw for form in forms)


def _raise_with_content() -> None:
    try:
        raise ValueError(f"could not decode the line {CANARY}")
    except ValueError as inner:
        raise RelayError(f"stage failed on {CANARY}", code="ocr_failed") from inner


def test_summary_keeps_types_codes_and_frames_but_no_messages() -> None:
    with pytest.raises(RelayError) as caught:
        _raise_with_content()
    text = summary(caught.value)
    assert CANARY not in text and "could not decode" not in text
    assert "relay.errors.RelayError (code ocr_failed)" in text
    assert "builtins.ValueError" in text  # the cause, by type
    assert "_raise_with_content" in text  # where it happened


def test_log_records_carry_the_summary_instead_of_the_traceback() -> None:
    install_log_scrubber()
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("dramatiq.worker.test")
    logger.addHandler(handler)
    try:
        try:
            _raise_with_content()
        except RelayError:
            logger.exception("Failed to process message %s with unhandled exception.", "sanitize(itm_x)")
    finally:
        logger.removeHandler(handler)
    text = out.getvalue()
    assert CANARY not in text
    assert "Failed to process message sanitize(itm_x)" in text and "RelayError (code ocr_failed)" in text


def _failing(rt: Runtime, stage: Stage, item_id: str) -> str:
    _raise_with_content()
    return "done"


class _Kit:
    def __init__(self, kind: str, rt: Runtime, options: BrokerOptions) -> None:
        self.kind, self.rt, self.options = kind, rt, options
        self.workers = setup(rt.settings, lambda: rt, options=options, runner=_failing, ticks=Ticks())
        self.broker = self.workers.broker

    def raw_payloads(self, queue: str | None = None) -> bytes:
        """Everything the broker holds for this test's queues, as raw bytes."""
        if self.kind == "redis":
            client = redis.Redis.from_url(REDIS_URL)
            chunks: list[bytes] = []
            for key in client.scan_iter(f"{self.options.namespace}:*"):
                kind = client.type(key)
                if kind == b"hash":
                    for k, v in client.hgetall(key).items():
                        chunks += [k, v]
                elif kind == b"zset":
                    chunks += [m for m, _ in client.zrange(key, 0, -1, withscores=True)]
                elif kind == b"list":
                    chunks += client.lrange(key, 0, -1)
                elif kind == b"set":
                    chunks += list(client.smembers(key))
                elif kind == b"string":
                    chunks.append(client.get(key) or b"")
            return b"\n".join(chunks)
        connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        try:
            channel = connection.channel()
            chunks = []
            for suffix in ("", ".DQ", ".XQ"):
                while True:
                    method, _props, body = channel.basic_get((queue or self.queue) + suffix, auto_ack=False)
                    if method is None:
                        break
                    chunks.append(body)
            return b"\n".join(chunks)  # unacked gets go back to their queues when the channel closes
        finally:
            connection.close()

    @property
    def queue(self) -> str:
        return queue_name(Stage.SANITIZE.value, self.options)

    def dead_letters(self, queue: str | None = None) -> int:
        queue = queue or self.queue
        if self.kind == "redis":
            return int(redis.Redis.from_url(REDIS_URL).zcard(f"{self.options.namespace}:{queue}.XQ"))
        connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        try:
            declared = connection.channel().queue_declare(queue + ".XQ", passive=True)
            return int(declared.method.message_count)
        finally:
            connection.close()

    def cleanup(self) -> None:
        self.broker.close()
        if self.kind == "redis":
            client = redis.Redis.from_url(REDIS_URL)
            for key in client.scan_iter(f"{self.options.namespace}:*"):
                client.delete(key)
        else:
            connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
            channel = connection.channel()
            for name in self.broker.get_declared_queues() | self.broker.get_declared_delay_queues():
                for suffix in ("", ".XQ"):
                    channel.queue_delete(name + suffix)
            connection.close()


@pytest.fixture(params=["redis", "amqp"])
def kit(request: pytest.FixtureRequest, pg_db: Database, tmp_path: Path) -> Iterator[_Kit]:
    # One database is enough here: the payloads are the broker's.
    db = pg_db
    url = REDIS_URL if request.param == "redis" else AMQP_URL
    rt = make_runtime(runtime_env(db, tmp_path, broker_url=url, RELAY_PIPELINE__MAX_ATTEMPTS="1"))
    options = BrokerOptions(
        namespace=unique("relaytest-"), queue_prefix=unique("t") + "_", min_backoff_ms=10, max_backoff_ms=50
    )
    built = _Kit(request.param, rt, options)
    try:
        yield built
    finally:
        built.cleanup()
        rt.close()


def test_failure_text_never_reaches_the_broker(kit: _Kit, caplog: pytest.LogCaptureFixture) -> None:
    install_log_scrubber()
    item_id = new_item(kit.rt.sessions)
    publish = broker_publisher(kit.broker, queue_name=lambda actor: queue_name(actor, kit.options))
    worker = dramatiq.Worker(kit.broker, worker_threads=1, worker_timeout=100)
    worker.start()
    try:
        with caplog.at_level(logging.DEBUG):
            publish(Stage.SANITIZE.value, item_id)
            # Retried once (max_attempts=1), then dead-lettered: both copies went through the broker.
            wait_for(lambda: kit.dead_letters() >= 1, timeout=60, what="the message to be dead-lettered")
    finally:
        worker.stop()
    raw = kit.raw_payloads()
    assert item_id.encode() in raw  # the payloads were really read
    assert b"traceback" in raw and StageError.__name__.encode() in raw  # the retry's summary is there
    assert not leaks(raw)
    assert CANARY not in caplog.text and "Failed to process message" in caplog.text


def test_the_middleware_scrubs_any_actor_not_only_relays(kit: _Kit) -> None:
    # An actor that lets its exception out as is: only the middleware stands between it and the broker.
    queue = queue_name("leaky", kit.options)

    def leaky(item_id: str) -> None:
        _raise_with_content()

    declare = dramatiq.actor(
        actor_name="leaky", queue_name=queue, broker=kit.broker, max_retries=1, min_backoff=10
    )
    declare(leaky)
    worker = dramatiq.Worker(kit.broker, worker_threads=1, worker_timeout=100)
    worker.start()
    try:
        kit.broker.actors["leaky"].send("itm_" + "b" * 26)
        wait_for(lambda: kit.dead_letters(queue) >= 1, timeout=60, what="the message to be dead-lettered")
    finally:
        worker.stop()
    raw = kit.raw_payloads(queue)
    assert b"RelayError (code ocr_failed)" in raw
    assert not leaks(raw)


def test_a_message_with_anything_but_ids_is_refused(kit: _Kit) -> None:
    actor: Any = kit.workers.actors[Stage.SANITIZE.value]
    with pytest.raises(ContentInMessage):
        actor.send(CANARY)
    with pytest.raises(ContentInMessage):
        actor.send("itm_" + "a" * 26, note=CANARY)
    assert not leaks(kit.raw_payloads())
    assert StageError.code == "internal_error"
