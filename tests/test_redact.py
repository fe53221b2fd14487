"""Placing findings, review regions, burning fills and the moderator preview."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein
from render_helpers import LETTER_LINES, RenderedPage, add_scribble, covered, render_page

from relay.extract import extract_page
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
from relay.redact import PLACE, PlaceConfig, Reach, burn, place_findings, preview, review_regions, text_area


def finding(start: int, end: int, kind: Kind = Kind.PERSON, severity: Severity = Severity.REDACT) -> Finding:
    return Finding(kind=kind, severity=severity, confidence=0.9, start=start, end=end, rule="test.rule")


def locate(page: PageText, needle: str) -> tuple[int, int]:
    """Offsets of ``needle`` in the page text, ignoring the spaces OCR put between syllables."""
    text, _ = page.text_and_offsets()
    kept = [i for i, c in enumerate(text) if not c.isspace()]
    squashed = "".join(text[i] for i in kept)
    at = squashed.index("".join(needle.split()))
    return kept[at], kept[at + len("".join(needle.split())) - 1] + 1


# --- on real OCR of a rendered page ------------------------------------------------------------------


@pytest.fixture(scope="module")
def printed() -> tuple[RenderedPage, PageText]:
    page = render_page(seed=3, font_name="NanumMyeongjo", size=32, texture=1, lighting=0.2, jpeg_quality=75)
    return page, extract_page(page.image)


@pytest.mark.slow
@pytest.mark.parametrize("target", ["김철수", "함경북도 청진시", "010-1234-5678", "박영호", "보위부"])
def test_fill_covers_every_glyph_of_the_target(printed: tuple[RenderedPage, PageText], target: str) -> None:
    page, text = printed
    start, end = locate(text, target)
    [placed] = place_findings(text, [finding(start, end)], page_index=2)
    assert placed.page == 2 and len(placed.boxes) == 1
    [glyphs] = page.word_glyph_boxes(target)
    for glyph in glyphs:
        assert covered(glyph, placed.boxes) == 1.0
    # ...and the burned page has no ink left there.
    burned = np.asarray(burn(page.image, placed.boxes))
    for x0, y0, x1, y1 in glyphs:
        assert not burned[y0:y1, x0:x1].any()


@pytest.mark.slow
def test_a_finding_across_two_lines_gets_a_box_on_each(printed: tuple[RenderedPage, PageText]) -> None:
    page, text = printed
    start, _ = locate(text, "김철수에게")
    _, end = locate(text, "어머니는")
    [placed] = place_findings(text, [finding(start, end)])
    assert len(placed.boxes) == 2
    assert placed.boxes[0][3] <= placed.boxes[1][3]
    for word in ("김철수에게", "어머니는"):
        [glyphs] = page.word_glyph_boxes(word)
        assert all(covered(g, placed.boxes) == 1.0 for g in glyphs)
    # The rest of the second line stays legible.
    [far] = page.word_glyph_boxes("있다")[:1]
    assert all(covered(g, placed.boxes) == 0.0 for g in far)


@pytest.mark.slow
def test_clean_print_is_barely_flagged(printed: tuple[RenderedPage, PageText]) -> None:
    page, text = printed
    regions = review_regions(text, ())
    area = np.zeros((page.image.height, page.image.width), dtype=bool)
    for x0, y0, x1, y1 in (r.box for r in regions):
        area[y0:y1, x0:x1] = True
    lines = np.zeros_like(area)
    for x0, y0, x1, y1 in (line.box for line in page.lines):
        lines[y0:y1, x0:x1] = True
    assert (area & lines).sum() <= 0.2 * lines.sum()


@pytest.mark.slow
@pytest.mark.parametrize(
    "style",
    [
        dict(font_name="NanumPen", size=44, jitter=1.0, ruled=True, rotate=-1.5, texture=1, lighting=0.3),
        dict(font_name="NanumBrush", size=44, jitter=1.0, texture=1.0),
    ],
    ids=["pen", "brush"],
)
def test_fail_closed_on_handwriting(style: dict[str, Any]) -> None:
    """Every glyph tesseract misread or dropped lies in a review region (or the page was not worth
    reading at all): the design goal, checked on real OCR of handwriting-style pages."""
    page = render_page(lines=LETTER_LINES[:8], seed=11, **style)
    page = add_scribble(page, (800, 1300, 1100, 1500), seed=2)
    text = extract_page(page.image)
    regions = [r.box for r in review_regions(text, ())]
    glyphs = [g for line in page.lines for g in line.glyphs]
    truth = "".join(g.char for g in glyphs)
    read = "".join(c for line in text.lines for w in line.words for c in w.text if not c.isspace())
    correct = [False] * len(truth)
    for op in Levenshtein.opcodes(truth, read):
        if op.tag == "equal":
            correct[op.src_start : op.src_end] = [True] * (op.src_end - op.src_start)
    misread = [g.box for g, ok in zip(glyphs, correct, strict=True) if not ok]
    assert misread, "the page was meant to defeat tesseract in places"
    uncovered = [box for box in misread if covered(box, regions) < 0.8]
    # Measured over 24 such pages, 98.6% of misread glyphs fall in review regions; the rest are
    # misreads tesseract was confident about (철 read as 절 at 0.86) on lines it otherwise read well.
    assert len(uncovered) <= 0.05 * len(misread)
    assert covered(page.extra_ink[0], regions) >= 0.9


# --- placement geometry on hand-made pages ----------------------------------------------------------------


def page_of(*lines: list[tuple[str, Box, float]], size: tuple[int, int] = (1000, 600)) -> PageText:
    built = []
    for words in lines:
        boxes = [b for _, b, _ in words]
        box = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        built.append(Line(box, tuple(Word(t, b, c) for t, b, c in words)))
    return PageText(size[0], size[1], tuple(built))


# Two lines of 40-pixel syllables: "김철수 에게" / "잘 있다".
TWO_LINES = page_of(
    [("김철수", (100, 100, 220, 140), 0.95), ("에게", (240, 100, 320, 140), 0.95)],
    [("잘", (100, 200, 140, 240), 0.95), ("있다", (160, 200, 240, 240), 0.95)],
)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 3, [(32, 92, 268, 148)]),  # the word, 1.5 syllables left, 1 right, padded by 8
        (1, 2, [(32, 92, 268, 148)]),  # part of a word: the whole word
        (0, 6, [(32, 92, 368, 148)]),  # two words
        # A one-syllable name and the space after it: a short name's fill takes the syllable next
        # to it on either side, past the space too (the rest of a name detection found in part).
        (2, 4, [(32, 92, 368, 148)]),
        (4, 8, [(172, 92, 368, 148), (32, 192, 188, 248)]),  # across the line break: a box per line
    ],
    ids=["word", "part of a word", "two words", "trailing", "two lines"],
)
def test_placement_geometry(start: int, end: int, expected: list[Box]) -> None:
    text, _ = TWO_LINES.text_and_offsets()
    assert text == "김철수 에게\n잘 있다"
    [placed] = place_findings(TWO_LINES, [finding(start, end)])
    assert list(placed.boxes) == expected


def test_placement_is_clipped_to_the_page() -> None:
    page = page_of([("김", (0, 0, 40, 40), 0.9), ("씨", (970, 560, 1000, 600), 0.9)])
    [placed] = place_findings(page, [finding(0, 3)])
    [box] = placed.boxes
    assert box == (0, 0, 1000, 600)


def test_a_finding_on_the_space_between_words_has_no_box() -> None:
    [placed] = place_findings(TWO_LINES, [finding(6, 7)])  # the newline only
    assert placed.boxes == ()


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 5), (6, 4), (0, 999)])
def test_offsets_outside_the_text_are_refused_without_content(start: int, end: int) -> None:
    with pytest.raises(ValueError) as caught:
        place_findings(TWO_LINES, [finding(start, end)])
    assert "김" not in str(caught.value)


def test_no_findings_no_boxes() -> None:
    assert place_findings(TWO_LINES, []) == ()
    assert place_findings(PageText(10, 10, ()), []) == ()


# A line read poorly (every word reviewed): "김철수에게 잘" with 40-pixel syllables.
DOUBTFUL = page_of(
    [("김철수에게", (100, 100, 300, 140), 0.4), ("잘", (340, 100, 380, 140), 0.4)],
    [("있다", (100, 200, 180, 240), 0.95)],
)


def test_on_a_reviewed_word_the_fill_covers_the_finding_not_its_particle() -> None:
    [placed] = place_findings(DOUBTFUL, [finding(0, 3)])
    [box] = placed.boxes
    # The name's three syllables (100..220) with a third of a syllable's reach and a small pad; the
    # particle 에게 (220..300) stays legible, and so does the next word.
    assert box[0] <= 100 and box[2] >= 220
    assert box[2] < 240
    assert covered((100, 100, 220, 140), [box]) == 1.0
    # ...and the word stays inside a review region: what the fill leaves, a moderator sees.
    regions = [r.box for r in review_regions(DOUBTFUL, [placed])]
    assert covered((100, 100, 300, 140), regions) == 1.0


def test_on_a_confident_word_the_fill_still_covers_the_whole_word_and_beyond() -> None:
    page = page_of([("김철수에게", (100, 100, 300, 140), 0.95)], [("있다", (100, 200, 180, 240), 0.95)])
    [placed] = place_findings(page, [finding(0, 3)])
    [box] = placed.boxes
    assert box[0] <= 100 - 40 and box[2] >= 300 + 40  # the word, 1.5 syllables left, 1 right


def test_a_finding_over_confident_and_reviewed_words_of_one_line_gets_both_fills() -> None:
    # The line as a whole is read well (one doubtful word among twenty-odd confident syllables).
    page = page_of(
        [
            ("김철", (100, 100, 180, 140), 0.95),
            ("수에게", (190, 100, 310, 140), 0.7),
            ("가나다라마바사아자차카타파하가나다라마바", (350, 100, 1150, 140), 0.95),
        ],
        size=(1400, 600),
    )
    text, _ = page.text_and_offsets()
    assert text.startswith("김철 수에게 ")
    [placed] = place_findings(page, [finding(0, 4)])
    assert len(placed.boxes) == 2
    assert covered((100, 100, 230, 140), list(placed.boxes)) == 1.0


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("김철수에게", 0, 3, (100, 160)),  # 5 syllables over 100 px: 20 each
        ("김철수에게", 3, 5, (160, 200)),
        ("김철수", 0, 3, (100, 200)),  # the whole word: its box
        ("01012345678", 3, 11, (127, 200)),  # digits are all equally narrow
        ("전화:010", 3, 6, (158, 200)),  # two syllables, a colon, three digits
    ],
)
def test_part_of_a_word_is_cut_in_proportion_to_its_characters(
    text: str, start: int, end: int, expected: tuple[int, int]
) -> None:
    page = page_of([(text, (100, 100, 200, 140), 0.3)])
    narrow = PlaceConfig(tight=Reach(left=0, right=0, grow_y=0, pad=0))
    [placed] = place_findings(page, [finding(start, end)], config=narrow)
    [box] = placed.boxes
    assert (box[0], box[2]) == pytest.approx(expected, abs=1)
    assert (box[1], box[3]) == (100, 140)


@pytest.mark.parametrize("text", ["", "\x00\x00", "😀😀😀", "a" * 500])
def test_odd_word_texts_place_inside_the_word(text: str) -> None:
    page = PageText(1000, 600, (Line((100, 100, 200, 140), (Word(text or "?", (100, 100, 200, 140), 0.1),)),))
    full, _ = page.text_and_offsets()
    for start in range(0, len(full), max(1, len(full) // 7)):
        [placed] = place_findings(page, [finding(start, min(len(full), start + 1))])
        for x0, y0, x1, y1 in placed.boxes:
            assert 0 <= x0 < x1 <= 1000 and 0 <= y0 < y1 <= 600


# --- review regions ----------------------------------------------------------------------------------------


def reasons(regions: tuple[ReviewRegion, ...]) -> list[str]:
    return [r.reason.value for r in regions]


def test_confident_text_is_not_flagged() -> None:
    assert review_regions(TWO_LINES, ()) == ()


def test_a_doubtful_word_is_flagged_with_its_neighbourhood() -> None:
    page = page_of(
        [("김철수", (100, 100, 220, 140), 0.5)]
        + [
            (w * 2, (240 + 100 * i, 100, 320 + 100 * i, 140), 0.95)
            for i, w in enumerate("가나다라마바사아자차카")
        ],
        size=(1400, 600),
    )
    [region] = review_regions(page, (), page_index=4)
    assert region.reason is ReviewReason.LOW_CONFIDENCE and region.page == 4
    assert covered((100, 100, 220, 140), [region.box]) == 1.0
    assert region.box[2] < 400  # the confident words further along stay unflagged


def test_a_doubtful_line_is_flagged_whole() -> None:
    page = page_of(
        [
            ("김", (100, 100, 140, 140), 0.3),
            ("철수", (150, 100, 230, 140), 0.3),
            ("씨", (700, 100, 740, 140), 0.9),
        ]
    )
    regions = review_regions(page, ())
    assert set(reasons(regions)) == {"low_ocr_confidence"}
    assert covered((700, 100, 740, 140), [r.box for r in regions]) == 1.0  # the confident word too


def test_unread_ink_beside_text_and_on_its_own() -> None:
    page = PageText(1000, 600, TWO_LINES.lines, unread=((400, 105, 480, 135), (100, 400, 600, 440)))
    regions = review_regions(page, ())
    assert reasons(regions) == ["unreadable_region", "unreadable_line"]
    assert covered((400, 105, 480, 135), [regions[0].box]) == 1.0
    assert covered((100, 400, 600, 440), [regions[1].box]) == 1.0


@pytest.mark.parametrize(
    ("kind", "severity", "expected"),
    [
        (Kind.PERSON, Severity.REVIEW, ["possible_identifying_detail"]),
        (Kind.TOPIC, Severity.REVIEW, ["risky_topic"]),
        (Kind.PERSON, Severity.REDACT, []),
    ],
)
def test_findings_for_review_become_regions(kind: Kind, severity: Severity, expected: list[str]) -> None:
    placed = place_findings(TWO_LINES, [finding(0, 3, kind, severity)])
    assert reasons(review_regions(TWO_LINES, placed)) == expected


def test_a_possible_detail_already_filled_is_no_region_but_a_topic_still_is() -> None:
    # The same word found as a place (redact) and as a name (review): it is filled, nothing to judge.
    both = [finding(0, 3, Kind.PLACE, Severity.REDACT), finding(0, 3, Kind.PERSON, Severity.REVIEW)]
    assert reasons(review_regions(TWO_LINES, place_findings(TWO_LINES, both))) == []
    topic = [finding(0, 3, Kind.PLACE, Severity.REDACT), finding(0, 3, Kind.TOPIC, Severity.REVIEW)]
    assert reasons(review_regions(TWO_LINES, place_findings(TWO_LINES, topic))) == ["risky_topic"]
    # A possible detail reaching past the sure one (the word beside it) stays a region.
    wider = [finding(0, 3, Kind.PLACE, Severity.REDACT), finding(0, 6, Kind.PERSON, Severity.REVIEW)]
    assert reasons(review_regions(TWO_LINES, place_findings(TWO_LINES, wider))) == [
        "possible_identifying_detail"
    ]


def test_overlapping_regions_merge_but_neighbouring_lines_do_not() -> None:
    page = page_of(
        [
            ("가", (100, 100, 140, 140), 0.3),
            ("나", (150, 100, 190, 140), 0.3),
            ("다", (200, 100, 240, 140), 0.3),
        ],
        [("라", (100, 150, 140, 190), 0.3)],
    )
    regions = review_regions(page, ())
    assert len(regions) == 2
    assert regions[0].box[1] < regions[1].box[1]


def test_a_detail_and_a_reading_problem_stay_separate_regions() -> None:
    page = page_of([("김철수", (100, 100, 220, 140), 0.3), ("에게", (240, 100, 320, 140), 0.95)])
    placed = place_findings(page, [finding(0, 3, Kind.PERSON, Severity.REVIEW)])
    assert sorted(reasons(review_regions(page, placed))) == [
        "low_ocr_confidence",
        "possible_identifying_detail",
    ]


def test_a_narrow_gap_between_two_unread_stretches_is_flagged_too() -> None:
    # Ink nobody read on either side of a gap narrower than a syllable: the gap is flagged as well.
    page = PageText(1000, 600, TWO_LINES.lines, unread=((400, 300, 480, 340), (510, 300, 600, 340)))
    regions = [r.box for r in review_regions(page, ())]
    assert covered((480, 305, 510, 335), regions) == 1.0


def test_a_wide_gap_or_another_line_is_not_bridged() -> None:
    # Padded by a quarter of their height, the stretches are 60 pixels tall and 100 apart.
    page = PageText(1000, 600, TWO_LINES.lines, unread=((400, 300, 480, 340), (600, 300, 680, 340)))
    regions = [r.box for r in review_regions(page, ())]
    assert covered((500, 310, 580, 330), regions) == 0.0
    page = PageText(1000, 600, TWO_LINES.lines, unread=((400, 300, 480, 340), (500, 400, 580, 440)))
    regions = [r.box for r in review_regions(page, ())]
    assert covered((485, 360, 495, 380), regions) == 0.0


def test_review_of_an_empty_page() -> None:
    assert review_regions(PageText(0, 0, ()), ()) == ()
    assert review_regions(PageText(5, 5, (), unread=((0, 0, 5, 5),)), ())[0].box == (0, 0, 5, 5)


# --- burning and previews -----------------------------------------------------------------------------------


def photo(mode: str = "RGB", size: tuple[int, int] = (120, 80)) -> Image.Image:
    rng = np.random.default_rng(1)
    pixels = rng.integers(1, 256, (size[1], size[0], 3), dtype=np.uint8)  # no pure black to start with
    return Image.fromarray(pixels, "RGB").convert(mode)


BOXES: list[Box] = [(10, 10, 30, 20), (25, 15, 60, 40)]


def test_burn_fills_exactly_the_boxes() -> None:
    original = photo()
    before = np.asarray(original).copy()
    out = burn(original, BOXES)
    assert out.mode == "RGB" and out.size == original.size
    pixels = np.asarray(out)
    inside = np.zeros(pixels.shape[:2], dtype=bool)
    for x0, y0, x1, y1 in BOXES:
        inside[y0:y1, x0:x1] = True
    assert (pixels[inside] == 0).all()
    assert (pixels[~inside] == before[~inside]).all()
    assert (np.asarray(original) == before).all()  # the input is untouched
    assert out is not original


@pytest.mark.parametrize(
    "boxes",
    [[(-50, -50, 5, 5)], [(100, 70, 500, 500)], [(30, 30, 10, 10)], [(0, 0, 0, 80)], []],
    ids=["off the top left", "off the bottom right", "inverted", "empty", "none"],
)
def test_burn_clips_and_ignores_degenerate_boxes(boxes: list[Box]) -> None:
    original = photo()
    out = np.asarray(burn(original, boxes))
    expected = np.asarray(original).copy()
    for x0, y0, x1, y1 in boxes:
        if x1 > x0 and y1 > y0:
            expected[max(0, y0) : y1, max(0, x0) : x1] = 0
    assert (out == expected).all()


@pytest.mark.parametrize("mode", ["L", "RGBA", "P", "1", "I;16", "CMYK", "LA"])
def test_burn_any_mode(mode: str) -> None:
    image = photo().convert("I;16") if mode == "I;16" else photo(mode)
    out = burn(image, [(5, 5, 50, 50)])
    assert out.mode == "RGB" and out.size == image.size
    assert (np.asarray(out)[5:50, 5:50] == 0).all()


def test_burn_flattens_transparency_so_nothing_hides_under_it() -> None:
    hidden = Image.new("RGBA", (40, 40), (200, 0, 0, 0))  # red, fully transparent
    out = np.asarray(burn(hidden, []))
    assert (out == 255).all()


def test_burn_hostile_sizes() -> None:
    assert np.asarray(burn(Image.new("L", (1, 1), 200), [(0, 0, 1, 1)])).tolist() == [[[0, 0, 0]]]
    assert burn(Image.new("RGB", (0, 0)), [(0, 0, 5, 5)]).size == (0, 0)
    big = burn(Image.new("L", (6000, 8000), 255), [(0, 0, 6000, 10)])
    assert big.size == (6000, 8000) and np.asarray(big)[5, 5000].tolist() == [0, 0, 0]


def test_preview_outlines_regions_and_the_redacted_output_does_not() -> None:
    original = photo(size=(400, 300))
    regions = (
        ReviewRegion((50, 60, 200, 120), ReviewReason.LOW_CONFIDENCE),
        ReviewRegion((0, 0, 400, 30), ReviewReason.UNREADABLE_LINE, page=1),
        ReviewRegion((300, 280, 300, 290), ReviewReason.RISKY_TOPIC),  # empty: nothing drawn
    )
    redacted = burn(original, BOXES)
    shown = preview(original, BOXES, regions)
    assert shown.size == redacted.size
    out, view = np.asarray(redacted), np.asarray(shown)
    assert (out != view).any()
    # The preview still has the fills...
    assert (view[10:20, 10:30] == 0).all()
    # ...and its outlines sit on the regions' edges, where the redacted output has the original pixels.
    assert (view[60, 50:200] != out[60, 50:200]).any()
    outside = np.ones(out.shape[:2], dtype=bool)
    for x0, y0, x1, y1 in BOXES:
        outside[y0:y1, x0:x1] = False
    assert (out[outside] == np.asarray(original)[outside]).all()


def test_preview_of_a_tiny_page() -> None:
    assert preview(
        Image.new("L", (1, 1)), [], (ReviewRegion((0, 0, 1, 1), ReviewReason.LOW_CONFIDENCE),)
    ).size == (1, 1)


# --- text area ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "unread", "expected"),
    [
        ([], [], 0),
        ([(0, 0, 10, 10)], [], 100),
        ([(0, 0, 10, 10), (5, 5, 15, 15)], [], 175),  # overlap counted once
        ([(0, 0, 10, 10)], [(20, 0, 30, 5)], 150),  # unread ink is text area too
        ([(-5, -5, 5, 5)], [(95, 95, 200, 200)], 50),  # clipped to the page
    ],
)
def test_text_area(lines: list[Box], unread: list[Box], expected: int) -> None:
    page = PageText(100, 100, tuple(Line(b, (Word("가", b, 0.9),)) for b in lines), unread=tuple(unread))
    assert text_area(page) == expected


def test_placed_findings_are_frozen_values() -> None:
    [placed] = place_findings(TWO_LINES, [finding(0, 3)])
    assert isinstance(placed, PlacedFinding)
    with pytest.raises(AttributeError):
        placed.boxes = ()  # type: ignore[misc]


# --- fitting fills and review regions to the page's ink ------------------------------------------------


def inked_page(
    glyphs: list[list[Box]], words: list[list[tuple[str, Box, float]]], size: tuple[int, int] = (1000, 400)
) -> PageText:
    """Lines of words (OCR's view) over an ink mask made of the given glyph rectangles (the page)."""
    ink = np.zeros((size[1], size[0]), dtype=bool)
    for line in glyphs:
        for x0, y0, x1, y1 in line:
            ink[y0:y1, x0:x1] = True
    base = page_of(*words, size=size)
    return PageText(base.width, base.height, base.lines, ink=ink)


def row_of_glyphs(x: int, y: int, count: int, size: int = 40, gap: int = 4) -> list[Box]:
    return [(x + i * (size + gap), y, x + i * (size + gap) + size, y + size) for i in range(count)]


# Three lines of 40-pixel syllables 64 pixels apart (line spacing 1.6 glyph heights, as in letters).
# OCR's box for the middle line's first word starts half a syllable right of its ink.
LINE_GLYPHS = [row_of_glyphs(100, 100, 8), row_of_glyphs(100, 164, 8), row_of_glyphs(100, 228, 8)]
TIGHT = inked_page(
    LINE_GLYPHS,
    [
        [("가나다라", (100, 100, 272, 140), 0.95), ("마바사아", (276, 100, 448, 140), 0.95)],
        [("김철수야", (120, 164, 272, 204), 0.95), ("잘있니요", (276, 164, 448, 204), 0.95)],
        [("자차카타", (100, 228, 272, 268), 0.95), ("파하가나", (276, 228, 448, 268), 0.95)],
    ],
)
# As on a straightened page, OCR's line box is taller than the line (the upright box of a slanted line).
TIGHT = PageText(
    TIGHT.width,
    TIGHT.height,
    (TIGHT.lines[0], Line((100, 130, 448, 238), TIGHT.lines[1].words), TIGHT.lines[2]),
    ink=TIGHT.ink,
)


def test_a_fill_covers_its_words_ink_and_stays_out_of_the_neighbouring_lines() -> None:
    start, end = locate(TIGHT, "김철수야")
    [placed] = place_findings(TIGHT, [finding(start, end)])
    assert len(placed.boxes) == 1
    for glyph in LINE_GLYPHS[1][:4]:  # including the syllable OCR's box missed by half a syllable
        assert covered(glyph, placed.boxes) == 1.0
    paper = Image.new("L", (TIGHT.width, TIGHT.height), 255)
    burned = np.asarray(burn(paper, placed.boxes).convert("L")) == 0
    for glyph in LINE_GLYPHS[0] + LINE_GLYPHS[2]:
        x0, y0, x1, y1 = glyph
        assert not burned[y0:y1, x0:x1].any(), "the fill grew into a neighbouring line"


def test_a_fill_reaches_over_paper_only_as_far_as_ink() -> None:
    # A lone word with paper on both sides: the reach shrinks back to the ink plus a small pad.
    page = inked_page([row_of_glyphs(300, 100, 3)], [[("김철수", (300, 100, 432, 140), 0.95)]])
    [placed] = place_findings(page, [finding(0, 3)])
    [(x0, y0, x1, y1)] = placed.boxes
    assert 290 <= x0 <= 300 and 432 <= x1 <= 442 and 90 <= y0 <= 100 and 140 <= y1 <= 150


def test_without_an_ink_mask_placement_is_unchanged() -> None:
    page = PageText(TIGHT.width, TIGHT.height, TIGHT.lines)
    start, end = locate(page, "김철수야")
    [placed] = place_findings(page, [finding(start, end)])
    [box] = placed.boxes
    assert box == (120 - 60 - 8, 164 - 20 - 8, 272 + 40 + 8, 204 + 20 + 8)  # syllables of reach, pad


def test_doubtful_neighbouring_lines_are_flagged_without_spilling_or_merging() -> None:
    lines = [[(w.text, w.box, 0.3) for w in line.words] for line in TIGHT.lines]
    page = inked_page(LINE_GLYPHS, lines)
    regions = review_regions(page, [])
    assert regions
    for glyph in [g for line in LINE_GLYPHS for g in line]:
        assert covered(glyph, [r.box for r in regions]) == 1.0
    for region in regions:
        assert region.box[3] - region.box[1] <= 60, "a region spans more than its own line"


def test_a_paper_gap_inside_a_glyph_does_not_end_the_fill() -> None:
    # Syllables whose top jamo sit a little above the rest (4 pixels of paper, a sixth of a syllable,
    # between them), with OCR's word box only around the lower part: the fill still takes the top.
    tops = [(x0, 100, x1, 112) for x0, _, x1, _ in row_of_glyphs(300, 100, 3)]
    bottoms = [(x0, 116, x1, 140) for x0, _, x1, _ in row_of_glyphs(300, 100, 3)]
    base = inked_page([tops, bottoms], [[("김철수", (300, 116, 432, 140), 0.95)]])
    page = PageText(base.width, base.height, (Line((300, 96, 432, 140), base.lines[0].words),), ink=base.ink)
    [placed] = place_findings(page, [finding(0, 3)])
    for glyph in tops + bottoms:
        assert covered(glyph, placed.boxes) == 1.0


# --- fills fitted to the ink of confidently read words -----------------------------------------------------


def inked(page: PageText, glyphs: list[Box]) -> PageText:
    """``page`` with an ink mask holding a solid block for each glyph box."""
    ink = np.zeros((page.height, page.width), dtype=bool)
    for x0, y0, x1, y1 in glyphs:
        ink[y0:y1, x0:x1] = True
    return PageText(page.width, page.height, page.lines, page.unread, ink=ink)


def syllables(x0: int, n: int, width: int = 36, gap: int = 4, top: int = 100) -> list[Box]:
    return [(x0 + i * (width + gap), top, x0 + i * (width + gap) + width, top + 40) for i in range(n)]


# "보고 싶은 김철수에게" in 40-pixel syllables (36 of ink, 4 of paper between syllables, 20 between words).
WORDS = [("보고", 2), ("싶은", 2), ("김철수에게", 5)]


def confident_line(shift: int = 0) -> tuple[PageText, list[list[Box]]]:
    glyphs: list[list[Box]] = []
    words = []
    x = 100
    for text, n in WORDS:
        boxes = syllables(x, n)
        glyphs.append(boxes)
        # tesseract's box may sit off the ink: ``shift`` moves the last word's box, not its ink.
        dx = shift if text == "김철수에게" else 0
        words.append((text, (boxes[0][0] + dx, 100, boxes[-1][2] + dx, 140), 0.95))
        x = boxes[-1][2] + 20
    page = page_of(words)
    return inked(page, [b for word in glyphs for b in word]), glyphs


def test_a_confident_fill_follows_the_ink_and_spares_the_particle_and_neighbours() -> None:
    page, glyphs = confident_line()
    text, _ = page.text_and_offsets()
    start = text.index("김철수")
    [placed] = place_findings(page, [finding(start, start + 3, kind=Kind.PLACE)])
    boxes = list(placed.boxes)
    name, particle = glyphs[2][:3], glyphs[2][3:]
    assert all(covered(g, boxes) == 1.0 for g in name)
    assert covered(particle[1], boxes) == 0.0  # 게 stays legible
    assert all(covered(g, boxes) == 0.0 for g in glyphs[1])  # so does the word before
    # Without the ink mask, the old generous fill: the word and more.
    [generous] = place_findings(PageText(page.width, page.height, page.lines), [finding(start, start + 3)])
    assert all(covered(g, list(generous.boxes)) == 1.0 for g in glyphs[2])


def test_a_confident_fill_inside_a_word_takes_one_syllable_more() -> None:
    page, glyphs = confident_line()
    text, _ = page.text_and_offsets()
    start = text.index("김철")
    [placed] = place_findings(page, [finding(start, start + 2, kind=Kind.ORG)])
    boxes = list(placed.boxes)
    # 김철 found in 김철수에게: 수 (the likely rest of it) is filled too, 게 is not.
    assert all(covered(g, boxes) == 1.0 for g in glyphs[2][:3])
    assert covered(glyphs[2][4], boxes) == 0.0


@pytest.mark.parametrize("shift", [30, -30, 45])
def test_a_confident_fill_covers_the_ink_when_the_word_box_is_off(shift: int) -> None:
    """tesseract's box a syllable to one side: the fill follows the word's ink past the box."""
    page, glyphs = confident_line(shift)
    text, _ = page.text_and_offsets()
    start = text.index("김철수에게")
    [placed] = place_findings(page, [finding(start, start + 5, kind=Kind.PLACE)])
    assert all(covered(g, list(placed.boxes)) == 1.0 for g in glyphs[2])


def test_a_short_name_takes_the_surname_before_it_past_a_space() -> None:
    glyphs = syllables(100, 1) + syllables(160, 4)  # "지 미순이" : surname written apart
    page = inked(page_of([("지", glyphs[0], 0.95), ("미순이", (160, 100, 276, 140), 0.95)]), glyphs)
    text, _ = page.text_and_offsets()
    start = text.index("미순")
    [placed] = place_findings(page, [finding(start, start + 2)])
    assert all(covered(g, list(placed.boxes)) == 1.0 for g in glyphs[:3])


def test_a_number_takes_its_counter_written_apart() -> None:
    glyphs = syllables(100, 2, width=20) + syllables(160, 2)  # "13 반에"
    page = inked(page_of([("13", (100, 100, 144, 140), 0.95), ("반에", (160, 100, 236, 140), 0.95)]), glyphs)
    [placed] = place_findings(page, [finding(0, 2, kind=Kind.ADDRESS)])
    boxes = list(placed.boxes)
    assert all(covered(g, boxes) == 1.0 for g in glyphs[:3])
    assert covered(glyphs[3], boxes) == 0.0


@pytest.mark.parametrize(
    "ink",
    [
        np.zeros((600, 1000), dtype=bool),  # a word box over bare paper
        np.ones((600, 1000), dtype=bool),  # a page of solid ink
        np.zeros((10, 10), dtype=bool),  # a mask of the wrong size
    ],
    ids=["no ink", "all ink", "wrong size"],
)
def test_odd_ink_masks_never_fill_less_than_the_words(ink: np.ndarray) -> None:
    page = PageText(1000, 600, TWO_LINES.lines, ink=ink)
    for start, end in [(0, 3), (1, 2), (0, 6), (4, 8)]:
        [placed] = place_findings(page, [finding(start, end, kind=Kind.PLACE)])
        for x0, y0, x1, y1 in placed.boxes:
            assert 0 <= x0 < x1 <= 1000 and 0 <= y0 < y1 <= 600
        words = [
            w.box
            for li, wi, s, e in TWO_LINES.text_and_offsets()[1]
            if s < end and e > start
            for w in [TWO_LINES.lines[li].words[wi]]
        ]
        if start == 0 and end in (3, 6):  # whole words: always covered
            assert all(covered(w, list(placed.boxes)) == 1.0 for w in words)


def test_a_number_glued_to_a_place_goes_with_it_and_its_counter() -> None:
    glyphs = syllables(100, 3) + syllables(220, 2, width=16) + syllables(260, 4)  # "소진리27반이었어"
    page = inked(page_of([("소진리27반이었어", (100, 100, 416, 140), 0.95)]), glyphs)
    [placed] = place_findings(page, [finding(0, 3, kind=Kind.PLACE)])
    boxes = list(placed.boxes)
    assert all(covered(g, boxes) == 1.0 for g in glyphs[:6])  # 소진리 2 7 반
    assert covered(glyphs[7], boxes) == 0.0  # 었 stays


def test_reach_is_measured_on_the_writing_not_on_tall_word_boxes() -> None:
    """tesseract's boxes for Korean words are often far taller than the glyphs; a gap between words
    is then a small share of the box height, but not of the writing's."""
    name = syllables(100, 3, top=110)  # 36-pixel glyphs, 40 pitch, 20 rows tall boxes around them
    after = syllables(232, 3, top=110)  # the next word 16 pixels on: less than 0.3 of a 70-pixel box
    page = inked(
        page_of([("김철수", (100, 95, 216, 165), 0.95), ("있었다", (232, 95, 348, 165), 0.95)]),
        name + after,
    )
    [placed] = place_findings(page, [finding(0, 3, kind=Kind.PLACE)])
    assert all(covered(g, list(placed.boxes)) == 1.0 for g in name)
    assert covered(after[0], list(placed.boxes)) == 0.0


def slanted_page(slope: float) -> tuple[PageText, list[list[Box]]]:
    """Eight lines of 30-pixel syllables on a page whose lines drop ``slope`` pixels per column, with
    OCR's words (two per line) as the upright boxes around their slanted glyphs."""
    lines: list[list[tuple[str, Box, float]]] = []
    glyphs: list[list[Box]] = []
    for row in range(8):
        line_glyphs = []
        for i in range(20):
            x = 100 + 34 * i
            y = round(100 + 60 * row + slope * (x - 100))
            line_glyphs.append((x, y, x + 30, y + 30))
        glyphs.append(line_glyphs)
        words = []
        for part in (line_glyphs[:10], line_glyphs[10:]):
            box = (part[0][0], min(b[1] for b in part), part[-1][2], max(b[3] for b in part))
            words.append(("가나다라마바사아자차", box, 0.95))
        lines.append(words)
    page = page_of(*lines, size=(900, 700))
    return inked(page, [g for line in glyphs for g in line]), glyphs


def test_on_a_skewed_page_a_fill_follows_the_slanted_line() -> None:
    page, glyphs = slanted_page(0.06)
    _, offsets = page.text_and_offsets()
    _, _, start, end = next(o for o in offsets if o[0] == 3 and o[1] == 1)  # line 4's second word
    [placed] = place_findings(page, [finding(start, end, kind=Kind.PLACE)])
    boxes = list(placed.boxes)
    assert len(boxes) > 1  # in slices along the line
    assert all(covered(g, boxes) == 1.0 for g in glyphs[3][10:])
    # The upright box around the word would reach 24 pixels into the lines above and below.
    assert all(covered(g, boxes) == 0.0 for g in glyphs[2] + glyphs[4])
    # A straight page keeps one box.
    flat, flat_glyphs = slanted_page(0.0)
    [straight] = place_findings(flat, [finding(start, end, kind=Kind.PLACE)])
    assert len(straight.boxes) == 1 and all(
        covered(g, list(straight.boxes)) == 1.0 for g in flat_glyphs[3][10:]
    )


def test_on_a_skewed_page_doubtful_words_are_flagged_along_their_line() -> None:
    page, glyphs = slanted_page(-0.08)
    doubtful = PageText(
        page.width,
        page.height,
        tuple(
            Line(line.box, tuple(Word(w.text, w.box, 0.3 if i == 5 else w.confidence) for w in line.words))
            for i, line in enumerate(page.lines)
        ),
        ink=page.ink,
    )
    regions = [r.box for r in review_regions(doubtful, ())]
    assert all(covered(g, regions) == 1.0 for g in glyphs[5])
    assert sum(covered(g, regions) > 0 for g in glyphs[4] + glyphs[6]) == 0
    # Far less than the upright boxes around the two words (each 27 pixels taller than the line).
    area = np.zeros((page.height, page.width), dtype=bool)
    for x0, y0, x1, y1 in regions:
        area[y0:y1, x0:x1] = True
    assert area.sum() <= 1.75 * 20 * 34 * 30


@pytest.mark.parametrize("text", ["?", "\x00\x00", "😀😀😀", "a" * 500, "가" * 300, "12-34"])
@pytest.mark.parametrize("confidence", [0.95, 0.1])
def test_odd_word_texts_on_inked_words_place_inside_the_page(text: str, confidence: float) -> None:
    glyphs = syllables(100, 3)
    page = inked(
        PageText(1000, 600, (Line((100, 100, 216, 140), (Word(text, (100, 100, 216, 140), confidence),)),)),
        glyphs,
    )
    full, _ = page.text_and_offsets()
    for start in range(0, len(full), max(1, len(full) // 7)):
        for kind in (Kind.PERSON, Kind.ADDRESS):
            [placed] = place_findings(page, [finding(start, min(len(full), start + 2), kind=kind)])
            assert placed.boxes
            for x0, y0, x1, y1 in placed.boxes:
                assert 0 <= x0 < x1 <= 1000 and 0 <= y0 < y1 <= 600
                # Stored as they are (relay.db.findings accepts plain integers only).
                assert all(type(v) is int for v in (x0, y0, x1, y1))


# --- on handwriting, a fill keeps off the surely read words beside it ------------------------------


def handwritten_line(shift: int = 0) -> tuple[PageText, list[Box], list[Box]]:
    """ "누나 련정이" written with only 6 pixels of paper between the words (less than the gap that ends
    a word), on a page whose other line was read poorly (so the page does not read like print)."""
    kin = syllables(100, 2)
    name = syllables(182, 3)
    words = [
        ("누나", (kin[0][0], 100, kin[-1][2], 140), 0.95),
        ("련정이", (name[0][0] + shift, 100, name[-1][2] + shift, 140), 0.95),
    ]
    poor = [("흐릿", (100, 300, 180, 340), 0.3), ("글씨", (200, 300, 280, 340), 0.3)]
    page = page_of(words, poor)
    return inked(page, kin + name + [(100, 300, 180, 340), (200, 300, 280, 340)]), kin, name


@pytest.mark.parametrize("shift", [0, 30])
def test_a_handwritten_fill_keeps_off_a_surely_read_neighbour(shift: int) -> None:
    page, kin, name = handwritten_line(shift)
    assert page.syllable_confidence() < PLACE.print_confidence
    text, _ = page.text_and_offsets()
    start = text.index("련정")
    [placed] = place_findings(page, [finding(start, start + 2)])
    boxes = list(placed.boxes)
    assert all(covered(g, boxes) == 1.0 for g in name[:2])  # the name, even with its box off
    assert all(covered(g, boxes) < 0.2 for g in kin)  # 누나 stays legible


def test_a_handwritten_fill_still_follows_ink_a_doubtful_neighbour_may_not_own() -> None:
    page, kin, _name = handwritten_line()
    lines = (
        Line(page.lines[0].box, (Word("누나", page.lines[0].words[0].box, 0.85), *page.lines[0].words[1:])),
    )
    doubtful = PageText(page.width, page.height, lines + page.lines[1:], ink=page.ink)
    text, _ = doubtful.text_and_offsets()
    start = text.index("련정")
    [placed] = place_findings(doubtful, [finding(start, start + 2)])
    # the neighbour read less surely than _NEIGHBOUR_CONFIDENCE: the fill follows the ink as before
    assert covered(kin[1], list(placed.boxes)) > 0.5


def test_a_handwritten_fill_over_a_number_takes_the_digits_a_neighbours_box_reached_over() -> None:
    """ "번호 010-5893": tesseract's box for the number starts two digits late and the box of the surely
    read word before it reaches over those digits. The fill follows the digits' ink anyway."""
    kin = syllables(100, 2)
    digits = [(186 + i * 22, 104, 186 + i * 22 + 18, 136) for i in range(8)]  # 20 pixels after 번호
    words = [
        ("번호", (kin[0][0], 100, digits[1][2], 140), 0.95),  # reaches over "01"
        ("010-5893", (digits[2][0], 100, digits[-1][2], 140), 0.95),
    ]
    poor = [("흐릿", (100, 300, 180, 340), 0.3), ("글씨", (200, 300, 280, 340), 0.3)]
    page = inked(page_of(words, poor), kin + digits + [(100, 300, 180, 340), (200, 300, 280, 340)])
    assert page.syllable_confidence() < PLACE.print_confidence
    text, _ = page.text_and_offsets()
    start = text.index("010")
    [placed] = place_findings(page, [finding(start, start + 8, kind=Kind.PHONE)])
    boxes = list(placed.boxes)
    assert all(covered(g, boxes) == 1.0 for g in digits)
    assert covered(kin[0], boxes) < 0.2  # the word before, past the gap between words, stays legible


@pytest.mark.parametrize("prefix", ["SK", "5\\", "LG"])
def test_a_fill_over_an_organisation_takes_the_latin_prefix_glued_before_it(prefix: str) -> None:
    """ "SK하이닉스에" read surely as one word, the organisation found as 하이닉스 (its prefix perhaps
    misread, "5\\하이닉스"): the prefix is filled too; a finding of another kind is cut at its start."""
    latin = [(100, 100, 118, 140), (122, 100, 140, 140)]
    hangul = syllables(146, 5)  # 하이닉스에
    word = f"{prefix}하이닉스에"
    page = inked(page_of([(word, (100, 100, hangul[-1][2], 140), 0.95)]), latin + hangul)
    text, _ = page.text_and_offsets()
    start = text.index("하이닉스")
    [org] = place_findings(page, [finding(start, start + 4, kind=Kind.ORG)])
    assert all(covered(g, list(org.boxes)) == 1.0 for g in latin + hangul[:4])
    [person] = place_findings(page, [finding(start, start + 4)])
    assert covered(latin[0], list(person.boxes)) < 0.5
