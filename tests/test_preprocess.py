"""relay.preprocess: ruled lines are lifted; rows of closely set characters are not taken for rules; the
faster equivalents of OpenCV and numpy calls give exactly what those calls give."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from relay.preprocess import (
    PrepConfig,
    _Histogram,
    _open,
    components,
    flatten_illumination,
    ink_threshold,
    prepare,
)

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


# --- the faster equivalents must give exactly what they replace ------------------------------------------


def _random_masks() -> list[np.ndarray]:
    """Masks of every texture the helpers meet: dust, blobs, long runs, solid blocks, empty and full."""
    rng = np.random.default_rng(7)
    masks = [rng.random((97, 131)) < p for p in (0.0, 0.02, 0.3, 0.5, 0.7, 1.0)]
    blocks = np.zeros((240, 320), dtype=bool)
    blocks[20:60, 10:300] = True  # a solid block
    blocks[100, 5:315] = True  # a rule
    blocks[150:152, 40:200] = True
    blocks[:, 0] = True  # touching the border
    blocks |= rng.random(blocks.shape) < 0.05
    masks.append(blocks)
    masks.append(np.asfortranarray(blocks.T))  # not C-contiguous
    return masks


def test_components_are_exactly_opencvs_default_labelling() -> None:
    original = cv2.getNumThreads()
    try:
        for threads in (1, 2):  # BBDT has a parallel and a sequential implementation
            cv2.setNumThreads(threads)
            for mask in _random_masks():
                count, labels, stats, _ = cv2.connectedComponentsWithStats(
                    np.ascontiguousarray(mask, dtype=np.uint8), connectivity=8
                )
                got = components(mask)
                assert got[0] == count
                assert np.array_equal(got[1], labels) and np.array_equal(got[2], stats)
                assert np.array_equal(components(mask.astype(np.uint8))[1], labels)
    finally:
        cv2.setNumThreads(original)


def test_open_is_exactly_morphology_ex() -> None:
    for mask in _random_masks():
        binary = np.ascontiguousarray(mask, dtype=np.uint8)
        for size in ((124, 1), (1, 9), (7, 3), (6, 6), (30, 9), (1, 1)):
            element = cv2.getStructuringElement(cv2.MORPH_RECT, size)
            expected = cv2.morphologyEx(binary, cv2.MORPH_OPEN, element)
            assert np.array_equal(_open(binary, element), expected), size


@pytest.mark.parametrize("seed", range(40))
def test_histogram_median_and_percentiles_are_exactly_numpys(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 3000))
    low = int(rng.integers(0, 256))
    # Few distinct values, so that interpolation between equal and between different neighbours both occur.
    sample = rng.integers(low, 256, size=size).astype(np.uint8)
    if seed % 3 == 0:
        sample = rng.choice(np.array([low, 200, 255], dtype=np.uint8), size=size)
    histogram = _Histogram(sample)
    assert histogram.size == size
    assert histogram.median() == float(np.median(sample))
    for q in (0, 1, 16, 50, 75, 90, 99, 100):
        assert histogram.percentile(q) == float(np.percentile(sample, q)), q
    light = sample[sample >= 128]
    counted = _Histogram(sample, low=128)
    assert counted.size == light.size
    if light.size:
        assert counted.median() == float(np.median(light))
        assert counted.percentile(16) == float(np.percentile(light, 16))


def test_ink_threshold_is_unchanged_on_a_textured_page() -> None:
    page, _ = _page("instagram.com/yeoreum_cho")
    gray = np.asarray(page.convert("L"), dtype=np.uint8)
    noise = np.random.default_rng(3).normal(0, 6, gray.shape)
    flat = flatten_illumination(np.clip(gray + noise, 0, 255).astype(np.uint8))
    sample = flat[::3, ::3]
    light = sample[sample >= 128]
    config = PrepConfig()
    paper = float(np.median(light))
    grain = paper - float(np.percentile(light, 16))
    for share in (1.0, 0.5):
        drop = max(255 * config.ink_contrast, config.ink_sigmas * grain) * share
        assert ink_threshold(flat, config, share) == round(max(255 * config.ink_floor, paper - drop))
