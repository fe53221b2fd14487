"""A tar written as a stream, each member's bytes checked against the size and SHA-256 declared for it.

A tar header states the member's size before its data, so the size must be known up front: the sealer
takes it (and the SHA-256) from what was recorded when the media was redacted. Each member's data is
produced by a callback writing into a guard that refuses more bytes than declared and, at the end,
checks the count and the digest: a stored object that does not match its record stops the bundle
rather than producing a tar that lies about its contents.

:func:`encrypt_tar` runs the writer in a thread feeding a pipe, and age-encrypts what comes out of the
pipe; memory stays flat (one pipe buffer and one age chunk) and no plaintext is written to disk.
"""

from __future__ import annotations

import hashlib
import os
import tarfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from relay.bundle.errors import MEDIA_MISMATCH, SealError
from relay.crypto.age import encrypt_stream
from relay.crypto.age_keys import X25519Recipient

BLOCK = tarfile.BLOCKSIZE
RECORD = tarfile.RECORDSIZE


@dataclass(frozen=True, slots=True)
class Member:
    """One regular file for the tar. ``write`` must write exactly ``size`` bytes hashing to ``sha256``."""

    name: str
    size: int
    sha256: str
    mtime: int
    write: Callable[[BinaryIO], object]


class _Guard:
    """The file object a member's data is written to: counts, hashes and caps what passes through."""

    def __init__(self, out: BinaryIO, size: int) -> None:
        self._out = out
        self._left = size
        self._digest = hashlib.sha256()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        if len(view) > self._left:
            raise SealError("stored media is larger than recorded", code=MEDIA_MISMATCH)
        self._out.write(view)
        self._digest.update(view)
        self._left -= len(view)
        return len(view)

    def flush(self) -> None:
        self._out.flush()

    def check(self, sha256: str) -> None:
        if self._left != 0 or self._digest.hexdigest() != sha256:
            raise SealError("stored media does not match its recorded size and digest", code=MEDIA_MISMATCH)


def write_tar(members: Iterable[Member], out: BinaryIO) -> None:
    """Write a POSIX (ustar) tar of ``members`` to ``out``: regular files only, owned by 0:0, mode 0644."""
    written = 0
    for member in members:
        info = tarfile.TarInfo(member.name)
        info.size = member.size
        info.mtime = member.mtime
        info.mode = 0o644
        info.type = tarfile.REGTYPE
        header = info.tobuf(format=tarfile.USTAR_FORMAT, encoding="ascii", errors="strict")
        out.write(header)
        guard = _Guard(out, member.size)
        member.write(guard)  # type: ignore[arg-type]  # a BinaryIO for the parts writers use
        guard.check(member.sha256)
        padding = -member.size % BLOCK
        out.write(bytes(padding))
        written += len(header) + member.size + padding
    # End of archive: two zero blocks, then zeros up to a whole record, as tar(1) writes it.
    end = 2 * BLOCK
    end += -(written + end) % RECORD
    out.write(bytes(end))
    out.flush()


def encrypt_tar(members: Sequence[Member], recipients: Sequence[X25519Recipient], dst: BinaryIO) -> None:
    """Age-encrypt the tar of ``members`` to ``recipients`` into ``dst``, streaming.

    On any failure (of the tar writer or of encryption) the error is raised and ``dst`` holds an
    incomplete or truncated file: the caller must discard it. A writer failure is never mistaken for the
    end of the tar, even though the encryptor sees only the pipe closing.
    """
    read_fd, write_fd = os.pipe()
    reader = os.fdopen(read_fd, "rb")
    writer = os.fdopen(write_fd, "wb")
    failures: list[BaseException] = []

    def produce() -> None:
        try:
            with writer:
                write_tar(members, writer)
        except BaseException as exc:  # handed to the calling thread below
            failures.append(exc)

    thread = threading.Thread(target=produce, name="relay-tar-writer", daemon=True)
    thread.start()
    try:
        with reader:
            encrypt_stream(reader, dst, recipients)
    finally:
        # If encryption failed, the read end is closed by now and the writer stops on a broken pipe.
        thread.join()
    if failures:
        raise failures[0]
