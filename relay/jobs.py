"""The pipeline's stages as idempotent jobs on stored items: what every worker actor calls.

:func:`run_stage` loads the item by ID, checks that it is in the state the stage works on (a duplicate or
stale message finds it elsewhere and does nothing), runs the pure stage functions on the item's decrypted
objects, stores the results encrypted, and then, in one transaction, moves the item on by compare-and-set,
records what it stored and puts the next stage's message in the outbox. Two runs racing on one item both
compute, exactly one commits; the loser deletes what it stored. Objects are named with a per-run token so
that a run never overwrites another's, and later stages read the names the database recorded.

Failures are counted in the database (:func:`relay.db.transitions.fail`): bad input parks the item at once
with the input's stable code; anything else raises :class:`StageFailed` for the broker to retry, until the
attempts run out and the item is parked in ``failed``, visible and retryable. Nothing here logs or raises
document content: messages carry codes and exception type names only.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from relay import raster
from relay.db import audit
from relay.db import findings as db_findings
from relay.db.codes import check_code
from relay.db.coltypes import utcnow
from relay.db.ids import new_item_id
from relay.db.models import Item, ItemKind, ObjectRef, OutboxMessage
from relay.db.outbox import add_message
from relay.db.partners import item_bundle
from relay.db.repo import create_item, get_stage_result, raise_risk, record_stage_result
from relay.db.states import Stage, State
from relay.db.transitions import FailOutcome, fail, transition
from relay.errors import TOO_LARGE, InputRejected, KeyDestroyed, RelayError
from relay.intake import Limits, load_pages, sniff
from relay.keys import new_data_key
from relay.model import Finding, Kind, PageResult, PageText
from relay.outputs import record_redacted
from relay.runtime import Runtime
from relay.sanitize import encode, encode_pages, sanitize
from relay.serial import findings_from_bytes, findings_to_bytes, page_text_from_bytes, page_text_to_bytes
from relay.store import SealedStore

ORIGINAL = "original"
STAGE_FAILED = "stage_failed"
NO_PARTNER = "no_partner"
STAGE_INTERRUPTED = "stage_interrupted"
ITEM_PURGED = "item_purged"  # audit action: retention ran out, key destroyed, objects deleted


class StageOutcome(StrEnum):
    """What :func:`run_stage` did."""

    DONE = "done"  # the stage ran and the item moved on (the next stage's message is in the outbox)
    SKIPPED = "skipped"  # the item was not in a state this stage works on: duplicate or stale message
    PARKED = "parked"  # failed for good (bad input, or attempts exhausted): the item is in ``failed``


class StageFailed(RelayError):
    """The stage failed, the attempt is counted, and it should run again (the broker retries it)."""

    code = STAGE_FAILED


# The states each stage works on. Redact also finishes an item a crash left in ``redacted``.
WORKS_ON: Final[Mapping[Stage, frozenset[State]]] = {
    Stage.SANITIZE: frozenset({State.RECEIVED}),
    Stage.EXTRACT: frozenset({State.SANITIZED}),
    Stage.DETECT: frozenset({State.EXTRACTED}),
    Stage.REDACT: frozenset({State.DETECTED, State.REDACTED}),
    Stage.SEAL: frozenset({State.APPROVED}),
    Stage.STAGE: frozenset({State.SEALED}),
    Stage.PURGE: frozenset({State.DELIVERED, State.REJECTED, State.FAILED}),
}
# Kinds that make an item high-risk (two moderators must approve it): a route, a broker, money sent
# north or the circumstances of a capture can identify people as surely as a name.
HIGH_RISK_KINDS: Final[frozenset[Kind]] = frozenset({Kind.TOPIC})


def run_stage(rt: Runtime, stage: Stage, item_id: str, *, actor: str = "worker") -> StageOutcome:
    """Run ``stage`` on the item if it is in a state the stage works on. See the module docstring.

    Returns the outcome; raises :class:`StageFailed` when the broker should retry. Exceptions that are not
    errors (dramatiq's time-limit and shutdown interrupts, KeyboardInterrupt) are counted as a failed
    attempt when they are dramatiq's, and always propagate.
    """
    stage = Stage(stage)
    state = _state_of(rt, item_id)
    if state is None or state not in WORKS_ON[stage]:
        return StageOutcome.SKIPPED
    try:
        moved = _HANDLERS[stage](rt, item_id, state, actor)
    except InputRejected as exc:
        return _failed(rt, item_id, state, exc.code, actor, permanent=True)
    except KeyDestroyed as exc:
        return _failed(rt, item_id, state, exc.code, actor, permanent=True)
    except RelayError as exc:
        return _failed(rt, item_id, state, exc.code, actor, permanent=exc.code == NO_PARTNER)
    except Exception:
        return _failed(rt, item_id, state, STAGE_FAILED, actor, permanent=False)
    except BaseException as exc:
        if type(exc).__module__.startswith("dramatiq"):  # a time limit or shutdown cut the run short
            _failed(rt, item_id, state, STAGE_INTERRUPTED, actor, permanent=False, reraise=False)
        raise
    return StageOutcome.DONE if moved else StageOutcome.SKIPPED


def submit(rt: Runtime, untrusted_upload: bytes, *, actor: str) -> str:
    """Store a new upload encrypted and create its item in ``received``; returns the item ID.

    Only the cheap checks run here (size, type sniffed from the bytes), so an unusable file is refused at
    once with InputRejected and nothing is stored; everything else is the sanitize stage's job, where a
    bad file parks the item with a visible code.
    """
    limits = rt.settings.intake
    if len(untrusted_upload) > limits.max_file_bytes:
        raise InputRejected(
            f"the file is larger than {limits.max_file_mib} MiB; split or downscale it", code=TOO_LARGE
        )
    media_type = sniff(untrusted_upload[:4096])
    item_id = new_item_id()
    data_key = new_data_key()
    # The item's row (and so the database keyring's entry) does not exist yet: store the original with
    # the fresh key directly, then record the item with that key wrapped. A crash in between leaves only
    # ciphertext under a key nobody holds.
    one_off = SealedStore(rt.objects, _OneKey(item_id, data_key), scratch_dir=rt.scratch_dir)
    stored = one_off.put_item_object(item_id, ORIGINAL, io.BytesIO(untrusted_upload))
    with rt.sessions.begin() as session:
        create_item(
            session,
            item_id=item_id,
            kind=ItemKind.LETTER,
            media_type=media_type.value,
            original=ObjectRef(stored.key, stored.sha256, stored.size),
            wrapped_key=rt.master.wrap(data_key, item_id),
            actor=actor,
            enqueue=Stage.SANITIZE.value,
        )
    return item_id


def purge_due(rt: Runtime, *, now: datetime | None = None, limit: int = 500) -> int:
    """Put a purge message in the outbox for every item whose retention has run out; returns how many.

    Delivered items are purged ``retention.delivered_days`` after the partner's acknowledgement (0: at
    the next pass), rejected and failed ones after their own periods. An item with a purge message
    still waiting in the outbox is not enqueued again.
    """
    at = now or utcnow()
    retention = rt.settings.retention
    due = {
        State.DELIVERED: at - timedelta(days=retention.delivered_days),
        State.REJECTED: at - timedelta(days=retention.rejected_days),
        State.FAILED: at - timedelta(days=retention.failed_days),
    }
    with rt.sessions.begin() as session:
        waiting = select(OutboxMessage.item_id).where(
            OutboxMessage.published_at.is_(None), OutboxMessage.actor_name == Stage.PURGE.value
        )
        ids: list[str] = []
        for state, before in due.items():
            ids += session.scalars(
                select(Item.id)
                .where(Item.state == state, Item.state_changed_at <= before, Item.id.not_in(waiting))
                .limit(limit)
            )
        for item_id in ids:
            add_message(session, Stage.PURGE.value, item_id, now=at)
    return len(ids)


# --- the stages ------------------------------------------------------------------------------------------


def _sanitize(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
    with rt.readonly() as session:
        item = session.get_one(Item, item_id)
        expected = item.original_sha256
    original = _get(rt, item_id, ORIGINAL, expected)
    pages = load_pages(original, _limits(rt))
    del original
    run = _run_token()
    names: list[str] = []
    refs: list[ObjectRef] = []
    for index, page in enumerate(pages):
        name = f"sanitized.{run}.p{index:03d}.raw"
        refs.append(_put(rt, item_id, name, raster.dumps(sanitize(page))))
        names.append(name)
    return _commit(rt, item_id, Stage.SANITIZE, state, State.SANITIZED, refs, names, actor)


def _extract(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
    from relay.extract import extract_page

    run = _run_token()
    names: list[str] = []
    refs: list[ObjectRef] = []
    for index, page in enumerate(sanitized_pages(rt, item_id)):
        # Stored as read (tesseract's own word breaks): detection reads it under several spacings.
        text = extract_page(page)
        name = f"text.{run}.p{index:03d}.json"
        refs.append(_put(rt, item_id, name, page_text_to_bytes(text)))
        names.append(name)
    return _commit(rt, item_id, Stage.EXTRACT, state, State.EXTRACTED, refs, names, actor)


def _detect(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
    from relay.detect.page import detect_page

    found: list[tuple[Finding, ...]] = []
    for read in _texts(rt, item_id):
        # Offsets are into the respaced page's text, which the redact stage rebuilds the same way.
        _, findings = detect_page(read)
        found.append(tuple(findings))
    name = f"findings.{_run_token()}.json"
    ref = _put(rt, item_id, name, findings_to_bytes(found))
    risky = any(f.kind in HIGH_RISK_KINDS for page in found for f in page)

    def also(session: Session) -> None:
        if risky:
            raise_risk(session, item_id, actor=actor, code="risky_topic")

    return _commit(rt, item_id, Stage.DETECT, state, State.DETECTED, [ref], [name], actor, also=also)


def _redact(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
    if state is State.REDACTED:  # a crash came between storing the redaction and publishing it for review
        with rt.sessions.begin() as session:
            return transition(session, item_id, State.REDACTED, State.AWAITING_REVIEW, actor=actor)
    from relay.redact import place_findings, review_regions, text_area
    from relay.spacing import respace

    # The stage decides what is filled and what a moderator must look at, and records that in the
    # database. Pixels are not touched here: moderators' previews and the delivered media are rendered
    # from the sanitized pages and the findings active at the time (relay.review), so a moderator's
    # change can never leave a stale rendering behind, and the pipeline does not encode a page nobody
    # has looked at yet.
    texts = [respace(read) for read in _texts(rt, item_id)]  # as detect_page spaced them
    found = findings_from_bytes(_get(rt, item_id, *_recorded(rt, item_id, Stage.DETECT)[0]))
    if len(texts) != len(found) or len(texts) != len(_recorded(rt, item_id, Stage.SANITIZE)):
        raise RelayError("the stored stages disagree on the number of pages", code=STAGE_FAILED)
    results: list[PageResult] = []
    for index, (text, findings) in enumerate(zip(texts, found, strict=True)):
        placed = place_findings(text, list(findings), index)
        results.append(
            PageResult(
                width=text.width,
                height=text.height,
                findings=placed,
                review_regions=review_regions(text, placed, index),
                text_area=text_area(text),
            )
        )
    with rt.sessions.begin() as session:
        if not transition(session, item_id, State.DETECTED, State.REDACTED, actor=actor):
            session.rollback()
            return False
        db_findings.replace_machine_findings(
            session,
            item_id,
            [db_findings.FindingInput.from_placed(p) for r in results for p in r.findings],
            [db_findings.RegionInput.from_placed(g) for r in results for g in r.review_regions],
            actor=actor,
        )
        record_redacted(session, item_id, [])  # nothing rendered yet: see above
        transition(session, item_id, State.REDACTED, State.AWAITING_REVIEW, actor=actor)
    return True


def _seal(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
    from relay.sealer import seal_for_partner

    with rt.readonly() as session:
        partner_id = session.get_one(Item, item_id).partner_id
    if partner_id is None:
        raise RelayError("the item was approved without a partner to seal it for", code=NO_PARTNER)
    seal_for_partner(rt, partner_id, actor=actor)
    return _state_of(rt, item_id) is not State.APPROVED


def _stage(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
    from relay.sealer import stage_pending

    stage_pending(rt, actor=actor)
    return _state_of(rt, item_id) is not State.SEALED


def _purge(rt: Runtime, item_id: str, state: State, actor: str) -> bool:
    """Destroy the item's key and delete its objects once its retention is over; then mark it purged.

    The key goes first (everything of the item is unreadable from then on, backups included), then the
    objects; the database keeps only IDs, states, codes, boxes and the audit trail. The partner's staged
    bundle is deleted too once acknowledged: it is encrypted to the partner, who has it.
    """
    if not _retention_over(rt, item_id, state):
        return False
    deleted = rt.store.destroy_item(item_id)
    with rt.sessions.begin() as session:
        bundle = item_bundle(session, item_id)
        if not transition(session, item_id, state, State.PURGED, actor=actor, code="retention"):
            return False
        audit.record(session, ITEM_PURGED, actor=actor, item_id=item_id, code=f"objects_{deleted}")
        bundle_keys = (
            [bundle.object_key, bundle.object_key + ".minisig"]
            if bundle is not None and bundle.object_key and bundle.acknowledged_at is not None
            else []
        )
    for key in bundle_keys:
        rt.objects.delete(key)
    return True


_HANDLERS: Final[Mapping[Stage, Callable[[Runtime, str, State, str], bool]]] = {
    Stage.SANITIZE: _sanitize,
    Stage.EXTRACT: _extract,
    Stage.DETECT: _detect,
    Stage.REDACT: _redact,
    Stage.SEAL: _seal,
    Stage.STAGE: _stage,
    Stage.PURGE: _purge,
}
_NEXT: Final[Mapping[State, Stage]] = {
    State.SANITIZED: Stage.EXTRACT,
    State.EXTRACTED: Stage.DETECT,
    State.DETECTED: Stage.REDACT,
}


# --- helpers ---------------------------------------------------------------------------------------------


def _state_of(rt: Runtime, item_id: str) -> State | None:
    with rt.readonly() as session:
        return session.scalar(select(Item.state).where(Item.id == item_id))


def _failed(
    rt: Runtime,
    item_id: str,
    state: State,
    code: str,
    actor: str,
    *,
    permanent: bool,
    reraise: bool = True,
) -> StageOutcome:
    try:
        code = check_code(code)
    except Exception:
        code = STAGE_FAILED
    with rt.sessions.begin() as session:
        outcome = fail(
            session,
            item_id,
            state,
            code,
            actor=actor,
            max_attempts=rt.settings.pipeline.max_attempts,
            permanent=permanent,
        )
    if outcome is FailOutcome.PARKED:
        return StageOutcome.PARKED
    if outcome is FailOutcome.STALE:
        return StageOutcome.SKIPPED
    if reraise:
        # from None: the original exception (whose message may quote content) is not chained along.
        raise StageFailed("the stage failed and will run again", code=code) from None
    return StageOutcome.SKIPPED


def _commit(
    rt: Runtime,
    item_id: str,
    stage: Stage,
    from_state: State,
    to_state: State,
    refs: list[ObjectRef],
    names: list[str],
    actor: str,
    *,
    also: Callable[[Session], None] | None = None,
) -> bool:
    """Move the item on, record what the stage stored and enqueue the next stage, all or nothing."""
    try:
        with rt.sessions.begin() as session:
            nxt = _NEXT.get(to_state)
            enqueue = nxt.value if nxt is not None else None
            if not transition(session, item_id, from_state, to_state, actor=actor, enqueue=enqueue):
                session.rollback()
                _discard(rt, item_id, names)
                return False
            record_stage_result(session, item_id, stage, refs)
            if also is not None:
                also(session)
    except BaseException:
        _discard(rt, item_id, names)
        raise
    return True


def _recorded(rt: Runtime, item_id: str, stage: Stage) -> list[tuple[str, str]]:
    """The (name, ciphertext sha256) of each object ``stage`` recorded for the item, in order."""
    with rt.readonly() as session:
        result = get_stage_result(session, item_id, stage)
        outputs = list(result.outputs) if result is not None else []
    if not outputs:
        raise RelayError("an earlier stage's result is missing", code=STAGE_FAILED)
    return [(str(o["key"]).rsplit("/", 1)[1], str(o["sha256"])) for o in outputs]


def encode_delivered(pages: list[Image.Image]) -> tuple[str, bytes]:
    """The delivered media for redacted pages: (extension, bytes), a PNG for one page, else a PDF."""
    if len(pages) == 1:
        return "png", encode(pages[0], "png")
    return "pdf", encode_pages(pages, "pdf")


def sanitized_pages(rt: Runtime, item_id: str) -> list[Image.Image]:
    """The item's sanitized pages, as the sanitize stage recorded them (decrypted, in memory)."""
    pages = []
    for name, sha in _recorded(rt, item_id, Stage.SANITIZE):
        data = _get(rt, item_id, name, sha)
        if raster.is_raster(data):
            pages.append(raster.loads(data))
            continue
        # Items sanitized before intermediates became rasters hold a PNG.
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.load()
            pages.append(image.copy())
    return pages


