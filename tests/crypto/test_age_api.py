"""relay.crypto's age API: round trips, keys, failing outputs, atomic files, flat memory."""

from __future__ import annotations

import errno
import io
import os
import random
import stat
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import relay.crypto
from relay.crypto import (
    X25519Identity,
    X25519Recipient,
    decrypt_file,
    decrypt_stream,
    encrypt_file,
    encrypt_stream,
    parse_identity_file,
)
from relay.errors import AgeHeaderInvalid, CryptoKeyInvalid, CryptoWriteFailed

CHUNK = 64 * 1024
IDENTITY = X25519Identity.generate()


def seal(plain: bytes, recipients: list[X25519Recipient] | None = None) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(plain), out, recipients or [IDENTITY.recipient()])
    return out.getvalue()


def open_sealed(sealed: bytes, identities: list[X25519Identity] | None = None) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(sealed), out, identities or [IDENTITY])
    return out.getvalue()


def test_public_api_is_pinned() -> None:
    assert sorted(relay.crypto.__all__) == [
        "MinisignPublicKey",
        "SigningKey",
        "X25519Identity",
        "X25519Recipient",
        "decrypt_file",
        "decrypt_stream",
        "encrypt_file",
        "encrypt_stream",
        "parse_identity_file",
        "sign_file",
        "verify_file",
    ]


