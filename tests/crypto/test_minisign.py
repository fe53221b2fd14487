"""minisign-format signatures: the stock ``minisign`` verifies relay's, relay verifies minisign's,
and every alteration fails in both."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from stock_tools import run_tool

from relay.crypto import MinisignPublicKey, SigningKey, sign_file, verify_file
from relay.errors import (
    SIGNATURE_ALGORITHM_UNSUPPORTED,
    SIGNATURE_KEY_MISMATCH,
    SIGNATURE_MALFORMED,
    CryptoKeyInvalid,
    SignatureInvalid,
)

KEY = SigningKey.generate()
COMMENT = "bundle 7f3a partner=ngo-1 items=3 — 편지"


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A 3 MiB file (bigger than the 1 MiB hashing buffer), its signature file and public key file."""
    data = tmp_path / "bundle.tar"
    data.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    signature = tmp_path / "bundle.tar.minisig"
    signature.write_text(sign_file(data, KEY, COMMENT))
    public = tmp_path / "minisign.pub"
    public.write_text(KEY.public_key().to_text())
    return data, signature, public


def minisign_verifies(data: Path, signature: Path, public: Path) -> bool:
    return run_tool("minisign", "-V", "-m", data, "-x", signature, "-p", public).returncode == 0


def test_stock_minisign_verifies_relay_signature(signed: tuple[Path, Path, Path]) -> None:
    data, signature, public = signed
    by_file = run_tool("minisign", "-V", "-m", data, "-x", signature, "-p", public)
    assert by_file.returncode == 0, by_file.stderr
    assert f"Trusted comment: {COMMENT}" in by_file.stdout.decode()
    by_line = run_tool("minisign", "-V", "-m", data, "-x", signature, "-P", KEY.public_key().to_line())
    assert by_line.returncode == 0, by_line.stderr
    assert verify_file(data, signature.read_text(), KEY.public_key()) == COMMENT


