"""LocalStore beyond the shared contract: files on disk, atomicity, concurrent writers."""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import pytest

from relay.errors import ObjectExists, StorageError
from relay.store import LocalStore
from relay.store.memory import MemoryStore


def test_files_are_private(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    LocalStore(root).put("items/a/original", io.BytesIO(b"x"))
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE((root / "items" / "a" / "original~obj").stat().st_mode) == 0o600


def test_failed_put_leaves_nothing_behind(tmp_path: Path) -> None:
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buf: object) -> int:
            raise OSError(5, "device went away")

    store = LocalStore(tmp_path)
    with pytest.raises(StorageError) as err:
        store.put("k", Broken())  # type: ignore[arg-type]
    assert "EIO" in str(err.value)
    assert not store.exists("k")
    assert list(store.list()) == []
    assert os.listdir(tmp_path / "~tmp") == []


def test_damaged_header_is_a_checksum_mismatch(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    store.put("k", io.BytesIO(b"payload"))
    path = tmp_path / "k~obj"
    path.write_bytes(b"garbage" + path.read_bytes()[7:])
    with pytest.raises(StorageError) as err:
        store.get("k", io.BytesIO())
    assert err.value.code == "checksum_mismatch"


def test_truncated_object_is_a_checksum_mismatch(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    store.put("k", io.BytesIO(b"payload" * 100))
    path = tmp_path / "k~obj"
    path.write_bytes(path.read_bytes()[:-1])
    with pytest.raises(StorageError) as err:
        store.get("k", io.BytesIO())
    assert err.value.code == "checksum_mismatch"


def test_concurrent_writers_of_one_key_one_wins(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def write(n: int) -> None:
        barrier.wait()
        try:
            store.put("contended", io.BytesIO(f"writer {n}".encode() * 10_000))
            outcomes.append(f"won {n}")
        except ObjectExists:
            outcomes.append("lost")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [o for o in outcomes if o.startswith("won")]
    assert len(winners) == 1 and outcomes.count("lost") == 7
    out = io.BytesIO()
    store.get("contended", out)
    assert out.getvalue() == f"writer {winners[0].split()[1]}".encode() * 10_000


def test_delete_prunes_empty_folders_only(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    store.put("items/a/x", io.BytesIO(b"1"))
    store.put("items/b/y", io.BytesIO(b"2"))
    store.delete("items/a/x")
    assert not (tmp_path / "items" / "a").exists()
    assert (tmp_path / "items" / "b" / "y~obj").exists()


def test_survives_reopening(tmp_path: Path) -> None:
    LocalStore(tmp_path).put("k", io.BytesIO(b"durable"))
    out = io.BytesIO()
    LocalStore(tmp_path).get("k", out)
    assert out.getvalue() == b"durable"


def test_memory_store_refuses_to_run_outside_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    with pytest.raises(RuntimeError, match="test double"):
        MemoryStore()
