"""Engines: SQLite's pragmas and file permissions, PostgreSQL's driver, timestamps in UTC on both."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from db.fixtures import Database, new_item
from relay.db import Item, make_engine, make_sessionmaker, repo
from relay.settings import load_settings


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'relay.db'}", busy_timeout_seconds=7)
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 7000
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        engine.dispose()


def test_the_sqlite_file_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "home" / "relay.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or stat.S_IMODE(wal.stat().st_mode) == 0o600
    finally:
        engine.dispose()


def test_in_memory_sqlite_is_refused() -> None:
    with pytest.raises(ValueError, match="file"):
        make_engine("sqlite://")
    with pytest.raises(ValueError, match="SQLite or PostgreSQL"):
        make_engine("mysql://localhost/relay")


def test_engine_from_settings(tmp_path: Path) -> None:
    settings = load_settings({"RELAY_HOME": str(tmp_path)})
    engine = make_engine(settings)
    try:
        assert engine.url.database == str(tmp_path / "relay.db")
    finally:
        engine.dispose()


def test_a_plain_postgresql_url_gets_psycopg_3() -> None:
    engine = make_engine("postgresql://postgres@127.0.0.1:5432/test")
    try:
        assert engine.url.drivername == "postgresql+psycopg"
    finally:
        engine.dispose()


def test_timestamps_come_back_aware_and_in_utc(db: Database) -> None:
    item_id = new_item(db.sessions)
    seoul = timezone(timedelta(hours=9))
    moment = datetime(2030, 3, 4, 14, 30, 15, 123456, tzinfo=seoul)
    with db.sessions.begin() as session:
        session.execute(update(Item).where(Item.id == item_id).values(state_changed_at=moment))
    with db.sessions() as session:
        stored = session.scalar(select(Item.state_changed_at).where(Item.id == item_id))
        assert stored == moment and stored is not None and stored.tzinfo == UTC
        assert stored.hour == 5  # 14:30 in Seoul is 05:30 UTC
        created = repo.get_item(session, item_id).created_at
        assert created.tzinfo == UTC
        assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)


def test_naive_timestamps_are_refused(db: Database) -> None:
    item_id = new_item(db.sessions)
    with db.sessions.begin() as session, pytest.raises(Exception, match="naive"):
        session.execute(update(Item).where(Item.id == item_id).values(updated_at=datetime(2030, 1, 1)))


def test_postgresql_tests_run_in_their_own_schema(db: Database) -> None:
    with db.engine.connect() as connection:
        if db.kind == "postgresql":
            schema = connection.execute(text("SELECT current_schema()")).scalar()
            assert str(schema).startswith("relay_test_")


def test_read_only_sessions_do_not_wait_for_a_writer(db: Database) -> None:
    """A page listing items while a worker's transaction is open: SQLite's reader sees the last commit at
    once instead of queueing behind the writer's lock (PostgreSQL readers never wait anyway)."""
    item_id = new_item(db.sessions)
    writer = db.sessions()
    writer.execute(update(Item).where(Item.id == item_id).values(attempts=7))  # holds the write lock
    try:
        readers = make_sessionmaker(db.engine, read_only=True)
        # The writer holds its lock until the finally below, so a reader that queued behind it would
        # end in "database is locked" after the busy timeout instead of returning a value.
        with readers() as session:
            assert session.scalar(select(Item.attempts).where(Item.id == item_id)) == 0  # the committed value
    finally:
        writer.rollback()
        writer.close()
