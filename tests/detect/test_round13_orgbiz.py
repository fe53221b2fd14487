"""Round 13: shops, firms, churches and hospitals in a stretch written syllable by syllable
(relay/detect/spelled_orgs.py), read again with the spaces taken out; and the everyday churches and
hospitals of such stretches, which name no one.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a town and a church's own name
        ("광 주 빛 나 라 교 회 에 서 매 주 기 도 한 다 .", "광 주 빛 나 라 교 회"),
        # a hospital named after a mountain, with the work done there after it
        ("여 수 백 운 병 원 간 호 사 로 일 한 다", "여 수 백 운 병 원"),
        # a hotel named after a landmark
        ("설 악 산 호 텔 에 서 설 거 지 를 한 다 .", "설 악 산 호 텔"),
        # a care home of a town with an everyday word as its name
        ("지 금 은 원 주 햇 살 요 양 원 에 있 어 요", "원 주 햇 살 요 양 원"),
        # an academy, an ending of the school kind that is a business
        ("딸 은 청 주 솔 빛 학 원 에 다 닌 다 .", "청 주 솔 빛 학 원"),
        # the sentence's opening (지금은) before the town, read into the name by Kiwi now and then
        ("지 금 은 강 릉 바 다 마 트 에 서 일 해 요 .", "강 릉 바 다 마 트"),
    ],
)
def test_spelled_out_business_is_found(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ORG, Kind.PLACE, share=0.9)


@pytest.mark.parametrize(
    "text",
    [
        # everyday churches and hospitals: whose or what kind, not which
        "우 리 교 회 에 서 모 두 기 도 한 다 .",
        "동 네 병 원 에 가 봤 는 데 문 을 닫 았 다 .",
        "시 골 교 회 목 사 님 이 오 셨 다 .",
        "한 국 병 원 은 너 무 비 싸 다 .",
        "큰 병 원 에 가 서 검 사 를 받 았 다 .",
        "교 회 들 이 다 문 을 열 었 다 .",
    ],
)
def test_spelled_out_everyday_is_not_an_org(text: str) -> None:
    assert found(text, Kind.ORG) == []


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a fishing boat of four digits, and one with a hyphen
        ("아버지는 배를 타오. 배 이름은 청진수산 2215호요.", "청진수산 2215호"),
        ("우리 배는 홍원-12호 목선이었소.", "홍원-12호"),
        # a snack bar the writer runs, said with 한단다
        ("엄마는 시장 입구에서 새봄분식을 한단다.", "새봄분식"),
        # steel makers and engineering firms by their trade's short form
        ("사위는 대련에 있는 동해특수강에 다닌다.", "동해특수강"),
        ("저는 한길이엔지에서 설계를 합니다.", "한길이엔지"),
    ],
)
def test_boats_shops_and_firms_are_found(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ORG)


@pytest.mark.parametrize(
    "text",
    [
        # a verb's connective form before a room's number, with a boat said elsewhere
        "배를 타고 오다가 1208호 방에서 잤다.",
        # a building's room of four digits
        "배를 팔고 나서 아파트 1502호로 이사했다.",
    ],
)
def test_room_numbers_are_no_boats(text: str) -> None:
    assert found(text, Kind.ORG) == []
