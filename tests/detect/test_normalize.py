"""Views and offset maps: every view character maps back into the original text."""

from __future__ import annotations

import pytest

from relay.detect.normalize import clean, compact, jamo, single_spaced


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("청진", "청진"),
        ("\u1101\u1161\u11a8", "깍"),  # conjoining jamo composed
        ("０１０", "010"),  # full-width digits folded
        ("a\x00b", "a b"),  # control character becomes a space
        ("a\u200bb", "ab"),  # zero-width space removed
        ("a\ud800b", "a b"),  # unpaired surrogate becomes a space
        ("줄\r\n끝", "줄\n\n끝"),
    ],
)
def test_clean(text: str, expected: str) -> None:
    view = clean(text)
    assert view.text == expected
    for i in range(len(view.text)):
        s, e = view.span(i, i + 1)
        assert 0 <= s < e <= len(text)


def test_composed_syllable_maps_to_all_its_jamo() -> None:
    text = "x\u1101\u1161\u11a8y"
    view = clean(text)
    assert view.text == "x깍y"
    assert view.span(1, 2) == (1, 4)


def test_compact_and_single_spaced_map_back() -> None:
    text = "함경  북도\n\t청 진시"
    spaced = single_spaced(clean(text))
    assert spaced.text == "함경 북도 청 진시"
    dense = compact(spaced)
    assert dense.text == "함경북도청진시"
    start, end = dense.span(4, 7)
    assert text[start:end] == "청 진시"


@pytest.mark.parametrize(("text", "expected"), [("청진", "ㅊㅓㅇㅈㅣㄴ"), ("아a1", "ㅇㅏa1"), ("", "")])
def test_jamo(text: str, expected: str) -> None:
    assert jamo(text) == expected
