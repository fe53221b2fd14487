"""relay.detect.spelled_orgs: in a stretch written syllable by syllable, an organisation whose ending
lost a stroke ("성 결 귀 회" for 교회) is read with the ending repaired and left to review; a word Kiwi
reads across the window (지금, 센티) is no damaged ending."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Severity


def orgs(text: str, rules: Rules) -> list[tuple[str, Severity]]:
    return [(text[f.start : f.end], f.severity) for f in detect(text, rules) if f.kind.value == "org"]


@pytest.mark.parametrize(
    ("text", "church"),
    [
        ("저 는 주 일 마 다 신 촌 성 결 귀 회 에 다 녀 요 .", "신 촌 성 결 귀 회"),
        ("지 금 은 충 남 아 산 의 아 산 열 방 굔 회 에 서 전 도 사 로 일 한 다 .", "아 산 열 방 굔 회"),
    ],
)
def test_a_spelled_out_church_with_a_damaged_ending_is_reviewed(text: str, church: str, rules: Rules) -> None:
    assert (church, Severity.REVIEW) in orgs(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        "나 는 키 가 백 이 십 센 티 에 요",  # 센티 ~ 센터, a word Kiwi reads
        "밥 잘 묵 고 , 잘 자 소 .",
        "안 녕 , 나 누 나 야 . 기 억 나 니 ?",
    ],
)
def test_spelled_out_everyday_words_are_no_damaged_ending(text: str, rules: Rules) -> None:
    assert orgs(text, rules) == []
