"""relay's one error tree.

::

    RelayError                      anything relay raises on purpose (exit status 1)
    ├── InputRejected               the input is not acceptable (exit status 2); ``code`` is stable
    └── ConfigError                 a settings, rules or gazetteer file is missing or broken

Messages say what failed and what to do. They never quote document content: an exception may end up in a
log, a queue message or a dead-letter store, and none of those may hold a name from a letter.
``code`` values are stable strings, safe to store and to match on.
"""

from __future__ import annotations


class RelayError(Exception):
    """Base of every error relay raises on purpose."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InputRejected(RelayError):
    """The input file (or text) cannot be accepted. The command exits with status 2."""

    code = "input_rejected"


class ConfigError(RelayError):
    """A configuration file (settings, detection rules, gazetteers) is missing or invalid."""

    code = "config_invalid"


# Stable codes for rejected input. Kept in one place so that stored states and tests agree.
EMPTY = "empty_file"
TOO_LARGE = "too_large"
UNSUPPORTED_TYPE = "unsupported_type"
TRUNCATED = "truncated"
CORRUPT = "corrupt"
DECOMPRESSION_BOMB = "decompression_bomb"
TOO_MANY_PIXELS = "too_many_pixels"
TOO_MANY_PAGES = "too_many_pages"
POLYGLOT = "polyglot"
PDF_ACTIVE_CONTENT = "pdf_active_content"
PDF_ENCRYPTED = "pdf_encrypted"
BAD_OUTPUT = "bad_output"
BAD_TEXT = "bad_text"


# --- storage and encryption at rest (appended; see relay/store and relay/keys.py) -------------------------


class StorageError(RelayError):
    """The object store failed, or a stored object failed its integrity check.

    Messages name the operation and the object key (an opaque ID), never bucket listings or object bytes.
    """

    code = "storage_failed"


class ObjectExists(StorageError):
    """A put would overwrite an existing object with different content; objects are never overwritten."""

    code = "object_exists"


class ObjectNotFound(StorageError):
    """The object does not exist (never written, or deleted)."""

    code = "object_not_found"


class CryptoError(RelayError):
    """Encrypted data failed authentication, or a key cannot be used. ``code`` says which."""

    code = "crypto_failed"


class KeyDestroyed(CryptoError):
    """The item's data key was destroyed on purpose: its encrypted objects are unreadable for good."""

    code = "key_destroyed"


# Stable storage codes.
CHECKSUM_MISMATCH = "checksum_mismatch"
CHECKSUM_MISSING = "checksum_missing"
INVALID_OBJECT_KEY = "invalid_object_key"
STORAGE_UNAVAILABLE = "storage_unavailable"
STORAGE_DENIED = "storage_denied"
BUCKET_MISSING = "bucket_missing"
WRITE_CONFLICT = "write_conflict"
SOURCE_CHANGED = "source_changed"
# Stable encryption and key codes.
CIPHERTEXT_TAMPERED = "ciphertext_tampered"
CIPHERTEXT_TRUNCATED = "ciphertext_truncated"
CIPHERTEXT_FORMAT = "ciphertext_format"
KEY_MISSING = "key_missing"
KEY_UNWRAP_FAILED = "key_unwrap_failed"
INVALID_ITEM_ID = "invalid_item_id"
# Stable codes for master key problems (raised as ConfigError: the key file is configuration).
MASTER_KEY_MISSING = "master_key_missing"
MASTER_KEY_PERMISSIONS = "master_key_permissions"
MASTER_KEY_INVALID = "master_key_invalid"


# --- age and minisign (appended; see relay/crypto) --------------------------------------------------------
#
#   CryptoError
#   ├── AgeHeaderInvalid          the age header is malformed (syntax, base64, share, stanza rules)
#   │   └── AgeUnsupported        a well-formed file relay does not read: armored, scrypt passphrase
#   ├── AgeHeaderMacMismatch      a file key was unwrapped but the header MAC does not match
#   ├── AgePayloadInvalid         a payload chunk failed authentication, or the stream is cut or extended
#   ├── AgeNoIdentityMatched      none of the given identities can unwrap the file key
#   ├── CryptoKeyInvalid          a key string or key bytes cannot be parsed or used
#   ├── CryptoWriteFailed         the output could not be written (closed, short write, disk full)
#   └── SignatureInvalid          a minisign signature does not verify, or is malformed


