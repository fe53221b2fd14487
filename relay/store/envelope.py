"""Encryption at rest: a stream sealed in chunks, with constant memory for any size.

Format, version 1::

    header  "RLYENC" | 0x01 | log2(chunk size) | salt (16 bytes) | nonce prefix (8 bytes)     32 bytes
    chunk i ChaCha20-Poly1305(plaintext[i*size : (i+1)*size]) with its 16-byte tag

Every chunk but the last holds exactly ``chunk size`` plaintext bytes; the last holds 0..``chunk size``
(an empty stream is one empty last chunk). The chunk key is HKDF-SHA256(data key, salt), fresh for every
object even under one item key. The nonce of chunk i is the prefix followed by i (32 bits, big-endian). The
associated data of chunk i is the header, the caller's ``aad`` (:func:`object_aad`: item ID and object
name) and a last-chunk flag. So a chunk cannot be moved, reordered, dropped or duplicated, the stream cannot
be cut at a chunk boundary or extended, and an object cannot pass as another object or another item's.

Decryption never hands out data it has not authenticated: :func:`decrypt_stream` checks the whole stream
first and only then writes plaintext to ``dst``.
"""

from __future__ import annotations

import secrets
import shutil
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from relay.errors import CIPHERTEXT_FORMAT, CIPHERTEXT_TAMPERED, CIPHERTEXT_TRUNCATED, CryptoError

MAGIC = b"RLYENC"
VERSION = 1
DEFAULT_CHUNK_SIZE = 64 * 1024
TAG_BYTES = 16
_HEADER = struct.Struct(">6sBB16s8s")
HEADER_BYTES = _HEADER.size
# Chunk sizes a reader accepts: a hostile header must not make us allocate gigabytes.
_MIN_LOG2, _MAX_LOG2 = 10, 24
_MAX_CHUNKS = 1 << 32
_LAST, _NOT_LAST = b"\x01", b"\x00"


def object_aad(item_id: str, name: str) -> bytes:
    """The associated data binding an object to its item and name (length-prefixed, so unambiguous)."""
    item, obj = item_id.encode(), name.encode()
    return b"relay object v1\x00" + struct.pack(">H", len(item)) + item + struct.pack(">H", len(obj)) + obj


