"""Column types shared by the models and kept identical on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, Enum, String
from sqlalchemy.types import TypeDecorator

from relay.db.ids import ID_LENGTH


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that goes in and comes out as an aware UTC datetime, on both databases.

    PostgreSQL keeps it as ``timestamptz``. SQLite has no time zones, so the value is stored as naive UTC
    text; storing every value in the same zone and format keeps SQL comparisons (``state_changed_at <
    :cutoff``) right. Naive datetimes are refused: a local time taken for UTC would shift every deadline.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("a naive datetime was given; relay stores aware UTC timestamps only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def enum_type(enum_class: type[StrEnum], name: str, length: int = 32) -> Enum:
    """A string column limited to ``enum_class``'s values by a CHECK constraint named ``name``.

    Not a native PostgreSQL ENUM: adding a value to a CHECK constraint is an ordinary migration on both
    databases, while ``ALTER TYPE … ADD VALUE`` cannot run inside a transaction. The values (not the
    Python names) are stored, so the database reads the same as the JSON and the audit log.
    """
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=length,
        validate_strings=True,
        values_callable=_values,
    )


def _values(enum_class: Any) -> list[str]:
    return [member.value for member in enum_class]


def id_type() -> String:
    """An opaque ID column (see :mod:`relay.db.ids`)."""
    return String(ID_LENGTH)
