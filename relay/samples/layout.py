"""Glyph-by-glyph layout of a letter on a page, with the irregularity of handwriting when asked for.

Each glyph is drawn on its own small canvas (so it can be scaled, rotated and shifted individually, as a
hand does) and kept as an alpha mask with its position. The renderer composites the masks and derives
every label box from the mask pixels themselves, so a box always sits on ink.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

# A pixel belongs to a glyph's box when its coverage is at least this share of full ink.
INK_THRESHOLD = 0.4
_SAMPLE = "가나다라한글편지동생"


@dataclass(frozen=True)
class LayoutParams:
    """What the layout needs to know about a style (see :class:`relay.samples.render.Style`)."""

    font_path: str
    glyph_height: int
    line_pitch: float
    margins: tuple[int, int, int, int]  # left, top, right, bottom
    jitter: float
    slant: float
    letter_spacing: float
    indent: int = 0  # glyphs of indentation at the start of each written line
    sign_right: bool = False  # the last line (date and signature) pushed to the right margin
    stroke: int = 0  # pixels added to the pen's width (a felt pen against a fine ballpoint)
    shear: float = 0.0  # the writer's italic lean, x shift per pixel of height


@dataclass(frozen=True)
class PlacedGlyph:
    """One glyph's coverage mask (0..1) with its top-left corner on the page, before any page transform."""

    offset: int
    char: str
    line: int
    x: int
    y: int
    mask: np.ndarray  # float32, 0..1

    def ink_points(self) -> np.ndarray:
        """(N, 2) float array of x, y page coordinates of the pixel centres that count as ink."""
        ys, xs = np.nonzero(self.mask >= INK_THRESHOLD * float(self.mask.max()))
        return np.stack([xs + self.x + 0.5, ys + self.y + 0.5], axis=1).astype(np.float64)


@dataclass(frozen=True)
class Layout:
    """Placed glyphs, the baseline of every visual line (for ruled paper) and the size actually used."""

    glyphs: tuple[PlacedGlyph, ...]
    baselines: tuple[int, ...]
    glyph_height: int
    pitch: int


@cache
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    # Precomposed Hangul needs no shaping; the basic engine is faster and has no raqm quirks.
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


@cache
def hangul_height_ratio(path: str) -> float:
    """Ink height of Hangul syllables per point of font size; differs a lot between fonts (pen vs gothic)."""
    box = _font(path, 200).getbbox(_SAMPLE, anchor="ls")
    return (box[3] - box[1]) / 200


def font_size_for(path: str, glyph_height: int) -> int:
    """The font size whose Hangul syllables are ``glyph_height`` pixels high."""
    return max(8, round(glyph_height / hangul_height_ratio(path)))


def _wrap(line: str, start: int, width: float, advance: dict[str, float]) -> list[tuple[int, int]]:
    """Break one written line into visual lines at spaces, as a hand would when the paper runs out.
    Returns (start, end) offsets; a word longer than the whole line is broken between characters."""
    out: list[tuple[int, int]] = []
    begin, x, last_space = 0, 0.0, -1
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == " ":
            last_space = i
        x += advance[ch]
        if x > width and i > begin:
            cut = last_space if last_space > begin else i
            out.append((start + begin, start + cut))
            begin = cut + 1 if cut == last_space else cut
            i, x, last_space = begin, 0.0, -1
            continue
        i += 1
    out.append((start + begin, start + len(line)))
    return out


def _visual_lines(text: str, width: float, advance: dict[str, float]) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        lines.extend(_wrap(line, start, width, advance))
        start += len(line) + 1
    return lines


def _fit(text: str, p: LayoutParams, page: tuple[int, int]) -> tuple[int, int, list[tuple[int, int]]]:
    """Largest glyph height (≤ the style's) and pitch at which the whole text fits the page."""
    left, top, right, bottom = p.margins
    width, height = page[0] - left - right, page[1] - top - bottom
    pitch_factor = p.line_pitch
    h = p.glyph_height
    while True:
        font = _font(p.font_path, font_size_for(p.font_path, h))
        advance = {ch: font.getlength(ch) * (1 + p.letter_spacing) for ch in set(text) - {"\n"}}
        # Handwriting drifts wider than its nominal advance; leave room so glyphs stay inside the margins.
        lines = _visual_lines(text, width - h * (1 + p.jitter + p.indent), advance)
        pitch = round(h * pitch_factor)
        if len(lines) * pitch <= height - h:
            return h, pitch, lines
        if h > 22:
            h -= 1
        elif pitch_factor > 1.3:
            pitch_factor -= 0.05
        else:
            raise ValueError("the text does not fit on one page; generate a shorter letter")


