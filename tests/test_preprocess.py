"""relay.preprocess: ruled lines are lifted; rows of closely set characters are not taken for rules."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from relay.preprocess import prepare

FONT = "/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf"
WIDTH, HEIGHT = 1240, 1754


def _page(text: str, size: int = 24) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A white A4 page at 150 dpi with ``text`` in a serif face and two ruled lines (one across the
    page, one a short signature line); the text's ink box."""
    page = Image.new("RGB", (WIDTH, HEIGHT), (250, 248, 244))
    draw = ImageDraw.Draw(page)
    face = ImageFont.truetype(FONT, size)
    draw.text((150, 600), text, font=face, fill=(30, 30, 30))
    box = draw.textbbox((150, 600), text, font=face)
    draw.line((60, 900, WIDTH - 60, 900), fill=(120, 120, 120), width=2)  # ruled paper
    draw.line((700, 1300, 1000, 1300), fill=(60, 60, 60), width=2)  # a signature line, 0.24 of the width
    return page, (int(box[0]), int(box[1]), int(box[2]), int(box[3]))


def _dark(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    gray = np.asarray(image.convert("L").crop(box))
    return int((gray < 128).sum())


def test_closely_set_latin_letters_are_not_lifted_as_ruled_lines() -> None:
    # Lower-case letters and digits share their top and baseline rows: bridged over the small gaps
    # between letters, those rows are long straight runs, and used to be erased as rules.
    for text in ["instagram.com/yeoreum_cho", "cyeoreum_07@naver.com", "010 8691 0621 / 010.6658.5547"]:
        page, box = _page(text)
        prepared = prepare(page)
        assert _dark(prepared.ocr_image, box) >= 0.9 * _dark(page, box), text
        x0, y0, x1, y1 = box
        ink = prepared.ink[y0:y1, x0:x1]
        original = np.asarray(page.convert("L").crop(box)) < 128
        assert ink[original].mean() >= 0.9, text


def test_ruled_lines_are_still_lifted() -> None:
    page, _ = _page("instagram.com/yeoreum_cho")
    prepared = prepare(page)
    assert not prepared.ink[895:906, 100:1100].any()  # the rule across the page
    assert not prepared.ink[1295:1306, 710:990].any()  # the short signature line
    gray = np.asarray(prepared.ocr_image)
    assert (gray[895:906, 100:1100] > 200).all() and (gray[1295:1306, 710:990] > 200).all()
