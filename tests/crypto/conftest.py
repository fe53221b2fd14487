"""Fixtures for the crypto tests: a fresh age identity, and the same identity as an age key file."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.crypto import X25519Identity


@pytest.fixture
def identity() -> X25519Identity:
    return X25519Identity.generate()


@pytest.fixture
def key_file(tmp_path: Path, identity: X25519Identity) -> Path:
    """``identity`` written as an age identity file, readable by ``age -d -i``."""
    path = tmp_path / "key.txt"
    path.write_text(f"# relay test key\n{identity.to_string()}\n")
    path.chmod(0o600)
    return path