@dataclass(frozen=True)
class Pen:
    """How one glyph deviates from the font: rotation (degrees, counter-clockwise), italic shear (x shift
    per pixel of height), horizontal stretch and extra stroke width in pixels."""

    angle: float = 0.0
    shear: float = 0.0
    widen: float = 1.0
    stroke: int = 0


def _glyph_mask(ch: str, path: str, size: int, pen: Pen) -> tuple[np.ndarray, int, int]:
    """Coverage mask of one character drawn at ``size`` and deformed by ``pen``, with the position of
    its pen origin (left end of the baseline) inside the mask."""
    font = _font(path, size)
    pad = size
    canvas = Image.new("L", (3 * size, 3 * size), 0)
    ImageDraw.Draw(canvas).text((pad, 2 * size), ch, font=font, fill=255, anchor="ls")
    if pen.angle or pen.shear or pen.widen != 1.0:
        cx, cy = pad + font.getlength(ch) / 2, 2 * size - size * 0.35
        t = math.radians(pen.angle)
        rotate = np.array([[math.cos(t), math.sin(t)], [-math.sin(t), math.cos(t)]])
        forward = (
            rotate @ np.array([[1.0, -pen.shear], [0.0, 1.0]]) @ np.array([[pen.widen, 0.0], [0.0, 1.0]])
        )
        # PIL maps output pixels back to input pixels, so it wants the inverse transform.
        (a, b), (d, e) = np.linalg.inv(forward)
        data = (a, b, cx - a * cx - b * cy, d, e, cy - d * cx - e * cy)
        canvas = canvas.transform(canvas.size, Image.Transform.AFFINE, data, Image.Resampling.BICUBIC)
    arr = np.asarray(canvas, dtype=np.float32) / 255.0
    if pen.stroke:
        kernel = np.ones((2 * pen.stroke + 1, 2 * pen.stroke + 1), np.uint8)
        arr = np.asarray(cv2.dilate(arr, kernel), np.float32)
    ys, xs = np.nonzero(arr > 0.02)
    if not len(xs):
        return np.zeros((0, 0), np.float32), 0, 0
    x0, y0 = int(xs.min()), int(ys.min())
    return arr[y0 : ys.max() + 1, x0 : xs.max() + 1].copy(), pad - x0, 2 * size - y0


def layout(text: str, p: LayoutParams, page: tuple[int, int], rng: random.Random) -> Layout:
    """Place every non-space character of ``text`` on a page of ``page`` (width, height) pixels."""
    h, pitch, lines = _fit(text, p, page)
    size = font_size_for(p.font_path, h)
    font = _font(p.font_path, size)
    left, top = p.margins[0], p.margins[1]
    j = p.jitter
    glyphs: list[PlacedGlyph] = []
    baselines: list[int] = []
    last_line = text.rfind("\n") + 1
    for li, (start, end) in enumerate(lines):
        baseline = top + h + li * pitch
        baselines.append(baseline)
        # A hand drifts: each line has its own slope and a slow wave, and starts a little off the margin.
        slope = math.tan(math.radians(rng.gauss(0, p.slant))) if p.slant else 0.0
        wave_amp, wave_len, phase = j * h * 0.06, rng.uniform(300, 700), rng.uniform(0, 2 * math.pi)
        x = left + (rng.uniform(0, j * h * 0.5) if j else 0.0)
        if start == 0 or text[start - 1] == "\n":
            x += p.indent * h
        if p.sign_right and start >= last_line:
            used = sum(font.getlength(ch) * (1 + p.letter_spacing) for ch in text[start:end])
            x = max(x, page[0] - p.margins[2] - used - h * (1 + j))
        for offset in range(start, end):
            ch = text[offset]
            adv = font.getlength(ch) * (1 + p.letter_spacing)
            if ch == " ":
                x += adv * (1 + rng.uniform(-0.3, 0.4) * j)
                continue
            scale = 1 + rng.gauss(0, 0.05 * j)
            pen = Pen(
                angle=rng.gauss(0, 2.5 * j) - math.degrees(math.atan(slope)),
                shear=p.shear + rng.gauss(0, 0.04 * j),
                widen=1 + rng.gauss(0, 0.05 * j),
                stroke=p.stroke,
            )
            mask, ox, oy = _glyph_mask(ch, p.font_path, max(8, round(size * scale)), pen)
            dx = x - left
            y = baseline + dx * slope + wave_amp * math.sin(dx / wave_len * 2 * math.pi + phase)
            y += rng.gauss(0, 0.05 * h * j)
            if mask.size and j:
                mask = mask * rng.uniform(0.8, 1.0)  # pen pressure varies from glyph to glyph
            if mask.size:
                glyphs.append(PlacedGlyph(offset, ch, li, round(x) - ox, round(y) - oy, mask))
            x += adv * scale * pen.widen * (1 + rng.gauss(0, 0.06 * j))
    return Layout(tuple(glyphs), tuple(baselines), h, pitch)
