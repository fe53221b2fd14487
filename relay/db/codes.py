"""Gatekeepers for the strings the database keeps: codes and identifiers only, never free text.

Every repository function that takes a string meant as a code (an error code, a rule name, an audit
actor or action, an actor name for the outbox) passes it through here. Anything that does not look like
an identifier is refused with :class:`~relay.errors.NotACode`, so a name or a sentence from a letter that
slips into such an argument stops at the API instead of landing in a row, a WAL file or a backup. The
refusal message never repeats the value.
"""

from __future__ import annotations

import re
from typing import Final

from relay.errors import NotACode

# An error or reason code: relay.errors' constants, e.g. ``checksum_mismatch``.
_CODE_RE: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")
# A detection rule: ``date.ymd``, ``place.nk_places``.
_RULE_RE: Final = re.compile(r"[a-z0-9][a-z0-9_.:-]{0,63}")
# Who did something: a user ID or a system component such as ``worker:sanitize`` or ``reconciler``.
_ACTOR_RE: Final = re.compile(r"[a-z][a-z0-9_.:-]{0,63}")
# A dramatiq actor name (a Python identifier).
_ACTOR_NAME_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
# A MIME type as intake reports it: ``image/jpeg``, ``video/mp4``.
_MEDIA_TYPE_RE: Final = re.compile(r"[a-z0-9][a-z0-9.+-]{0,40}/[a-z0-9][a-z0-9.+-]{0,50}")
_SHA256_RE: Final = re.compile(r"[0-9a-f]{64}")


def _check(value: object, pattern: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        raise NotACode(f"{what} must be {_DESCRIPTIONS[what]}; free text is not stored")
    return value


_DESCRIPTIONS: Final = {
    "code": "a stable code (a-z, 0-9, _; up to 64)",
    "rule": "a rule identifier (a-z, 0-9, _ . : -; up to 64)",
    "actor": "a user ID or a component name (a-z, 0-9, _ . : -; up to 64)",
    "action": "a stable code (a-z, 0-9, _; up to 64)",
    "actor name": "a Python identifier (up to 64)",
    "media type": "a MIME type such as image/jpeg",
    "sha256": "64 lowercase hex digits",
}


def check_code(value: object) -> str:
    """An error or reason code."""
    return _check(value, _CODE_RE, "code")


def check_rule(value: object) -> str:
    """A detection rule identifier."""
    return _check(value, _RULE_RE, "rule")


def check_actor(value: object) -> str:
    """Who acted: a user ID or a system component name."""
    return _check(value, _ACTOR_RE, "actor")


def check_action(value: object) -> str:
    """An audit action."""
    return _check(value, _CODE_RE, "action")


def check_actor_name(value: object) -> str:
    """The name of the dramatiq actor an outbox message is for."""
    return _check(value, _ACTOR_NAME_RE, "actor name")


def check_media_type(value: object) -> str:
    """A MIME type."""
    return _check(value, _MEDIA_TYPE_RE, "media type")


def check_sha256(value: object) -> str:
    """A SHA-256 digest in lowercase hex."""
    return _check(value, _SHA256_RE, "sha256")
