"""Sealing approved items into bundles for their partner, and staging the bundles in the object store.

One bundle's way, each step a short transaction or an idempotent store write::

    claim       create_bundle + add_to_bundle for the partner's approved, unbundled items  (commit)
    write       tar → age (to every recipient of the partner) → a temporary file: ciphertext only
    put         bundles/<partner id>/<bundle id>.tar.age
    seal        under the bundle's row lock: confirm the stored object is ours, seal_bundle  (commit)
    sign + put  bundles/<partner id>/<bundle id>.tar.age.minisig (deterministic bytes: re-puts match)
    stage       stage_bundle: the items move sealed → staged  (commit)

Races and crashes, and why they are safe:

- Two sealers claiming at once: the database's unique (partner, item) rule decides; the loser skips the
  item, and a claim that won nothing is rolled back (no empty bundles).
- A crash after the claim leaves an *open* bundle (items bundled, nothing sealed). Once it is older
  than the seal stage's time limit it is taken to be abandoned: under its row lock, a recovering sealer
  deletes whatever half-written object sits at its key, writes a fresh one and seals it, all before the
  lock is released. The original sealer, should it still be alive, seals only under the same lock and
  only after re-putting its own file succeeded as an identical put, so the database never records an
  object the store does not hold. Objects are deleted only for bundles that are not sealed.
- A crash after sealing leaves a *sealed, unstaged* bundle: :func:`stage_pending` re-signs the stored
  object (after checking it against the recorded SHA-256) and stages it.

Nothing here logs or raises document content: messages carry bundle, partner and item IDs at most.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from relay.bundle.errors import BUNDLE_OBJECT_MISSING, NO_RECIPIENTS, SealError
from relay.bundle.seal import BundleEntry, build_manifest, write_bundle
from relay.bundle.signature import bundle_comment
from relay.crypto.age_keys import X25519Recipient
from relay.crypto.minisign import SigningKey, sign_file
from relay.db.coltypes import utcnow
from relay.db.models import Bundle, BundleItem, Item, ObjectRef
from relay.db.partners import (
    add_to_bundle,
    bundle_item_ids,
    create_bundle,
    get_partner,
    recipients_for,
    seal_bundle,
    stage_bundle,
)
from relay.db.rows import load
from relay.db.states import State
from relay.errors import ALREADY_BUNDLED, WRONG_PARTNER, ConflictError, ObjectExists, RelayError, StateError
from relay.outputs import redacted_media, redaction_counts
from relay.runtime import Runtime
from relay.signing import load_or_create_signing_key
from relay.store.base import PutResult
from relay.store.local import LocalStore

BUNDLES_PREFIX = "bundles/"
SIGNATURE_SUFFIX = ".minisig"
# Caps one bundle (and its manifest) so a backlog becomes several bundles a partner can each open.
MAX_ITEMS_PER_BUNDLE = 200
SEAL_INCOMPLETE = "seal_incomplete"
OBJECT_CONFLICT = "bundle_object_conflict"


@dataclass(frozen=True, slots=True)
class StagedBundle:
    """A bundle written, signed and staged for its partner."""

    bundle_id: str
    partner_id: str
    object_key: str  # bundles/<partner id>/<bundle id>.tar.age in the object store
    signature_key: str  # object_key + ".minisig"
    location: str  # where an operator finds it: a path (file store) or an s3:// URI
    item_count: int
    size: int  # of the encrypted bundle, in bytes


@dataclass(frozen=True, slots=True)
class _Claim:
    bundle_id: str
    partner_id: str
    created_at: datetime
    item_ids: tuple[str, ...]


def bundle_object_key(partner_id: str, bundle_id: str) -> str:
    """The object-store key of a bundle."""
    return f"{BUNDLES_PREFIX}{partner_id}/{bundle_id}.tar.age"


def signature_object_key(object_key: str) -> str:
    """The object-store key of a bundle's detached signature."""
    return object_key + SIGNATURE_SUFFIX


