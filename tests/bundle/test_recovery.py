"""Crashes between the steps of sealing, and stored media that does not match its record."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO, NoReturn

import pytest
from sqlalchemy import select, update

from bundle.fixtures import add_partner, approved_item, fetch_object, fetch_text, item_state
from relay import sealer
from relay.bundle import SealError, open_bundle
from relay.bundle.errors import BUNDLE_OBJECT_MISSING, MEDIA_MISMATCH
from relay.crypto import X25519Identity
from relay.db import State, partners, repo
from relay.db.coltypes import utcnow
from relay.db.models import Bundle, Item, StageResult
from relay.db.states import Stage
from relay.errors import StateError
from relay.outputs import record_redacted
from relay.runtime import Runtime
from relay.sealer import bundle_object_key, seal_for_partner, stage_pending
from relay.signing import signing_public_key
from relay.store.base import PutResult


class Crash(Exception):
    """Stands for the process dying at that point."""


def crash(*_args: object, **_kwargs: object) -> NoReturn:
    raise Crash


def open_staged(
    rt: Runtime, staged: sealer.StagedBundle, identity: X25519Identity, tmp_path: Path
) -> set[bytes]:
    opened = open_bundle(
        fetch_object(rt, staged.object_key, tmp_path / f"{staged.bundle_id}.tar.age"),
        fetch_text(rt, staged.signature_key),
        identities=[identity],
        signer=signing_public_key(rt),
        dest=tmp_path / staged.bundle_id,
    )
    return {item.path.read_bytes() for item in opened.items}


def test_a_crash_after_sealing_is_finished_by_stage_pending(
    bundle_rt: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity = X25519Identity.generate()
    partner = add_partner(bundle_rt, [identity])
    item = approved_item(bundle_rt, partner, b"sealed, then the process died")
    monkeypatch.setattr(sealer, "_sign_and_stage", crash)
    with pytest.raises(Crash):
        seal_for_partner(bundle_rt, partner, actor="test")
    monkeypatch.undo()
    assert item_state(bundle_rt, item) is State.SEALED

    [staged] = stage_pending(bundle_rt, actor="test")

    assert item_state(bundle_rt, item) is State.STAGED
    assert open_staged(bundle_rt, staged, identity, tmp_path) == {b"sealed, then the process died"}
    assert stage_pending(bundle_rt, actor="test") == []


def test_seal_for_partner_also_finishes_an_unstaged_bundle(
    embedded_rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    partner = add_partner(embedded_rt, [X25519Identity.generate()])
    item = approved_item(embedded_rt, partner)
    monkeypatch.setattr(sealer, "_sign_and_stage", crash)
    with pytest.raises(Crash):
        seal_for_partner(embedded_rt, partner, actor="test")
    monkeypatch.undo()
    [staged] = seal_for_partner(embedded_rt, partner, actor="test")
    assert staged.item_count == 1 and item_state(embedded_rt, item) is State.STAGED


def test_a_sealed_bundle_whose_object_was_replaced_is_not_staged(
    embedded_rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    partner = add_partner(embedded_rt, [X25519Identity.generate()])
    item = approved_item(embedded_rt, partner)
    monkeypatch.setattr(sealer, "_sign_and_stage", crash)
    with pytest.raises(Crash):
        seal_for_partner(embedded_rt, partner, actor="test")
    monkeypatch.undo()
    with embedded_rt.readonly() as session:
        [bundle_id] = session.scalars(select(Bundle.id))
    key = bundle_object_key(partner, bundle_id)
    embedded_rt.objects.delete(key)
    embedded_rt.objects.put(key, io.BytesIO(b"age-encryption.org/v1\nforged"))

    with pytest.raises(SealError) as caught:
        stage_pending(embedded_rt, actor="test")

    assert caught.value.code == BUNDLE_OBJECT_MISSING
    assert item_state(embedded_rt, item) is State.SEALED
    assert not embedded_rt.objects.exists(key + ".minisig")


def test_an_abandoned_open_bundle_is_rewritten_once_its_time_is_up(
    bundle_rt: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity = X25519Identity.generate()
    partner = add_partner(bundle_rt, [identity])
    item = approved_item(bundle_rt, partner, b"claimed, then the process died")
    monkeypatch.setattr(sealer, "_write_and_stage", crash)
    with pytest.raises(Crash):
        seal_for_partner(bundle_rt, partner, actor="test")
    monkeypatch.undo()
    with bundle_rt.readonly() as session:
        [bundle_id] = session.scalars(select(Bundle.id))
    # What a sealer that died mid-upload may have left at the bundle's key.
    key = bundle_object_key(partner, bundle_id)
    bundle_rt.objects.put(key, io.BytesIO(b"half an upload"))

    # Still inside the seal stage's time limit: its sealer may be alive, so nobody else touches it.
    assert seal_for_partner(bundle_rt, partner, actor="test") == []
    assert item_state(bundle_rt, item) is State.APPROVED

    later = utcnow() + timedelta(seconds=bundle_rt.settings.pipeline.time_limits_seconds.seal + 1)
    [staged] = seal_for_partner(bundle_rt, partner, actor="test", now=later)

    assert staged.bundle_id == bundle_id
    assert item_state(bundle_rt, item) is State.STAGED
    assert open_staged(bundle_rt, staged, identity, tmp_path) == {b"claimed, then the process died"}


def test_a_late_sealer_cannot_seal_over_a_recovered_bundle(
    embedded_rt: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first sealer wakes up after recovery replaced its object: it must fail, not record its own."""
    rt = embedded_rt
    identity = X25519Identity.generate()
    partner = add_partner(rt, [identity])
    approved_item(rt, partner, b"slow sealer")
    original = rt.objects
    recovered: list[sealer.StagedBundle] = []

    class RecoverAfterUpload:
        """The store as the slow sealer sees it: recovery runs right after its bundle upload."""

        def __getattr__(self, name: str) -> object:
            return getattr(original, name)

        def put(self, key: str, src: BinaryIO) -> PutResult:
            result = original.put(key, src)
            if key.endswith(".tar.age") and not recovered:
                object.__setattr__(rt, "objects", original)
                later = utcnow() + timedelta(seconds=rt.settings.pipeline.time_limits_seconds.seal + 1)
                recovered.extend(seal_for_partner(rt, partner, actor="test:recover", now=later))
                object.__setattr__(rt, "objects", self)
            return result

    object.__setattr__(rt, "objects", RecoverAfterUpload())
    try:
        with pytest.raises(SealError) as caught:
            seal_for_partner(rt, partner, actor="test:slow")
    finally:
        object.__setattr__(rt, "objects", original)
    assert caught.value.code == sealer.OBJECT_CONFLICT
    [staged] = recovered
    with rt.readonly() as session:
        assert partners.get_bundle(session, staged.bundle_id).staged_at is not None
    assert open_staged(rt, staged, identity, tmp_path) == {b"slow sealer"}


