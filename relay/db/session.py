"""Engines and sessions for the two databases relay runs on.

SQLite (embedded): WAL so readers never wait for the writer, foreign keys on (SQLite leaves them off),
a busy timeout so a second writer waits instead of failing, and every transaction ``BEGIN IMMEDIATE``.
The last matters: a plain ``BEGIN`` starts as a reader and fails at once with "database is locked" when
it later tries to write while another connection writes; taking the write lock up front makes writers
queue on the busy timeout instead, which is what a compare-and-set or a uniqueness race needs.

PostgreSQL (distributed): psycopg 3, READ COMMITTED (compare-and-set UPDATEs re-check their WHERE
against the committed row, so they need nothing stronger), connections checked before use.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from relay.errors import ConfigError
from relay.settings import DatabaseSettings, Settings

DEFAULT_BUSY_TIMEOUT_SECONDS = 30.0
_READ_ONLY = "relay_read_only"


def make_engine(
    database: Settings | DatabaseSettings | str | URL,
    *,
    busy_timeout_seconds: float = DEFAULT_BUSY_TIMEOUT_SECONDS,
) -> Engine:
    """An engine for the database the settings (or a URL) name.

    A ``postgresql://`` URL without a driver gets psycopg 3. For SQLite the database file is created
    readable by its owner only (it holds wrapped keys and who did what), with its folder if need be.
    """
    if isinstance(database, Settings):
        database = database.database
    url = make_url(database.url if isinstance(database, DatabaseSettings) else database)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, busy_timeout_seconds)
    if url.get_backend_name() == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, pool_pre_ping=True)
    raise ValueError("relay runs on SQLite or PostgreSQL only")


def make_sessionmaker(engine: Engine, *, read_only: bool = False) -> sessionmaker[Session]:
    """Sessions bound to ``engine``. Objects stay readable after commit (no reload per attribute).

    ``read_only`` sessions (pages, listings, the reconciler's scans) start SQLite transactions with a
    plain ``BEGIN``: in WAL they read a snapshot without waiting for, or holding up, any writer. They must
    not write (a write could then fail with "database is locked"). On PostgreSQL they are ordinary.
    """
    bind = engine.execution_options(**{_READ_ONLY: True}) if read_only else engine
    return sessionmaker(bind, expire_on_commit=False)


def _sqlite_engine(url: URL, busy_timeout_seconds: float) -> Engine:
    if not url.database or url.database == ":memory:":
        # An in-memory database is one per connection: state would vanish between sessions.
        raise ValueError("relay needs an SQLite file, not an in-memory database")
    _create_private_file(Path(url.database))
    engine = create_engine(url, connect_args={"timeout": busy_timeout_seconds})
    busy_ms = int(busy_timeout_seconds * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Stop the sqlite3 module from issuing its own BEGIN (and COMMIT before DDL); _on_begin does it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
            _enable_wal(cursor, busy_timeout_seconds)
            cursor.execute("PRAGMA foreign_keys=ON")
            # FULL (the default) keeps every committed transaction across a power cut; said explicitly
            # because NORMAL, often recommended with WAL, could lose the last commits.
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        deferred = connection.get_execution_options().get(_READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

    return engine


def _enable_wal(cursor: Any, timeout_seconds: float) -> None:
    """Switch the database to WAL (a no-op once it is). The switch takes an exclusive lock and SQLite
    does not always wait on the busy handler for it, so a first start with several connections opening
    at once retries here instead of failing with "database is locked"."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    if str(mode).lower() != "wal":
        # Without WAL every reader blocks the writer; SQLite refuses WAL on some network file systems.
        raise ConfigError("the SQLite database cannot use WAL journaling; keep it on a local disk")


def _create_private_file(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # FileExistsError: another process starting up created it meanwhile, and theirs is as good.
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
