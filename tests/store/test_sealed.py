"""SealedStore: only ciphertext reaches the store, destroyed keys mean unreadable data, items stay apart."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from relay.errors import CryptoError, KeyDestroyed, ObjectExists, ObjectNotFound, StorageError
from relay.keys import FileKeyRing, MasterKey, MemoryKeyRing
from relay.store import LocalStore, ObjectStore, S3Store, SealedStore
from relay.store.memory import MemoryStore

CANARY = "평양시 중구역 김철수 동지에게, 전화 010-1234-5678".encode() * 50
MIB = 1 << 20


@pytest.fixture(params=["memory", "local"])
def plain(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    return MemoryStore() if request.param == "memory" else LocalStore(tmp_path / "objects")


@pytest.fixture
def sealed(plain: ObjectStore, master_key: MasterKey) -> SealedStore:
    return SealedStore(plain, MemoryKeyRing(master_key), chunk_size=4096)


def _read(store: SealedStore, item: str, name: str, **kwargs: Any) -> bytes:
    out = io.BytesIO()
    assert store.get_item_object(item, name, out, **kwargs) == len(out.getvalue())
    return out.getvalue()


def _raw(store: ObjectStore, key: str) -> bytes:
    out = io.BytesIO()
    store.get(key, out)
    return out.getvalue()


def test_round_trip(sealed: SealedStore) -> None:
    stored = sealed.put_item_object("item-a", "original", io.BytesIO(CANARY))
    assert stored.key == "items/item-a/original"
    assert stored.plaintext_size == len(CANARY) and stored.size > len(CANARY)
    assert _read(sealed, "item-a", "original", expected_sha256=stored.sha256) == CANARY
    assert sealed.has_item_object("item-a", "original")
    assert not sealed.has_item_object("item-a", "redacted")


def test_the_store_never_sees_plaintext(sealed: SealedStore, plain: ObjectStore, tmp_path: Path) -> None:
    sealed.put_item_object("item-a", "original", io.BytesIO(CANARY))
    sealed.put_item_object("item-a", "pages/page-1", io.BytesIO(CANARY[:1000]))
    needles = [CANARY[:24], "김철수".encode(), b"010-1234-5678"]
    for key in plain.list():
        blob = _raw(plain, key)
        assert not any(n in blob for n in needles)
    for path in tmp_path.rglob("*"):  # and nothing on disk, temporary files included
        if path.is_file():
            assert not any(n in path.read_bytes() for n in needles)


def test_objects_are_never_replaced(sealed: SealedStore) -> None:
    sealed.put_item_object("item-a", "original", io.BytesIO(b"one"))
    with pytest.raises(ObjectExists):
        sealed.put_item_object("item-a", "original", io.BytesIO(b"one"))  # new ciphertext each time
    assert _read(sealed, "item-a", "original") == b"one"


def test_destroyed_item_is_unreadable_even_from_a_backup(sealed: SealedStore, plain: ObjectStore) -> None:
    sealed.put_item_object("item-a", "original", io.BytesIO(CANARY))
    sealed.put_item_object("item-a", "redacted", io.BytesIO(b"redacted"))
    sealed.put_item_object("item-a2", "original", io.BytesIO(b"neighbour"))  # shares the prefix "item-a"
    backup = _raw(plain, "items/item-a/original")
    assert sealed.destroy_item("item-a") == 2
    assert sealed.item_object_names("item-a") == []
    assert _read(sealed, "item-a2", "original") == b"neighbour"
    plain.put("items/item-a/original", io.BytesIO(backup))  # the ciphertext comes back from a backup
    with pytest.raises(KeyDestroyed) as err:
        _read(sealed, "item-a", "original")
    assert err.value.code == "key_destroyed"
    with pytest.raises(KeyDestroyed):
        sealed.put_item_object("item-a", "new", io.BytesIO(b"x"))
    assert sealed.destroy_item("item-a") == 1  # repeatable, e.g. after an interrupted purge


def test_objects_cannot_pass_as_another_items_or_name(sealed: SealedStore, plain: ObjectStore) -> None:
    sealed.put_item_object("item-a", "original", io.BytesIO(CANARY))
    sealed.put_item_object("item-b", "original", io.BytesIO(b"b's own letter"))
    a_bytes = _raw(plain, "items/item-a/original")
    plain.delete("items/item-b/original")
    plain.put("items/item-b/original", io.BytesIO(a_bytes))  # A's object where B's should be
    out = io.BytesIO()
    with pytest.raises(CryptoError) as err:
        sealed.get_item_object("item-b", "original", out)
    assert err.value.code == "ciphertext_tampered"
    assert out.getvalue() == b""
    plain.put("items/item-a/redacted", io.BytesIO(a_bytes))  # A's original passed off as A's redacted
    with pytest.raises(CryptoError):
        _read(sealed, "item-a", "redacted")


def test_tampering_releases_nothing(plain: ObjectStore, master_key: MasterKey) -> None:
    sealed = SealedStore(plain, MemoryKeyRing(master_key), chunk_size=1024)
    sealed.put_item_object("item-a", "original", io.BytesIO(CANARY))
    blob = bytearray(_raw(plain, "items/item-a/original"))
    blob[-3] ^= 0x04  # in the last chunk: every chunk before it would authenticate
    plain.delete("items/item-a/original")
    stored = plain.put("items/item-a/original", io.BytesIO(bytes(blob)))
    out = io.BytesIO()
    with pytest.raises(CryptoError):
        sealed.get_item_object("item-a", "original", out, expected_sha256=stored.sha256)
    assert out.getvalue() == b""


def test_recorded_checksum_catches_a_wholesale_replacement(sealed: SealedStore, plain: ObjectStore) -> None:
    first = sealed.put_item_object("item-a", "original", io.BytesIO(b"first"))
    sealed.delete_item_object("item-a", "original")
    sealed.put_item_object("item-a", "original", io.BytesIO(b"second"))
    with pytest.raises(StorageError) as err:
        _read(sealed, "item-a", "original", expected_sha256=first.sha256)
    assert err.value.code == "checksum_mismatch"


def test_missing_objects_and_keys(sealed: SealedStore) -> None:
    with pytest.raises(CryptoError) as err:
        _read(sealed, "item-z", "original")
    assert err.value.code == "key_missing"
    sealed.put_item_object("item-z", "original", io.BytesIO(b"x"))
    with pytest.raises(ObjectNotFound):
        _read(sealed, "item-z", "other")


def test_names_are_validated(sealed: SealedStore) -> None:
    for item, name in (("item-a", "../item-b/original"), ("item-a", "Letter.JPG"), ("Item A", "original")):
        with pytest.raises((StorageError, CryptoError)):
            sealed.put_item_object(item, name, io.BytesIO(b"x"))
    assert sealed.item_object_names("item-a") == []


def test_item_object_names(sealed: SealedStore) -> None:
    for name in ("original", "pages/page-2", "pages/page-1"):
        sealed.put_item_object("item-a", name, io.BytesIO(b"x"))
    assert sealed.item_object_names("item-a") == ["original", "pages/page-1", "pages/page-2"]


def test_large_object_over_s3_with_file_keys(
    s3_client: Any, s3_bucket: str, tmp_path: Path, master_key: MasterKey
) -> None:
    ring = FileKeyRing(tmp_path / "keys", master_key)
    s3 = S3Store(s3_bucket, "relay", s3_client, multipart_threshold=8 * MIB, part_size=5 * MIB)
    sealed = SealedStore(s3, ring, scratch_dir=tmp_path)
    data = os.urandom(20 * MIB)
    stored = sealed.put_item_object("video-1", "original", io.BytesIO(data))
    raw = s3_client.get_object(Bucket=s3_bucket, Key="relay/items/video-1/original")["Body"].read()
    assert data[:64] not in raw and len(raw) == stored.size
    assert _read(sealed, "video-1", "original", expected_sha256=stored.sha256) == data
    assert sealed.destroy_item("video-1") == 1
    assert list(s3.list("items/")) == []
