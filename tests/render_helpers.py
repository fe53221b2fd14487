"""Rendered test pages with known ground truth: every glyph's ink box and every line's text.

Pages are A4 at 150 dpi (1240×1754) by default. Printed pages use the Nanum printed faces; handwriting
pages use the Nanum pen and brush faces with per-glyph jitter (offset, size, rotation) so that no two
syllables sit exactly alike, which is what defeats tesseract on real handwriting. Page-level damage
(ruled lines, paper texture, uneven lighting, rotation, blur, JPEG) is applied after the glyphs are
placed, and the glyph boxes are carried through the rotation so they stay true.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from relay.model import Box

FONT_DIR = Path("/usr/share/fonts/truetype/nanum")
PRINTED_FONTS = ("NanumGothic", "NanumMyeongjo", "NanumBarunGothic", "NanumSquareR")
HANDWRITING_FONTS = ("NanumPen", "NanumBrush", "NanumBarunpenR", "NanumBarunpenB")

# Letter-like lines with the kinds of details relay must remove (names, places, units, phone numbers).
LETTER_LINES = (
    "사랑하는 아들 김철수에게",
    "어머니는 함경북도 청진시에서 잘 지내고 있다",
    "너의 동생 영희도 학교를 잘 다니고 있단다",
    "우리는 지금 서울에서 새로운 삶을 살고 있어",
    "전화번호는 010-1234-5678 이니 꼭 연락해라",
    "보위부 사람들이 찾아와도 걱정하지 말아라",
    "너를 다시 만날 날을 매일 기다리고 있다",
    "아버지도 건강하시고 너를 많이 보고 싶어 하신다",
    "제2군단 소속이었던 박영호 동무도 잘 있다",
    "몸 건강히 밥 잘 먹고 꼭 살아서 돌아오너라",
    "양강도 혜산시 할머니 댁 소식도 곧 전하마",
    "2023년 5월 어머니가 보낸다",
)


@dataclass(frozen=True)
class Glyph:
    """One drawn character and the box of its ink (spaces have no glyph)."""

    char: str
    box: Box


@dataclass(frozen=True)
class RenderedLine:
    """One drawn line: its text, the box of all its ink, and its glyphs in order."""

    text: str
    box: Box
    glyphs: tuple[Glyph, ...]


@dataclass(frozen=True)
class RenderedPage:
    """A rendered page and its ground truth."""

    image: Image.Image
    lines: tuple[RenderedLine, ...]
    extra_ink: tuple[Box, ...] = field(default=())  # scribbles and shapes drawn on purpose

    def word_glyph_boxes(self, word: str) -> list[list[Box]]:
        """For every occurrence of ``word`` (spaces ignored), the glyph boxes it is made of."""
        found: list[list[Box]] = []
        target = word.replace(" ", "")
        for line in self.lines:
            chars = "".join(g.char for g in line.glyphs)
            start = chars.find(target)
            while start >= 0:
                found.append([g.box for g in line.glyphs[start : start + len(target)]])
                start = chars.find(target, start + 1)
        return found

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@lru_cache(maxsize=64)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / f"{name}.ttf"), size)


def _glyph_patch(char: str, face: ImageFont.FreeTypeFont, angle: float) -> tuple[Image.Image, int, int]:
    """The glyph drawn alone as an 'L' alpha mask, rotated about its centre and cropped to its ink, with
    the offset of the crop from the glyph's origin (left edge, baseline)."""
    size = round(face.size)
    pad = size  # room for rotation and for strokes that leave the em box
    canvas = Image.new("L", (3 * size, 3 * size), 0)
    ImageDraw.Draw(canvas).text((pad, 2 * size), char, font=face, fill=255, anchor="ls")
    if angle:
        canvas = canvas.rotate(angle, resample=Image.Resampling.BICUBIC, center=(1.5 * size, 1.6 * size))
    bbox = canvas.getbbox() or (pad, pad, pad + 1, pad + 1)
    return canvas.crop(bbox), bbox[0] - pad, bbox[1] - 2 * size


def _rotate_box(box: Box, angle_deg: float, cx: float, cy: float, width: int, height: int) -> Box:
    """The axis-aligned box around ``box`` after PIL's ``rotate(angle_deg)`` about ``(cx, cy)``."""
    # PIL rotates counter-clockwise on screen, i.e. clockwise in maths coordinates with y down.
    a = math.radians(angle_deg)
    cos_a, sin_a = math.cos(a), math.sin(a)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * cos_a + dy * sin_a)
        ys.append(cy - dx * sin_a + dy * cos_a)
    return (
        max(0, math.floor(min(xs))),
        max(0, math.floor(min(ys))),
        min(width, math.ceil(max(xs))),
        min(height, math.ceil(max(ys))),
    )


