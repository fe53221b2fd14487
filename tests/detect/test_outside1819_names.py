"""Name classes found missing in the eighteenth and nineteenth outside writers' letters (tables
outside18, outside19): an old-style letter's opening "X 보아라", a name in Latin or
Cyrillic letters that someone is called, and a name greeted in those letters ("Hey 진우,"). The
sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the addressee before the imperative of 보다 that opens a letter, a friendly 이 may follow
        ("영길이 보아라, 아버지가 쓴다.", "영길"),
        ("덕수 보게나. 잘 지내는지 궁금하네.", "덕수"),
        ("춘식이 보거라\n에미가 몇 자 적는다.", "춘식"),
        ("잘 있었니? 순옥 보아라. 이모다.", "순옥"),
        # a name in Latin or Cyrillic letters before (이)라고 and a form of 부르다
        ("공장 사람들은 나를 Коля라고 불러.", "Коля"),
        ("학교에서는 다들 Mike라고 부르던 애가 있었어.", "Mike"),
        ("여기서는 저를 Anna라고 불러요.", "Anna"),
        # a name called after a greeting in Latin or Cyrillic letters
        ("Hi 민지, 잘 지내니?", "민지"),
        ("Привет 상철, 나 누나야.", "상철"),
    ],
)
def test_found(text: str, name: str) -> None:
    assert name in "".join(_people(text)), _people(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same frames with no one named
        "저것 보아라, 눈이 온다.",
        "하늘 보아라. 별이 많구나.",
        "숙제 보거라.",
        "앞을 보아라.",
        "잘 보아라, 이게 네 고향이다.",
        "엄마 보아라, 나 이만큼 컸어.",
        "이거 봐라.",
        # a thing, or an acronym, named in another language
        "여기서는 빵을 Хлеб라고 불러.",
        "이 꽃을 Rose라고 불러.",
        "러시아 사람들은 이걸 SNS라고 불러.",
        "미국에서는 Thanksgiving이라고 부르는 명절이 있어.",
        # a greeting before a word for everyone, a kinship word or a time
        "Hello 여러분, 잘 지내시죠?",
        "Hi 엄마, 잘 있어?",
        "Hey 친구, 오랜만이야.",
        "Hi 오늘, 비가 와.",
    ],
)
def test_not_flagged(text: str) -> None:
    assert _people(text) == []
