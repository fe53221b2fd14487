"""Text lines found from the ink, independent of OCR: rendered pages with known line boxes."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw
from render_helpers import LETTER_LINES, add_scribble, add_shape, box_overlap, covered, render_page

from relay.layout import find_text_lines, line_boxes

HANDWRITING: dict[str, dict[str, Any]] = {
    "pen, ruled, rotated, shaded, jpeg": dict(
        font_name="NanumPen",
        size=44,
        jitter=1.0,
        ruled=True,
        rotate=-2.0,
        texture=1,
        lighting=0.3,
        jpeg_quality=70,
    ),
    "brush, tight lines": dict(font_name="NanumBrush", size=44, jitter=1.0, line_pitch=1.6),
    "barunpen, ruled, textured": dict(
        font_name="NanumBarunpenR", size=36, jitter=1.0, ruled=True, texture=1, lighting=0.4, jpeg_quality=70
    ),
    "barunpen bold, rotated the other way": dict(font_name="NanumBarunpenB", size=40, jitter=1.0, rotate=1.5),
    "pen, large, ruled": dict(font_name="NanumPen", size=60, jitter=1.0, ruled=True, line_pitch=1.7),
}
PRINTED: dict[str, dict[str, Any]] = {
    "gothic": dict(font_name="NanumGothic", size=34),
    "myeongjo, small, noisy": dict(
        font_name="NanumMyeongjo", size=22, texture=1, lighting=0.35, rotate=1.5, blur=0.6, jpeg_quality=60
    ),
}


@pytest.mark.parametrize("style", sorted({**HANDWRITING, **PRINTED}))
def test_every_line_is_found_once_and_nothing_else(style: str) -> None:
    page = render_page(seed=5, **{**HANDWRITING, **PRINTED}[style])
    boxes = find_text_lines(page.image)
    assert len(boxes) == len(page.lines)
    for line in page.lines:
        assert covered(line.box, boxes) >= 0.85, line.text
        # Every glyph lies (almost) entirely inside the boxes: a missing syllable would be a leak.
        assert min(covered(g.box, boxes) for g in line.glyphs) >= 0.7
    for box in boxes:
        assert any(box_overlap(box, line.box) for line in page.lines), box


def test_lines_come_top_to_bottom() -> None:
    page = render_page(seed=2, font_name="NanumPen", size=44, jitter=1.0)
    centres = [(b[1] + b[3]) / 2 for b in find_text_lines(page.image)]
    assert centres == sorted(centres)
    assert len(centres) == len(LETTER_LINES)


@pytest.mark.parametrize(
    "paper",
    [
        dict(),
        dict(texture=2.0, lighting=0.5, jpeg_quality=40),
        dict(texture=1.5, ruled=True, rotate=2.0, jpeg_quality=60),
        dict(texture=1.0, lighting=0.4, blur=1.0),
    ],
    ids=["plain", "grain and shadow", "ruled and rotated", "blurred"],
)
def test_blank_paper_has_no_lines(paper: dict[str, Any]) -> None:
    page = render_page(lines=(), seed=1, **paper)
    assert find_text_lines(page.image) == ()


@pytest.mark.parametrize("draw", [add_scribble, add_shape], ids=["scribble", "drawn shape"])
def test_marks_that_are_not_text_are_still_ink(draw: object) -> None:
    page = render_page(lines=LETTER_LINES[:4], seed=3, font_name="NanumPen", size=44, jitter=1.0)
    marked = draw(page, (300, 900, 700, 1100))  # type: ignore[operator]
    boxes = find_text_lines(marked.image)
    assert covered(marked.extra_ink[0], boxes) >= 0.8


def test_a_black_block_inside_the_page_is_ink_but_a_black_surround_is_not() -> None:
    page = render_page(lines=LETTER_LINES[:2], seed=1)
    image = page.image.copy()
    ImageDraw.Draw(image).rectangle((400, 800, 800, 1000), fill=(0, 0, 0))
    boxes = find_text_lines(image)
    assert covered((400, 800, 801, 1001), boxes) >= 0.95
    # The same page photographed on a dark table: the surround is not writing.
    framed = Image.new("RGB", (1400, 1900), (30, 25, 20))
    framed.paste(page.image, (80, 70))
    framed_boxes = find_text_lines(framed)
    assert len(framed_boxes) == 2
    assert all(b[0] >= 80 and b[1] >= 70 for b in framed_boxes)


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGB", (1, 1), (255, 255, 255)),
        Image.new("L", (1, 1), 0),
        Image.new("RGB", (3, 2000), (255, 255, 255)),
        Image.new("L", (2000, 3), 0),
        Image.new("RGB", (1240, 1754), (0, 0, 0)),
        Image.new("RGB", (0, 0)),
    ],
    ids=["1x1 white", "1x1 black", "thin column", "thin black row", "all black", "empty"],
)
def test_hostile_images_give_no_lines_and_no_error(image: Image.Image) -> None:
    assert find_text_lines(image) == ()


def test_modes_agree_with_rgb() -> None:
    page = render_page(lines=LETTER_LINES[:5], seed=4, font_name="NanumBarunpenR", size=40, jitter=1.0)
    expected = find_text_lines(page.image)
    transparent = Image.new("RGBA", page.image.size, (0, 0, 0, 0))
    transparent.putalpha(Image.eval(page.image.convert("L"), lambda v: 255 - v))
    variants = {
        "L": page.image.convert("L"),
        "P": page.image.convert("P"),
        "1": page.image.convert("L").point(lambda v: 255 if v > 128 else 0).convert("1"),
        "RGBA": page.image.convert("RGBA"),
        "RGBA, ink in alpha": transparent,
        "I;16": Image.fromarray(np.asarray(page.image.convert("L"), dtype=np.uint16) * 257),
    }
    for mode, image in variants.items():
        boxes = find_text_lines(image)
        assert len(boxes) == len(expected), mode
        for box in expected:
            assert covered(box, boxes) >= 0.9, mode


def test_large_page_is_handled_quickly() -> None:
    page = render_page(
        lines=LETTER_LINES[:6],
        seed=6,
        font_name="NanumPen",
        size=120,
        jitter=1.0,
        page_size=(3720, 5262),
        margin=300,
    )
    boxes = find_text_lines(page.image)
    assert len(boxes) == 6


def test_line_boxes_on_an_empty_mask() -> None:
    assert line_boxes(np.zeros((50, 80), dtype=bool), 0.0) == []
