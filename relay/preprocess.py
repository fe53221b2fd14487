"""Page clean-up before OCR and layout: grey, flat lighting, ink mask, straight, no ruled lines.

Everything here is numpy/OpenCV on whole arrays; with layout it takes 45-80 ms of CPU on an A4 page at
150 dpi with OpenCV on one thread, as workers run it (measured on two busy cores), so the one OCR pass
stays the cost of a page. Where a cheaper call gives exactly the same result it is used (connected
components, openings, histogram percentiles: see each), since the CPU here is relay's own cost per page
on top of OCR. :func:`prepare`
returns both the image OCR sees and the ink mask layout analysis uses, in the same (straightened)
coordinates, and maps boxes in those coordinates back to the original page.

Steps were kept only where they measurably helped tesseract on rendered printed and handwriting-font
pages: flattening the lighting rescues pages with shadows and paper texture (tesseract's own global
threshold turns them into pages of noise); painting the paper white rescues pale writing on textured
paper; straightening and painting ruled lines white help on ruled, rotated handwriting; a dark table
around the page is removed before anything else looks at it. Handing tesseract a binary image instead
of grey, or removing small specks from its image, measurably hurt (thin strokes of small print and of
pen fonts break up), so the specks are removed from the layout mask only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

from relay.model import Box

Gray = npt.NDArray[np.uint8]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class PrepConfig:
    """Tuning of the clean-up. Defaults were measured on rendered A4 pages at 150 dpi."""

    # A pixel is ink when it is darker than the flattened paper by at least ``ink_contrast`` (fraction
    # of full scale) and by ``ink_sigmas`` times the paper's own grain, so pale pencil on smooth paper
    # is found while the grain of rough paper is not. The threshold never drops below ``ink_floor``.
    ink_contrast: float = 0.12
    ink_sigmas: float = 6.0
    ink_floor: float = 0.55
    # Ruled lines are looked for among pixels half as far from the paper (pale rules sit near the ink
    # threshold and would otherwise survive as dashes).
    faint_share: float = 0.5
    # The local paper brightness is never taken darker than this fraction of the page's paper level, so
    # a large dark area (a photo, a marker-blackened block) stays ink instead of becoming "paper".
    min_background_fraction: float = 0.5
    # Straightening: angles searched (degrees) and the smallest skew worth resampling the page for.
    max_skew_deg: float = 5.0
    min_skew_deg: float = 0.5
    # A straight run at least this long (fraction of the page side) is a ruled line, not handwriting.
    rule_fraction: float = 1 / 10
    # Connected ink smaller than this many pixels is dust or JPEG noise.
    speck_area: int = 12
    # Solid areas thicker than this (pixels, at least 1/140 of the page width) are not rules, however
    # long: a blacked-out block or a photo stays ink instead of being "removed" as a ruled line.
    max_rule_thickness: int = 9
    # A run shorter than ``text_run_fraction`` of the page side with ink right beside it (one or two
    # pixels above or below a horizontal run, left or right of a vertical one) along at least
    # ``text_run_contact`` of its length is a row of characters, not a rule: closely set Latin letters
    # and digits (an e-mail address, a URL, a phone number) share their top and baseline rows, which
    # the bridging close joins into one long run. Measured on rendered letters: such runs are 0.10-0.15
    # of the page wide with contact 0.74-0.98; ruled lines span the page with contact near 0.
    text_run_fraction: float = 0.5
    text_run_contact: float = 0.5


@dataclass(frozen=True, slots=True)
class Prepared:
    """A page ready for OCR and layout, and the way back to the original's pixels.

    ``ocr_image`` and ``ink`` share coordinates: the original page rotated by ``angle_deg`` about its
    centre, to straighten the text. ``glyph_px`` is a rough height of the page's characters.
    """

    ocr_image: Image.Image
    ink: Mask
    glyph_px: float
    angle_deg: float
    original_size: tuple[int, int]
    # A more lenient ink mask (faint strokes, specks and rule crossings kept; only the ruled lines
    # themselves lifted), for fitting fills to the writing without losing its pale parts. ``None``:
    # use ``ink``.
    loose_ink: Mask | None = None

    def to_original(self, box: Box, scale: float = 1.0) -> Box:
        """The axis-aligned box in original pixels that contains ``box``, given in prepared pixels
        (or in prepared pixels times ``scale``, for an image that was resized after preparing)."""
        return map_box_back(box, scale, self.angle_deg, self.original_size)


def to_gray(image: Image.Image) -> Gray:
    """Any PIL mode as 8-bit grey; transparency is composited onto white paper."""
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, rgba)
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        # Wide integer or float greys: stretch to 8 bits instead of letting PIL clip at 255.
        wide = np.asarray(image, dtype=np.float64)
        top = float(wide.max()) if wide.size else 0.0
        scaled = wide * (255.0 / top) if top > 255 else wide
        return np.clip(scaled, 0, 255).astype(np.uint8)
    return np.asarray(image.convert("L"), dtype=np.uint8).copy()


def flatten_illumination(gray: Gray, config: PrepConfig = PrepConfig()) -> Gray:
    """Divide the page by an estimate of its paper brightness, so shadows and gradients turn white.

    The paper is estimated at quarter resolution with a grey-level closing wider than any pen stroke,
    then a light blur; that costs a few milliseconds on an A4 page.
    """
    height, width = gray.shape
    if height < 8 or width < 8:
        return gray.copy()
    small = cv2.resize(gray, (max(1, width // 4), max(1, height // 4)), interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    # A grey-level closing (not a plain dilation) wipes out pen strokes but keeps the step where a
    # shadow or the paper's edge begins: a dilation would carry the bright side across the step and
    # make a band of the darker side look like ink.
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    background = cv2.blur(background, (5, 5))
    background = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    paper = _Histogram(np.asarray(small, dtype=np.uint8)).percentile(90)
    floor = max(1.0, paper * config.min_background_fraction)
    # In place: the same float32 operations as ``gray * 255.0 / np.maximum(background, floor)``, without
    # a new page-sized temporary for each step.
    flat = gray.astype(np.float32)
    flat *= 255.0
    paper_here = background.astype(np.float32)
    np.maximum(paper_here, floor, out=paper_here)
    flat /= paper_here
    np.clip(flat, 0, 255, out=flat)
    return flat.astype(np.uint8)


def ink_threshold(flat: Gray, config: PrepConfig = PrepConfig(), share: float = 1.0) -> int:
    """The grey level below which a flattened page is ink (see :class:`PrepConfig`).

    The paper's grain is measured one-sidedly, from the median of the light pixels down to their 16th
    percentile, because flattening clips the bright side at white. ``share`` < 1 moves the threshold
    that fraction of the way from the paper (a more lenient mask, for finding pale rules).
    """
    sample = flat[::3, ::3]
    light = _Histogram(sample, low=128)
    floor = 255 * config.ink_floor
    if light.size < max(16, sample.size // 100):
        # Hardly any paper (a black or very dark page): everything dark is ink.
        return round(floor)
    paper = light.median()
    grain = paper - light.percentile(16)
    drop = max(255 * config.ink_contrast, config.ink_sigmas * grain) * share
    return round(max(floor, paper - drop))


class _Histogram:
    """The grey levels of a sample, counted, for its median and percentiles without sorting it.

    A page's sample holds hundreds of thousands of pixels but only 256 distinct values; counting them
    costs a fraction of the partial sort ``np.median`` and ``np.percentile`` do (0.5 ms against 3 ms on
    an A4 page), and the results are exactly theirs: each is computed from the same one or two values
    of the sorted sample with the same floating-point operations (``tests/test_preprocess.py`` checks
    them against numpy). Only values ``>= low`` are counted.
    """

    def __init__(self, sample: Gray, low: int = 0) -> None:
        counts = np.bincount(sample.ravel(), minlength=256)[low:]
        self._low = low
        self._running = np.cumsum(counts)
        self.size = int(self._running[-1])

    def _at(self, index: int) -> int:
        """The value at ``index`` (0-based) of the sorted sample."""
        return self._low + int(np.searchsorted(self._running, index, side="right"))

    def median(self) -> float:
        """``np.median``: the middle value, or the mean of the middle two."""
        n = self.size
        if n % 2:
            return float(self._at((n - 1) // 2))
        return (self._at(n // 2 - 1) + self._at(n // 2)) / 2

    def percentile(self, q: int) -> float:
        """``np.percentile(sample, q)`` with its default (linear) method."""
        n = self.size
        virtual = (n - 1) * (q / 100)
        below = math.floor(virtual)
        if virtual >= n - 1:
            return float(self._at(n - 1))
        a, b = self._at(below), self._at(below + 1)
        gamma = virtual - below
        # numpy's interpolation, which works from the nearer of the two neighbours.
        return b - (b - a) * (1 - gamma) if gamma >= 0.5 else a + (b - a) * gamma


def ink_mask(flat: Gray, config: PrepConfig = PrepConfig()) -> Mask:
    """Ink pixels of a flattened page (darker than :func:`ink_threshold`)."""
    mask: Mask = flat < ink_threshold(flat, config)
    return mask


def estimate_skew(mask: Mask, config: PrepConfig = PrepConfig()) -> float:
    """How far (degrees, PIL's counter-clockwise sense) the text lines are rotated from horizontal.

    Text lines and ruled lines make the row profile of the ink spiky when the page is straight; the
    angle with the spikiest profile of the sheared ink coordinates wins. Coordinates are subsampled so
    this costs a few milliseconds whatever the page size.
    """
    ys, xs = np.nonzero(mask[::2, ::2])
    if len(xs) < 50:
        return 0.0
    if len(xs) > 60_000:
        pick = np.random.default_rng(0).choice(len(xs), 60_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs_f = xs.astype(np.float64) - xs.mean()
    ys_f = ys.astype(np.float64)

    def score(angle: float) -> float:
        # Lines rotated counter-clockwise by ``angle`` run y = y0 - x·tan(angle); shear them flat.
        rows = np.round(ys_f + xs_f * math.tan(math.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    coarse = np.arange(-config.max_skew_deg, config.max_skew_deg + 1e-9, 0.5)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1)
    angle = float(max(fine, key=score))
    return angle if abs(angle) >= config.min_skew_deg else 0.0


def rotate(gray: Gray, angle_deg: float, fill: int) -> Gray:
    """Rotate about the centre, same size, PIL's sense (counter-clockwise for positive angles)."""
    height, width = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle_deg, 1.0)
    rotated = cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=fill)
    return np.asarray(rotated, dtype=np.uint8)


