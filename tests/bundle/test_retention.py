"""After a partner acknowledges a bundle and retention runs out, nothing of its items stays readable."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bundle.fixtures import add_partner, approved_item, item_state
from relay.crypto import X25519Identity
from relay.db.coltypes import utcnow
from relay.db.models import AuditEvent, Item
from relay.db.partners import acknowledge_bundle
from relay.db.states import Stage, State
from relay.errors import KeyDestroyed
from relay.jobs import ITEM_PURGED, StageOutcome, purge_due, run_stage
from relay.runtime import Runtime
from relay.sealer import seal_for_partner


def test_delivered_items_are_purged_with_their_bundle_once_retention_ends(bundle_rt: Runtime) -> None:
    rt = bundle_rt
    partner = add_partner(rt, [X25519Identity.generate()])
    items = [approved_item(rt, partner, f"page {n}".encode()) for n in range(2)]
    [bundle] = seal_for_partner(rt, partner, actor="test")
    assert {item_state(rt, i) for i in items} == {State.STAGED}
    assert run_stage(rt, Stage.PURGE, items[0]) is StageOutcome.SKIPPED  # staged: never purged

    with rt.sessions.begin() as session:
        acknowledge_bundle(session, bundle.bundle_id, partner, actor=f"partner:{partner}")
    assert {item_state(rt, i) for i in items} == {State.DELIVERED}
    assert purge_due(rt) == 0  # kept for retention.delivered_days after the acknowledgement

    days = rt.settings.retention.delivered_days
    with rt.sessions.begin() as session:
        session.execute(
            update(Item)
            .where(Item.id.in_(items))
            .values(state_changed_at=utcnow() - timedelta(days=days, minutes=1))
        )
    assert purge_due(rt) == 2
    for item_id in items:
        assert run_stage(rt, Stage.PURGE, item_id) is StageOutcome.DONE
        assert item_state(rt, item_id) is State.PURGED
        assert rt.store.item_object_names(item_id) == []
        with pytest.raises(KeyDestroyed):
            rt.keyring.get(item_id)
    assert not rt.objects.exists(bundle.object_key)
    assert not rt.objects.exists(bundle.signature_key)
    with rt.readonly() as session:
        purged = list(session.scalars(select(AuditEvent.item_id).where(AuditEvent.action == ITEM_PURGED)))
    assert sorted(purged) == sorted(items)
