"""Packing approved items into one encrypted bundle file: manifest, its signature, the redacted media.

Tar layout (in this order, which the opener relies on)::

    manifest.json            schemas/manifest.v1.schema.json
    manifest.json.minisig    minisign signature of manifest.json by relay's key
    items/<item id>.<ext>    redacted media, one per item, in manifest order
    items/<item id>.transcript.txt   a redacted transcript, where an item has one (none for letters yet)

The tar is age-encrypted to every recipient of the partner while it is written; only ciphertext
reaches ``dst``. Sizes and digests come from what was recorded at redact time and are checked as the
media streams through (:mod:`relay.bundle.tarwriter`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from relay.bundle.errors import NO_RECIPIENTS, SealError
from relay.bundle.manifest import (
    MANIFEST_NAME,
    MANIFEST_SIGNATURE_NAME,
    Manifest,
    ManifestFile,
    ManifestItem,
    media_path,
)
from relay.bundle.signature import manifest_comment, sign_bytes
from relay.bundle.tarwriter import Member, encrypt_tar
from relay.crypto.age_keys import X25519Recipient
from relay.crypto.minisign import SigningKey
from relay.outputs import RedactedMedia
from relay.store import SealedStore


@dataclass(frozen=True, slots=True)
class BundleEntry:
    """One item to pack: its recorded redacted media and its redaction counts by kind."""

    media: RedactedMedia
    redactions: Mapping[str, int]


def build_manifest(
    bundle_id: str, partner_id: str, created_at: datetime, entries: Sequence[BundleEntry]
) -> Manifest:
    """The manifest for ``entries``, in the order given."""
    items = tuple(
        ManifestItem(
            item_id=entry.media.item_id,
            media=ManifestFile(
                path=media_path(entry.media.item_id, entry.media.media_type),
                media_type=entry.media.media_type,
                size=entry.media.size,
                sha256=entry.media.sha256,
            ),
            redactions={kind: n for kind, n in sorted(entry.redactions.items()) if n > 0},
        )
        for entry in entries
    )
    return Manifest(bundle_id=bundle_id, partner_id=partner_id, created_at=created_at, items=items)


def write_bundle(
    manifest: Manifest,
    entries: Sequence[BundleEntry],
    *,
    store: SealedStore,
    signing_key: SigningKey,
    recipients: Sequence[X25519Recipient],
    dst: BinaryIO,
) -> None:
    """Write the encrypted bundle for ``manifest`` (built from ``entries``) to ``dst``.

    SealError ``partner_has_no_recipients`` if there is no one to encrypt to; ``redacted_media_mismatch``
    if stored media differs from its record. On error ``dst`` holds garbage and must be discarded.
    """
    if not recipients:
        raise SealError("the partner has no age recipients; add one first", code=NO_RECIPIENTS)
    by_item = {entry.media.item_id: entry.media for entry in entries}
    manifest_bytes = manifest.to_bytes()
    signature = sign_bytes(manifest_bytes, signing_key, manifest_comment(manifest.bundle_id)).encode("ascii")
    mtime = int(manifest.created_at.timestamp())
    members = [
        _bytes_member(MANIFEST_NAME, manifest_bytes, mtime),
        _bytes_member(MANIFEST_SIGNATURE_NAME, signature, mtime),
    ]
    for item in manifest.items:
        media = by_item[item.item_id]
        members.append(
            Member(
                name=item.media.path,
                size=item.media.size,
                sha256=item.media.sha256,
                mtime=mtime,
                write=lambda out, media=media: media.read_into(store, out),  # type: ignore[misc]
            )
        )
    encrypt_tar(members, recipients, dst)


def _bytes_member(name: str, data: bytes, mtime: int) -> Member:
    return Member(
        name=name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        mtime=mtime,
        write=lambda out: out.write(data),
    )
