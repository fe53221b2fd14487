"""No document text reaches the database: every API slot meant for a code or identifier refuses a name
from a letter, and a dump of every table (and, on SQLite, the raw database and WAL files) never holds it.

Allowed free text is a person's or partner's name; everything else is IDs, codes, enum values, keys,
offsets and boxes. Error codes are an open set of code-shaped strings, so a code-shaped string passes
there by design; where the set is closed (reasons, kinds, review reasons) even a code-shaped one is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from db.fixtures import SHA, Database, new_item, original_ref, utc
from relay.db import (
    ItemKind,
    ObjectRef,
    Role,
    Stage,
    State,
    Verdict,
    add_message,
    audit,
    fail,
    partners,
    repo,
    retry,
    transition,
)
from relay.db.findings import FindingInput, RegionInput, add_moderator_finding, replace_machine_findings
from relay.db.models import Base
from relay.errors import CryptoKeyInvalid, StorageError
from relay.model import Kind, Severity

CANARY = "김정은 Canary-7QXJ"  # stands for a name (or any sentence) from a letter
CODE_SHAPED = "canary_7qxj"  # the same, disguised as a code
NEEDLES = ("김정은", "Canary-7QXJ", "canary-7qxj", "canary_7qxj", "7QXJ", "7qxj")


def _dump(db: Database) -> str:
    """Every row of every table, as text."""
    parts: list[str] = []
    with db.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if db.kind == "postgresql":
                rows = connection.execute(text(f'SELECT t::text FROM "{table.name}" t')).scalars().all()
            else:
                rows = [repr(tuple(r)) for r in connection.execute(text(f'SELECT * FROM "{table.name}"'))]
            parts.extend(str(r) for r in rows)
    return "\n".join(parts)


def _raw_sqlite_bytes(db: Database) -> bytes:
    path = Path(str(db.url.database))
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def test_no_repository_api_stores_document_text(db: Database) -> None:
    item_id = new_item(db.sessions)
    review_id = new_item(db.sessions, state=State.AWAITING_REVIEW)
    failed_id = new_item(db.sessions, state=State.FAILED, failed_from=State.EXTRACTED)
    approved_id = new_item(db.sessions, state=State.APPROVED)
    with db.sessions.begin() as session:
        moderator = repo.create_user(session, "Moderator Lee", Role.MODERATOR, actor="cli").id
        partner = partners.create_partner(session, "Partner Org", actor="cli").id
        bundle = partners.create_bundle(session, partner, actor="worker:seal").id

    def new_item_with(**overrides: object) -> Callable[[Session], object]:
        def call(session: Session) -> object:
            fresh = "itm_" + "m" * 26
            args: dict[str, object] = {
                "item_id": fresh,
                "kind": ItemKind.LETTER,
                "media_type": "image/png",
                "original": original_ref(fresh),
                "wrapped_key": b"k",
                "actor": "test",
            }
            args.update(overrides)
            return repo.create_item(session, **args)  # type: ignore[arg-type]

        return call

    attempts: dict[str, Callable[[Session], object]] = {
        "item id": new_item_with(item_id=CANARY),
        "media type": new_item_with(media_type=CANARY),
        "creating actor": new_item_with(actor=CANARY),
        "first stage": new_item_with(enqueue=CANARY),
        "object key": lambda s: ObjectRef(CANARY, SHA, 1),
        "object sha256": lambda s: ObjectRef("items/x/y", CANARY, 1),
        "transition actor": lambda s: transition(s, item_id, State.RECEIVED, State.SANITIZED, actor=CANARY),
        "transition code": lambda s: transition(
            s, item_id, State.RECEIVED, State.SANITIZED, actor="w", code=CANARY
        ),
        "next stage": lambda s: transition(
            s, item_id, State.RECEIVED, State.SANITIZED, actor="w", enqueue=CANARY
        ),
        "error code": lambda s: fail(s, item_id, State.RECEIVED, CANARY, actor="w", max_attempts=3),
        "failing actor": lambda s: fail(s, item_id, State.RECEIVED, "corrupt", actor=CANARY, max_attempts=3),
        "retrying actor": lambda s: retry(s, failed_id, actor=CANARY),
        "risk code": lambda s: repo.raise_risk(s, item_id, actor="w", code=CANARY),
        "risk actor": lambda s: repo.raise_risk(s, item_id, actor=CANARY),
        "partner actor": lambda s: repo.assign_partner(s, item_id, partner, actor=CANARY),
        "key actor": lambda s: repo.destroy_key(s, item_id, actor=CANARY),
        "reject reason": lambda s: repo.decide(s, review_id, moderator, Verdict.REJECT, reason=CANARY),  # type: ignore[arg-type]
        "coded reason": lambda s: repo.decide(s, review_id, moderator, Verdict.REJECT, reason=CODE_SHAPED),  # type: ignore[arg-type]
        "verdict": lambda s: repo.decide(s, review_id, moderator, CANARY),  # type: ignore[arg-type]
        "finding rule": lambda s: FindingInput(0, Kind.PERSON, Severity.REDACT, 0.5, CANARY),
        "finding kind": lambda s: FindingInput(0, CODE_SHAPED, Severity.REDACT, 0.5, "r"),  # type: ignore[arg-type]
        "region reason": lambda s: RegionInput(0, CODE_SHAPED, (0, 0, 1, 1)),  # type: ignore[arg-type]
        "findings actor": lambda s: replace_machine_findings(s, item_id, [], [], actor=CANARY),
        "moderator kind": lambda s: add_moderator_finding(
            s,
            review_id,
            moderator,
            page=0,
            kind=CODE_SHAPED,  # type: ignore[arg-type]
            boxes=[(0, 0, 1, 1)],
        ),
        "stage": lambda s: repo.record_stage_result(s, item_id, CANARY, []),  # type: ignore[arg-type]
        "user actor": lambda s: repo.create_user(s, "Someone", Role.VOLUNTEER, actor=CANARY),
        "user role": lambda s: repo.create_user(s, "Someone", CANARY, actor="cli"),  # type: ignore[arg-type]
        "partner creator": lambda s: partners.create_partner(s, "Other", actor=CANARY),
        "recipient": lambda s: partners.add_recipient(s, partner, CANARY, actor="cli"),
        "token hash": lambda s: partners.issue_token(s, partner, CANARY, utc(2040, 1, 1), actor="cli"),
        "bundle actor": lambda s: partners.create_bundle(s, partner, actor=CANARY),
        "bundling actor": lambda s: partners.add_to_bundle(s, bundle, approved_id, actor=CANARY),
        "audit action": lambda s: audit.record(s, CANARY, actor="cli"),
        "audit code": lambda s: audit.record(s, "probe", actor="cli", code=CANARY),
        "audit item": lambda s: audit.record(s, "probe", actor="cli", item_id=CANARY),
        "outbox actor": lambda s: add_message(s, CANARY, item_id),
        "outbox item": lambda s: add_message(s, "sanitize", CANARY),
    }
    outcomes: dict[str, str] = {}
    for slot, attempt in attempts.items():
        with db.sessions() as session:
            try:
                attempt(session)
                session.commit()
                outcomes[slot] = "accepted"
            except (ValueError, StorageError, CryptoKeyInvalid):  # NotACode is a ValueError
                # Refused for what the value is. Any other refusal (a missing row, a wrong state) would
                # propagate and fail the test: it would mean the slot was never really tried.
                outcomes[slot] = "refused"
                session.rollback()
    assert outcomes == dict.fromkeys(attempts, "refused")

    # The ordinary path, with names where names belong, still works and leaves a full database to search.
    with db.sessions.begin() as session:
        transition(
            session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:sanitize", enqueue="extract"
        )
        repo.record_stage_result(
            session, item_id, Stage.SANITIZE, [ObjectRef(f"items/{item_id}/page-0", SHA, 9)]
        )
        fail(session, item_id, State.SANITIZED, "storage_unavailable", actor="worker:extract", max_attempts=3)
        repo.decide(session, review_id, moderator, Verdict.APPROVE)
        partners.issue_token(
            session, partner, partners.hash_token(CANARY), utc(2040, 1, 1) + timedelta(1), actor="cli"
        )
    dump = _dump(db)
    assert (
        "Moderator Lee" in dump and "Partner Org" in dump and "storage_unavailable" in dump
    )  # the dump works
    for needle in NEEDLES:
        assert needle not in dump
    if db.kind == "sqlite":
        raw = _raw_sqlite_bytes(db)
        assert b"Moderator Lee" in raw
        for needle in NEEDLES:
            assert needle.encode("utf-8") not in raw


@pytest.mark.parametrize("name", [CANARY])
def test_names_are_the_free_text_that_is_stored(db: Database, name: str) -> None:
    """The counterpart: a name given as a name is kept (so the dump check above can see text at all)."""
    with db.sessions.begin() as session:
        repo.create_user(session, name, Role.VOLUNTEER, actor="cli")
    assert name in _dump(db)
