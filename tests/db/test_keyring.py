"""The KeyRing contract over the items table: keys wrapped, per item, destroyed for good."""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import select, update

from db.fixtures import Database, new_item
from relay.db import DbKeyRing, Item
from relay.errors import CryptoError, KeyDestroyed
from relay.keys import MasterKey, wrap_key


@pytest.fixture
def master() -> MasterKey:
    return MasterKey(secrets.token_bytes(32))


def _clear_key(db: Database, item_id: str) -> None:
    with db.sessions.begin() as session:
        session.execute(update(Item).where(Item.id == item_id).values(wrapped_key=None))


def test_get_or_create_makes_one_key_and_keeps_it(db: Database, master: MasterKey) -> None:
    ring = DbKeyRing(db.sessions, master)
    item_id = new_item(db.sessions)
    _clear_key(db, item_id)
    key = ring.get_or_create(item_id)
    assert len(key) == 32
    assert ring.get_or_create(item_id) == key and ring.get(item_id) == key
    with db.sessions() as session:
        wrapped = session.scalar(select(Item.wrapped_key).where(Item.id == item_id))
    assert wrapped is not None and key not in wrapped  # only the wrapped form is stored


def test_a_key_written_at_intake_is_read_back(db: Database, master: MasterKey) -> None:
    item_id = new_item(db.sessions)
    data_key = secrets.token_bytes(32)
    with db.sessions.begin() as session:
        session.execute(
            update(Item).where(Item.id == item_id).values(wrapped_key=wrap_key(master, data_key, item_id))
        )
    assert DbKeyRing(db.sessions, master).get(item_id) == data_key


def test_destroyed_keys_stay_destroyed(db: Database, master: MasterKey) -> None:
    ring = DbKeyRing(db.sessions, master)
    item_id = new_item(db.sessions)
    _clear_key(db, item_id)
    ring.get_or_create(item_id)
    ring.destroy(item_id)
    ring.destroy(item_id)  # idempotent
    for call in (ring.get, ring.get_or_create):
        with pytest.raises(KeyDestroyed):
            call(item_id)
    with db.sessions() as session:
        assert session.scalar(select(Item.wrapped_key).where(Item.id == item_id)) is None


def test_missing_keys_and_items(db: Database, master: MasterKey) -> None:
    ring = DbKeyRing(db.sessions, master)
    item_id = new_item(db.sessions)
    _clear_key(db, item_id)
    with pytest.raises(CryptoError) as err:
        ring.get(item_id)
    assert err.value.code == "key_missing"
    with pytest.raises(CryptoError) as err:
        ring.get_or_create("itm_" + "q" * 26)
    assert err.value.code == "key_missing"


def test_another_master_key_cannot_unwrap(db: Database, master: MasterKey) -> None:
    item_id = new_item(db.sessions)
    _clear_key(db, item_id)
    DbKeyRing(db.sessions, master).get_or_create(item_id)
    with pytest.raises(CryptoError) as err:
        DbKeyRing(db.sessions, MasterKey(secrets.token_bytes(32))).get(item_id)
    assert err.value.code == "key_unwrap_failed"
