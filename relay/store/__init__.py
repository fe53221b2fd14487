"""Where relay keeps bytes: the ObjectStore port, its adapters, and the encrypting SealedStore on top.

Everything about an item is stored through :class:`SealedStore`; the plain stores below it only ever see
ciphertext. ``MemoryStore`` (a test double) is not re-exported: import it from ``relay.store.memory``.
"""

from __future__ import annotations

from relay.errors import ConfigError
from relay.settings import StorageSettings
from relay.store.base import ObjectStore, PutResult, validate_key
from relay.store.local import LocalStore
from relay.store.s3 import S3Store, make_s3_client
from relay.store.sealed import SealedObject, SealedStore, item_object_key

__all__ = [
    "LocalStore",
    "ObjectStore",
    "PutResult",
    "S3Store",
    "SealedObject",
    "SealedStore",
    "item_object_key",
    "make_s3_client",
    "open_object_store",
    "validate_key",
]


def open_object_store(storage: StorageSettings) -> ObjectStore:
    """The object store the settings describe: a LocalStore for ``file://``, an S3Store for ``s3://``."""
    if storage.file_root is not None:
        return LocalStore(storage.file_root)
    if storage.s3_bucket is None:  # unreachable with validated settings; fail closed all the same
        raise ConfigError("storage.url names neither a folder nor a bucket")
    client = make_s3_client(
        endpoint_url=storage.s3_endpoint_url,
        region=storage.s3_region,
        connect_timeout=storage.connect_timeout_seconds,
        read_timeout=storage.read_timeout_seconds,
        max_attempts=storage.max_attempts,
    )
    return S3Store(
        storage.s3_bucket,
        storage.s3_prefix,
        client,
        multipart_threshold=storage.multipart_threshold_bytes,
        part_size=storage.multipart_part_bytes,
    )
