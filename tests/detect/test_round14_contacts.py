"""Round 14 contacts and addresses, with invented sentences of the shapes the outside writers used:

- a phone number read out after a word whose last syllable is a digit name ("전화 주오 공일공 …");
- an account name with its tag, the # said as 샵 or its digits set apart by OCR;
- words a reader is told to type into a messenger with 이렇게 치면, without 로 or 라고;
- a street abroad named by a word Kiwi half knows, a house's number after it;
- a Chinese road written with 루 and its house number after a district;
- an address part's unit, a lot's hyphen or 지하 set apart from its number; the past copula in a
  northern ending after the house number; a dormitory's floor and room read aloud.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("아들 소식 알면 연락 주오 공일공 칠칠삼이 오구일팔", "공일공 칠칠삼이 오구일팔"),
        ("우리 딸한테 전화 좀 하오 공일공 사사육일 이공팔삼", "공일공 사사육일 이공팔삼"),
    ],
)
def test_phone_after_digit_syllable(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.PHONE)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("디스코드 아이디 달빛 여우 샵 사이공칠 이거야", "달빛 여우 샵 사이공칠"),
        ("디코 별님 점 하 샵 구구일공", "별님 점 하 샵 구구일공"),
        ("디 코 minsu # 4 O l 7", "minsu # 4 O l 7"),
        ("텔레그램 금순 평양 이렇게 치면 나와요", "금순 평양"),
    ],
)
def test_said_handles(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.MESSENGER)


@pytest.mark.parametrize(
    "text",
    [
        "샵 매장에 가서 공일 샵을 샀다",
        "디코에서 게임 이야기만 한다",
        "텔레그램 사진 이렇게 찾아 봤어",
    ],
)
def test_said_handles_benign(text: str) -> None:
    assert not found(text, Kind.MESSENGER)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("식당은 마닐라 뜨마산 거리 27번지에 있었소.", "뜨마산 거리 27번지"),
        ("식당 주소는 칭다오시 스베이구 허난루 35호였어요.", "허난루 35호"),
        ("숙소는 하바롭스크 무라비요바 거리 12동 지하 창고였다.", "12동 지하"),
        ("우 리 집 은 혜 산 시 성 후 동 9 반 이 었 어", "9 반"),
        ("집 은 춘 천 시 효 자 동 1 7 - 3 호 였 어", "1 7 - 3 호"),
        ("우리 집은 춘천시 효자동 17 - 3 호였어", "17 - 3 호"),
        ("우리 집 주소는 청진시 수남동 11인민반 4호였디요.", "11인민반 4호"),
        ("기숙사에서 우리는 사층 사공이호 방에서 잤어", "사층 사공이호"),
        ("거기 기숙사가 공장 안 삼동 이층 끝방이었지", "삼동 이층 끝방"),
        ("옛 날 주 소 는 청진시 신암동 3 작 업 반 이 었 소 .", "신암동 3 작 업 반"),
        ("고 향 집 은 회 령 시 오 산 덕 동 4 인 민 반 이 었 다", "4 인 민 반"),
    ],
)
def test_addresses(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ADDRESS, Kind.PLACE)


@pytest.mark.parametrize(
    "text",
    [
        "가장 번화한 거리를 걸었다",
        "지하철 삼호선을 타고 이층으로 올라갔다",
        "우리는 하루 세 끼를 먹었다",
        "그는 먼 거리를 걸어 방에 갔다",
    ],
)
def test_addresses_benign(text: str) -> None:
    assert not found(text, Kind.ADDRESS)
