"""Runtimes, partners and approved items for bundle tests; importable from other test folders.

Reuse from another folder (which needs an ``__init__.py``, so that ``tests/`` is on sys.path)::

    from bundle.fixtures import bundle_rt, embedded_rt, s3_endpoint  # noqa: F401  (fixtures)
    from bundle.fixtures import add_partner, approved_item, fetch_object  # helpers

``bundle_rt`` runs each test twice: embedded (SQLite, file store, master key made on first start) and
distributed (PostgreSQL in a fresh schema, a fresh bucket on moto's S3 server over HTTP, a master key
file made beforehand). Items are built through the real library: an original reference, redacted media
stored encrypted through the SealedStore, findings, every state transition, a moderator's approval.
"""

from __future__ import annotations

import io
import itertools
import os
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from db.fixtures import PgSchemas
from s3server import moto_server, new_bucket, s3_test_client
from sqlalchemy import URL

from relay.crypto import X25519Identity
from relay.db import ItemKind, ObjectRef, Role, State, Verdict, new_item_id, partners, repo
from relay.db.findings import FindingInput, replace_machine_findings
from relay.db.transitions import transition
from relay.keys import ensure_master_key, new_data_key
from relay.model import Kind, Severity
from relay.outputs import MEDIA_TYPES, record_redacted, store_redacted
from relay.runtime import Runtime
from relay.settings import load_settings

MODES = ("embedded", "distributed")
_STEPS = (
    State.RECEIVED,
    State.SANITIZED,
    State.EXTRACTED,
    State.DETECTED,
    State.REDACTED,
    State.AWAITING_REVIEW,
)


def open_runtime(home: Path, env: Mapping[str, str] | None = None) -> Runtime:
    """A Runtime under ``home``; ``env`` adds RELAY_* settings (a database, S3 storage)."""
    settings = load_settings({"RELAY_HOME": str(home), **(env or {})})
    if not settings.embedded:  # distributed mode wants its master key to exist already
        settings.keys.master_key_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        ensure_master_key(settings.keys.master_key_file)
    return Runtime.open(settings)


def distributed_env(url: URL, s3_endpoint: str, bucket: str, home: Path) -> dict[str, str]:
    """RELAY_* settings for PostgreSQL at ``url`` and the bucket on the moto server."""
    return {
        "RELAY_DATABASE_URL": url.render_as_string(hide_password=False),
        "RELAY_STORAGE_URL": f"s3://{bucket}/relay-prefix",
        "RELAY_S3_ENDPOINT_URL": s3_endpoint,
        "RELAY_S3_REGION": "us-east-1",
        "RELAY_MASTER_KEY_FILE": str(home / "etc" / "master.key"),
    }


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server for the session (buckets keep tests apart)."""
    with moto_server() as server:
        yield server.url


@pytest.fixture
def embedded_rt(tmp_path: Path) -> Iterator[Runtime]:
    """Embedded mode: SQLite and the file store under a fresh RELAY_HOME."""
    with open_runtime(tmp_path / "home") as runtime:
        yield runtime


@pytest.fixture
def distributed_env_for_test(
    tmp_path: Path, s3_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, str]]:
    """RELAY_* settings of a distributed install: a new PostgreSQL schema (dropped afterwards) and a new
    bucket. boto3 takes its credentials from the environment, as in production."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    schemas = PgSchemas()
    schema, url = schemas.create()
    try:
        bucket = new_bucket(s3_test_client(s3_endpoint))
        yield distributed_env(url, s3_endpoint, bucket, tmp_path / "home")
    finally:
        schemas.drop(schema)
        schemas.close()


@pytest.fixture(params=MODES)
def bundle_rt(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """A Runtime: embedded (SQLite + files), then distributed (PostgreSQL + S3 over HTTP)."""
    if request.param == "embedded":
        runtime = open_runtime(tmp_path / "home")
    else:
        env: dict[str, str] = request.getfixturevalue("distributed_env_for_test")
        runtime = open_runtime(tmp_path / "home", env)
    try:
        yield runtime
    finally:
        runtime.close()


def add_partner(rt: Runtime, identities: list[X25519Identity], name: str | None = None) -> str:
    """Register a partner with the identities' recipients; returns its ID."""
    with rt.sessions.begin() as session:
        partner = partners.create_partner(session, name or f"Partner {secrets.token_hex(4)}", actor="test")
        for identity in identities:
            partners.add_recipient(session, partner.id, str(identity.recipient()), actor="test")
        return partner.id


def approved_item(
    rt: Runtime,
    partner_id: str | None,
    data: bytes | None = None,
    *,
    extension: str = "png",
    redactions: Mapping[Kind, int] | None = None,
) -> str:
    """An item moved through every stage and approved by a moderator, with redacted media ``data``
    stored encrypted, ``redactions`` as active redact findings, assigned to ``partner_id``."""
    data = data if data is not None else b"\x89PNG redacted " + secrets.token_bytes(64)
    item_id = new_item_id()
    counts = dict(redactions if redactions is not None else {Kind.PERSON: 2, Kind.PHONE: 1})
    with rt.sessions.begin() as session:
        repo.create_item(
            session,
            item_id=item_id,
            kind=ItemKind.LETTER,
            media_type=MEDIA_TYPES[extension] if extension != "txt" else "text/plain",
            original=ObjectRef(key=f"items/{item_id}/original", sha256="ab" * 32, size=1234),
            wrapped_key=rt.master.wrap(new_data_key(), item_id),
            actor="test",
        )
    outputs = store_redacted(rt.store, item_id, extension, data)
    with rt.sessions.begin() as session:
        record_redacted(session, item_id, [outputs])
        for before, after in itertools.pairwise(_STEPS[:5]):
            assert transition(session, item_id, before, after, actor="test")
        findings = [
            FindingInput(
                page=0,
                kind=kind,
                severity=Severity.REDACT,
                confidence=0.9,
                rule="test.rule",
                boxes=((1, 1, 5, 5),),
            )
            for kind, n in counts.items()
            for _ in range(n)
        ]
        # A review-severity finding is never counted as a redaction.
        findings.append(
            FindingInput(page=0, kind=Kind.PLACE, severity=Severity.REVIEW, confidence=0.4, rule="test.rule")
        )
        replace_machine_findings(session, item_id, findings, [], actor="test")
        assert transition(session, item_id, State.REDACTED, State.AWAITING_REVIEW, actor="test")
        if partner_id is not None:
            repo.assign_partner(session, item_id, partner_id, actor="test")
        moderator = repo.create_user(
            session, f"moderator {secrets.token_hex(4)}", Role.MODERATOR, actor="test"
        )
        assert repo.decide(session, item_id, moderator.id, Verdict.APPROVE) is State.APPROVED
    return item_id


def item_state(rt: Runtime, item_id: str) -> State:
    """The item's committed state."""
    with rt.readonly() as session:
        return repo.get_item(session, item_id).state


def fetch_object(rt: Runtime, key: str, dst: Path) -> Path:
    """Copy an object (ciphertext, a signature) out of the store into ``dst``, as a partner downloads it."""
    with open(dst, "wb") as out:
        rt.objects.get(key, out)
    return dst


def fetch_text(rt: Runtime, key: str) -> str:
    """An object's bytes as text (a signature)."""
    buffer = io.BytesIO()
    rt.objects.get(key, buffer)
    return buffer.getvalue().decode("ascii")


def write_identity_file(path: Path, identities: list[X25519Identity]) -> Path:
    """An age identity file, readable by ``age -d -i``."""
    path.write_text("".join(f"{identity.to_string()}\n" for identity in identities))
    os.chmod(path, 0o600)
    return path
