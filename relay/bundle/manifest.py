"""manifest.json: what a bundle holds, per ``schemas/manifest.v1.schema.json``.

The manifest lists every file in the bundle's tar with its size and SHA-256, and for each item the
number of details removed of each kind; never the removed text. It is signed (``manifest.json.minisig``)
with relay's key, so once a partner has decrypted a bundle they can check that its contents are what
relay put there, independently of the signature over the encrypted file.

Parsing is strict and closed: unknown keys, wrong types, IDs or paths of the wrong shape, and duplicate
items are refused. A path is never taken from the manifest as given: it must be exactly the one relay
derives from the item's ID and media type, so a manifest cannot name a file outside ``items/``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from relay.bundle.errors import BUNDLE_MANIFEST_INVALID, BundleError
from relay.outputs import MEDIA_TYPES

FORMAT = "relay.manifest/1"
MANIFEST_NAME = "manifest.json"
MANIFEST_SIGNATURE_NAME = "manifest.json.minisig"
ITEMS_DIR = "items"
TRANSCRIPT_SUFFIX = ".transcript.txt"
TRANSCRIPT_MEDIA_TYPE = MEDIA_TYPES["txt"]
# A manifest of tens of thousands of items stays far below this; anything larger is refused unread.
MAX_MANIFEST_BYTES = 8 << 20
MAX_SIZE = (1 << 53) - 1  # the largest size every JSON reader holds exactly

BUNDLE_ID_RE = re.compile(r"bdl_[a-z2-7]{26}")
PARTNER_ID_RE = re.compile(r"ptn_[a-z2-7]{26}")
ITEM_ID_RE = re.compile(r"itm_[a-z2-7]{26}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")
KIND_RE = re.compile(r"[a-z][a-z0-9_]{0,31}")
TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_EXTENSION_FOR_TYPE = {media_type: ext for ext, media_type in MEDIA_TYPES.items()}


@dataclass(frozen=True, slots=True)
class ManifestFile:
    """One file in the tar: its path there, media type, size in bytes and SHA-256 (hex)."""

    path: str
    media_type: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "media_type": self.media_type, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class ManifestItem:
    """One item: its redacted media, its redacted transcript if it has one, and redaction counts."""

    item_id: str
    media: ManifestFile
    redactions: Mapping[str, int] = field(default_factory=dict)
    transcript: ManifestFile | None = None

    @property
    def files(self) -> tuple[ManifestFile, ...]:
        """The item's files in the tar, media first."""
        return (self.media,) if self.transcript is None else (self.media, self.transcript)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "item_id": self.item_id,
            **self.media.to_json(),
            "redactions": dict(sorted(self.redactions.items())),
        }
        if self.transcript is not None:
            out["transcript"] = self.transcript.to_json()
        return out


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a bundle holds. ``created_at`` is whole seconds, UTC."""

    bundle_id: str
    partner_id: str
    created_at: datetime
    items: tuple[ManifestItem, ...]

    @property
    def files(self) -> tuple[ManifestFile, ...]:
        """Every item file in the tar, in tar order."""
        return tuple(f for item in self.items for f in item.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": FORMAT,
            "bundle_id": self.bundle_id,
            "partner_id": self.partner_id,
            "created_at": format_time(self.created_at),
            "items": [item.to_json() for item in self.items],
        }

    def to_bytes(self) -> bytes:
        """The bytes stored as manifest.json (and signed): sorted keys, ASCII, a final newline."""
        return (json.dumps(self.to_json(), sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode(
            "ascii"
        )


def media_path(item_id: str, media_type: str) -> str:
    """Where an item's redacted media sits in the tar: ``items/<item id>.<extension>``."""
    if not ITEM_ID_RE.fullmatch(item_id):
        raise ValueError("not an item ID")
    if media_type not in _EXTENSION_FOR_TYPE:
        raise ValueError("no extension is known for that media type")
    return f"{ITEMS_DIR}/{item_id}.{_EXTENSION_FOR_TYPE[media_type]}"


def transcript_path(item_id: str) -> str:
    """Where an item's redacted transcript sits in the tar."""
    if not ITEM_ID_RE.fullmatch(item_id):
        raise ValueError("not an item ID")
    return f"{ITEMS_DIR}/{item_id}{TRANSCRIPT_SUFFIX}"


