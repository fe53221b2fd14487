"""Organisations without an ordinary Korean ending (relay.detect.named_groups).

- A club or group named after its generic head ("야구동아리 블루윙스", "고려인 노인회 … " with a name),
  with the school or field before it.
- A university abroad by its place and 국립/주립 ("알마티 국립대").
- Latin and Cyrillic names of schools, posts, shops and papers ("UC Davis", "American Legion Post
  112", "Le Monde 기사").
- A school's department or club and a church's youth group after it ("경북대 러시아어과", "새빛교회
  청년부"), a faith before a group ("천주교 …").
- Ordinary sentences about a club's people, rooms and doings stay unflagged.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

FOUND = [
    ("안녕하세요 전남대 야구동아리 블루윙스 주장 김도훈입니다", "전남대 야구동아리 블루윙스"),
    ("저는 경희대 국제봉사동아리 한별 회원이에요", "경희대 국제봉사동아리 한별"),
    ("안산 청년회 한마루에서 자원봉사를 해요", "청년회 한마루"),
    ("우리는 평화 연구소 들꽃 에서 같이 일해요", "평화 연구소 들꽃"),
    ("저희는 탈북 청소년 모임 나래입니다", "탈북 청소년 모임 나래"),
    ("지금 오데사 재활센터 Phoenix에서 지내요", "재활센터 Phoenix"),
    ("손자는 알마티 국립대에 다녀요", "알마티 국립대"),
    ("딸은 톰스크 국립대학교 물리학과 학생이에요", "톰스크 국립대학교 물리학과"),
    ("원래 학교는 UC Davis야", "UC Davis"),
    ("어제 American Legion Post 112 모임에서 당신 얘기를 했어요", "American Legion Post 112"),
    ("AMVETS Post 3l 모임에서 만났어요", "AMVETS Post 3l"),  # OCR read 1 as l
    ("지금은 Seoul Plaza Grocery Fullerton에서 일해요", "Seoul Plaza Grocery Fullerton"),
    ("친구가 Le Monde 기사에서 당신 이야기를 읽었대요", "Le Monde"),
    ("제 동생은 Российская газета Сибирь에서 일해요", "Российская газета Сибирь"),
    ("지금 경북대 러시아어과 다녀", "경북대 러시아어과"),
    ("아들은 한남대 농구부 선수야", "한남대 농구부"),
    ("주일마다 새빛교회 청년부에서 봉사해요", "새빛교회 청년부"),
    ("천주교 한중 우정 협회를 통해 보냅니다", "천주교 한중 우정 협회"),
    ("타슈켄트 고려인 쉼터에서 한국어를 배워요", "타슈켄트 고려인 쉼터"),
]


@pytest.mark.parametrize(("text", "org"), FOUND)
def test_an_organisation_without_an_ordinary_ending_is_found(text: str, org: str, rules: Rules) -> None:
    assert covered_as(text, org, rules, "org", "place")


UNFLAGGED = [
    "우리 동아리 친구들이랑 같이 편지를 썼어요",
    "소식 들었을 때 동아리 전체가 놀랐어요",
    "센터 선생님들이 잘 챙겨 주셔요",
    "통일 동아리 활동에서 처음 만났어요",
    "연구소 사무실에서 편지를 씁니다",
    "모임 장소에서 다 같이 기도했어요",
    "우리 국립대 학생들도 응원해요",
    "봉사 모임 회원들이 안부를 전해요",
    "고객 센터 번호가 바뀌었어요",
    "기도 모임 날짜가 정해졌어요",
    "교회 청년회 선배가 소개해 줬어요",
]


@pytest.mark.parametrize("text", UNFLAGGED)
def test_a_sentence_about_a_clubs_people_and_doings_is_not_flagged(text: str, rules: Rules) -> None:
    assert spans(text, rules) == []


def test_a_greeting_and_a_city_are_no_organisation(rules: Rules) -> None:
    # The city is a place of its own; the two capitalised words are not a firm's name.
    assert spans("Hi London에서 일해요", rules, "org") == []
