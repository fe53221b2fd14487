"""age v1 encryption to X25519 recipients and decryption with X25519 identities, streaming.

Files written here decrypt with the stock ``age -d``; files from ``age -r`` decrypt here. What relay
does not implement (ASCII armor, scrypt passphrases, post-quantum recipients) is refused with a clear
error, never misread: unknown stanza types are skipped as the spec requires, so a file for a hybrid
recipient only reports that no identity matched.

Errors (all :class:`relay.errors.CryptoError`): :class:`AgeHeaderInvalid` (with its subclass
:class:`AgeUnsupported`), :class:`AgeNoIdentityMatched`, :class:`AgeHeaderMacMismatch`,
:class:`AgePayloadInvalid`, :class:`CryptoWriteFailed`, :class:`CryptoKeyInvalid`. Messages name the
failure, never key material or plaintext. Errors *reading* the source are the caller's I/O and
propagate unchanged (``OSError``).
"""

from __future__ import annotations

import hmac
import os
import tempfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from relay.crypto.age_header import Header, header_mac, read_header, serialize_header
from relay.crypto.age_keys import (
    STANZA_TYPE,
    X25519Identity,
    X25519Recipient,
    new_file_key,
    parse_x25519_stanza,
)
from relay.crypto.age_stream import decrypt_payload, encrypt_payload, flush, write_all
from relay.errors import (
    AgeHeaderInvalid,
    AgeHeaderMacMismatch,
    AgeNoIdentityMatched,
    AgeUnsupported,
    CryptoKeyInvalid,
    CryptoWriteFailed,
)

_SCRYPT = b"scrypt"

StrPath = str | os.PathLike[str]


def encrypt_stream(src: BinaryIO, dst: BinaryIO, recipients: Sequence[X25519Recipient]) -> None:
    """Encrypt everything readable from ``src`` to ``recipients``, writing the age file to ``dst``.

    Memory stays flat whatever the size. ``dst`` is flushed at the end; any failure to write raises
    :class:`CryptoWriteFailed`, and ``dst`` must then be discarded.
    """
    if not recipients:
        raise CryptoKeyInvalid("encrypting needs at least one recipient")
    file_key = new_file_key()
    stanzas = [recipient.wrap(file_key) for recipient in recipients]
    write_all(dst, serialize_header(stanzas, file_key))
    encrypt_payload(src, dst, file_key)
    flush(dst)


def decrypt_stream(src: BinaryIO, dst: BinaryIO, identities: Sequence[X25519Identity]) -> None:
    """Decrypt the age file read from ``src`` with one of ``identities``, writing plaintext to ``dst``.

    Only authenticated chunks are ever written, but they are written as they are verified: if the
    file turns out to be truncated or altered further on, ``dst`` already holds its authentic first
    part and an :class:`AgePayloadInvalid` is raised. A caller that needs all-or-nothing output must
    use :func:`decrypt_file` (or decrypt into a temporary target and discard it on error).
    """
    if not identities:
        raise CryptoKeyInvalid("decrypting needs at least one identity")
    header = read_header(src)
    file_key = _unwrap_file_key(header, identities)
    if not hmac.compare_digest(header_mac(file_key, header.mac_input), header.mac):
        raise AgeHeaderMacMismatch("age header MAC does not match: the header was altered")
    decrypt_payload(src, dst, file_key)
    flush(dst)


def _unwrap_file_key(header: Header, identities: Sequence[X25519Identity]) -> bytes:
    types = [stanza.type for stanza in header.stanzas]
    if _SCRYPT in types:
        # The spec requires an scrypt stanza to be alone, so that a passphrase file cannot also be
        # opened by a public key without the sender noticing.
        if len(types) != 1:
            raise AgeHeaderInvalid("age scrypt stanza must be the only stanza in the header")
        raise AgeUnsupported("the file is passphrase-encrypted (scrypt); relay reads X25519 files only")
    # Check every X25519 stanza's shape before using any, so a malformed header fails the same way
    # whichever identity happens to match first.
    x25519 = [parse_x25519_stanza(s) for s in header.stanzas if s.type == STANZA_TYPE]
    for share, body in x25519:
        for identity in identities:
            file_key = identity.unwrap(share, body)
            if file_key is not None:
                return file_key
    raise AgeNoIdentityMatched("none of the given age identities can decrypt this file")


def encrypt_file(src_path: StrPath, dst_path: StrPath, recipients: Sequence[X25519Recipient]) -> None:
    """Encrypt ``src_path`` into ``dst_path``, which appears only once complete and synced to disk."""
    with open(src_path, "rb") as src:
        _write_atomically(dst_path, lambda out: encrypt_stream(src, out, recipients))


def decrypt_file(src_path: StrPath, dst_path: StrPath, identities: Sequence[X25519Identity]) -> None:
    """Decrypt ``src_path`` into ``dst_path`` all-or-nothing.

    Plaintext goes to a private (0600) temporary file beside ``dst_path``, which is renamed over
    ``dst_path`` only after the final chunk authenticated. On any failure the temporary file is
    removed and ``dst_path`` is left as it was: no partial plaintext is ever visible there.
    """
    with open(src_path, "rb") as src:
        _write_atomically(dst_path, lambda out: decrypt_stream(src, out, identities))


def _write_atomically(dst_path: StrPath, produce: Callable[[BinaryIO], None]) -> None:
    dst = Path(dst_path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".partial", dir=dst.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            produce(out)
            try:
                os.fsync(out.fileno())
            except OSError as exc:
                raise CryptoWriteFailed("syncing the output to disk failed") from exc
        os.replace(tmp_name, dst)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(dst.parent)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; best effort, as some filesystems refuse to fsync a directory.
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
