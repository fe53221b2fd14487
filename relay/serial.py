"""What the pipeline's stages hand each other through the object store, as bytes and back.

Extraction's reading of a page (words, boxes, confidences, unread ink, the ink mask) and the detector's
findings are intermediates: they hold document text, so they only ever travel encrypted, as item objects
of the :class:`~relay.store.SealedStore`. The format is plain JSON with a version field; the ink mask is
bit-packed. Reading checks shapes and types, so a damaged object fails loudly instead of misplacing fills.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from relay.model import Box, Finding, Kind, Line, PageText, Severity, Word

VERSION = 1


class SerialError(ValueError):
    """A stored intermediate does not have the expected shape (damaged, or from another version)."""


def page_text_to_bytes(page: PageText) -> bytes:
    """Serialize one page's reading (text included: store it only encrypted)."""
    doc: dict[str, Any] = {
        "v": VERSION,
        "width": page.width,
        "height": page.height,
        "lines": [
            {"box": list(line.box), "words": [[w.text, list(w.box), w.confidence] for w in line.words]}
            for line in page.lines
        ],
        "unread": [list(box) for box in page.unread],
        "ink": None,
    }
    if page.ink is not None:
        packed = np.packbits(np.ascontiguousarray(page.ink, dtype=bool), axis=None)
        doc["ink"] = base64.b64encode(packed.tobytes()).decode("ascii")
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def page_text_from_bytes(data: bytes) -> PageText:
    """Read what :func:`page_text_to_bytes` wrote."""
    try:
        doc = json.loads(data)
        _version(doc)
        width, height = int(doc["width"]), int(doc["height"])
        lines = tuple(
            Line(
                box=_box(line["box"]),
                words=tuple(Word(text=str(t), box=_box(b), confidence=float(c)) for t, b, c in line["words"]),
            )
            for line in doc["lines"]
        )
        unread = tuple(_box(b) for b in doc["unread"])
        ink = None
        if doc["ink"] is not None:
            bits = np.frombuffer(base64.b64decode(doc["ink"], validate=True), dtype=np.uint8)
            if bits.size != (width * height + 7) // 8:
                raise SerialError("the ink mask does not match the page size")
            ink = np.unpackbits(bits, count=width * height).astype(bool).reshape(height, width)
    except SerialError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise SerialError(f"a stored page reading is damaged ({type(exc).__name__})") from None
    return PageText(width=width, height=height, lines=lines, unread=unread, ink=ink)


def findings_to_bytes(pages: Sequence[Sequence[Finding]]) -> bytes:
    """Serialize the detector's findings, one list per page (offsets and rules only: no text)."""
    doc = {
        "v": VERSION,
        "pages": [
            [[f.kind.value, f.severity.value, f.confidence, f.start, f.end, f.rule] for f in page]
            for page in pages
        ],
    }
    return json.dumps(doc, separators=(",", ":")).encode()


def findings_from_bytes(data: bytes) -> tuple[tuple[Finding, ...], ...]:
    """Read what :func:`findings_to_bytes` wrote."""
    try:
        doc = json.loads(data)
        _version(doc)
        return tuple(
            tuple(
                Finding(Kind(k), Severity(s), float(c), int(a), int(b), str(r)) for k, s, c, a, b, r in page
            )
            for page in doc["pages"]
        )
    except SerialError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise SerialError(f"stored findings are damaged ({type(exc).__name__})") from None


def _version(doc: Any) -> None:
    if not isinstance(doc, dict) or doc.get("v") != VERSION:
        raise SerialError("a stored intermediate has an unknown format version")


def _box(value: Any) -> Box:
    if not isinstance(value, list) or len(value) != 4:
        raise SerialError("a stored box is not four numbers")
    x0, y0, x1, y1 = (int(v) for v in value)
    return (x0, y0, x1, y1)
