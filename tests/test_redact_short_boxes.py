"""Fills where tesseract's box misses ink: a word box cut short (the first of several narrow
characters) still gets a fill over all of the word's characters when it was read confidently; ink
after a digit is followed across the wider gaps between digits; on a page that reads like print a
reviewed word gets the same generous fill, on handwriting the tight one."""

from __future__ import annotations

import numpy as np
import pytest

from relay.model import Finding, Kind, Line, PageText, Severity, Word
from relay.redact import place_findings

# "생일 11. 생" in 30-pixel syllables: the digits are 16 pixels wide with 12 pixels of paper between
# them (more than a word gap), and OCR boxed "11." as its first digit only.
INK = [
    (100, 100, 130, 130),
    (134, 100, 164, 130),  # 생일
    (200, 100, 216, 130),
    (228, 100, 244, 130),
    (252, 124, 258, 130),  # 1 1 .
    (320, 100, 350, 130),  # 생
]
WORDS = [("생일", (100, 100, 164, 130)), ("11.", (200, 100, 216, 130)), ("생", (320, 100, 350, 130))]


def _page(confidence: float) -> PageText:
    ink = np.zeros((300, 600), dtype=bool)
    for x0, y0, x1, y1 in INK:
        ink[y0:y1, x0:x1] = True
    words = tuple(Word(text, box, confidence) for text, box in WORDS)
    return PageText(600, 300, (Line((100, 100, 350, 130), words),), ink=ink)


def _filled(page: PageText) -> np.ndarray:
    text, _ = page.text_and_offsets()
    start = text.index("11.")
    finding = Finding(Kind.DATE, Severity.REDACT, 0.95, start, start + 3, "date.test")
    (placed,) = place_findings(page, [finding])
    mask = np.zeros((page.height, page.width), dtype=bool)
    for x0, y0, x1, y1 in placed.boxes:
        mask[y0:y1, x0:x1] = True
    return mask


def test_a_short_box_on_a_confident_word_is_filled_to_the_width_of_its_text() -> None:
    mask = _filled(_page(0.95))
    for x0, y0, x1, y1 in INK[2:5]:  # both digits and the full stop
        assert mask[y0:y1, x0:x1].all()
    assert not mask[100:130, 100:164].any()  # the word before stays
    assert not mask[100:130, 330:350].any()  # and most of the word after


def test_without_the_widening_the_second_digit_would_be_left(monkeypatch: pytest.MonkeyPatch) -> None:
    import relay.redact as redact

    monkeypatch.setattr(redact, "_SHORT_BOX", 0.0)
    # Nor may the ink after a digit be followed across a gap wider than a word gap between syllables.
    monkeypatch.setattr(redact, "_LATIN_GAP", redact._WORD_GAP)
    mask = _filled(_page(0.95))
    x0, y0, x1, y1 = INK[3]
    assert not mask[y0:y1, x0:x1].all()  # the case the widening exists for


def test_ink_after_a_digit_is_followed_across_the_wider_gaps_between_digits() -> None:
    # A box that starts late on a number (tesseract's box begins at its second digit): the digit
    # before it, 0.4 of a syllable away, is still filled; the word before it is not.
    ink = np.zeros((300, 600), dtype=bool)
    glyphs = [(100, 100, 130, 130), (134, 100, 164, 130), (190, 100, 206, 130), (218, 100, 234, 130)]
    glyphs += [(246, 100, 262, 130), (274, 100, 290, 130)]
    for x0, y0, x1, y1 in glyphs:
        ink[y0:y1, x0:x1] = True
    words = (Word("번호", (100, 100, 164, 130), 0.95), Word("0101", (218, 100, 300, 130), 0.95))
    page = PageText(600, 300, (Line((100, 100, 300, 130), words),), ink=ink)
    text, _ = page.text_and_offsets()
    start = text.index("0101")
    (placed,) = place_findings(page, [Finding(Kind.PHONE, Severity.REDACT, 0.95, start, start + 4, "p")])
    mask = np.zeros((300, 600), dtype=bool)
    for x0, y0, x1, y1 in placed.boxes:
        mask[y0:y1, x0:x1] = True
    for x0, y0, x1, y1 in glyphs[2:]:
        assert mask[y0:y1, x0:x1].all()
    assert not mask[100:130, 100:164].any()


def _late_box_page(other_confidence: float) -> PageText:
    """Line 1: "이름 김철수" with the name's box starting a syllable late and a misread word making the
    line one for review; line 2: twelve syllables read with ``other_confidence``."""
    ink = np.zeros((300, 800), dtype=bool)
    name = [(200, 100, 230, 130), (234, 100, 264, 130), (268, 100, 298, 130)]
    for x0, y0, x1, y1 in [(100, 100, 130, 130), (134, 100, 164, 130), *name, (340, 100, 370, 130)]:
        ink[y0:y1, x0:x1] = True
    ink[200:230, 100:460] = True
    line1 = (
        Word("이름", (100, 100, 164, 130), 0.95),
        Word("김철수", (234, 100, 298, 130), 0.95),
        Word("뭐", (340, 100, 370, 130), 0.2),
    )
    line2 = (Word("가나다라마바사아자차카타", (100, 200, 460, 230), other_confidence),)
    lines = (Line((100, 100, 370, 130), line1), Line((100, 200, 460, 230), line2))
    return PageText(800, 300, lines, ink=ink)


def _name_filled(page: PageText) -> bool:
    text, _ = page.text_and_offsets()
    start = text.index("김철수")
    (placed,) = place_findings(page, [Finding(Kind.PERSON, Severity.REDACT, 0.95, start, start + 3, "p")])
    mask = np.zeros((page.height, page.width), dtype=bool)
    for x0, y0, x1, y1 in placed.boxes:
        mask[y0:y1, x0:x1] = True
    return bool(mask[100:130, 200:298].all())


def test_on_print_a_reviewed_word_gets_the_generous_fill() -> None:
    # The page reads like print: the name's first syllable, left of its late box, is filled although
    # the line is one for review.
    assert _name_filled(_late_box_page(0.95))


def test_on_handwriting_a_reviewed_word_gets_the_tight_fill() -> None:
    # A page tesseract read poorly is handwriting: a reviewed word's fill keeps to its characters.
    assert not _name_filled(_late_box_page(0.5))