@pytest.mark.parametrize("field", ["plain_sha256", "plain_size"])
def test_stored_media_that_differs_from_its_record_stops_the_bundle(embedded_rt: Runtime, field: str) -> None:
    partner = add_partner(embedded_rt, [X25519Identity.generate()])
    item = approved_item(embedded_rt, partner, b"the media as redacted")
    with embedded_rt.sessions.begin() as session:
        row = session.scalars(
            select(StageResult).where(StageResult.item_id == item, StageResult.stage == Stage.REDACT)
        ).one()
        [output] = row.outputs
        wrong = {**output, field: "00" * 32 if field == "plain_sha256" else output[field] - 1}
        record_redacted(session, item, [wrong])

    with pytest.raises(SealError) as caught:
        seal_for_partner(embedded_rt, partner, actor="test")

    assert caught.value.code == MEDIA_MISMATCH
    assert item_state(embedded_rt, item) is State.APPROVED
    with embedded_rt.readonly() as session:
        [bundle] = session.scalars(select(Bundle))
    assert bundle.object_key is None
    assert list(embedded_rt.objects.list("bundles/")) == []


def test_an_item_reassigned_after_bundling_is_never_sealed_to_the_old_partner(
    embedded_rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add_partner(embedded_rt, [X25519Identity.generate()])
    second = add_partner(embedded_rt, [X25519Identity.generate()])
    item = approved_item(embedded_rt, first)
    monkeypatch.setattr(sealer, "_write_and_stage", crash)
    with pytest.raises(Crash):
        seal_for_partner(embedded_rt, first, actor="test")
    monkeypatch.undo()
    with embedded_rt.sessions.begin() as session, pytest.raises(StateError):
        repo.assign_partner(session, item, second, actor="test")  # refused: the bundle claimed it
    # Defence in depth: even if the row changed behind relay's back, the sealer will not encrypt the
    # item to the keys of a partner it is no longer meant for.
    _force_partner(embedded_rt, item, second)

    later = utcnow() + timedelta(seconds=embedded_rt.settings.pipeline.time_limits_seconds.seal + 1)
    with pytest.raises(SealError) as caught:
        seal_for_partner(embedded_rt, first, actor="test", now=later)

    assert caught.value.code == "wrong_partner"
    assert item_state(embedded_rt, item) is State.APPROVED
    assert list(embedded_rt.objects.list("bundles/")) == []


def test_a_bundle_that_cannot_be_recovered_does_not_hold_up_new_ones(
    embedded_rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add_partner(embedded_rt, [X25519Identity.generate()])
    second = add_partner(embedded_rt, [X25519Identity.generate()])
    moved = approved_item(embedded_rt, first)
    monkeypatch.setattr(sealer, "_write_and_stage", crash)
    with pytest.raises(Crash):
        seal_for_partner(embedded_rt, first, actor="test")
    monkeypatch.undo()
    _force_partner(embedded_rt, moved, second)
    fresh = approved_item(embedded_rt, first)

    later = utcnow() + timedelta(seconds=embedded_rt.settings.pipeline.time_limits_seconds.seal + 1)
    with pytest.raises(SealError):
        seal_for_partner(embedded_rt, first, actor="test", now=later)

    assert item_state(embedded_rt, fresh) is State.STAGED
    assert item_state(embedded_rt, moved) is State.APPROVED


def test_one_lost_bundle_does_not_stop_the_others_being_staged(
    embedded_rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    lost_partner = add_partner(embedded_rt, [X25519Identity.generate()])
    fine_partner = add_partner(embedded_rt, [X25519Identity.generate()])
    lost, fine = approved_item(embedded_rt, lost_partner), approved_item(embedded_rt, fine_partner)
    monkeypatch.setattr(sealer, "_sign_and_stage", crash)
    for partner in (lost_partner, fine_partner):
        with pytest.raises(Crash):
            seal_for_partner(embedded_rt, partner, actor="test")
    monkeypatch.undo()
    with embedded_rt.readonly() as session:
        [lost_bundle] = session.scalars(select(Bundle.id).where(Bundle.partner_id == lost_partner))
    embedded_rt.objects.delete(bundle_object_key(lost_partner, lost_bundle))

    with pytest.raises(SealError) as caught:
        stage_pending(embedded_rt, actor="test")

    assert caught.value.code == BUNDLE_OBJECT_MISSING
    assert (item_state(embedded_rt, lost), item_state(embedded_rt, fine)) == (State.SEALED, State.STAGED)


def _force_partner(rt: Runtime, item_id: str, partner_id: str) -> None:
    """Change the item's partner directly in the database, bypassing relay's checks."""
    with rt.sessions.begin() as session:
        session.execute(update(Item).where(Item.id == item_id).values(partner_id=partner_id))
