"""Details Kiwi or OCR made look like something else, in slots that say what they are: a given name
read as a number and a counter (만호: 만 + 호), an everyday noun after a kinship word before "과 함께", a
word opening the letter before a kinship word and a comma, a kinship word glued after a joining
particle (방병덕과딸), a village stem Kiwi cut into one-syllable pieces (안암리), and a formation after a
unit whose number OCR read as a sign (4대대 ?중대). Each with the everyday sentences of the same shape
that must stay clean."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, spans

# Given names Kiwi reads as a numeral and a counter.
COUNTED_NAMES = [
    ("만호야, 잘 있니?", "만호"),
    ("영명아, 잘 지내고 있니?", "영명"),
    ("일범아, 잘 지내고 있니?", "일범"),
    ("오명아, 힘내라.", "오명"),
    ("동생 만호가 보고 싶다.", "만호"),
    ("동생 영명이와 함께 왔다.", "영명"),
]

COUNTED_AMOUNTS = [
    "동생 만원을 줬다.",  # money after a kinship word
    "아들 만원이 필요해.",
    "동생 일년 동안 못 봤다.",  # a time
    "소원은 하나야.",  # the copula after a number, no call
    "아들 둘과 함께 산다.",  # how many
]


@pytest.mark.parametrize(("text", "name"), COUNTED_NAMES)
def test_names_read_as_counted_numbers_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize("text", COUNTED_AMOUNTS)
def test_counted_amounts_are_not_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


# An everyday noun between a kinship word and "과 함께": a person, perhaps; a moderator decides.
def test_everyday_noun_in_company_of_kin_goes_to_review(rules: Rules) -> None:
    text = "남편 노기조와 딸 청원과 함께 상당구에 산다."
    assert ("person", "review", "청원") in spans(text, rules, "person")
    glued = "남편 노기조와딸청원과 함께 산다."  # OCR lost the spaces around 딸
    assert ("person", "review", "청원") in spans(glued, rules, "person")
    assert ("person", "redact", "노기조") in spans(text, rules, "person")
    assert spans("아들 내외와 함께 산다.", rules, "person") == []  # a couple: no one's name
    assert spans("딸 생각이 많이 난다.", rules, "person") == []  # no company: an everyday noun


@pytest.mark.parametrize(
    ("text", "name"), [("상권 동생, 몸은 좀 어떤가?", "상권"), ("련 동생, 몸은 좀 어떤가?", "련")]
)
def test_word_opening_letter_before_kin_and_comma_goes_to_review(rules: Rules, text: str, name: str) -> None:
    assert ("person", "review", name) in spans(text, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "내 동생, 잘 있니?",  # a pronoun
        "큰 형, 보고 싶소.",  # an adnominal
        "군인 오빠, 안녕하세요.",  # a role
        "막내 동생, 밥은 먹었니?",  # a kinship word
        "고향 동생, 잘 있나?",
        "새 동생, 반가워.",  # a determiner
    ],
)
def test_words_that_say_who_before_kin_are_not_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


def test_kinship_word_glued_after_a_joining_particle_is_a_cue(rules: Rules) -> None:
    assert covered("남편 방병덕과딸 하욱과함께 대구에 산다.", "하욱", rules, "person")
    assert covered("아내와딸 민지와 함께 왔다.", "민지", rules, "person")
    assert covered("남편 노기조와딸민경과 함께 산다.", "민경", rules, "person")  # no space either side
    assert spans("사과딸 기는 맛있다.", rules, "person") == []


def test_village_stem_cut_into_pieces_is_a_place(rules: Rules) -> None:
    found = [f for f in detect("안암리에서 농사짓던 집 막내였어.", rules) if f.kind.value == "place"]
    assert [("안암리에서 농사짓던 집 막내였어."[f.start : f.end], f.rule) for f in found] == [
        ("안암리", "place.split_stem")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "여기는 지금 밤 열한시야.",  # a number and 시, the hour
        "내리에서 기다렸다.",  # a pronoun, a particle and 리
        "막 소리에 놀랐다.",
        "그 거리에서 만났다.",
    ],
)
def test_everyday_words_ending_in_suffix_syllables_are_not_places(rules: Rules, text: str) -> None:
    assert spans(text, rules, "place") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [("저도 한때는 제28려단 4대대 ?중대 군관이었습니다.", "?중대"), ("4대대 *소대에 있었다.", "*소대")],
)
def test_formation_whose_number_was_misread_as_a_sign_goes_with_the_unit(
    rules: Rules, text: str, unit: str
) -> None:
    assert ("unit", "redact", unit) in spans(text, rules, "unit")


def test_signs_after_a_unit_without_a_unit_word_are_left(rules: Rules) -> None:
    assert spans("제3군단 ?? 그리고 돌아왔다.", rules, "unit") == [("unit", "redact", "제3군단")]