def encrypt_stream(
    src: BinaryIO, dst: BinaryIO, data_key: bytes, aad: bytes, *, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> int:
    """Encrypt everything ``src`` yields into ``dst``; returns the number of plaintext bytes.

    Holds two chunks in memory at a time, whatever the size of the stream.
    """
    log2 = chunk_size.bit_length() - 1
    if chunk_size != 1 << log2 or not _MIN_LOG2 <= log2 <= _MAX_LOG2:
        raise ValueError("chunk_size must be a power of two between 1 KiB and 16 MiB")
    header = _HEADER.pack(MAGIC, VERSION, log2, secrets.token_bytes(16), secrets.token_bytes(8))
    aead, prefix = _cipher(data_key, header)
    dst.write(header)
    total = 0
    current = _read_exact(src, chunk_size)
    for counter in range(_MAX_CHUNKS):
        # Read one chunk ahead: only then do we know whether the current chunk is the last.
        following = _read_exact(src, chunk_size) if len(current) == chunk_size else b""
        last = not following
        dst.write(aead.encrypt(prefix + counter.to_bytes(4, "big"), current, _chunk_aad(header, aad, last)))
        total += len(current)
        if last:
            return total
        current = following
    raise ValueError("stream too long for one envelope (2**32 chunks)")


def verify_stream(src: BinaryIO, data_key: bytes, aad: bytes) -> int:
    """Authenticate a whole encrypted stream without releasing any plaintext; returns its plaintext size."""
    return sum(len(chunk) for chunk in _open_chunks(src, data_key, aad))


def decrypt_stream(
    src: BinaryIO, dst: BinaryIO, data_key: bytes, aad: bytes, *, scratch_dir: Path | None = None
) -> int:
    """Decrypt ``src`` into ``dst`` once the whole stream has been authenticated; returns plaintext bytes.

    Two passes: the first authenticates every chunk and the ending, the second writes plaintext. A
    stream that cannot be read twice is first copied, still encrypted, to a temporary file. Raises
    CryptoError (``ciphertext_tampered``, ``ciphertext_truncated`` or ``ciphertext_format``) with nothing
    written to ``dst``.
    """
    if not src.seekable():
        with tempfile.TemporaryFile(dir=scratch_dir) as spool:
            shutil.copyfileobj(src, spool, 1 << 20)
            spool.seek(0)
            return decrypt_stream(spool, dst, data_key, aad)
    start = src.tell()
    expected = verify_stream(src, data_key, aad)
    src.seek(start)
    written = 0
    for chunk in _open_chunks(src, data_key, aad):
        # Authenticated again: the source is the caller's (or our spool), and may have changed since.
        dst.write(chunk)
        written += len(chunk)
    if written != expected:
        raise CryptoError("the encrypted data changed while it was being read", code=CIPHERTEXT_TAMPERED)
    return written


def _open_chunks(src: BinaryIO, data_key: bytes, aad: bytes) -> Iterator[bytes]:
    """Yield each chunk's plaintext as it authenticates; raise CryptoError at the first failure."""
    header = _read_exact(src, HEADER_BYTES)
    if len(header) < HEADER_BYTES:
        raise CryptoError("the encrypted data ends inside its header", code=CIPHERTEXT_TRUNCATED)
    magic, version, log2, _salt, _prefix = _HEADER.unpack(header)
    if magic != MAGIC or version != VERSION or not _MIN_LOG2 <= log2 <= _MAX_LOG2:
        raise CryptoError("not relay-encrypted data, or an unknown format version", code=CIPHERTEXT_FORMAT)
    aead, prefix = _cipher(data_key, header)
    sealed_size = (1 << log2) + TAG_BYTES
    current = _read_exact(src, sealed_size)
    if not current:
        raise CryptoError("the encrypted data has no chunks", code=CIPHERTEXT_TRUNCATED)
    for counter in range(_MAX_CHUNKS):
        following = _read_exact(src, sealed_size) if len(current) == sealed_size else b""
        last = not following
        nonce = prefix + counter.to_bytes(4, "big")
        try:
            yield aead.decrypt(nonce, current, _chunk_aad(header, aad, last))
        except InvalidTag:
            raise _failure(aead, nonce, current, header, aad, last) from None
        if last:
            return
        current = following
    raise CryptoError("the encrypted data has too many chunks", code=CIPHERTEXT_FORMAT)


def _failure(
    aead: ChaCha20Poly1305, nonce: bytes, sealed: bytes, header: bytes, aad: bytes, last: bool
) -> CryptoError:
    """Tell a cut-short stream from other damage, for a more useful code (both fail closed anyway)."""
    if last:
        try:
            aead.decrypt(nonce, sealed, _chunk_aad(header, aad, last=False))
        except InvalidTag:
            pass
        else:
            return CryptoError("the encrypted data was cut short", code=CIPHERTEXT_TRUNCATED)
    return CryptoError(
        "the encrypted data failed authentication: damaged, tampered with, or the wrong key or object",
        code=CIPHERTEXT_TAMPERED,
    )


def _cipher(data_key: bytes, header: bytes) -> tuple[ChaCha20Poly1305, bytes]:
    if len(data_key) != 32:
        raise ValueError("a data key must be 32 bytes")
    _magic, _version, _log2, salt, prefix = _HEADER.unpack(header)
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"relay envelope v1")
    return ChaCha20Poly1305(hkdf.derive(data_key)), prefix


def _chunk_aad(header: bytes, aad: bytes, last: bool) -> bytes:
    return header + aad + (_LAST if last else _NOT_LAST)


def _read_exact(src: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, or fewer only at the end of the stream (raw streams may return short reads)."""
    data = src.read(size)
    if len(data) == size or not data:
        return data
    parts = [data]
    got = len(data)
    while got < size:
        more = src.read(size - got)
        if not more:
            break
        parts.append(more)
        got += len(more)
    return b"".join(parts)
