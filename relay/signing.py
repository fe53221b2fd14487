"""relay's Ed25519 signing key (minisign format), made on first use and kept encrypted at rest.

Where it lives, and why: one object, ``keys/signing-key.v1``, in the shared object store
(:attr:`Runtime.objects`), its 32-byte seed wrapped (AES-256-GCM-SIV) under the master key.

- Every sealer must sign with the same key, because partners pin one public key. In distributed mode
  sealers run on several machines; a file next to the master key would give each machine its own key
  on first run. The object store is shared by all of them, like the database, and needs no migration.
- The store never overwrites an object (an exclusive create: hard link locally, ``If-None-Match`` on
  S3), so two first runs racing each other both end up with the winner's key.
- Only ciphertext reaches the store: the wrapping binds the key ID as associated data, under a label
  (``signing-key-<key id>``) that can never be an item ID (those are ``itm_…``), so neither an item's
  wrapped data key nor a key ID swapped in the object unwraps as a signing key.
- Losing the master key loses this key too, as it loses every item: back them up together.
"""

from __future__ import annotations

import io
from contextlib import suppress

from relay.bundle.errors import SIGNING_KEY_INVALID, SealError
from relay.crypto.minisign import KEY_ID_LEN, MinisignPublicKey, SigningKey
from relay.errors import CryptoError, ObjectExists, ObjectNotFound
from relay.keys import MasterKey
from relay.runtime import Runtime
from relay.store import ObjectStore

SIGNING_KEY_OBJECT = "keys/signing-key.v1"
_MAGIC = b"relay-signing-key-v1\n"


def load_or_create_signing_key(rt: Runtime) -> SigningKey:
    """relay's signing key, created (and stored, encrypted) if there is none yet."""
    return _load_or_create(rt.objects, rt.master)


def signing_public_key(rt: Runtime) -> MinisignPublicKey:
    """The public key partners verify bundles with (``minisign -P``); creates the key on first use."""
    return load_or_create_signing_key(rt).public_key()


def _load_or_create(objects: ObjectStore, master: MasterKey) -> SigningKey:
    stored = _load(objects, master)
    if stored is not None:
        return stored
    key = SigningKey.generate()
    # If another process created one first, the put is refused and theirs is the key, read below.
    with suppress(ObjectExists):
        objects.put(SIGNING_KEY_OBJECT, io.BytesIO(_seal(key, master)))
    stored = _load(objects, master)
    if stored is None:  # written a moment ago and gone: fail rather than sign with an unstored key
        raise SealError("the signing key could not be stored", code=SIGNING_KEY_INVALID)
    return stored


def _load(objects: ObjectStore, master: MasterKey) -> SigningKey | None:
    buffer = io.BytesIO()
    try:
        objects.get(SIGNING_KEY_OBJECT, buffer)
    except ObjectNotFound:
        return None
    return _open(buffer.getvalue(), master)


def _label(key_id: bytes) -> str:
    return f"signing-key-{key_id.hex()}"


def _seal(key: SigningKey, master: MasterKey) -> bytes:
    return _MAGIC + key.key_id + master.wrap(key.seed, _label(key.key_id))


def _open(raw: bytes, master: MasterKey) -> SigningKey:
    if not raw.startswith(_MAGIC) or len(raw) <= len(_MAGIC) + KEY_ID_LEN:
        raise SealError("the stored signing key is malformed", code=SIGNING_KEY_INVALID)
    body = raw[len(_MAGIC) :]
    key_id, wrapped = body[:KEY_ID_LEN], body[KEY_ID_LEN:]
    try:
        seed = master.unwrap(wrapped, _label(key_id))
    except CryptoError:
        raise SealError(
            "the stored signing key does not decrypt with this master key", code=SIGNING_KEY_INVALID
        ) from None
    return SigningKey(key_id=key_id, seed=seed)
