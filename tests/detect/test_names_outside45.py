"""Name classes found missing by two more outside writers (tables outside4 and outside5), and the
everyday words the name rules took for names there. The sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind, Severity


def _people(text: str) -> list[tuple[str, Severity]]:
    return [(text[f.start : f.end], f.severity) for f in detect(text) if f.kind is Kind.PERSON]


def _names(text: str) -> set[str]:
    return {found for found, _ in _people(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the writer introduces themselves after a clause about themselves
        ("난 여명학교 다니는 변은지야", "변은지"),
        # an introduction that goes on (이고요)
        ("저는 목보람이고요 인천에 살아요", "목보람"),
        # a nickname after 별명, an everyday word or one syllable
        ("별명이 두꺼비였는데 착했지", "두꺼비"),
        ("그 애 별명은 곰이었지", "곰"),
        ("동생 별명이 꼬맹이야 ㅎㅎ", "꼬맹이"),
        # someone "called X": a surname alone, glued to the word before in chat
        ("우리 반에 탁이라는 애가 있었어", "탁"),
        ("우리반에옥이라는애있는데 웃겨", "옥"),
        # Kiwi reads a given name and the friendly 이 (혜령/NNP + 이/XSN), found with its 이
        ("우리반 혜령이도 왔어", "혜령이"),
        # two full names joined by a comma, one of them found
        ("시장에서 국수집을 하는 모태식, 명옥희 부부입니다.", "모태식"),
    ],
)
def test_names_in_new_shapes_are_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        # a place's particle: the word after it says nothing about a name
        "탁자위에 네 모자를 두었다",
        # 야 calls out, it is no piece of a name
        "야 이 새끼야 잘 지냈냐",
        "방금 야 이 친구야 하고 불렀다",
        # who someone is, not their name
        "난 식당에서 일하는 요리사야",
        "저는 회사원이고요 서울에 살아요",
        "저는 대학생이고요 부산에 살아요",
        # a label with nothing name-like after it
        "별명이 없어서 서운했다",
        "이름이 뭐였는데 기억이 안 나",
        "사랑이라는 말을 배웠다",
        # a word and a name joined by one comma: only a full name is taken for a listed one
        "반장 하기로, 정순애 동무와 함께",
        "내일 만나자, 정순애 동무",
        # numbers, a number and its counter, a plural, a thing and how many
        "요즘 시장에선 배추 한 포기에 만원이나 한다",
        "막내는 열아홉, 누나는 스물둘이다.",
        "우리 마을 로인들이 매일 모여 앉는다",
        "돌아오면 쓸 방 한칸 치워 두었다.",
        # a conjunction, a pronoun or an everyday word before a kinship word or title
        "그래도 언니는 일도 하고 공부도 해.",
        "너는 형처럼 고생하지 말고 꼭 살아라.",
        "한때는 나도 동무처럼 군복을 입었소.",
        "청년 아버지하고 같은 교회 다녀요",
        # the speaker (나), then a word: no two-syllable name split in two
        "나 살아 있어 걱정 마",
        "이모 나 새 가방 샀어",
        # a name label followed by a question or a verb
        "우리 고양이 이름 뭐게ㅋㅋ 맞혀봐",
        "할매가 매일 밤 자네 이름 불러",
        # an age after the speaker, a northern "I", an interjection ending a letter
        "저 스물두 살이에요.",
        "동무, 내래 동무 이름은 모르지만 잘 안다.",
        "잘 있거라 잘 있거라\n아이고",
    ],
)
def test_everyday_words_in_those_shapes_are_not_names(text: str) -> None:
    found = _names(text)
    assert not found - {"정순애"}, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("결기 아버지가 일하던 공장", "결기"),  # a name of typical syllables before a teknonym
        ("위성은 자매님은 병원에서 일합니다", "위성은"),  # a full name whose last syllable reads as 은
        ("두만 동무, 몸조심하게.", "두만"),
    ],
)
def test_names_that_read_as_words_stay_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name found once is looked for again where it is called out, for review
        ("네 언니 순님이가 인사한대 순님아 인사해", "순님"),
        # a transcript's name label with no punctuation after the copula
        ("아들 이름은 토토야 거기서 부르는 이름이야", "토토"),
        # a name that is an everyday word, called out at the start of a sentence
        ("보람아.. 엄마야. 엄마 얼굴 보이니.", "보람"),
        ("슬기야 엄마가 너 생일에 미역국 끓였다.", "슬기"),
        # a native given name after a kinship word
        ("우리 손주 우람이도 자네 나이일 걸세.", "우람"),
    ],
)
def test_names_said_again_or_called_are_found(text: str, name: str) -> None:
    assert any(name in found for found in _names(text)), _names(text)


def test_a_nickname_is_reviewed_not_redacted() -> None:
    assert ("두꺼비", Severity.REVIEW) in _people("별명이 두꺼비였는데 착했지")
