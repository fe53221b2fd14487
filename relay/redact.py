"""Findings placed on the page, regions for a moderator, and fills burned into the pixels.

Placement is deliberately generous. tesseract's boxes for Korean words are unreliable (syllables split
off, boxes a syllable to one side), so a finding's box spans the whole words it touches, reaches a
syllable or more further on each side and covers the height of its line around those words.
Over-redacting a particle costs nothing; leaving half a surname on the page can cost a family.
Words that become review regions anyway (read with low confidence) are the exception: a moderator
looks at them whatever the fill covers, so there the fill covers the finding's own characters with a
small reach (``PlaceConfig.tight``) instead of blacking out the writing around it. ``place_findings``
and ``review_regions`` must be given the same review thresholds for that to hold (both default to
``REVIEW``).

Review regions are where the machine is unsure: words and lines read with low confidence, ink OCR did
not read at all (``PageText.unread``), and findings a person must judge. They are what makes the
pipeline fail closed, so their thresholds lean towards flagging.

``burn`` is the only function here that makes output pixels: a new RGB image with solid black boxes.
``preview`` draws outlines for a moderator and is never the redacted output.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw

from relay.model import (
    Box,
    Finding,
    Kind,
    Line,
    PageText,
    PlacedFinding,
    ReviewReason,
    ReviewRegion,
    Severity,
    Word,
)
from relay.preprocess import to_gray


@dataclass(frozen=True, slots=True)
class Reach:
    """How far a box reaches beyond the words it is built around, in syllables (a Korean syllable is
    about as wide as it is tall, so the median word height of the line is the unit)."""

    left: float = 1.0
    right: float = 1.0
    grow_y: float = 0.5  # above and below the words' own boxes, but not beyond their line's box
    pad: float = 0.2  # then padding on every side


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    """Thresholds for review regions (confidences 0..1).

    Measured on rendered pages (tests/render_helpers.py: 24 handwriting-font pages, 6 printed):
    tesseract reads clean print with word confidences above 0.9, while on handwriting-style fonts its
    misreads carry confidences from 0 up to 0.93. So a word below ``word_confidence`` is flagged, and a
    whole line is flagged when its mean confidence is below ``line_confidence`` or at least
    ``line_low_share`` of its characters are in flagged words: such a line is writing tesseract
    struggles with, and its confident misreads must be covered too. With these values 638 of 646
    misread handwriting characters (98.8%) fell in review regions, at the price of 87% of the
    handwriting's text area; 10% of the printed pages' text area was flagged. Without the whole-line
    rule: 61% of the area, but 49 misread characters outside review.

    A region keeps a syllable's reach sideways (tesseract's boxes can be a syllable off) but grows
    little vertically: on rendered letters (bench/redaction.py, seed 101) growing by half a syllable
    and padding by a fifth made the handwriting's regions 142% of its text area, a fifth and a tenth
    136%, with the same details covered.
    """

    word_confidence: float = 0.8
    line_confidence: float = 0.75
    line_low_share: float = 0.15
    reach: Reach = Reach(grow_y=0.2, pad=0.1)
    pad_unread: float = 0.25  # unread ink boxes are padded by this fraction of their height


@dataclass(frozen=True, slots=True)
class PlaceConfig:
    """Geometry of a finding's fill.

    Measured on rendered letters: when tesseract's box for a correctly read Korean word is off, it
    starts to the right of the ink (by up to 0.7 syllable at the 1st percentile, 1.3 at worst seen)
    far more often than it ends short, so the fill reaches further left than right.

    That generous fill is what stands between a confidently read line and the output: nobody looks
    at it again. A word that becomes a review region anyway (read below the review thresholds, see
    :class:`ReviewConfig`) is looked at by a moderator whatever its fill covers, so there the fill
    covers only the finding's own characters (the word's box cut in proportion to its characters)
    with ``tight`` reach: on handwriting, where most lines are reviewed, generous fills mostly
    blacked out the words around a detail.
    """

    reach: Reach = Reach(left=1.5, right=1.0)
    tight: Reach = Reach(left=0.3, right=0.3, grow_y=0.2, pad=0.1)
    review: ReviewConfig | None = None  # which words are reviewed; None: the module's REVIEW


PLACE = PlaceConfig()
# Fitting to ink: padding around the ink kept (in syllables), and the paper gap (in syllables) that
# ends a line's ink above or below its words (a fifth of a syllable: the gaps inside a glyph, between
# jamo, must not end it).
_INK_PAD = 0.1
_ROW_GAP = 0.2
_ANY_LINE = -1
REVIEW = ReviewConfig()

# When regions of different reading reasons overlap, the merged region keeps the strongest reason.
_READING = (ReviewReason.UNREADABLE_LINE, ReviewReason.UNREADABLE_REGION, ReviewReason.LOW_CONFIDENCE)


def place_findings(
    page: PageText, findings: Sequence[Finding], page_index: int = 0, config: PlaceConfig = PLACE
) -> tuple[PlacedFinding, ...]:
    """Boxes (one per line touched) for each finding, given as offsets into ``page.text_and_offsets()``.

    Raises ``ValueError`` for a finding whose offsets do not fit the page's text (a finding detected in
    some other text); the message holds no document content.
    """
    text, offsets = page.text_and_offsets()
    review = config.review or REVIEW
    flagged = [_flagged_words(line, review) for line in page.lines]
    placed: list[PlacedFinding] = []
    for finding in findings:
        if not 0 <= finding.start < finding.end <= len(text):
            raise ValueError("finding offsets are outside the page text; findings must come from this page")
        # Per line: boxes of confidently read words (generous reach) and of reviewed ones (tight).
        loose: dict[int, list[Box]] = {}
        tight: dict[int, list[Box]] = {}
        for line_index, word_index, start, end in offsets:
            if start < finding.end and end > finding.start:
                word = page.lines[line_index].words[word_index]
                part = (max(start, finding.start) - start, min(end, finding.end) - start)
                if word_index in flagged[line_index]:
                    tight.setdefault(line_index, []).append(_part_box(word, *part))
                else:
                    loose.setdefault(line_index, []).append(word.box)
        boxes: list[Box] = []
        for li in sorted(loose.keys() | tight.keys()):
            line = page.lines[li]
            if li in loose:
                boxes.append(_fit(page, line, loose[li], config.reach))
            if li in tight:
                boxes.append(_fit(page, line, tight[li], config.tight))
        placed.append(PlacedFinding(finding=finding, page=page_index, boxes=tuple(boxes)))
    return tuple(placed)


def _flagged_words(line: Line, config: ReviewConfig) -> frozenset[int]:
    """Indices of the line's words that :func:`review_regions` turns into review regions for their
    reading (the whole line when it is read poorly overall)."""
    whole_line = line.confidence < config.line_confidence or _low_share(line, config) >= config.line_low_share
    return frozenset(
        i for i, word in enumerate(line.words) if whole_line or word.confidence < config.word_confidence
    )


# Widths of characters relative to a Hangul syllable, for placing part of a word inside its box.
_NARROW = 0.55  # Latin letters and digits
_PUNCT = 0.35  # punctuation and spaces


def _char_width(ch: str) -> float:
    if ch.isascii():
        return _NARROW if ch.isalnum() else _PUNCT
    return 1.0


def _part_box(word: Word, start: int, end: int) -> Box:
    """The box of characters ``[start, end)`` of ``word``: its box cut in proportion to the characters'
    widths (Hangul syllables are about equally wide). The whole word gives the whole box."""
    text = word.text
    if not text or (start <= 0 and end >= len(text)):
        return word.box
    widths = [_char_width(ch) for ch in text]
    total = sum(widths)
    x0, y0, x1, y1 = word.box
    left = x0 + (x1 - x0) * sum(widths[:start]) / total
    right = x0 + (x1 - x0) * sum(widths[:end]) / total
    return (int(left), y0, max(int(left) + 1, int(np.ceil(right))), y1)


def review_regions(
    page: PageText, placed: Sequence[PlacedFinding], page_index: int = 0, config: ReviewConfig = REVIEW
) -> tuple[ReviewRegion, ...]:
    """Regions a moderator must look at, overlapping regions merged, top to bottom."""
    regions: list[tuple[Box, ReviewReason, int]] = []
    for line_index, line in enumerate(page.lines):
        # A line read with low confidence overall is flagged word by word (each word with its reach),
        # not as its box: on a straightened page the line box is the upright box around a slanted
        # line, far taller than the line itself.
        flagged = _flagged_words(line, config)
        for word_index, word in enumerate(line.words):
            if word_index in flagged:
                box = _fit(page, line, [word.box], config.reach)
                regions.append((box, ReviewReason.LOW_CONFIDENCE, line_index))
    for box in page.unread:
        reason = (
            ReviewReason.UNREADABLE_REGION if _beside_text(box, page.lines) else ReviewReason.UNREADABLE_LINE
        )
        padded = _pad_box(page, box, config.pad_unread * _height(box))
        regions.append((_snap(page, box, padded, _height(box)), reason, _ANY_LINE))
    for item in placed:
        if item.finding.severity is not Severity.REVIEW:
            continue
        reason = ReviewReason.RISKY_TOPIC if item.finding.kind is Kind.TOPIC else ReviewReason.POSSIBLE_DETAIL
        regions.extend((box, reason, _line_of(box, page.lines)) for box in item.boxes)
    regions.extend(_bridges(regions))
    merged = _merge(regions)
    return tuple(
        ReviewRegion(box=box, reason=reason, page=page_index)
        for box, reason in sorted(merged, key=lambda r: (r[0][1], r[0][0], r[1].value))
    )


def _bridges(regions: Sequence[tuple[Box, ReviewReason, int]]) -> list[tuple[Box, ReviewReason, int]]:
    """Boxes closing the gap between two reading-problem regions side by side on one line, when the
    gap is narrower than a syllable (the smaller region's height): ink between two stretches nobody
    could read is no better read for falling between them (an address OCR turned into a few symbols
    with nothing for the letters in between)."""
    reading = sorted(
        (
            (box, line)
            for box, reason, line in regions
            if reason in _READING and box[2] > box[0] and box[3] > box[1]
        ),
        key=lambda r: r[0][0],
    )
    out: list[tuple[Box, ReviewReason, int]] = []
    for i, (a, line_a) in enumerate(reading):
        best: Box | None = None
        for b, line_b in reading[i + 1 :]:
            unit = min(_height(a), _height(b))
            if b[0] - a[2] > unit:
                break  # sorted by left edge: every later box starts further right
            top, bottom = max(a[1], b[1]), min(a[3], b[3])
            if b[0] <= a[2] or bottom - top < 0.5 * unit:
                continue
            if _ANY_LINE not in (line_a, line_b) and line_a != line_b:
                continue
            if best is None or b[0] < best[2]:
                best = (a[2], top, b[0], bottom)
        if best is not None:
            out.append((best, ReviewReason.LOW_CONFIDENCE, line_a))
    return out


def burn(image: Image.Image, boxes: Sequence[Box]) -> Image.Image:
    """A new RGB image, the same size, with every box filled solid black in its pixels.

    Boxes are clipped to the image; an empty or inverted box fills nothing. Transparency is flattened
    onto white first, so nothing hidden in an alpha channel survives under a fill.
    """
    out = _rgb(image)
    pixels = np.array(out, dtype=np.uint8)
    height, width = pixels.shape[:2]
    for x0, y0, x1, y1 in boxes:
        x0, x1 = max(0, x0), min(width, x1)
        y0, y1 = max(0, y0), min(height, y1)
        if x1 > x0 and y1 > y0:
            pixels[y0:y1, x0:x1] = 0
    return Image.fromarray(pixels, "RGB")


def preview(
    image: Image.Image, redacted_boxes: Sequence[Box], regions: Sequence[ReviewRegion]
) -> Image.Image:
    """A moderator's view: the page with the fills burned in and each review region outlined and
    labelled with its reason. For review only; it is never the redacted output."""
    shown = burn(image, redacted_boxes)
    draw = ImageDraw.Draw(shown)
    line_width = max(2, min(shown.size) // 400)
    for region in regions:
        x0, y0, x1, y1 = region.box
        if x1 <= x0 or y1 <= y0:
            continue
        colour = _COLOURS.get(region.reason, (200, 0, 200))
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), outline=colour, width=line_width)
        label = region.reason.value
        left, top, right, bottom = draw.textbbox((0, 0), label)
        label_y = y0 - (bottom - top) - 2 if y0 >= (bottom - top) + 2 else y1 + 1
        draw.rectangle((x0, label_y, x0 + right - left + 2, label_y + bottom - top + 2), fill=colour)
        draw.text((x0 + 1, label_y - top + 1), label, fill=(255, 255, 255))
    return shown


def text_area(page: PageText) -> int:
    """Pixels covered by the page's text: the union of OCR line boxes and unread ink boxes (which
    together are the layout's lines and OCR's), the denominator of review coverage."""
    if page.width <= 0 or page.height <= 0:
        return 0
    mask = np.zeros((page.height, page.width), dtype=bool)
    for x0, y0, x1, y1 in [line.box for line in page.lines] + list(page.unread):
        mask[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)] = True
    return int(mask.sum())


_COLOURS: dict[ReviewReason, tuple[int, int, int]] = {
    ReviewReason.LOW_CONFIDENCE: (230, 140, 0),
    ReviewReason.UNREADABLE_LINE: (220, 0, 0),
    ReviewReason.UNREADABLE_REGION: (220, 0, 0),
    ReviewReason.POSSIBLE_DETAIL: (0, 90, 220),
    ReviewReason.RISKY_TOPIC: (140, 0, 200),
}


def _rgb(image: Image.Image) -> Image.Image:
    """The page as RGB; transparent pixels become white paper, odd modes go through grey."""
    if image.mode == "RGB":
        return image.copy()
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB")
    if image.mode in ("1", "L", "P", "CMYK", "YCbCr", "LAB", "HSV"):
        return image.convert("RGB")
    return Image.fromarray(to_gray(image), "L").convert("RGB")


def _height(box: Box) -> int:
    return max(1, box[3] - box[1])


def _low_share(line: Line, config: ReviewConfig) -> float:
    """Share of the line's characters that sit in words read below ``config.word_confidence``."""
    chars = sum(len(w.text) for w in line.words)
    low = sum(len(w.text) for w in line.words if w.confidence < config.word_confidence)
    return low / chars if chars else 1.0


