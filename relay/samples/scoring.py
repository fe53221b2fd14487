"""How well a redacted page hides the labelled details: the arithmetic behind ``bench/redaction.py``.

Rules (stated once, used everywhere):

- A pixel is **filled** when it is pure black (0, 0, 0) in the redacted image and either was not pure
  black in the original or lies inside a box relay says it filled. Measuring pixels, not claimed boxes,
  means a fill that was planned but never burned in does not count.
- A glyph is **covered** by a mask when at least 80% of its box's pixels are in the mask.
- A labelled detail is **redacted** when every one of its glyphs is covered by fill; **flagged** when it
  is not redacted but every glyph is covered by review regions and fill together; otherwise it **leaked**.
- In text, a labelled span counts as **found** when findings of any kind cover at least 80% of its
  non-space characters (``found_same_kind`` requires findings of the span's own kind).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from rapidfuzz.distance import Levenshtein

from relay.model import Box, Kind
from relay.samples.text import LabeledSpan, LabeledText

COVERED = 0.8


class Outcome(StrEnum):
    """What happened to one labelled detail on a page."""

    REDACTED = "redacted"
    FLAGGED = "flagged"
    LEAKED = "leaked"


def boxes_mask(shape: tuple[int, int], boxes: Iterable[Box]) -> np.ndarray:
    """Boolean (height, width) mask of the union of ``boxes`` (clipped to the page)."""
    mask = np.zeros(shape, bool)
    height, width = shape
    for x0, y0, x1, y1 in boxes:
        mask[max(0, y0) : min(height, y1), max(0, x0) : min(width, x1)] = True
    return mask


def fill_mask(original: np.ndarray, redacted: np.ndarray, redact_boxes: Iterable[Box]) -> np.ndarray:
    """Pixels that relay filled (see the module docstring). Both images are (H, W, 3) uint8 arrays."""
    if original.shape != redacted.shape:
        raise ValueError(f"redacted image is {redacted.shape[1::-1]}, original {original.shape[1::-1]}")
    black_now = (redacted == 0).all(axis=2)
    black_before = (original == 0).all(axis=2)
    filled: np.ndarray = black_now & (~black_before | boxes_mask(black_now.shape, redact_boxes))
    return filled


def covered_share(mask: np.ndarray, box: Box) -> float:
    """Share of the box's pixels that are set in ``mask``; an empty box counts as covered."""
    x0, y0, x1, y1 = box
    region = mask[max(0, y0) : y1, max(0, x0) : x1]
    return float(region.mean()) if region.size else 1.0


def classify(glyph_boxes: Sequence[Box], filled: np.ndarray, reviewed: np.ndarray) -> Outcome:
    """The outcome for one detail from its glyph boxes, the fill mask and the review-region mask."""
    if all(covered_share(filled, b) >= COVERED for b in glyph_boxes):
        return Outcome.REDACTED
    either = filled | reviewed
    if all(covered_share(either, b) >= COVERED for b in glyph_boxes):
        return Outcome.FLAGGED
    return Outcome.LEAKED


@dataclass(frozen=True)
class PageScore:
    """The outcome of every labelled detail on one page and the areas behind the page-level shares."""

    outcomes: tuple[tuple[Kind, Outcome], ...]
    benign_area: int  # pixels of unlabelled glyph boxes
    benign_filled: int  # … of which filled
    review_area: int  # pixels inside review regions (union)
    review_in_text: int  # … of which inside the text area
    text_area: int  # pixels of the union of ground-truth line boxes


def score_page(
    original: np.ndarray,
    redacted: np.ndarray,
    redact_boxes: Sequence[Box],
    review_boxes: Sequence[Box],
    span_boxes: Sequence[tuple[LabeledSpan, Sequence[Box]]],
    benign_boxes: Sequence[Box],
    line_boxes: Sequence[Box],
) -> PageScore:
    """Score one redacted page against its ground truth. Spans with no glyph on the page are skipped."""
    shape = original.shape[:2]
    filled = fill_mask(original, redacted, redact_boxes)
    reviewed = boxes_mask(shape, review_boxes)
    outcomes = tuple((span.kind, classify(boxes, filled, reviewed)) for span, boxes in span_boxes if boxes)
    # Benign ink is what no label claims: glyph boxes of neighbouring labelled glyphs can overlap it.
    labelled = boxes_mask(shape, (b for _, boxes in span_boxes for b in boxes))
    benign = boxes_mask(shape, benign_boxes) & ~labelled
    text = boxes_mask(shape, line_boxes)
    return PageScore(
        outcomes=outcomes,
        benign_area=int(benign.sum()),
        benign_filled=int((benign & filled).sum()),
        review_area=int(reviewed.sum()),
        review_in_text=int((reviewed & text).sum()),
        text_area=int(text.sum()),
    )


def span_found(doc: LabeledText, span: LabeledSpan, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether the ``(start, end)`` ranges cover at least 80% of the span's non-space characters."""
    wanted = [i for i in range(span.start, span.end) if not doc.text[i].isspace()]
    if not wanted:
        return True
    hit = np.zeros(len(doc.text), bool)
    for start, end in ranges:
        hit[max(0, start) : max(0, end)] = True
    return sum(bool(hit[i]) for i in wanted) >= COVERED * len(wanted)


def char_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance, reference length) with all whitespace removed: Korean spacing is too variable, in
    hands and in OCR, to count a space as a character."""
    ref = "".join(reference.split())
    hyp = "".join(hypothesis.split())
    return Levenshtein.distance(ref, hyp), len(ref)
