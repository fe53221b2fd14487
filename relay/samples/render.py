"""Render labelled letters as page images with a box for every glyph: printed or handwriting-like.

A4 at 150 dpi (1240×1754). Printed pages use the Nanum gothic, myeongjo and square faces; handwritten
pages use the Nanum pen and brush faces with per-glyph jitter (baseline, size, rotation, spacing) and
uneven line slant. Degradations (paper colour and texture, ruled lines, rotation up to ±3°, shift,
uneven light, blur, noise, JPEG) are each optional and seeded. Every box is measured on the glyph's own
ink after all geometry, so labels and pixels agree.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PIL import Image

from relay.model import Box
from relay.samples import degrade
from relay.samples.layout import LayoutParams, PlacedGlyph, layout
from relay.samples.text import LabeledSpan, LabeledText

PAGE = (1240, 1754)
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/nanum"),
    Path("/usr/share/fonts/nanum"),
    Path("/usr/local/share/fonts/nanum"),
)
PRINTED_FONTS = (
    "NanumGothic.ttf",
    "NanumMyeongjo.ttf",
    "NanumBarunGothic.ttf",
    "NanumSquareR.ttf",
    "NanumGothicBold.ttf",
    "NanumMyeongjoBold.ttf",
)
HANDWRITTEN_FONTS = ("NanumPen.ttf", "NanumBrush.ttf", "NanumBarunpenR.ttf", "NanumBarunpenB.ttf")
KINDS = ("printed", "handwritten")


def font_path(name: str) -> str:
    """Where a Nanum font file is installed (fonts-nanum and fonts-nanum-extra on Debian/Ubuntu)."""
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return str(folder / name)
    raise FileNotFoundError(f"font {name} not found; install fonts-nanum and fonts-nanum-extra")


@dataclass(frozen=True)
class Style:
    """How a page looks. ``kind`` is ``printed`` or ``handwritten``; sizes are pixels at 150 dpi."""

    kind: str
    font: str
    glyph_height: int = 32
    line_pitch: float = 1.7
    margins: tuple[int, int, int, int] = (120, 140, 110, 120)
    jitter: float = 0.0
    slant: float = 0.0
    letter_spacing: float = 0.0
    indent: int = 0
    sign_right: bool = False
    stroke: int = 0
    shear: float = 0.0
    ink: degrade.Colour = (25, 25, 30)
    paper: degrade.Colour = (252, 251, 248)
    texture: float = 0.0
    ruled: bool = False
    margin_line: bool = False
    rotation: float = 0.0
    shift: tuple[int, int] = (0, 0)
    background: degrade.Colour = (235, 235, 235)
    lighting: float = 0.0
    blur: float = 0.0
    noise: float = 0.0
    jpeg_quality: int | None = None


@dataclass(frozen=True)
class Glyph:
    """One inked character: its offset in the letter text, the character, its box and visual line."""

    offset: int
    char: str
    box: Box
    line: int


@dataclass(frozen=True)
class RenderedLetter:
    """A rendered page and its ground truth. ``style`` is the kind (``printed``/``handwritten``),
    ``params`` the full style actually used (glyph size after fitting the page included)."""

    doc: LabeledText
    image: Image.Image
    span_boxes: tuple[tuple[LabeledSpan, tuple[Box, ...]], ...]
    glyph_boxes: tuple[Glyph, ...]
    line_boxes: tuple[Box, ...]
    style: str
    params: Style
    jpeg: bytes | None = None

    def benign_boxes(self) -> tuple[Box, ...]:
        """Boxes of glyphs outside every labelled span (topic spans included): ink that should stay."""
        labelled = {i for span, _ in self.span_boxes for i in range(span.start, span.end)}
        return tuple(g.box for g in self.glyph_boxes if g.offset not in labelled)


def random_style(rng: random.Random, kind: str) -> Style:
    """A plausible random look for a page of ``kind`` (``printed`` or ``handwritten``)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    hand = kind == "handwritten"
    ink = (
        rng.choice(((20, 30, 110), (15, 15, 20), (40, 40, 45), (10, 40, 90)))
        if hand
        else (rng.choice(((20, 20, 22), (35, 35, 35), (10, 10, 10))))
    )
    paper = rng.choice(((252, 251, 248), (246, 240, 225), (240, 238, 232), (250, 246, 236), (236, 236, 240)))
    return Style(
        kind=kind,
        font=rng.choice(HANDWRITTEN_FONTS if hand else PRINTED_FONTS),
        glyph_height=rng.randint(28, 45) if hand else rng.randint(25, 38),
        line_pitch=rng.uniform(1.6, 2.2) if hand else rng.uniform(1.45, 1.9),
        margins=(rng.randint(70, 170), rng.randint(80, 220), rng.randint(60, 130), rng.randint(80, 160)),
        jitter=rng.uniform(0.5, 1.5) if hand else 0.0,
        slant=rng.uniform(0.3, 1.5) if hand else 0.0,
        letter_spacing=rng.uniform(-0.05, 0.15) if hand else rng.uniform(-0.02, 0.06),
        indent=rng.choice((0, 0, 1, 2)),
        sign_right=rng.random() < 0.5,
        stroke=rng.choice((0, 0, 1)) if hand else 0,
        shear=rng.uniform(-0.1, 0.3) if hand else 0.0,
        ink=ink,
        paper=paper,
        texture=rng.uniform(0, 4.5),
        ruled=hand and rng.random() < 0.6,
        margin_line=hand and rng.random() < 0.3,
        rotation=rng.uniform(-3, 3) if rng.random() < 0.7 else 0.0,
        shift=(rng.randint(-30, 30), rng.randint(-30, 30)) if rng.random() < 0.5 else (0, 0),
        background=rng.choice(((235, 235, 235), (90, 80, 70), (250, 250, 250), (40, 40, 40))),
        lighting=rng.uniform(0.05, 0.3) if rng.random() < 0.5 else 0.0,
        blur=rng.uniform(0.3, 1.1) if rng.random() < 0.5 else 0.0,
        noise=rng.uniform(2, 9) if rng.random() < 0.6 else 0.0,
        jpeg_quality=rng.randint(45, 90) if rng.random() < 0.4 else None,
    )


