"""The stages as stored jobs: submit → sanitize → extract → detect → redact → awaiting review."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from pipeline.conftest import drain, letter_png
from relay import raster, review
from relay.db.models import AuditEvent, Finding, Item, ReviewRegion, StageResult
from relay.db.states import Stage, State
from relay.errors import InputRejected, RelayError
from relay.jobs import StageOutcome, run_stage, submit
from relay.outputs import NOT_REDACTED, redacted_media
from relay.runtime import Runtime


def _state(rt: Runtime, item_id: str) -> State:
    with rt.readonly() as session:
        return session.get_one(Item, item_id).state


def test_a_letter_goes_through_every_stage_to_review(rt: Runtime) -> None:
    item_id = submit(rt, letter_png(), actor="test")
    ran = drain(rt)
    assert [(a, o) for a, _, o in ran] == [
        ("sanitize", StageOutcome.DONE),
        ("extract", StageOutcome.DONE),
        ("detect", StageOutcome.DONE),
        ("redact", StageOutcome.DONE),
    ]
    assert _state(rt, item_id) is State.AWAITING_REVIEW
    with rt.readonly() as session:
        with pytest.raises(RelayError) as no_media:
            redacted_media(session, item_id)
        assert no_media.value.code == NOT_REDACTED
        findings = session.scalar(select(func.count()).select_from(Finding).where(Finding.item_id == item_id))
        regions = session.scalar(
            select(func.count()).select_from(ReviewRegion).where(ReviewRegion.item_id == item_id)
        )
    assert findings and findings > 0  # the sample letter is full of names, places and units
    assert regions is not None
    # Nothing is rendered for delivery before a moderator approves; the pages render on demand.
    assert not any(n.startswith("redacted.") for n in rt.store.item_object_names(item_id))
    [page] = review.render(rt, item_id)
    assert page.size == Image.open(io.BytesIO(letter_png())).size


def test_a_duplicate_message_does_nothing_twice(rt: Runtime) -> None:
    item_id = submit(rt, letter_png(), actor="test")
    assert run_stage(rt, Stage.SANITIZE, item_id) is StageOutcome.DONE
    assert run_stage(rt, Stage.SANITIZE, item_id) is StageOutcome.SKIPPED
    assert run_stage(rt, Stage.DETECT, item_id) is StageOutcome.SKIPPED  # not its turn yet
    with rt.readonly() as session:
        moves = session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.item_id == item_id, AuditEvent.to_state == State.SANITIZED)
        )
        results = session.scalar(
            select(func.count()).select_from(StageResult).where(StageResult.item_id == item_id)
        )
    assert moves == 1
    assert results == 1
    # Only the first run's objects remain: original + one sanitized page.
    assert len(rt.store.item_object_names(item_id)) == 2


def test_unknown_item_is_skipped(rt: Runtime) -> None:
    assert run_stage(rt, Stage.SANITIZE, "itm_" + "a" * 26) is StageOutcome.SKIPPED


def test_submit_refuses_what_is_not_a_scan_and_stores_nothing(rt: Runtime) -> None:
    with pytest.raises(InputRejected):
        submit(rt, b"#!/bin/sh\necho not a letter\n", actor="test")
    with rt.readonly() as session:
        assert session.scalar(select(func.count()).select_from(Item)) == 0
    assert list(rt.objects.list("")) == []


def test_an_undecodable_file_parks_the_item_with_its_code(rt: Runtime) -> None:
    # A PNG signature followed by garbage passes the sniff at submit; sanitize finds it broken.
    item_id = submit(rt, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, actor="test")
    ran = drain(rt)
    assert ran == [("sanitize", item_id, StageOutcome.PARKED)]
    with rt.readonly() as session:
        item = session.get_one(Item, item_id)
        assert item.state is State.FAILED
        assert item.failed_from is State.RECEIVED
        assert item.last_error_code and item.last_error_code != "stage_failed"


def test_nothing_of_the_letter_is_stored_in_the_clear(rt: Runtime) -> None:
    item_id = submit(rt, letter_png(), actor="test")
    drain(rt)
    assert _state(rt, item_id) is State.AWAITING_REVIEW
    png_magic = b"\x89PNG"
    assert rt.store.item_object_names(item_id)  # there is something to look at
    home = rt.settings.home
    for path in home.rglob("*"):
        if path.is_file() and path.suffix not in (".db", ".db-wal", ".db-shm"):
            data = path.read_bytes()
            assert png_magic not in data, path.name
            assert not any(magic in data for magic in raster.MAGICS), path.name


def test_the_stored_pipeline_finds_and_fills_what_relay_redact_does(rt: Runtime) -> None:
    from relay.intake import load_pages
    from relay.pipeline import redact_pages
    from relay.redact import burn
    from relay.sanitize import sanitize

    item_id = submit(rt, letter_png(), actor="test")
    drain(rt)
    [direct] = redact_pages(load_pages(letter_png()))
    expected = sorted(
        (p.finding.kind.value, p.finding.severity.value, p.boxes) for p in direct.result.findings
    )
    with rt.readonly() as session:
        stored = sorted(
            (f.kind, f.severity.value, tuple(tuple(b) for b in f.boxes))
            for f in session.scalars(select(Finding).where(Finding.item_id == item_id))
        )
    assert stored == expected
    # Rendered now, every active finding is filled: the redactions and the possible details alike.
    [page] = load_pages(letter_png())
    expected_page = burn(sanitize(page), [b for p in direct.result.findings for b in p.boxes])
    [rendered] = review.render(rt, item_id)
    assert rendered.convert("RGB").tobytes() == expected_page.convert("RGB").tobytes()
