"""The API's one error shape: ``{"error": {"code": ..., "message": ...}}`` with a stable code.

Messages are fixed strings written here: never a token, a storage key, an exception's text or anything
from a letter.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse, Response


class ApiError(Exception):
    """Raised by handlers; turned into a JSON error response by :func:`api_error_response`."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """A JSON error response, never cached."""
    return JSONResponse(
        {"error": {"code": code, "message": message}},
        status_code=status,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )


async def api_error_response(_request: Request, exc: Exception) -> Response:
    """Starlette exception handler for :class:`ApiError`."""
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers)


NOT_FOUND_MESSAGE = "not found"


def not_found() -> ApiError:
    """The one answer for a bundle that is missing, not staged, or another partner's."""
    return ApiError(404, "not_found", NOT_FOUND_MESSAGE)
