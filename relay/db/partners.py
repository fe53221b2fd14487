"""Partner organisations: their age recipients, their API tokens, and the bundles sealed for them.

A bundle's life: :func:`create_bundle` opens it; :func:`add_to_bundle` puts approved items in (an item
goes into one bundle per partner, ever, however many sealers race); :func:`seal_bundle` records the
written object and moves its items to ``sealed``; :func:`stage_bundle` and :func:`acknowledge_bundle`
follow the upload and the partner's acknowledgement, moving the items to ``staged`` and ``delivered``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from relay.crypto.age_keys import X25519Recipient
from relay.db import audit
from relay.db.codes import check_actor, check_sha256
from relay.db.coltypes import utcnow
from relay.db.ids import BUNDLE, PARTNER, check_id, new_id
from relay.db.models import Bundle, BundleItem, ObjectRef, Partner, PartnerRecipient, PartnerToken
from relay.db.repo import clean_name
from relay.db.rows import insert_unique, load, load_item
from relay.db.states import State
from relay.db.transitions import transition
from relay.errors import (
    ALREADY_BUNDLED,
    ALREADY_EXISTS,
    NAME_TAKEN,
    NOT_APPROVED,
    TRANSITION_FORBIDDEN,
    WRONG_PARTNER,
    ConflictError,
    RecordNotFound,
    StateError,
)

# --- partners, recipients, tokens ----------------------------------------------------------------------


def create_partner(session: Session, name: str, *, actor: str, now: datetime | None = None) -> Partner:
    """Add a partner organisation. ConflictError ``name_taken`` if the name is in use."""
    check_actor(actor)
    at = now or utcnow()
    partner = Partner(id=new_id(PARTNER), name=clean_name(name), created_at=at)
    insert_unique(session, partner, code=NAME_TAKEN, message="a partner with that name exists")
    audit.record(session, audit.PARTNER_CREATED, actor=actor, partner_id=partner.id, at=at)
    return partner


def get_partner(session: Session, partner_id: str) -> Partner:
    """The partner; RecordNotFound if there is none."""
    return load(session, Partner, partner_id)


def add_recipient(session: Session, partner_id: str, recipient: str, *, actor: str) -> str:
    """Add an age X25519 recipient (``age1…``) for the partner; returns it as stored.

    CryptoKeyInvalid if it is not one; ConflictError ``already_exists`` if the partner has it already.
    """
    check_actor(actor)
    canonical = str(X25519Recipient.from_string(recipient))
    partner = load(session, Partner, partner_id)
    row = PartnerRecipient(partner_id=partner.id, recipient=canonical, created_at=utcnow())
    insert_unique(session, row, code=ALREADY_EXISTS, message="the partner has that recipient already")
    audit.record(session, audit.RECIPIENT_ADDED, actor=actor, partner_id=partner.id)
    return canonical


def recipients_for(session: Session, partner_id: str) -> list[str]:
    """The partner's age recipients, in the order they were added."""
    query = select(PartnerRecipient.recipient).where(PartnerRecipient.partner_id == partner_id)
    return list(session.scalars(query.order_by(PartnerRecipient.id)))


