"""Opaque random IDs for the rows people and messages refer to.

An ID is a short prefix naming what it is, an underscore, and 26 lowercase base32 characters: 128 random
bits, e.g. ``itm_3q7tbm2cxk5rj4ydpsa6wzlh7e``. IDs are never derived from content (a hash of a letter
would let anyone holding a copy confirm it was relayed), fit :func:`relay.keys.validate_item_id` and
object-store keys, and are safe to log and to put in queue messages.
"""

from __future__ import annotations

import base64
import re
import secrets
from typing import Final

from relay.errors import NotACode

ITEM: Final = "itm"
USER: Final = "usr"
PARTNER: Final = "ptn"
BUNDLE: Final = "bdl"
ID_LENGTH: Final = 30  # prefix (3) + "_" + 26
_ID_RE = re.compile(r"(itm|usr|ptn|bdl)_[a-z2-7]{26}")


def new_id(prefix: str) -> str:
    """A fresh random ID with ``prefix`` (one of ITEM, USER, PARTNER, BUNDLE)."""
    if prefix not in (ITEM, USER, PARTNER, BUNDLE):
        raise ValueError(f"unknown ID prefix {prefix!r}")
    # 16 random bytes are 26 base32 characters once the padding is dropped.
    body = base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=").lower()
    return f"{prefix}_{body}"


def new_item_id() -> str:
    """A fresh item ID. Intake takes one before anything is stored: the item's key is wrapped under it."""
    return new_id(ITEM)


def is_id(value: object, prefix: str) -> bool:
    """Whether ``value`` is a well-formed ID with ``prefix``."""
    return isinstance(value, str) and _ID_RE.fullmatch(value) is not None and value.startswith(prefix + "_")


def check_id(value: object, prefix: str) -> str:
    """Return ``value`` if it is a well-formed ID with ``prefix``, else raise NotACode."""
    if not is_id(value, prefix):
        raise NotACode(f"not a well-formed {prefix}_ ID")
    assert isinstance(value, str)
    return value
