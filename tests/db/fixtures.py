"""Database fixtures for any test that needs relay's database, on SQLite and on the real PostgreSQL.

``db`` is parametrised: every test using it runs twice, against a migrated SQLite file and a migrated
PostgreSQL schema, each empty at the start of the test. To use it outside tests/db, import the fixtures
into that folder's conftest.py (the folder needs an ``__init__.py`` so that ``tests/`` is on sys.path)::

    from db.fixtures import db, pg_schema_url, sqlite_template  # noqa: F401

PostgreSQL: ``RELAY_TEST_PG_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``). Each
test session makes its own uniquely named schema (so parallel and repeated runs never meet), points the
engine's search_path at it, migrates it once, empties its tables after every test and drops it at the
end. An unreachable server fails the PostgreSQL half of the tests: nothing is skipped.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import URL, Engine, create_engine, make_url, text, update
from sqlalchemy.orm import Session, sessionmaker

from relay.db import (
    ItemKind,
    ObjectRef,
    Risk,
    State,
    make_engine,
    make_sessionmaker,
    migrate,
    new_item_id,
    repo,
)
from relay.db.models import Base, Item

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
KINDS = ("sqlite", "postgresql")


def pg_admin_url() -> URL:
    """The test server, as the environment names it (read when a fixture runs, never at import)."""
    return make_url(os.environ.get("RELAY_TEST_PG_URL", DEFAULT_PG_URL))


def url_in_schema(base: URL, schema: str) -> URL:
    """``base`` with every connection's search_path set to ``schema`` (through libpq's options)."""
    return base.update_query_dict({"options": f"-csearch_path={schema}"})


@dataclass(frozen=True)
class Database:
    """A migrated, empty database for one test."""

    kind: str  # "sqlite" or "postgresql"
    url: URL
    engine: Engine
    sessions: sessionmaker[Session]


class PgSchemas:
    """Creates and drops uniquely named schemas on the test server."""

    def __init__(self) -> None:
        self.base = pg_admin_url()
        self._admin = create_engine(self.base, isolation_level="AUTOCOMMIT")

    def create(self) -> tuple[str, URL]:
        schema = f"relay_test_{os.getpid()}_{secrets.token_hex(4)}"
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        return schema, url_in_schema(self.base, schema)

    def drop(self, schema: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))

    def close(self) -> None:
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_schemas() -> Iterator[PgSchemas]:
    schemas = PgSchemas()
    yield schemas
    schemas.close()


@pytest.fixture(scope="session")
def pg_schema_url(pg_schemas: PgSchemas) -> Iterator[URL]:
    """A schema for this test session, migrated to head; dropped at the end."""
    schema, url = pg_schemas.create()
    try:
        migrate(url)
        yield url
    finally:
        pg_schemas.drop(schema)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head, copied for each test (faster than migrating each time)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "relay.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # closing the last connection checkpoints the WAL into the main file
    return path


def _truncate_all(engine: Engine) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        # TRUNCATE, unlike DELETE, is not refused by audit_events' append-only trigger.
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=KINDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "relay.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        url = make_url(f"sqlite:///{path}")
        engine = make_engine(url)
        try:
            yield Database("sqlite", url, engine, make_sessionmaker(engine))
        finally:
            engine.dispose()
    else:
        url = request.getfixturevalue("pg_schema_url")
        engine = make_engine(url)
        try:
            yield Database("postgresql", url, engine, make_sessionmaker(engine))
        finally:
            _truncate_all(engine)
            engine.dispose()


@pytest.fixture
def pg_db(pg_schema_url: URL) -> Iterator[Database]:
    """A migrated, empty PostgreSQL database only: for tests where the database is not what varies."""
    engine = make_engine(pg_schema_url)
    try:
        yield Database("postgresql", pg_schema_url, engine, make_sessionmaker(engine))
    finally:
        _truncate_all(engine)
        engine.dispose()


@pytest.fixture(params=KINDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """The URL of an empty, never-migrated database: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield make_url(f"sqlite:///{tmp_path / 'empty.db'}")
    else:
        schemas: PgSchemas = request.getfixturevalue("pg_schemas")
        schema, url = schemas.create()
        try:
            yield url
        finally:
            schemas.drop(schema)


# --- helpers for tests ---------------------------------------------------------------------------------

SHA = "ab" * 32


def original_ref(item_id: str) -> ObjectRef:
    """A plausible stored original for ``item_id``."""
    return ObjectRef(key=f"items/{item_id}/original", sha256=SHA, size=1234)


def new_item(
    sessions: sessionmaker[Session],
    *,
    state: State = State.RECEIVED,
    risk: Risk = Risk.NORMAL,
    failed_from: State | None = None,
    state_changed_at: datetime | None = None,
) -> str:
    """Create a committed item and put it straight into ``state`` (bypassing the state machine)."""
    item_id = new_item_id()
    with sessions.begin() as session:
        repo.create_item(
            session,
            item_id=item_id,
            kind=ItemKind.LETTER,
            media_type="image/jpeg",
            original=original_ref(item_id),
            wrapped_key=b"\x01" * 61,
            actor="test",
            risk=risk,
        )
    if state is not State.RECEIVED or failed_from is not None or state_changed_at is not None:
        values: dict[str, object] = {"state": state, "failed_from": failed_from}
        if state_changed_at is not None:
            values["state_changed_at"] = state_changed_at
        with sessions.begin() as session:
            session.execute(update(Item).where(Item.id == item_id).values(values))
    return item_id


def item_state(sessions: sessionmaker[Session], item_id: str) -> State:
    """The item's state as committed."""
    with sessions() as session:
        return repo.get_item(session, item_id).state


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """An aware UTC datetime."""
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
