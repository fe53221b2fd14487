"""Altered, cut and extended age files fail with the right error, release nothing unauthenticated,
and leave nothing behind when decrypted with ``decrypt_file``."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from relay.crypto import X25519Identity, decrypt_file, decrypt_stream, encrypt_stream
from relay.errors import (
    AGE_PAYLOAD_TRAILING_DATA,
    AGE_PAYLOAD_TRUNCATED,
    AgeHeaderInvalid,
    AgeHeaderMacMismatch,
    AgeNoIdentityMatched,
    AgePayloadInvalid,
    CryptoError,
)

CHUNK = 64 * 1024
SEALED = CHUNK + 16
IDENTITY = X25519Identity.generate()
PLAIN = os.urandom(2 * CHUNK + 100)  # three chunks: full, full, short final


@dataclass(frozen=True)
class Layout:
    """Where the parts of an age file start."""

    data: bytes
    mac_line: int  # offset of "--- "
    nonce: int  # offset of the 16-byte payload nonce

    def chunk(self, index: int) -> int:
        return self.nonce + 16 + index * SEALED

    @property
    def chunk_count(self) -> int:
        return -(-(len(self.data) - self.nonce - 16) // SEALED)


def seal(plain: bytes) -> Layout:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(plain), out, [IDENTITY.recipient()])
    data = out.getvalue()
    mac_line = data.index(b"\n---") + 1
    return Layout(data=data, mac_line=mac_line, nonce=data.index(b"\n", mac_line) + 1)


LAYOUT = seal(PLAIN)


def flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :]


def replace_char(data: bytes, offset: int, char: bytes) -> bytes:
    assert data[offset : offset + 1] != char
    return data[:offset] + char + data[offset + 1 :]


def decrypt(data: bytes, identities: list[X25519Identity] | None = None) -> tuple[bytes, CryptoError | None]:
    """Released plaintext and the error (or None), from decrypt_stream."""
    out = io.BytesIO()
    try:
        decrypt_stream(io.BytesIO(data), out, identities or [IDENTITY])
    except CryptoError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def assert_file_fails(tmp_path: Path, data: bytes, error: type[CryptoError]) -> None:
    """decrypt_file raises ``error`` and leaves neither the target nor a temporary file behind."""
    (tmp_path / "in.age").write_bytes(data)
    with pytest.raises(error):
        decrypt_file(tmp_path / "in.age", tmp_path / "out", [IDENTITY])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.age"]


def test_untouched_file_decrypts() -> None:
    assert LAYOUT.chunk_count == 3
    assert decrypt(LAYOUT.data) == (PLAIN, None)


def test_wrong_key_is_no_match(tmp_path: Path) -> None:
    released, error = decrypt(LAYOUT.data, [X25519Identity.generate()])
    assert isinstance(error, AgeNoIdentityMatched) and released == b""
    with pytest.raises(AgeNoIdentityMatched):
        decrypt_file_to(tmp_path, LAYOUT.data, [X25519Identity.generate()])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.age"]


def decrypt_file_to(tmp_path: Path, data: bytes, identities: list[X25519Identity]) -> None:
    (tmp_path / "in.age").write_bytes(data)
    decrypt_file(tmp_path / "in.age", tmp_path / "out", identities)


@pytest.mark.parametrize(
    ("where", "offset", "error"),
    [
        ("version line", 3, AgeHeaderInvalid),
        ("stanza type", len(b"age-encryption.org/v1\n-> "), AgeNoIdentityMatched),  # X25519 -> Y25519
        ("mac line dashes", LAYOUT.mac_line + 1, AgeHeaderInvalid),
    ],
)
def test_flipped_header_byte(tmp_path: Path, where: str, offset: int, error: type[CryptoError]) -> None:
    tampered = flip(LAYOUT.data, offset)
    released, raised = decrypt(tampered)
    assert isinstance(raised, error) and released == b""
    assert_file_fails(tmp_path, tampered, error)


def test_changed_ephemeral_share_is_no_match(tmp_path: Path) -> None:
    # A different (still canonical) share gives a different shared secret: the stanza is not ours.
    offset = len(b"age-encryption.org/v1\n-> X25519 ") + 10
    tampered = replace_char(LAYOUT.data, offset, b"A" if LAYOUT.data[offset : offset + 1] != b"A" else b"B")
    released, raised = decrypt(tampered)
    assert isinstance(raised, AgeNoIdentityMatched) and released == b""
    assert_file_fails(tmp_path, tampered, AgeNoIdentityMatched)


def test_changed_mac_is_mac_mismatch(tmp_path: Path) -> None:
    offset = LAYOUT.mac_line + len(b"--- ") + 10
    tampered = replace_char(LAYOUT.data, offset, b"A" if LAYOUT.data[offset : offset + 1] != b"A" else b"B")
    released, raised = decrypt(tampered)
    assert isinstance(raised, AgeHeaderMacMismatch) and released == b""
    assert_file_fails(tmp_path, tampered, AgeHeaderMacMismatch)


@pytest.mark.parametrize("offset", [0, 15])
def test_flipped_nonce_byte_fails_the_first_chunk(tmp_path: Path, offset: int) -> None:
    tampered = flip(LAYOUT.data, LAYOUT.nonce + offset)
    released, raised = decrypt(tampered)
    assert isinstance(raised, AgePayloadInvalid) and released == b""
    assert_file_fails(tmp_path, tampered, AgePayloadInvalid)


@pytest.mark.parametrize("chunk", [0, 1, 2])
@pytest.mark.parametrize("position", ["first byte", "middle", "tag"])
def test_flipped_chunk_byte(tmp_path: Path, chunk: int, position: str) -> None:
    start = LAYOUT.chunk(chunk)
    end = min(start + SEALED, len(LAYOUT.data))
    offset = {"first byte": start, "middle": (start + end) // 2, "tag": end - 1}[position]
    tampered = flip(LAYOUT.data, offset)
    released, raised = decrypt(tampered)
    assert isinstance(raised, AgePayloadInvalid)
    assert raised.code == "age_payload_invalid"
    # Exactly the chunks before the altered one were released, all authentic.
    assert released == PLAIN[: chunk * CHUNK]
    assert_file_fails(tmp_path, tampered, AgePayloadInvalid)


def cut_points() -> list[tuple[str, int]]:
    points = [("inside header", LAYOUT.mac_line), ("before nonce", LAYOUT.nonce)]
    points += [("inside nonce", LAYOUT.nonce + 8)]
    for index in range(LAYOUT.chunk_count):
        start = LAYOUT.chunk(index)
        points += [(f"chunk {index} boundary", start), (f"chunk {index} + 1", start + 1)]
        points += [(f"chunk {index} + 15", start + 15), (f"chunk {index} + 16", start + 16)]
        points += [(f"middle of chunk {index}", start + 500)]
    points.append(("last byte missing", len(LAYOUT.data) - 1))
    return [(where, length) for where, length in points if length < len(LAYOUT.data)]


@pytest.mark.parametrize(("where", "length"), cut_points(), ids=[w for w, _ in cut_points()])
def test_truncation(tmp_path: Path, where: str, length: int) -> None:
    truncated = LAYOUT.data[:length]
    released, raised = decrypt(truncated)
    if length <= LAYOUT.nonce + 8:
        assert isinstance(raised, AgeHeaderInvalid)
    else:
        assert isinstance(raised, AgePayloadInvalid)
        if "boundary" in where:
            assert raised.code == AGE_PAYLOAD_TRUNCATED
    assert len(released) % CHUNK == 0 and released == PLAIN[: len(released)]
    assert len(released) < len(PLAIN)
    assert_file_fails(tmp_path, truncated, type(raised))


@pytest.mark.parametrize("extra", [b"\x00", os.urandom(16), os.urandom(SEALED)])
def test_appended_bytes_fail(tmp_path: Path, extra: bytes) -> None:
    extended = LAYOUT.data + extra
    _, raised = decrypt(extended)
    assert isinstance(raised, AgePayloadInvalid)
    assert_file_fails(tmp_path, extended, AgePayloadInvalid)


@pytest.mark.parametrize("extra", [b"\x00", os.urandom(SEALED)])
def test_data_after_a_full_final_chunk_is_named_trailing_data(extra: bytes) -> None:
    full = seal(PLAIN[: 2 * CHUNK])
    released, raised = decrypt(full.data + extra)
    assert isinstance(raised, AgePayloadInvalid) and raised.code == AGE_PAYLOAD_TRAILING_DATA
    assert released == PLAIN[:CHUNK]


def test_a_failed_decrypt_file_leaves_an_existing_target_untouched(tmp_path: Path) -> None:
    (tmp_path / "out").write_bytes(b"previous contents")
    (tmp_path / "in.age").write_bytes(flip(LAYOUT.data, len(LAYOUT.data) - 1))
    with pytest.raises(AgePayloadInvalid):
        decrypt_file(tmp_path / "in.age", tmp_path / "out", [IDENTITY])
    assert (tmp_path / "out").read_bytes() == b"previous contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.age", "out"]
