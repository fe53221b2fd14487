"""The master key file, data key wrapping, and the KeyRing contract (memory double and file-backed)."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from relay.errors import ConfigError, CryptoError, KeyDestroyed
from relay.keys import (
    FileKeyRing,
    KeyRing,
    MasterKey,
    MemoryKeyRing,
    ensure_master_key,
    load_master_key,
    new_data_key,
    unwrap_key,
    wrap_key,
)


class TestMasterKeyFile:
    def test_created_private_on_first_use_then_reused(self, tmp_path: Path) -> None:
        path = tmp_path / "home" / "keys" / "master.key"
        first = ensure_master_key(path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert len(path.read_bytes()) == 32
        assert [p.name for p in path.parent.iterdir()] == ["master.key"]  # no temporary file left
        wrapped = wrap_key(first, b"k" * 32, "item1")
        assert unwrap_key(ensure_master_key(path), wrapped, "item1") == b"k" * 32
        assert unwrap_key(load_master_key(path), wrapped, "item1") == b"k" * 32

    def test_missing_file_is_not_created_by_load(self, tmp_path: Path) -> None:
        with pytest.raises(ConfigError) as err:
            load_master_key(tmp_path / "master.key")
        assert err.value.code == "master_key_missing"
        assert not (tmp_path / "master.key").exists()

    @pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o601])
    def test_group_or_other_access_is_refused(self, tmp_path: Path, mode: int) -> None:
        path = tmp_path / "master.key"
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(mode)
        for load in (load_master_key, ensure_master_key):
            with pytest.raises(ConfigError) as err:
                load(path)
            assert err.value.code == "master_key_permissions"
            assert "chmod 600" in str(err.value)
        assert stat.S_IMODE(path.stat().st_mode) == mode  # reported, never silently "fixed"

    @pytest.mark.parametrize("size", [0, 16, 31, 33, 64])
    def test_wrong_length_is_refused(self, tmp_path: Path, size: int) -> None:
        path = tmp_path / "master.key"
        path.write_bytes(b"\x01" * size)
        path.chmod(0o600)
        with pytest.raises(ConfigError) as err:
            load_master_key(path)
        assert err.value.code == "master_key_invalid"

    def test_a_folder_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "master.key").mkdir(mode=0o700)
        with pytest.raises(ConfigError) as err:
            load_master_key(tmp_path / "master.key")
        assert err.value.code in ("master_key_invalid", "master_key_missing")

    def test_repr_hides_the_key(self) -> None:
        material = b"\xaa" * 32
        assert "aa" not in repr(MasterKey(material)).lower()


class TestWrapping:
    def test_round_trip_and_randomised(self, master_key: MasterKey) -> None:
        key = new_data_key()
        one, two = wrap_key(master_key, key, "item-1"), wrap_key(master_key, key, "item-1")
        assert one != two and key not in one
        assert unwrap_key(master_key, one, "item-1") == key == unwrap_key(master_key, two, "item-1")

    def test_cannot_be_swapped_between_items(self, master_key: MasterKey) -> None:
        wrapped = wrap_key(master_key, new_data_key(), "item-1")
        with pytest.raises(CryptoError) as err:
            unwrap_key(master_key, wrapped, "item-2")
        assert err.value.code == "key_unwrap_failed"

    def test_wrong_master_or_damage_is_refused(self, master_key: MasterKey) -> None:
        wrapped = wrap_key(master_key, new_data_key(), "item-1")
        with pytest.raises(CryptoError):
            unwrap_key(MasterKey(secrets.token_bytes(32)), wrapped, "item-1")
        for i in range(len(wrapped)):
            damaged = bytearray(wrapped)
            damaged[i] ^= 0x80
            with pytest.raises(CryptoError):
                unwrap_key(master_key, bytes(damaged), "item-1")
        for bad in (wrapped[:-1], wrapped + b"\x00", b""):
            with pytest.raises(CryptoError):
                unwrap_key(master_key, bad, "item-1")

    @pytest.mark.parametrize("item_id", ["", "Item", "a/b", "../x", "a b", "x" * 129, "김"])
    def test_bad_item_ids(self, master_key: MasterKey, item_id: str) -> None:
        with pytest.raises(CryptoError) as err:
            wrap_key(master_key, new_data_key(), item_id)
        assert err.value.code == "invalid_item_id"


KeyRingFactory = Callable[[MasterKey], KeyRing]


@pytest.fixture(params=["memory", "file"])
def make_ring(request: pytest.FixtureRequest, tmp_path: Path) -> KeyRingFactory:
    if request.param == "memory":
        return MemoryKeyRing
    return lambda master: FileKeyRing(tmp_path / "keyring", master)


class TestKeyRingContract:
    def test_get_or_create_is_stable_and_per_item(
        self, make_ring: KeyRingFactory, master_key: MasterKey
    ) -> None:
        ring = make_ring(master_key)
        a = ring.get_or_create("a")
        assert len(a) == 32
        assert ring.get_or_create("a") == a == ring.get("a")
        assert ring.get_or_create("b") != a

    def test_unknown_item(self, make_ring: KeyRingFactory, master_key: MasterKey) -> None:
        with pytest.raises(CryptoError) as err:
            make_ring(master_key).get("never")
        assert err.value.code == "key_missing"

    def test_destroy_is_final(self, make_ring: KeyRingFactory, master_key: MasterKey) -> None:
        ring = make_ring(master_key)
        ring.get_or_create("a")
        keep = ring.get_or_create("b")
        ring.destroy("a")
        ring.destroy("a")  # idempotent
        for call in (ring.get, ring.get_or_create):
            with pytest.raises(KeyDestroyed) as err:
                call("a")
            assert err.value.code == "key_destroyed"
        assert ring.get("b") == keep
        ring.destroy("never-created")
        with pytest.raises(KeyDestroyed):
            ring.get_or_create("never-created")


def test_file_keyring_persists_and_forgets(tmp_path: Path, master_key: MasterKey) -> None:
    ring = FileKeyRing(tmp_path, master_key)
    key = ring.get_or_create("item-1")
    assert FileKeyRing(tmp_path, master_key).get("item-1") == key
    assert key not in (tmp_path / "item-1.key").read_bytes()
    assert stat.S_IMODE((tmp_path / "item-1.key").stat().st_mode) == 0o600
    ring.destroy("item-1")
    assert not (tmp_path / "item-1.key").exists()
    with pytest.raises(KeyDestroyed):
        FileKeyRing(tmp_path, master_key).get("item-1")


def test_file_keyring_with_another_master_key_cannot_unwrap(tmp_path: Path, master_key: MasterKey) -> None:
    FileKeyRing(tmp_path, master_key).get_or_create("item-1")
    with pytest.raises(CryptoError) as err:
        FileKeyRing(tmp_path, MasterKey(os.urandom(32))).get("item-1")
    assert err.value.code == "key_unwrap_failed"


def test_memory_keyring_refuses_to_run_outside_tests(
    monkeypatch: pytest.MonkeyPatch, master_key: MasterKey
) -> None:
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    with pytest.raises(RuntimeError, match="test double"):
        MemoryKeyRing(master_key)