def test_tampered_file_fails_in_both(signed: tuple[Path, Path, Path]) -> None:
    data, signature, public = signed
    contents = bytearray(data.read_bytes())
    contents[len(contents) // 2] ^= 1
    data.write_bytes(contents)
    with pytest.raises(SignatureInvalid) as raised:
        verify_file(data, signature.read_text(), KEY.public_key())
    assert raised.value.code == "signature_invalid"
    assert not minisign_verifies(data, signature, public)


def test_tampered_trusted_comment_fails_in_both(signed: tuple[Path, Path, Path]) -> None:
    data, signature, public = signed
    signature.write_text(signature.read_text().replace("items=3", "items=4"))
    with pytest.raises(SignatureInvalid, match="trusted comment"):
        verify_file(data, signature.read_text(), KEY.public_key())
    assert not minisign_verifies(data, signature, public)


@pytest.mark.parametrize("line", [1, 3])
def test_tampered_signature_bytes_fail_in_both(signed: tuple[Path, Path, Path], line: int) -> None:
    data, signature, public = signed
    lines = signature.read_text().splitlines()
    raw = bytearray(base64.b64decode(lines[line]))
    raw[-5] ^= 0x40  # inside the Ed25519 signature, not the algorithm or key id
    lines[line] = base64.b64encode(raw).decode()
    signature.write_text("\n".join(lines) + "\n")
    with pytest.raises(SignatureInvalid):
        verify_file(data, signature.read_text(), KEY.public_key())
    assert not minisign_verifies(data, signature, public)


def test_untrusted_comment_is_not_authenticated(signed: tuple[Path, Path, Path]) -> None:
    data, signature, public = signed
    lines = signature.read_text().splitlines()
    lines[0] = "untrusted comment: anything at all"
    signature.write_text("\n".join(lines) + "\n")
    assert verify_file(data, signature.read_text(), KEY.public_key()) == COMMENT
    assert minisign_verifies(data, signature, public)


def test_another_key_is_a_key_mismatch_in_both(signed: tuple[Path, Path, Path], tmp_path: Path) -> None:
    data, signature, _ = signed
    other = SigningKey.generate().public_key()
    with pytest.raises(SignatureInvalid) as raised:
        verify_file(data, signature.read_text(), other)
    assert raised.value.code == SIGNATURE_KEY_MISMATCH
    (tmp_path / "other.pub").write_text(other.to_text())
    assert not minisign_verifies(data, signature, tmp_path / "other.pub")


def test_same_key_id_but_different_key_fails(signed: tuple[Path, Path, Path]) -> None:
    data, signature, _ = signed
    impostor = SigningKey(key_id=KEY.key_id, seed=os.urandom(32)).public_key()
    with pytest.raises(SignatureInvalid) as raised:
        verify_file(data, signature.read_text(), impostor)
    assert raised.value.code == "signature_invalid"


def test_minisign_generated_key_and_signature_verify_in_relay(tmp_path: Path) -> None:
    generated = run_tool("minisign", "-G", "-W", "-p", tmp_path / "cli.pub", "-s", tmp_path / "cli.key")
    assert generated.returncode == 0, generated.stderr
    data = tmp_path / "letter.pdf"
    data.write_bytes(os.urandom(200_000))
    signed = run_tool("minisign", "-S", "-s", tmp_path / "cli.key", "-m", data, "-t", "from the CLI")
    assert signed.returncode == 0, signed.stderr
    public_text = (tmp_path / "cli.pub").read_text()
    public = MinisignPublicKey.from_text(public_text)
    assert public_text.splitlines()[0] == f"untrusted comment: minisign public key {public.key_id_hex}"
    assert MinisignPublicKey.from_text(public_text.splitlines()[1]) == public
    signature_text = (tmp_path / "letter.pdf.minisig").read_text()
    assert verify_file(data, signature_text, public) == "from the CLI"
    data.write_bytes(data.read_bytes() + b"\x00")
    with pytest.raises(SignatureInvalid):
        verify_file(data, signature_text, public)


def test_legacy_non_prehashed_signature_is_refused(tmp_path: Path) -> None:
    run_tool("minisign", "-G", "-W", "-p", tmp_path / "cli.pub", "-s", tmp_path / "cli.key")
    data = tmp_path / "letter"
    data.write_bytes(b"letter")
    legacy = run_tool("minisign", "-S", "-l", "-s", tmp_path / "cli.key", "-m", data)
    assert legacy.returncode == 0, legacy.stderr
    public = MinisignPublicKey.from_text((tmp_path / "cli.pub").read_text())
    with pytest.raises(SignatureInvalid) as raised:
        verify_file(data, (tmp_path / "letter.minisig").read_text(), public)
    assert raised.value.code == SIGNATURE_ALGORITHM_UNSUPPORTED


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: "",
        lambda t: t.replace("untrusted comment: ", "comment: ", 1),
        lambda t: t.replace("\ntrusted comment: ", "\ntrusted: ", 1),
        lambda t: "\n".join(t.splitlines()[:3]),
        lambda t: t.replace("=\n", "!\n", 1),
        lambda t: t + "extra line\n",
    ],
)
def test_malformed_signature_files(signed: tuple[Path, Path, Path], mangle: Callable[[str], str]) -> None:
    data, signature, _ = signed
    with pytest.raises(SignatureInvalid) as raised:
        verify_file(data, mangle(signature.read_text()), KEY.public_key())
    assert raised.value.code == SIGNATURE_MALFORMED


def test_signing_key_storage_round_trip_and_repr() -> None:
    stored = KEY.to_bytes()
    assert len(stored) == 42
    restored = SigningKey.from_bytes(stored)
    assert restored.public_key() == KEY.public_key()
    assert KEY.seed.hex() not in repr(KEY) and KEY.public_key().key_id_hex in repr(KEY)
    with pytest.raises(CryptoKeyInvalid):
        SigningKey.from_bytes(stored[:-1])


def test_public_key_text_round_trip() -> None:
    public = KEY.public_key()
    assert MinisignPublicKey.from_text(public.to_text()) == public
    assert MinisignPublicKey.from_text(public.to_line()) == public
    with pytest.raises(CryptoKeyInvalid):
        MinisignPublicKey.from_text("untrusted comment: x\nnot base64!\n")


@pytest.mark.parametrize("comment", ["two\nlines", "carriage\rreturn", "x" * 1001])
def test_trusted_comment_must_be_one_short_line(tmp_path: Path, comment: str) -> None:
    (tmp_path / "f").write_bytes(b"x")
    with pytest.raises(ValueError):
        sign_file(tmp_path / "f", KEY, comment)


def test_key_id_is_printed_like_minisign_without_leading_zeros() -> None:
    # minisign prints the little-endian key id with %PRIX64: no zero padding.
    key = SigningKey(key_id=bytes([0xAB, 0x01, 0, 0, 0, 0, 0, 0]), seed=os.urandom(32)).public_key()
    assert key.key_id_hex == "1AB"
