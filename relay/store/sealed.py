"""SealedStore: the encrypting front of the object store, through which everything about an item goes.

An item's objects live under ``items/<item id>/<name>``, each encrypted (:mod:`relay.store.envelope`)
with the item's data key and bound to its item ID and name, before a byte reaches the underlying store.
Names are opaque (``original``, ``sanitized/page-1``), never the uploader's file name.

Plaintext never touches the disk here: a put encrypts into a temporary file (ciphertext) before storing
it, and a get fetches the ciphertext into a temporary file, authenticates all of it, and only then writes
plaintext to the caller's ``dst``.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from relay.keys import KeyRing, validate_item_id
from relay.store.base import ObjectStore, validate_key
from relay.store.envelope import DEFAULT_CHUNK_SIZE, decrypt_stream, encrypt_stream, object_aad

ITEMS_PREFIX = "items/"


@dataclass(frozen=True, slots=True)
class SealedObject:
    """What was stored for one item object: its store key, and the SHA-256 and size of the ciphertext.

    Keep ``sha256`` in the database and pass it back to :meth:`SealedStore.get_item_object`: then even a
    wholesale replacement of the stored object (with a matching recorded checksum) is caught.
    """

    key: str
    sha256: str
    size: int
    plaintext_size: int


class SealedStore:
    """Encrypts item objects with per-item keys from ``keyring`` on their way into ``store``."""

    def __init__(
        self,
        store: ObjectStore,
        keyring: KeyRing,
        *,
        scratch_dir: Path | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> None:
        self._store = store
        self._keyring = keyring
        # Only ciphertext is ever written here; tempfile's default folder is fine unless it is too small.
        self._scratch = scratch_dir
        self._chunk_size = chunk_size

    def put_item_object(self, item_id: str, name: str, src: BinaryIO) -> SealedObject:
        """Encrypt ``src`` and store it as the item's object ``name``.

        ObjectExists if the item already has an object of that name: encryption is randomised, so a repeat
        put never matches the stored ciphertext. A retried actor checks :meth:`has_item_object` first (or
        deletes its half-finished output) and records the returned SealedObject in the database.
        """
        key = item_object_key(item_id, name)
        data_key = self._keyring.get_or_create(item_id)
        with tempfile.TemporaryFile(dir=self._scratch) as sealed:
            plaintext_size = encrypt_stream(
                src, sealed, data_key, object_aad(item_id, name), chunk_size=self._chunk_size
            )
            sealed.seek(0)
            stored = self._store.put(key, sealed)
        return SealedObject(key, stored.sha256, stored.size, plaintext_size)

    def get_item_object(
        self, item_id: str, name: str, dst: BinaryIO, *, expected_sha256: str | None = None
    ) -> int:
        """Decrypt the item's object ``name`` into ``dst``; returns the plaintext size.

        ``dst`` receives nothing unless the whole object checks out. Raises KeyDestroyed if the item's key
        was destroyed, ObjectNotFound, StorageError ``checksum_mismatch``, or CryptoError (tampered,
        truncated, or another item's or name's object).
        """
        key = item_object_key(item_id, name)
        data_key = self._keyring.get(item_id)
        with tempfile.TemporaryFile(dir=self._scratch) as sealed:
            self._store.get(key, sealed, expected_sha256=expected_sha256)
            sealed.seek(0)
            return decrypt_stream(sealed, dst, data_key, object_aad(item_id, name))

    def has_item_object(self, item_id: str, name: str) -> bool:
        """Whether the item has an object ``name``."""
        return self._store.exists(item_object_key(item_id, name))

    def item_object_names(self, item_id: str) -> list[str]:
        """The names of the item's objects, sorted."""
        prefix = _item_prefix(item_id)
        return sorted(key[len(prefix) :] for key in self._store.list(prefix))

    def delete_item_object(self, item_id: str, name: str) -> None:
        """Delete one of the item's objects (idempotent)."""
        self._store.delete(item_object_key(item_id, name))

    def destroy_item(self, item_id: str) -> int:
        """Destroy the item's data key, then delete its objects; returns how many objects were deleted.

        The key goes first: from that moment every copy of the item's objects (including ones in backups
        or a half-finished delete) is unreadable. Safe to repeat if the deletes are interrupted.
        """
        self._keyring.destroy(item_id)
        deleted = 0
        for key in list(self._store.list(_item_prefix(item_id))):
            self._store.delete(key)
            deleted += 1
        return deleted


def item_object_key(item_id: str, name: str) -> str:
    """The store key of an item's object: ``items/<item id>/<name>`` (both validated)."""
    return validate_key(f"{_item_prefix(item_id)}{validate_key(name)}")


def _item_prefix(item_id: str) -> str:
    return f"{ITEMS_PREFIX}{validate_item_id(item_id)}/"