class AgeHeaderInvalid(CryptoError):
    """The age header cannot be parsed or breaks a rule of the age v1 format."""

    code = "age_header_invalid"


class AgeUnsupported(AgeHeaderInvalid):
    """The file is valid age but uses a feature relay does not read (ASCII armor, scrypt passphrases)."""

    code = "age_unsupported"


class AgeHeaderMacMismatch(CryptoError):
    """The header MAC does not match: the header was altered after encryption."""

    code = "age_header_mac_mismatch"


class AgePayloadInvalid(CryptoError):
    """A payload chunk failed authentication, or the payload is truncated or has trailing data."""

    code = "age_payload_invalid"


class AgeNoIdentityMatched(CryptoError):
    """No identity given can unwrap the file key: the file was encrypted to someone else."""

    code = "age_no_identity_matched"


class CryptoKeyInvalid(CryptoError):
    """A key (age recipient or identity, minisign key) is malformed or unusable."""

    code = "crypto_key_invalid"


class CryptoWriteFailed(CryptoError):
    """Writing the output failed (closed file, short write, disk full); the output is incomplete."""

    code = "crypto_write_failed"


class SignatureInvalid(CryptoError):
    """A minisign signature does not verify or cannot be parsed. ``code`` says which."""

    code = "signature_invalid"


# Stable age and signature codes (finer than the classes above).
AGE_PAYLOAD_TRUNCATED = "age_payload_truncated"
AGE_PAYLOAD_TRAILING_DATA = "age_payload_trailing_data"
SIGNATURE_MALFORMED = "signature_malformed"
SIGNATURE_KEY_MISMATCH = "signature_key_mismatch"
SIGNATURE_ALGORITHM_UNSUPPORTED = "signature_algorithm_unsupported"


# --- item state in the database (appended; see relay/db) -------------------------------------------------
#
#   RelayError
#   ├── StateError          the item is not in a state that allows this; ``code`` says why
#   ├── ConflictError       a uniqueness rule refused the write because another writer got there first
#   ├── RecordNotFound      no item, user, partner, bundle or finding has that ID
#   └── NotACode            a value the database keeps as a code or identifier is free text (also ValueError)


class StateError(RelayError):
    """The item's state does not allow this: a forbidden transition, a missing second approval, …"""

    code = "state_error"


class ConflictError(RelayError):
    """Another writer got there first (same decision, same bundle item, same name); nothing was written."""

    code = "conflict"


class RecordNotFound(RelayError):
    """There is no item, user, partner, bundle or finding with that ID."""

    code = "not_found"


class NotACode(RelayError, ValueError):
    """A value that is stored as a stable code or identifier is not one, so it was refused.

    The database holds codes, opaque IDs and offsets, never document text; refusing anything that does not
    look like a code keeps a name typed into a reason field from ever reaching a row or a backup.
    """

    code = "not_a_code"


# Stable state and conflict codes.
TRANSITION_FORBIDDEN = "transition_forbidden"
NOT_FAILED = "not_failed"
NOT_AWAITING_REVIEW = "not_awaiting_review"
SECOND_MODERATOR_REQUIRED = "second_moderator_required"
APPROVAL_REQUIRED = "approval_required"
REJECTION_REQUIRED = "rejection_required"
NOT_A_MODERATOR = "not_a_moderator"
REASON_REQUIRED = "reason_required"
NOT_APPROVED = "not_approved"
WRONG_PARTNER = "wrong_partner"
ALREADY_BUNDLED = "already_bundled"
DECISION_EXISTS = "decision_exists"
NAME_TAKEN = "name_taken"
ALREADY_EXISTS = "already_exists"
