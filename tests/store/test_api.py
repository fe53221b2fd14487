"""The public surface of relay.store, pinned: a change here should be a decision, not an accident."""

from __future__ import annotations

from pathlib import Path

import relay.store
from relay.settings import load_settings


def test_store_public_api() -> None:
    assert sorted(relay.store.__all__) == [
        "LocalStore",
        "ObjectStore",
        "PutResult",
        "S3Store",
        "SealedObject",
        "SealedStore",
        "item_object_key",
        "make_s3_client",
        "open_object_store",
        "validate_key",
    ]
    assert "MemoryStore" not in dir(relay.store)  # the test double is imported from relay.store.memory


def test_open_object_store_for_a_folder(tmp_path: Path) -> None:
    store = relay.store.open_object_store(load_settings({"RELAY_HOME": str(tmp_path)}).storage)
    assert isinstance(store, relay.store.LocalStore)
    assert (tmp_path / "objects").is_dir()
