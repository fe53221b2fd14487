"""South Korean addresses as a whole: the address runs on after the road or lot number over the
parenthesised 동, the apartment complex, 단지, 동, 호, the floor and 반지하, across a line break and
with OCR damage, and stops before the ordinary words after it."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered, spans

FOUND = [
    (
        "경상북도 포항시 북구 양덕로 74 (양덕동) 302호로 보내 주세요.",
        "경상북도 포항시 북구 양덕로 74 (양덕동) 302호",
    ),
    (
        "인천광역시 연수구 먼우금로 129 (연수동, 연수현대타운) 506동 1101호",
        "인천광역시 연수구 먼우금로 129 (연수동, 연수현대타운) 506동 1101호",
    ),
    (
        "부산시 사하구 괴정동 412 대우빌라 3단지 12동 203호에 살아요.",
        "부산시 사하구 괴정동 412 대우빌라 3단지 12동 203호",
    ),
    (
        "대구시 달서구 월성동 1277 월성주공아파트 9단지 908동 702호",
        "대구시 달서구 월성동 1277 월성주공아파트 9단지 908동 702호",
    ),
    (
        "광주광역시 서구 상무대로 1104 (치평동) 금호맨션 2동 501호에서 보자.",
        "광주광역시 서구 상무대로 1104 (치평동) 금호맨션 2동 501호",
    ),
    # A brand glued to the number, an OCR look-alike digit in the 동.
    (
        "주소는 경기도 수원시 영통구 광교중앙로 145광교자이 l12동 2403호입니다.",
        "경기도 수원시 영통구 광교중앙로 145광교자이 l12동 2403호",
    ),
    # The building number glued to its 동, the apartment name after it.
    (
        "서울 도봉구 창동1087 동아아파트 17동 1201호",
        "서울 도봉구 창동1087 동아아파트 17동 1201호",
    ),
    # Floors and basements.
    (
        "서울 관악구 신림로 57-3 반지하에서 살았다.",
        "서울 관악구 신림로 57-3 반지하",
    ),
    (
        "서울 중랑구 망우로 211 지하 1층에 가게가 있다.",
        "서울 중랑구 망우로 211 지하 1층",
    ),
    (
        "대전 유성구 대학로 99 3층 사무실로 오세요.",
        "대전 유성구 대학로 99 3층",
    ),
    # Across a line break.
    (
        "전라북도 전주시 완산구 효자로 225\n(효자동) 한양타워 1204호",
        "전라북도 전주시 완산구 효자로 225\n(효자동) 한양타워 1204호",
    ),
    (
        "충청북도 청주시 흥덕구\n가경로 88 (가경동) 세원오피스텔 807호",
        "충청북도 청주시 흥덕구\n가경로 88 (가경동) 세원오피스텔 807호",
    ),
    # The estate's name alone after the number, its particle left out.
    (
        "서울 성동구 왕십리로 410 센트라스푸르지오에 살아요.",
        "서울 성동구 왕십리로 410 센트라스푸르지오",
    ),
    # OCR spaces inside the brackets, a road's first syllable set apart.
    (
        "서울 마포구 월드컵로 33 ( 합정동 ) 1102호",
        "서울 마포구 월드컵로 33 ( 합정동 ) 1102호",
    ),
    ("부산 해운대구 해 운대로 570 우동아파트 3동 402호", "해 운대로 570 우동아파트 3동 402호"),
    # A jamo misread in the estate's name and the bracketed 동: the numbers around them carry it.
    (
        "대구 수성구 달구벌대로 2450 (범어둉) 삼익아퍄트 5단지 208동 1104호",
        "대구 수성구 달구벌대로 2450 (범어둉) 삼익아퍄트 5단지 208동 1104호",
    ),
]


@pytest.mark.parametrize(("text", "detail"), FOUND)
def test_whole_address(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "address"), spans(text, rules)


# The address stops before the words that follow it.
STOPS = [
    ("경상북도 포항시 북구 양덕로 74 (양덕동) 302호로 보내 주세요.", "보내"),
    ("부산시 사하구 괴정동 412 대우빌라 3단지 12동 203호에 살아요.", "살아요"),
    ("서울 관악구 신림로 57-3 반지하에서 살았다.", "살았다"),
    ("서울 중랑구 망우로 211 지하 1층에 가게가 있다.", "가게가"),
    ("대전 유성구 대학로 99 3층 사무실로 오세요.", "사무실로"),
    ("서울 마포구 월드컵로 33 (합정동) 그 앞에서 만나자.", "그 앞에서"),
    ("서울 성동구 왕십리로 410 센트라스푸르지오에 살아요.", "살아요"),
    ("평양시로 10명이 갔다.", "10명이"),
]


@pytest.mark.parametrize(("text", "after"), STOPS)
def test_stops_before_ordinary_words(text: str, after: str, rules: Rules) -> None:
    at = text.index(after)
    too_far = [f for f in detect(text, rules) if f.kind is Kind.ADDRESS and f.end > at]
    assert not too_far, spans(text, rules)


NOT_FOUND = [
    "1층 로비에서 기다릴게요.",
    "지하 1층 식당에서 점심을 먹었다.",
    "아파트 3층에 사는 할머니가 반찬을 주셨다.",
    "반지하 방이 처음에는 너무 습했어요.",
    "우리 아파트 단지에는 놀이터가 두 개 있다.",
    "7단지 놀이터는 새로 지었대요.",
    "번호가 010-4417-2290이래.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_an_address(text: str, rules: Rules) -> None:
    assert not spans(text, rules, "address"), spans(text, rules)
