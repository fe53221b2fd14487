"""Places and addresses of the shapes the outside33-36 tables missed, with other names and numbers.

Addresses: a northern house number after its 인민반 with the copula going on ("7인민반 22호였고"); a
Japanese quarter before its block, lot and house ("쓰루하시 2-14-7") or its 초메, OCR splitting the
quarter too; a lot lettered before its number, OCR's l in it ("A17-l"); a post office named after its
town glued before its box ("의정부우체국 사서함"); a Chinese street with its house and floor ("신화가 12호
2층"). Places: the other 읍 of the provinces' cities by their bare stem ("삼랑진에 산다"); the Kursk
villages, Primorye's training grounds and Dubai's quarters as gazetteer classes; Sudzha by its northern
spelling 수자 only with a word of fighting or nearness after it; a village by its copula cut short
("동천리라 카이"), by a word of where after it ("구빈리 쪽"), or with a filler glued on by OCR; a long
name damaged and glued after a particle; a city damaged before its own district ("수윈사 팔달구"); a
dong whose first syllable OCR glued onto a filler ("그옥 전동"). Benign look-alikes stay unflagged:
컵라면, a split 며느 리, 면담시 ("at the interview"), 고려 사람, 수자 as "number".
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, covered_as

ADDRESSES = [
    ("그 집은 무산군 무산읍 7인민반 22호였고 앞에 개울이 있었다.", "무산군 무산읍 7인민반 22호"),
    ("언니는 오사카시 히가시나리구 쓰루하시 2-14-7에 산다.", "오사카시 히가시나리구 쓰루하시 2-14-7"),
    ("언니는 오사카시 히가시나리구 쓰 루하시 2-14-7에 산다.", "오사카시 히가시나리구 쓰 루하시 2-14-7"),
    ("삼촌은 충남 천안시 성정동 A17-l, 3층에 산다.", "충남 천안시 성정동 A17-l, 3층"),
    ("편지는 의정부우체국 사서함 32호로 보내 주세요.", "의정부우체국 사서함 32호"),
    ("우리 가게는 신화가 12호 2층에 있습니다.", "신화가 12호 2층"),
    ("우리 가게는 신 화가 12호 2층에 있습니다.", "신 화가 12호 2층"),
]


@pytest.mark.parametrize(("text", "detail"), ADDRESSES)
def test_address_shapes(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "address", "place")


PLACES = [
    # The 읍 of the provinces' cities, by the bare stem too.
    ("외삼촌은 삼랑진에 산다.", "삼랑진"),
    ("작년에 흥해읍으로 이사했다.", "흥해읍"),
    # The Kursk villages, Primorye's training grounds, Dubai's quarters.
    ("형이 곤차로프카에서 다쳤다고 들었다.", "곤차로프카"),
    ("동생은 자올레셴카 근처에서 잡혔다.", "자올레셴카"),
    ("그 부대는 세르게예프카에서 훈련을 받았다.", "세르게예프카"),
    ("오빠는 데이라에 있는 식당에서 일한다.", "데이라"),
    ("아버지는 까라간다로 실려 갔다.", "까라간다"),
    # Sudzha by its northern spelling, with a word of fighting or nearness after it.
    ("삼촌은 수자 일대에서 포로가 되었다.", "수자"),
    # A village by its copula cut short, by a word of where after it, OCR's filler glued on.
    ("할매 고향이 정주시 남서리라 카이.", "남서리"),
    ("그때는 마전리 쪽 초소에 있었어요.", "마전리"),
    ("우리 집은 단천시 룡강동그 앞이었다.", "룡강동"),
    # A long name damaged and glued after a particle; a city damaged before its own district.
    ("작년부터블라디보스또크 항구에서 일했다.", "블라디보스또크"),
    ("언니는 수윈사 팔달구 인계동에 산다.", "수윈사"),
    # A dong whose first syllable OCR glued onto the filler before it.
    ("할머니는 그옥 전동에서 태어났다.", "옥 전동"),
]


@pytest.mark.parametrize(("text", "detail"), PLACES)
def test_place_shapes(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "place", "address")


def test_sudzha_with_fighting(rules: Rules) -> None:
    assert covered("그는 수자 전투 때 다리를 다쳤다.", "수자", rules, "place")


BENIGN = [
    "밤에 먹는 컵라면이 제일 맛있다.",
    "점심에 물냉면을 먹었다.",
    "우리 며느 리가 김치를 잘 담근다.",
    "출국시 여권을 꼭 보여 주셔야 합니다.",
    "고려 사람 은 어디서나 김치를 먹는다.",
    "수자가 너무 커서 계산이 어렵다.",
    "울타리 쪽에 꽃을 심었다.",
    "우리 친구가 3호 병실에 있다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes(text: str, rules: Rules) -> None:
    assert [f for f in detect(text, rules) if f.kind.value in ("address", "place")] == []
