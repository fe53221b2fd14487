"""Word spacing from box geometry: syllables that nearly touch are one word, real gaps stay."""

from __future__ import annotations

from relay.model import Line, PageText, Word
from relay.spacing import SpacingConfig, respace


def _line(*words: tuple[str, int, int, float]) -> Line:
    ws = tuple(Word(text, (x0, 100, x1, 140), conf) for text, x0, x1, conf in words)
    return Line(box=(0, 95, 1000, 145), words=ws)


def _texts(page: PageText) -> list[list[str]]:
    return [[w.text for w in line.words] for line in page.lines]


def test_syllables_that_touch_become_one_word_and_real_gaps_stay() -> None:
    # 40 px glyphs: gaps of 0-5 px join, a 16 px word space does not.
    line = _line(
        ("자란", 0, 80, 0.9),
        ("박", 96, 136, 0.9),
        ("수", 137, 177, 0.8),
        ("길", 180, 220, 0.95),
        ("이라고", 222, 340, 0.9),
        ("해.", 360, 420, 0.9),
    )
    page = respace(PageText(width=1000, height=500, lines=(line,)))
    assert _texts(page) == [["자란", "박수길이라고", "해."]]
    joined = page.lines[0].words[1]
    assert joined.box == (96, 100, 340, 140)
    # A joined word is only as trustworthy as its worst syllable.
    assert joined.confidence == 0.8


def test_overlapping_boxes_join_and_offsets_follow_the_joined_text() -> None:
    line = _line(("번호는", 0, 120, 0.9), ("0101234", 110, 300, 0.9), ("입니다", 330, 420, 0.9))
    page = respace(PageText(width=1000, height=500, lines=(line,)))
    text, offsets = page.text_and_offsets()
    assert text == "번호는0101234 입니다"
    assert [(o[2], o[3]) for o in offsets] == [(0, 10), (11, 14)]


def test_threshold_is_relative_to_glyph_height() -> None:
    line = _line(("가", 0, 40, 0.9), ("나", 50, 90, 0.9))  # gap 10 px = 0.25 of 40 px
    page = PageText(width=200, height=200, lines=(line,))
    assert _texts(respace(page)) == [["가나"]]
    assert _texts(respace(page, SpacingConfig(join_gap=0.2))) == [["가", "나"]]


def test_empty_and_single_word_lines_are_unchanged() -> None:
    single = _line(("하나", 0, 80, 0.9))
    page = PageText(width=100, height=100, lines=(single, Line(box=(0, 0, 10, 10), words=())))
    assert respace(page) == page


def test_respace_keeps_the_ink_mask_and_unread_boxes() -> None:
    import numpy as np

    ink = np.zeros((50, 60), dtype=bool)
    page = PageText(width=60, height=50, lines=(_line(("가", 0, 40, 0.9)),), unread=((1, 2, 3, 4),), ink=ink)
    out = respace(page)
    assert out.ink is ink and out.unread == ((1, 2, 3, 4),)
