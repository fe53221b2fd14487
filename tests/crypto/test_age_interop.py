"""relay and the stock ``age`` tools read each other's files and keys, at the sizes that matter."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from stock_tools import run_tool

from relay.crypto import X25519Identity, X25519Recipient, decrypt_file, encrypt_file, parse_identity_file

KiB = 1024
SIZES = [0, 1, 64 * KiB - 1, 64 * KiB, 64 * KiB + 1, 2 * 64 * KiB, 3 * 1024 * KiB + 12_345]


@pytest.mark.parametrize("size", SIZES)
def test_age_decrypts_what_relay_encrypts(
    tmp_path: Path, size: int, identity: X25519Identity, key_file: Path
) -> None:
    plain = os.urandom(size)
    (tmp_path / "plain").write_bytes(plain)
    encrypt_file(tmp_path / "plain", tmp_path / "sealed.age", [identity.recipient()])
    result = run_tool("age", "-d", "-i", key_file, tmp_path / "sealed.age")
    assert result.returncode == 0, result.stderr
    assert result.stdout == plain


@pytest.mark.parametrize("size", SIZES)
def test_relay_decrypts_what_age_encrypts(tmp_path: Path, size: int, identity: X25519Identity) -> None:
    plain = os.urandom(size)
    (tmp_path / "plain").write_bytes(plain)
    recipient = str(identity.recipient())
    result = run_tool("age", "-r", recipient, "-o", tmp_path / "sealed.age", tmp_path / "plain")
    assert result.returncode == 0, result.stderr
    decrypt_file(tmp_path / "sealed.age", tmp_path / "out", [identity])
    assert (tmp_path / "out").read_bytes() == plain


def test_multiple_recipients_each_decrypt_relay_output(tmp_path: Path) -> None:
    identities = [X25519Identity.generate() for _ in range(3)]
    plain = os.urandom(100_000)
    (tmp_path / "plain").write_bytes(plain)
    encrypt_file(tmp_path / "plain", tmp_path / "sealed.age", [i.recipient() for i in identities])
    for n, identity in enumerate(identities):
        key = tmp_path / f"key{n}.txt"
        key.write_text(identity.to_string() + "\n")
        result = run_tool("age", "-d", "-i", key, tmp_path / "sealed.age")
        assert result.returncode == 0, result.stderr
        assert result.stdout == plain
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(X25519Identity.generate().to_string() + "\n")
    assert run_tool("age", "-d", "-i", stranger, tmp_path / "sealed.age").returncode != 0


def test_relay_decrypts_age_output_for_multiple_recipients_with_any_one_key(tmp_path: Path) -> None:
    identities = [X25519Identity.generate() for _ in range(3)]
    plain = os.urandom(70_000)
    (tmp_path / "plain").write_bytes(plain)
    recipient_args = [arg for i in identities for arg in ("-r", str(i.recipient()))]
    result = run_tool("age", *recipient_args, "-o", tmp_path / "sealed.age", tmp_path / "plain")
    assert result.returncode == 0, result.stderr
    for n, identity in enumerate(identities):
        decrypt_file(tmp_path / "sealed.age", tmp_path / f"out{n}", [X25519Identity.generate(), identity])
        assert (tmp_path / f"out{n}").read_bytes() == plain


def test_age_keygen_keys_work_in_relay(tmp_path: Path) -> None:
    result = run_tool("age-keygen", "-o", tmp_path / "key.txt")
    assert result.returncode == 0, result.stderr
    (identity,) = parse_identity_file((tmp_path / "key.txt").read_text())
    printed = run_tool("age-keygen", "-y", tmp_path / "key.txt").stdout.decode().strip()
    assert str(identity.recipient()) == printed
    assert X25519Recipient.from_string(printed) == identity.recipient()
    plain = os.urandom(5000)
    (tmp_path / "plain").write_bytes(plain)
    assert run_tool("age", "-r", printed, "-o", tmp_path / "sealed.age", tmp_path / "plain").returncode == 0
    decrypt_file(tmp_path / "sealed.age", tmp_path / "out", [identity])
    assert (tmp_path / "out").read_bytes() == plain


def test_relay_keys_work_in_age_keygen(tmp_path: Path, identity: X25519Identity, key_file: Path) -> None:
    printed = run_tool("age-keygen", "-y", key_file)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.decode().strip() == str(identity.recipient())
