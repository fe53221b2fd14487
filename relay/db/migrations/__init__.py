"""relay's Alembic migrations; run them with :func:`relay.db.migrate`."""
