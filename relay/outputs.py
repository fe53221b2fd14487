"""An item's deliverable: the redacted media a moderator approved, as the sealer reads it.

The redact stage (and a moderator's re-render) stores the redacted media as one item object named
``redacted.<ext>`` through the encrypting :class:`~relay.store.SealedStore`, and records it with
:func:`record_redacted` as a stage result of ``redact``; the sealer finds it with :func:`redacted_media`.
The plaintext's size and SHA-256 are recorded so a bundle's tar header and manifest can be written without
first decrypting the object to disk (no plaintext at rest). Counts of redactions by kind come from the
active findings; the removed text is never stored anywhere.
"""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from relay.db.coltypes import utcnow
from relay.db.models import Finding, FindingStatus, StageResult
from relay.db.states import Stage
from relay.errors import RelayError
from relay.model import Severity
from relay.store import SealedStore

MEDIA_TYPES: dict[str, str] = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "pdf": "application/pdf",
    "tiff": "image/tiff",
    "webp": "image/webp",
    "mp4": "video/mp4",
    "txt": "text/plain; charset=utf-8",
}
REDACTED_PREFIX = "redacted."
NOT_REDACTED = "not_redacted"


@dataclass(frozen=True, slots=True)
class RedactedMedia:
    """Where an item's redacted media is and what it is. ``sha256``/``size`` are of the plaintext."""

    item_id: str
    name: str  # the item object's name in the SealedStore, e.g. "redacted.png"
    media_type: str
    size: int
    sha256: str
    stored_sha256: str  # of the ciphertext, to pass to SealedStore.get_item_object

    @property
    def extension(self) -> str:
        return self.name.rsplit(".", 1)[1]

    def read_into(self, store: SealedStore, dst: BinaryIO) -> int:
        """Decrypt the media into ``dst`` (nothing is written unless it all checks out)."""
        return store.get_item_object(self.item_id, self.name, dst, expected_sha256=self.stored_sha256)


def redacted_name(extension: str, run: str = "") -> str:
    """The object name for redacted media with this extension (one of :data:`MEDIA_TYPES`).

    ``run`` (letters and digits) keeps the objects of two runs, or of a re-render, apart.
    """
    if extension not in MEDIA_TYPES:
        raise ValueError("no media type is known for that extension")
    if run and not run.isalnum():
        raise ValueError("a run token is letters and digits")
    return f"{REDACTED_PREFIX}{run}.{extension}" if run else REDACTED_PREFIX + extension


def store_redacted(
    store: SealedStore, item_id: str, extension: str, data: bytes, *, run: str = ""
) -> dict[str, Any]:
    """Encrypt and store redacted media; returns the JSON to record with :func:`record_redacted`.

    If an object of that name exists already (a crash before the database commit), it is replaced:
    encryption is randomised, so the new ciphertext never matches an old record anyway.
    """
    name = redacted_name(extension, run)
    if store.has_item_object(item_id, name):
        store.delete_item_object(item_id, name)
    sealed = store.put_item_object(item_id, name, io.BytesIO(data))
    return {
        "key": sealed.key,
        "sha256": sealed.sha256,
        "size": sealed.size,
        "name": name,
        "media_type": MEDIA_TYPES[extension],
        "plain_size": sealed.plaintext_size,
        "plain_sha256": hashlib.sha256(data).hexdigest(),
    }


def record_redacted(session: Session, item_id: str, outputs: list[dict[str, Any]]) -> None:
    """Record (or replace, for a moderator's re-render) the ``redact`` stage's outputs for the item."""
    row = session.scalars(
        select(StageResult).where(StageResult.item_id == item_id, StageResult.stage == Stage.REDACT)
    ).one_or_none()
    if row is None:
        session.add(StageResult(item_id=item_id, stage=Stage.REDACT, outputs=outputs, created_at=utcnow()))
    else:
        row.outputs = outputs
        row.created_at = utcnow()
    session.flush()


def redacted_media(session: Session, item_id: str) -> RedactedMedia:
    """The item's recorded redacted media; RelayError ``not_redacted`` if there is none."""
    row = session.scalars(
        select(StageResult)
        .where(StageResult.item_id == item_id, StageResult.stage == Stage.REDACT)
        .execution_options(populate_existing=True)
    ).one_or_none()
    for output in row.outputs if row is not None else ():
        if str(output.get("name", "")).startswith(REDACTED_PREFIX):
            return RedactedMedia(
                item_id=item_id,
                name=output["name"],
                media_type=output["media_type"],
                size=int(output["plain_size"]),
                sha256=output["plain_sha256"],
                stored_sha256=output["sha256"],
            )
    raise RelayError("the item has no redacted media recorded", code=NOT_REDACTED)


def redaction_counts(session: Session, item_id: str) -> dict[str, int]:
    """How many details of each kind were removed (active ``redact`` findings), never what they were."""
    kinds = session.scalars(
        select(Finding.kind).where(
            Finding.item_id == item_id,
            Finding.severity == Severity.REDACT,
            Finding.status == FindingStatus.ACTIVE,
        )
    )
    return dict(sorted(Counter(kinds).items()))