def location_of(rt: Runtime, key: str) -> str:
    """Where an object is, for people: its file in the local store (in the store's own format; `relay bundle
    --export` writes plain copies), or an s3:// URI."""
    storage = rt.settings.storage
    if isinstance(rt.objects, LocalStore):
        return str(rt.objects.file_of(key))
    if storage.file_root is not None:
        return str(storage.file_root / key)
    prefix = f"{storage.s3_prefix}/" if storage.s3_prefix else ""
    return f"s3://{storage.s3_bucket}/{prefix}{key}"


def seal_for_partner(
    rt: Runtime, partner_id: str, *, actor: str, now: datetime | None = None
) -> list[StagedBundle]:
    """Seal and stage everything approved for the partner and not yet bundled; returns what it staged.

    Also finishes the partner's abandoned and unstaged bundles first (see the module docstring).
    Idempotent and race-safe: run it as often and from as many places as you like. ``now`` (tests)
    decides which open bundles count as abandoned. Raises SealError ``partner_has_no_recipients`` if
    there is something to seal and no one to encrypt it to; RecordNotFound for an unknown partner.
    """
    with rt.readonly() as session:
        get_partner(session, partner_id)
    # An old bundle that cannot be finished (an item reassigned meanwhile, its object lost) must not
    # hold up new bundles for the partner: its error is raised once the rest is done.
    errors: list[RelayError] = []
    staged = _recover_abandoned(rt, partner_id, actor=actor, now=now, errors=errors)
    staged += _stage_pending(rt, actor=actor, partner_id=partner_id, errors=errors)
    while (claim := _claim(rt, partner_id, actor=actor)) is not None:
        staged.append(_write_and_stage(rt, claim, actor=actor))
    if errors:
        raise errors[0]
    return staged


def seal_all(rt: Runtime, *, actor: str, now: datetime | None = None) -> list[StagedBundle]:
    """:func:`seal_for_partner` for every partner with approved items or unfinished bundles.

    One partner's failure (no recipients, say) does not hold up the others: every partner is tried,
    then SealError ``seal_incomplete`` names the partners that failed (by ID), if any did.
    """
    with rt.readonly() as session:
        with_items = select(Item.partner_id).where(Item.state == State.APPROVED, Item.partner_id.is_not(None))
        unfinished = select(Bundle.partner_id).where(Bundle.staged_at.is_(None))
        partner_ids = sorted({p for p in session.scalars(with_items.union(unfinished)) if p is not None})
    staged: list[StagedBundle] = []
    failed: list[str] = []
    for partner_id in partner_ids:
        try:
            staged += seal_for_partner(rt, partner_id, actor=actor, now=now)
        except RelayError as exc:
            failed.append(f"{partner_id} ({exc.code})")  # IDs and codes only: safe to log
    if failed:
        raise SealError(f"sealing failed for partner(s) {', '.join(failed)}", code=SEAL_INCOMPLETE)
    return staged


def stage_pending(rt: Runtime, *, actor: str, partner_id: str | None = None) -> list[StagedBundle]:
    """Finish bundles that were sealed but not staged (a crash between the two): check the stored object
    against its recorded SHA-256, put its signature, stage it. Returns what it staged.

    A bundle that cannot be finished (its object gone or altered: SealError ``bundle_object_missing``)
    does not hold up the others; the first such error is raised once they are done.
    """
    errors: list[RelayError] = []
    staged = _stage_pending(rt, actor=actor, partner_id=partner_id, errors=errors)
    if errors:
        raise errors[0]
    return staged


def _stage_pending(
    rt: Runtime, *, actor: str, partner_id: str | None, errors: list[RelayError]
) -> list[StagedBundle]:
    with rt.readonly() as session:
        query = select(Bundle.id).where(Bundle.object_key.is_not(None), Bundle.staged_at.is_(None))
        if partner_id is not None:
            query = query.where(Bundle.partner_id == partner_id)
        pending = list(session.scalars(query.order_by(Bundle.created_at, Bundle.id)))
    staged: list[StagedBundle] = []
    for bundle_id in pending:
        try:
            staged.append(_stage_sealed(rt, bundle_id, actor=actor))
        except RelayError as exc:
            errors.append(exc)
    return staged


