"""Number, contact, date, address and unit shapes found missing on the hard-case table outside37
(letters partly in Hanja, raw OCR of handwriting, speech transcripts), and look-alikes that must stay
clean. The sentences are new ones of the same shapes: other names, places and numbers."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _covered(text: str, kinds: set[Kind], detail: str) -> bool:
    """Whether findings of ``kinds`` cover every non-space character of ``detail`` in ``text``."""
    at = text.index(detail)
    covered: set[int] = set()
    for f in detect(text):
        if f.kind in kinds:
            covered.update(range(f.start, f.end))
    return all(i in covered for i in range(at, at + len(detail)) if not text[i].isspace())


_ADDRESS = {Kind.ADDRESS, Kind.PLACE}


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # an era before the year (檀紀, 西紀 read 단기, 서기), and a lunar date after it
        ("이 몸은 檀紀 四二八一年 陰曆 九月 初이레에 났소.", "檀紀 四二八一年 陰曆 九月 初이레"),
        ("西紀 一九九八年 七月에 豆滿江을 건넜소.", "西紀 一九九八年 七月"),
        ("서기 2011년 3월에 고향을 떠났다.", "서기 2011년 3월"),
        # 음력 before the year, and 납월 (臘月), the twelfth lunar month in Hanja
        ("그 애 生日은 陰曆 一九九五年 臘月 초이틀이라오.", "陰曆 一九九五年 臘月 초이틀"),
        # a lunar month's name with its day in digits, after a year
        ("아들 生日 一九八八年 陰曆 正月 十五日에 미역국을 끓였소.", "一九八八年 陰曆 正月 十五日"),
        ("1979년 음력 동짓달 23일에 났어요.", "1979년 음력 동짓달 23일"),
        # a month of birth with 생 after it
        ("조카는 2012년 8월 생이라서 아직 어려요.", "2012년 8월 생"),
    ],
)
def test_dates_in_new_shapes_are_found(text: str, detail: str) -> None:
    assert _covered(text, {Kind.DATE}, detail)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # an address in Hanja: 番地 and 號 read as 번지 and 호 carry the chain on
        ("只今은 忠淸南道 公州市 玉龍洞 58番地 103號에 사오.", "公州市 玉龍洞 58番地 103號"),
        ("住所는 仁川 南洞區 논현로 45, 가棟 12號요.", "논현로 45, 가棟 12號"),
        # an older writer's copula after the house number
        ("우리 집은 慶州市 江東面 良洞마을길 17일세.", "慶州市 江東面 良洞마을길 17"),
        # a Japanese block in characters (丁目)
        ("住所 東京都 足立區 西新井 5丁目 22-10", "足立區 西新井 5丁目 22-10"),
        # a one-digit house number and its hyphen said aloud, a southern copula after it
        ("우리 집은 순천시 중앙로 이십삼번길 오 다시 이여", "순천시 중앙로 이십삼번길 오 다시 이"),
        # a road name OCR split at a line break, its number (B for 8) after it
        ("우리 집 은 봉동읍 봉\n동로 3B-2 이여 .", "봉동읍 봉\n동로 3B-2"),
        # the same address wrapped before its road number said aloud
        ("우리 집은 순천시 중앙로\n이십삼번길 오 다시 이여", "순천시 중앙로\n이십삼번길 오 다시 이"),
        # OCR's l for the first digit of a house number, and a school's class after it
        (
            "편지는 원주시 단계로 l2O 단계중학교 1학년 2반으로 보내 주세요",
            "원주시 단계로 l2O 단계중학교 1학년 2반",
        ),
    ],
)
def test_addresses_in_new_shapes_are_found(text: str, detail: str) -> None:
    assert _covered(text, _ADDRESS, detail)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # parts joined by a said dot before a said underscore
        ("인스타는 서윤 점 김 언더바 제이와이예요", "서윤 점 김 언더바 제이와이"),
        # the same with the first syllable set apart by OCR and a line break before the underscore
        ("인스타는 서 윤 점 김\n언더바 제이와이예요", "윤 점 김\n언더바 제이와이"),
        # 골뱅이 before parts joined by a said underscore
        ("텔레그램은 골뱅이 올가 언더바 리 언더바 키이우요", "골뱅이 올가 언더바 리 언더바 키이우"),
        # 골뱅이 before letters spelled out by their names
        ("제 텔레그램은 골뱅이 에이치에스 라이트 디에이고요", "골뱅이 에이치에스 라이트 디에이"),
        # a name, digits read out, and letters spelled after them
        ("위챗은 메이링 팔팔 에이치제이구", "메이링 팔팔 에이치제이"),
        # a name and digits read out, the spoken copula glued to them
        ("카톡은 지훈 공일팔칠고요", "지훈 공일팔칠"),
    ],
)
def test_spoken_handles_are_found(text: str, detail: str) -> None:
    assert _covered(text, {Kind.MESSENGER, Kind.EMAIL, Kind.URL}, detail)


def test_a_damaged_spoken_unit_number_after_je_is_found() -> None:
    # 제 and a place value say a number; 아 is OCR's 이
    assert any(f.kind is Kind.UNIT for f in detect("큰형은 제오백아십삼연대에 있었다"))
    # glued to the force before it, which goes with it
    text = "그 해군보병제육백싑여단에 있었다"
    assert any(text[f.start : f.end].startswith("해군보병") for f in detect(text) if f.kind is Kind.UNIT)


def test_a_month_keeps_out_the_word_after_it() -> None:
    # 생 of 생활 ("living costs") is no "born": the date ends at the month
    text = "2019년 3월 생활비가 많이 들었다"
    assert all(text[f.start : f.end] == "2019년 3월" for f in detect(text) if f.kind is Kind.DATE)


@pytest.mark.parametrize(
    "text",
    [
        # 서기 as a clerk, not an era
        "서기 한 명이 회의록을 썼다",
        # a said dot between two words is no handle without a messenger's name
        "그 점 하나 언더바 밑에 있어요",
        # 골뱅이 the dish
        "어제 골뱅이 무침을 먹었어요",
        # 요 after an everyday word in a place's sentence
        "서울 가는 길이요",
        # a class at school without any address
        "우리 아들은 2학년 3반이에요",
        # a word of numeral syllables on the line after a place is no spoken house number
        "고향은 부산\n이사 온 지 오래다",
    ],
)
def test_look_alikes_stay_clean(text: str) -> None:
    assert not [f for f in detect(text) if f.kind in (Kind.DATE, Kind.ADDRESS, Kind.MESSENGER, Kind.UNIT)]
