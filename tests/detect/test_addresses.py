"""Whole addresses (relay.detect.addresses): the chain of address parts next to a place already found,
and sentences where nothing may be chained."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

# (text, the whole address that must be covered by address or place findings)
FOUND = [
    ("주소는 평양시 대동강구역 문수거리 25호동 7층 2호이다.", "평양시 대동강구역 문수거리 25호동 7층 2호"),
    (
        "지금 주소는 경기도 안산시 단원구 고잔로 117 103동 502호야.",
        "경기도 안산시 단원구 고잔로 117 103동 502호",
    ),
    ("(14532) 경기도 부천시 원미구 길주로 210에 산다.", "(14532) 경기도 부천시 원미구 길주로 210"),
    ("함경북도 회령시 오산덕동 3인민반에 살았다.", "함경북도 회령시 오산덕동 3인민반"),
    ("주소 인천 남동구 구월로 이백삼십 칠동 삼백사호", "인천 남동구 구월로 이백삼십 칠동 삼백사호"),
    ("량강도 혜산시 혜강동 17반에서 자랐다.", "량강도 혜산시 혜강동 17반"),
    ("서울 노원구 상계동 1120-5 번지로 보내라.", "서울 노원구 상계동 1120-5 번지"),
]

# Numbers and address-like words with no place before them: nothing is chained into an address.
NOT_ADDRESS = [
    "3층에 사는 할머니가 떡을 주셨다.",
    "우리 반은 25명이었다.",
    "7시 반에 일어나서 공부를 한다.",
    "두 번째 편지를 쓴다.",
    "그 길로 100미터쯤 걸어가면 학교가 있다.",
    "102호 아저씨는 친절하다.",
    "백 번을 생각해도 너는 내 아들이다.",
]


def _covered_any(text: str, detail: str, rules: Rules) -> bool:
    return covered(text, detail, rules, "address") or (
        all(
            covered(text, part, rules, k) or covered(text, part, rules, "address")
            for part in detail.split()
            for k in ("place",)
        )
    )


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_whole_addresses_are_covered(rules: Rules, text: str, address: str) -> None:
    assert _covered_any(text, address, rules), spans(text, rules)


@pytest.mark.parametrize("text", NOT_ADDRESS)
def test_no_address_without_a_place(rules: Rules, text: str) -> None:
    assert spans(text, rules, "address") == []