def render_page(
    lines: Sequence[str] = LETTER_LINES,
    *,
    font_name: str = "NanumGothic",
    size: int = 36,
    jitter: float = 0.0,
    ruled: bool = False,
    rotate: float = 0.0,
    blur: float = 0.0,
    jpeg_quality: int | None = None,
    texture: float = 0.0,
    lighting: float = 0.0,
    ink: tuple[int, int, int] = (20, 20, 30),
    line_pitch: float = 2.0,
    seed: int = 0,
    page_size: tuple[int, int] = (1240, 1754),
    margin: int = 110,
) -> RenderedPage:
    """Draw ``lines`` on a page and return it with the true glyph and line boxes.

    ``jitter`` (0..1) scales handwriting-like variation: each syllable is shifted, resized and rotated a
    little, and the baseline wanders. ``line_pitch`` is the distance between baselines in glyph sizes.
    """
    rng = random.Random(seed)
    width, height = page_size
    page = Image.new("L", page_size, 0)  # ink mask; composited onto paper at the end
    drawn: list[RenderedLine] = []
    pitch = round(size * line_pitch)
    # Ruled paper is ruled all the way down, whether or not the writer got that far.
    first_rule = margin + size + max(2, size // 8)
    rules = list(range(first_rule, height - margin // 2, pitch))
    for index, text in enumerate(lines):
        baseline = margin + size + index * pitch
        if baseline + size > height - margin // 2:
            break
        x = float(margin + rng.uniform(0, 20) * jitter)
        drift = rng.uniform(-0.04, 0.04) * jitter  # the line wanders up or down as it goes
        glyphs: list[Glyph] = []
        for char in text:
            if char == " ":
                x += size * (0.35 + rng.uniform(-0.1, 0.25) * jitter)
                continue
            glyph_size = max(6, round(size * (1 + rng.uniform(-0.15, 0.15) * jitter)))
            face = font(font_name, glyph_size)
            patch, dx, dy = _glyph_patch(char, face, rng.uniform(-8, 8) * jitter)
            advance = face.getlength(char)
            y_base = baseline + (x - margin) * drift + rng.uniform(-0.08, 0.08) * size * jitter
            x0 = round(x + dx + rng.uniform(-0.05, 0.05) * size * jitter)
            y0 = round(y_base + dy)
            if x0 + patch.width > width - margin // 2:
                break
            _add_mask(page, patch, x0, y0)
            glyphs.append(Glyph(char, (x0, y0, x0 + patch.width, y0 + patch.height)))
            x += advance * (1 + rng.uniform(-0.05, 0.12) * jitter)
        if glyphs:
            box = (
                min(g.box[0] for g in glyphs),
                min(g.box[1] for g in glyphs),
                max(g.box[2] for g in glyphs),
                max(g.box[3] for g in glyphs),
            )
            shown = text[: _visible_length(text, len(glyphs))]
            drawn.append(RenderedLine(shown, box, tuple(glyphs)))

    image = _compose(page, ink, ruled, rules, margin, texture, lighting, rng)
    if rotate:
        image = image.rotate(rotate, resample=Image.Resampling.BICUBIC, fillcolor=(250, 250, 246))
        cx, cy = width / 2, height / 2
        drawn = [
            RenderedLine(
                line.text,
                _rotate_box(line.box, rotate, cx, cy, width, height),
                tuple(Glyph(g.char, _rotate_box(g.box, rotate, cx, cy, width, height)) for g in line.glyphs),
            )
            for line in drawn
        ]
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if jpeg_quality is not None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=jpeg_quality)
        buffer.seek(0)
        image = Image.open(buffer).convert("RGB")
    return RenderedPage(image=image, lines=tuple(drawn))


def _visible_length(text: str, glyph_count: int) -> int:
    """How many characters of ``text`` (spaces included) the first ``glyph_count`` glyphs cover."""
    seen = 0
    for i, char in enumerate(text):
        if char != " ":
            seen += 1
            if seen == glyph_count:
                return i + 1
    return len(text)


def _add_mask(page: Image.Image, patch: Image.Image, x0: int, y0: int) -> None:
    """Add a glyph's alpha into the ink mask (max, so overlapping strokes stay solid)."""
    region = page.crop((x0, y0, x0 + patch.width, y0 + patch.height))
    merged = np.maximum(np.asarray(region), np.asarray(patch))
    page.paste(Image.fromarray(merged), (x0, y0))


def _compose(
    mask: Image.Image,
    ink: tuple[int, int, int],
    ruled: bool,
    rules: list[int],
    margin: int,
    texture: float,
    lighting: float,
    rng: random.Random,
) -> Image.Image:
    """Paper (texture, lighting gradient, ruled lines) with the ink mask laid on top."""
    width, height = mask.size
    np_rng = np.random.default_rng(rng.randrange(2**32))
    paper = np.empty((height, width, 3), dtype=np.float32)
    paper[:] = (250, 249, 244)
    if texture:
        # Fibrous grain: coarse noise smoothed a little, then fine noise.
        grain = np_rng.normal(0, 1, (height // 4 + 1, width // 4 + 1)).astype(np.float32)
        coarse = np.asarray(
            Image.fromarray(grain).resize((width, height), Image.Resampling.BICUBIC), dtype=np.float32
        )
        fine = np_rng.normal(0, 1, (height, width)).astype(np.float32)
        paper += (texture * (6 * coarse + 4 * fine))[:, :, None]
    image = Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8), "RGB")
    if ruled:
        draw = ImageDraw.Draw(image)
        for y in rules:
            draw.line((margin // 2, y, width - margin // 2, y), fill=(150, 170, 210), width=2)
        draw.line((margin - 20, 0, margin - 20, height), fill=(220, 140, 140), width=2)  # margin rule
    ink_layer = Image.new("RGB", mask.size, ink)
    image.paste(ink_layer, (0, 0), mask)
    if lighting:
        # A shadow falling across the page, as on a phone photo taken near a window: it darkens paper,
        # rules and ink alike.
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        shade = 1 - lighting * (0.55 * xx / width + 0.45 * yy / height)
        lit = np.asarray(image, dtype=np.float32) * shade[:, :, None]
        image = Image.fromarray(np.clip(lit, 0, 255).astype(np.uint8), "RGB")
    return image


def add_scribble(page: RenderedPage, box: Box, seed: int = 0, strokes: int = 12) -> RenderedPage:
    """Scrawl random thick strokes inside ``box`` (ink no OCR can read) and record it as extra ink."""
    rng = random.Random(seed)
    image = page.image.copy()
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1 = box
    points = [(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(strokes)]
    draw.line(points, fill=(25, 25, 35), width=4, joint="curve")
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    ink_box = (
        math.floor(min(xs)) - 2,
        math.floor(min(ys)) - 2,
        math.ceil(max(xs)) + 3,
        math.ceil(max(ys)) + 3,
    )
    return RenderedPage(image=image, lines=page.lines, extra_ink=(*page.extra_ink, ink_box))


def add_shape(page: RenderedPage, box: Box) -> RenderedPage:
    """Draw an outlined ellipse with a cross in it (a drawing, a stamp) inside ``box``."""
    image = page.image.copy()
    draw = ImageDraw.Draw(image)
    draw.ellipse(box, outline=(30, 30, 40), width=5)
    draw.line((box[0] + 10, box[1] + 10, box[2] - 10, box[3] - 10), fill=(30, 30, 40), width=5)
    draw.line((box[0] + 10, box[3] - 10, box[2] - 10, box[1] + 10), fill=(30, 30, 40), width=5)
    return RenderedPage(image=image, lines=page.lines, extra_ink=(*page.extra_ink, box))


def box_overlap(a: Box, b: Box) -> int:
    """Pixel area shared by two boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h)


def covered(inner: Box, outers: Sequence[Box]) -> float:
    """Fraction of ``inner``'s pixels inside the union of ``outers``."""
    x0, y0, x1, y1 = inner
    if x1 <= x0 or y1 <= y0:
        return 1.0
    mask = np.zeros((y1 - y0, x1 - x0), dtype=bool)
    for ox0, oy0, ox1, oy1 in outers:
        mask[max(oy0, y0) - y0 : max(0, min(oy1, y1) - y0), max(ox0, x0) - x0 : max(0, min(ox1, x1) - x0)] = (
            True
        )
    return float(mask.mean())
