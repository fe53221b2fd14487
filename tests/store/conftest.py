"""Fixtures for the store tests: a real S3 endpoint (moto over HTTP), fresh buckets, a master key."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from s3server import moto_server, new_bucket, s3_test_client

from relay.keys import MasterKey


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """The URL of a moto S3 server shared by the whole session (buckets keep tests apart)."""
    with moto_server() as server:
        yield server.url


@pytest.fixture(scope="session")
def s3_client(s3_endpoint: str) -> Any:
    """A boto3 client for the shared server, with short timeouts and bounded retries (built once: slow)."""
    return s3_test_client(s3_endpoint)


@pytest.fixture
def s3_bucket(s3_client: Any) -> str:
    """A new, empty bucket on the shared server."""
    return new_bucket(s3_client)


@pytest.fixture
def master_key() -> MasterKey:
    """A random master key, in memory only."""
    return MasterKey(secrets.token_bytes(32))
