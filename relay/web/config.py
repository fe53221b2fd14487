"""What the HTTP app is tuned with. Frozen and checked, so a bad value fails at start-up, not mid-request."""

from __future__ import annotations

from dataclasses import dataclass

# The ceiling: a presigned URL must stop working within 15 minutes.
MAX_PRESIGN_SECONDS = 15 * 60


@dataclass(frozen=True)
class WebConfig:
    """Limits of the partner API.

    ``presign_seconds``: lifetime of a presigned download URL (1..900). ``failed_auth_limit`` failed token
    attempts from one client address within ``failed_auth_window_seconds`` lock that address out until
    the window has passed. ``list_limit``: most bundles returned by one listing.
    """

    presign_seconds: int = 300
    failed_auth_limit: int = 10
    failed_auth_window_seconds: float = 300.0
    list_limit: int = 500
    max_signature_bytes: int = 4096

    def __post_init__(self) -> None:
        if not 1 <= self.presign_seconds <= MAX_PRESIGN_SECONDS:
            raise ValueError(f"presign_seconds must be 1..{MAX_PRESIGN_SECONDS}")
        if self.failed_auth_limit < 1 or self.failed_auth_window_seconds <= 0:
            raise ValueError("failed_auth_limit and failed_auth_window_seconds must be positive")
        if not 1 <= self.list_limit <= 10_000 or self.max_signature_bytes < 256:
            raise ValueError("list_limit must be 1..10000 and max_signature_bytes at least 256")
