"""Fixtures for the database tests; see fixtures.py (they live there so other test folders can reuse them)."""

from __future__ import annotations

from db.fixtures import db, empty_url, pg_schema_url, pg_schemas, sqlite_template

__all__ = ["db", "empty_url", "pg_schema_url", "pg_schemas", "sqlite_template"]
