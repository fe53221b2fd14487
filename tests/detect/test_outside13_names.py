"""Name classes found missing in a thirteenth outside writer's letters (table outside13) and in OCR'd
printed letters, with everyday look-alikes that must stay unflagged. The sentences are new ones of
the same shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind, Severity

from .conftest import covered, found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the speaker named at the end of a clause about them, with the copula of the north or of
        # old people (이야요, 이오, 이라 하오)
        ("내래 청진에서 고기잡이 하던 석만철이야요.", "석만철"),
        ("나는 회령 유선동에 살던 곽춘식이라 하오.", "곽춘식"),
        ("저는 대구에 있는 빵집에서 일하는 량해솔이에요.", "량해솔"),
        # a noun with the copula as the adnominal form, and 내는 for 나는
        ("내는 무산광산 운전수였던 전기춘이오.", "전기춘"),
        # the adnominal form glued on when OCR lost the space
        ("나는 탄광에서 스무 해 일했던로용남이오.", "로용남"),
        ("저는 식당에서 주방일을 하는한미순이에요.", "한미순"),
        ("나는함경북도회령시에살던도명수라하오", "도명수"),
        # the surname split off by OCR
        ("나는 무산에서 광부로 일하던 탁 명철이오.", "탁 명철"),
        # X라는 and a word for a person closing the introduction
        ("나는 철원에 사는 방팔용이라는 늙은이요.", "방팔용"),
        # a full name glued to 과나는 and the rest of the sentence
        ("김민혁과나는평양제1중학교 동창이다.", "김민혁"),
        # a full name OCR split into syllables, the friendly 이 before the particle
        ("내 동생 박 철 민이는 군대에 갔다.", "박 철 민"),
        # a Latin or Cyrillic name after a kinship word, or introduced by the speaker
        ("딸 Sophie가 그림을 그려 넣었다.", "Sophie"),
        ("손녀 Алина는 한국말을 배운다.", "Алина"),
        ("안녕하세요, 저는 Grace Whitfield예요.", "Grace Whitfield"),
        # a Japanese woman's name in Hangul
        ("외할머니 야마모토 요시코는 교토에서 나셨다.", "야마모토 요시코"),
        # a quoted nickname with the word for a person inside the quotes
        ("기름은 혜산 사는 '째보아재'한테 받았디.", "째보아재"),
    ],
)
def test_names_in_new_shapes_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person"), (text, _people(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a word Kiwi knows as a noun but opening with a common surname, signing the letter
        ("어머니, 늘 건강하세요.\n김장 드림", "김장"),
        ("형님, 또 쓰겠습니다.\n정민 올림", "정민"),
    ],
)
def test_signed_surname_words_go_to_review(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON), (text, _people(text))


def test_a_called_everyday_name_is_echoed_for_review() -> None:
    text = "진달래 동무에게\n오늘도 편지를 쓴다.\n진달래야, 너는 혼자가 아니다."
    spans = [
        text[f.start : f.end]
        for f in detect(text)
        if f.kind is Kind.PERSON and f.severity is Severity.REVIEW and f.start > text.index("\n")
    ]
    assert spans == ["진달래"], [(text[f.start : f.end], f.rule) for f in detect(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a clause about the speaker closing on an everyday word for a person
        "저는 병원에서 일하는 간호사예요.",
        "저는 교회에 다니는 신자입니다.",
        "나는 시골 마을에 사는 늙은이요.",
        "저는 고향을 떠난 사람이라 합니다.",
        # an everyday word in North Korean spelling
        "나는 평양에서 살던 로동자이오.",
        "내래 공장에서 일하던 기술자이오.",
        # 김장 as the kimchi-making it is
        "오늘은 김장 담그는 날이다.",
        # signing with a kinship word
        "어머니, 건강하세요.\n아들 드림",
        "삼촌, 또 쓸게요.\n조카 올림",
        # the flower in a letter that names no one after it
        "봄이면 진달래꽃이 핀다.\n진달래가 참 곱다.",
        # a thing, a comitative particle and the writer
        "사과와나는 친구다.",
        # an everyday word for a person split by OCR after a clause about the speaker
        "저는 병원에서 일하는 간 호사예요.",
        # what the speaker is, in English
        "저는 Korean이에요.",
        # a nose, not a Japanese name
        "돼지코를 닮았다고 놀렸다.",
        # a quoted title with a word for a person after a space
        "'착한 사람'이 되자고 했다.",
    ],
)
def test_look_alikes_are_not_names(text: str) -> None:
    assert _people(text) == [], text


def test_the_flower_stays_unflagged_beside_a_called_name() -> None:
    text = "진달래 동무에게\n진달래꽃이 피었다."
    assert [text[f.start : f.end] for f in detect(text) if f.kind is Kind.PERSON] == ["진달래"]
