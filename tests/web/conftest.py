"""Fixtures for the web tests: a Runtime on SQLite or PostgreSQL (optionally with moto S3), a live
server on loopback, partners with tokens, and staged bundles whose objects the test puts itself."""

from __future__ import annotations

import io
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from bundle.fixtures import bundle_rt, distributed_env_for_test, s3_endpoint
from db.fixtures import _truncate_all, new_item, pg_schema_url, pg_schemas, sqlite_template
from s3server import new_bucket, s3_test_client
from sqlalchemy import URL

from relay.crypto import SigningKey
from relay.db import ObjectRef, State, partners
from relay.db.coltypes import utcnow
from relay.keys import ensure_master_key
from relay.runtime import Runtime
from relay.settings import load_settings
from relay.web import WebConfig, create_app
from relay.web.ratelimit import FailureLimiter
from web.live import LiveServer, live_server

__all__ = [
    "bundle_rt",
    "distributed_env_for_test",
    "pg_schema_url",
    "pg_schemas",
    "s3_endpoint",
    "sqlite_template",
]


def open_runtime(home: Path, env: dict[str, str] | None = None) -> Runtime:
    """A Runtime under ``home``; ``env`` adds RELAY_* settings (a database, S3 storage)."""
    settings = load_settings({"RELAY_HOME": str(home), **(env or {})})
    if not settings.embedded:  # distributed mode wants its master key to exist already
        ensure_master_key(settings.keys.master_key_file)
    return Runtime.open(settings)


def pg_env(url: URL) -> dict[str, str]:
    return {"RELAY_DATABASE_URL": url.render_as_string(hide_password=False)}


@pytest.fixture(params=["sqlite", "postgresql"])
def rt(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """A Runtime with a file store: embedded SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        with open_runtime(tmp_path / "home") as runtime:
            yield runtime
        return
    url: URL = request.getfixturevalue("pg_schema_url")
    runtime = open_runtime(tmp_path / "home", pg_env(url))
    try:
        yield runtime
    finally:
        _truncate_all(runtime.engine)
        runtime.close()


@pytest.fixture
def s3_rt(
    tmp_path: Path, pg_schema_url: URL, s3_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Runtime]:
    """A distributed Runtime: PostgreSQL and a fresh bucket on moto's S3 server (over HTTP)."""
    # boto3 takes credentials from the environment, as it would in production.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = new_bucket(s3_test_client(s3_endpoint))
    env = {
        **pg_env(pg_schema_url),
        "RELAY_STORAGE_URL": f"s3://{bucket}/relay-prefix",
        "RELAY_S3_ENDPOINT_URL": s3_endpoint,
        "RELAY_S3_REGION": "us-east-1",
    }
    runtime = open_runtime(tmp_path / "home", env)
    try:
        yield runtime
    finally:
        _truncate_all(runtime.engine)
        runtime.close()


class FakeClock:
    """A clock the test moves by hand (no sleeping, no timing assertions)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Server:
    """A live app over a runtime, with the pieces a test may want to poke."""

    url: str
    rt: Runtime
    signer: SigningKey
    clock: FakeClock
    live: LiveServer


def start(rt: Runtime, config: WebConfig | None = None) -> Iterator[Server]:
    config = config or WebConfig()
    signer = SigningKey.generate()
    clock = FakeClock()
    limiter = FailureLimiter(config.failed_auth_limit, config.failed_auth_window_seconds, clock=clock)
    app = create_app(rt, config, signer_key=signer.public_key, limiter=limiter)
    with live_server(app) as live:
        yield Server(live.url, rt, signer, clock, live)


@pytest.fixture
def server(rt: Runtime) -> Iterator[Server]:
    yield from start(rt)


@pytest.fixture
def s3_server(s3_rt: Runtime) -> Iterator[Server]:
    yield from start(s3_rt)


# --- partners, tokens, bundles -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerAccess:
    partner_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def add_partner(rt: Runtime, name: str, *, expires_in: timedelta = timedelta(days=30)) -> PartnerAccess:
    token = new_token()
    with rt.sessions.begin() as session:
        partner_id = partners.create_partner(session, name, actor="test").id
        partners.issue_token(
            session, partner_id, partners.hash_token(token), utcnow() + expires_in, actor="test"
        )
    return PartnerAccess(partner_id, token)


@dataclass(frozen=True)
class StagedBundle:
    bundle_id: str
    partner_id: str
    item_ids: tuple[str, ...]
    key: str
    content: bytes
    signature: str


def put_bundle(
    rt: Runtime,
    partner_id: str,
    *,
    content: bytes | None = None,
    signature: str = "untrusted comment: test\nAAAA\ntrusted comment: test\nBBBB\n",
    items: int = 2,
    stage: bool = True,
) -> StagedBundle:
    """A bundle with ``items`` approved items, its object and signature put by the test, sealed and
    (unless told otherwise) staged. The content is random bytes: the API never looks inside."""
    content = secrets.token_bytes(70_000) if content is None else content
    item_ids = tuple(new_item(rt.sessions, state=State.APPROVED) for _ in range(items))
    with rt.sessions.begin() as session:
        bundle_id = partners.create_bundle(session, partner_id, actor="test").id
        for item_id in item_ids:
            partners.add_to_bundle(session, bundle_id, item_id, actor="test")
    key = f"bundles/{partner_id}/{bundle_id}.tar.age"
    put = rt.objects.put(key, io.BytesIO(content))
    rt.objects.put(key + ".minisig", io.BytesIO(signature.encode()))
    with rt.sessions.begin() as session:
        partners.seal_bundle(session, bundle_id, ObjectRef(key, put.sha256, put.size), actor="test")
        if stage:
            partners.stage_bundle(session, bundle_id, actor="test")
    return StagedBundle(bundle_id, partner_id, item_ids, key, content, signature)


@pytest.fixture
def alice(rt: Runtime) -> PartnerAccess:
    return add_partner(rt, "Alice Org")


@pytest.fixture
def bob(rt: Runtime) -> PartnerAccess:
    return add_partner(rt, "Bob Org")


Validator = Callable[[Any, str], None]


@pytest.fixture(scope="session")
def check_schema() -> Validator:
    """Validate a JSON body against one of the partner API schema's $defs."""
    import json

    import jsonschema

    path = Path(__file__).resolve().parents[2] / "schemas" / "partner-api.v1.schema.json"
    schema = json.loads(path.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)

    whole = jsonschema.Draft202012Validator(schema)

    def check(body: Any, name: str) -> None:
        named = {key: value for key, value in schema.items() if key != "oneOf"}
        jsonschema.Draft202012Validator({**named, "$ref": f"#/$defs/{name}"}).validate(body)
        whole.validate(body)  # and it is exactly one of the documented bodies

    return check
