"""age X25519 keys (``age1…`` recipients, ``AGE-SECRET-KEY-1…`` identities) and file-key wrapping.

A recipient stanza is ``-> X25519 <ephemeral share>`` whose body is the 16-byte file key sealed with
ChaCha20-Poly1305 (zero nonce) under HKDF-SHA256(shared secret, salt = share || recipient,
info "age-encryption.org/v1/X25519").
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from relay.crypto import bech32
from relay.crypto.age_header import Stanza, b64decode_canonical, b64encode_raw
from relay.errors import AgeHeaderInvalid, CryptoKeyInvalid

RECIPIENT_HRP = "age"
IDENTITY_HRP = "age-secret-key-"
STANZA_TYPE = b"X25519"
KEY_LEN = 32
FILE_KEY_LEN = 16
_WRAP_INFO = b"age-encryption.org/v1/X25519"
_ZERO_NONCE = bytes(12)


@dataclass(frozen=True)
class X25519Recipient:
    """A public key that files can be encrypted to; text form ``age1…``."""

    public_bytes: bytes

    def __post_init__(self) -> None:
        if len(self.public_bytes) != KEY_LEN:
            raise CryptoKeyInvalid("an X25519 recipient is 32 bytes")

    @classmethod
    def from_string(cls, text: str) -> X25519Recipient:
        """Parse an ``age1…`` recipient (lower case, as age prints it)."""
        try:
            hrp, data = bech32.decode(text.strip())
        except bech32.Bech32Error:
            raise CryptoKeyInvalid("not a valid age recipient (age1…)") from None
        # age refuses upper-case recipients; accepting them would let two spellings name one key.
        if hrp != RECIPIENT_HRP or text.strip() != text.strip().lower() or len(data) != KEY_LEN:
            raise CryptoKeyInvalid("not an age X25519 recipient (age1…)")
        return cls(data)

    def __str__(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self.public_bytes)

    def wrap(self, file_key: bytes) -> Stanza:
        """A fresh ``X25519`` stanza carrying ``file_key`` for this recipient."""
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        try:
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public_bytes))
        except ValueError:
            # A low-order recipient point gives an all-zero secret that anyone could compute.
            raise CryptoKeyInvalid("the age recipient is a low-order point and cannot be used") from None
        wrap_key = _wrap_key(shared, share, self.public_bytes)
        body = ChaCha20Poly1305(wrap_key).encrypt(_ZERO_NONCE, file_key, None)
        return Stanza(type=STANZA_TYPE, args=(b64encode_raw(share),), body=body)


@dataclass(frozen=True, eq=False, repr=False)
class X25519Identity:
    """A secret key that can decrypt files sent to its recipient; text form ``AGE-SECRET-KEY-1…``.

    ``str()`` and ``repr()`` show only the public recipient so that a key never lands in a log by
    accident; :meth:`to_string` is the explicit way to get the secret text.
    """

    secret_bytes: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret_bytes) != KEY_LEN:
            raise CryptoKeyInvalid("an X25519 identity is 32 bytes")

    @classmethod
    def generate(cls) -> X25519Identity:
        """A new random identity."""
        return cls(X25519PrivateKey.generate().private_bytes_raw())

    @classmethod
    def from_string(cls, text: str) -> X25519Identity:
        """Parse an ``AGE-SECRET-KEY-1…`` identity (upper case, as age-keygen writes it)."""
        stripped = text.strip()
        try:
            hrp, data = bech32.decode(stripped)
        except bech32.Bech32Error:
            raise CryptoKeyInvalid("not a valid age identity (AGE-SECRET-KEY-1…)") from None
        if hrp != IDENTITY_HRP or stripped != stripped.upper() or len(data) != KEY_LEN:
            raise CryptoKeyInvalid("not an age X25519 identity (AGE-SECRET-KEY-1…)")
        return cls(data)

    def to_string(self) -> str:
        """The secret key as ``AGE-SECRET-KEY-1…``. Handle the result as a secret."""
        return bech32.encode(IDENTITY_HRP, self.secret_bytes).upper()

    def recipient(self) -> X25519Recipient:
        """The public recipient for this identity."""
        private = X25519PrivateKey.from_private_bytes(self.secret_bytes)
        return X25519Recipient(private.public_key().public_bytes_raw())

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self.recipient()})"

    __str__ = __repr__

    def unwrap(self, share: bytes, body: bytes) -> bytes | None:
        """The file key from a validated X25519 stanza, or None if the stanza is for someone else.

        Raises :class:`AgeHeaderInvalid` if the share is a low-order point: the spec makes that a
        hard error, not a mismatch, because the all-zero secret is public.
        """
        private = X25519PrivateKey.from_private_bytes(self.secret_bytes)
        try:
            shared = private.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:
            shared = bytes(KEY_LEN)
        if hmac.compare_digest(shared, bytes(KEY_LEN)):
            raise AgeHeaderInvalid("age X25519 stanza share is a low-order point")
        recipient = private.public_key().public_bytes_raw()
        try:
            return ChaCha20Poly1305(_wrap_key(shared, share, recipient)).decrypt(_ZERO_NONCE, body, None)
        except InvalidTag:
            return None


def _wrap_key(shared: bytes, share: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=share + recipient, info=_WRAP_INFO).derive(shared)


def parse_x25519_stanza(stanza: Stanza) -> tuple[bytes, bytes]:
    """``(share, body)`` of an ``X25519`` stanza, after checking its exact shape.

    Exactly one argument, a canonical 32-byte share, and a 32-byte body (16-byte file key + tag): a
    longer body would smuggle a file key of the wrong size past the AEAD.
    """
    if len(stanza.args) != 1:
        raise AgeHeaderInvalid("age X25519 stanza must have exactly one argument")
    try:
        share = b64decode_canonical(stanza.args[0])
    except ValueError:
        raise AgeHeaderInvalid("age X25519 share is not canonical unpadded base64") from None
    if len(share) != KEY_LEN:
        raise AgeHeaderInvalid("age X25519 share is not 32 bytes")
    if len(stanza.body) != FILE_KEY_LEN + 16:
        raise AgeHeaderInvalid("age X25519 stanza body is not a 16-byte file key and its tag")
    return share, stanza.body


def parse_identity_file(text: str) -> tuple[X25519Identity, ...]:
    """Identities from an age identity file: one ``AGE-SECRET-KEY-1…`` per line, ``#`` comments."""
    identities = tuple(
        X25519Identity.from_string(line)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    if not identities:
        raise CryptoKeyInvalid("the identity file holds no age identity")
    return identities


def new_file_key() -> bytes:
    """16 bytes from the OS CSPRNG, as the spec requires for every file."""
    return os.urandom(FILE_KEY_LEN)
