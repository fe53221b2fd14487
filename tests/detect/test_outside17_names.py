"""Name classes found missing in the seventeenth outside writers' letters (table outside17), with
everyday look-alikes that must stay unflagged. The sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the friendly 이 after a consonant-final name belongs to the name as it was called
        ("동네 아이들은 다들 걔를 갑돌이라고 불렀다.", "갑돌이"),
        ("내레 춘식이다, 청진서 같이 일하던 사람 말이다.", "춘식이"),
        # an epithet glued before the name one was called by
        ("마을에서는 다들 나를 고집쟁이 광호라고 불렀지.", "고집쟁이 광호"),
        # a nickname told on from someone else: 였다더라, 라던데
        ("언니 말로는 네 어릴 적 별명이 꺽다리였다더라.", "꺽다리"),
        ("할머니 말씀이 아버지 별명이 번개라던데.", "번개"),
        # a name taken in baptism before a Korean full name
        ("저는 부산 교구의 미카엘 강태식 신부입니다.", "미카엘 강태식"),
        ("성당에서 만난 루치아 방은정 자매님이 안부 전합니다.", "루치아 방은정"),
        # a foreigner of two capitalised words after a word for what they do
        ("그 소식은 적십자 간호사 Marta Kowalska한테서 처음 들었습니다.", "Marta Kowalska"),
        ("담당 social worker Somchai Wong-Ngam, 전화는 사무실로 주세요.", "Somchai Wong-Ngam"),
        ("변호사 Ирина Соколова에게 서류를 맡겼소.", "Ирина Соколова"),
        # a name in Latin letters glossed in Hangul, and the reverse
        ("저는 Tanaka Kenji(다나카 겐지)라고 합니다.", "Tanaka Kenji"),
        ("저는 Tanaka Kenji(다나카 겐지)라고 합니다.", "다나카 겐지"),
        ("사토 유이(Sato Yui) 씨가 통역을 맡았어요.", "Sato Yui"),
        # a two-syllable surname standing apart, in the old-fashioned ways of saying one's name
        ("저는 예전에 보위부에 있었던 남궁 철이라고 하옵니다.", "남궁 철"),
        ("나는 지금 서울 병원 내과에 있는 계순남이라오.", "계순남"),
        # a Western given name in Hangul with a Korean surname, and a Japanese name in characters,
        # after a name label
        ("제 한국말 이름은 김알렉세이, 키이우에서 왔어요.", "김알렉세이"),
        ("어머니의 일본 이름은 木村 春子였다.", "木村 春子"),
    ],
)
def test_outside17_names_found(text: str, name: str) -> None:
    people = _people(text)
    assert any(name in p for p in people), (text, people)


@pytest.mark.parametrize(
    "text",
    [
        # a noun with its case particle before a title, and a short negated verb before one
        ("온 가족의 건강이 형제님과 늘 함께하기를 빕니다."),
        ("저는 요리를 잘 못해 할머니한테 늘 혼났어요."),
        # what the speaker likes, not who the speaker is
        ("나는 냉면 좋아해, 너는 뭐 좋아하니?"),
        ("저는 보드카 싫어해요."),
        # formal words for "you" and "I", and a name withheld
        ("귀관도 이제 집으로 돌아갈 수 있을 것이오."),
        ("귀하가 보내주신 서류는 잘 받았습니다."),
        ("제 이름은 비밀입니다."),
        # a word glossed in Latin letters, an organisation glossed in Hangul, a newspaper after a role
        ("서울(Seoul)에 온 지 삼 년이 되었다."),
        ("저는 Human Rights Watch(휴먼 라이츠 워치)라는 단체에서 일해요."),
        ("기자 New York Times에서 연락이 왔어요."),
        ("의사 선생님이 Google Classroom으로 강의를 한대."),
        # a saint's name with no full name after it
        ("요한 복음 말씀을 읽었습니다."),
        # an epithet and 이 that opens another word
        ("마을 사람들은 그를 그냥 겁쟁이라고 불렀다."),
        ("우리 이웃 이름이 참 예뻐요."),
    ],
)
def test_outside17_names_lookalikes(text: str) -> None:
    assert _people(text) == [], text
