"""Small typed values that the stages pass to each other.

Every value here is frozen: a stage returns a new value rather than editing the one it was given, so an
actor that is retried after a crash sees exactly what the first attempt saw.

Coordinates are pixels of the *upright* page (after EXIF orientation is applied), boxes are
``(x0, y0, x1, y1)`` with ``x1``/``y1`` exclusive. Text offsets are Python string indices into the text the
finding was detected in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

Box = tuple[int, int, int, int]


class Kind(StrEnum):
    """What an identifying detail is. Stable strings: they appear in findings files and schemas."""

    PERSON = "person"
    PLACE = "place"
    ADDRESS = "address"
    UNIT = "unit"
    PHONE = "phone"
    DATE = "date"
    ID_NUMBER = "id_number"
    EMAIL = "email"
    URL = "url"
    MESSENGER = "messenger"
    ORG = "org"
    TOPIC = "topic"
    FACE = "face"
    QR = "qr"


class Severity(StrEnum):
    """``redact``: removed automatically. ``review``: a moderator must look before anything leaves."""

    REDACT = "redact"
    REVIEW = "review"


class ReviewReason(StrEnum):
    """Why a region needs a moderator's eyes. Stable strings, like :class:`Kind`."""

    LOW_CONFIDENCE = "low_ocr_confidence"
    UNREADABLE_LINE = "unreadable_line"
    UNREADABLE_REGION = "unreadable_region"
    RISKY_TOPIC = "risky_topic"
    POSSIBLE_DETAIL = "possible_identifying_detail"
    UNRECOGNISED_SPEECH = "unrecognised_speech"


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifying detail found in a text.

    ``rule`` names the rule that fired (an identifier from ``config/``, never document content), so a
    moderator or a benchmark can see why something was flagged without the finding carrying the text.
    """

    kind: Kind
    severity: Severity
    confidence: float
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Word:
    """One word as the OCR engine read it. ``confidence`` is 0..1."""

    text: str
    box: Box
    confidence: float


@dataclass(frozen=True, slots=True)
class Line:
    """One text line: its words in reading order and the box of the whole line (ink included)."""

    box: Box
    words: tuple[Word, ...]

    @property
    def confidence(self) -> float:
        """Mean word confidence weighted by characters; 0 for a line with no words."""
        chars = sum(len(w.text) for w in self.words)
        if not chars:
            return 0.0
        return sum(w.confidence * len(w.text) for w in self.words) / chars


@dataclass(frozen=True, slots=True)
class PageText:
    """What extraction read on one page, plus where ink was seen that it could not read."""

    width: int
    height: int
    lines: tuple[Line, ...]
    # Ink (text lines or blobs) located by layout analysis that OCR did not read with confidence.
    unread: tuple[Box, ...] = ()
    # Optional ink mask of the page (``height`` x ``width``, True where there is ink) in the page's own
    # pixels, so that fills and review regions can be fitted to the writing. Not part of equality.
    ink: npt.NDArray[np.bool_] | None = field(default=None, compare=False, repr=False)

    def text_and_offsets(self) -> tuple[str, tuple[tuple[int, int, int, int], ...]]:
        """The page as one string (words joined by spaces, lines by newlines) and, for every word,
        ``(line_index, word_index, start, end)`` offsets into that string."""
        parts: list[str] = []
        offsets: list[tuple[int, int, int, int]] = []
        pos = 0
        for li, line in enumerate(self.lines):
            if li:
                parts.append("\n")
                pos += 1
            for wi, word in enumerate(line.words):
                if wi:
                    parts.append(" ")
                    pos += 1
                parts.append(word.text)
                offsets.append((li, wi, pos, pos + len(word.text)))
                pos += len(word.text)
        return "".join(parts), tuple(offsets)

    def syllable_confidence(self) -> float:
        """The mean confidence of the page's Hangul syllables, each weighted by its word's confidence
        (0 for a page without any): how surely the page as a whole was read."""
        chars, weighted = syllable_confidence(word for line in self.lines for word in line.words)
        return weighted / chars if chars else 0.0


def is_syllable(ch: str) -> bool:
    """True for one precomposed Hangul syllable (가..힣)."""
    return "\uac00" <= ch <= "\ud7a3"


def syllable_confidence(words: Iterable[Word]) -> tuple[int, float]:
    """The Hangul syllables of ``words`` and the sum of their words' confidences, syllable by syllable."""
    chars, weighted = 0, 0.0
    for word in words:
        n = sum(map(is_syllable, word.text))
        chars += n
        weighted += n * word.confidence
    return chars, weighted


@dataclass(frozen=True, slots=True)
class ReviewRegion:
    """A region a moderator must look at, with a stable reason code."""

    box: Box
    reason: ReviewReason
    page: int = 0


@dataclass(frozen=True, slots=True)
class PlacedFinding:
    """A finding placed on a page: the boxes that were (or, for ``review``, would be) filled."""

    finding: Finding
    page: int
    boxes: tuple[Box, ...]


@dataclass(frozen=True, slots=True)
class PageResult:
    """The outcome of redacting one page."""

    width: int
    height: int
    findings: tuple[PlacedFinding, ...] = ()
    review_regions: tuple[ReviewRegion, ...] = ()
    text_area: int = 0  # pixels of located text lines, the denominator of review coverage

    @property
    def filled_boxes(self) -> tuple[Box, ...]:
        """The boxes burned into the page: those of every ``redact`` finding (``review`` ones are not)."""
        return tuple(b for p in self.findings if p.finding.severity is Severity.REDACT for b in p.boxes)
