"""relay.detect.orgs: organisation endings.

- A school, hospital, church or mine whose two-syllable ending OCR damaged by one jamo, glued to its
  name, goes to review; everyday words one jamo from such an ending, places ending in an administrative
  suffix and words Kiwi knows stay clean.
- "X라는 동아리인데": the word for the kind of group may take the copula and a connective ending.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind, Severity

from .conftest import one_covers


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("나는 지금 푸른솔볭원 내과 병동에서 일해.", "푸른솔볭원"),  # 병원
        ("누나는 청암굉산에서 삼 년 일했다.", "청암굉산"),  # 광산
        ("동생은 새빛핵교 이학년이야.", "새빛핵교"),  # 학교
        ("엄마는 소망샘뵁원에서 일해요.", "소망샘뵁원"),  # 병원
    ],
)
def test_a_damaged_two_syllable_ending_goes_to_review(text: str, name: str, rules: Rules) -> None:
    assert one_covers(text, name, Kind.ORG, None)


@pytest.mark.parametrize(
    "text",
    [
        "형은 변호사 일을 해요.",  # 호사 ~ 회사
        "우리 가족은 신정동에 살아요.",  # 정동 ~ 정공
        "어머니는 간병인으로 일하셨다.",  # 병인 ~ 병원
        "할머니는 원불교 신자였다.",  # 불교 ~ 분교
        "동생이 많이 보고 싶어요.",
        "할머니가 해마다 호박씨를 볶아 주셨다.",  # words Kiwi reads whole or as known nouns
        "아침마다 둥굴레차를 한 잔 마셔요.",
        "저녁엔 옥수수차를 끓여 마셔요.",
    ],
)
def test_everyday_words_near_an_ending_stay_clean(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.ORG and f.rule == "org.damaged_ending"]
    assert not [f for f in detect(text, rules) if f.kind is Kind.ORG and f.severity is Severity.REDACT]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("제가 있는 곳은 새빛누리라는 동아리인데 매주 모여요.", "새빛누리"),
        ("통일다온이라는 모임이었는데 지금은 없어졌어요.", "통일다온"),
    ],
)
def test_a_group_called_so_before_the_copula(text: str, name: str, rules: Rules) -> None:
    assert one_covers(text, name, Kind.ORG, None)


@pytest.mark.parametrize(
    "text", ["희망이라는 단체였는데 이름만 좋았다.", "좋은 곳이라는 회사인데 월급이 적어요."]
)
def test_an_everyday_word_called_so_stays_clean(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.ORG]
