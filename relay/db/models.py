"""The tables, as SQLAlchemy 2 typed declarative models.

What is (and is not) here: IDs, states, codes, object-store keys, checksums, sizes, offsets, boxes, times
and wrapped keys. Never document content: a finding says *where* a name is and what rule found it, not
the name; an error or a rejection is a stable code, not a message. The only free text is the names
people give themselves and partner organisations. :mod:`relay.db.codes` enforces this at the API.

The schema is created and changed only by the Alembic migrations in :mod:`relay.db.migrations`;
``tests/db/test_migrations.py`` checks that migrating an empty database gives exactly these models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from relay.db.codes import check_sha256
from relay.db.coltypes import UtcDateTime, enum_type, id_type, utcnow
from relay.db.states import Stage, State
from relay.model import Severity
from relay.store.base import validate_key

# Constraint names are spelled out so migrations can refer to them, and so SQLite's batch mode (which
# rebuilds a table) can recreate them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite autoincrements only an INTEGER PRIMARY KEY; PostgreSQL gets 64 bits for the tables that grow.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ItemKind(StrEnum):
    """What was uploaded."""

    LETTER = "letter"
    VIDEO = "video"


class Risk(StrEnum):
    """``high`` items need two different moderators to approve them."""

    NORMAL = "normal"
    HIGH = "high"


class Role(StrEnum):
    """What a person may do."""

    VOLUNTEER = "volunteer"
    MODERATOR = "moderator"
    ADMIN = "admin"


class Verdict(StrEnum):
    """A moderator's decision on an item."""

    APPROVE = "approve"
    REJECT = "reject"


class ReasonCode(StrEnum):
    """Why a moderator decided as they did: a closed list, so no free text reaches the database."""

    REDACTION_INCOMPLETE = "redaction_incomplete"  # identifying detail left that cannot be redacted
    UNREADABLE = "unreadable"
    OFF_TOPIC = "off_topic"
    HARMFUL = "harmful"
    DUPLICATE = "duplicate"
    WRITER_WITHDREW = "writer_withdrew"
    OTHER = "other"


class FindingSource(StrEnum):
    """Who made a finding: the detector, or a moderator drawing a box."""

    MACHINE = "machine"
    MODERATOR = "moderator"


class FindingStatus(StrEnum):
    """A dismissed finding is one a moderator judged harmless; it is kept for the record."""

    ACTIVE = "active"
    DISMISSED = "dismissed"


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """An object in the store as the database records it: key, SHA-256 (hex) and size in bytes."""

    key: str
    sha256: str
    size: int

    def __post_init__(self) -> None:
        validate_key(self.key)
        check_sha256(self.sha256)
        if not isinstance(self.size, int) or isinstance(self.size, bool) or self.size < 0:
            raise ValueError("an object's size is a non-negative number of bytes")

    def to_json(self) -> dict[str, Any]:
        """The form kept in JSON columns."""
        return {"key": self.key, "sha256": self.sha256, "size": self.size}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ObjectRef:
        """Read the form :meth:`to_json` writes."""
        return cls(key=data["key"], sha256=data["sha256"], size=data["size"])


