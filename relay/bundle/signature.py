"""minisign signatures over bytes held in memory, and the trusted comments relay puts in its signatures.

:func:`relay.crypto.minisign.sign_file` signs a file; the manifest is built in memory and never written
to the server's disk, so it is signed here in the same format (prehashed ``ED``: Ed25519 over the
BLAKE2b-512 of the data, then over that signature and the trusted comment). The result verifies with
:func:`relay.crypto.minisign.verify_file` and the stock ``minisign -V``.

The trusted comment (signed, and printed by ``minisign -V``) names what the signature is for, so a
signature of one bundle cannot be passed off as another's: the opener checks it against the manifest.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from relay.bundle.errors import BUNDLE_SIGNATURE_INVALID, BundleError
from relay.bundle.manifest import BUNDLE_ID_RE, PARTNER_ID_RE, TIME_RE, format_time
from relay.crypto.minisign import PREHASHED_ALGORITHM, TRUSTED_PREFIX, UNTRUSTED_PREFIX, SigningKey

BUNDLE_COMMENT_PREFIX = "relay bundle v1"
MANIFEST_COMMENT_PREFIX = "relay manifest v1"
_BUNDLE_COMMENT_RE = re.compile(
    rf"{BUNDLE_COMMENT_PREFIX} bundle=(?P<bundle>{BUNDLE_ID_RE.pattern}) "
    rf"partner=(?P<partner>{PARTNER_ID_RE.pattern}) created=(?P<created>{TIME_RE.pattern})"
)


@dataclass(frozen=True, slots=True)
class BundleComment:
    """What a bundle file's signature says it is for."""

    bundle_id: str
    partner_id: str
    created_at: str  # as in the manifest: 2026-11-23T13:05:00Z


def bundle_comment(bundle_id: str, partner_id: str, created_at: datetime) -> str:
    """The trusted comment of a bundle file's signature. Deterministic: a re-signed bundle gets the same
    signature bytes (Ed25519 is deterministic), so re-staging a signature never conflicts."""
    return (
        f"{BUNDLE_COMMENT_PREFIX} bundle={bundle_id} partner={partner_id} created={format_time(created_at)}"
    )


def parse_bundle_comment(comment: str) -> BundleComment:
    """Read a bundle signature's trusted comment; BundleError ``bundle_signature_invalid`` if it is not
    one relay writes (a signature by relay's key over something that is not a bundle)."""
    match = _BUNDLE_COMMENT_RE.fullmatch(comment)
    if match is None:
        raise BundleError("the signature is not a relay bundle signature", code=BUNDLE_SIGNATURE_INVALID)
    return BundleComment(match["bundle"], match["partner"], match["created"])


def manifest_comment(bundle_id: str) -> str:
    """The trusted comment of a manifest's signature."""
    return f"{MANIFEST_COMMENT_PREFIX} bundle={bundle_id}"


def sign_bytes(data: bytes, key: SigningKey, trusted_comment: str) -> str:
    """The text of a minisign signature file for ``data`` (same format as ``sign_file``)."""
    comment = trusted_comment.encode("utf-8")
    if any(c in trusted_comment for c in "\r\n\x00") or len(comment) > 1000:
        raise ValueError("a trusted comment is one line of at most 1000 bytes")
    private = Ed25519PrivateKey.from_private_bytes(key.seed)
    signature = private.sign(hashlib.blake2b(data, digest_size=64).digest())
    global_signature = private.sign(signature + comment)
    return (
        f"{UNTRUSTED_PREFIX}signature from relay key {key.public_key().key_id_hex}\n"
        f"{_b64(PREHASHED_ALGORITHM + key.key_id + signature)}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n"
        f"{_b64(global_signature)}\n"
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
