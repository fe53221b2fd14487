"""The partner API, version 1: list staged bundles, download them, acknowledge receipt.

Every route needs ``Authorization: Bearer <token>`` (:mod:`relay.web.auth`). A partner sees only its own
bundles, and only once they are staged: another partner's bundle, an unstaged one, a missing one and a
malformed ID all get the same 404. Responses are JSON described by ``schemas/partner-api.v1.schema.json``,
except the bundle itself (``application/octet-stream``), its minisign signature and relay's signing public
key (``text/plain``).

::

    GET  /api/v1/partner/bundles                 staged bundles not yet acknowledged, oldest first
    GET  /api/v1/partner/bundles/{id}            one bundle's metadata (acknowledged ones too)
    GET  /api/v1/partner/bundles/{id}/content    the age-encrypted bundle, streamed
    GET  /api/v1/partner/bundles/{id}/signature  its minisign signature
    POST /api/v1/partner/bundles/{id}/url        a presigned S3 URL for it (S3 storage only)
    POST /api/v1/partner/bundles/{id}/ack        acknowledge receipt: its items become delivered
    GET  /api/v1/partner/signing-key             relay's minisign public key

Handlers are thin: they authenticate, ask :mod:`relay.db.partners` and the object store, and shape JSON.
They are plain functions, which Starlette runs in its thread pool, because the database and store are
synchronous.
"""

from __future__ import annotations

import io
import logging
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from relay.crypto import MinisignPublicKey
from relay.db import audit, partners
from relay.db.coltypes import utcnow
from relay.db.ids import BUNDLE, is_id
from relay.db.models import Bundle
from relay.errors import StateError, StorageError
from relay.runtime import Runtime
from relay.web.auth import authenticate
from relay.web.config import WebConfig
from relay.web.errors import ApiError, not_found
from relay.web.presign import Presigner
from relay.web.ratelimit import FailureLimiter

PREFIX: Final = "/api/v1/partner"
SIGNATURE_SUFFIX: Final = ".minisig"
# Audit actions of this API.
BUNDLE_DOWNLOADED: Final = audit.BUNDLE_DOWNLOADED
BUNDLE_URL_ISSUED: Final = audit.BUNDLE_URL_ISSUED

_CHUNK = 64 * 1024
_NO_STORE = {"Cache-Control": "no-store"}
log = logging.getLogger("relay.web.partner_api")

SignerKeySource = Callable[[], MinisignPublicKey]


def actor_for(partner_id: str) -> str:
    """How the audit log names a partner acting through the API."""
    return f"partner:{partner_id}"


def bundle_json(bundle: Bundle) -> dict[str, Any]:
    """A bundle as the API shows it (see the schema's ``bundle``)."""
    assert bundle.staged_at is not None and bundle.sha256 is not None and bundle.size is not None
    return {
        "id": bundle.id,
        "sha256": bundle.sha256,
        "size": bundle.size,
        "staged_at": _iso(bundle.staged_at),
        "acknowledged_at": None if bundle.acknowledged_at is None else _iso(bundle.acknowledged_at),
        "content": f"{PREFIX}/bundles/{bundle.id}/content",
        "signature": f"{PREFIX}/bundles/{bundle.id}/signature",
    }


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def visible_bundle(session: Session, partner_id: str, bundle_id: str) -> Bundle | None:
    """The partner's own staged bundle with that ID, else None (whatever the reason: one answer)."""
    if not is_id(bundle_id, BUNDLE):
        return None
    query = select(Bundle).where(
        Bundle.id == bundle_id,
        Bundle.partner_id == partner_id,
        Bundle.staged_at.is_not(None),
        Bundle.object_key.is_not(None),
    )
    return session.scalars(query).one_or_none()