def _syllable(line: Line) -> int:
    """About one syllable's size on this line: the median height of its words' boxes (a Korean
    syllable is roughly square), never more than the line's own height. The line box itself is a poor
    measure: on a page that was straightened it is the upright box around a slanted line."""
    heights = sorted(_height(w.box) for w in line.words)
    if not heights:
        return _height(line.box)
    return max(1, min(_height(line.box), heights[len(heights) // 2]))


def _around(page: PageText, line: Line, words: Iterable[Box], reach: Reach) -> Box:
    """The words' horizontal span widened by ``reach``, over the height of the line near those words
    (the words' own rows widened by ``reach.grow_y``, within the line box), padded, clipped."""
    word_boxes = list(words)
    unit = _syllable(line)
    grow, pad = round(reach.grow_y * unit), round(reach.pad * unit)
    top = min(b[1] for b in word_boxes)
    bottom = max(b[3] for b in word_boxes)
    return _clip(
        page,
        (
            min(b[0] for b in word_boxes) - round(reach.left * unit) - pad,
            min(top, max(line.box[1], top - grow)) - pad,
            max(b[2] for b in word_boxes) + round(reach.right * unit) + pad,
            max(bottom, min(line.box[3], bottom + grow)) + pad,
        ),
    )


def _fit(page: PageText, line: Line, words: Iterable[Box], reach: Reach) -> Box:
    """:func:`_around`, fitted to the page's ink when the page carries an ink mask: see :func:`_snap`."""
    word_boxes = list(words)
    outer = _around(page, line, word_boxes, reach)
    core = (
        min(b[0] for b in word_boxes),
        min(b[1] for b in word_boxes),
        max(b[2] for b in word_boxes),
        max(b[3] for b in word_boxes),
    )
    return _snap(page, core, outer, _syllable(line))


def _snap(page: PageText, core: Box, outer: Box, unit: int) -> Box:
    """The part of ``outer`` that ink needs, never less than ``core`` (the words' own boxes).

    Vertically the box covers ``core`` and then only the rows of ink connected to it (rows with ink
    in ``outer``'s columns, stopping at the first gap of paper: the space between two lines), so a fill
    no longer grows into the line above or below. Horizontally it stops at the outermost ink inside
    ``outer``'s reach: a reach over bare paper shrinks back to the words, a reach that finds ink keeps
    it. Everything is padded by ``_INK_PAD`` of a syllable and stays inside ``outer``. Without an ink
    mask, ``outer`` itself.
    """
    ink = page.ink
    if ink is None or ink.shape != (page.height, page.width):
        return outer
    ox0, oy0, ox1, oy1 = outer
    cx0, cy0 = max(ox0, min(core[0], ox1)), max(oy0, min(core[1], oy1))
    cx1, cy1 = max(cx0, min(core[2], ox1)), max(cy0, min(core[3], oy1))
    if ox1 <= ox0 or oy1 <= oy0:
        return outer
    window: npt.NDArray[np.bool_] = np.asarray(ink[oy0:oy1, ox0:ox1], dtype=bool)
    pad = max(2, round(_INK_PAD * unit))
    gap = max(1, round(_ROW_GAP * unit))
    rows: npt.NDArray[np.bool_] = np.asarray(window.any(axis=1), dtype=bool)
    top, bottom = cy0 - oy0, cy1 - oy0  # band of rows, relative to the window
    empty = 0
    row = top - 1
    while row >= 0:
        empty = 0 if rows[row] else empty + 1
        if empty > gap:
            break
        if rows[row]:
            top = row
        row -= 1
    empty = 0
    row = bottom
    while row < len(rows):
        empty = 0 if rows[row] else empty + 1
        if empty > gap:
            break
        if rows[row]:
            bottom = row + 1
        row += 1
    cols = np.flatnonzero(window[top:bottom].any(axis=0))
    left, right = cx0 - ox0, cx1 - ox0
    if len(cols):
        left, right = min(left, int(cols[0])), max(right, int(cols[-1]) + 1)
    return (
        max(ox0, ox0 + left - pad),
        max(oy0, oy0 + top - pad),
        min(ox1, ox0 + right + pad),
        min(oy1, oy0 + bottom + pad),
    )


def _line_of(box: Box, lines: Sequence[Line]) -> int:
    """Index of the line whose rows ``box`` shares most (``_ANY_LINE`` when none)."""
    best, best_overlap = _ANY_LINE, 0
    for i, line in enumerate(lines):
        overlap = min(box[3], line.box[3]) - max(box[1], line.box[1])
        if overlap > best_overlap and box[0] < line.box[2] and line.box[0] < box[2]:
            best, best_overlap = i, overlap
    return best


def _pad_box(page: PageText, box: Box, pad: float) -> Box:
    p = round(pad)
    return _clip(page, (box[0] - p, box[1] - p, box[2] + p, box[3] + p))


def _clip(page: PageText, box: Box) -> Box:
    x0, y0, x1, y1 = box
    return (
        max(0, min(page.width, x0)),
        max(0, min(page.height, y0)),
        max(0, min(page.width, x1)),
        max(0, min(page.height, y1)),
    )


def _beside_text(box: Box, lines: Sequence[Line]) -> bool:
    """Whether ``box`` shares its rows with a line OCR read (part of a line, not a line of its own)."""
    for line in lines:
        overlap = min(box[3], line.box[3]) - max(box[1], line.box[1])
        if overlap >= 0.5 * min(_height(box), _height(line.box)):
            return True
    return False


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _merge(regions: list[tuple[Box, ReviewReason, int]]) -> list[tuple[Box, ReviewReason]]:
    """Merge overlapping regions of one line band. Reading problems merge with each other (keeping
    the strongest reason); a possible detail or risky topic merges only with its own kind, so the
    moderator still sees why it was flagged.

    A merge must not make a region much taller than the tallest region that went into it: otherwise
    the steps of a slanted line, or regions on neighbouring lines touching through their padding,
    snowball into one box over much more than the text in question.
    """

    def group(reason: ReviewReason) -> str:
        return "reading" if reason in _READING else reason.value

    # (box, reason, height of the tallest original region in it, line or _ANY_LINE)
    pending = [
        (box, reason, _height(box), line)
        for box, reason, line in regions
        if box[2] > box[0] and box[3] > box[1]
    ]
    changed = True
    while changed:
        changed = False
        out: list[tuple[Box, ReviewReason, int, int]] = []
        for box, reason, base, line in pending:
            for i, (other, other_reason, other_base, other_line) in enumerate(out):
                if group(reason) != group(other_reason) or not _overlaps(box, other):
                    continue
                if _ANY_LINE not in (line, other_line) and line != other_line:
                    continue  # regions of different lines stay apart
                union = (
                    min(box[0], other[0]),
                    min(box[1], other[1]),
                    max(box[2], other[2]),
                    max(box[3], other[3]),
                )
                tallest = max(base, other_base)
                if _height(union) > 1.25 * tallest:
                    continue
                merged_line = other_line if line == _ANY_LINE else line
                out[i] = (union, min(reason, other_reason, key=_strength), tallest, merged_line)
                changed = True
                break
            else:
                out.append((box, reason, base, line))
        pending = out
    return [(box, reason) for box, reason, _, _ in pending]


def _strength(reason: ReviewReason) -> int:
    return _READING.index(reason) if reason in _READING else len(_READING)
