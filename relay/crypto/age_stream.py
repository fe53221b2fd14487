"""The age v1 payload: a 16-byte nonce, then STREAM-encrypted 64 KiB chunks of ChaCha20-Poly1305.

Chunk ``i`` is sealed with the nonce ``i`` (11 bytes, big-endian) followed by a flag byte that is 1 on
the last chunk only; this is what makes truncation and extension detectable. Memory stays flat: at most
two chunks are held at a time (one of look-ahead, to learn whether the current chunk is the last).
"""

from __future__ import annotations

import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from relay.errors import (
    AGE_PAYLOAD_TRAILING_DATA,
    AGE_PAYLOAD_TRUNCATED,
    AgeHeaderInvalid,
    AgePayloadInvalid,
    CryptoWriteFailed,
)

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16
_NOT_LAST = b"\x00"
_LAST = b"\x01"


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    """HKDF-SHA256(file key, salt = payload nonce, info "payload")."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload").derive(file_key)


def read_exact(src: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes; fewer only at end of input (pipes and sockets may return short reads)."""
    data = src.read(size)
    if len(data) == size or not data:
        return data
    parts = [data]
    missing = size - len(data)
    while missing:
        more = src.read(missing)
        if not more:
            break
        parts.append(more)
        missing -= len(more)
    return b"".join(parts)


def write_all(dst: BinaryIO, data: bytes) -> None:
    """Write all of ``data`` or raise :class:`CryptoWriteFailed`.

    A raw stream may accept only part of a write; the rest is retried. A write that makes no
    progress, returns nothing, or raises (closed file, disk full) is an error: silently dropping
    ciphertext would produce a file that no one can decrypt, discovered only by the partner.
    """
    view = memoryview(data)
    try:
        while view:
            written = dst.write(view)
            if not isinstance(written, int) or written <= 0 or written > len(view):
                raise CryptoWriteFailed("the output stream did not accept the data (short write)")
            view = view[written:]
    except CryptoWriteFailed:
        raise
    except (OSError, ValueError) as exc:
        raise CryptoWriteFailed(f"writing the output failed ({_describe(exc)})") from exc


def flush(dst: BinaryIO) -> None:
    """Flush ``dst``, so that buffered write errors (disk full) surface here, as CryptoWriteFailed."""
    try:
        dst.flush()
    except (OSError, ValueError) as exc:
        raise CryptoWriteFailed(f"flushing the output failed ({_describe(exc)})") from exc


def _describe(exc: BaseException) -> str:
    # The errno name says enough (ENOSPC, EBADF) and cannot carry file content or key material.
    errno = getattr(exc, "errno", None)
    name = os.strerror(errno) if isinstance(errno, int) else type(exc).__name__
    return name


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (_LAST if last else _NOT_LAST)


def encrypt_payload(src: BinaryIO, dst: BinaryIO, file_key: bytes) -> None:
    """Write the payload nonce and the STREAM-encrypted contents of ``src`` to ``dst``."""
    nonce = os.urandom(NONCE_SIZE)
    write_all(dst, nonce)
    aead = ChaCha20Poly1305(payload_key(file_key, nonce))
    chunk = read_exact(src, CHUNK_SIZE)
    counter = 0
    while True:
        # Only a full chunk can have a successor; an exactly-full final chunk stays full and is the
        # last one (the spec forbids an empty final chunk unless the whole payload is empty).
        following = read_exact(src, CHUNK_SIZE) if len(chunk) == CHUNK_SIZE else b""
        last = not following
        write_all(dst, aead.encrypt(_nonce(counter, last), chunk, None))
        if last:
            return
        chunk = following
        counter += 1


def decrypt_payload(src: BinaryIO, dst: BinaryIO, file_key: bytes) -> None:
    """Read the payload nonce and chunks from ``src``; write each chunk to ``dst`` once authenticated.

    A failure after some chunks leaves those (authentic, but incomplete) chunks written to ``dst``;
    callers that need all-or-nothing write to a temporary target (see ``decrypt_file``).
    """
    nonce = read_exact(src, NONCE_SIZE)
    if len(nonce) != NONCE_SIZE:
        # The nonce is read as the tail of the header; the spec's vectors class its absence so.
        raise AgeHeaderInvalid("age payload nonce is missing or truncated")
    aead = ChaCha20Poly1305(payload_key(file_key, nonce))
    sealed = read_exact(src, SEALED_CHUNK_SIZE)
    if not sealed:
        raise AgePayloadInvalid("age payload has no chunks", code=AGE_PAYLOAD_TRUNCATED)
    counter = 0
    while True:
        following = read_exact(src, SEALED_CHUNK_SIZE) if len(sealed) == SEALED_CHUNK_SIZE else b""
        last = not following
        if last and counter > 0 and len(sealed) == TAG_SIZE:
            raise AgePayloadInvalid("age payload ends with an empty chunk, which only an empty file may")
        try:
            plain = aead.decrypt(_nonce(counter, last), sealed, None)
        except InvalidTag:
            raise _chunk_failure(aead, counter, last, sealed) from None
        write_all(dst, plain)
        if last:
            return
        sealed = following
        counter += 1


def _chunk_failure(aead: ChaCha20Poly1305, counter: int, last: bool, sealed: bytes) -> AgePayloadInvalid:
    """Name the failure: cut short, extended past its final chunk, or altered.

    Trying the other value of the last-chunk flag tells truncation (an authentic middle chunk at the
    end of input) and trailing data (an authentic final chunk followed by more bytes) from tampering.
    The trial plaintext is discarded; nothing from it is released.
    """
    if len(sealed) >= TAG_SIZE:
        try:
            aead.decrypt(_nonce(counter, not last), sealed, None)
        except InvalidTag:
            pass
        else:
            if last:
                return AgePayloadInvalid("age payload is truncated", code=AGE_PAYLOAD_TRUNCATED)
            return AgePayloadInvalid(
                "age payload has data after its final chunk", code=AGE_PAYLOAD_TRAILING_DATA
            )
    return AgePayloadInvalid(f"age payload chunk {counter} failed authentication")