def hash_token(token: str) -> str:
    """The SHA-256 (hex) kept in place of an API token: a stolen database yields no usable token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(
    session: Session, partner_id: str, token_hash: str, expires_at: datetime, *, actor: str
) -> PartnerToken:
    """Record a new API token for the partner by its hash (see :func:`hash_token`)."""
    check_actor(actor)
    partner = load(session, Partner, partner_id)
    row = PartnerToken(
        partner_id=partner.id, token_hash=check_sha256(token_hash), created_at=utcnow(), expires_at=expires_at
    )
    insert_unique(session, row, code=ALREADY_EXISTS, message="that token exists")
    audit.record(session, audit.TOKEN_ISSUED, actor=actor, partner_id=partner.id)
    return row


def partner_for_token(session: Session, token_hash: str, *, now: datetime | None = None) -> str | None:
    """The partner a live (unexpired, unrevoked) token belongs to, or None."""
    query = select(PartnerToken.partner_id).where(
        PartnerToken.token_hash == token_hash,
        PartnerToken.revoked_at.is_(None),
        PartnerToken.expires_at > (now or utcnow()),
    )
    return session.scalars(query).one_or_none()


def revoke_token(session: Session, token_hash: str, *, actor: str, now: datetime | None = None) -> bool:
    """Revoke a token; returns whether it was live until now."""
    check_actor(actor)
    partner_id = session.scalars(
        update(PartnerToken)
        .where(PartnerToken.token_hash == token_hash, PartnerToken.revoked_at.is_(None))
        .values(revoked_at=now or utcnow())
        .returning(PartnerToken.partner_id)
        .execution_options(synchronize_session="fetch")
    ).one_or_none()
    if partner_id is None:
        return False
    audit.record(session, audit.TOKEN_REVOKED, actor=actor, partner_id=partner_id)
    return True


# --- bundles -------------------------------------------------------------------------------------------


def create_bundle(session: Session, partner_id: str, *, actor: str, now: datetime | None = None) -> Bundle:
    """Open a new, empty bundle for the partner."""
    check_actor(actor)
    partner = load(session, Partner, partner_id)
    bundle = Bundle(id=new_id(BUNDLE), partner_id=partner.id, created_at=now or utcnow())
    session.add(bundle)
    session.flush()
    audit.record(session, audit.BUNDLE_CREATED, actor=actor, partner_id=partner.id, bundle_id=bundle.id)
    return bundle


def get_bundle(session: Session, bundle_id: str) -> Bundle:
    """The bundle; RecordNotFound if there is none."""
    return load(session, Bundle, check_id(bundle_id, BUNDLE))


def add_to_bundle(session: Session, bundle_id: str, item_id: str, *, actor: str) -> None:
    """Put an approved item into an open bundle.

    StateError ``not_approved`` unless the item is approved; ``wrong_partner`` if it is assigned to
    another partner; ``transition_forbidden`` if the bundle is already sealed. ConflictError
    ``already_bundled`` if the item is in a bundle for this partner already, including when another
    sealer put it there a moment ago: the database's unique (partner, item) rule decides that race.
    """
    check_actor(actor)
    bundle = get_bundle(session, bundle_id)
    if bundle.object_key is not None:
        raise StateError("the bundle is sealed; open a new one", code=TRANSITION_FORBIDDEN)
    item = load_item(session, item_id)
    if item.state is not State.APPROVED:
        raise StateError("only approved items are bundled", code=NOT_APPROVED)
    if item.partner_id is not None and item.partner_id != bundle.partner_id:
        raise StateError("the item is assigned to another partner", code=WRONG_PARTNER)
    row = BundleItem(bundle_id=bundle.id, item_id=item.id, partner_id=bundle.partner_id)
    insert_unique(
        session, row, code=ALREADY_BUNDLED, message="the item is already in a bundle for this partner"
    )
    audit.record(
        session,
        audit.BUNDLE_ITEM_ADDED,
        actor=actor,
        item_id=item.id,
        partner_id=bundle.partner_id,
        bundle_id=bundle.id,
    )


def bundle_item_ids(session: Session, bundle_id: str) -> list[str]:
    """The IDs of the items in the bundle."""
    query = select(BundleItem.item_id).where(BundleItem.bundle_id == bundle_id).order_by(BundleItem.item_id)
    return list(session.scalars(query))


def seal_bundle(session: Session, bundle_id: str, sealed: ObjectRef, *, actor: str) -> None:
    """Record the bundle's written object and move its items from approved to sealed, all at once.

    Idempotent for the same object; ConflictError ``already_exists`` if it was sealed with another one.
    StateError ``not_approved`` (and nothing changes) if an item has left ``approved`` meanwhile.
    """
    check_actor(actor)
    bundle = load(session, Bundle, check_id(bundle_id, BUNDLE), lock=True)
    if bundle.object_key is not None:
        if (bundle.object_key, bundle.sha256, bundle.size) != (sealed.key, sealed.sha256, sealed.size):
            raise ConflictError("the bundle was sealed with another object", code=ALREADY_EXISTS)
        return
    bundle.object_key, bundle.sha256, bundle.size = sealed.key, sealed.sha256, sealed.size
    for item_id in bundle_item_ids(session, bundle.id):
        if not transition(session, item_id, State.APPROVED, State.SEALED, actor=actor):
            raise StateError("an item in the bundle is no longer approved", code=NOT_APPROVED)


def stage_bundle(session: Session, bundle_id: str, *, actor: str, now: datetime | None = None) -> bool:
    """Record that the sealed bundle is uploaded for the partner; its items move to ``staged``.

    Idempotent: returns False if it was staged already.
    """
    return _mark(session, bundle_id, "staged_at", State.SEALED, State.STAGED, audit.BUNDLE_STAGED, actor, now)


def acknowledge_bundle(
    session: Session, bundle_id: str, partner_id: str, *, actor: str, now: datetime | None = None
) -> bool:
    """Record the partner's acknowledgement of a staged bundle; its items move to ``delivered``.

    Only the bundle's own partner can acknowledge it (RecordNotFound otherwise, so a partner learns
    nothing about other partners' bundles). Idempotent: returns False if acknowledged already.
    """
    bundle = get_bundle(session, bundle_id)
    if bundle.partner_id != partner_id:
        raise RecordNotFound("there is no bundle with that ID")
    if bundle.staged_at is None:
        raise StateError("the bundle has not been staged", code=TRANSITION_FORBIDDEN)
    return _mark(
        session,
        bundle_id,
        "acknowledged_at",
        State.STAGED,
        State.DELIVERED,
        audit.BUNDLE_ACKNOWLEDGED,
        actor,
        now,
    )


def _mark(
    session: Session,
    bundle_id: str,
    column: str,
    from_state: State,
    to_state: State,
    action: str,
    actor: str,
    now: datetime | None,
) -> bool:
    check_actor(actor)
    at = now or utcnow()
    bundle = load(session, Bundle, check_id(bundle_id, BUNDLE), lock=True)
    if bundle.object_key is None:
        raise StateError("the bundle has not been sealed", code=TRANSITION_FORBIDDEN)
    if getattr(bundle, column) is not None:
        return False
    setattr(bundle, column, at)
    for item_id in bundle_item_ids(session, bundle.id):
        # All or nothing: an item not where the bundle says (parked in failed, say) stops the whole
        # update until it is retried, rather than leaving the bundle half staged or half delivered.
        if not transition(session, item_id, from_state, to_state, actor=actor, now=at):
            raise StateError(f"an item in the bundle is not {from_state}", code=TRANSITION_FORBIDDEN)
    audit.record(session, action, actor=actor, partner_id=bundle.partner_id, bundle_id=bundle.id, at=at)
    return True


def item_bundle(session: Session, item_id: str) -> Bundle | None:
    """The bundle the item went into, if any."""
    query = (
        select(Bundle)
        .join(BundleItem, BundleItem.bundle_id == Bundle.id)
        .where(BundleItem.item_id == item_id)
    )
    return session.scalars(query).first()
