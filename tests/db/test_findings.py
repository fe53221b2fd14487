"""Findings and review regions: positions and rules only, replaced by re-runs, fixed once review starts."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from db.fixtures import Database, new_item
from relay.db import FindingSource, FindingStatus, Item, Role, State, repo
from relay.db.findings import (
    FindingInput,
    RegionInput,
    add_moderator_finding,
    dismiss_finding,
    findings_for,
    regions_for,
    replace_machine_findings,
    resolve_region,
)
from relay.errors import NotACode, StateError
from relay.model import Finding, Kind, PlacedFinding, ReviewReason, Severity
from relay.model import ReviewRegion as PlacedRegion

PLACED = PlacedFinding(
    Finding(Kind.PERSON, Severity.REDACT, 0.93, 10, 13, "person.surname"), 0, ((5, 6, 50, 20),)
)
REGION = PlacedRegion((0, 100, 200, 140), ReviewReason.LOW_CONFIDENCE, 1)


@pytest.fixture
def moderator(db: Database) -> str:
    with db.sessions.begin() as session:
        return repo.create_user(session, "Moderator", Role.MODERATOR, actor="cli").id


def test_machine_findings_are_stored_and_replaced_by_a_rerun(db: Database) -> None:
    item_id = new_item(db.sessions, state=State.EXTRACTED)
    video = FindingInput(0, Kind.FACE, Severity.REDACT, 0.8, "face.haar", t0=1.5, t1=3.0)
    with db.sessions.begin() as session:
        replace_machine_findings(
            session,
            item_id,
            [FindingInput.from_placed(PLACED), video],
            [RegionInput.from_placed(REGION)],
            actor="worker:detect",
        )
    with db.sessions.begin() as session:  # the stage ran again: the same findings, not twice as many
        replace_machine_findings(
            session,
            item_id,
            [FindingInput.from_placed(PLACED)],
            [RegionInput.from_placed(REGION)],
            actor="worker:detect",
        )
    with db.sessions() as session:
        [finding] = findings_for(session, item_id)
        assert (finding.kind, finding.severity, finding.confidence, finding.rule) == (
            "person",
            Severity.REDACT,
            0.93,
            "person.surname",
        )
        assert (finding.start, finding.end, finding.boxes, finding.page) == (10, 13, [[5, 6, 50, 20]], 0)
        assert (finding.source, finding.status) == (FindingSource.MACHINE, FindingStatus.ACTIVE)
        [region] = regions_for(session, item_id)
        assert (region.page, region.box, region.reason) == (1, [0, 100, 200, 140], "low_ocr_confidence")


def test_review_moderators_add_dismiss_and_resolve(db: Database, moderator: str) -> None:
    item_id = new_item(db.sessions, state=State.EXTRACTED)
    with db.sessions.begin() as session:
        replace_machine_findings(
            session, item_id, [FindingInput.from_placed(PLACED)], [RegionInput.from_placed(REGION)], actor="w"
        )
    with db.sessions.begin() as session:
        session.execute(update(Item).where(Item.id == item_id).values(state=State.AWAITING_REVIEW))
    with db.sessions.begin() as session:
        added = add_moderator_finding(
            session, item_id, moderator, page=0, kind=Kind.ADDRESS, boxes=[(1, 2, 3, 4)]
        )
        [machine] = [f for f in findings_for(session, item_id) if f.source is FindingSource.MACHINE]
        dismiss_finding(session, machine.id, moderator)
        [region] = regions_for(session, item_id)
        resolve_region(session, region.id, moderator)
    with db.sessions() as session:
        assert [f.id for f in findings_for(session, item_id, active_only=True)] == [added.id]
        assert regions_for(session, item_id, open_only=True) == []
        dismissed = next(f for f in findings_for(session, item_id) if f.status is FindingStatus.DISMISSED)
        assert dismissed.dismissed_by == moderator
    with db.sessions.begin() as session, pytest.raises(StateError):  # fixed once review started
        replace_machine_findings(session, item_id, [], [], actor="worker:detect")


def test_findings_are_edited_only_during_review(db: Database, moderator: str) -> None:
    item_id = new_item(db.sessions, state=State.APPROVED)
    with db.sessions.begin() as session, pytest.raises(StateError) as err:
        add_moderator_finding(session, item_id, moderator, page=0, kind=Kind.PERSON, boxes=[(1, 2, 3, 4)])
    assert err.value.code == "not_awaiting_review"


@pytest.mark.parametrize(
    "make",
    [
        lambda: FindingInput(0, "Kim Chul-su", Severity.REDACT, 0.5, "person.x"),  # type: ignore[arg-type]
        lambda: FindingInput(0, Kind.PERSON, Severity.REDACT, 0.5, "matched 김철수"),
        lambda: FindingInput(0, Kind.PERSON, Severity.REDACT, 1.5, "person.x"),
        lambda: FindingInput(-1, Kind.PERSON, Severity.REDACT, 0.5, "person.x"),
        lambda: FindingInput(0, Kind.PERSON, Severity.REDACT, 0.5, "person.x", start=5, end=2),
        lambda: FindingInput(0, Kind.PERSON, Severity.REDACT, 0.5, "person.x", start=5),
        lambda: FindingInput(0, Kind.PERSON, Severity.REDACT, 0.5, "person.x", boxes=((5, 5, 5, 9),)),
        lambda: FindingInput(0, Kind.FACE, Severity.REDACT, 0.5, "face", t0=3.0, t1=1.0),
        lambda: RegionInput(0, "the bit about his unit"),  # type: ignore[arg-type]
        lambda: RegionInput(0, ReviewReason.UNREADABLE_LINE),  # neither box nor time span
    ],
)
def test_bad_findings_are_refused(make: object) -> None:
    with pytest.raises((ValueError, NotACode)):
        make()  # type: ignore[operator]
