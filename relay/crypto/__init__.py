"""relay's encryption and signing: age v1 files for partners' X25519 keys, minisign signatures.

Everything a sealed bundle needs and nothing more. The files interoperate with the stock tools:
partners decrypt with ``age -d -i key.txt`` and verify with ``minisign -Vm FILE -P KEY``.

- :mod:`relay.crypto.age` — ``encrypt_stream``/``decrypt_stream`` (streaming, flat memory) and the
  atomic ``encrypt_file``/``decrypt_file``.
- :mod:`relay.crypto.age_keys` — ``X25519Recipient`` (``age1…``) and ``X25519Identity``
  (``AGE-SECRET-KEY-1…``).
- :mod:`relay.crypto.minisign` — Ed25519 keys and detached signatures in minisign's format.

Errors are :class:`relay.errors.CryptoError` subclasses with stable codes.
"""

from relay.crypto.age import decrypt_file, decrypt_stream, encrypt_file, encrypt_stream
from relay.crypto.age_keys import X25519Identity, X25519Recipient, parse_identity_file
from relay.crypto.minisign import MinisignPublicKey, SigningKey, sign_file, verify_file

__all__ = [
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