@settings(max_examples=40, deadline=None)
@given(
    size=st.one_of(
        st.sampled_from([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1]),
        st.integers(0, 3 * CHUNK),
    ),
    seed=st.integers(0, 2**32),
)
def test_round_trip_any_size(size: int, seed: int) -> None:
    plain = random.Random(seed).randbytes(size)
    sealed = seal(plain)
    chunks = max(1, -(-size // CHUNK))
    assert open_sealed(sealed) == plain
    # Payload size is exactly the plaintext plus a nonce and one tag per chunk: no padding, no extra chunk.
    assert len(sealed) - sealed.index(b"\n---") - len(b"\n--- ") - 43 - 1 == size + 16 + 16 * chunks


def test_each_file_gets_a_fresh_file_key_and_nonce() -> None:
    assert seal(b"same letter") != seal(b"same letter")


def test_header_is_canonical() -> None:
    sealed = seal(b"x", [IDENTITY.recipient(), X25519Identity.generate().recipient()])
    header = sealed[: sealed.index(b"\n---") + 1].decode("ascii").splitlines()
    assert header[0] == "age-encryption.org/v1"
    assert [line.split(" ")[:2] for line in header[1::2]] == [["->", "X25519"], ["->", "X25519"]]
    assert all(len(line) == 43 for line in header[2::2])  # 32-byte body, one short base64 line


def test_short_reads_from_a_pipe_like_source() -> None:
    class Trickle(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            piece = self._data.read(min(len(buffer), 1000))
            buffer[: len(piece)] = piece
            return len(piece)

    plain = os.urandom(3 * CHUNK + 7)
    sealed = io.BytesIO()
    encrypt_stream(Trickle(plain), sealed, [IDENTITY.recipient()])  # type: ignore[arg-type]
    out = io.BytesIO()
    decrypt_stream(Trickle(sealed.getvalue()), out, [IDENTITY])  # type: ignore[arg-type]
    assert out.getvalue() == plain


def test_memory_stays_flat_for_a_large_stream() -> None:
    class Zeros(io.RawIOBase):
        """32 MiB of zeros without ever holding them."""

        def __init__(self) -> None:
            self.left = 32 * 1024 * 1024

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            n = min(len(buffer), self.left)
            buffer[:n] = bytes(n)
            self.left -= n
            return n

    class Sink(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            return len(data)

    tracemalloc.start()
    try:
        encrypt_stream(Zeros(), Sink(), [IDENTITY.recipient()])  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024  # a few 64 KiB chunks, not the 32 MiB stream


# --- keys ------------------------------------------------------------------------------------------


def test_identity_and_recipient_strings_round_trip() -> None:
    text = IDENTITY.to_string()
    assert text.startswith("AGE-SECRET-KEY-1") and text == text.upper() and len(text) == 74
    assert X25519Identity.from_string(text).secret_bytes == IDENTITY.secret_bytes
    recipient = str(IDENTITY.recipient())
    assert recipient.startswith("age1") and len(recipient) == 62
    assert X25519Recipient.from_string(recipient) == IDENTITY.recipient()


def test_identity_never_shows_its_secret() -> None:
    secret = IDENTITY.to_string()
    assert secret not in repr(IDENTITY) and secret not in str(IDENTITY) and secret not in f"{IDENTITY}"
    assert str(IDENTITY.recipient()) in repr(IDENTITY)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda s: s.lower(),  # identities are upper case
        lambda s: s[:-1] + ("Q" if s[-1] != "Q" else "P"),  # checksum
        lambda s: s[:20] + ("Q" if s[20] != "Q" else "P") + s[21:],  # data
        lambda s: s[:-8],
        lambda s: s.replace("AGE-SECRET-KEY-1", "AGE-SECRET-KEY-PQ-1"),
        lambda s: s + "Q",
        lambda s: s[:30] + "B" + s[31:],  # outside the alphabet
    ],
)
def test_malformed_identity_is_rejected_without_echoing_it(mutate: Callable[[str], str]) -> None:
    bad = mutate(IDENTITY.to_string())
    with pytest.raises(CryptoKeyInvalid) as raised:
        X25519Identity.from_string(bad)
    assert bad not in str(raised.value) and bad[16:40] not in str(raised.value)


def test_malformed_recipients_are_rejected() -> None:
    good = str(IDENTITY.recipient())
    wrong_checksum = good[:-1] + ("q" if good[-1] != "q" else "p")
    for bad in [good.upper(), wrong_checksum, IDENTITY.to_string(), "age1", ""]:
        with pytest.raises(CryptoKeyInvalid):
            X25519Recipient.from_string(bad)
    with pytest.raises(CryptoKeyInvalid):
        X25519Recipient(bytes(31))


def test_low_order_recipient_is_refused_when_encrypting() -> None:
    with pytest.raises(CryptoKeyInvalid):
        seal(b"x", [X25519Recipient(bytes(32))])


def test_identity_file_parsing() -> None:
    other = X25519Identity.generate()
    text = (
        f"# created: today\n# public key: {IDENTITY.recipient()}\n"
        f"{IDENTITY.to_string()}\n\n{other.to_string()}\n"
    )
    parsed = parse_identity_file(text)
    assert [p.secret_bytes for p in parsed] == [IDENTITY.secret_bytes, other.secret_bytes]
    with pytest.raises(CryptoKeyInvalid):
        parse_identity_file("# nothing here\n")


def test_empty_key_lists_are_refused() -> None:
    with pytest.raises(CryptoKeyInvalid):
        encrypt_stream(io.BytesIO(b"x"), io.BytesIO(), [])
    with pytest.raises(CryptoKeyInvalid):
        decrypt_stream(io.BytesIO(seal(b"x")), io.BytesIO(), [])


def test_an_endless_header_line_is_refused_without_reading_it_all() -> None:
    hostile = io.BytesIO(b"age-encryption.org/v1\n-> X25519 " + b"A" * (8 * 1024 * 1024))
    with pytest.raises(AgeHeaderInvalid):
        decrypt_stream(hostile, io.BytesIO(), [IDENTITY])
    assert hostile.tell() <= 1024 * 1024 + 1


def test_a_header_without_stanzas_is_refused() -> None:
    # Well-formed lines, but the format requires at least one recipient stanza.
    no_stanzas = b"age-encryption.org/v1\n--- " + b"A" * 43 + b"\n" + bytes(16) + bytes(16)
    with pytest.raises(AgeHeaderInvalid, match="no recipient stanza"):
        decrypt_stream(io.BytesIO(no_stanzas), io.BytesIO(), [IDENTITY])


# --- failing outputs -------------------------------------------------------------------------------


class FailingSink(io.RawIOBase):
    """Accepts ``budget`` bytes, then fails the way a full disk or a broken writer does."""

    def __init__(self, budget: int, mode: str) -> None:
        self.budget = budget
        self.mode = mode
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int | None:  # type: ignore[override]
        if self.budget <= 0:
            if self.mode == "enospc":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return 0 if self.mode == "zero" else None
        n = min(len(data), self.budget)
        self.data += bytes(data[:n])
        self.budget -= n
        return n


@pytest.mark.parametrize("mode", ["enospc", "zero", "none"])
@pytest.mark.parametrize("budget", [0, 100, CHUNK + 50])
def test_encrypt_fails_loudly_when_the_output_fails(mode: str, budget: int) -> None:
    sink = FailingSink(budget, mode)
    with pytest.raises(CryptoWriteFailed) as raised:
        encrypt_stream(io.BytesIO(os.urandom(3 * CHUNK)), sink, [IDENTITY.recipient()])  # type: ignore[arg-type]
    assert raised.value.code == "crypto_write_failed"


def test_decrypt_fails_loudly_when_the_output_fails() -> None:
    sealed = seal(os.urandom(3 * CHUNK))
    with pytest.raises(CryptoWriteFailed):
        decrypt_stream(io.BytesIO(sealed), FailingSink(CHUNK, "enospc"), [IDENTITY])  # type: ignore[arg-type]


def test_writing_to_a_closed_output_fails_loudly() -> None:
    closed = io.BytesIO()
    closed.close()
    with pytest.raises(CryptoWriteFailed):
        encrypt_stream(io.BytesIO(b"letter"), closed, [IDENTITY.recipient()])


def test_buffered_write_errors_surface_at_the_final_flush() -> None:
    class LateFailure(io.BytesIO):
        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(CryptoWriteFailed):
        encrypt_stream(io.BytesIO(b"letter"), LateFailure(), [IDENTITY.recipient()])


def test_partial_writes_are_completed_not_dropped() -> None:
    class HalfWriter(io.RawIOBase):
        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            n = max(1, len(data) // 2)
            self.data += bytes(data[:n])
            return n

    sink = HalfWriter()
    plain = os.urandom(2 * CHUNK + 3)
    encrypt_stream(io.BytesIO(plain), sink, [IDENTITY.recipient()])  # type: ignore[arg-type]
    assert open_sealed(bytes(sink.data)) == plain


# --- files -----------------------------------------------------------------------------------------


def test_file_round_trip_is_private_and_leaves_no_temporaries(tmp_path: Path) -> None:
    plain = os.urandom(CHUNK + 1)
    (tmp_path / "letter").write_bytes(plain)
    encrypt_file(tmp_path / "letter", tmp_path / "letter.age", [IDENTITY.recipient()])
    decrypt_file(tmp_path / "letter.age", tmp_path / "opened", [IDENTITY])
    assert (tmp_path / "opened").read_bytes() == plain
    assert stat.S_IMODE((tmp_path / "opened").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter", "letter.age", "opened"]


def test_encrypt_file_leaves_nothing_when_it_fails(tmp_path: Path) -> None:
    (tmp_path / "letter").write_bytes(b"x")
    with pytest.raises(CryptoKeyInvalid):
        encrypt_file(tmp_path / "letter", tmp_path / "letter.age", [X25519Recipient(bytes(32))])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter"]
