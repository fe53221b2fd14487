"""The object store port: what every place relay keeps bytes in must do.

Contract (tests/store/test_contract.py runs it against every adapter):

- ``put(key, src)`` stores everything ``src`` yields and returns its SHA-256 and size. It never replaces an
  object: if ``key`` exists with different content it raises :class:`~relay.errors.ObjectExists`. A re-put
  of identical content (same SHA-256 and size as recorded) succeeds and returns the recorded result, so an
  actor retried after a crash can repeat its put. The recorded checksum is compared, the stored bytes are
  not re-read (``get`` does that).
- ``get(key, dst)`` writes the object to ``dst`` while recomputing its SHA-256, and raises StorageError
  ``checksum_mismatch`` if it differs from the one recorded at put (or from ``expected_sha256`` when the
  caller has its own record, e.g. in the database). Bytes reach ``dst`` as they are read: after any error
  the caller must discard ``dst``. (:class:`~relay.store.sealed.SealedStore` does so.)
- ``exists(key)``; ``delete(key)`` (idempotent: deleting a missing object is not an error);
  ``list(prefix)`` yields the keys starting with ``prefix``, in no particular order.
- Keys are opaque IDs, never document names: 1-512 characters of ``a-z 0-9 / _ . -``, no empty segment,
  no ``.`` or ``..`` segment or ``..`` anywhere, no leading or trailing ``/``. Others raise StorageError
  ``invalid_object_key``.
- Failures are :class:`~relay.errors.StorageError` with a stable ``code``; messages carry the operation and
  the key, never object bytes or bucket listings.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from relay.errors import CHECKSUM_MISMATCH, INVALID_OBJECT_KEY, StorageError

KEY_RE = re.compile(r"[a-z0-9_.-]+(?:/[a-z0-9_.-]+)*")
MAX_KEY_LENGTH = 512
COPY_CHUNK = 1 << 20
SHA256_HEX_RE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class PutResult:
    """What was stored: the SHA-256 (lowercase hex) and size in bytes of the object."""

    sha256: str
    size: int


class ObjectStore(Protocol):
    """A place for immutable objects under opaque keys. See the module docstring for the contract."""

    def put(self, key: str, src: BinaryIO) -> PutResult:
        """Store ``src`` under ``key``; ObjectExists if a different object is already there."""
        ...

    def get(self, key: str, dst: BinaryIO, *, expected_sha256: str | None = None) -> PutResult:
        """Write the object to ``dst``, verifying its checksum; ObjectNotFound if there is none."""
        ...

    def exists(self, key: str) -> bool:
        """Whether an object is stored under ``key``."""
        ...

    def delete(self, key: str) -> None:
        """Remove the object, if there is one."""
        ...

    def list(self, prefix: str = "") -> Iterator[str]:
        """The keys that start with ``prefix``."""
        ...


def validate_key(key: str) -> str:
    """Return ``key`` if it is a valid object key, else raise StorageError ``invalid_object_key``."""
    if (
        not isinstance(key, str)
        or len(key) > MAX_KEY_LENGTH
        or not KEY_RE.fullmatch(key)
        or ".." in key
        or "." in key.split("/")
    ):
        raise StorageError(
            "not a valid object key (1-512 of a-z 0-9 / _ . -, no empty, '.' or '..' segments)",
            code=INVALID_OBJECT_KEY,
        )
    return key


def validate_prefix(prefix: str) -> str:
    """Return ``prefix`` if it is "" or a key, optionally ending in ``/``; else raise like validate_key."""
    if prefix:
        validate_key(prefix.removesuffix("/"))
    return prefix


def check_sha256(key: str, actual: PutResult, recorded: PutResult, expected_sha256: str | None) -> None:
    """Raise StorageError ``checksum_mismatch`` unless ``actual`` matches the record (and the caller's)."""
    if actual != recorded or (expected_sha256 is not None and actual.sha256 != expected_sha256.lower()):
        raise StorageError(f"object {key} does not match its recorded checksum", code=CHECKSUM_MISMATCH)


def copy_hashing(src: BinaryIO, dst: BinaryIO | None = None) -> PutResult:
    """Copy ``src`` to ``dst`` (if given) one chunk at a time, returning the SHA-256 and size copied."""
    digest = hashlib.sha256()
    size = 0
    while chunk := src.read(COPY_CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if dst is not None:
            dst.write(chunk)
    return PutResult(digest.hexdigest(), size)
