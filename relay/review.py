"""A moderator's work on an item awaiting review: look, adjust, approve or reject.

The web interface and ``relay review`` both call these. What is delivered is rendered at approval from
the sanitized pages and every *active* finding: the machine's redactions, the boxes moderators added, and
the machine's possible details that no moderator dismissed (fail closed: a possible detail nobody judged
harmless is removed). Approving also records that the approving moderator looked at every open review
region. A high-risk item needs a second, different moderator; nothing is sealed before that.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from relay.db import findings as db_findings
from relay.db.models import Finding, Item, Partner, ReasonCode, Risk, Verdict
from relay.db.repo import assign_partner, decide, decisions_for, items_in_state, user_by_name
from relay.db.states import Stage, State
from relay.errors import RecordNotFound, RelayError, StateError
from relay.files import write_all_or_nothing
from relay.jobs import encode_delivered, sanitized_pages
from relay.model import Box, Kind, ReviewReason, ReviewRegion, Severity
from relay.outputs import record_redacted, redacted_media, store_redacted
from relay.redact import burn, preview
from relay.runtime import Runtime
from relay.sanitize import encode

NO_PARTNER = "no_partner"
REDACTED = "redacted."
NOT_IN_REVIEW = "not_awaiting_review"


@dataclass(frozen=True)
class ReviewItem:
    """What a moderator sees of an item before opening it (no content)."""

    item_id: str
    state: State
    risk: Risk
    waiting_since: datetime
    redactions: dict[str, int]  # active redact findings by kind
    possible: dict[str, int]  # active review findings by kind (filled at approval unless dismissed)
    open_regions: int
    approvals: int
    partner: str | None


@dataclass(frozen=True)
class FindingView:
    """One finding as a moderator lists it: where, what kind, how sure; never the text."""

    finding_id: int
    page: int
    kind: str
    severity: str
    source: str
    status: str
    confidence: float
    boxes: tuple[Box, ...]


def moderator_id(session: Session, name: str) -> str:
    """The ID of the moderator (or admin) called ``name``; RecordNotFound if there is none."""
    user = user_by_name(session, name)
    if user is None:
        raise RecordNotFound("there is no user with that name; add one with `relay users add`")
    return user.id


def queue(rt: Runtime, *, limit: int = 100) -> list[ReviewItem]:
    """Items awaiting review, longest waiting first."""
    with rt.readonly() as session:
        waiting = items_in_state(session, State.AWAITING_REVIEW, limit=limit)
        return [_summary(session, item) for item in waiting]


def summary(rt: Runtime, item_id: str) -> ReviewItem:
    """One item's review summary (any state)."""
    with rt.readonly() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise RecordNotFound("there is no item with that ID")
        return _summary(session, item)


def findings(rt: Runtime, item_id: str) -> list[FindingView]:
    """The item's findings, page by page."""
    with rt.readonly() as session:
        return [
            FindingView(
                finding_id=f.id,
                page=f.page,
                kind=f.kind,
                severity=f.severity.value,
                source=f.source.value,
                status=f.status.value,
                confidence=f.confidence,
                boxes=tuple((b[0], b[1], b[2], b[3]) for b in f.boxes),
            )
            for f in db_findings.findings_for(session, item_id)
        ]


def add_box(rt: Runtime, item_id: str, moderator: str, *, page: int, box: Box, kind: Kind) -> int:
    """Mark a box the machine missed for redaction; returns the new finding's ID."""
    with rt.sessions.begin() as session:
        _check_page(session, item_id, page)
        finding = db_findings.add_moderator_finding(
            session, item_id, moderator_id(session, moderator), page=page, kind=kind, boxes=[box]
        )
        return finding.id


def dismiss(rt: Runtime, item_id: str, finding_id: int, moderator: str) -> None:
    """Judge one of the item's findings harmless: it will not be filled."""
    with rt.sessions.begin() as session:
        finding = session.get(Finding, finding_id)
        if finding is None or finding.item_id != item_id:
            raise RecordNotFound("the item has no finding with that ID")
        db_findings.dismiss_finding(session, finding_id, moderator_id(session, moderator))


def approve(rt: Runtime, item_id: str, moderator: str, *, partner: str | None = None) -> State:
    """Approve the item as ``moderator``; returns its state (approved, or still awaiting a second look).

    ``partner`` names the organisation to seal it for; it may be left out when exactly one partner is
    registered or the item already has one. The delivered media is re-rendered from the sanitized pages
    and the active findings, stored, and recorded in the same transaction as the verdict.
    """
    with rt.readonly() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise RecordNotFound("there is no item with that ID")
        if item.state is not State.AWAITING_REVIEW:  # checked before rendering for nothing
            raise StateError("the item is not awaiting review", code=NOT_IN_REVIEW)
    rendered = encode_delivered(render(rt, item_id))
    media = store_redacted(rt.store, item_id, *rendered, run=secrets.token_hex(4))
    try:
        with rt.sessions.begin() as session:
            who = moderator_id(session, moderator)
            item = session.get(Item, item_id)
            if item is None:
                raise RecordNotFound("there is no item with that ID")
            if item.state is not State.AWAITING_REVIEW:
                raise StateError("the item is not awaiting review", code=NOT_IN_REVIEW)
            partner_id = _partner_for(session, item, partner)
            if item.partner_id != partner_id:
                assign_partner(session, item_id, partner_id, actor=who)
            previous = _recorded_media(session, item_id)
            keep = [o for o in _outputs(session, item_id) if not str(o.get("name", "")).startswith(REDACTED)]
            record_redacted(session, item_id, [media, *keep])
            for region in db_findings.regions_for(session, item_id, open_only=True):
                db_findings.resolve_region(session, region.id, who)
            state = decide(session, item_id, who, Verdict.APPROVE, enqueue=Stage.SEAL.value)
    except BaseException:
        rt.store.delete_item_object(item_id, media["name"])
        raise
    if previous is not None and previous != media["name"]:
        rt.store.delete_item_object(item_id, previous)
    return state


