"""The audit log: one append-only row per thing done, written in the transaction that did it.

Rows carry who (a user ID or a component name), what (an action code), which item, user, partner or bundle,
the states moved between and a stable code. No free text, so the log can be shown to any administrator
and kept for as long as needed without becoming a store of what the letters said.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy.orm import Session

from relay.db.codes import check_action, check_actor, check_code
from relay.db.coltypes import utcnow
from relay.db.ids import BUNDLE, ITEM, PARTNER, USER, check_id
from relay.db.models import AuditEvent
from relay.db.states import State

# Actions written by relay.db itself. Other modules may log their own actions (any code-shaped string).
ITEM_CREATED: Final = "item_created"
TRANSITION: Final = "transition"
ATTEMPT_FAILED: Final = "attempt_failed"
RISK_SET: Final = "risk_set"
PARTNER_ASSIGNED: Final = "partner_assigned"
KEY_DESTROYED: Final = "key_destroyed"
DECISION: Final = "decision"
FINDINGS_REPLACED: Final = "findings_replaced"
FINDING_ADDED: Final = "finding_added"
FINDING_DISMISSED: Final = "finding_dismissed"
REGION_RESOLVED: Final = "region_resolved"
USER_CREATED: Final = "user_created"
PARTNER_CREATED: Final = "partner_created"
RECIPIENT_ADDED: Final = "recipient_added"
TOKEN_ISSUED: Final = "token_issued"
TOKEN_REVOKED: Final = "token_revoked"
BUNDLE_CREATED: Final = "bundle_created"
BUNDLE_ITEM_ADDED: Final = "bundle_item_added"
BUNDLE_STAGED: Final = "bundle_staged"
BUNDLE_ACKNOWLEDGED: Final = "bundle_acknowledged"
BUNDLE_DOWNLOADED: Final = "bundle_downloaded"
BUNDLE_URL_ISSUED: Final = "bundle_url_issued"


def record(
    session: Session,
    action: str,
    *,
    actor: str,
    item_id: str | None = None,
    user_id: str | None = None,
    partner_id: str | None = None,
    bundle_id: str | None = None,
    from_state: State | None = None,
    to_state: State | None = None,
    code: str | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Add an audit event to ``session``'s transaction.

    Refuses (NotACode) an actor, action or code that is not code-shaped and an ID that is not well formed.
    """
    event = AuditEvent(
        at=at or utcnow(),
        actor=check_actor(actor),
        action=check_action(action),
        item_id=None if item_id is None else check_id(item_id, ITEM),
        user_id=None if user_id is None else check_id(user_id, USER),
        partner_id=None if partner_id is None else check_id(partner_id, PARTNER),
        bundle_id=None if bundle_id is None else check_id(bundle_id, BUNDLE),
        from_state=None if from_state is None else from_state.value,
        to_state=None if to_state is None else to_state.value,
        code=None if code is None else check_code(code),
    )
    session.add(event)
    return event
