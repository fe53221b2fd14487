"""Small helpers the repository modules share: loading with a lock, inserting under a unique rule."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from relay.db.models import Base, Item, User
from relay.errors import ConflictError, RecordNotFound

RowT = TypeVar("RowT", bound=Base)


def load(session: Session, model: type[RowT], key: object, *, lock: bool = False) -> RowT:
    """The row with primary key ``key``, fresh from the database; RecordNotFound if there is none.

    With ``lock`` the row is locked until the transaction ends (``FOR UPDATE`` on PostgreSQL; on SQLite
    the ``BEGIN IMMEDIATE`` write lock already serialises writers), so read-check-write sequences on it
    cannot interleave with another transaction's.
    """
    query = (
        select(model).where(model.__mapper__.primary_key[0] == key).execution_options(populate_existing=True)
    )
    row = session.scalars(query.with_for_update() if lock else query).one_or_none()
    if row is None:
        raise RecordNotFound(f"there is no {model.__tablename__[:-1]} with that ID")
    return row


def load_item(session: Session, item_id: str, *, lock: bool = False) -> Item:
    """The item; RecordNotFound if there is none."""
    return load(session, Item, item_id, lock=lock)


def load_user(session: Session, user_id: str) -> User:
    """The user; RecordNotFound if there is none."""
    return load(session, User, user_id)


def insert_unique(session: Session, row: Base, *, code: str, message: str) -> None:
    """Insert ``row``; if a unique constraint refuses it, raise ConflictError ``code`` instead.

    The insert runs in a savepoint, so the refusal leaves the caller's transaction usable (PostgreSQL
    would otherwise abort it). Under a race the second writer waits for the first to commit, then is
    refused here: the constraint, not a check before the insert, decides who wins.
    """
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        raise ConflictError(message, code=code) from None