def _stage_sealed(rt: Runtime, bundle_id: str, *, actor: str) -> StagedBundle:
    with rt.readonly() as session:
        bundle = load(session, Bundle, bundle_id)
        if bundle.object_key is None or bundle.sha256 is None:  # selected as sealed; fail closed all the same
            raise SealError(f"bundle {bundle_id} is not sealed", code=BUNDLE_OBJECT_MISSING)
        claim = _Claim(
            bundle.id, bundle.partner_id, bundle.created_at, tuple(bundle_item_ids(session, bundle.id))
        )
        key, expected = bundle.object_key, bundle.sha256
    if key != bundle_object_key(claim.partner_id, claim.bundle_id):
        raise SealError(f"bundle {bundle_id} is recorded under an unexpected key", code=BUNDLE_OBJECT_MISSING)
    with _scratch_file(rt) as (tmp, tmp_path):
        try:
            # The database's checksum, not the store's own record: the object must be the one sealed.
            rt.objects.get(key, tmp, expected_sha256=expected)
        except RelayError as exc:
            raise SealError(
                f"sealed bundle {bundle_id} is missing or altered in the store ({exc.code})",
                code=BUNDLE_OBJECT_MISSING,
            ) from None
        tmp.flush()
        return _sign_and_stage(rt, claim, tmp_path, actor=actor)


# --- claiming ------------------------------------------------------------------------------------------


def _claim(rt: Runtime, partner_id: str, *, actor: str) -> _Claim | None:
    """Open a bundle holding the partner's next approved, unbundled items; None if there are none."""
    with rt.sessions() as session:
        candidates = _candidates(session, partner_id)
        if not candidates:
            return None
        if not recipients_for(session, partner_id):
            raise SealError("the partner has no age recipients; add one first", code=NO_RECIPIENTS)
        bundle = create_bundle(session, partner_id, actor=actor)
        added: list[str] = []
        for item_id in candidates:
            try:
                redacted_media(session, item_id)
            except RelayError:
                # Approved without recorded redacted media: a fault upstream. Sealing it would fail every
                # bundle it joined; it stays approved (and visible) for someone to look at.
                continue
            try:
                add_to_bundle(session, bundle.id, item_id, actor=actor)
            except ConflictError as exc:
                if exc.code != ALREADY_BUNDLED:
                    raise
                continue  # another sealer took it a moment ago: the unique rule decided
            except StateError:
                continue  # it left ``approved`` or changed partner meanwhile
            added.append(item_id)
        if not added:
            session.rollback()  # no empty bundles
            return None
        claim = _Claim(bundle.id, partner_id, bundle.created_at, tuple(added))
        session.commit()
    return claim


def _candidates(session: Session, partner_id: str) -> list[str]:
    bundled = exists().where(BundleItem.item_id == Item.id, BundleItem.partner_id == partner_id)
    query = (
        select(Item.id)
        .where(Item.state == State.APPROVED, Item.partner_id == partner_id, ~bundled)
        # One order for every sealer, so racing claims take row locks in the same order (no deadlock).
        .order_by(Item.state_changed_at, Item.id)
        .limit(MAX_ITEMS_PER_BUNDLE)
    )
    return list(session.scalars(query))


# --- writing, sealing, staging -------------------------------------------------------------------------


