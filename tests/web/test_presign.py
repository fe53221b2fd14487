"""Presigned URLs on S3 (PostgreSQL + moto's S3 server over HTTP).

moto's server accepts tampered presigned URLs, so what a URL allows is checked here by recomputing its
SigV4 signature with the test credentials: the signature must cover GET, exactly the bundle's object
path and the lifetime, and must change if any of them does (which is what makes a real S3 refuse a
tampered URL). The lifetime is read from the URL itself, not trusted from moto.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, quote, urlsplit

import httpx
import pytest
from sqlalchemy import select

from relay.db.coltypes import utcnow
from relay.db.models import AuditEvent
from relay.web import WebConfig
from relay.web.config import MAX_PRESIGN_SECONDS
from relay.web.presign import check_presigned_url
from web.conftest import Server, Validator, add_partner, put_bundle

API = "/api/v1/partner"
SECRET = "testing"  # the moto credentials the s3_rt fixture puts in the environment


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def sigv4_signature(url: str, *, method: str = "GET", secret: str = SECRET) -> str:
    """The SigV4 query signature a correct S3 server expects for ``url`` (its own is ignored)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "X-Amz-Signature"]
    canonical_query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(query))
    params = dict(query)
    assert params["X-Amz-SignedHeaders"] == "host"  # nothing but the host is signed, so nothing else may vary
    canonical = "\n".join(
        [method, parts.path, canonical_query, f"host:{parts.netloc}\n", "host", "UNSIGNED-PAYLOAD"]
    )
    scope = params["X-Amz-Credential"].split("/", 1)[1]
    to_sign = "\n".join(
        [
            "AWS4-HMAC-SHA256",
            params["X-Amz-Date"],
            scope,
            hashlib.sha256(canonical.encode()).hexdigest(),
        ]
    )
    date, region, service, _ = scope.split("/")
    key = _hmac(_hmac(_hmac(_hmac(("AWS4" + secret).encode(), date), region), service), "aws4_request")
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


def _signature(url: str) -> str:
    return dict(parse_qsl(urlsplit(url).query))["X-Amz-Signature"]


def _replace(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = "&".join(f"{k}={quote(value if k == name else v, safe='')}" for k, v in parse_qsl(parts.query))
    return parts._replace(query=query).geturl()


def test_a_presigned_url_gets_exactly_the_bundle_for_at_most_15_minutes(
    s3_server: Server, check_schema: Validator
) -> None:
    alice = add_partner(s3_server.rt, "Alice Org")
    bundle = put_bundle(s3_server.rt, alice.partner_id)
    before = utcnow().replace(microsecond=0)
    resp = httpx.post(
        f"{s3_server.url}{API}/bundles/{bundle.bundle_id}/url", headers=alice.headers, timeout=30
    )
    assert resp.status_code == 200
    body = resp.json()
    check_schema(body, "presigned_url")
    url = body["url"]

    parts = urlsplit(url)
    bucket = s3_server.rt.settings.storage.s3_bucket
    assert parts.path == f"/{bucket}/relay-prefix/{bundle.key}"  # this object, nothing wider
    params = dict(parse_qsl(parts.query))
    assert params["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256"
    assert int(params["X-Amz-Expires"]) == WebConfig().presign_seconds <= MAX_PRESIGN_SECONDS
    signed_at = datetime.strptime(params["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert before <= signed_at
    expires_at = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    dies_at = signed_at + timedelta(seconds=int(params["X-Amz-Expires"]))
    assert abs(expires_at - dies_at) <= timedelta(seconds=1)
    assert dies_at - before <= timedelta(minutes=15)
    assert alice.token not in url and "token" not in url.lower()
    with s3_server.rt.readonly() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.bundle_id == bundle.bundle_id))
        assert "bundle_url_issued" in list(actions)

    # The signature is what a correct S3 expects for GET of this path with this lifetime…
    assert _signature(url) == sigv4_signature(url)
    # …and it would not be for any other method, object or lifetime.
    assert _signature(url) != sigv4_signature(url, method="PUT")
    assert _signature(url) != sigv4_signature(url, method="DELETE")
    other_object = parts._replace(path=parts.path.replace(alice.partner_id, "ptn_" + "a" * 26)).geturl()
    assert _signature(url) != sigv4_signature(other_object)
    assert _signature(url) != sigv4_signature(_replace(url, "X-Amz-Expires", "604800"))
    assert _signature(url) != sigv4_signature(_replace(url, "X-Amz-Date", "20991231T000000Z"))

    # And it fetches the bundle's bytes, which the listed checksum verifies.
    fetched = httpx.get(url, timeout=30)
    assert fetched.status_code == 200
    assert hashlib.sha256(fetched.content).hexdigest() == body["sha256"] == bundle_sha(bundle.content)
    assert len(fetched.content) == body["size"]


def bundle_sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def test_another_partners_bundle_gets_no_url(s3_server: Server, check_schema: Validator) -> None:
    alice, bob = add_partner(s3_server.rt, "Alice Org"), add_partner(s3_server.rt, "Bob Org")
    theirs = put_bundle(s3_server.rt, bob.partner_id)
    resp = httpx.post(
        f"{s3_server.url}{API}/bundles/{theirs.bundle_id}/url", headers=alice.headers, timeout=30
    )
    assert resp.status_code == 404
    check_schema(resp.json(), "error")
    assert "X-Amz" not in resp.text


def test_streamed_download_from_s3(s3_server: Server) -> None:
    alice = add_partner(s3_server.rt, "Alice Org")
    bundle = put_bundle(s3_server.rt, alice.partner_id, content=b"\x00age" * 300_000)
    resp = httpx.get(
        f"{s3_server.url}{API}/bundles/{bundle.bundle_id}/content", headers=alice.headers, timeout=60
    )
    assert resp.status_code == 200
    assert resp.content == bundle.content


def test_the_lifetime_cannot_be_configured_past_15_minutes() -> None:
    with pytest.raises(ValueError):
        WebConfig(presign_seconds=MAX_PRESIGN_SECONDS + 1)
    with pytest.raises(ValueError):
        WebConfig(presign_seconds=0)
    assert WebConfig(presign_seconds=MAX_PRESIGN_SECONDS).presign_seconds == 900


@pytest.mark.parametrize(
    "url",
    [
        # SigV2: an absolute expiry with no upper bound.
        "http://s3.test/b/k?AWSAccessKeyId=x&Expires=4102444800&Signature=abc",
        # SigV4 with a longer lifetime than asked for.
        "http://s3.test/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=604800&X-Amz-Signature=abc",
    ],
)
def test_urls_that_are_not_sigv4_with_the_asked_lifetime_are_refused(url: str) -> None:
    from relay.errors import ConfigError

    with pytest.raises(ConfigError):
        check_presigned_url(url, 300)
