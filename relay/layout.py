"""Where the writing is, found from the ink itself and independent of OCR.

OCR reports what it could read; this module reports where ink is, so that extraction can tell the two
apart and turn ink that was not read into review regions (fail closed). Work happens on the straightened
ink mask from :mod:`relay.preprocess` (flat lighting, no ruled lines, no dust):

1. stacked jamo are joined by a short vertical closing and the syllables and words of a line by a
   horizontal closing about one syllable wide, so each text line becomes one blob;
2. blobs much taller than a line (lines touching through a long stroke) are cut at the emptiest rows;
3. pieces on the same row are joined, and small marks just above or below a line join that line.

Sizes are derived from the page's own glyph height, so 20 px print and 60 px handwriting both work.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from relay.model import Box
from relay.preprocess import Mask, components, prepare


@dataclass(frozen=True, slots=True)
class LayoutConfig:
    """Tuning of line finding, in multiples of the page's glyph height unless stated otherwise."""

    stack_join: float = 0.45  # vertical gap closed between jamo of one syllable
    word_join: float = 1.6  # horizontal gap closed between syllables and words of one line
    row_join: float = 3.0  # pieces on one row closer than this (in line heights) are one line
    split_factor: float = 1.8  # a blob taller than this many line heights is cut into lines
    attach_gap: float = 0.5  # small marks this close (in line heights) above or below join the line


def find_text_lines(image: Image.Image, config: LayoutConfig = LayoutConfig()) -> tuple[Box, ...]:
    """Boxes of the text lines on a page (in the image's own pixels), top to bottom.

    Robust to paper texture, uneven lighting, ruled lines and a few degrees of rotation; blank paper
    gives no boxes. Ink that is not text (a drawing, a stamp, a blacked-out area) gives boxes too: it
    is writing no OCR will read, and the caller must account for it.
    """
    prepared = prepare(image)
    return tuple(prepared.to_original(box) for box in line_boxes(prepared.ink, prepared.glyph_px, config))


def line_boxes(ink: Mask, glyph_px: float, config: LayoutConfig = LayoutConfig()) -> list[Box]:
    """Text-line boxes in the coordinates of ``ink`` (a cleaned, straightened mask), top to bottom."""
    if not ink.any():
        return []
    glyph = max(4.0, glyph_px)
    binary = ink.astype(np.uint8)
    stacked = cv2.morphologyEx(
        binary,
        cv2.MORPH_CLOSE,
        cv2.getStructuringElement(cv2.MORPH_RECT, (1, _odd(config.stack_join * glyph))),
    )
    smeared = cv2.morphologyEx(
        stacked,
        cv2.MORPH_CLOSE,
        cv2.getStructuringElement(cv2.MORPH_RECT, (_odd(config.word_join * glyph), 1)),
    )
    count, _, stats = components(np.asarray(smeared, dtype=np.uint8))
    boxes: list[Box] = [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h in stats[1:count, :4]]
    line_h = _line_height(boxes, glyph)
    split: list[Box] = []
    for box in boxes:
        split.extend(_split_tall(ink, box, line_h, config))
    merged = _join_rows(split, line_h, config)
    merged = _attach_marks(merged, line_h, config)
    return sorted(merged, key=lambda b: ((b[1] + b[3]) / 2 // max(1.0, line_h / 2), b[0]))


def _odd(value: float) -> int:
    """A structuring-element size: a positive odd integer near ``value``."""
    size = max(1, round(value))
    return size if size % 2 else size + 1


def _line_height(boxes: list[Box], glyph: float) -> float:
    """Typical height of a text line: the median height of the wide (line-like) blobs."""
    wide = [b[3] - b[1] for b in boxes if (b[2] - b[0]) >= 2 * (b[3] - b[1])]
    if not wide:
        return glyph * 1.3
    return float(max(glyph, np.median(wide)))


def _split_tall(ink: Mask, box: Box, line_h: float, config: LayoutConfig) -> list[Box]:
    """Cut a blob that spans several lines at its emptiest rows, keeping each piece's ink box.

    Handwritten lines touch (a descender reaching the next line's ascender), so a cut row need not be
    empty, only much emptier than a row through the middle of a line. A blob with no such row is a
    drawing or a blacked-out area and is kept whole.
    """
    x0, y0, x1, y1 = box
    if y1 - y0 <= config.split_factor * line_h:
        return [box]
    rows = ink[y0:y1, x0:x1].sum(axis=1).astype(np.float64)
    smooth = np.convolve(rows, np.ones(3) / 3, mode="same")
    busy = rows[rows > 0]
    if not len(busy):
        return []
    margin = max(1, round(0.5 * line_h))
    inner = smooth[margin : len(smooth) - margin]
    if not len(inner):
        return [box]
    cut = margin + int(np.argmin(inner))
    if smooth[cut] > 0.3 * float(np.median(busy)):
        return [box]
    top = _ink_box(ink, (x0, y0, x1, y0 + cut))
    bottom = _ink_box(ink, (x0, y0 + cut, x1, y1))
    pieces = [p for p in (top, bottom) if p[2] > p[0]]
    return [part for piece in pieces for part in _split_tall(ink, piece, line_h, config)]


def _ink_box(ink: Mask, box: Box) -> Box:
    """The tight box around the ink inside ``box`` (empty box when there is none)."""
    x0, y0, x1, y1 = box
    region = ink[y0:y1, x0:x1]
    rows = np.flatnonzero(region.any(axis=1))
    if not len(rows):
        return (x0, y0, x0, y0)
    cols = np.flatnonzero(region.any(axis=0))
    return (x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _join_rows(boxes: list[Box], line_h: float, config: LayoutConfig) -> list[Box]:
    """Join pieces that share a row and sit close together (a line broken at a wide word gap)."""
    pending = sorted(boxes)
    changed = True
    while changed:
        changed = False
        out: list[Box] = []
        for box in pending:
            for i, other in enumerate(out):
                overlap = min(box[3], other[3]) - max(box[1], other[1])
                shorter = min(box[3] - box[1], other[3] - other[1])
                gap = max(box[0], other[0]) - min(box[2], other[2])
                if overlap >= 0.5 * shorter and gap <= config.row_join * line_h:
                    out[i] = _union(box, other)
                    changed = True
                    break
            else:
                out.append(box)
        pending = sorted(out)
    return pending


def _attach_marks(boxes: list[Box], line_h: float, config: LayoutConfig) -> list[Box]:
    """Fold small marks (dots, detached strokes) into the line just above or below them."""
    small = [b for b in boxes if (b[3] - b[1]) < 0.6 * line_h and (b[2] - b[0]) < 1.5 * line_h]
    lines = [b for b in boxes if b not in small]
    if not lines:
        return boxes
    for mark in small:
        best: int | None = None
        best_gap = config.attach_gap * line_h
        for i, line in enumerate(lines):
            if mark[2] <= line[0] or mark[0] >= line[2]:
                continue
            gap = max(line[1] - mark[3], mark[1] - line[3], 0)
            if gap <= best_gap:
                best, best_gap = i, gap
        if best is None:
            lines.append(mark)
        else:
            lines[best] = _union(lines[best], mark)
    return lines
