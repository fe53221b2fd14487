"""Round 13 false alarms: everyday sentences of four more outside writers that the rules flagged, by
class, with new sentences of the same shapes, and the details of the same shapes that must still be found.

- everyday nouns whose first syllable is a surname: the body, a lifetime, soups, guns, illnesses
  ("허 리 가 아파", "된장국이었어", "기관총은"), and an everyday noun before what an ailment, a gun or
  a room ends in ("우울증", "노래방");
- a country's name spaced letter by letter, read short as a name ("러 시" of "러 시 아 에");
- a country's name describing people or things ("중국 과자는", "러 시 아 노 래", "일본산");
- a place's stem that is an everyday noun, in text spaced syllable by syllable ("수 영 장 에");
- amounts: a number and its unit read as a name, a place, an address or a firm ("2 O O 만 원",
  "오천 원", "사십도", "육 대 사");
- a filler after a sentence's final verb or another filler, before a firm's ending ("어 식품").
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    "text",
    [
        # everyday nouns of the body, a life, the table, the army, the clinic
        "어 깨 가 아 파 서 요 즘 일 을 쉰 다 .",
        "할머니는 평생 바느질을 하셨다.",
        "군대에서는 아침마다 된장국이었어.",
        "기관총은 너무 무거워서 둘이 들었어.",
        "병원에서 우울증이라고 하더라.",
        "동네 노래방 가면 한 시간에 만 원이야.",
        # a country's name spaced letter by letter, and describing people or things
        "요즘 중국 과자는 맛이 없어.",
        "러 시 아 노 래 를 들 었 다 .",
        "이 냄비는 일본산이라 비싸다.",
        # a place's stem that is an everyday noun, spaced syllable by syllable
        "우 리 는 수 영 을 배 웠 다 .",
        # amounts
        "한 달 에 3 O O 만 원 을 번 다 .",
        "국수는 한 그릇에 오천 원이에요",
        "한여름에는 밭이 사십도까지 올라가",
        "물과 쌀을 육 대 사로 섞어",
        "엄마는 네 몫으로 20만 원씩 모은다.",
        # a filler after a final verb or another filler, before a firm's ending
        "삼촌은 회사 다닌다 어 식품 만드는 데",
        "음 그 노래방 가면 신나",
    ],
)
def test_everyday_sentences_are_not_flagged(text: str) -> None:
    assert found(text) == []


def test_a_country_spaced_letter_by_letter_is_no_name() -> None:
    # where someone was stays a place; its first two letters are no one's name
    text = "러 시 아 에 서 는 눈 이 많 이 온 다 ."
    assert found(text, Kind.PERSON) == []
    assert covers(text, "러 시 아", Kind.PLACE)


def test_names_and_places_of_the_same_shapes_are_still_found() -> None:
    # a real country where someone is, a city after it, a surname and given name
    assert covers("러시아 쿠르스크에서 잡혔다는 소식을 들었다.", "쿠르스크", Kind.PLACE)
    assert covers("중국으로 넘어갈 때 많이 무서웠다.", "중국", Kind.PLACE)
    assert covers("동생 김철민은 러시아 사람과 결혼했다", "김철민", Kind.PERSON)
    # a place's proper name spaced syllable by syllable
    assert covers("나 는 혜 산 에 서 태 어 났 다 .", "혜 산", Kind.PLACE)
    # a city's own name that is an everyday word too once the spaces are out (대전, "a great war")
    assert covers("할 머 니 는 대 전 에 서 돌 아 가 셨 다 .", "대 전", Kind.PLACE)
    # a road and its number, with no amount after it
    assert covers("주소는 세종대로 10 입니다", "세종대로 10", Kind.ADDRESS)
    # a gazetteer's name that Kiwi reads as a number and a unit (하나 + 원)
    assert covers("하나원에서 두 달을 보냈다.", "하나원", Kind.ORG, Kind.PLACE)
    # a firm's ending after a name and a filler
    assert covers("형은 대성에이치엔티 어 자동차 다녀", "대성에이치엔티", Kind.ORG)
