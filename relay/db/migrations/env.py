"""Alembic's entry point for relay's migrations. Online only, on the connection relay.db.migrate passes."""

from __future__ import annotations

from alembic import context

from relay.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run relay's migrations through relay.db.migrate(), which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # Drafts made with new_revision() use batch operations, which SQLite needs to alter tables.
    render_as_batch=True,
    compare_type=True,
)
# relay.db.migrate has begun the transaction; this joins it, so the upgrade commits or rolls back whole.
with context.begin_transaction():
    context.run_migrations()
