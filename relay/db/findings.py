"""Findings and review regions: where identifying details are, never what they say.

The detector's findings and review regions are written by the detect/redact stages (replacing any from an
earlier run of the stage, so a re-run is idempotent); during review a moderator can add a box the machine
missed, dismiss a finding judged harmless, and mark review regions as looked at.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from relay.db import audit
from relay.db.codes import check_actor, check_rule
from relay.db.coltypes import utcnow
from relay.db.models import Finding, FindingSource, FindingStatus, Item, ReviewRegion, Role
from relay.db.rows import load, load_item, load_user
from relay.db.states import State
from relay.errors import NOT_A_MODERATOR, NOT_AWAITING_REVIEW, TRANSITION_FORBIDDEN, NotACode, StateError
from relay.model import Box, Kind, PlacedFinding, ReviewReason, Severity
from relay.model import ReviewRegion as PlacedRegion

MODERATOR_RULE = "moderator"
# Before review the machine's findings may be rewritten by a stage re-run; after it starts they are fixed.
_BEFORE_REVIEW = frozenset({State.RECEIVED, State.SANITIZED, State.EXTRACTED, State.DETECTED, State.REDACTED})


@dataclass(frozen=True, slots=True)
class FindingInput:
    """A finding to store: kind, severity, confidence, rule, and where (text offsets, boxes, times)."""

    page: int
    kind: Kind
    severity: Severity
    confidence: float
    rule: str
    start: int | None = None
    end: int | None = None
    boxes: tuple[Box, ...] = ()
    t0: float | None = None
    t1: float | None = None

    def __post_init__(self) -> None:
        _check_page(self.page)
        object.__setattr__(self, "kind", _kind(self.kind))
        object.__setattr__(self, "severity", Severity(self.severity))
        check_rule(self.rule)
        if not (isinstance(self.confidence, int | float) and 0.0 <= self.confidence <= 1.0):
            raise ValueError("confidence must be between 0 and 1")
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end, or neither")
        if self.start is not None and self.end is not None and not 0 <= self.start <= self.end:
            raise ValueError("text offsets must satisfy 0 <= start <= end")
        for box in self.boxes:
            _check_box(box)
        _check_span(self.t0, self.t1)

    @classmethod
    def from_placed(cls, placed: PlacedFinding) -> FindingInput:
        """From a finding the redact stage placed on a page."""
        f = placed.finding
        return cls(placed.page, f.kind, f.severity, f.confidence, f.rule, f.start, f.end, placed.boxes)


@dataclass(frozen=True, slots=True)
class RegionInput:
    """A review region to store: a box on a page, or a time span, and the reason a moderator must look."""

    page: int
    reason: ReviewReason
    box: Box | None = None
    t0: float | None = None
    t1: float | None = None

    def __post_init__(self) -> None:
        _check_page(self.page)
        try:
            object.__setattr__(self, "reason", ReviewReason(self.reason))
        except ValueError:
            raise NotACode("a review reason must be one of relay.model.ReviewReason") from None
        if self.box is None and self.t0 is None:
            raise ValueError("a review region needs a box or a time span")
        if self.box is not None:
            _check_box(self.box)
        _check_span(self.t0, self.t1)

    @classmethod
    def from_placed(cls, region: PlacedRegion) -> RegionInput:
        """From a review region the redact stage placed on a page."""
        return cls(region.page, region.reason, region.box)


def replace_machine_findings(
    session: Session,
    item_id: str,
    findings: Sequence[FindingInput],
    regions: Sequence[RegionInput],
    *,
    actor: str,
    now: datetime | None = None,
) -> None:
    """Store the machine's findings and review regions for the item, replacing those of any earlier run.

    Only before review starts (StateError ``transition_forbidden`` after): what a moderator reviews must
    not change under them. Moderator-made findings are kept.
    """
    check_actor(actor)
    item = load_item(session, item_id, lock=True)
    if item.state not in _BEFORE_REVIEW:
        raise StateError("findings are fixed once review has started", code=TRANSITION_FORBIDDEN)
    at = now or utcnow()
    session.execute(
        delete(Finding).where(Finding.item_id == item.id, Finding.source == FindingSource.MACHINE)
    )
    session.execute(delete(ReviewRegion).where(ReviewRegion.item_id == item.id))
    session.add_all(
        Finding(
            item_id=item.id,
            page=f.page,
            kind=f.kind.value,
            severity=f.severity,
            confidence=float(f.confidence),
            rule=f.rule,
            start=f.start,
            end=f.end,
            boxes=[list(box) for box in f.boxes],
            t0=f.t0,
            t1=f.t1,
            source=FindingSource.MACHINE,
            status=FindingStatus.ACTIVE,
            created_at=at,
        )
        for f in findings
    )
    session.add_all(
        ReviewRegion(
            item_id=item.id,
            page=r.page,
            box=None if r.box is None else list(r.box),
            t0=r.t0,
            t1=r.t1,
            reason=r.reason.value,
            created_at=at,
        )
        for r in regions
    )
    session.flush()
    audit.record(session, audit.FINDINGS_REPLACED, actor=actor, item_id=item.id, at=at)


def add_moderator_finding(
    session: Session,
    item_id: str,
    moderator_id: str,
    *,
    page: int,
    kind: Kind,
    boxes: Sequence[Box] = (),
    t0: float | None = None,
    t1: float | None = None,
    now: datetime | None = None,
) -> Finding:
    """A box (or time span) a moderator marks for redaction during review."""
    spec = FindingInput(page, kind, Severity.REDACT, 1.0, MODERATOR_RULE, boxes=tuple(boxes), t0=t0, t1=t1)
    if not spec.boxes and spec.t0 is None:
        raise ValueError("a moderator's finding needs a box or a time span")
    moderator_id = _moderator(session, moderator_id)
    item = _in_review(session, item_id)
    at = now or utcnow()
    finding = Finding(
        item_id=item.id,
        page=spec.page,
        kind=spec.kind.value,
        severity=spec.severity,
        confidence=spec.confidence,
        rule=spec.rule,
        boxes=[list(box) for box in spec.boxes],
        t0=spec.t0,
        t1=spec.t1,
        source=FindingSource.MODERATOR,
        status=FindingStatus.ACTIVE,
        created_by=moderator_id,
        created_at=at,
    )
    session.add(finding)
    session.flush()
    audit.record(
        session, audit.FINDING_ADDED, actor=moderator_id, item_id=item.id, code=spec.kind.value, at=at
    )
    return finding


def dismiss_finding(session: Session, finding_id: int, moderator_id: str) -> None:
    """A moderator judges a finding harmless. It is kept (as dismissed) for the record."""
    moderator_id = _moderator(session, moderator_id)
    finding = load(session, Finding, finding_id, lock=True)
    _in_review(session, finding.item_id)
    finding.status = FindingStatus.DISMISSED
    finding.dismissed_by = moderator_id
    audit.record(
        session, audit.FINDING_DISMISSED, actor=moderator_id, item_id=finding.item_id, code=finding.kind
    )


def resolve_region(
    session: Session, region_id: int, moderator_id: str, *, now: datetime | None = None
) -> None:
    """A moderator has looked at a review region."""
    moderator_id = _moderator(session, moderator_id)
    region = load(session, ReviewRegion, region_id, lock=True)
    _in_review(session, region.item_id)
    region.resolved_by = moderator_id
    region.resolved_at = now or utcnow()
    audit.record(
        session, audit.REGION_RESOLVED, actor=moderator_id, item_id=region.item_id, code=region.reason
    )


def findings_for(session: Session, item_id: str, *, active_only: bool = False) -> list[Finding]:
    """The item's findings, in page order."""
    query = select(Finding).where(Finding.item_id == item_id)
    if active_only:
        query = query.where(Finding.status == FindingStatus.ACTIVE)
    return list(session.scalars(query.order_by(Finding.page, Finding.id)))


