"""Ed25519 detached signatures in minisign's format, verifiable with the stock ``minisign -V``.

Formats (all base64 is standard, padded)::

    public key    untrusted comment: minisign public key <KEY ID>
                  base64("Ed" || key id (8 bytes) || Ed25519 public key (32))
    signature     untrusted comment: <free text, not authenticated>
                  base64("ED" || key id || Ed25519 signature of BLAKE2b-512(file))
                  trusted comment: <text>
                  base64(Ed25519 signature of (the signature above || trusted comment))

Only the prehashed "ED" algorithm (minisign's default) is produced and accepted: the legacy "Ed"
variant signs the whole file at once, which would mean holding it in memory. The secret key is stored
in relay's own raw form (:meth:`SigningKey.to_bytes`); the caller encrypts it at rest. minisign's
scrypt-protected secret-key file is deliberately not implemented.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from relay.errors import (
    SIGNATURE_ALGORITHM_UNSUPPORTED,
    SIGNATURE_KEY_MISMATCH,
    SIGNATURE_MALFORMED,
    CryptoKeyInvalid,
    SignatureInvalid,
)

KEY_ALGORITHM = b"Ed"
PREHASHED_ALGORITHM = b"ED"
KEY_ID_LEN = 8
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
# minisign reads comment lines into fixed buffers; staying well below them keeps the CLI happy.
MAX_TRUSTED_COMMENT_BYTES = 1000
_READ_SIZE = 1 << 20

StrPath = str | os.PathLike[str]


@dataclass(frozen=True)
class MinisignPublicKey:
    """A minisign public key: an 8-byte key id and an Ed25519 public key."""

    key_id: bytes
    public_bytes: bytes

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_LEN or len(self.public_bytes) != 32:
            raise CryptoKeyInvalid("a minisign public key is an 8-byte id and a 32-byte key")

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it: a little-endian 64-bit number in upper-case hex, without
        leading zeros (minisign formats it with ``%"PRIX64``)."""
        return format(int.from_bytes(self.key_id, "little"), "X")

    def to_line(self) -> str:
        """The base64 line alone, as passed to ``minisign -P``."""
        return base64.b64encode(KEY_ALGORITHM + self.key_id + self.public_bytes).decode("ascii")

    def to_text(self) -> str:
        """The public key file (``minisign.pub``): comment line and base64 line."""
        return f"{UNTRUSTED_PREFIX}minisign public key {self.key_id_hex}\n{self.to_line()}\n"

    @classmethod
    def from_text(cls, text: str) -> MinisignPublicKey:
        """Parse a public key file, or the bare base64 line."""
        lines = [line.strip() for line in text.strip().splitlines()]
        if len(lines) == 2 and lines[0].startswith(UNTRUSTED_PREFIX):
            lines = lines[1:]
        if len(lines) != 1:
            raise CryptoKeyInvalid("not a minisign public key")
        raw = _b64decode(lines[0], CryptoKeyInvalid("minisign public key is not valid base64"))
        if len(raw) != 2 + KEY_ID_LEN + 32 or raw[:2] != KEY_ALGORITHM:
            raise CryptoKeyInvalid("not a minisign Ed25519 public key")
        return cls(key_id=raw[2:10], public_bytes=raw[10:])


