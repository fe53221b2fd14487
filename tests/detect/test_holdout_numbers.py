"""Numbers as letters really write them: phone groups apart with spaced separators or digit by digit,
phone numbers read out with 에 between groups or glued to their cue, lunar and traditional dates,
short spoken birth years, passport numbers with their letter."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

FOUND = [
    # Separators with spaces around them, and digits written one by one.
    ("phone", "손전화 011 - 2864 - 5093 으로 해라.", "011 - 2864 - 5093"),
    ("phone", "연락처: 010 . 7731 . 2045", "010 . 7731 . 2045"),
    ("phone", "집 전화 031 -\n552 - 8140 이다.", "031 -\n552 - 8140"),
    ("phone", "0 1 0 - 5 5 2 7 - 1 3 9 6으로 걸어 줘.", "0 1 0 - 5 5 2 7 - 1 3 9 6"),
    ("phone", "0 l 0 - 5 5 2 7 - l 3 9 6으로 걸어 줘.", "0 l 0 - 5 5 2 7 - l 3 9 6"),
    ("phone", "2 7 3 - 6 1 4 - 8 0 5 2번이 옛날 우리 집이었다.", "2 7 3 - 6 1 4 - 8 0 5 2"),
    ("phone", "예전 번호 382-115-9076은 이제 안 된다.", "382-115-9076"),
    # Spoken: glued to the cue, with hyphens, and with 에 between the groups.
    ("phone", "연락처는공일공-칠칠사일-이공구삼이다", "공일공-칠칠사일-이공구삼"),
    ("phone", "핸드폰번호공일공팔팔육이사구오칠로", "공일공팔팔육이사구오칠"),
    ("phone", "공일공 오이칠칠에 삼구팔사로 전화해", "공일공 오이칠칠에 삼구팔사"),
    ("phone", "영일영 사사구이에 육공일팔이야", "영일영 사사구이에 육공일팔"),
    # Lunar and traditional dates, the whole phrase.
    ("date", "어머니 생신은 음력 동짓달 열나흘이다.", "음력 동짓달 열나흘"),
    ("date", "할머니는 음력 섣달 그믐날 돌아가셨다.", "음력 섣달 그믐날"),
    ("date", "음력 7월 초여드레가 제사다.", "음력 7월 초여드레"),
    ("date", "음력 칠월 초여드레가 제사다", "음력 칠월 초여드레"),
    ("date", "음력 11월 초 이레에 태어났다.", "음력 11월 초 이레"),
    ("date", "1983년 음력 4월 스무날 생이다.", "1983년 음력 4월 스무날"),
    ("date", "천구백팔십삼년 음력 사월 스무날 생이다", "천구백팔십삼년 음력 사월 스무날"),
    ("date", "1983년 음력사월 보름 생이다.", "1983년 음력사월 보름"),
    ("date", "음력 초아흐레가 형 생일이었지.", "음력 초아흐레"),
    ("date", "시월 열엿새에 집을 떠났다.", "시월 열엿새"),
    # Short birth years read out.
    ("date", "걔는 칠년생이라 아직 어리다", "칠년생"),
    ("date", "걔는 공칠년생이라 아직 어리다", "공칠년생"),
    ("date", "사년 구월 십이일생이라고 했다", "사년 구월 십이일"),
    # Passport numbers with their letter prefix.
    ("id_number", "S 7720 1934가 내 여권번호다.", "S 7720 1934"),
    ("id_number", "여권은 R55102937이다.", "R55102937"),
    ("id_number", "S 772O l934가 내 여권번호다.", "S 772O l934"),
    ("id_number", "S 칠칠이공 일구삼사가 내 여권번호다", "S 칠칠이공 일구삼사"),
    ("id_number", "여권번호 M123A4567로 신청했다.", "M123A4567"),
]

NOT_FOUND = [
    "버스 요금은 천오백 원 정도다.",
    "한 반에 3 - 4명씩 앉았다.",
    "2 - 3일 뒤에 다시 올게.",
    "아침 7 - 8시 사이에 일어난다.",
    "시험은 100 - 200점 사이로 나온다.",
    "사과 2 - 3개 사 와라.",
    "정월 대보름에는 오곡밥을 먹는다.",
    "보름 동안 아무 소식이 없었다.",
    "열흘 넘게 비가 왔다.",
    "하루 이틀 사흘 기다렸다.",
    "이 나무는 3년생이다.",
    "삼년 동안 일했다.",
    "그 일은 삼사 년 전 일이다.",
    "이삼일에 한 번씩 전화한다.",
    "일이 년 지나면 괜찮아진다.",
]


@pytest.mark.parametrize(("kind", "text", "detail"), FOUND)
def test_found(kind: str, text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] in ("phone", "date", "id_number")], spans(text, rules)


def test_passport_letter_with_digits(rules: Rules) -> None:
    """The letter is part of the number: one finding from the letter to the last digit."""
    text = "내 여권은 S 7720 1934이다."
    assert ("id_number", "redact", "S 7720 1934") in spans(text, rules, "id_number")


def test_lunar_date_is_one_finding(rules: Rules) -> None:
    text = "1983년 음력 4월 스무날 생이다."
    assert ("date", "redact", "1983년 음력 4월 스무날") in spans(text, rules, "date")


MORE_FOUND = [
    ("phone", "제 번호는 010ㅡ6612ㅡ0384예요.", "010ㅡ6612ㅡ0384"),
    ("phone", "010–6612–0384로 문자 줘.", "010–6612–0384"),
    ("phone", "공일공 육육일이의 공삼팔사로 해", "공일공 육육일이의 공삼팔사"),
    ("date", "음력으로 섣달 스무날이 아버지 생신이다.", "음력으로 섣달 스무날"),
    ("date", "음력 초사흗날에 떠났다.", "음력 초사흗날"),
    ("date", "1991년 음력 정월 초하루에 태어났다.", "1991년 음력 정월 초하루"),
    ("id_number", "여권은 K-84012375로 바뀌었다.", "K-84012375"),
    ("id_number", "새 여권 T 5521-0937이 나왔다.", "T 5521-0937"),
    ("phone", "010\u20106612\u20100384로 문자 줘.", "010\u20106612\u20100384"),
    ("date", "1969년도 음력 동짓달 초이튿날 생이다.", "1969년도 음력 동짓달 초이튿날"),
]

MORE_NOT_FOUND = [
    "정월 초하루에는 떡국을 먹는다.",
    "팔월 보름에 송편을 빚었다.",
    "3월 초 이틀 동안 비가 왔다.",
    "방값은 1500 - 2000원 차이다.",
    "3000-4000명이 모였다.",
    "섣달 그믐날 밤에 만두를 빚었다.",
]


@pytest.mark.parametrize(("kind", "text", "detail"), MORE_FOUND)
def test_more_found(kind: str, text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize("text", MORE_NOT_FOUND)
def test_more_not_found(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] in ("phone", "date", "id_number")], spans(text, rules)