def find_rules(faint: Mask, config: PrepConfig = PrepConfig()) -> Mask:
    """Long straight thin horizontal and vertical lines (ruled paper, margins, frames), one pixel wider.

    Rules are looked for in ``faint`` (a more lenient ink mask), because a pale printed rule sits right
    at the ink threshold and would otherwise survive as a dashed line of fragments.
    """
    height, width = faint.shape
    binary = faint.astype(np.uint8)
    h_len = max(25, round(width * config.rule_fraction))
    v_len = max(25, round(height * config.rule_fraction))
    # Rule thickness grows with scan resolution; a 150 dpi A4 page has rules of 1 to 3 pixels.
    thick = max(config.max_rule_thickness, round(width / 140))

    # Bridge the small breaks JPEG and texture leave in a pale rule, then keep only long runs.
    horizontal = _morph(_morph(binary, cv2.MORPH_CLOSE, (7, 1)), cv2.MORPH_OPEN, (h_len, 1)).astype(bool)
    vertical = _morph(_morph(binary, cv2.MORPH_CLOSE, (1, 7)), cv2.MORPH_OPEN, (1, v_len)).astype(bool)
    # Long and thin only: a run that is also long in the other direction is a solid area, kept as ink.
    # (Checked only where there are long runs at all: most letters have no rules in one direction.)
    if horizontal.any():
        horizontal &= ~_morph(binary, cv2.MORPH_OPEN, (h_len, thick)).astype(bool)
        horizontal = _without_text_runs(
            horizontal, faint, round(width * config.text_run_fraction), thick, config
        )
    if vertical.any():
        vertical &= ~_morph(binary, cv2.MORPH_OPEN, (thick, v_len)).astype(bool)
        vertical = _without_text_runs(
            vertical.T, faint.T, round(height * config.text_run_fraction), thick, config
        ).T
    rules: Mask = horizontal | vertical
    if not rules.any():
        return rules
    # Widen by one pixel so the anti-aliased fringe of the rule goes too.
    widened: Mask = cv2.dilate(rules.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    return widened


def _without_text_runs(runs: Mask, faint: Mask, long_px: int, thick: int, config: PrepConfig) -> Mask:
    """``runs`` (long horizontal runs) without those that are rows of characters: shorter than
    ``long_px`` and either thicker than a rule (``thick`` rows: a line of closely set lower-case
    letters, "@yeonnyeoseo", bridges into a band as tall as the letters, with nothing above it) or
    touching ink just above or below along ``config.text_run_contact`` of their length. (Vertical runs
    are handled transposed.) Erasing them would blank the characters for OCR and hide them from the
    unread-ink check, so an e-mail address would leave the page unread and unflagged."""
    rows = np.flatnonzero(runs.any(axis=1))
    if not len(rows):
        return runs
    cols = np.flatnonzero(runs.any(axis=0))
    # Labelled inside the runs' bounding box only (typically a band of the page): components, their
    # numbering and sizes are the same as over the whole page, only their positions move by the corner.
    top, left = int(rows[0]), int(cols[0])
    window = (slice(top, int(rows[-1]) + 1), slice(left, int(cols[-1]) + 1))
    count, labels, stats = components(runs[window])
    height = runs.shape[0]
    text = np.zeros(count, dtype=bool)
    for i, (x, y, w, h) in enumerate(stats[:, :4].tolist()):
        if i == 0:
            continue  # the background
        x, y = x + left, y + top
        if w >= long_px:
            continue
        if h > thick:
            text[i] = True
            continue
        # Skip the row right next to the run (its anti-aliased fringe) and look at the two beyond.
        above = faint[max(0, y - 3) : max(0, y - 1), x : x + w].any(axis=0)
        below = faint[min(height, y + h + 1) : min(height, y + h + 3), x : x + w].any(axis=0)
        text[i] = (above | below).mean() >= config.text_run_contact
    if not text.any():
        return runs
    kept: Mask = runs.copy()
    kept[window] &= ~np.take(text, labels)
    return kept


def lift_rules(mask: Mask, rules: Mask) -> Mask:
    """``mask`` without the ``rules`` found by :func:`find_rules`.

    Handwriting that crosses a rule would be cut where the rule ran; strokes are rejoined across the
    removed band by a short vertical closing limited to the rule's own pixels.
    """
    if not rules.any():
        return mask.copy()
    kept = mask & ~rules
    bridged = _morph(kept.astype(np.uint8), cv2.MORPH_CLOSE, (1, 9)).astype(bool)
    result: Mask = kept | (rules & bridged & mask)
    return result


def _morph(source: npt.NDArray[np.uint8], op: int, kernel: tuple[int, int]) -> npt.NDArray[np.uint8]:
    element = np.asarray(cv2.getStructuringElement(cv2.MORPH_RECT, kernel), dtype=np.uint8)
    if op == cv2.MORPH_OPEN:
        return _open(source, element)
    return np.asarray(cv2.morphologyEx(source, op, element), dtype=np.uint8)


def _open(source: npt.NDArray[np.uint8], element: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """``cv2.morphologyEx(source, cv2.MORPH_OPEN, element)``, pixel for pixel.

    An opening is an erosion followed by a dilation with the same element and border (that is how
    OpenCV computes it). The long and the solid elements used here usually leave nothing after the
    erosion (no ruled lines, no blacked-out blocks), and then the dilation, half the cost, is skipped.
    """
    eroded = cv2.erode(source, element)
    if not cv2.countNonZero(eroded):
        return np.zeros_like(source)
    return np.asarray(cv2.dilate(eroded, element), dtype=np.uint8)


def components(
    mask: Mask | npt.NDArray[np.uint8],
) -> tuple[int, npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """The 8-connected components of a mask: their count (background included), the label image and
    the statistics, exactly as ``cv2.connectedComponentsWithStats(mask, connectivity=8)`` gives them.

    Labelled with OpenCV's BBDT algorithm rather than its default: with statistics, on one OpenCV
    thread (as workers run, :func:`workers.app.warm_up`), the default takes about 14 ms of CPU on an A4
    page at 150 dpi and BBDT 5 ms (on two threads both take about 14). The labels and statistics are
    identical, on one thread or several (``tests/test_preprocess.py`` checks it).
    """
    binary = np.ascontiguousarray(mask).view(np.uint8) if mask.dtype == np.bool_ else mask
    count, labels, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(
        np.ascontiguousarray(binary), 8, cv2.CV_32S, cv2.CCL_BBDT
    )
    return (
        int(count),
        np.asarray(labels, dtype=np.int32),
        np.asarray(stats, dtype=np.int32),
    )


def remove_specks(mask: Mask, min_area: int) -> tuple[Mask, float]:
    """The mask without connected blobs under ``min_area`` pixels, and the median glyph-blob height.

    The median height of blobs that look like pieces of characters is the page's text scale, used to
    size everything else (rescaling, smearing, padding).
    """
    _, labels, stats = components(mask)
    areas = stats[:, cv2.CC_STAT_AREA]
    keep = areas >= min_area
    keep[0] = False
    cleaned: Mask = np.take(keep, labels)  # the same as keep[labels], in two thirds of the time
    heights = stats[1:, cv2.CC_STAT_HEIGHT][keep[1:]]
    # Korean syllables break into jamo blobs; the taller ones approximate a syllable's height.
    plausible = heights[(heights >= 4) & (heights <= mask.shape[0] // 4)]
    glyph_px = float(np.percentile(plausible, 75)) if len(plausible) else 0.0
    return cleaned, glyph_px


def page_background(mask: Mask) -> Mask:
    """Solid dark areas that reach the edge of the image: the table or scanner lid around the paper.

    "Solid" means it survives an opening far thicker than any pen stroke, so text touching the edge is
    not background. Solid dark areas inside the page (a blacked-out block, a dark photo) do not reach
    the edge and stay ink, to be reported as writing OCR could not read. A page that is black all over
    is background too: there is nothing on it to read.
    """
    height, width = mask.shape
    # (A count rather than mask.mean(), which sums the mask as floats: the same ratio, a fifth of the time.)
    if np.count_nonzero(mask) / mask.size >= 0.98:
        # Dark all over (a black frame, a lens cap): there is no paper, so nothing on it is writing.
        return mask.copy()
    size = max(9, round(min(height, width) / 80))
    if height < 3 * size or width < 3 * size:
        return np.zeros_like(mask)
    solid = _open(mask.view(np.uint8), np.ones((size, size), np.uint8))
    if not solid.any():
        return _edge_slivers(mask, size)
    _, labels = cv2.connectedComponents(solid, connectivity=4)
    edge = np.concatenate((labels[0], labels[-1], labels[:, 0], labels[:, -1]))
    touching = np.unique(edge[edge > 0])
    if not len(touching):
        return _edge_slivers(mask, size)
    background = np.isin(labels, touching).astype(np.uint8)
    # Take the blurred rim where the paper meets the background too.
    rim = cv2.dilate(background, np.ones((7, 7), np.uint8)).astype(bool)
    result: Mask = rim & mask
    return result | _edge_slivers(mask & ~result, size)


def _edge_slivers(mask: Mask, size: int) -> Mask:
    """Thin dark strips lying along the edge of the image (the paper's own edge, a shadow line): ink
    blobs touching the border that are at least four times longer than thick and do not reach
    further than half the opening size into the page.

    Only the four bands along the border are searched, each turned so that the image edge is its
    first row; a blob reaching the band's last row continues into the page and is left alone.
    """
    result = np.zeros_like(mask)
    band = max(2, size // 2 + 1)
    height, width = mask.shape
    if height <= 2 * band or width <= 2 * band:
        return result
    views = (
        result[:band],
        result[height - band :][::-1],
        result[:, :band].T,
        result[:, width - band :].T[::-1],
    )
    strips = (mask[:band], mask[height - band :][::-1], mask[:, :band].T, mask[:, width - band :].T[::-1])
    for strip, view in zip(strips, views, strict=True):
        _, labels, stats = components(strip)
        top, length, depth = (
            stats[:, cv2.CC_STAT_TOP],
            stats[:, cv2.CC_STAT_WIDTH],
            stats[:, cv2.CC_STAT_HEIGHT],
        )
        keep = (top == 0) & (top + depth < band) & (length >= 4 * depth)
        keep[0] = False
        if keep.any():
            view |= keep[labels]  # the views write through to ``result``
    return result


def prepare(image: Image.Image, config: PrepConfig = PrepConfig()) -> Prepared:
    """Grey, flatten the lighting, straighten, and lift ruled lines; the ink mask also loses its dust.

    Tesseract gets the flattened grey (not the binary mask: thin strokes and anti-aliasing survive
    better in grey, measured on small printed text) with the ruled lines and the paper painted white.
    """
    gray = to_gray(image)
    size = (gray.shape[1], gray.shape[0])
    if gray.size == 0:
        return Prepared(Image.new("L", size), np.zeros(gray.shape, dtype=bool), 0.0, 0.0, size)
    flat = flatten_illumination(gray, config)
    mask = ink_mask(flat, config)
    background = page_background(mask)
    if background.any():
        flat[background] = 255
        mask &= ~background
    angle = -estimate_skew(mask, config)
    if angle:
        flat = rotate(flat, angle, 255)
        mask = ink_mask(flat, config)
    faint = flat < ink_threshold(flat, config, config.faint_share)
    rules = find_rules(faint, config)  # the same rules come out of the strict and the loose mask
    without_rules = lift_rules(mask, rules)
    flat[mask & ~without_rules] = 255
    # Paper is made pure white (everything lighter than half-way to the ink threshold). On pale writing
    # over textured paper tesseract otherwise reads the grain as pages of junk (measured: character
    # accuracy from below zero to 0.75-0.80, and seven times faster); anti-aliased stroke edges are
    # darker than that and stay.
    flat[~faint] = 255
    ink, glyph_px = remove_specks(without_rules, config.speck_area)
    loose = lift_rules(faint | mask, rules) | ink
    return Prepared(
        ocr_image=Image.fromarray(flat, "L"),
        ink=ink,
        glyph_px=glyph_px,
        angle_deg=angle,
        original_size=size,
        loose_ink=loose,
    )


def map_box_back(box: Box, scale: float, angle_deg: float, original_size: tuple[int, int]) -> Box:
    """Undo :func:`prepare`'s scaling and straightening for one box, clipped to the original page."""
    width, height = original_size
    x0, y0, x1, y1 = (v / scale for v in box)
    if angle_deg:
        # The prepared page is the original rotated by +angle about the centre; rotate the corners back.
        cx, cy = width / 2, height / 2
        a = math.radians(angle_deg)
        cos_a, sin_a = math.cos(a), math.sin(a)
        xs, ys = [], []
        for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            dx, dy = x - cx, y - cy
            xs.append(cx + dx * cos_a - dy * sin_a)
            ys.append(cy + dx * sin_a + dy * cos_a)
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    return (
        max(0, min(width, math.floor(x0))),
        max(0, min(height, math.floor(y0))),
        max(0, min(width, math.ceil(x1))),
        max(0, min(height, math.ceil(y1))),
    )
