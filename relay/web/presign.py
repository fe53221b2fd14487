"""Presigned GET URLs for bundles kept on S3, so a partner can fetch a bundle straight from the bucket.

A URL names exactly one object, allows only GET and expires after at most 15 minutes
(:data:`relay.web.config.MAX_PRESIGN_SECONDS`). It carries no relay token, only the S3 signature of the
server's own credentials, and what it fetches is the age-encrypted bundle, never plaintext.

The S3Store does not expose its client (and its client does not force SigV4), so this builds its own
from the same settings and the same credential chain; the key layout (``<prefix>/<key>``) must match
:class:`relay.store.s3.S3Store`. Presigning is local computation: no request reaches S3.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from relay.errors import ConfigError
from relay.settings import StorageSettings
from relay.store import validate_key
from relay.web.config import MAX_PRESIGN_SECONDS


class Presigner:
    """Makes presigned GET URLs for keys of the configured bucket."""

    def __init__(self, storage: StorageSettings, client: Any = None) -> None:
        if storage.s3_bucket is None:
            raise ValueError("presigned URLs need s3:// storage")
        self._bucket = storage.s3_bucket
        self._prefix = f"{storage.s3_prefix}/" if storage.s3_prefix else ""
        self._client = client or _presigning_client(storage)

    def get_url(self, key: str, seconds: int, *, now: datetime) -> tuple[str, datetime]:
        """A URL that GETs ``key`` for ``seconds`` from now, and when it expires."""
        if not 1 <= seconds <= MAX_PRESIGN_SECONDS:
            raise ValueError(f"a presigned URL lives 1..{MAX_PRESIGN_SECONDS} seconds")
        url: str = self._client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self._bucket, "Key": self._prefix + validate_key(key)},
            ExpiresIn=seconds,
            HttpMethod="GET",
        )
        check_presigned_url(url, seconds)
        return url, now + timedelta(seconds=seconds)


def _presigning_client(storage: StorageSettings) -> Any:
    """A client that signs with SigV4: botocore's default for presigning is still SigV2 in some set-ups
    (a custom endpoint, no region), whose URLs carry an absolute expiry with no upper bound."""
    import boto3
    from botocore.config import Config

    config = Config(
        signature_version="s3v4",
        s3={"addressing_style": "path" if storage.s3_endpoint_url else "auto"},
    )
    return boto3.session.Session().client(
        "s3",
        endpoint_url=storage.s3_endpoint_url,
        region_name=storage.s3_region,
        config=config,
    )


def check_presigned_url(url: str, seconds: int) -> None:
    """Refuse a URL that is not SigV4 with exactly this lifetime.

    SigV2 query signing (an absolute ``Expires`` with no upper bound) would slip past the 15-minute rule,
    so rather than trust botocore's default signature version, the URL it made is checked.
    """
    query = parse_qs(urlsplit(url).query)
    if query.get("X-Amz-Algorithm") != ["AWS4-HMAC-SHA256"] or query.get("X-Amz-Expires") != [str(seconds)]:
        raise ConfigError("the S3 client did not make a SigV4 presigned URL; set a SigV4-capable region")
