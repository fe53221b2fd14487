"""Chunked encryption at rest: round trips, every kind of damage, and flat memory for a 200 MB stream."""

from __future__ import annotations

import io
import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relay.errors import CryptoError
from relay.store.envelope import (
    HEADER_BYTES,
    TAG_BYTES,
    decrypt_stream,
    encrypt_stream,
    object_aad,
    verify_stream,
)

CHUNK = 1024
SEALED = CHUNK + TAG_BYTES
KEY = bytes(range(32))
AAD = object_aad("item-a", "original")


def seal(data: bytes, key: bytes = KEY, aad: bytes = AAD) -> bytes:
    out = io.BytesIO()
    assert encrypt_stream(io.BytesIO(data), out, key, aad, chunk_size=CHUNK) == len(data)
    return out.getvalue()


def unseal(blob: bytes, key: bytes = KEY, aad: bytes = AAD) -> bytes:
    out = io.BytesIO()
    assert decrypt_stream(io.BytesIO(blob), out, key, aad) == len(out.getvalue())
    return out.getvalue()


def refused(blob: bytes, key: bytes = KEY, aad: bytes = AAD) -> str:
    """Decrypt ``blob``, expecting a CryptoError and no plaintext released; return the error code."""
    out = io.BytesIO()
    with pytest.raises(CryptoError) as err:
        decrypt_stream(io.BytesIO(blob), out, key, aad)
    assert out.getvalue() == b""
    return err.value.code


def chunks(blob: bytes) -> list[bytes]:
    body = blob[HEADER_BYTES:]
    return [body[i : i + SEALED] for i in range(0, len(body), SEALED)]


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7])
def test_round_trip_at_chunk_edges(size: int) -> None:
    data = os.urandom(size)
    blob = seal(data)
    assert len(blob) == HEADER_BYTES + len(data) + TAG_BYTES * max(1, -(-size // CHUNK))
    assert unseal(blob) == data


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=5 * CHUNK))
def test_round_trip_any_bytes(data: bytes) -> None:
    assert unseal(seal(data)) == data


def test_default_chunk_size_and_a_one_way_source() -> None:
    data = os.urandom(300_000)
    sealed = io.BytesIO()
    encrypt_stream(io.BytesIO(data), sealed, KEY, AAD)

    class OneWay(io.RawIOBase):
        def __init__(self, blob: bytes) -> None:
            self._src = io.BytesIO(blob)

        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

        def readinto(self, buf: memoryview) -> int:  # type: ignore[override]
            chunk = self._src.read(min(len(buf), 5000))
            buf[: len(chunk)] = chunk
            return len(chunk)

    out = io.BytesIO()
    decrypt_stream(OneWay(sealed.getvalue()), out, KEY, AAD)  # type: ignore[arg-type]
    assert out.getvalue() == data


def test_ciphertext_is_fresh_every_time_and_hides_the_plaintext() -> None:
    canary = "평양시 중구역 김철수 010-1234-5678".encode() * 200
    first, second = seal(canary), seal(canary)
    assert first != second
    for blob in (first, second):
        assert canary[:16] not in blob and "김철수".encode() not in blob


def test_cut_at_a_chunk_boundary_is_truncation() -> None:
    blob = seal(os.urandom(3 * CHUNK + 10))
    assert refused(blob[: HEADER_BYTES + 3 * SEALED]) == "ciphertext_truncated"
    assert refused(blob[: HEADER_BYTES + SEALED]) == "ciphertext_truncated"
    assert refused(blob[:HEADER_BYTES]) == "ciphertext_truncated"
    assert refused(blob[: HEADER_BYTES - 1]) == "ciphertext_truncated"
    assert refused(b"") == "ciphertext_truncated"


