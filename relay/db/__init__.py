"""Item state in the database: the durable pipeline's source of truth.

The broker delivers at least once and workers crash; the database decides. Items move through the
state machine of :mod:`relay.db.states` by compare-and-set (:func:`transition`), every change is audited
in the same transaction, and the next stage is enqueued through the outbox so a message is sent only for
a change that committed. Nothing here stores document text: IDs, states, codes, object keys, offsets and
boxes only.

Modules: ``session`` (engines: SQLite with WAL, PostgreSQL), ``schema`` (``migrate()``, Alembic),
``models`` (tables), ``states`` (the state machine as data), ``transitions`` (moving items, failing,
retrying, finding stuck ones), ``outbox``, ``repo`` (items, stage results, people, decisions),
``findings`` (findings and review regions), ``partners`` (partners, tokens, bundles), ``keyring`` (the
KeyRing port over ``items.wrapped_key``), ``audit``, ``codes``, ``ids``.
"""

from __future__ import annotations

from relay.db import audit, findings, outbox, partners, repo
from relay.db.ids import new_item_id
from relay.db.keyring import DbKeyRing
from relay.db.models import (
    AuditEvent,
    Base,
    Bundle,
    BundleItem,
    Decision,
    Finding,
    FindingSource,
    FindingStatus,
    Item,
    ItemKind,
    ObjectRef,
    OutboxMessage,
    Partner,
    PartnerRecipient,
    PartnerToken,
    ReasonCode,
    ReviewRegion,
    Risk,
    Role,
    StageResult,
    User,
    Verdict,
)
from relay.db.outbox import Publisher, add_message, fetch_unpublished, mark_published, publish_pending
from relay.db.schema import current_revision, head_revision, migrate
from relay.db.session import make_engine, make_sessionmaker
from relay.db.states import FAILABLE, NEXT_STAGE, TRANSITIONS, Stage, State, allowed, stuck_deadlines
from relay.db.transitions import FailOutcome, fail, retry, stuck_items, transition

__all__ = [
    "FAILABLE",
    "NEXT_STAGE",
    "TRANSITIONS",
    "AuditEvent",
    "Base",
    "Bundle",
    "BundleItem",
    "DbKeyRing",
    "Decision",
    "FailOutcome",
    "Finding",
    "FindingSource",
    "FindingStatus",
    "Item",
    "ItemKind",
    "ObjectRef",
    "OutboxMessage",
    "Partner",
    "PartnerRecipient",
    "PartnerToken",
    "Publisher",
    "ReasonCode",
    "ReviewRegion",
    "Risk",
    "Role",
    "Stage",
    "StageResult",
    "State",
    "User",
    "Verdict",
    "add_message",
    "allowed",
    "audit",
    "current_revision",
    "fail",
    "fetch_unpublished",
    "findings",
    "head_revision",
    "make_engine",
    "make_sessionmaker",
    "mark_published",
    "migrate",
    "new_item_id",
    "outbox",
    "partners",
    "publish_pending",
    "repo",
    "retry",
    "stuck_deadlines",
    "stuck_items",
    "transition",
]