class _BoundedBuffer(io.BytesIO):
    """A BytesIO that refuses to grow past ``limit`` (a signature object is a few hundred bytes)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self._limit = limit

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self._limit:
            raise StorageError("the signature object is larger than a signature can be")
        return super().write(data)


class PartnerApi:
    """The routes of the partner API over one runtime."""

    def __init__(
        self,
        rt: Runtime,
        config: WebConfig,
        signer_key: SignerKeySource,
        *,
        presigner: Presigner | None = None,
        limiter: FailureLimiter | None = None,
    ) -> None:
        self.rt = rt
        self.config = config
        self.signer_key = signer_key
        self.presigner = presigner
        self.limiter = limiter or FailureLimiter(config.failed_auth_limit, config.failed_auth_window_seconds)
        # Ciphertext is spooled before it is sent; in embedded mode keep it under relay's home.
        self._scratch = rt.settings.home / "tmp" if rt.settings.embedded else None

    def routes(self) -> list[BaseRoute]:
        """The Starlette routes, under :data:`PREFIX`."""
        bundle = PREFIX + "/bundles/{bundle_id}"
        return [
            Route(PREFIX + "/bundles", self.list_bundles, methods=["GET"]),
            Route(bundle, self.get_bundle, methods=["GET"]),
            Route(bundle + "/content", self.get_content, methods=["GET"]),
            Route(bundle + "/signature", self.get_signature, methods=["GET"]),
            Route(bundle + "/url", self.presign, methods=["POST"]),
            Route(bundle + "/ack", self.acknowledge, methods=["POST"]),
            Route(PREFIX + "/signing-key", self.signing_key, methods=["GET"]),
        ]

    # --- handlers ------------------------------------------------------------------------------------

    def list_bundles(self, request: Request) -> Response:
        partner_id = self._auth(request)
        limit = self.config.list_limit
        query = (
            select(Bundle)
            .where(
                Bundle.partner_id == partner_id,
                Bundle.staged_at.is_not(None),
                Bundle.object_key.is_not(None),
                Bundle.acknowledged_at.is_(None),
            )
            .order_by(Bundle.staged_at, Bundle.id)
            .limit(limit + 1)
        )
        with self.rt.readonly() as session:
            rows = list(session.scalars(query))
        body = {"bundles": [bundle_json(b) for b in rows[:limit]], "more": len(rows) > limit}
        return JSONResponse(body, headers=_NO_STORE)

    def get_bundle(self, request: Request) -> Response:
        partner_id = self._auth(request)
        return JSONResponse(bundle_json(self._bundle(partner_id, request)), headers=_NO_STORE)

    def get_content(self, request: Request) -> Response:
        partner_id = self._auth(request)
        bundle = self._bundle(partner_id, request)
        assert bundle.object_key is not None and bundle.size is not None
        headers = {
            **_NO_STORE,
            "Content-Length": str(bundle.size),
            "Content-Disposition": f'attachment; filename="{bundle.id}.tar.age"',
            "X-Relay-Bundle-Sha256": str(bundle.sha256),
        }
        if request.method == "HEAD":  # Starlette routes HEAD with GET: answer it without fetching
            return Response(headers=headers, media_type="application/octet-stream")
        # Spool (ciphertext only) and verify against the database's checksum before the first byte
        # goes out: a damaged object is never served, and the length is known up front.
        # Not a with-block: the response owns the spool from here and closes it when sent (or abandoned).
        spool = tempfile.TemporaryFile(dir=self._scratch)  # noqa: SIM115
        try:
            got = self.rt.objects.get(bundle.object_key, spool, expected_sha256=bundle.sha256)
            if got.size != bundle.size:
                raise StorageError("the bundle object does not have its recorded size")
            spool.seek(0)
            self._audit(BUNDLE_DOWNLOADED, partner_id, bundle.id)
        except StorageError as exc:
            spool.close()
            log.error("bundle %s could not be served (%s)", bundle.id, exc.code)
            raise ApiError(503, "bundle_unavailable", "the bundle cannot be served now; try later") from None
        except BaseException:
            spool.close()
            raise
        return StreamingResponse(
            _chunks(spool),
            media_type="application/octet-stream",
            headers=headers,
            background=BackgroundTask(spool.close),
        )

    def get_signature(self, request: Request) -> Response:
        partner_id = self._auth(request)
        bundle = self._bundle(partner_id, request)
        buffer = _BoundedBuffer(self.config.max_signature_bytes)
        try:
            self.rt.objects.get(f"{bundle.object_key}{SIGNATURE_SUFFIX}", buffer)
            text = buffer.getvalue().decode("utf-8")
        except (StorageError, UnicodeDecodeError) as exc:
            log.error("signature of bundle %s could not be served (%s)", bundle.id, type(exc).__name__)
            raise ApiError(503, "bundle_unavailable", "the bundle cannot be served now; try later") from None
        return PlainTextResponse(text, headers=_NO_STORE)

    def presign(self, request: Request) -> Response:
        partner_id = self._auth(request)
        bundle = self._bundle(partner_id, request)
        if self.presigner is None:
            raise ApiError(
                501, "presigned_urls_unavailable", "this server streams bundles; use the content URL"
            )
        assert bundle.object_key is not None
        url, expires_at = self.presigner.get_url(bundle.object_key, self.config.presign_seconds, now=utcnow())
        self._audit(BUNDLE_URL_ISSUED, partner_id, bundle.id)
        body = {"url": url, "expires_at": _iso(expires_at), "sha256": bundle.sha256, "size": bundle.size}
        return JSONResponse(body, headers=_NO_STORE)

    def acknowledge(self, request: Request) -> Response:
        partner_id = self._auth(request)
        bundle_id = request.path_params["bundle_id"]
        try:
            with self.rt.sessions.begin() as session:
                if visible_bundle(session, partner_id, bundle_id) is None:
                    raise not_found()
                newly = partners.acknowledge_bundle(
                    session, bundle_id, partner_id, actor=actor_for(partner_id)
                )
                bundle = visible_bundle(session, partner_id, bundle_id)
                assert bundle is not None and bundle.acknowledged_at is not None
                body = {
                    "id": bundle.id,
                    "acknowledged_at": _iso(bundle.acknowledged_at),
                    "newly_acknowledged": newly,
                }
        except StateError:
            # An item of the bundle is not where the bundle says (parked as failed, say): nothing moved.
            log.error("bundle %s could not be acknowledged: an item is not staged", bundle_id)
            raise ApiError(
                409, "not_acknowledgeable", "the bundle cannot be acknowledged now; try later"
            ) from None
        return JSONResponse(body, headers=_NO_STORE)

    def signing_key(self, request: Request) -> Response:
        self._auth(request)
        return PlainTextResponse(self.signer_key().to_text(), headers=_NO_STORE)

    # --- helpers -------------------------------------------------------------------------------------

    def _auth(self, request: Request) -> str:
        return authenticate(request, self.rt.readonly, self.limiter)

    def _bundle(self, partner_id: str, request: Request) -> Bundle:
        with self.rt.readonly() as session:
            bundle = visible_bundle(session, partner_id, request.path_params["bundle_id"])
            if bundle is None:
                raise not_found()
            session.expunge(bundle)
        return bundle

    def _audit(self, action: str, partner_id: str, bundle_id: str) -> None:
        with self.rt.sessions.begin() as session:
            audit.record(
                session, action, actor=actor_for(partner_id), partner_id=partner_id, bundle_id=bundle_id
            )


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(_CHUNK):
            yield chunk
    finally:
        spool.close()
