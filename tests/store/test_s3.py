"""S3Store beyond the shared contract: outages, races, multipart behaviour and memory, error codes."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from s3server import free_port, moto_server, new_bucket, s3_test_client

from relay.errors import ObjectExists, StorageError
from relay.settings import load_settings
from relay.store import S3Store, open_object_store

MIB = 1 << 20


def _store(client: Any, bucket: str, **kwargs: Any) -> S3Store:
    return S3Store(bucket, "relay", client, multipart_threshold=8 * MIB, part_size=5 * MIB, **kwargs)


def _count_requests(client: Any) -> list[str]:
    sent: list[str] = []
    client.meta.events.register("before-send.s3", lambda **kw: sent.append(kw["request"].method))
    return sent


def test_closed_port_is_unavailable_after_bounded_retries() -> None:
    client = s3_test_client(f"http://127.0.0.1:{free_port()}", max_attempts=3, timeout=1.0)
    sent = _count_requests(client)
    store = _store(client, "relay-none")
    with pytest.raises(StorageError) as err:
        store.put("items/a/original", io.BytesIO(b"letter"))
    assert err.value.code == "storage_unavailable"
    # Bounded: exactly max_attempts tries of the first request, then give up (counted, not timed).
    assert len(sent) == 3
    assert "letter" not in str(err.value)


def test_server_stopping_mid_test_is_unavailable() -> None:
    with moto_server() as server:
        client = s3_test_client(server.url, max_attempts=2, timeout=1.0)
        bucket = new_bucket(client)
        store = _store(client, bucket)
        store.put("k", io.BytesIO(b"before the outage"))
        server.stop()
        for call in (
            lambda: store.get("k", io.BytesIO()),
            lambda: store.put("k2", io.BytesIO(b"x")),
            lambda: store.exists("k"),
            lambda: store.delete("k"),
            lambda: list(store.list("")),
        ):
            with pytest.raises(StorageError) as err:
                call()
            assert err.value.code == "storage_unavailable"


def test_missing_bucket(s3_client: Any) -> None:
    store = _store(s3_client, "relay-no-such-bucket")
    with pytest.raises(StorageError) as err:
        store.get("k", io.BytesIO())
    assert err.value.code == "bucket_missing"
    with pytest.raises(StorageError) as err:
        list(store.list(""))
    assert err.value.code == "bucket_missing"


def test_if_none_match_guards_the_race_the_head_check_cannot(
    s3_client: Any, s3_bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another writer gets in between our HEAD and our PUT: only If-None-Match can stop the overwrite.
    store = _store(s3_client, s3_bucket)
    store.put("race/small", io.BytesIO(b"winner"))
    store.put("race/big", io.BytesIO(b"W" * 9 * MIB))
    real_head = store._head
    calls = {"n": 0}

    def head_misses_once(key: str, full: str) -> Any:
        calls["n"] += 1
        return None if calls["n"] == 1 else real_head(key, full)

    for key, size in (("race/small", 10), ("race/big", 9 * MIB)):
        calls["n"] = 0
        monkeypatch.setattr(store, "_head", head_misses_once)
        with pytest.raises(ObjectExists):
            store.put(key, io.BytesIO(b"L" * size))
        assert calls["n"] == 2  # the server refused the write (412), then we looked again
    out = io.BytesIO()
    store.get("race/small", out)
    assert out.getvalue() == b"winner"
    assert s3_client.list_multipart_uploads(Bucket=s3_bucket).get("Uploads", []) == []
    calls["n"] = 0
    assert store.put("race/small", io.BytesIO(b"winner")).size == 6  # same content: a retry, not a clash


def test_large_objects_go_up_in_parts_with_flat_memory(
    s3_client: Any, s3_bucket: str, tmp_path: Path
) -> None:
    src = tmp_path / "video.bin"
    with src.open("wb") as fh:
        for _ in range(40):
            fh.write(os.urandom(MIB))
    store = _store(s3_client, s3_bucket)
    tracemalloc.start()
    try:
        with src.open("rb") as fh:
            result = store.put("items/v/original", fh)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.size == 40 * MIB
    # Python-level allocations stay around a couple of 5 MiB parts, not the 40 MiB object.
    assert peak < 16 * MIB, f"peak {peak / MIB:.1f} MiB"
    head = s3_client.head_object(Bucket=s3_bucket, Key="relay/items/v/original", PartNumber=1)
    assert head["PartsCount"] == 8
    out = tmp_path / "back.bin"
    with out.open("wb") as fh:
        store.get("items/v/original", fh)
    assert out.read_bytes() == src.read_bytes()


class _ChangesUnderfoot(io.BytesIO):
    """A seekable source whose bytes change after the first read-through (a file being rewritten)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self._reads = 0

    def seek(self, pos: int, whence: int = 0) -> int:
        self._reads += 1
        if self._reads == 1:  # the rewind after put() hashed it
            buf = self.getbuffer()
            buf[-1] ^= 0xFF
            del buf
        return super().seek(pos, whence)