def _texts(rt: Runtime, item_id: str) -> list[PageText]:
    return [page_text_from_bytes(_get(rt, item_id, n, s)) for n, s in _recorded(rt, item_id, Stage.EXTRACT)]


def _get(rt: Runtime, item_id: str, name: str, expected_sha256: str | None) -> bytes:
    buffer = io.BytesIO()
    rt.store.get_item_object(item_id, name, buffer, expected_sha256=expected_sha256)
    return buffer.getvalue()


def _put(rt: Runtime, item_id: str, name: str, data: bytes) -> ObjectRef:
    sealed = rt.store.put_item_object(item_id, name, io.BytesIO(data))
    return ObjectRef(sealed.key, sealed.sha256, sealed.size)


def _discard(rt: Runtime, item_id: str, names: list[str]) -> None:
    """Delete what a run that did not commit stored (best effort: leftovers are ciphertext, purged later)."""
    for name in names:
        try:
            rt.store.delete_item_object(item_id, name)
        except Exception:
            continue


def _run_token() -> str:
    return secrets.token_hex(4)


def _limits(rt: Runtime) -> Limits:
    s = rt.settings.intake
    return Limits(
        max_bytes=s.max_file_bytes,
        max_pixels=s.max_pixels,
        max_pages=s.max_pages,
        max_side=s.max_side,
        pdf_dpi=s.pdf_dpi,
        max_total_pixels=s.max_total_pixels,
    )


def _retention_over(rt: Runtime, item_id: str, state: State) -> bool:
    retention = rt.settings.retention
    days = {
        State.DELIVERED: retention.delivered_days,
        State.REJECTED: retention.rejected_days,
        State.FAILED: retention.failed_days,
    }[state]
    with rt.readonly() as session:
        changed = session.get_one(Item, item_id).state_changed_at
    return changed + timedelta(days=days) <= utcnow()


class _OneKey:
    """A keyring holding one fresh data key, for storing an upload before its item row exists."""

    def __init__(self, item_id: str, data_key: bytes) -> None:
        self._item_id = item_id
        self._key = data_key

    def get_or_create(self, item_id: str) -> bytes:
        return self.get(item_id)

    def get(self, item_id: str) -> bytes:
        if item_id != self._item_id:
            raise RelayError("this keyring holds one item's key only", code=STAGE_FAILED)
        return self._key

    def destroy(self, item_id: str) -> None:
        raise RelayError("this keyring cannot destroy keys", code=STAGE_FAILED)
