"""ObjectStore test double: objects in a dict. Refuses to run outside tests."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from relay.errors import ObjectExists, ObjectNotFound
from relay.keys import require_test_run
from relay.store.base import PutResult, check_sha256, copy_hashing, validate_key, validate_prefix


class MemoryStore:
    """Keeps (bytes, recorded checksum) per key, and follows the same contract as the real stores."""

    def __init__(self) -> None:
        require_test_run("MemoryStore")
        # Bytes and record are kept apart so a test can damage the bytes and see get() notice.
        self.objects: dict[str, bytes] = {}
        self._records: dict[str, PutResult] = {}

    def put(self, key: str, src: BinaryIO) -> PutResult:
        """See :class:`~relay.store.base.ObjectStore`."""
        validate_key(key)
        data = src.read()
        result = copy_hashing(io.BytesIO(data))
        if key in self._records:
            if self._records[key] == result:
                return self._records[key]
            raise ObjectExists(f"object {key} exists with other content; objects are never replaced")
        self.objects[key] = data
        self._records[key] = result
        return result

    def get(self, key: str, dst: BinaryIO, *, expected_sha256: str | None = None) -> PutResult:
        """See :class:`~relay.store.base.ObjectStore`."""
        validate_key(key)
        if key not in self._records:
            raise ObjectNotFound(f"object {key} does not exist")
        actual = copy_hashing(io.BytesIO(self.objects[key]), dst)
        check_sha256(key, actual, self._records[key], expected_sha256)
        return actual

    def exists(self, key: str) -> bool:
        """See :class:`~relay.store.base.ObjectStore`."""
        return validate_key(key) in self._records

    def delete(self, key: str) -> None:
        """See :class:`~relay.store.base.ObjectStore`."""
        validate_key(key)
        self.objects.pop(key, None)
        self._records.pop(key, None)

    def list(self, prefix: str = "") -> Iterator[str]:
        """See :class:`~relay.store.base.ObjectStore`."""
        validate_prefix(prefix)
        # A snapshot, so deleting while iterating (as destroy_item does) is safe.
        return iter([key for key in self._records if key.startswith(prefix)])
