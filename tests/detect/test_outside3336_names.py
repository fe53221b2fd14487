"""Name shapes found missing by four more outside writers (tables outside33 to outside36), and the
everyday words the name rules took for names there. The sentences are new ones of the same shapes:
other names, places and words."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _names(text: str) -> set[str]:
    return {text[f.start : f.end] for f in detect(text) if f.kind is Kind.PERSON}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the friendly 이 of a consonant-final given name goes with the name before a particle
        ("여보 나야 우리 예준이도 옆에 있어", "예준이"),
        # a Western given name in Hangul after a kinship word or a word for a classmate
        ("우리반 제이든이랑 축구했어요", "제이든"),
        ("우리 아빠 세르히가 일해요", "세르히"),
        # a Koryo-saram surname beside a Western given name
        ("나는 고려 사람 허가이 나탈리야 할머니다.", "허가이 나탈리야"),
        # the speaker 나, then a Western given name and the surname after it
        ("야 민수, 나 알렉세이 박. 그냥 알료샤라고 불러.", "알렉세이 박"),
        # a foreign surname split in two by the spacing
        ("안녕, 나는 올레나 코발 추크예요.", "올레나 코발 추크"),
        # two capitalised words before a word for what someone is to the writer
        ("룸메이트 Emily Carter 언니가 안부 전해 달래요.", "Emily Carter"),
        # the speaker, where they work, then a name in Latin letters and the copula
        ("저는 베를린의 인권단체에서 일하는 Johanna Becker입니다.", "Johanna Becker"),
        # a full name split after its second syllable, the third with the friendly 이 or the copula
        ("네 어머니 강해 숙이 병원에 있다.", "강해 숙"),
        ("내 동창 오지 현이다.", "오지 현"),
    ],
)
def test_names_in_new_shapes_are_found(text: str, name: str) -> None:
    assert any(name in found for found in _names(text))


def test_a_vocative_after_a_hesitation_is_found() -> None:
    # a transcript's 음 or 어 before the addressee opens the sentence all the same
    assert any("현우" in found for found in _names("음 현우야 어 나 삼촌이다"))


@pytest.mark.parametrize(
    "text",
    [
        # food eaten and texts read: the object of such a verb is no one's name
        "시장에서 김부각을 사 먹었다.",
        "할머니가 박하사탕을 드셨다",
        # a place or a group with 에서: people take 에게서
        "요즘 조리원에서 일하십니다",
        # a determiner glued to a kinship word
        "이에미는 매일 기도한다.",
        # a dialect word after a one-syllable piece, two everyday words before 이
        "어이 친구 고생 마이 했제",
        "동생 이번 달이 생일이야",
        # a Bible name without a kinship or classmate's word before it; a season
        "올가을에 다시 만나자",
        # the last words of an organisation's name in Latin letters
        "저는 서울에 사는 Amnesty International입니다.",
    ],
)
def test_everyday_words_are_no_names(text: str) -> None:
    assert not _names(text)


def test_a_kinship_word_one_is_called_is_no_name() -> None:
    assert not _names("난 스물아홉이라 너보다 형이다, 형이라고 불러야 해.")


def test_a_pronoun_is_no_korean_name_before_a_baptismal_one() -> None:
    # 우리반 (우리 + 반) before a Western pet name: the classmate is 사샤, not "우리반 사샤"
    names = _names("우리반 사샤랑 축구했어요")
    assert any("사샤" in found for found in names)
    assert not any(found.startswith("우리") for found in names)
