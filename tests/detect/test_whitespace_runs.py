"""Findings do not depend on runs of whitespace, blank lines or zero-width characters in the text.

The detectors read the text cleaned and with whitespace runs folded (relay.detect.normalize.folded),
and findings are mapped back to the text as given. Before that, detectors that index the spaced view
with a finding's offsets read the wrong characters after any blank line of a letter (a lost village, a
country flagged that is named in general). The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.detect.normalize import folded
from relay.model import Finding

SENTENCES = [
    "우리 집은 함경북도 온성군 남양 로동자구에 있었다.",
    "외삼촌은 신포 시 오 대 진 동 에서 고기잡이를 했다",
    "탈영해서 중국 넘어간 게 2015년이다.",
    "그 음 중국 핸드폰으로 한 달에 한 번 압록강 옆에서 통화해요",
    "형님은 제 7 보병사단 포병연대에 있었다고 하오.",
    "동생 리은철이는 혜산시 성후동 34반에 살았어요.",
    "연락은 010-4821-7730 으로 주세요.",
    "가게 이름은 해바라기 통신 어 그냥 해바라기라고 해",
]


def _shifted(findings: tuple[Finding, ...], by: int) -> set[tuple[str, str, int, int]]:
    return {(f.kind.value, f.severity.value, f.start - by, f.end - by) for f in findings}


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("before", ["\n\n", "  \n \n  ", "\u200b\u200b \n\n\t"])
def test_blank_lines_before_a_sentence_change_nothing(text: str, before: str) -> None:
    plain = detect(text)
    assert plain, text  # each sentence holds a detail: the comparison is not between two empty sets
    assert _shifted(detect(before + text), len(before)) == _shifted(plain, 0)


@pytest.mark.parametrize("text", SENTENCES)
def test_double_spaces_cover_the_same_words(text: str) -> None:
    doubled = text.replace(" ", "  ")
    plain = {(f.kind.value, text[f.start : f.end]) for f in detect(text)}
    # The same words, the spaces inside a finding doubled with them.
    again = {(f.kind.value, doubled[f.start : f.end].replace("  ", " ")) for f in detect(doubled)}
    assert again == plain


def test_findings_map_back_onto_the_text_as_given() -> None:
    text = "편지\n\n\n   형은 \u200b혜산시 성후동에 살았다"
    places = [text[f.start : f.end] for f in detect(text) if f.kind.value == "place"]
    assert places and "".join(places).replace(" ", "") == "혜산시성후동", places


def test_folding_keeps_line_breaks_and_maps_every_character() -> None:
    view = folded("가  나\n\n다\t\u200b라")
    assert view.text == "가 나\n다 라"
    assert view.starts == (0, 1, 3, 4, 6, 7, 9)
    assert view.ends == (1, 3, 4, 6, 7, 8, 10)  # the zero-width space is dropped, not folded in
