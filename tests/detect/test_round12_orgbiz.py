"""Businesses as organisations (round 12, relay.detect.orgs).

- A firm named by a Hangul word glued to a Latin mark of its trade or form ("대성E&C", OCR's "한결EN G").
- Shipyards, heavy industry and parcel firms by name, and a listed firm's hub by its town and number
  ("쿠팡 이천 삼 센터", "CJ대한통운 양산 터미널").
- A shop's name given after "이름은" in two words, the second saying what it sells ("소망 통신"), or after
  "가게는" with a town before it; the short name people call it ("그냥 소망이라고 해").
- "X라는 작은 식당", "X이라는 휴대폰 가게": a word between 라는 and the noun for the shop.
- Snack shops named before what they sell, with delivering or opening it as the cue.
- Products, dishes and everyday phrases stay unflagged.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

FOUND = [
    ("형은 통영 조선소 하청 대성E&C에서 배관 일을 한다.", "대성E&C"),
    ("삼촌은 한결EN G 에서 도장공으로 일하오.", "한결EN G"),
    ("아들은 보람C&T에서 경리를 본다.", "보람C&T"),
    ("남편은 삼성중공업 협력사에서 용접을 해요.", "삼성중공업"),
    ("아버지는 현대미포조선에서 삼십 년 일하셨다.", "현대미포조선"),
    ("동생은 한진택배 기사로 뛴다.", "한진택배"),
    ("요즘 쿠팡 이천 삼 센터에서 새벽에 일해.", "쿠팡 이천 삼 센터"),
    ("CJ대한통운 양산 터미널에서 상하차를 한다.", "CJ대한통운 양산 터미널"),
    ("안양에서 한빛상운 버스를 모는 기사입니다.", "한빛상운"),
    ("미용실 이름은 목련 헤어야.", "목련 헤어"),
    ("가게 이름은 단비 통신이고 휴대폰을 판다.", "단비 통신"),
    ("가게 이름 은 금잔디 아바이순대 다.", "금잔디 아바이순대"),
    ("가게는 소래 꼬꼬치킨이야 다들 꼬꼬라고 불러.", "꼬꼬"),
    ("가게는 소래 꼬꼬치킨이야 다들 꼬꼬라고 불러.", "소래 꼬꼬치킨"),
    ("누나는 은하수모바일이라는 휴대폰 가게를 한다.", "은하수모바일"),
    ("엄마는 두만강국밥집이라는 작은 식당을 차렸다.", "두만강국밥집"),
    ("남동생은 하노이쌀국수에서 알바를 한다.", "하노이쌀국수"),
    ("큰형이 청라 호랑떡볶이를 열었다.", "청라 호랑떡볶이"),
]


@pytest.mark.parametrize(("text", "org"), FOUND)
def test_a_business_is_found(text: str, org: str, rules: Rules) -> None:
    assert covered_as(text, org, rules, "org", "place")


BENIGN = [
    "어제 LG 냉장고를 새로 샀다.",
    "이비인후과 ENT 선생님이 친절했다.",
    "우리 E&C 부서는 바쁘다.",
    "세상운이 좋아서 살아남았다.",
    "엄마랑 떡볶이를 먹었다.",
    "매운 떡볶이 배달을 시켰다.",
    "짬뽕을 배달해 먹었다.",
    "행복이라는 작은 가게를 꿈꾼다.",
    "가게 이름은 아직 못 정했어.",
    "가게 이름은 그냥 치킨이야.",
    "가게는 시장 옆 치킨집이야.",
    "우리는 치킨을 좋아해서 그냥 치킨이라고 해.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_everyday_business_words_stay_unflagged(text: str, rules: Rules) -> None:
    assert [s for s in spans(text, rules) if s[0] == "org"] == []


def test_a_shops_name_said_again_is_found_again(rules: Rules) -> None:
    text = "누나는 은하수모바일이라는 휴대폰 가게를 한다. 은하수모바일은 장사가 잘 된다."
    assert [s[2] for s in spans(text, rules, "org")].count("은하수모바일") == 2
