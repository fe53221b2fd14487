"""The Starlette application: :func:`create_app` builds it over a :class:`~relay.runtime.Runtime`."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response

from relay.runtime import Runtime
from relay.signing import signing_public_key
from relay.web.config import WebConfig
from relay.web.errors import NOT_FOUND_MESSAGE, ApiError, api_error_response, error_response
from relay.web.headers import SecurityHeaders
from relay.web.partner_api import PartnerApi, SignerKeySource
from relay.web.presign import Presigner
from relay.web.ratelimit import FailureLimiter


def create_app(
    rt: Runtime,
    config: WebConfig | None = None,
    *,
    signer_key: SignerKeySource | None = None,
    presigner: Presigner | None = None,
    limiter: FailureLimiter | None = None,
) -> Starlette:
    """relay's HTTP app. The runtime stays the caller's to close.

    ``signer_key`` gives relay's minisign public key (default: :func:`relay.signing.signing_public_key`);
    ``presigner`` is made from the settings when storage is S3 (else presigned URLs are refused).
    """
    config = config or WebConfig()
    if presigner is None and rt.settings.storage.backend == "s3":
        presigner = Presigner(rt.settings.storage)
    api = PartnerApi(rt, config, signer_key or _default_signer_key(rt), presigner=presigner, limiter=limiter)
    return Starlette(
        routes=api.routes(),
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={ApiError: api_error_response, 404: _not_found, 405: _not_allowed},
    )


def _default_signer_key(rt: Runtime) -> SignerKeySource:
    # Read from the store on each request (it is small), so every server process agrees on the key.
    return lambda: signing_public_key(rt)


async def _not_found(_request: Request, _exc: Exception) -> Response:
    return error_response(404, "not_found", NOT_FOUND_MESSAGE)


async def _not_allowed(_request: Request, _exc: Exception) -> Response:
    return error_response(405, "method_not_allowed", "that method is not allowed here")
