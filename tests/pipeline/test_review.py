"""A moderator's review of stored items: adjust, approve (re-rendered), reject, two moderators."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.conftest import drain, letter_png
from relay import review
from relay.crypto import X25519Identity
from relay.db import findings as db_findings
from relay.db.models import Item, OutboxMessage, ReasonCode, Risk, Role
from relay.db.partners import add_recipient, create_partner
from relay.db.repo import create_user, raise_risk
from relay.db.states import State
from relay.errors import ConflictError, RelayError, StateError
from relay.jobs import submit
from relay.model import Kind
from relay.outputs import redacted_media
from relay.runtime import Runtime


@pytest.fixture
def reviewed(rt: Runtime) -> str:
    """An item awaiting review, two moderators and one partner."""
    item_id = submit(rt, letter_png(), actor="test")
    drain(rt)
    with rt.sessions.begin() as session:
        create_user(session, "mina", Role.MODERATOR, actor="test")
        create_user(session, "joon", Role.MODERATOR, actor="test")
        create_user(session, "vol", Role.VOLUNTEER, actor="test")
        partner = create_partner(session, "press-team", actor="test")
        add_recipient(session, partner.id, str(X25519Identity.generate().recipient()), actor="test")
    return item_id


def _media(rt: Runtime, item_id: str) -> Image.Image:
    with rt.readonly() as session:
        media = redacted_media(session, item_id)
    out = io.BytesIO()
    media.read_into(rt.store, out)
    return Image.open(io.BytesIO(out.getvalue()))


def _approve(rt: Runtime, item_id: str, partner: str | None = None) -> None:
    """Approve as mina, and as joon too when the item is high-risk."""
    state = review.approve(rt, item_id, "mina", partner=partner)
    if _item(rt, item_id).risk is Risk.HIGH:
        assert state is State.AWAITING_REVIEW
        state = review.approve(rt, item_id, "joon", partner=partner)
    assert state is State.APPROVED


def _item(rt: Runtime, item_id: str) -> Item:
    with rt.readonly() as session:
        return session.get_one(Item, item_id)


def test_approval_renders_moderator_boxes_and_queues_sealing(rt: Runtime, reviewed: str) -> None:
    box = (10, 10, 60, 40)
    [before] = review.render(rt, reviewed)
    assert np.asarray(before.convert("L"))[10:40, 10:60].max() > 0  # the margin is paper before the box
    review.add_box(rt, reviewed, "mina", page=0, box=box, kind=Kind.PERSON)
    _approve(rt, reviewed)
    after = np.asarray(_media(rt, reviewed).convert("L"))
    assert after[10:40, 10:60].max() == 0  # solid black where the moderator marked
    item = _item(rt, reviewed)
    assert item.state is State.APPROVED
    assert item.partner_id is not None
    assert review.summary(rt, reviewed).open_regions == 0  # the approver looked at every region
    with rt.readonly() as session:
        actors = [m.actor_name for m in session.query(OutboxMessage).filter_by(item_id=reviewed)]
    assert "seal" in actors
    # Only one redacted rendering is kept in the store: the approved one.
    assert sum(n.startswith("redacted.") for n in rt.store.item_object_names(reviewed)) == 1


def test_previews_render_the_current_fills_and_outline_open_regions(
    rt: Runtime, reviewed: str, tmp_path: Path
) -> None:
    box = (10, 10, 60, 40)
    review.add_box(rt, reviewed, "mina", page=0, box=box, kind=Kind.PERSON)
    [view] = review.previews(rt, reviewed)
    [delivered] = review.render(rt, reviewed)
    shown, plain = np.asarray(view.convert("RGB")), np.asarray(delivered.convert("RGB"))
    assert shown[10:40, 10:60].max() == 0  # a moderator's box appears at once, without re-running a stage
    with rt.readonly() as session:
        regions = [r for r in db_findings.regions_for(session, reviewed, open_only=True) if r.box]
    assert regions, "the sample letter has review regions"
    x0, y0, x1, _ = regions[0].box or (0, 0, 0, 0)
    # The outline is drawn in colour on the preview and nowhere on the delivered rendering.
    edge = shown[y0, x0:x1].astype(int)
    assert (np.abs(edge[:, 0] - edge[:, 1]) + np.abs(edge[:, 1] - edge[:, 2])).max() > 100
    plain_edge = plain[y0, x0:x1].astype(int)
    assert not np.array_equal(edge, plain_edge)
    written = review.export_views(rt, reviewed, tmp_path)
    assert [p.name for p in written] == [f"{reviewed}.p001.preview.png"]
    with Image.open(written[0]) as image:
        assert image.format == "PNG" and image.size == view.size
        assert np.array_equal(np.asarray(image.convert("RGB")), shown)


def test_previews_leave_possible_details_readable_and_delivery_fills_them(rt: Runtime, reviewed: str) -> None:
    possible = [f for f in review.findings(rt, reviewed) if f.severity == "review" and f.boxes]
    assert possible, "the sample letter has possible details"
    redacting = [b for f in review.findings(rt, reviewed) if f.severity == "redact" for b in f.boxes]
    [view] = review.previews(rt, reviewed)
    [delivered] = review.render(rt, reviewed)
    shown, plain = np.asarray(view.convert("L")), np.asarray(delivered.convert("L"))

    def inside_a_fill(x: int, y: int) -> bool:
        return any(b[0] <= x < b[2] and b[1] <= y < b[3] for b in redacting)

    x0, y0, x1, y1 = possible[0].boxes[0]
    assert plain[y0:y1, x0:x1].max() == 0  # delivered: filled unless a moderator dismisses it
    free = [(x, y) for y in range(y0 + 3, y1 - 3) for x in range(x0 + 3, x1 - 3) if not inside_a_fill(x, y)]
    # Preview: the page shows through (mostly paper), not a fill with an outline drawn over it.
    assert free and sum(int(shown[y, x]) > 150 for x, y in free) > 0.3 * len(free)


def test_undismissed_possible_details_are_filled_and_dismissed_ones_are_not(
    rt: Runtime, reviewed: str
) -> None:
    found = review.findings(rt, reviewed)
    assert found, "the sample letter has findings"
    target = found[0]
    review.dismiss(rt, reviewed, target.finding_id, "mina")
    _approve(rt, reviewed)
    page = np.asarray(_media(rt, reviewed).convert("L"))
    x0, y0, x1, y1 = target.boxes[0]
    still_filled = [f for f in review.findings(rt, reviewed) if f.status == "active"]
    for f in still_filled:
        for bx0, by0, bx1, by1 in f.boxes:
            assert page[by0:by1, bx0:bx1].max() == 0
    overlap = any(
        not (bx1 <= x0 or x1 <= bx0 or by1 <= y0 or y1 <= by0)
        for f in still_filled
        for bx0, by0, bx1, by1 in f.boxes
    )
    if not overlap:
        assert page[y0:y1, x0:x1].max() > 0  # the dismissed finding's ink shows again


def test_high_risk_needs_two_different_moderators(rt: Runtime, reviewed: str) -> None:
    with rt.sessions.begin() as session:
        raise_risk(session, reviewed, actor="test")
    assert review.approve(rt, reviewed, "mina") is State.AWAITING_REVIEW
    with pytest.raises(ConflictError):
        review.approve(rt, reviewed, "mina")
    assert _item(rt, reviewed).risk is Risk.HIGH
    assert review.approve(rt, reviewed, "joon") is State.APPROVED


def test_volunteers_cannot_approve_and_rejection_needs_a_listed_reason(rt: Runtime, reviewed: str) -> None:
    with pytest.raises(StateError):
        review.approve(rt, reviewed, "vol")
    assert _item(rt, reviewed).state is State.AWAITING_REVIEW
    assert review.reject(rt, reviewed, "joon", ReasonCode.UNREADABLE) is State.REJECTED
    with pytest.raises(StateError):
        review.approve(rt, reviewed, "mina")


def test_approval_needs_a_partner_when_there_is_a_choice(rt: Runtime, reviewed: str) -> None:
    with rt.sessions.begin() as session:
        create_partner(session, "rights-group", actor="test")
    with pytest.raises(RelayError) as err:
        review.approve(rt, reviewed, "mina")
    assert err.value.code == "no_partner"
    assert _item(rt, reviewed).state is State.AWAITING_REVIEW
    _approve(rt, reviewed, partner="rights-group")
    assert review.summary(rt, reviewed).partner == "rights-group"
