"""Sealing approved items for a partner, end to end on both deployments, and reopening what was staged."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select

from bundle.fixtures import add_partner, approved_item, fetch_object, fetch_text, item_state
from relay.bundle import BundleError, SealError, open_bundle
from relay.bundle.errors import NO_RECIPIENTS
from relay.crypto import X25519Identity
from relay.db import BundleItem, State, partners
from relay.db.models import Bundle
from relay.model import Kind
from relay.runtime import Runtime
from relay.sealer import seal_all, seal_for_partner
from relay.signing import signing_public_key

SCHEMA = json.loads((Path(__file__).parents[2] / "schemas" / "manifest.v1.schema.json").read_text())


def test_seals_stages_and_opens_what_is_approved_for_the_partner(bundle_rt: Runtime, tmp_path: Path) -> None:
    rt = bundle_rt
    first, second = X25519Identity.generate(), X25519Identity.generate()
    partner = add_partner(rt, [first, second])
    other = add_partner(rt, [X25519Identity.generate()])
    media = {
        approved_item(rt, partner, b"page one, redacted", redactions={Kind.PERSON: 3}): b"page one, redacted",
        approved_item(rt, partner, b"%PDF-1.7 two", extension="pdf", redactions={}): b"%PDF-1.7 two",
    }
    elsewhere = approved_item(rt, other)
    unassigned = approved_item(rt, None)

    staged = seal_for_partner(rt, partner, actor="test")

    assert len(staged) == 1
    bundle = staged[0]
    assert bundle.partner_id == partner and bundle.item_count == 2
    assert bundle.object_key == f"bundles/{partner}/{bundle.bundle_id}.tar.age"
    assert bundle.signature_key == bundle.object_key + ".minisig"
    storage = rt.settings.storage
    if storage.file_root is not None:
        assert bundle.location == str(storage.file_root / bundle.object_key) + "~obj"
        assert Path(bundle.location).is_file()  # the path printed is the file that is there
    else:
        assert bundle.location == f"s3://{storage.s3_bucket}/relay-prefix/{bundle.object_key}"
    assert {item_state(rt, item_id) for item_id in media} == {State.STAGED}
    assert item_state(rt, elsewhere) is State.APPROVED
    assert item_state(rt, unassigned) is State.APPROVED
    with rt.readonly() as session:
        row = partners.get_bundle(session, bundle.bundle_id)
        assert row.staged_at is not None and row.size == bundle.size
        assert sorted(partners.bundle_item_ids(session, bundle.bundle_id)) == sorted(media)

    downloaded = fetch_object(rt, bundle.object_key, tmp_path / "bundle.tar.age")
    assert downloaded.stat().st_size == bundle.size
    opened = open_bundle(
        downloaded,
        fetch_text(rt, bundle.signature_key),
        identities=[second],  # any one of the partner's keys opens it
        signer=signing_public_key(rt),
        dest=tmp_path / "out",
    )
    assert opened.bundle_id == bundle.bundle_id and opened.partner_id == partner
    assert {item.item_id: item.path.read_bytes() for item in opened.items} == media
    counts = {item.item_id: dict(item.redactions) for item in opened.items}
    assert sorted(counts.values(), key=len) == [{}, {"person": 3}]
    manifest = json.loads(opened.manifest_path.read_bytes())
    jsonschema.validate(manifest, SCHEMA)
    # Redaction counts, never text: review-severity findings are not counted either.
    assert "place" not in json.dumps(manifest)


def test_a_second_run_finds_nothing_to_do(bundle_rt: Runtime) -> None:
    partner = add_partner(bundle_rt, [X25519Identity.generate()])
    approved_item(bundle_rt, partner)
    assert len(seal_for_partner(bundle_rt, partner, actor="test")) == 1
    assert seal_for_partner(bundle_rt, partner, actor="test") == []
    with bundle_rt.readonly() as session:
        assert len(list(session.scalars(select(Bundle.id)))) == 1


def test_items_approved_later_go_into_a_new_bundle(bundle_rt: Runtime) -> None:
    partner = add_partner(bundle_rt, [X25519Identity.generate()])
    early = approved_item(bundle_rt, partner)
    [first] = seal_for_partner(bundle_rt, partner, actor="test")
    late = approved_item(bundle_rt, partner)
    [second] = seal_for_partner(bundle_rt, partner, actor="test")
    assert first.bundle_id != second.bundle_id
    with bundle_rt.readonly() as session:
        rows = {row.item_id: row.bundle_id for row in session.scalars(select(BundleItem))}
    assert rows == {early: first.bundle_id, late: second.bundle_id}


def test_a_partner_without_recipients_gets_nothing_sealed(embedded_rt: Runtime) -> None:
    partner = add_partner(embedded_rt, [])
    item = approved_item(embedded_rt, partner)
    with pytest.raises(SealError) as caught:
        seal_for_partner(embedded_rt, partner, actor="test")
    assert caught.value.code == NO_RECIPIENTS
    assert item_state(embedded_rt, item) is State.APPROVED
    with embedded_rt.readonly() as session:
        assert list(session.scalars(select(Bundle.id))) == []


def test_seal_all_covers_every_partner_and_reports_the_failing_one(embedded_rt: Runtime) -> None:
    rt = embedded_rt
    good = [add_partner(rt, [X25519Identity.generate()]) for _ in range(2)]
    broken = add_partner(rt, [])
    items = [approved_item(rt, partner) for partner in good]
    stuck = approved_item(rt, broken)
    with pytest.raises(SealError) as caught:
        seal_all(rt, actor="worker:seal_all")
    assert f"{broken} (partner_has_no_recipients)" in str(caught.value)
    assert [item_state(rt, item) for item in items] == [State.STAGED, State.STAGED]
    assert item_state(rt, stuck) is State.APPROVED


def test_seal_all_returns_the_staged_bundles(embedded_rt: Runtime) -> None:
    partners_ = [add_partner(embedded_rt, [X25519Identity.generate()]) for _ in range(2)]
    for partner in partners_:
        approved_item(embedded_rt, partner)
    staged = seal_all(embedded_rt, actor="worker:seal_all")
    assert sorted(b.partner_id for b in staged) == sorted(partners_)
    assert seal_all(embedded_rt, actor="worker:seal_all") == []


def test_opening_with_a_stranger_key_is_refused(embedded_rt: Runtime, tmp_path: Path) -> None:
    partner = add_partner(embedded_rt, [X25519Identity.generate()])
    approved_item(embedded_rt, partner)
    [bundle] = seal_for_partner(embedded_rt, partner, actor="test")
    with pytest.raises(BundleError) as caught:
        open_bundle(
            fetch_object(embedded_rt, bundle.object_key, tmp_path / "b.tar.age"),
            fetch_text(embedded_rt, bundle.signature_key),
            identities=[X25519Identity.generate()],
            signer=signing_public_key(embedded_rt),
            dest=tmp_path / "out",
        )
    assert caught.value.code == "bundle_not_for_us"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tar.age", "home"]


def test_memory_stays_flat_while_a_large_item_is_sealed(embedded_rt: Runtime, tmp_path: Path) -> None:
    """24 MiB of media goes through the tar writer, the pipe and age without being held in memory."""
    identity = X25519Identity.generate()
    partner = add_partner(embedded_rt, [identity])
    data = os.urandom(24 << 20)
    approved_item(embedded_rt, partner, data)
    public = signing_public_key(embedded_rt)  # the key is made before measuring
    del data
    tracemalloc.start()
    try:
        [bundle] = seal_for_partner(embedded_rt, partner, actor="test")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, peak
    assert bundle.size > 24 << 20
    opened = open_bundle(
        fetch_object(embedded_rt, bundle.object_key, tmp_path / "big.tar.age"),
        fetch_text(embedded_rt, bundle.signature_key),
        identities=[identity],
        signer=public,
        dest=tmp_path / "out",
    )
    assert opened.items[0].path.stat().st_size == 24 << 20
