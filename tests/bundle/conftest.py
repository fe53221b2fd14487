"""Fixtures for the bundle tests; they live in fixtures.py so that other test folders can reuse them."""

from __future__ import annotations

from db.fixtures import pg_schema_url, pg_schemas, sqlite_template

from bundle.fixtures import bundle_rt, distributed_env_for_test, embedded_rt, s3_endpoint

__all__ = [
    "bundle_rt",
    "distributed_env_for_test",
    "embedded_rt",
    "pg_schema_url",
    "pg_schemas",
    "s3_endpoint",
    "sqlite_template",
]
