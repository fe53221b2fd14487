"""False alarms of the outside38-39 benign sentences, in new sentences: the regional words for village
aunts and uncles, the words of a congregation, the two Koreas, dishes whose first syllable is a
surname, native numbers and their counters and the copula split off its noun, all read as names
(relay/detect/not_names.py); a clause of time or a word of where before a shop's word (relay/detect/
orgs.py); a one-syllable noun before noodles read as a township (relay/detect/places.py). Names, shops
and places in the same shapes stay found."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    "text",
    [
        # the regional words for the aunts, uncles and old people of a village
        "아주매가 김치 한 통을 싸 주셨다.",
        "할배가 장에 가셨다 아이가.",
        # the members of a congregation
        "우리 교우님들 모두 건강하시길 빕니다.",
        "주일마다 자매들이 반찬을 해 옵니다.",
        # the two Koreas as the North says them
        "북조선에서는 그런 걸 구경도 못 했소.",
        # dishes whose first syllable is a surname
        "오늘 저녁은 순두부 끓여 먹었어.",
        "겨울엔 뜨끈한 육개장이 생각난다.",
        # native numbers and their counters: amounts and ages
        "밥을 세공기나 먹고도 배가 고프다.",
        "할머니는 올해 일흔셋 이시다.",
        "우리 아버지는 마흔두 살에 나를 낳으셨다.",
        # the copula and a linking ending split off its noun
        "이 집 국수가 별미 이지만 동무 는 못 먹겠지.",
    ],
)
def test_everyday_words_are_no_names(text: str, rules: Rules) -> None:
    assert spans(text, rules, "person") == [], spans(text, rules, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name before a regional title, and a full name with a surname that opens a dish
        ("옆집 순덕이 할매가 떡을 주셨다.", "순덕"),
        ("저는 마영철이라고 합니다.", "마영철"),
        ("우리 반에 두정민이라는 친구가 있어요.", "두정민"),
    ],
)
def test_names_in_the_same_shapes_stay_found(text: str, name: str, rules: Rules) -> None:
    assert covered(text, name, rules, "person"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # a clause of time, or where it stands, before a shop's word
        "퇴근한 뒤 식당에서 국밥 한 그릇 먹었다.",
        "집근처 약국에서 감기약을 샀어요.",
    ],
)
def test_when_and_where_before_a_shop_are_no_firm(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == [], spans(text, rules, "org")


def test_a_named_shop_stays_found(rules: Rules) -> None:
    text = "그 뒤 해송식당에서 일했습니다."
    assert covered(text, "해송식당", rules, "org"), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # a one-syllable noun and noodles: no township
        "점심 은 떡볶이 랑 물냉면 먹었다 .",
        "배고파서 컵라면 두 개를 끓였다.",
    ],
)
def test_noodles_are_no_township(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == [], spans(text, rules, "place")


def test_a_township_stays_found(rules: Rules) -> None:
    text = "고향은 이천시 마장면입니다."
    assert covered(text, "마장면", rules, "place") or covered(text, "마장면", rules, "address"), spans(
        text, rules
    )
