"""Name classes found missing, and everyday words taken for names, in a tenth outside writer's letters
(table outside10). The sentences are new ones of the same shapes."""

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
        # a clause describing someone, then the name and a teknonym
        ("장마당에서 떡 팔던 순남 아들 맞지?", "순남"),
        ("옆집 살던 영옥 엄마가 안부 전한다.", "영옥"),
        # a nickname after 별명 running into a reported copula
        ("어릴 때 별명이 감자떡이었다며.", "감자떡"),
        # OCR split after a one-syllable surname, then the copula
        ("저는 청진 다니는 빈 나라예요!", "빈 나라"),
        # a name Kiwi reads as an everyday noun before a teknonym, at a sentence's start
        ("결기 아버지가 일하던 공장이 보였다.", "결기"),
        # a noun Kiwi knows before a kinship word, after a clause about the person
        ("시장에서 떡을 팔던 경하 아주머니가 보고 싶다.", "경하"),
        # X(이)라는 and a word for a person or for a name
        ("홍길동이라는 이름의 청년이 왔다.", "홍길동"),
    ],
)
def test_names_in_new_shapes_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person"), (text, _people(text))


@pytest.mark.parametrize(
    "text",
    [
        # a note in brackets: an everyday noun before a kinship word
        "[메모 할머니가 한참 우셨습니다]",
        # a phrase and a word before a title
        "사진 속 형제님 얼굴이 밝았어요.",
        # a verb's connective form before a title
        "저는 커서 선생님이 되고 싶어요.",
        # a noun and its particle before a title
        "귤 까먹을 때마다 형님 생각이 납니다.",
        # a group with a title in the plural
        "러시아 의사들도 실력이 좋다.",
        # X라는 and a thing
        "보르시라는 빨간 국은 먹을 만하다.",
        "카샤라는 죽을 자주 먹는다.",
        # a northern loanword
        "고장 난 라지오를 고쳐 줬지.",
        # "according to sister"
        "누나 말로는 잘 지낸대.",
        # a clause, a noun Kiwi knows and a kinship word
        "잘 나온 사진 아들한테 보냈다.",
        # a phrase merged across a space, ending in the copula
        "지금은 다 지난 일이야.",
    ],
)
def test_everyday_words_are_not_names(text: str) -> None:
    assert not _people(text), (text, _people(text))
