"""relay's signing key: made once, shared through the object store, encrypted at rest."""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from bundle.fixtures import open_runtime
from relay.bundle import SealError
from relay.bundle.signature import sign_bytes
from relay.crypto import MinisignPublicKey, verify_file
from relay.keys import MasterKey
from relay.runtime import Runtime
from relay.signing import SIGNING_KEY_OBJECT, _load_or_create, load_or_create_signing_key, signing_public_key
from relay.store.local import LocalStore


def test_the_key_is_made_once_and_kept(bundle_rt: Runtime) -> None:
    first = load_or_create_signing_key(bundle_rt)
    again = load_or_create_signing_key(bundle_rt)
    assert (first.key_id, first.seed) == (again.key_id, again.seed)
    assert signing_public_key(bundle_rt) == first.public_key()


def test_the_stored_key_is_ciphertext(embedded_rt: Runtime) -> None:
    key = load_or_create_signing_key(embedded_rt)
    stored = io.BytesIO()
    embedded_rt.objects.get(SIGNING_KEY_OBJECT, stored)
    assert key.seed not in stored.getvalue()
    assert key.to_bytes() not in stored.getvalue()


def test_another_master_key_cannot_read_it(embedded_rt: Runtime) -> None:
    load_or_create_signing_key(embedded_rt)
    with pytest.raises(SealError) as caught:
        _load_or_create(embedded_rt.objects, MasterKey(b"\x07" * 32))
    assert caught.value.code == "signing_key_invalid"


def test_a_swapped_key_id_is_refused(tmp_path: Path) -> None:
    """The key ID is bound to the wrapped seed: changing it makes the key unreadable, not a new identity."""
    store, master = LocalStore(tmp_path / "objects", fsync=False), MasterKey(b"\x01" * 32)
    _load_or_create(store, master)
    raw = io.BytesIO()
    store.get(SIGNING_KEY_OBJECT, raw)
    data = bytearray(raw.getvalue())
    data[len(b"relay-signing-key-v1\n")] ^= 0x01
    store.delete(SIGNING_KEY_OBJECT)
    store.put(SIGNING_KEY_OBJECT, io.BytesIO(bytes(data)))
    with pytest.raises(SealError):
        _load_or_create(store, master)


@pytest.mark.parametrize("garbage", [b"", b"relay-signing-key-v1\n", b"not a key at all" * 5])
def test_a_damaged_key_object_is_refused(tmp_path: Path, garbage: bytes) -> None:
    store = LocalStore(tmp_path / "objects", fsync=False)
    store.put(SIGNING_KEY_OBJECT, io.BytesIO(garbage))
    with pytest.raises(SealError):
        _load_or_create(store, MasterKey(b"\x01" * 32))


def test_two_first_runs_racing_end_with_one_key(tmp_path: Path) -> None:
    store, master = LocalStore(tmp_path / "objects", fsync=False), MasterKey(b"\x01" * 32)
    barrier = threading.Barrier(8)
    ids: list[bytes] = []

    def first_run() -> None:
        barrier.wait()
        ids.append(_load_or_create(store, master).key_id)

    threads = [threading.Thread(target=first_run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(ids) == 8 and len(set(ids)) == 1


def test_two_machines_of_one_install_sign_with_the_same_key(
    distributed_env_for_test: dict[str, str], tmp_path: Path
) -> None:
    with (
        open_runtime(tmp_path / "a", distributed_env_for_test) as one,
        open_runtime(tmp_path / "b", distributed_env_for_test) as two,
    ):
        assert signing_public_key(one) == signing_public_key(two)


def test_in_memory_signatures_verify_with_relay_and_minisign(tmp_path: Path, embedded_rt: Runtime) -> None:
    key = load_or_create_signing_key(embedded_rt)
    data = b'{"manifest": true}\n'
    (tmp_path / "m.json").write_bytes(data)
    signature = sign_bytes(data, key, "relay manifest v1 test")
    assert verify_file(tmp_path / "m.json", signature, key.public_key()) == "relay manifest v1 test"
    (tmp_path / "m.json.minisig").write_text(signature)
    (tmp_path / "relay.pub").write_text(key.public_key().to_text())
    minisign = shutil.which("minisign")
    assert minisign is not None
    result = subprocess.run(
        [minisign, "-Vm", str(tmp_path / "m.json"), "-p", str(tmp_path / "relay.pub")],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert MinisignPublicKey.from_text(key.public_key().to_text()) == key.public_key()


@pytest.mark.parametrize("comment", ["two\nlines", "x" * 1001])
def test_bad_trusted_comments_are_refused(embedded_rt: Runtime, comment: str) -> None:
    with pytest.raises(ValueError):
        sign_bytes(b"data", load_or_create_signing_key(embedded_rt), comment)
