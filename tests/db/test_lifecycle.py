"""One item from upload to purge through the public API, and what the audit log says about it."""

from __future__ import annotations

import re

from sqlalchemy import select

import relay.db
from db.fixtures import SHA, Database, original_ref
from relay.db import (
    AuditEvent,
    ItemKind,
    ObjectRef,
    OutboxMessage,
    Risk,
    Role,
    Stage,
    State,
    Verdict,
    new_item_id,
    partners,
    publish_pending,
    repo,
    transition,
)
from relay.db.findings import FindingInput, RegionInput, replace_machine_findings
from relay.model import Kind, ReviewReason, Severity

CODE = re.compile(r"[a-z][a-z0-9_.:-]{0,63}")


def test_an_item_from_upload_to_purge(db: Database) -> None:
    item_id = new_item_id()
    with db.sessions.begin() as session:
        repo.create_item(
            session,
            item_id=item_id,
            kind=ItemKind.LETTER,
            media_type="image/jpeg",
            original=original_ref(item_id),
            wrapped_key=b"w" * 61,
            actor="usr_" + "v" * 26,
            enqueue="sanitize",
        )
        mod1 = repo.create_user(session, "First Moderator", Role.MODERATOR, actor="cli").id
        mod2 = repo.create_user(session, "Second Moderator", Role.MODERATOR, actor="cli").id
        partner = partners.create_partner(session, "Partner Org", actor="cli").id
    pipeline = [
        (State.RECEIVED, State.SANITIZED, Stage.SANITIZE, "extract"),
        (State.SANITIZED, State.EXTRACTED, Stage.EXTRACT, "detect"),
        (State.EXTRACTED, State.DETECTED, Stage.DETECT, "redact"),
        (State.DETECTED, State.REDACTED, Stage.REDACT, None),
    ]
    for from_state, to_state, stage, next_actor in pipeline:
        with db.sessions.begin() as session:
            out = ObjectRef(f"items/{item_id}/{stage.value}/out", SHA, 100)
            repo.record_stage_result(session, item_id, stage, [out])
            if stage is Stage.DETECT:
                finding = FindingInput(
                    0, Kind.PERSON, Severity.REDACT, 0.9, "person.surname", 3, 6, ((1, 1, 9, 9),)
                )
                region = RegionInput(0, ReviewReason.RISKY_TOPIC, (0, 0, 50, 50))
                replace_machine_findings(session, item_id, [finding], [region], actor="worker:detect")
                repo.raise_risk(session, item_id, actor="worker:detect", code="risky_topic")
            assert transition(
                session, item_id, from_state, to_state, actor=f"worker:{stage}", enqueue=next_actor
            )
    with db.sessions.begin() as session:
        assert transition(session, item_id, State.REDACTED, State.AWAITING_REVIEW, actor="worker:redact")
    with db.sessions.begin() as session:
        assert repo.decide(session, item_id, mod1, Verdict.APPROVE) is State.AWAITING_REVIEW
    with db.sessions.begin() as session:
        assert repo.decide(session, item_id, mod2, Verdict.APPROVE, enqueue="seal") is State.APPROVED
        repo.assign_partner(session, item_id, partner, actor=mod2)
    with db.sessions.begin() as session:
        bundle = partners.create_bundle(session, partner, actor="worker:seal").id
        partners.add_to_bundle(session, bundle, item_id, actor="worker:seal")
        partners.seal_bundle(
            session, bundle, ObjectRef(f"bundles/{bundle}.age", SHA, 999), actor="worker:seal"
        )
        partners.stage_bundle(session, bundle, actor="worker:stage")
    with db.sessions.begin() as session:
        partners.acknowledge_bundle(session, bundle, partner, actor="partner:" + partner)
    with db.sessions.begin() as session:
        assert transition(session, item_id, State.DELIVERED, State.PURGED, actor="worker:purge")
        assert repo.destroy_key(session, item_id, actor="worker:purge")

    with db.sessions() as session:
        item = repo.get_item(session, item_id)
        assert (item.state, item.risk, item.partner_id, item.wrapped_key) == (
            State.PURGED,
            Risk.HIGH,
            partner,
            None,
        )
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        moves = [
            (e.from_state, e.to_state) for e in events if e.action == "transition" and e.item_id == item_id
        ]
        assert moves == [
            ("received", "sanitized"),
            ("sanitized", "extracted"),
            ("extracted", "detected"),
            ("detected", "redacted"),
            ("redacted", "awaiting_review"),
            ("awaiting_review", "approved"),
            ("approved", "sealed"),
            ("sealed", "staged"),
            ("staged", "delivered"),
            ("delivered", "purged"),
        ]
        # No free text anywhere in the log: every string is an ID, a state or a code.
        for event in events:
            for value in (event.actor, event.action, event.from_state, event.to_state, event.code):
                assert value is None or CODE.fullmatch(value), value
        sent: list[tuple[str, str]] = []
        publish_pending(session, lambda actor, item: sent.append((actor, item)))
        assert sent == [(a, item_id) for a in ("sanitize", "extract", "detect", "redact", "seal")]
        assert session.scalars(select(OutboxMessage.item_id)).all() == [item_id] * 5


PUBLIC_API = """
    FAILABLE NEXT_STAGE TRANSITIONS AuditEvent Base Bundle BundleItem DbKeyRing Decision FailOutcome Finding
    FindingSource FindingStatus Item ItemKind ObjectRef OutboxMessage Partner PartnerRecipient PartnerToken
    Publisher ReasonCode ReviewRegion Risk Role Stage StageResult State User Verdict add_message allowed
    audit current_revision fail fetch_unpublished findings head_revision make_engine make_sessionmaker
    mark_published migrate new_item_id outbox partners publish_pending repo retry stuck_deadlines
    stuck_items transition
"""


def test_the_public_api_is_pinned() -> None:
    assert sorted(relay.db.__all__) == sorted(PUBLIC_API.split())
    assert all(hasattr(relay.db, name) for name in relay.db.__all__)