def format_time(at: datetime) -> str:
    """``2026-11-23T13:05:00Z``: whole seconds, UTC."""
    if at.tzinfo is None:
        raise ValueError("times in a manifest must be timezone-aware")
    return at.astimezone(UTC).strftime(_TIME_FORMAT)


def parse_manifest(raw: bytes) -> Manifest:
    """Parse and check manifest.json; BundleError ``bundle_manifest_invalid`` if anything is off."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise _invalid("manifest.json is too large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _invalid("manifest.json is not valid JSON") from None
    obj = _object(data, {"schema", "bundle_id", "partner_id", "created_at", "items"}, "the manifest")
    if obj["schema"] != FORMAT:
        raise _invalid("manifest.json is not a relay bundle manifest of version 1")
    bundle_id = _matching(obj["bundle_id"], BUNDLE_ID_RE, "bundle_id")
    partner_id = _matching(obj["partner_id"], PARTNER_ID_RE, "partner_id")
    created_at = _time(obj["created_at"])
    entries = obj["items"]
    if not isinstance(entries, list) or not entries:
        raise _invalid("the manifest lists no items")
    items = tuple(_item(entry) for entry in entries)
    if len({item.item_id for item in items}) != len(items):
        raise _invalid("the manifest lists an item twice")
    return Manifest(bundle_id=bundle_id, partner_id=partner_id, created_at=created_at, items=items)


def _item(data: object) -> ManifestItem:
    keys = {"item_id", "path", "media_type", "size", "sha256", "redactions"}
    obj = _object(data, keys | {"transcript"}, "an item", required=keys)
    item_id = _matching(obj["item_id"], ITEM_ID_RE, "item_id")
    media = _file(obj, expected_path=None, item_id=item_id)
    transcript = None
    if "transcript" in obj:
        sub = _object(obj["transcript"], {"path", "media_type", "size", "sha256"}, "a transcript")
        transcript = _file(sub, expected_path=transcript_path(item_id), item_id=item_id)
        if transcript.media_type != TRANSCRIPT_MEDIA_TYPE:
            raise _invalid("a transcript has a media type other than UTF-8 text")
    counts = obj["redactions"]
    if not isinstance(counts, dict):
        raise _invalid("an item's redactions are not an object")
    redactions: dict[str, int] = {}
    for kind, count in counts.items():
        _matching(kind, KIND_RE, "a redaction kind")
        redactions[kind] = _count(count, minimum=1, what="a redaction count")
    return ManifestItem(item_id=item_id, media=media, redactions=redactions, transcript=transcript)


def _file(obj: dict[str, Any], *, expected_path: str | None, item_id: str) -> ManifestFile:
    media_type = obj["media_type"]
    if not isinstance(media_type, str) or media_type not in _EXTENSION_FOR_TYPE:
        raise _invalid("a file has an unknown media type")
    path = expected_path or media_path(item_id, media_type)
    if obj["path"] != path:
        raise _invalid("a file's path is not the one its item ID and media type give")
    size = _count(obj["size"], minimum=0, what="a file size")
    sha256 = _matching(obj["sha256"], SHA256_RE, "a SHA-256")
    return ManifestFile(path=path, media_type=media_type, size=size, sha256=sha256)


def _object(
    data: object, allowed: set[str], what: str, *, required: set[str] | None = None
) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _invalid(f"{what} is not a JSON object")
    keys = set(data)
    if not keys <= allowed:
        raise _invalid(f"{what} has unknown fields")
    if not (required if required is not None else allowed) <= keys:
        raise _invalid(f"{what} lacks a required field")
    return data


def _matching(value: object, pattern: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _invalid(f"{what} in the manifest is malformed")
    return value


def _count(value: object, *, minimum: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= MAX_SIZE:
        raise _invalid(f"{what} in the manifest is not a valid number")
    return value


def _time(value: object) -> datetime:
    text = _matching(value, TIME_RE, "created_at")
    try:
        return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise _invalid("created_at in the manifest is not a valid time") from None


def _invalid(message: str) -> BundleError:
    return BundleError(message, code=BUNDLE_MANIFEST_INVALID)