def _write_and_stage(rt: Runtime, claim: _Claim, *, actor: str) -> StagedBundle:
    key = bundle_object_key(claim.partner_id, claim.bundle_id)
    with _scratch_file(rt) as (tmp, tmp_path):
        _write(rt, claim, tmp)
        tmp.seek(0)
        try:
            put = rt.objects.put(key, tmp)
        except ObjectExists:
            raise SealError(
                f"bundle {claim.bundle_id} has an object written by another sealer; it is retried later",
                code=OBJECT_CONFLICT,
            ) from None
        with rt.sessions.begin() as session:
            bundle = load(session, Bundle, claim.bundle_id, lock=True)
            if bundle.object_key is None:
                # Under the lock no recovering sealer can delete or replace the object: confirm the stored
                # one is this file (an identical re-put succeeds, anything else is ObjectExists).
                tmp.seek(0)
                _confirm_put(rt, key, tmp, put)
            elif (bundle.sha256, bundle.size) != (put.sha256, put.size):
                # A recovering sealer took this bundle over (this one was too slow): its object stands.
                raise SealError(
                    f"bundle {claim.bundle_id} was sealed by another sealer meanwhile", code=OBJECT_CONFLICT
                )
            seal_bundle(session, claim.bundle_id, ObjectRef(key, put.sha256, put.size), actor=actor)
        return _sign_and_stage(rt, claim, tmp_path, actor=actor)


def _recover_abandoned(
    rt: Runtime, partner_id: str, *, actor: str, now: datetime | None, errors: list[RelayError]
) -> list[StagedBundle]:
    cutoff = (now or utcnow()) - timedelta(seconds=rt.settings.pipeline.time_limits_seconds.seal)
    with rt.readonly() as session:
        abandoned = list(
            session.scalars(
                select(Bundle.id)
                .where(
                    Bundle.partner_id == partner_id, Bundle.object_key.is_(None), Bundle.created_at < cutoff
                )
                .order_by(Bundle.created_at, Bundle.id)
            )
        )
    staged: list[StagedBundle] = []
    for bundle_id in abandoned:
        try:
            recovered = _recover_one(rt, bundle_id, partner_id, actor=actor)
        except RelayError as exc:
            errors.append(exc)
            continue
        if recovered is not None:
            staged.append(recovered)
    return staged


def _recover_one(rt: Runtime, bundle_id: str, partner_id: str, *, actor: str) -> StagedBundle | None:
    with rt.readonly() as session:
        bundle = load(session, Bundle, bundle_id)
        claim = _Claim(bundle.id, partner_id, bundle.created_at, tuple(bundle_item_ids(session, bundle.id)))
    if not claim.item_ids:
        return None
    key = bundle_object_key(partner_id, bundle_id)
    with _scratch_file(rt) as (tmp, tmp_path):
        # Written before taking the lock: reading media needs the key ring's own transactions.
        _write(rt, claim, tmp)
        with rt.sessions.begin() as session:
            bundle = load(session, Bundle, bundle_id, lock=True)
            if bundle.object_key is not None:
                return None  # sealed meanwhile by its first sealer or another recovery
            rt.objects.delete(signature_object_key(key))
            rt.objects.delete(key)
            tmp.seek(0)
            try:
                put = rt.objects.put(key, tmp)
            except ObjectExists:
                raise SealError(
                    f"bundle {bundle_id} is being written by another sealer; it is retried later",
                    code=OBJECT_CONFLICT,
                ) from None
            seal_bundle(session, bundle_id, ObjectRef(key, put.sha256, put.size), actor=actor)
        return _sign_and_stage(rt, claim, tmp_path, actor=actor)


def _write(rt: Runtime, claim: _Claim, dst: BinaryIO) -> None:
    """Write the claim's encrypted bundle into ``dst``."""
    with rt.readonly() as session:
        assigned = session.execute(select(Item.id, Item.partner_id).where(Item.id.in_(claim.item_ids))).all()
        if sorted(assigned) != sorted((item_id, claim.partner_id) for item_id in claim.item_ids):
            # Reassigned to another partner after it was bundled: never encrypt it to the wrong keys.
            raise SealError(
                f"an item in bundle {claim.bundle_id} is now assigned to another partner", code=WRONG_PARTNER
            )
        recipients = [X25519Recipient.from_string(r) for r in recipients_for(session, claim.partner_id)]
        entries = [
            BundleEntry(media=redacted_media(session, item_id), redactions=redaction_counts(session, item_id))
            for item_id in claim.item_ids
        ]
    manifest = build_manifest(claim.bundle_id, claim.partner_id, claim.created_at, entries)
    write_bundle(
        manifest,
        entries,
        store=rt.store,
        signing_key=load_or_create_signing_key(rt),
        recipients=recipients,
        dst=dst,
    )
    dst.flush()