def _box(points: np.ndarray, size: tuple[int, int]) -> Box:
    """Axis-aligned bounds of ink pixel centres, grown to whole pixels and clipped to the page."""
    x0, y0 = np.floor(points.min(axis=0) - 0.5).astype(int)
    x1, y1 = np.ceil(points.max(axis=0) + 0.5).astype(int)
    return max(0, int(x0)), max(0, int(y0)), min(size[0], int(x1)), min(size[1], int(y1))


def _coverage(glyphs: tuple[PlacedGlyph, ...], size: tuple[int, int]) -> np.ndarray:
    cover = np.zeros((size[1], size[0]), np.float32)
    for g in glyphs:
        h, w = g.mask.shape
        x0, y0 = max(g.x, 0), max(g.y, 0)
        x1, y1 = min(g.x + w, size[0]), min(g.y + h, size[1])
        if x1 > x0 and y1 > y0:
            region = cover[y0:y1, x0:x1]
            np.maximum(region, g.mask[y0 - g.y : y1 - g.y, x0 - g.x : x1 - g.x], out=region)
    return cover


def render_letter(doc: LabeledText, style: Style, rng: random.Random) -> RenderedLetter:
    """Draw ``doc`` on a page in ``style``; seeded by ``rng`` (same seed, same pixels and boxes)."""
    params = LayoutParams(
        font_path=font_path(style.font),
        glyph_height=style.glyph_height,
        line_pitch=style.line_pitch,
        margins=style.margins,
        jitter=style.jitter,
        slant=style.slant,
        letter_spacing=style.letter_spacing,
        indent=style.indent,
        sign_right=style.sign_right,
        stroke=style.stroke,
        shear=style.shear,
    )
    placed = layout(doc.text, params, PAGE, rng)
    sheet = degrade.paper(PAGE, style.paper, style.texture, rng)
    if style.ruled:
        rule_colour = rng.choice(((170, 190, 220), (190, 190, 190), (160, 200, 200)))
        margin = style.margins[0] - 20 if style.margin_line else None
        sheet = degrade.rule_lines(sheet, placed.baselines[0], placed.pitch, rule_colour, margin)
    cover = _coverage(placed.glyphs, PAGE)
    page = degrade.ink(sheet, cover, style.ink)
    matrix = degrade.scan_matrix(PAGE, style.rotation, style.shift)
    page = degrade.warp(page, matrix, style.background)
    page = degrade.noise(
        degrade.blur(degrade.lighting(page, style.lighting, rng), style.blur), style.noise, rng
    )
    image = degrade.to_image(page)
    data = None
    if style.jpeg_quality is not None:
        image, data = degrade.jpeg(image, style.jpeg_quality)

    glyphs = tuple(
        Glyph(g.offset, g.char, _box(degrade.transform_points(g.ink_points(), matrix), PAGE), g.line)
        for g in placed.glyphs
    )
    by_offset = {g.offset: g.box for g in glyphs}
    span_boxes = tuple(
        (span, tuple(by_offset[i] for i in range(span.start, span.end) if i in by_offset))
        for span in doc.spans
    )
    lines: dict[int, list[Box]] = {}
    for g in glyphs:
        lines.setdefault(g.line, []).append(g.box)
    line_boxes = tuple(
        (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))
        for _, bs in sorted(lines.items())
    )
    used = replace(style, glyph_height=placed.glyph_height, line_pitch=placed.pitch / placed.glyph_height)
    return RenderedLetter(doc, image, span_boxes, glyphs, line_boxes, style.kind, used, data)
