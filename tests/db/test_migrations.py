"""Migrations: an empty database migrated to head has exactly the models' schema, on both databases."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import URL, Column, Integer, MetaData, inspect, text
from sqlalchemy.exc import DBAPIError

from db.fixtures import Database
from relay.db import Base, current_revision, head_revision, make_engine, migrate


def _diff(url: URL, metadata: MetaData) -> list[object]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def test_migrating_an_empty_database_gives_exactly_the_models(empty_url: URL) -> None:
    assert current_revision(empty_url) is None
    assert migrate(empty_url) == head_revision()
    assert current_revision(empty_url) == head_revision()
    assert _diff(empty_url, Base.metadata) == []


def test_the_comparison_would_notice_a_difference(empty_url: URL) -> None:
    """Guards the test above: compare_metadata sees a column the migration did not make."""
    migrate(empty_url)
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["items"].append_column(Column("extra", Integer, nullable=True))
    diff = _diff(empty_url, changed)
    assert len(diff) == 1 and diff[0][0] == "add_column"  # type: ignore[index]


def test_check_constraints_match_the_models(empty_url: URL) -> None:
    """compare_metadata ignores CHECK constraints; the enum columns' constraints are compared here by name."""
    migrate(empty_url)
    engine = make_engine(empty_url)
    try:
        inspector = inspect(engine)
        for table in Base.metadata.sorted_tables:
            expected = {
                str(c.name) for c in table.constraints if c.__class__.__name__ == "CheckConstraint" and c.name
            }
            found = {str(c["name"]) for c in inspector.get_check_constraints(table.name)}
            assert found == expected, table.name
    finally:
        engine.dispose()


def test_migrate_is_idempotent(empty_url: URL) -> None:
    first = migrate(empty_url)
    assert migrate(empty_url) == first
    assert _diff(empty_url, Base.metadata) == []


def test_concurrent_migrations_both_succeed(empty_url: URL) -> None:
    """Two processes starting at once: one migrates, the other waits and then has nothing to do."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        try:
            barrier.wait()
            migrate(empty_url)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert current_revision(empty_url) == head_revision()


def test_foreign_keys_are_back_on_after_migrating_sqlite(db: Database) -> None:
    with db.engine.connect() as connection:
        if db.kind == "sqlite":
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize("statement", ["UPDATE audit_events SET code = 'x'", "DELETE FROM audit_events"])
def test_the_audit_log_is_append_only_in_the_database_itself(db: Database, statement: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO audit_events (at, actor, action) VALUES (:at, 'test', 'probe')"),
            {"at": "2030-01-01 00:00:00"},
        )
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as connection:
        connection.execute(text(statement))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT code FROM audit_events")).scalars().all() == [None]
