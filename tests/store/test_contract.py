"""The ObjectStore contract, run against every adapter: MemoryStore, LocalStore, S3Store on moto over HTTP."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from relay.errors import ObjectExists, ObjectNotFound, StorageError
from relay.store import LocalStore, ObjectStore, PutResult, S3Store
from relay.store.memory import MemoryStore

MIB = 1 << 20


@dataclass
class Harness:
    """A store, and a way to damage an object's stored bytes behind the store's back."""

    store: ObjectStore
    tamper: Callable[[str], None]


def _memory() -> Harness:
    store = MemoryStore()

    def tamper(key: str) -> None:
        data = bytearray(store.objects[key])
        data[len(data) // 2] ^= 0x01
        store.objects[key] = bytes(data)

    return Harness(store, tamper)


def _local(root: Path) -> Harness:
    store = LocalStore(root)

    def tamper(key: str) -> None:
        path = root.joinpath(*key.split("/")).with_name(key.rsplit("/", 1)[-1] + "~obj")
        data = bytearray(path.read_bytes())
        data[48 + (len(data) - 48) // 2] ^= 0x01  # a byte of the object, past the 48-byte header
        path.write_bytes(bytes(data))

    return Harness(store, tamper)


def _s3(client: Any, bucket: str) -> Harness:
    store = S3Store(bucket, "pfx", client, multipart_threshold=8 * MIB, part_size=5 * MIB)

    def tamper(key: str) -> None:
        # Replace the bytes but keep relay's recorded checksum, as damage or an attacker would.
        head = client.head_object(Bucket=bucket, Key=f"pfx/{key}")
        data = bytearray(client.get_object(Bucket=bucket, Key=f"pfx/{key}")["Body"].read())
        data[len(data) // 2] ^= 0x01
        client.put_object(Bucket=bucket, Key=f"pfx/{key}", Body=bytes(data), Metadata=head["Metadata"])

    return Harness(store, tamper)


@pytest.fixture(params=["memory", "local", "s3"])
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Harness:
    if request.param == "memory":
        return _memory()
    if request.param == "local":
        return _local(tmp_path / "objects")
    client = request.getfixturevalue("s3_client")
    return _s3(client, request.getfixturevalue("s3_bucket"))


def _get(store: ObjectStore, key: str, **kwargs: Any) -> bytes:
    out = io.BytesIO()
    store.get(key, out, **kwargs)
    return out.getvalue()


class _OneWay(io.RawIOBase):
    """A stream that can only be read forward once, like a socket or a pipe."""

    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        chunk = self._src.read(min(len(buf), 100_000))  # short reads, as pipes give
        buf[: len(chunk)] = chunk
        return len(chunk)


class TestObjectStoreContract:
    def test_put_then_get_returns_the_bytes_and_their_sha256(self, harness: Harness) -> None:
        data = os.urandom(100_000)
        result = harness.store.put("items/a1/original", io.BytesIO(data))
        assert result == PutResult(hashlib.sha256(data).hexdigest(), len(data))
        out = io.BytesIO()
        assert harness.store.get("items/a1/original", out) == result
        assert out.getvalue() == data

    def test_empty_object(self, harness: Harness) -> None:
        assert harness.store.put("e", io.BytesIO(b"")).size == 0
        assert _get(harness.store, "e") == b""

    def test_one_way_source(self, harness: Harness) -> None:
        data = os.urandom(300_000)
        harness.store.put("pipe", io.BufferedReader(_OneWay(data)))
        assert _get(harness.store, "pipe") == data

    def test_never_overwrites(self, harness: Harness) -> None:
        harness.store.put("k", io.BytesIO(b"first"))
        with pytest.raises(ObjectExists) as err:
            harness.store.put("k", io.BytesIO(b"second"))
        assert err.value.code == "object_exists"
        assert _get(harness.store, "k") == b"first"

    def test_identical_reput_succeeds(self, harness: Harness) -> None:
        first = harness.store.put("k", io.BytesIO(b"same bytes"))
        assert harness.store.put("k", io.BytesIO(b"same bytes")) == first
        assert _get(harness.store, "k") == b"same bytes"

    def test_get_missing_object(self, harness: Harness) -> None:
        with pytest.raises(ObjectNotFound) as err:
            _get(harness.store, "nope/none")
        assert err.value.code == "object_not_found"

    def test_tampered_bytes_fail_the_checksum(self, harness: Harness) -> None:
        harness.store.put("t/obj", io.BytesIO(os.urandom(5000)))
        harness.tamper("t/obj")
        with pytest.raises(StorageError) as err:
            _get(harness.store, "t/obj")
        assert err.value.code == "checksum_mismatch"

    def test_callers_own_checksum_is_checked(self, harness: Harness) -> None:
        result = harness.store.put("c", io.BytesIO(b"payload"))
        assert _get(harness.store, "c", expected_sha256=result.sha256.upper()) == b"payload"
        with pytest.raises(StorageError) as err:
            _get(harness.store, "c", expected_sha256="0" * 64)
        assert err.value.code == "checksum_mismatch"

    def test_exists_and_delete(self, harness: Harness) -> None:
        harness.store.put("d/x", io.BytesIO(b"1"))
        assert harness.store.exists("d/x")
        harness.store.delete("d/x")
        assert not harness.store.exists("d/x")
        harness.store.delete("d/x")  # idempotent
        with pytest.raises(ObjectNotFound):
            _get(harness.store, "d/x")
        harness.store.put("d/x", io.BytesIO(b"new content after delete"))
        assert _get(harness.store, "d/x") == b"new content after delete"

    def test_list_by_prefix(self, harness: Harness) -> None:
        keys = ["a/1", "a/2", "a/sub/3", "a-b/4", "ab", "b/1"]
        for key in keys:
            harness.store.put(key, io.BytesIO(key.encode()))
        assert sorted(harness.store.list()) == sorted(keys)
        assert sorted(harness.store.list("a/")) == ["a/1", "a/2", "a/sub/3"]
        assert sorted(harness.store.list("a")) == ["a-b/4", "a/1", "a/2", "a/sub/3", "ab"]
        assert sorted(harness.store.list("a/s")) == ["a/sub/3"]
        assert list(harness.store.list("zzz/")) == []

    def test_key_and_longer_key_coexist(self, harness: Harness) -> None:
        harness.store.put("x/y", io.BytesIO(b"short"))
        harness.store.put("x/y/z", io.BytesIO(b"long"))
        assert _get(harness.store, "x/y") == b"short"
        assert _get(harness.store, "x/y/z") == b"long"

    def test_large_object(self, harness: Harness) -> None:
        data = os.urandom(20 * MIB + 12345)  # over the S3 harness's 8 MiB threshold: 5 parts
        result = harness.store.put("big/video", io.BytesIO(data))
        assert result.size == len(data)
        out = io.BytesIO()
        assert harness.store.get("big/video", out) == result
        assert out.getvalue() == data

    @pytest.mark.parametrize(
        "key",
        [
            "",
            "/a",
            "a/",
            "a//b",
            "..",
            "../a",
            "a/../b",
            "a..b",
            ".",
            "a/./b",
            "A",
            "a b",
            "a\\b",
            "a\x00b",
            "a\nb",
            "편지",
            "a~obj",
            "x" * 513,
        ],
    )
    def test_bad_keys_are_refused(self, harness: Harness, key: str) -> None:
        with pytest.raises(StorageError) as ref:
            harness.store.exists("Reference")
        reference = str(ref.value)
        for call in (
            lambda: harness.store.put(key, io.BytesIO(b"x")),
            lambda: harness.store.get(key, io.BytesIO()),
            lambda: harness.store.exists(key),
            lambda: harness.store.delete(key),
        ):
            with pytest.raises(StorageError) as err:
                call()
            assert err.value.code == "invalid_object_key"
            assert str(err.value) == reference  # the same words for every key: it never echoes the key

    def test_bad_list_prefix_is_refused(self, harness: Harness) -> None:
        with pytest.raises(StorageError) as err:
            list(harness.store.list("../"))
        assert err.value.code == "invalid_object_key"
