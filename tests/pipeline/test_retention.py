"""Retention: when an item's time is up its key is destroyed, its objects deleted, and that is audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.conftest import drain, letter_png
from relay import review
from relay.db.coltypes import utcnow
from relay.db.models import AuditEvent, Item, ReasonCode, Role
from relay.db.repo import create_user
from relay.db.states import Stage, State
from relay.errors import KeyDestroyed
from relay.jobs import ITEM_PURGED, StageOutcome, purge_due, run_stage, submit
from relay.runtime import Runtime
from relay.settings import load_settings


@pytest.fixture
def rt_days(tmp_path: Path) -> Iterator[Runtime]:
    """A runtime whose rejected items are kept one day."""
    env = {"RELAY_HOME": str(tmp_path / "home"), "RELAY_RETENTION__REJECTED_DAYS": "1"}
    runtime = Runtime.open(load_settings(env))
    try:
        yield runtime
    finally:
        runtime.close()


def _rejected(rt: Runtime) -> str:
    item_id = submit(rt, letter_png(), actor="test")
    drain(rt)
    with rt.sessions.begin() as session:
        create_user(session, "mina", Role.MODERATOR, actor="test")
    review.reject(rt, item_id, "mina", ReasonCode.OFF_TOPIC)
    return item_id


def _age(rt: Runtime, item_id: str, days: float) -> None:
    with rt.sessions.begin() as session:
        item = session.get_one(Item, item_id)
        item.state_changed_at = utcnow() - timedelta(days=days)


def test_a_rejected_item_is_purged_only_when_its_retention_is_over(rt_days: Runtime) -> None:
    rt = rt_days
    item_id = _rejected(rt)
    assert len(rt.store.item_object_names(item_id)) > 3
    assert purge_due(rt) == 0  # rejected a moment ago: kept for a day
    assert run_stage(rt, Stage.PURGE, item_id) is StageOutcome.SKIPPED  # a stray message changes nothing
    assert rt.store.item_object_names(item_id)

    _age(rt, item_id, 1.01)
    assert purge_due(rt) == 1
    assert purge_due(rt) == 0  # already waiting in the outbox: not enqueued twice
    assert [(a, o) for a, _, o in drain(rt)] == [("purge", StageOutcome.DONE)]

    assert rt.store.item_object_names(item_id) == []
    with rt.readonly() as session:
        item = session.get_one(Item, item_id)
        assert item.state is State.PURGED
        assert item.wrapped_key is None and item.key_destroyed_at is not None
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.item_id == item_id)))
    assert ITEM_PURGED in actions and "key_destroyed" in actions
    with pytest.raises(KeyDestroyed):
        rt.keyring.get(item_id)
    assert run_stage(rt, Stage.PURGE, item_id) is StageOutcome.SKIPPED  # purged stays purged


def test_an_item_still_in_review_is_never_purged(rt_days: Runtime) -> None:
    rt = rt_days
    item_id = submit(rt, letter_png(), actor="test")
    drain(rt)
    _age(rt, item_id, 400)
    assert purge_due(rt) == 0
    assert run_stage(rt, Stage.PURGE, item_id) is StageOutcome.SKIPPED
    assert rt.store.item_object_names(item_id)