class Base(DeclarativeBase):
    """The declarative base; its metadata is what the migrations must produce."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime(), str: String(64)}


class User(Base):
    """A person using relay. ``name`` is the one free-text field people fill in about themselves."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(id_type(), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[Role] = mapped_column(enum_type(Role, "role"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Partner(Base):
    """An organisation that receives sealed bundles."""

    __tablename__ = "partners"

    id: Mapped[str] = mapped_column(id_type(), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PartnerRecipient(Base):
    """An age recipient (public key) bundles for the partner are encrypted to."""

    __tablename__ = "partner_recipients"
    __table_args__ = (UniqueConstraint("partner_id", "recipient"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PartnerToken(Base):
    """An API token a partner pulls bundles with. Only its SHA-256 is kept."""

    __tablename__ = "partner_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Item(Base):
    """One upload (a letter or a video) and where it is in the pipeline."""

    __tablename__ = "items"
    __table_args__ = (Index(None, "state", "state_changed_at"),)

    id: Mapped[str] = mapped_column(id_type(), primary_key=True)
    kind: Mapped[ItemKind] = mapped_column(enum_type(ItemKind, "kind"))
    media_type: Mapped[str] = mapped_column(String(100))
    state: Mapped[State] = mapped_column(enum_type(State, "state"))
    # The state ``failed`` was entered from, so a retry goes back exactly there; NULL unless failed.
    failed_from: Mapped[State | None] = mapped_column(enum_type(State, "failed_from"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error_code: Mapped[str | None]
    risk: Mapped[Risk] = mapped_column(enum_type(Risk, "risk"), default=Risk.NORMAL)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    state_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    original_key: Mapped[str] = mapped_column(String(512))
    original_sha256: Mapped[str] = mapped_column(String(64))
    original_size: Mapped[int] = mapped_column(BigInteger)
    # The item's data key wrapped under the master key (relay.keys); NULL once destroyed.
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_destroyed_at: Mapped[datetime | None]
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partners.id"), index=True)


class StageResult(Base):
    """What one stage stored for an item. One row per (item, stage): a re-run finds it and reuses it.

    ``outputs`` is a list of ``{"key": …, "sha256": …, "size": …}`` (object-store keys, not content).
    """

    __tablename__ = "stage_results"
    __table_args__ = (UniqueConstraint("item_id", "stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"))
    stage: Mapped[Stage] = mapped_column(enum_type(Stage, "stage"))
    outputs: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def refs(self) -> tuple[ObjectRef, ...]:
        """The stored outputs."""
        return tuple(ObjectRef.from_json(entry) for entry in self.outputs)


class Finding(Base):
    """An identifying detail: where it is (offsets, boxes, times) and which rule found it. Never the text."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    # relay.model.Kind, checked by relay.db.findings rather than a CHECK constraint: detectors gain kinds,
    # and a new kind should not need a migration.
    kind: Mapped[str] = mapped_column(String(32))
    severity: Mapped[Severity] = mapped_column(enum_type(Severity, "severity"))
    confidence: Mapped[float] = mapped_column(Float)
    rule: Mapped[str]
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    boxes: Mapped[list[list[int]]] = mapped_column(JSON)
    t0: Mapped[float | None] = mapped_column(Float)
    t1: Mapped[float | None] = mapped_column(Float)
    source: Mapped[FindingSource] = mapped_column(enum_type(FindingSource, "source"))
    status: Mapped[FindingStatus] = mapped_column(
        enum_type(FindingStatus, "status"), default=FindingStatus.ACTIVE
    )
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    dismissed_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewRegion(Base):
    """A box (or time span) a moderator must look at, with a stable reason code."""

    __tablename__ = "review_regions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    box: Mapped[list[int] | None] = mapped_column(JSON)
    t0: Mapped[float | None] = mapped_column(Float)
    t1: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str]  # relay.model.ReviewReason, checked like Finding.kind
    resolved_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Decision(Base):
    """One moderator's verdict on one item. Unique per (item, moderator): two approvals are two people."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("item_id", "moderator_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"))
    moderator_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    verdict: Mapped[Verdict] = mapped_column(enum_type(Verdict, "verdict"))
    reason: Mapped[ReasonCode | None] = mapped_column(enum_type(ReasonCode, "reason"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Bundle(Base):
    """A sealed bundle for one partner. The object fields are filled in once the bundle is written."""

    __tablename__ = "bundles"
    # (id, partner_id) is unique so bundle_items can hold the partner and be checked against it.
    __table_args__ = (UniqueConstraint("id", "partner_id"),)

    id: Mapped[str] = mapped_column(id_type(), primary_key=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), index=True)
    object_key: Mapped[str | None] = mapped_column(String(512))
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    staged_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]


class BundleItem(Base):
    """An item in a bundle. Unique per (partner, item): two sealers racing cannot both bundle an item."""

    __tablename__ = "bundle_items"
    __table_args__ = (
        UniqueConstraint("partner_id", "item_id"),
        # The partner here must be the bundle's partner, or the uniqueness above would mean nothing.
        ForeignKeyConstraint(["bundle_id", "partner_id"], ["bundles.id", "bundles.partner_id"]),
    )

    bundle_id: Mapped[str] = mapped_column(id_type(), primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), primary_key=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"))


class AuditEvent(Base):
    """Who did what to which item, partner or bundle, and when. Append-only (the migration adds
    triggers that refuse UPDATE and DELETE). IDs, states and codes only: no text from anyone."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str]
    action: Mapped[str]
    item_id: Mapped[str | None] = mapped_column(id_type(), index=True)
    user_id: Mapped[str | None] = mapped_column(id_type())  # the person acted on (not the actor)
    partner_id: Mapped[str | None] = mapped_column(id_type())
    bundle_id: Mapped[str | None] = mapped_column(id_type())
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str | None] = mapped_column(String(32))
    code: Mapped[str | None]


class OutboxMessage(Base):
    """A message to publish once the transaction that wrote it has committed (enqueue-after-commit)."""

    __tablename__ = "outbox"
    __table_args__ = (Index(None, "published_at", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    actor_name: Mapped[str]
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]