def test_cut_inside_a_chunk_is_refused() -> None:
    blob = seal(os.urandom(3 * CHUNK + 10))
    for cut in (1, 5, TAG_BYTES, SEALED // 2):
        assert refused(blob[:-cut]) in ("ciphertext_tampered", "ciphertext_truncated")


def test_whole_multiple_of_the_chunk_cut_to_fewer_chunks() -> None:
    blob = seal(os.urandom(2 * CHUNK))  # the last chunk is full: the flag alone marks it last
    assert refused(blob[: HEADER_BYTES + SEALED]) == "ciphertext_truncated"


def test_reordered_duplicated_or_extended_chunks_are_refused() -> None:
    blob = seal(os.urandom(3 * CHUNK + 10))
    header, parts = blob[:HEADER_BYTES], chunks(blob)
    assert refused(header + parts[1] + parts[0] + parts[2] + parts[3]) == "ciphertext_tampered"
    assert refused(header + parts[0] + parts[0] + parts[2] + parts[3]) == "ciphertext_tampered"
    assert refused(blob + parts[3]) == "ciphertext_tampered"
    assert refused(blob + b"\x00") == "ciphertext_tampered"


@settings(max_examples=200)
@given(st.data())
def test_any_flipped_bit_is_refused(data: st.DataObject) -> None:
    blob = bytearray(seal(b"a short letter, " * 150))  # three chunks
    position = data.draw(st.integers(0, len(blob) - 1))
    blob[position] ^= 1 << data.draw(st.integers(0, 7))
    out = io.BytesIO()
    with pytest.raises(CryptoError):
        decrypt_stream(io.BytesIO(bytes(blob)), out, KEY, AAD)
    assert out.getvalue() == b""


def test_wrong_key_item_or_object_name_is_refused() -> None:
    blob = seal(b"for item a only")
    assert refused(blob, key=secrets.token_bytes(32)) == "ciphertext_tampered"
    assert refused(blob, aad=object_aad("item-b", "original")) == "ciphertext_tampered"
    assert refused(blob, aad=object_aad("item-a", "redacted")) == "ciphertext_tampered"
    # Length prefixes: moving a character between the item ID and the name is a different binding.
    assert object_aad("item-a", "original") != object_aad("item-", "aoriginal")


def test_chunks_cannot_move_between_objects_under_one_key() -> None:
    one, other = seal(b"A" * 3 * CHUNK), seal(b"B" * 3 * CHUNK)
    spliced = one[:HEADER_BYTES] + chunks(one)[0] + chunks(other)[1] + chunks(one)[2]
    assert refused(spliced) == "ciphertext_tampered"


def test_damage_in_the_last_chunk_releases_nothing() -> None:
    blob = bytearray(seal(os.urandom(10 * CHUNK + 3)))
    blob[-1] ^= 0x01
    assert refused(bytes(blob)) == "ciphertext_tampered"


def test_foreign_or_hostile_headers() -> None:
    blob = bytearray(seal(b"x"))
    assert refused(b"%PDF-1.7" + bytes(blob[8:])) == "ciphertext_format"
    for log2 in (9, 25, 255):  # chunk sizes a reader will not allocate
        hostile = bytearray(blob)
        hostile[7] = log2
        assert refused(bytes(hostile)) == "ciphertext_format"
    version = bytearray(blob)
    version[6] = 2
    assert refused(bytes(version)) == "ciphertext_format"


def test_verify_stream_authenticates_without_output() -> None:
    blob = seal(os.urandom(5000))
    assert verify_stream(io.BytesIO(blob), KEY, AAD) == 5000
    with pytest.raises(CryptoError):
        verify_stream(io.BytesIO(blob[:-1]), KEY, AAD)


def test_bad_parameters() -> None:
    with pytest.raises(ValueError):
        encrypt_stream(io.BytesIO(b""), io.BytesIO(), KEY, AAD, chunk_size=1000)
    with pytest.raises(ValueError):
        encrypt_stream(io.BytesIO(b""), io.BytesIO(), b"short", AAD)


_RSS_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys
    from relay.store.envelope import decrypt_stream, encrypt_stream, object_aad

    class Source:
        # 200 MB of bytes made on the fly: the test itself must not hold the stream in memory.
        def __init__(self, size):
            self.left = size
            self.block = bytes(range(256)) * 4096
        def read(self, n=-1):
            n = self.left if n < 0 else min(n, self.left)
            self.left -= n
            return (self.block * (n // len(self.block) + 1))[:n]
        def seekable(self):
            return False

    class Sink:
        def __init__(self):
            self.size = 0
        def write(self, b):
            self.size += len(b)
            return len(b)

    def rss_mib():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    key, aad, path, size = bytes(32), object_aad("item", "video"), sys.argv[1], int(sys.argv[2])
    with open(path, "w+b") as f:  # warm up every code path on a small stream first
        encrypt_stream(Source(1 << 20), f, key, aad)
        f.seek(0)
        decrypt_stream(f, Sink(), key, aad)
    baseline = rss_mib()
    with open(path, "w+b") as f:
        encrypt_stream(Source(size), f, key, aad)
        after_encrypt = rss_mib()
        f.seek(0)
        sink = Sink()
        decrypt_stream(f, sink, key, aad)
    result = {"baseline": baseline, "encrypt": after_encrypt, "decrypt": rss_mib(), "out": sink.size}
    print(json.dumps(result))
    """
)


def test_memory_stays_flat_for_a_200_mb_stream(tmp_path: Path) -> None:
    size = 200 * 1000 * 1000
    run = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT, str(tmp_path / "sealed.bin"), str(size)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    peak = json.loads(run.stdout)
    assert peak["out"] == size
    # Peak RSS (ru_maxrss) after 200 MB through both directions is within a few MiB of the 1 MiB warm-up.
    assert peak["encrypt"] - peak["baseline"] < 8, peak
    assert peak["decrypt"] - peak["baseline"] < 8, peak
