"""Fixtures for the worker tests: runtimes over the shared database fixture, brokers, worker processes.

This folder has no ``__init__.py`` on purpose: with one, pytest would import it as the package
``workers`` and shadow the real :mod:`workers`. ``tests/`` is put on sys.path here instead, for
``db.fixtures`` and ``s3server``; test modules are named ``test_worker_*`` to stay unique.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from db.fixtures import (  # noqa: E402, F401
    Database,
    _truncate_all,
    db,
    pg_db,
    pg_schema_url,
    pg_schemas,
    sqlite_template,
)
from sqlalchemy import URL  # noqa: E402
from workers_support import make_runtime, runtime_env  # noqa: E402

from relay.db import make_engine, make_sessionmaker  # noqa: E402
from relay.runtime import Runtime  # noqa: E402
from relay.settings import load_settings  # noqa: E402


@pytest.fixture
def rt(db: Database, tmp_path: Path) -> Iterator[Runtime]:  # noqa: F811
    """A Runtime over the ``db`` fixture (SQLite, then PostgreSQL), a local object store, stub broker."""
    runtime = make_runtime(runtime_env(db, tmp_path))
    try:
        yield runtime
    finally:
        runtime.close()


@pytest.fixture
def rt_embedded(tmp_path: Path) -> Iterator[Runtime]:
    """An embedded-mode Runtime under a fresh RELAY_HOME (what `relay work` uses on one machine)."""
    runtime = Runtime.open(load_settings({"RELAY_HOME": str(tmp_path / "home")}))
    try:
        yield runtime
    finally:
        runtime.close()


@pytest.fixture
def pg(pg_schema_url: URL) -> Iterator[Database]:  # noqa: F811
    """The PostgreSQL half of ``db`` alone: for tests with worker processes, which model distributed mode."""
    engine = make_engine(pg_schema_url)
    try:
        yield Database("postgresql", pg_schema_url, engine, make_sessionmaker(engine))
    finally:
        _truncate_all(engine)
        engine.dispose()
