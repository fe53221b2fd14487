"""The database as the :class:`relay.keys.KeyRing`: items' data keys, wrapped, in ``items.wrapped_key``.

Each call runs in its own short transaction (the KeyRing port has no session). A destroyed key stays
destroyed: ``key_destroyed_at`` is checked before anything else and a new key is only ever written where
none was, so neither a crash nor a concurrent get_or_create can bring one back.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from relay.db.models import Item
from relay.db.repo import destroy_key
from relay.errors import KEY_MISSING, CryptoError, KeyDestroyed
from relay.keys import MasterKey, new_data_key, validate_item_id


class DbKeyRing:
    """KeyRing over the items table. Keys exist only for items that have a row."""

    def __init__(self, sessions: sessionmaker[Session], master: MasterKey) -> None:
        self._sessions = sessions
        self._master = master

    def get_or_create(self, item_id: str) -> bytes:
        """See :meth:`relay.keys.KeyRing.get_or_create`."""
        validate_item_id(item_id)
        with self._sessions.begin() as session:
            wrapped = self._master.wrap(new_data_key(), item_id)
            session.execute(
                update(Item)
                .where(Item.id == item_id, Item.wrapped_key.is_(None), Item.key_destroyed_at.is_(None))
                .values(wrapped_key=wrapped)
            )
        return self.get(item_id)

    def get(self, item_id: str) -> bytes:
        """See :meth:`relay.keys.KeyRing.get`."""
        validate_item_id(item_id)
        with self._sessions() as session:
            row = session.execute(
                select(Item.wrapped_key, Item.key_destroyed_at).where(Item.id == item_id)
            ).one_or_none()
        if row is not None and row.key_destroyed_at is not None:
            raise KeyDestroyed("the item's data key was destroyed; its objects cannot be read")
        if row is None or row.wrapped_key is None:
            raise CryptoError("the item has no data key", code=KEY_MISSING)
        return self._master.unwrap(row.wrapped_key, item_id)

    def destroy(self, item_id: str) -> None:
        """See :meth:`relay.keys.KeyRing.destroy`. An item with no row has no key to destroy."""
        validate_item_id(item_id)
        with self._sessions.begin() as session:
            exists = session.scalar(select(Item.id).where(Item.id == item_id))
            if exists is not None:
                destroy_key(session, item_id, actor="keyring")
