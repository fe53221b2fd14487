"""The initial schema: items and their stage results, findings, review regions and decisions; people,
partners, bundles; the audit log and the outbox.

Revision ID: 0001
Revises:
Created: 2026-11-23

Written out in full rather than built from relay.db.models, so that later changes to the models cannot
change what this revision does. Constraint names follow the models' naming convention and are given with
op.f() so they are used as written.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATES = (
    "received", "sanitized", "extracted", "detected", "redacted", "awaiting_review", "approved",
    "rejected", "sealed", "staged", "delivered", "purged", "failed",
)  # fmt: skip
STAGES = ("sanitize", "extract", "detect", "redact", "seal", "stage", "purge")
REASONS = (
    "redaction_incomplete", "unreadable", "off_topic", "harmful", "duplicate", "writer_withdrew", "other",
)  # fmt: skip

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _id(name: str, **kw: object) -> sa.Column[str]:
    return sa.Column(name, sa.String(30), **kw)  # type: ignore[arg-type]


def _at(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _enum(table: str, column: str, values: tuple[str, ...], nullable: bool = False) -> sa.Column[str]:
    kind = sa.Enum(
        *values, name=op.f(f"ck_{table}_{column}"), native_enum=False, create_constraint=True, length=32
    )
    return sa.Column(column, kind, nullable=nullable)


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def _fk(table: str, column: str, referred: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{referred}.id"], name=op.f(f"fk_{table}_{column}_{referred}"))


def _unique(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", BIG_ID, nullable=False),
        _at("at"),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        _id("item_id", nullable=True),
        _id("user_id", nullable=True),
        _id("partner_id", nullable=True),
        _id("bundle_id", nullable=True),
        sa.Column("from_state", sa.String(32), nullable=True),
        sa.Column("to_state", sa.String(32), nullable=True),
        sa.Column("code", sa.String(64), nullable=True),
        _pk("audit_events", "id"),
    )
    _index("audit_events", "at")
    _index("audit_events", "item_id")
    _make_append_only("audit_events")

    op.create_table(
        "partners",
        _id("id", nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        _at("created_at"),
        _pk("partners", "id"),
        _unique("partners", "name"),
    )
    op.create_table(
        "users",
        _id("id", nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        _enum("users", "role", ("volunteer", "moderator", "admin")),
        _at("created_at"),
        _pk("users", "id"),
        _unique("users", "name"),
    )
    op.create_table(
        "bundles",
        _id("id", nullable=False),
        _id("partner_id", nullable=False),
        sa.Column("object_key", sa.String(512), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        _at("created_at"),
        _at("staged_at", nullable=True),
        _at("acknowledged_at", nullable=True),
        _pk("bundles", "id"),
        _fk("bundles", "partner_id", "partners"),
        _unique("bundles", "id", "partner_id"),
    )
    _index("bundles", "partner_id")

    op.create_table(
        "items",
        _id("id", nullable=False),
        _enum("items", "kind", ("letter", "video")),
        sa.Column("media_type", sa.String(100), nullable=False),
        _enum("items", "state", STATES),
        _enum("items", "failed_from", STATES, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error_code", sa.String(64), nullable=True),
        _enum("items", "risk", ("normal", "high")),
        _at("created_at"),
        _at("updated_at"),
        _at("state_changed_at"),
        sa.Column("original_key", sa.String(512), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("original_size", sa.BigInteger(), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        _at("key_destroyed_at", nullable=True),
        _id("partner_id", nullable=True),
        _pk("items", "id"),
        _fk("items", "partner_id", "partners"),
    )
    _index("items", "partner_id")
    _index("items", "state", "state_changed_at")

    op.create_table(
        "partner_recipients",
        sa.Column("id", sa.Integer(), nullable=False),
        _id("partner_id", nullable=False),
        sa.Column("recipient", sa.String(128), nullable=False),
        _at("created_at"),
        _pk("partner_recipients", "id"),
        _fk("partner_recipients", "partner_id", "partners"),
        _unique("partner_recipients", "partner_id", "recipient"),
    )
    _index("partner_recipients", "partner_id")

    op.create_table(
        "partner_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        _id("partner_id", nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _at("created_at"),
        _at("expires_at"),
        _at("revoked_at", nullable=True),
        _pk("partner_tokens", "id"),
        _fk("partner_tokens", "partner_id", "partners"),
        _unique("partner_tokens", "token_hash"),
    )
    _index("partner_tokens", "partner_id")

    op.create_table(
        "bundle_items",
        _id("bundle_id", nullable=False),
        _id("item_id", nullable=False),
        _id("partner_id", nullable=False),
        _pk("bundle_items", "bundle_id", "item_id"),
        sa.ForeignKeyConstraint(
            ["bundle_id", "partner_id"],
            ["bundles.id", "bundles.partner_id"],
            name=op.f("fk_bundle_items_bundle_id_partner_id_bundles"),
        ),
        _fk("bundle_items", "item_id", "items"),
        _fk("bundle_items", "partner_id", "partners"),
        _unique("bundle_items", "partner_id", "item_id"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        _id("item_id", nullable=False),
        _id("moderator_id", nullable=False),
        _enum("decisions", "verdict", ("approve", "reject")),
        _enum("decisions", "reason", REASONS, nullable=True),
        _at("created_at"),
        _pk("decisions", "id"),
        _fk("decisions", "item_id", "items"),
        _fk("decisions", "moderator_id", "users"),
        _unique("decisions", "item_id", "moderator_id"),
    )
    op.create_table(
        "findings",
        sa.Column("id", BIG_ID, nullable=False),
        _id("item_id", nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        _enum("findings", "severity", ("redact", "review")),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("boxes", sa.JSON(), nullable=False),
        sa.Column("t0", sa.Float(), nullable=True),
        sa.Column("t1", sa.Float(), nullable=True),
        _enum("findings", "source", ("machine", "moderator")),
        _enum("findings", "status", ("active", "dismissed")),
        _id("created_by", nullable=True),
        _id("dismissed_by", nullable=True),
        _at("created_at"),
        _pk("findings", "id"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_findings_created_by_users")),
        sa.ForeignKeyConstraint(["dismissed_by"], ["users.id"], name=op.f("fk_findings_dismissed_by_users")),
        _fk("findings", "item_id", "items"),
    )
    _index("findings", "item_id")

    op.create_table(
        "outbox",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("actor_name", sa.String(64), nullable=False),
        _id("item_id", nullable=False),
        _at("created_at"),
        _at("published_at", nullable=True),
        _pk("outbox", "id"),
        _fk("outbox", "item_id", "items"),
    )
    _index("outbox", "published_at", "id")

    op.create_table(
        "review_regions",
        sa.Column("id", BIG_ID, nullable=False),
        _id("item_id", nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("box", sa.JSON(), nullable=True),
        sa.Column("t0", sa.Float(), nullable=True),
        sa.Column("t1", sa.Float(), nullable=True),
        sa.Column("reason", sa.String(64), nullable=False),
        _id("resolved_by", nullable=True),
        _at("resolved_at", nullable=True),
        _at("created_at"),
        _pk("review_regions", "id"),
        _fk("review_regions", "item_id", "items"),
        sa.ForeignKeyConstraint(
            ["resolved_by"], ["users.id"], name=op.f("fk_review_regions_resolved_by_users")
        ),
    )
    _index("review_regions", "item_id")

    op.create_table(
        "stage_results",
        sa.Column("id", sa.Integer(), nullable=False),
        _id("item_id", nullable=False),
        _enum("stage_results", "stage", STAGES),
        sa.Column("outputs", sa.JSON(), nullable=False),
        _at("created_at"),
        _pk("stage_results", "id"),
        _fk("stage_results", "item_id", "items"),
        _unique("stage_results", "item_id", "stage"),
    )


def _make_append_only(table: str) -> None:
    """Refuse UPDATE and DELETE on ``table`` in the database itself, whatever the application does.

    TRUNCATE (PostgreSQL) and DROP are left to the database owner: this guards against bugs, not against
    whoever runs the server.
    """
    message = f"{table} is append-only"
    if op.get_context().dialect.name == "sqlite":
        for verb in ("update", "delete"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
    else:
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )


def downgrade() -> None:
    for table in (
        "stage_results", "review_regions", "outbox", "findings", "decisions", "bundle_items",
        "partner_tokens", "partner_recipients", "items", "bundles", "users", "partners", "audit_events",
    ):  # fmt: skip
        op.drop_table(table)
    if op.get_context().dialect.name != "sqlite":
        op.execute("DROP FUNCTION audit_events_append_only()")
