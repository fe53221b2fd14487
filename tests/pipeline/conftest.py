"""Fixtures for the stored pipeline: a Runtime in embedded mode and a synchronous outbox drain."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from db.fixtures import db, pg_schema_url, pg_schemas, sqlite_template  # noqa: F401

from relay.db import outbox
from relay.db.states import Stage
from relay.jobs import StageFailed, StageOutcome, run_stage
from relay.runtime import Runtime
from relay.samples.corpus import render_sample
from relay.settings import load_settings


@pytest.fixture
def rt(tmp_path: Path) -> Iterator[Runtime]:
    """An embedded-mode runtime (SQLite, local encrypted store) under a fresh RELAY_HOME."""
    runtime = Runtime.open(load_settings({"RELAY_HOME": str(tmp_path / "home")}))
    try:
        yield runtime
    finally:
        runtime.close()


def drain(rt: Runtime, *, limit: int = 100) -> list[tuple[str, str, StageOutcome | str]]:
    """Run every message in the outbox (and those they add) in this thread; returns what ran.

    A stage that raises StageFailed is recorded as "retry" and its message is not re-sent here (the
    broker's retry would); tests call drain again, or re-send, to model that.
    """
    ran: list[tuple[str, str, StageOutcome | str]] = []
    for _ in range(limit):
        sent: list[tuple[str, str]] = []
        with rt.sessions.begin() as session:
            outbox.publish_pending(session, lambda actor, item, out=sent: out.append((actor, item)))
        if not sent:
            return ran
        for actor, item_id in sent:
            try:
                ran.append((actor, item_id, run_stage(rt, Stage(actor), item_id)))
            except StageFailed:
                ran.append((actor, item_id, "retry"))
    raise AssertionError("the outbox did not drain")


@cache
def letter_png(index: int = 0, seed: int = 11, kind: str = "printed") -> bytes:
    """A generated one-page letter as PNG bytes (cached: rendering takes a moment)."""
    out = io.BytesIO()
    render_sample(index, seed, kind).image.save(out, "PNG")
    return out.getvalue()
