"""A word box tesseract cut short (the first of several narrow characters) still gets a fill over all
of the word's characters when it was read confidently."""

from __future__ import annotations

import numpy as np
import pytest

from relay.model import Finding, Kind, Line, PageText, Severity, Word
from relay.redact import place_findings

# "생일 11. 생" in 30-pixel syllables: the digits are 16 pixels wide with 12 pixels of paper between
# them (more than a word gap), and OCR boxed "11." as its first digit only.
INK = [
    (100, 100, 130, 130), (134, 100, 164, 130),  # 생일
    (200, 100, 216, 130), (228, 100, 244, 130), (252, 124, 258, 130),  # 1 1 .
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
    mask = _filled(_page(0.95))
    x0, y0, x1, y1 = INK[3]
    assert not mask[y0:y1, x0:x1].all()  # the case the widening exists for