@pytest.mark.parametrize("size", [1000, 9 * MIB])
def test_source_changing_during_upload_is_refused_and_cleaned_up(
    s3_client: Any, s3_bucket: str, size: int
) -> None:
    store = _store(s3_client, s3_bucket)
    with pytest.raises(StorageError) as err:
        store.put("changing", _ChangesUnderfoot(b"\x00" * size))
    assert err.value.code == "source_changed"
    assert not store.exists("changing")
    assert s3_client.list_multipart_uploads(Bucket=s3_bucket).get("Uploads", []) == []


def test_object_without_relay_checksum_is_refused(s3_client: Any, s3_bucket: str) -> None:
    s3_client.put_object(Bucket=s3_bucket, Key="relay/foreign", Body=b"not written by relay")
    with pytest.raises(StorageError) as err:
        _store(s3_client, s3_bucket).get("foreign", io.BytesIO())
    assert err.value.code == "checksum_missing"


def test_uploads_carry_sha256_checksums(s3_client: Any, s3_bucket: str) -> None:
    sent: list[dict[str, str]] = []

    def record(**kw: Any) -> None:
        sent.append({k: v.decode() if isinstance(v, bytes) else v for k, v in kw["request"].headers.items()})

    s3_client.meta.events.register("before-send.s3", record)
    _store(s3_client, s3_bucket).put("c", io.BytesIO(b"checksummed"))
    put = next(h for h in sent if "x-amz-checksum-sha256" in h)
    assert put["x-amz-checksum-sha256"] == base64.b64encode(hashlib.sha256(b"checksummed").digest()).decode()
    assert put["If-None-Match"] == "*"


def test_foreign_keys_are_not_listed(s3_client: Any, s3_bucket: str) -> None:
    s3_client.put_object(Bucket=s3_bucket, Key="relay/Upper/Case", Body=b"x")
    store = _store(s3_client, s3_bucket)
    store.put("ok", io.BytesIO(b"x"))
    assert list(store.list()) == ["ok"]


def test_open_object_store_from_settings(
    s3_endpoint: str, s3_bucket: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(
        {
            "RELAY_HOME": str(tmp_path),
            "RELAY_STORAGE_URL": f"s3://{s3_bucket}/some/prefix",
            "RELAY_S3_ENDPOINT_URL": s3_endpoint,
            "RELAY_S3_REGION": "us-east-1",
        }
    )
    # Credentials are boto3's business (its usual chain); moto accepts any.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    store = open_object_store(settings.storage)
    assert isinstance(store, S3Store)
    store.put("k", io.BytesIO(b"via settings"))
    client = s3_test_client(s3_endpoint)
    assert client.get_object(Bucket=s3_bucket, Key="some/prefix/k")["Body"].read() == b"via settings"