def regions_for(session: Session, item_id: str, *, open_only: bool = False) -> list[ReviewRegion]:
    """The item's review regions, in page order; ``open_only`` leaves out the resolved ones."""
    query = select(ReviewRegion).where(ReviewRegion.item_id == item_id)
    if open_only:
        query = query.where(ReviewRegion.resolved_by.is_(None))
    return list(session.scalars(query.order_by(ReviewRegion.page, ReviewRegion.id)))


def _moderator(session: Session, user_id: str) -> str:
    user = load_user(session, user_id)
    if user.role not in (Role.MODERATOR, Role.ADMIN):
        raise StateError("only moderators and admins review items", code=NOT_A_MODERATOR)
    return user.id


def _in_review(session: Session, item_id: str) -> Item:
    item = load_item(session, item_id, lock=True)
    if item.state is not State.AWAITING_REVIEW:
        raise StateError("the item is not awaiting review", code=NOT_AWAITING_REVIEW)
    return item


def _kind(value: object) -> Kind:
    try:
        return Kind(str(value))
    except ValueError:
        raise NotACode("a finding's kind must be one of relay.model.Kind") from None


def _check_page(page: object) -> None:
    if not isinstance(page, int) or isinstance(page, bool) or page < 0:
        raise ValueError("page must be a non-negative integer")


def _check_box(box: object) -> None:
    if (
        not isinstance(box, tuple | list)
        or len(box) != 4
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in box)
        or not (0 <= box[0] < box[2] and 0 <= box[1] < box[3])
    ):
        raise ValueError("a box is four integers (x0, y0, x1, y1) with 0 <= x0 < x1 and 0 <= y0 < y1")


def _check_span(t0: float | None, t1: float | None) -> None:
    if (t0 is None) != (t1 is None):
        raise ValueError("give both t0 and t1, or neither")
    if t0 is not None and t1 is not None and not (math.isfinite(t0) and math.isfinite(t1) and 0 <= t0 <= t1):
        raise ValueError("a time span must satisfy 0 <= t0 <= t1 (seconds)")
