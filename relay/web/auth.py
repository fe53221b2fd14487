"""Partner authentication: ``Authorization: Bearer <token>``, looked up by the token's SHA-256.

Every way a token can be wrong (missing, malformed, unknown, expired, revoked) gets the same 401 with
the same body, so a caller learns nothing about which. The lookup is an index search on the SHA-256 of
the token: how long it takes depends on the hash, which an attacker cannot steer towards a real token,
so it leaks nothing useful about stored tokens. Tokens never reach logs or error messages.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from relay.db import partners
from relay.web.errors import ApiError
from relay.web.ratelimit import FailureLimiter

# RFC 6750's b64token, bounded: anything else is refused before it is hashed or looked up.
_TOKEN_RE = re.compile(r"[A-Za-z0-9\-._~+/]{16,256}=*")
_SCHEME = "bearer "


def bearer_token(request: Request) -> str | None:
    """The bearer token of the request, or None if there is no well-formed one."""
    header = request.headers.get("authorization", "")
    if len(header) > 300 or header[: len(_SCHEME)].lower() != _SCHEME:
        return None
    token = header[len(_SCHEME) :].strip()
    return token if _TOKEN_RE.fullmatch(token) else None


def client_key(request: Request) -> str:
    """Who to count failures against: the client address as the server sees it."""
    return request.client.host if request.client is not None else "unknown"


def authenticate(request: Request, readonly: sessionmaker[Session], limiter: FailureLimiter) -> str:
    """The partner ID the request's token belongs to; ApiError 401 (or 429 when locked out) otherwise."""
    who = client_key(request)
    wait = limiter.retry_after(who)
    if wait is not None:
        raise ApiError(
            429,
            "too_many_attempts",
            "too many failed attempts; try again later",
            headers={"Retry-After": str(wait)},
        )
    token = bearer_token(request)
    partner_id = None
    if token is not None:
        with readonly() as session:
            partner_id = partners.partner_for_token(session, partners.hash_token(token))
    if partner_id is None:
        limiter.failed(who)
        raise ApiError(
            401,
            "unauthorized",
            "a valid partner token is required",
            headers={"WWW-Authenticate": 'Bearer realm="relay"'},
        )
    return partner_id
