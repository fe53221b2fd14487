"""False alarms of the outside26/27/29 benign sentences, by class, in new sentences:

- a verb's stem cut from its ending after a one-syllable noun, read as a surname and a given syllable
  ("길 돌아", "공 차요": relay/detect/respaced.py);
- a particle split off a word and the adverb after it ("평 화 가 함께": 함께 is no name with 께);
- a word of worship split from its 님 by the spacing ("주 님 의"), and greetings of prayer and worship
  before a form of address ("할렐루야 형님");
- a bound or everyday noun in the plural ("많은 분들이"), a dish (an everyday noun and what a dish's
  name ends in: "감자전", "계란말이"), a pronoun with a one-syllable noun written as one word
  ("우리반"), a verb or adjective and its endings only ("우유 사가는 아저씨"), and what a letter says to
  close before a kinship word ("사랑해 누나"), what a number counts ("3학년"), a pronoun and particles
  ("여기서", "누군가"), an interjection glued to a kinship word ("어동생이"), people by their role
  ("손님한테"), a listed word in the plural ("고려사람들도") (relay/detect/not_names.py).

Names of the same shapes stay found: a given name that opens with a verb's syllable ("공 차영이가"), a
name in the plural Kiwi takes for a proper noun ("영희들이"), a name after a pronoun written apart.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    "text",
    [
        # a verb's stem and its ending, after a one-syllable noun
        "토요일마다 아이들이랑 운동장에서 공 차요",
        "산 넘고 먼 길 돌아 집에 왔어요",
        "두부 한 모 팔아 쌀 한 되 바꾸던 시절이 있었지",
        # a particle split off, then an adverb ending in a particle's syllable
        "주 님 의 은 혜 가 함께 하시 기 를",
        # words of worship and greetings before a form of address
        "하 나 님 의 사랑이 늘 함께하기를",
        "할렐루야 형님 오늘도 평안하십니까",
        "샬롬 자매님 건강하신지요",
        # plurals of people
        "도와주신 많은 분들이 형님 소식을 궁금해합니다",
        "교회 집사님들이 매주 형제님을 위해 기도해요",
        # dishes
        "어머니가 부쳐 준 감자전 생각이 나요",
        "계란말이를 도시락에 꼭 넣어 줬지",
        "설날에는 호박죽이랑 녹두전을 먹었어",
        # a pronoun and a one-syllable noun written as one word
        "우리반 친구들이 편지를 같이 썼어",
        "저희집은 식구가 다섯이에요",
        # a verb or adjective and its endings only
        "손님 중에 맨날 새벽에 우유 사가는 아저씨가 있어",
        # what a letter says to close, before a kinship word
        "사랑해 누나 빨리 만나자",
        "보고싶어 형 꼭 돌아와",
        # what a number counts, right after it (the line broken by OCR)
        "저는 올해 고등학교 2학년\n학생이에요.",
        "아마 3년쯤\n지나면 다 익숙해질 거예요.",
        # a pronoun and particles, an indefinite pronoun, an interjection glued to a kinship word
        "저는거기서 아르바이트하는 학생이고요",
        "오늘도 누군가 형제님을 위해 기도합니다.",
        "아누나가 오빠한테 할 말 있대",
        # people by their role, and a listed word in the plural
        "가게에서 손님한테 인사하는 거 연습했어",
        "우리 조선족들도 여기서 고생 많이 했다.",
    ],
)
def test_everyday_shapes_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("동생 공 차영이가 보고 싶다", "공 차영"),
        ("형 김 팔용이는 잘 있다", "김 팔용"),
        ("누나 모 팔순이에게 안부 전해라", "모 팔순"),
        ("길 동아 잘 지내니", "길 동"),
        ("우리 영희들이 왔다", "영희"),
        ("우리 민아 잘 지내니", "민"),
        ("동생 2반 김철수가 반장이야", "김철수"),
        # a name read by Kiwi as a verb and its ending: OCR damage before a vocative particle
        ("철나아 에미다, 네 이름을 신문에서 보았다", "철나"),
    ],
)
def test_names_of_the_same_shapes_stay(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person")