def _confirm_put(rt: Runtime, key: str, src: BinaryIO, put: PutResult) -> None:
    try:
        again = rt.objects.put(key, src)
    except ObjectExists:
        again = None
    if again != put:
        raise SealError(
            "the bundle object was replaced while it was being sealed; it is retried later",
            code=OBJECT_CONFLICT,
        )


def _sign_and_stage(rt: Runtime, claim: _Claim, path: Path, *, actor: str) -> StagedBundle:
    """Put the detached signature of the bundle file at ``path`` beside it, and stage the bundle."""
    key = bundle_object_key(claim.partner_id, claim.bundle_id)
    signature_key = signature_object_key(key)
    signature = _sign(path, load_or_create_signing_key(rt), claim)
    try:
        rt.objects.put(signature_key, io.BytesIO(signature.encode("ascii")))
    except ObjectExists:
        raise SealError(
            f"bundle {claim.bundle_id} has a signature that is not relay's for it", code=OBJECT_CONFLICT
        ) from None
    with rt.sessions.begin() as session:
        stage_bundle(session, claim.bundle_id, actor=actor)
        bundle = load(session, Bundle, claim.bundle_id)
        size = bundle.size or 0
    return StagedBundle(
        bundle_id=claim.bundle_id,
        partner_id=claim.partner_id,
        object_key=key,
        signature_key=signature_key,
        location=location_of(rt, key),
        item_count=len(claim.item_ids),
        size=size,
    )


def _sign(path: Path, key: SigningKey, claim: _Claim) -> str:
    return sign_file(path, key, bundle_comment(claim.bundle_id, claim.partner_id, claim.created_at))


@contextmanager
def _scratch_file(rt: Runtime) -> Iterator[tuple[BinaryIO, Path]]:
    """A private (0600) temporary file for ciphertext (never plaintext), removed on exit."""
    scratch = rt.settings.home / "tmp" if rt.settings.embedded else None
    fd, name = tempfile.mkstemp(dir=scratch, prefix="bundle-", suffix=".tar.age")
    try:
        with os.fdopen(fd, "w+b") as tmp:
            yield tmp, Path(name)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(name)


def export_bundle(rt: Runtime, bundle_id: str, dest: Path) -> tuple[Path, Path]:
    """Copy a staged bundle and its signature out of the store into ``dest`` as plain files.

    For embedded mode, where the store keeps objects in its own file format, and for carrying a bundle
    by hand: the files are exactly what a partner downloads (``<id>.tar.age`` and ``<id>.tar.age.minisig``),
    checked against the recorded SHA-256 on the way out; both appear, or neither.
    """
    with rt.readonly() as session:
        bundle = load(session, Bundle, bundle_id)
        key, sha = bundle.object_key, bundle.sha256
        staged = bundle.staged_at is not None
    if key is None or sha is None or not staged:
        raise StateError("the bundle has not been staged yet", code="not_staged")
    if not dest.is_dir():
        raise RelayError("the export folder does not exist; create it first", code="bad_output")
    target = dest / f"{bundle_id}.tar.age"
    sig_target = dest / f"{bundle_id}.tar.age{SIGNATURE_SUFFIX}"
    signature = io.BytesIO()
    rt.objects.get(signature_object_key(key), signature)
    fd, tmp = tempfile.mkstemp(prefix=f".{bundle_id}.", dir=dest)
    try:
        with os.fdopen(fd, "wb") as out:
            rt.objects.get(key, out, expected_sha256=sha)
        sig_target.write_bytes(signature.getvalue())
        os.replace(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        with suppress(FileNotFoundError):
            sig_target.unlink()
        raise
    return target, sig_target