def reject(rt: Runtime, item_id: str, moderator: str, reason: ReasonCode) -> State:
    """Reject the item as ``moderator`` with a reason from the closed list; it will be purged."""
    with rt.sessions.begin() as session:
        return decide(session, item_id, moderator_id(session, moderator), Verdict.REJECT, reason=reason)


def render(rt: Runtime, item_id: str) -> list[Image.Image]:
    """The item's pages as they would be delivered now: the sanitized pages with every active finding's
    boxes filled (what :func:`approve` stores)."""
    pages = sanitized_pages(rt, item_id)
    with rt.readonly() as session:
        boxes = _active_boxes(session, item_id, len(pages))
    return [burn(page, page_boxes) for page, page_boxes in zip(pages, boxes, strict=True)]


def previews(rt: Runtime, item_id: str) -> list[Image.Image]:
    """A moderator's view of each page, rendered now: the active ``redact`` fills (the machine's and the
    moderators' boxes) burned in and every open review region outlined and labelled. Possible details
    stay readable inside their outlines, so that a moderator can judge them; delivery fills those a
    moderator did not dismiss (:func:`render`). Never delivered."""
    pages = sanitized_pages(rt, item_id)
    with rt.readonly() as session:
        boxes = _active_boxes(session, item_id, len(pages), redact_only=True)
        regions: list[list[ReviewRegion]] = [[] for _ in pages]
        for row in db_findings.regions_for(session, item_id, open_only=True):
            if row.box is not None and 0 <= row.page < len(pages):
                x0, y0, x1, y1 = row.box
                regions[row.page].append(ReviewRegion((x0, y0, x1, y1), ReviewReason(row.reason), row.page))
    return [
        preview(page, page_boxes, page_regions)
        for page, page_boxes, page_regions in zip(pages, boxes, regions, strict=True)
    ]


def export_views(rt: Runtime, item_id: str, dest: Path) -> list[Path]:
    """Write the moderator previews (:func:`previews`) into ``dest`` as PNG files.

    The files are decrypted content: the caller asked for them, for a moderator's own screen. Written all
    or nothing; returns the paths.
    """
    with rt.readonly() as session:
        if session.get(Item, item_id) is None:
            raise RecordNotFound("there is no item with that ID")
    files = {
        dest / f"{item_id}.p{page + 1:03d}.preview.png": encode(view, "png")
        for page, view in enumerate(previews(rt, item_id))
    }
    write_all_or_nothing(files)
    return sorted(files)


# --- helpers ---------------------------------------------------------------------------------------------


def _summary(session: Session, item: Item) -> ReviewItem:
    active = db_findings.findings_for(session, item.id, active_only=True)
    partner = session.get(Partner, item.partner_id) if item.partner_id else None
    return ReviewItem(
        item_id=item.id,
        state=item.state,
        risk=item.risk,
        waiting_since=item.state_changed_at,
        redactions=dict(Counter(f.kind for f in active if f.severity.value == "redact")),
        possible=dict(Counter(f.kind for f in active if f.severity.value == "review")),
        open_regions=len(db_findings.regions_for(session, item.id, open_only=True)),
        approvals=sum(1 for d in decisions_for(session, item.id) if d.verdict is Verdict.APPROVE),
        partner=partner.name if partner is not None else None,
    )


def _partner_for(session: Session, item: Item, name: str | None) -> str:
    if name is not None:
        found = session.scalars(select(Partner).where(Partner.name == name)).one_or_none()
        if found is None:
            raise RecordNotFound("there is no partner with that name; see `relay partners list`")
        return found.id
    if item.partner_id is not None:
        return item.partner_id
    partners = list(session.scalars(select(Partner.id).limit(2)))
    if len(partners) == 1:
        return partners[0]
    raise RelayError(
        "say which partner the item is for (--partner NAME)"
        if partners
        else "no partner is registered; add one with `relay partners add` first",
        code=NO_PARTNER,
    )


def _recorded_media(session: Session, item_id: str) -> str | None:
    """The name of the redacted media recorded for the item, if any (none before its first approval)."""
    try:
        return redacted_media(session, item_id).name
    except RelayError:
        return None


def _outputs(session: Session, item_id: str) -> list[dict[str, object]]:
    from relay.db.repo import get_stage_result

    result = get_stage_result(session, item_id, Stage.REDACT)
    return list(result.outputs) if result is not None else []


def _active_boxes(
    session: Session, item_id: str, pages: int, *, redact_only: bool = False
) -> list[list[Box]]:
    boxes: list[list[Box]] = [[] for _ in range(pages)]
    for f in db_findings.findings_for(session, item_id, active_only=True):
        if redact_only and f.severity is not Severity.REDACT:
            continue
        if 0 <= f.page < pages:
            boxes[f.page].extend((b[0], b[1], b[2], b[3]) for b in f.boxes)
    return boxes


def _check_page(session: Session, item_id: str, page: int) -> None:
    from relay.db.repo import get_stage_result

    result = get_stage_result(session, item_id, Stage.SANITIZE)
    if result is None or not 0 <= page < len(result.outputs):
        raise RelayError("the item has no such page", code="no_such_page")


__all__ = [
    "FindingView",
    "ReviewItem",
    "add_box",
    "approve",
    "dismiss",
    "export_views",
    "findings",
    "moderator_id",
    "previews",
    "queue",
    "reject",
    "render",
    "summary",
]
