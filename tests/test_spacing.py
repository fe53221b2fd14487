"""Word spacing from box geometry: syllables that nearly touch are one word, real gaps stay."""

from __future__ import annotations

import pytest

from relay.detect.page import _address_bridges
from relay.model import Finding, Kind, Line, PageText, Severity, Word
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


# --- address pieces bridged on the page (relay.detect.page) ---------------------------------------------


def _found(kind: Kind, text: str, piece: str, severity: Severity = Severity.REDACT) -> Finding:
    start = text.index(piece)
    return Finding(kind, severity, 0.9, start, start + len(piece), "test.rule")


def test_a_building_number_between_two_address_pieces_is_bridged() -> None:
    text = "집 주소는 대구 달서구 무지개로10 길 377, 111동703호이다. 언제든"
    pieces = [
        _found(Kind.ADDRESS, text, "대구 달서구 무지개로10"),
        _found(Kind.PLACE, text, "달서구"),
        _found(Kind.ADDRESS, text, "111동703호"),
    ]
    [bridge] = _address_bridges(text, pieces)
    assert bridge.kind is Kind.ADDRESS and bridge.severity is Severity.REDACT
    assert text[bridge.start : bridge.end] == "대구 달서구 무지개로10 길 377, 111동703호"


def test_a_place_then_a_unit_number_across_a_short_word_is_bridged() -> None:
    text = "황해남도옹진군 서 수리 10반 19호인데"
    pieces = [_found(Kind.PLACE, text, "황해남도옹진군"), _found(Kind.ADDRESS, text, "10반 19호")]
    [bridge] = _address_bridges(text, pieces)
    assert text[bridge.start : bridge.end] == "황해남도옹진군 서 수리 10반 19호"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("대구 달서구에 살다가 지금은 111동703호", "대구 달서구", "111동703호"),  # words between
        # another line, and the first piece does not end its line
        ("대구 달서구 사람들\n111동703호", "대구 달서구", "111동703호"),
        ("대구에서 평양으로", "대구", "평양"),  # two places, no address
    ],
    ids=["long words between", "line break", "places only"],
)
def test_pieces_far_apart_or_not_of_an_address_stay_apart(text: str, first: str, second: str) -> None:
    kind = Kind.PLACE if "평양" in text else Kind.ADDRESS
    pieces = [_found(Kind.PLACE, text, first), _found(kind, text, second)]
    assert _address_bridges(text, pieces) == []


@pytest.mark.parametrize(
    ("text", "first", "second", "whole"),
    [
        # OCR spaced the road's syllables apart, and the address runs on to the next line
        (
            "주소는 경기도 안산시 단원구\n중 앙 대 로 148 휴먼시아 118동 1603호다.",
            "경기도 안산시 단원구",
            "118동 1603호",
            "경기도 안산시 단원구\n중 앙 대 로 148 휴먼시아 118동 1603호",
        ),
        ("대구 달서구\n111동703호", "대구 달서구", "111동703호", "대구 달서구\n111동703호"),
        ("전주시 덕진구 백 제 대 로 567 2층", "전주시 덕진구", "2층", "전주시 덕진구 백 제 대 로 567 2층"),
    ],
    ids=["wrapped, road spaced apart", "wrapped", "road spaced apart"],
)
def test_an_address_wrapped_or_with_its_road_spaced_apart_is_whole(
    text: str, first: str, second: str, whole: str
) -> None:
    pieces = [_found(Kind.ADDRESS, text, first), _found(Kind.ADDRESS, text, second)]
    [bridge] = _address_bridges(text, pieces)
    assert text[bridge.start : bridge.end] == whole


@pytest.mark.parametrize(
    "text",
    [
        "경기도 안산시 단원구\n\n중앙대로 148 118동 1603호",  # a blank line between: another paragraph
        "경기도 안산시 단원구\n그 리 고 우 리 가 살던 118동 1603호",  # a sentence between, not a road
    ],
)
def test_an_address_does_not_run_on_past_a_paragraph_or_a_sentence(text: str) -> None:
    pieces = [_found(Kind.ADDRESS, text, "경기도 안산시 단원구"), _found(Kind.ADDRESS, text, "118동 1603호")]
    assert _address_bridges(text, pieces) == []


def test_pieces_left_to_review_are_not_bridged_into_a_fill() -> None:
    text = "무지개로10 길 377, 111동703호"
    pieces = [
        _found(Kind.ADDRESS, text, "무지개로10", Severity.REVIEW),
        _found(Kind.ADDRESS, text, "111동703호"),
    ]
    assert _address_bridges(text, pieces) == []


@pytest.mark.parametrize("text", ["", "\x00" * 40, "1 2 3 4 5 6 7 8 9", "반" * 300])
def test_bridging_odd_texts_stays_inside_them(text: str) -> None:
    n = len(text)
    pieces = [
        Finding(Kind.ADDRESS, Severity.REDACT, 0.9, s, min(n, s + 2), "test.rule")
        for s in range(0, max(0, n - 1), 3)
    ]
    for bridge in _address_bridges(text, pieces):
        assert 0 <= bridge.start < bridge.end <= n
