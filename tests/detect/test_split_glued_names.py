"""A name OCR split in two that is also glued to a word beside it (names._candidates): the kinship word
before the surname ("에미허 순애는"), or the words after the particle ("송 민철이가좋은")."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("니 에미허 순애는 잘 있다.", "허 순애"),
        ("너희어머니량 추화가 내 매대 옆에서 두부를 팔았다.", "량 추화"),
        ("동생정 향윤은 1976년생인데 군대에 갔을 나이다.", "정 향윤"),
        ("아버지홍 길동은 제대하셨다.", "홍 길동"),
    ],
)
def test_a_kinship_word_glued_to_the_surname_of_a_split_name(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("네 동생 송 민철이가좋은 중학교에 붙었다.", "송 민철"),
        ("제 동생 박 민수가서울에 산다.", "박 민수"),
        ("도윤, 한결, 서 문가영, 그리고 목사님이 씁니다.", "서 문가영"),
    ],
)
def test_a_split_name_glued_to_the_word_after_its_particle(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "어머니김 치를 담그셨다.",
        "누나한 번 만나고 싶다.",
        "아빠조 금만 기다려.",
        "이 사람이좋은 사람이다.",
        "오 늘은날씨가 좋다.",
        "이 번에는꼭 가자.",
        "저 사람은착하다.",
        "동무손 은 다 나았 소",
        "몸 성히 돌아오너라.",
        "두 손 모아너의 무사를 빈다.",
        "언니가 돈 모아놨어 걱정마",
        "한국 편의점 삼각김밥 진짜 맛있다",
        "포로는 제삼 제네바 협약에 따라 보호받습니다",
    ],
)
def test_everyday_words_split_and_glued_the_same_way_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []
