"""Round 13 places, units and addresses, with invented sentences of the shapes the outside writers used:

- a Chinese town or village letter-spaced after its city or county ("훈 춘 시 경 신 진 에"), with the
  city's own suffix set apart, and double spaces as a transcript leaves them;
- a city's place kept in a chain of places that short words around make look letter-spaced;
- a place the writer names with (이)라는 and a word for a place ("X라는 동네"), not an everyday word
  nor a person's name;
- a gazetteer stem that is also an everyday word, left ("을 떠나") or fought at ("에서 포로");
- a unit type letter-spaced ("저 격 려 단"), the army heading a chain ("조선인민군 공군 제3항공사단"),
  민경 before its battalion;
- a letter-spaced house number after a village or quarter, OCR's look-alikes for digits in it.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found, one_covers


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("언 니 는 훈 춘 시 경 신 진 에 서 산 다 .", "훈 춘 시 경 신 진"),
        ("오 빠 는 화 룡 시 서 성 진 에 산 다 .", "화 룡 시 서 성 진"),
        ("삼 촌 은 연 길 시 조 양 천 진 에 산 다 .", "연 길 시 조 양 천 진"),
        ("고 모 는 연 길 시  삼 도 향 에 산 다", "연 길 시  삼 도 향"),
        ("동 생 은 림 구 현 에 산 다 .", "림 구 현"),
    ],
)
def test_spaced_foreign_village(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.PLACE, Kind.ADDRESS)


@pytest.mark.parametrize(
    "text",
    [
        "연 길 시 에 서 진 짜 맛 있 는 냉 면 을 먹 었 다 .",
        "훈 춘 시 내 에 서 장 을 봤 다 .",
    ],
)
def test_spaced_foreign_village_not_words(text: str) -> None:
    assert not any(len(f.replace(" ", "")) > 3 for f in found(text, Kind.PLACE))


def test_place_after_country_in_short_words() -> None:
    assert one_covers("그 중국 훈춘에서 음 두 해 있었지", "훈춘", Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("그 뒤로는 소가툰이라는 동네에서 살았어", "소가툰"),
        ("처음엔 마전자라는 데 있었어요", "마전자"),
        ("우린 석두하란 곳에 숨어 살았다.", "석두하"),
    ],
)
def test_called_place(text: str, detail: str) -> None:
    assert one_covers(text, detail, Kind.PLACE)


@pytest.mark.parametrize(
    "text",
    [
        "거기는 천국이라는 곳이 아니었다.",
        "마음이라는 데가 참 묘하다.",
        "영철이라는 데 그 애 말은 안 믿어.",
    ],
)
def test_called_place_not_words_or_names(text: str) -> None:
    assert not found(text, Kind.PLACE)


def test_stem_left_and_fought_at() -> None:
    assert found("2011년 봄에 무산을 떠나 강을 건넜다.", Kind.PLACE) == ["무산"]
    assert found("그 애가 수자에서 부상을 입었다고 한다.", Kind.PLACE) == ["수자"]
    assert not found("그 문제를 떠나서 우리는 가족이다.", Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("형 이 저 격 려 단 에 서 왔 다 고 들 었 다 .", "저 격 려 단"),
        ("그 는 포 병 대 대 에 있 었 다 .", "포 병 대 대"),
        ("나는 조선인민군 공군 제3항공사단에서 복무했다.", "조선인민군 공군 제3항공사단"),
        ("민경 제2대대에 있었소.", "민경 제2대대"),
    ],
)
def test_units(text: str, detail: str) -> None:
    assert one_covers(text, detail, Kind.UNIT)


def test_army_alone_is_no_unit() -> None:
    assert not found("조선인민군 창건일에 행사가 있었다.", Kind.UNIT)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("지 금 은 횡 성 군 우 천 면 오 원 리 2 l 5 - 3 에 산 다 .", "오 원 리 2 l 5 - 3"),
        ("우 리 집 은 부 평 구 산 곡 동 3 O 7 이 다 .", "산 곡 동 3 O 7"),
        ("고 향 집 은 회 령 시 망 양 동 l 인 민 반 이 다 .", "망 양 동 l 인 민 반"),
    ],
)
def test_spaced_house_number(text: str, detail: str) -> None:
    assert covers(text, detail, Kind.ADDRESS, Kind.PLACE)
    assert any(ch.isdigit() or ch in "lO" for f in found(text, Kind.ADDRESS) for ch in f)
