"""The Community Cryptography Test Vectors for age (C2SP/CCTV), every file, table-driven.

Each vector says what a decryptor must do: succeed and release plaintext with a given SHA-256, or fail
in a given way. Vectors for features relay deliberately does not read are skipped explicitly, and a
separate test checks that relay refuses those files rather than misreading them:

- armored (ASCII armor; relay reads and writes binary age only),
- scrypt (no X25519 identity, only a passphrase),
- post-quantum hybrid (only ``AGE-SECRET-KEY-PQ-1…`` identities).

A vector that carries an X25519 identity besides a passphrase or hybrid key is run with the X25519
identity alone (``scrypt_and_x25519``, ``hybrid_x25519_arg``): its expected failure is decided by
rules relay does implement.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from relay.crypto import X25519Identity, decrypt_stream
from relay.errors import (
    AgeHeaderInvalid,
    AgeHeaderMacMismatch,
    AgeNoIdentityMatched,
    AgePayloadInvalid,
    AgeUnsupported,
    CryptoError,
)

VECTORS = Path(__file__).parent.parent / "data" / "age-cctv" / "testdata"

EXPECTED_ERROR: dict[str, type[CryptoError]] = {
    "header failure": AgeHeaderInvalid,
    "HMAC failure": AgeHeaderMacMismatch,
    "payload failure": AgePayloadInvalid,
    "no match": AgeNoIdentityMatched,
}

ARMORED = "armored (relay reads binary age only)"
SCRYPT = "scrypt passphrase (relay has X25519 identities only)"
HYBRID = "post-quantum hybrid identity (not implemented)"


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    payload_sha256: str | None
    identities: tuple[str, ...]
    passphrases: tuple[str, ...]
    armored: bool
    age_file: bytes

    @property
    def x25519_identities(self) -> list[X25519Identity]:
        return [X25519Identity.from_string(i) for i in self.identities if i.startswith("AGE-SECRET-KEY-1")]

    @property
    def skip_reason(self) -> str | None:
        if self.armored:
            return ARMORED
        if self.x25519_identities or not (self.passphrases or self.identities):
            return None
        return SCRYPT if self.passphrases else HYBRID


def load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, age_file = raw.split(b"\n\n", 1)
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, value = line.split(": ", 1)
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        age_file = zlib.decompress(age_file)
    return Vector(
        name=path.name,
        expect=fields["expect"][0],
        payload_sha256=fields.get("payload", [None])[0],
        identities=tuple(fields.get("identity", [])),
        passphrases=tuple(fields.get("passphrase", [])),
        armored=fields.get("armored") == ["yes"],
        age_file=age_file,
    )


ALL = [load(path) for path in sorted(VECTORS.iterdir())]
RUNNABLE = [v for v in ALL if v.skip_reason is None]
SKIPPED = [v for v in ALL if v.skip_reason is not None]


def decrypt(vector: Vector, identities: list[X25519Identity]) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(vector.age_file), out, identities)
    return out.getvalue()


# Vectors for features relay does not offer (armor, scrypt, post-quantum) are listed explicitly below and
# checked to be refused, rather than skipped.
@pytest.mark.parametrize("vector", RUNNABLE, ids=[v.name for v in RUNNABLE])
def test_vector(vector: Vector) -> None:
    # A vector without any key (``empty``) must fail before keys matter; any identity will do.
    identities = vector.x25519_identities or [X25519Identity.generate()]
    if vector.expect == "success":
        plaintext = decrypt(vector, identities)
        assert hashlib.sha256(plaintext).hexdigest() == vector.payload_sha256
    else:
        out = io.BytesIO()
        with pytest.raises(EXPECTED_ERROR[vector.expect]) as raised:
            decrypt_stream(io.BytesIO(vector.age_file), out, identities)
        # Only the payload stage may release (authenticated) plaintext before failing.
        if not isinstance(raised.value, AgePayloadInvalid):
            assert out.getvalue() == b""


def test_the_table_covers_every_vector_and_skips_only_the_listed_kinds() -> None:
    reasons = [v.skip_reason for v in SKIPPED]
    assert len(ALL) == 143
    assert {r: reasons.count(r) for r in set(reasons)} == {ARMORED: 33, SCRYPT: 24, HYBRID: 17}
    assert len(RUNNABLE) == 69
    expectations = [v.expect for v in RUNNABLE]
    assert {e: expectations.count(e) for e in set(expectations)} == {
        "success": 14,
        "header failure": 33,
        "HMAC failure": 1,
        "payload failure": 18,
        "no match": 3,
    }


def test_no_match_vector_reports_no_match() -> None:
    vector = next(v for v in ALL if v.name == "x25519_no_match")
    with pytest.raises(AgeNoIdentityMatched) as raised:
        decrypt(vector, vector.x25519_identities)
    assert raised.value.code == "age_no_identity_matched"


@pytest.mark.parametrize("vector", SKIPPED, ids=[v.name for v in SKIPPED])
def test_skipped_vectors_are_refused_not_misread(vector: Vector) -> None:
    """Files relay cannot read fail with a clear error; none yields plaintext."""
    stranger = X25519Identity.generate()
    with pytest.raises(CryptoError) as raised:
        decrypt(vector, [stranger, *vector.x25519_identities])
    error = raised.value
    assert isinstance(error, AgeHeaderInvalid | AgeNoIdentityMatched)
    if vector.armored and vector.age_file.lstrip().startswith(b"-----BEGIN AGE ENCRYPTED FILE-----"):
        assert isinstance(error, AgeUnsupported)
    if vector.name == "scrypt":
        assert isinstance(error, AgeUnsupported)
    if vector.name == "scrypt_double":
        # Two scrypt stanzas break the "scrypt stanza alone" rule, which relay enforces.
        assert type(error) is AgeHeaderInvalid
