"""The master key and per-item data keys.

Every item gets its own random 32-byte data key; everything stored for the item is encrypted with it
(:mod:`relay.store.envelope`). Data keys are kept only wrapped (encrypted) under the master key, with the
item ID as associated data, so a wrapped key moved to another item fails to unwrap. Destroying an item's
wrapped key makes all of the item's objects unreadable, wherever copies of them sit (crypto-shredding).

Honest limits: deleting a wrapped key from a file or database row does not scrub old disk blocks or
backups. Those remnants are useless without the master key; to retire them for good, re-wrap the live
keys under a new master key and destroy the old one.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCMSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from relay.errors import (
    INVALID_ITEM_ID,
    KEY_MISSING,
    KEY_UNWRAP_FAILED,
    MASTER_KEY_INVALID,
    MASTER_KEY_MISSING,
    MASTER_KEY_PERMISSIONS,
    ConfigError,
    CryptoError,
    KeyDestroyed,
)

KEY_BYTES = 32
ITEM_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,127}")
_WRAP_VERSION = b"\x01"
_NONCE_BYTES = 12
_WRAPPED_BYTES = len(_WRAP_VERSION) + _NONCE_BYTES + KEY_BYTES + 16
_WRAP_AAD = b"relay data key v1\x00"


def validate_item_id(item_id: str) -> str:
    """Return ``item_id`` if it is a valid item ID (``[a-z0-9][a-z0-9_-]{0,127}``), else raise CryptoError."""
    if not isinstance(item_id, str) or not ITEM_ID_RE.fullmatch(item_id):
        raise CryptoError("not a valid item ID (expected 1-128 of a-z 0-9 _ -)", code=INVALID_ITEM_ID)
    return item_id


def require_test_run(what: str) -> None:
    """Refuse to go on outside a pytest run: test doubles must never hold real letters."""
    # PYTEST_CURRENT_TEST is set by pytest only while a test (or its fixtures) runs.
    if not os.environ.get("PYTEST_CURRENT_TEST"):
        raise RuntimeError(f"{what} is a test double and runs only under pytest")


class MasterKey:
    """The 32-byte master key. Its repr never shows the bytes."""

    __slots__ = ("_kek",)

    def __init__(self, material: bytes) -> None:
        if len(material) != KEY_BYTES:
            raise ConfigError(f"the master key must be {KEY_BYTES} bytes", code=MASTER_KEY_INVALID)
        # Wrap with a derived key, not the master key itself, so the master key could later serve
        # other purposes under other labels without the two uses ever sharing a key.
        hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"relay key wrapping v1")
        self._kek = AESGCMSIV(hkdf.derive(material))

    def __repr__(self) -> str:
        return "MasterKey(<hidden>)"

    def wrap(self, data_key: bytes, item_id: str) -> bytes:
        """See :func:`wrap_key`."""
        if len(data_key) != KEY_BYTES:
            raise ValueError(f"a data key must be {KEY_BYTES} bytes")
        nonce = secrets.token_bytes(_NONCE_BYTES)
        aad = _WRAP_AAD + validate_item_id(item_id).encode()
        return _WRAP_VERSION + nonce + self._kek.encrypt(nonce, data_key, aad)

    def unwrap(self, wrapped: bytes, item_id: str) -> bytes:
        """See :func:`unwrap_key`."""
        aad = _WRAP_AAD + validate_item_id(item_id).encode()
        if len(wrapped) != _WRAPPED_BYTES or wrapped[:1] != _WRAP_VERSION:
            raise CryptoError("the wrapped data key is malformed", code=KEY_UNWRAP_FAILED)
        nonce, sealed = wrapped[1 : 1 + _NONCE_BYTES], wrapped[1 + _NONCE_BYTES :]
        try:
            return self._kek.decrypt(nonce, sealed, aad)
        except InvalidTag:
            raise CryptoError(
                "the data key does not unwrap: wrong master key, another item's key, or damaged",
                code=KEY_UNWRAP_FAILED,
            ) from None


def new_data_key() -> bytes:
    """A fresh random 32-byte data key."""
    return secrets.token_bytes(KEY_BYTES)


def wrap_key(master: MasterKey, data_key: bytes, item_id: str) -> bytes:
    """Encrypt ``data_key`` under the master key (AES-256-GCM-SIV, random nonce, item ID as AAD)."""
    return master.wrap(data_key, item_id)


def unwrap_key(master: MasterKey, wrapped: bytes, item_id: str) -> bytes:
    """Recover a data key wrapped for ``item_id``; CryptoError ``key_unwrap_failed`` if it is not."""
    return master.unwrap(wrapped, item_id)


def load_master_key(path: Path) -> MasterKey:
    """Read the master key file; ConfigError if it is missing, readable by others or not 32 bytes."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        raise ConfigError(
            f"the master key file {path} does not exist; restore it from backup (or, for a new "
            "embedded install, let relay create it)",
            code=MASTER_KEY_MISSING,
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"the master key file {path} cannot be read ({type(exc).__name__})", code=MASTER_KEY_MISSING
        ) from None
    try:
        # fstat on the open file, so the checks apply to the very file read, not one swapped in after.
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(f"the master key file {path} is not a regular file", code=MASTER_KEY_INVALID)
        if st.st_mode & 0o077:
            raise ConfigError(
                f"the master key file {path} is accessible to group or others; run chmod 600 on it",
                code=MASTER_KEY_PERMISSIONS,
            )
        material = os.read(fd, KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(material) != KEY_BYTES:
        raise ConfigError(
            f"the master key file {path} must hold exactly {KEY_BYTES} bytes", code=MASTER_KEY_INVALID
        )
    return MasterKey(material)


def ensure_master_key(path: Path) -> MasterKey:
    """Load the master key, creating it (mode 0600, folder 0700) if the file does not exist yet.

    For embedded mode's first start. Safe against a concurrent first start: the file appears whole or
    not at all, and the loser of a race loads the winner's key.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _create_exclusive(path, secrets.token_bytes(KEY_BYTES))
    return load_master_key(path)


def _create_exclusive(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` atomically, never replacing an existing file. False if one existed."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # link, unlike rename, fails if the target exists
        except FileExistsError:
            return False
        _fsync_dir(path.parent)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class KeyRing(Protocol):
    """Where items' wrapped data keys live. The database will hold them; this is the seam."""

    def get_or_create(self, item_id: str) -> bytes:
        """The item's data key, created on first use. KeyDestroyed if it was destroyed."""
        ...

    def get(self, item_id: str) -> bytes:
        """The item's data key. KeyDestroyed if destroyed, CryptoError ``key_missing`` if never created."""
        ...

    def destroy(self, item_id: str) -> None:
        """Make the item's data key unrecoverable, for good. Idempotent."""
        ...


class MemoryKeyRing:
    """KeyRing test double: wrapped keys in a dict. Refuses to run outside tests."""

    def __init__(self, master: MasterKey) -> None:
        require_test_run("MemoryKeyRing")
        self._master = master
        self._wrapped: dict[str, bytes] = {}
        self._destroyed: set[str] = set()

    def get_or_create(self, item_id: str) -> bytes:
        """See :meth:`KeyRing.get_or_create`."""
        validate_item_id(item_id)
        if item_id not in self._wrapped and item_id not in self._destroyed:
            self._wrapped[item_id] = self._master.wrap(new_data_key(), item_id)
        return self.get(item_id)

    def get(self, item_id: str) -> bytes:
        """See :meth:`KeyRing.get`."""
        validate_item_id(item_id)
        if item_id in self._destroyed:
            raise KeyDestroyed("the item's data key was destroyed; its objects cannot be read")
        if item_id not in self._wrapped:
            raise CryptoError("the item has no data key", code=KEY_MISSING)
        return self._master.unwrap(self._wrapped[item_id], item_id)

    def destroy(self, item_id: str) -> None:
        """See :meth:`KeyRing.destroy`."""
        validate_item_id(item_id)
        self._destroyed.add(item_id)
        self._wrapped.pop(item_id, None)


class FileKeyRing:
    """KeyRing in a folder: ``<id>.key`` holds the wrapped key, ``<id>.destroyed`` marks a destroyed one.

    The tombstone is written before the key file is removed and is checked first, so a crash midway, or
    a concurrent get_or_create, can never bring a destroyed key back.
    """

    def __init__(self, directory: Path, master: MasterKey) -> None:
        self._dir = directory
        self._master = master
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)

    def get_or_create(self, item_id: str) -> bytes:
        """See :meth:`KeyRing.get_or_create`."""
        validate_item_id(item_id)
        if not self._key_path(item_id).exists() and not self._tomb_path(item_id).exists():
            # If another process wins the race, its key is the one kept; get() reads it.
            _create_exclusive(self._key_path(item_id), self._master.wrap(new_data_key(), item_id))
        return self.get(item_id)

    def get(self, item_id: str) -> bytes:
        """See :meth:`KeyRing.get`."""
        validate_item_id(item_id)
        if self._tomb_path(item_id).exists():
            raise KeyDestroyed("the item's data key was destroyed; its objects cannot be read")
        try:
            wrapped = self._key_path(item_id).read_bytes()
        except FileNotFoundError:
            raise CryptoError("the item has no data key", code=KEY_MISSING) from None
        return self._master.unwrap(wrapped, item_id)

    def destroy(self, item_id: str) -> None:
        """See :meth:`KeyRing.destroy`."""
        validate_item_id(item_id)
        _create_exclusive(self._tomb_path(item_id), b"")
        self._key_path(item_id).unlink(missing_ok=True)
        _fsync_dir(self._dir)

    def _key_path(self, item_id: str) -> Path:
        return self._dir / f"{item_id}.key"

    def _tomb_path(self, item_id: str) -> Path:
        return self._dir / f"{item_id}.destroyed"
