"""Name classes found missing by three more outside writers (tables outside26, outside27 and
outside29), with new sentences of the same shapes (other names, places and speakers):

- a name before (이)라는, (이)라고 하는 or the Gyeongsang 라 카는 and a word for a person, the name
  perhaps spaced into syllables by OCR ("박 종 혁이라는 늙은이");
- a surname and two syllables spaced apart, introduced with a copula spaced off or a dialect one
  (이유, 이여, 이래요), or after a kinship word with the friendly 이 (손녀 박 다 은이가);
- a full name then a name taken in baptism (류 승 민 안드레아 입니다);
- a full name after the speaker's affiliation or after "…에서 온", in a transcript without punctuation;
- a full name after a kinship word with its particle spaced off (딸 류하늘 도);
- an old-style opening after a name whose surname stands apart (처남 박 영호 보게);
- a surname and 쌤 spaced apart (최 쌤이); a name in religion before 교무 or 법사;
- foreign names: two capitalised words before a Korean title ("Andrii Bondarchuk 변호사와"), glued by
  OCR ("OlenaKovalenko 씨"), with a Latin title before them ("Dr. …"); a listed Western given name in
  Hangul and a surname ("타라스 시도렌코입니다") or after a role word ("위생병 올렉시가").

Benign look-alikes of each shape stay unflagged.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind

from .conftest import covered, found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # known as, with the long or the dialect quotative, the name perhaps spaced by OCR
        ("경기도 양평군에 사는 김 만 석이라는 늙은이요.", "김 만 석"),
        ("부산 사하구에서 횟집 하는 정철규라 카는 사람입니더", "정철규"),
        ("광주에서 식당 하는 윤성민이라고 하는 사람입니다.", "윤성민"),
        # a spaced full name, introduced with a copula spaced off or in dialect
        ("나는 충남 논산에서 딸기 농사 짓는 김 춘 자 이유 .", "김 춘 자"),
        ("안녕하시오 나는 경북 의성에서 마늘 농사짓는 박영철이여", "박영철"),
        # a spaced full name after a kinship word, with the friendly 이
        ("우리 손자 한 다 빈이가 편지를 썼어요.", "한 다 빈"),
        ("우리 누나 이 다 인이가 옆에 있어요.", "이 다 인"),
        # a full name, then a name in baptism
        ("저는 성당에 다니는 김 민 수 요셉 입니다.", "김 민 수 요셉"),
        ("아내 박정희 데레사와 함께 기도합니다.", "박정희 데레사"),
        # who the speaker is after where they belong or where they came from
        ("저는 양강도 혜산에서 온 박은정이에요 여기 온 지 삼 년 됐어요", "박은정"),
        # a full name after a kinship word, its particle spaced off
        ("아내와 아들 김보람 도 인사 드려요 .", "김보람"),
        # an old-style opening with the surname spaced off the given name
        ("처남 박 영호 보게 매형일세", "박 영호"),
        # a surname and 쌤 spaced apart; a name in religion before its title
        ("우리 반 박 쌤이 이 영상을 찍어 주셨어요.", "박 쌤"),
        ("교당에서는 혜진 교무님께서 기도해 주셨어요.", "혜진"),
        # foreign names in Latin or Cyrillic letters before a Korean title, glued, or after Dr.
        ("현지 Petro Melnyk 변호사와 함께 일하고 있습니다.", "Petro Melnyk"),
        ("Taras Sydorenko 대위가 부대를 지휘했습니다.", "Taras Sydorenko"),
        ("Олена Коваленко 간호사가 돌봐 주었어요.", "Олена Коваленко"),
        ("우리 쪽 MykolaShevchuk 씨가 편지를 가지고 갑니다.", "MykolaShevchuk"),
        ("저는 Dr. Natalia Hrytsenko, 외과 의사입니다.", "Dr. Natalia Hrytsenko"),
        # a listed Western given name in Hangul with a surname, or after a role word
        ("나는 제3여단 소속 안드리 코발추크입니다.", "안드리 코발추크"),
        ("우리 통신병 드미트로가 무전을 쳤습니다.", "드미트로"),
    ],
)
def test_names_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person"), _people(text)


@pytest.mark.parametrize(
    "text",
    [
        # what someone is, with the long or dialect quotative
        "학생이라고 하는 사람은 공부를 해야지.",
        "우리 동네 의사라 카는 양반이 그랬다.",
        "그건 희망이라는 사람입니다.",
        "행복이라고 하는 것은 멀리 있지 않아요.",
        # single syllables that are words, not a spaced name
        "우리 딸 한 번 더 봐요.",
        "나는 농사 짓는 한 사 람 입니다.",
        "이 중 요한 것은 건강이다.",
        "요즘도 비오는 날엔 무릎이 쑤셔요.",
        "그 중 요한 사람이 왔다.",
        # an everyday word OCR split before an old-style opening
        "하 늘 보아라",
        # the speaker saying what they are, not who
        "저는 한국어학당 교육생이에요.",
        "저는 우리 교회 전도사예요 오늘 말씀 드릴게요",
        "저는 서울에서 온 손님이에요.",
        "저는 한국 정부 공무원이에요.",
        "저는 교회 성가대 지휘자예요.",
        # a title or a role word that is part of another word
        "이 쌤이 그랬어.",
        "학교 교무실에 갔다.",
        "교무 회의가 있었다.",
        "New York 대사관에 갔다.",
        "Samsung Electronics 직원이 왔다.",
        # a saint's name in prayer
        "요셉 성인께 기도합니다.",
    ],
)
def test_lookalikes_not_names(text: str, rules: Rules) -> None:
    assert _people(text) == []