@dataclass(frozen=True, eq=False, repr=False)
class SigningKey:
    """An Ed25519 signing key with its minisign key id. ``repr`` shows only the key id."""

    key_id: bytes
    seed: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_LEN or len(self.seed) != 32:
            raise CryptoKeyInvalid("a minisign signing key is an 8-byte id and a 32-byte seed")

    @classmethod
    def generate(cls) -> SigningKey:
        """A new random key with a random key id (as ``minisign -G`` makes)."""
        return cls(key_id=os.urandom(KEY_ID_LEN), seed=Ed25519PrivateKey.generate().private_bytes_raw())

    def to_bytes(self) -> bytes:
        """relay's storage form: ``"Ed" || key id || seed`` (42 bytes). A secret: encrypt it at rest."""
        return KEY_ALGORITHM + self.key_id + self.seed

    @classmethod
    def from_bytes(cls, raw: bytes) -> SigningKey:
        """Inverse of :meth:`to_bytes`."""
        if len(raw) != 2 + KEY_ID_LEN + 32 or raw[:2] != KEY_ALGORITHM:
            raise CryptoKeyInvalid("not a relay minisign signing key")
        return cls(key_id=raw[2:10], seed=raw[10:])

    def public_key(self) -> MinisignPublicKey:
        """The matching public key."""
        public = self._private().public_key().public_bytes_raw()
        return MinisignPublicKey(key_id=self.key_id, public_bytes=public)

    def _private(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    def __repr__(self) -> str:
        return f"SigningKey(key_id={self.key_id[::-1].hex().upper()})"


def sign_file(path: StrPath, key: SigningKey, trusted_comment: str, untrusted_comment: str = "") -> str:
    """The text of a minisign signature file (``FILE.minisig``) for the file at ``path``.

    The file is hashed in 1 MiB pieces, so memory stays flat. ``trusted_comment`` is signed too (it is
    what ``minisign -V`` prints after "Trusted comment:"); it must be one line of at most 1000 bytes.
    """
    comment = trusted_comment.encode("utf-8")
    untrusted = untrusted_comment or f"signature from relay key {key.key_id[::-1].hex().upper()}"
    if any(c in trusted_comment + untrusted for c in "\r\n\x00") or len(comment) > MAX_TRUSTED_COMMENT_BYTES:
        raise ValueError("signature comments must be single lines (trusted: at most 1000 bytes)")
    private = key._private()
    signature = private.sign(_blake2b_file(path))
    global_signature = private.sign(signature + comment)
    return (
        f"{UNTRUSTED_PREFIX}{untrusted}\n"
        f"{_b64(PREHASHED_ALGORITHM + key.key_id + signature)}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n"
        f"{_b64(global_signature)}\n"
    )


def verify_file(path: StrPath, signature_text: str, public_key: MinisignPublicKey) -> str:
    """Verify the minisign signature ``signature_text`` of the file at ``path``; return the trusted comment.

    Raises :class:`SignatureInvalid` if the signature is malformed (code ``signature_malformed``),
    made by another key (``signature_key_mismatch``), uses the legacy non-prehashed algorithm
    (``signature_algorithm_unsupported``), or does not match the file or the trusted comment.
    """
    lines = signature_text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.removesuffix("\r") for line in lines]
    shaped = len(lines) == 4 and lines[0].startswith(UNTRUSTED_PREFIX) and lines[2].startswith(TRUSTED_PREFIX)
    if not shaped:
        raise SignatureInvalid("not a minisign signature file", code=SIGNATURE_MALFORMED)
    malformed = SignatureInvalid("minisign signature is not valid base64", code=SIGNATURE_MALFORMED)
    signature_line = _b64decode(lines[1], malformed)
    global_signature = _b64decode(lines[3], malformed)
    if len(signature_line) != 2 + KEY_ID_LEN + 64 or len(global_signature) != 64:
        raise SignatureInvalid("minisign signature has the wrong length", code=SIGNATURE_MALFORMED)
    algorithm, key_id, signature = signature_line[:2], signature_line[2:10], signature_line[10:]
    if algorithm != PREHASHED_ALGORITHM:
        raise SignatureInvalid(
            "minisign signature uses an algorithm relay does not accept (only prehashed ED)",
            code=SIGNATURE_ALGORITHM_UNSUPPORTED,
        )
    if key_id != public_key.key_id:
        raise SignatureInvalid("minisign signature was made by a different key", code=SIGNATURE_KEY_MISMATCH)
    trusted_comment = lines[2][len(TRUSTED_PREFIX) :]
    verifier = Ed25519PublicKey.from_public_bytes(public_key.public_bytes)
    try:
        verifier.verify(signature, _blake2b_file(path))
    except InvalidSignature:
        raise SignatureInvalid("minisign signature does not match the file") from None
    try:
        verifier.verify(global_signature, signature + trusted_comment.encode("utf-8"))
    except InvalidSignature:
        raise SignatureInvalid("minisign trusted comment does not match its signature") from None
    return trusted_comment


def _blake2b_file(path: StrPath) -> bytes:
    digest = hashlib.blake2b(digest_size=64)
    buffer = bytearray(_READ_SIZE)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as src:
        while read := src.readinto(buffer):
            digest.update(view[:read])
    return digest.digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(text: str, error: Exception) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise error from None
