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


def test_a_band_of_lower_case_letters_without_ascenders_is_not_a_rule() -> None:
    # "@yeonnyeoseo" in a bold sans face: no letter rises above the x-height, so once the gaps between
    # letters are bridged every row of the band is a long run, with no ink above the band to show it
    # is text. The band is many rows thick, which no ruled line is. (Counted over the whole page: a
    # page holding one line may be straightened by a fraction of a degree, which moves the pixels.)
    bold = "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"
    for text in ["@yeonnyeoseo", "cafe.daum.net/yeonnyeo_68", "wwmmnnrruuvvssaaeeoo"]:
        page = Image.new("RGB", (WIDTH, HEIGHT), (246, 240, 225))
        ImageDraw.Draw(page).text((340, 600), text, font=ImageFont.truetype(bold, 25), fill=(10, 10, 10))
        prepared = prepare(page)
        whole = (0, 0, WIDTH, HEIGHT)
        # Flattening and whitening the paper take a little off the letters' anti-aliased edges.
        assert _dark(prepared.ocr_image, whole) >= 0.85 * _dark(page, whole), text
        seen = prepared.ink if prepared.loose_ink is None else prepared.ink | prepared.loose_ink
        assert seen.sum() >= 0.9 * _dark(page, whole), text  # what the unread-ink check sees
