"""The repository API for items: creating them, their stage results, people, and review decisions.

Functions take the caller's Session and never commit: the caller owns the transaction, so a stage can
store its result, move the item and enqueue the next stage all-or-nothing::

    with sessions.begin() as session:
        repo.record_stage_result(session, item_id, Stage.SANITIZE, outputs)
        transition(session, item_id, State.RECEIVED, State.SANITIZED, actor="worker:sanitize",
                   enqueue="extract")

Every write is audited. Strings are IDs, codes or enum values (refused otherwise, see
:mod:`relay.db.codes`); the only free text accepted anywhere is a person's or a partner's name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from relay.db import audit
from relay.db.codes import check_actor, check_actor_name, check_code, check_media_type
from relay.db.coltypes import utcnow
from relay.db.ids import ITEM, USER, check_id, new_id
from relay.db.models import (
    BundleItem,
    Decision,
    Item,
    ItemKind,
    ObjectRef,
    Partner,
    ReasonCode,
    Risk,
    Role,
    StageResult,
    User,
    Verdict,
)
from relay.db.outbox import add_message
from relay.db.rows import insert_unique, load, load_item, load_user
from relay.db.states import Stage, State
from relay.db.transitions import transition
from relay.errors import (
    ALREADY_EXISTS,
    BAD_TEXT,
    DECISION_EXISTS,
    NAME_TAKEN,
    NOT_A_MODERATOR,
    NOT_AWAITING_REVIEW,
    REASON_REQUIRED,
    TRANSITION_FORBIDDEN,
    InputRejected,
    RecordNotFound,
    StateError,
)

# Once sealed, an item's partner is fixed: the bundle was encrypted to that partner's keys.
_PARTNER_FIXED = frozenset({State.SEALED, State.STAGED, State.DELIVERED, State.PURGED})
NAME_MAX = 200


# --- items ---------------------------------------------------------------------------------------------


def create_item(
    session: Session,
    *,
    item_id: str,
    kind: ItemKind,
    media_type: str,
    original: ObjectRef,
    wrapped_key: bytes,
    actor: str,
    risk: Risk = Risk.NORMAL,
    enqueue: str | None = None,
    now: datetime | None = None,
) -> Item:
    """Record a new item in ``received``, with its stored original and its wrapped data key.

    ``item_id`` comes from :func:`relay.db.ids.new_item_id`, taken before the original was stored (the
    data key is wrapped under it). ConflictError ``already_exists`` if the ID is taken. ``enqueue`` names
    the first stage's actor, published once the transaction commits.
    """
    if not isinstance(wrapped_key, bytes) or not wrapped_key:
        raise ValueError("an item needs its wrapped data key")
    at = now or utcnow()
    item = Item(
        id=check_id(item_id, ITEM),
        kind=ItemKind(kind),
        media_type=check_media_type(media_type),
        state=State.RECEIVED,
        attempts=0,
        risk=Risk(risk),
        created_at=at,
        updated_at=at,
        state_changed_at=at,
        original_key=original.key,
        original_sha256=original.sha256,
        original_size=original.size,
        wrapped_key=wrapped_key,
    )
    check_actor(actor)
    if enqueue is not None:
        check_actor_name(enqueue)
    insert_unique(session, item, code=ALREADY_EXISTS, message="an item with that ID exists")
    audit.record(session, audit.ITEM_CREATED, actor=actor, item_id=item.id, to_state=State.RECEIVED, at=at)
    if enqueue is not None:
        add_message(session, enqueue, item.id, now=at)
    return item


def get_item(session: Session, item_id: str, *, lock: bool = False) -> Item:
    """The item, fresh from the database (locked for the transaction with ``lock``); RecordNotFound."""
    return load_item(session, item_id, lock=lock)


def items_in_state(session: Session, state: State, *, limit: int = 100, offset: int = 0) -> list[Item]:
    """Items in ``state``, longest waiting first (the review queue is ``awaiting_review``)."""
    query = (
        select(Item)
        .where(Item.state == State(state))
        .order_by(Item.state_changed_at, Item.id)
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(query))


def count_by_state(session: Session) -> dict[State, int]:
    """How many items are in each state (states with none are left out)."""
    rows = session.execute(select(Item.state, func.count()).group_by(Item.state))
    return {state: count for state, count in rows}


def raise_risk(session: Session, item_id: str, *, actor: str, code: str | None = None) -> bool:
    """Mark the item high-risk (two moderators must approve it). Risk only goes up: nothing lowers it, so
    no one can take an item out of the two-moderator rule. Returns whether it changed."""
    check_actor(actor)
    code = check_code(code or "high")
    changed = session.execute(
        update(Item)
        .where(Item.id == item_id, Item.risk == Risk.NORMAL)
        .values(risk=Risk.HIGH, updated_at=utcnow())
        .execution_options(synchronize_session="fetch")
    ).rowcount  # type: ignore[attr-defined]
    if not changed:
        load_item(session, item_id)  # RecordNotFound for a missing item; else it was high already
        return False
    audit.record(session, audit.RISK_SET, actor=actor, item_id=item_id, code=code)
    return True


def assign_partner(session: Session, item_id: str, partner_id: str, *, actor: str) -> None:
    """Choose the partner organisation the item is to be sealed for (before it is sealed)."""
    check_actor(actor)
    item = load_item(session, item_id, lock=True)
    load(session, Partner, partner_id)
    if item.state in _PARTNER_FIXED:
        raise StateError("the item is sealed; its partner can no longer change", code=TRANSITION_FORBIDDEN)
    # An item already claimed by a bundle is being encrypted to that bundle's partner: moving it would
    # leave the bundle unsealable (the sealer refuses to encrypt it to keys it is no longer meant for).
    claimed = session.scalar(select(BundleItem.partner_id).where(BundleItem.item_id == item.id))
    if claimed is not None and claimed != partner_id:
        raise StateError(
            "the item is being sealed for its partner; it can no longer move", code=TRANSITION_FORBIDDEN
        )
    item.partner_id = partner_id
    item.updated_at = utcnow()
    audit.record(session, audit.PARTNER_ASSIGNED, actor=actor, item_id=item_id, partner_id=partner_id)


def destroy_key(session: Session, item_id: str, *, actor: str, now: datetime | None = None) -> bool:
    """Destroy the item's wrapped data key (crypto-shredding: its objects become unreadable everywhere).

    Idempotent; returns whether this call destroyed it. The old value may linger in free database pages,
    the WAL or backups until they are overwritten; without the master key it is useless there.
    """
    check_actor(actor)
    at = now or utcnow()
    destroyed = session.execute(
        update(Item)
        .where(Item.id == item_id, Item.key_destroyed_at.is_(None))
        .values(wrapped_key=None, key_destroyed_at=at, updated_at=at)
        .execution_options(synchronize_session="fetch")
    ).rowcount  # type: ignore[attr-defined]
    if not destroyed:
        load_item(session, item_id)
        return False
    audit.record(session, audit.KEY_DESTROYED, actor=actor, item_id=item_id, at=at)
    return True


# --- stage results -------------------------------------------------------------------------------------


def record_stage_result(
    session: Session, item_id: str, stage: Stage, outputs: Sequence[ObjectRef], *, now: datetime | None = None
) -> StageResult:
    """Record what ``stage`` stored for the item, once: the first record wins and is returned thereafter.

    A stage re-run after a crash calls this again and gets the first run's result back, so it can reuse
    (or compare) the objects instead of piling up new ones. RecordNotFound for a missing item.
    """
    stage = Stage(stage)
    existing = get_stage_result(session, item_id, stage)
    if existing is not None:
        return existing
    row = StageResult(
        item_id=load_item(session, item_id).id,
        stage=stage,
        outputs=[ref.to_json() for ref in outputs],
        created_at=now or utcnow(),
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        # Another run of the stage recorded its result between our check and our insert: theirs stands.
        pass
    result = get_stage_result(session, item_id, stage)
    if result is None:  # only if the item vanished, which relay never does
        raise RecordNotFound("there is no item with that ID")
    return result


def get_stage_result(session: Session, item_id: str, stage: Stage) -> StageResult | None:
    """What ``stage`` recorded for the item, or None."""
    query = select(StageResult).where(StageResult.item_id == item_id, StageResult.stage == Stage(stage))
    return session.scalars(query.execution_options(populate_existing=True)).one_or_none()


# --- people --------------------------------------------------------------------------------------------


def clean_name(untrusted_name: str) -> str:
    """A person's or partner's name, trimmed and NFC-normalised; InputRejected ``bad_text`` if it is empty,
    longer than 200 characters or holds control or formatting characters (which could hide text in logs
    and pages)."""
    if not isinstance(untrusted_name, str):
        raise InputRejected("a name must be text", code=BAD_TEXT)
    name = unicodedata.normalize("NFC", untrusted_name.strip())
    if not name or len(name) > NAME_MAX:
        raise InputRejected(f"a name must be 1-{NAME_MAX} characters", code=BAD_TEXT)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for ch in name):
        raise InputRejected("a name must not contain control or invisible characters", code=BAD_TEXT)
    return name


def create_user(session: Session, name: str, role: Role, *, actor: str, now: datetime | None = None) -> User:
    """Add a person. ConflictError ``name_taken`` if the name is in use (names are how people log in)."""
    at = now or utcnow()
    check_actor(actor)
    user = User(id=new_id(USER), name=clean_name(name), role=Role(role), created_at=at)
    insert_unique(session, user, code=NAME_TAKEN, message="that name is taken")
    audit.record(session, audit.USER_CREATED, actor=actor, user_id=user.id, code=user.role.value, at=at)
    return user


def get_user(session: Session, user_id: str) -> User:
    """The person; RecordNotFound if there is none."""
    return load_user(session, user_id)


def user_by_name(session: Session, name: str) -> User | None:
    """The person with this name, or None."""
    return session.scalars(select(User).where(User.name == clean_name(name))).one_or_none()


# --- review decisions ----------------------------------------------------------------------------------


def decide(
    session: Session,
    item_id: str,
    moderator_id: str,
    verdict: Verdict,
    *,
    reason: ReasonCode | None = None,
    enqueue: str | None = None,
    now: datetime | None = None,
) -> State:
    """Record a moderator's verdict and move the item if the verdicts now decide it. Returns its state.

    One reject rejects. Approval needs one moderator, or two different ones for a high-risk item; until
    then the item stays ``awaiting_review``. A rejection needs a reason code. ``enqueue`` names the actor
    to publish the item to if it is approved (sealing).

    Errors: RecordNotFound (no such item or user); StateError ``not_a_moderator``,
    ``not_awaiting_review``, ``reason_required``; ConflictError ``decision_exists`` if this moderator
    already decided on this item (a second approval must come from someone else).
    """
    verdict = Verdict(verdict)
    reason = None if reason is None else ReasonCode(reason)
    moderator = load_user(session, moderator_id)
    if moderator.role not in (Role.MODERATOR, Role.ADMIN):
        raise StateError("only moderators and admins decide on items", code=NOT_A_MODERATOR)
    if verdict is Verdict.REJECT and reason is None:
        raise StateError("a rejection needs a reason code", code=REASON_REQUIRED)
    # Locked so that two moderators deciding at once are counted one after the other: otherwise each
    # could see only their own approval and neither would approve an item that both had approved.
    item = load_item(session, item_id, lock=True)
    if item.state is not State.AWAITING_REVIEW:
        raise StateError("the item is not awaiting review", code=NOT_AWAITING_REVIEW)
    at = now or utcnow()
    decision = Decision(
        item_id=item.id, moderator_id=moderator.id, verdict=verdict, reason=reason, created_at=at
    )
    insert_unique(session, decision, code=DECISION_EXISTS, message="this moderator has already decided")
    audit.record(
        session,
        audit.DECISION,
        actor=moderator.id,
        item_id=item.id,
        code=reason.value if reason else verdict.value,
        at=at,
    )
    if verdict is Verdict.REJECT:
        transition(
            session,
            item.id,
            State.AWAITING_REVIEW,
            State.REJECTED,
            actor=moderator.id,
            code=reason.value if reason else None,
            now=at,
        )
        return State.REJECTED
    approvals = session.scalar(
        select(func.count()).where(Decision.item_id == item.id, Decision.verdict == Verdict.APPROVE)
    )
    if (approvals or 0) < (2 if item.risk is Risk.HIGH else 1):
        return State.AWAITING_REVIEW
    transition(
        session, item.id, State.AWAITING_REVIEW, State.APPROVED, actor=moderator.id, enqueue=enqueue, now=at
    )
    return State.APPROVED


def decisions_for(session: Session, item_id: str) -> list[Decision]:
    """The verdicts recorded on the item, oldest first."""
    return list(session.scalars(select(Decision).where(Decision.item_id == item_id).order_by(Decision.id)))
