"""Phones, dates, ID numbers, e-mail, URLs, messenger IDs and addresses, typed, OCR-damaged and spoken."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

FOUND = [
    ("phone", "전화번호는 010-2345-6789입니다.", "010-2345-6789"),
    ("phone", "010 9876 5432로 연락 주세요.", "010 9876 5432"),
    ("phone", "엄마 번호는 01056781234이다.", "01056781234"),
    ("phone", "O1O-l234-5678로 연락해.", "O1O-l234-5678"),  # OCR look-alikes
    ("phone", "공일공 일이삼사 오륙칠팔로 전화해", "공일공 일이삼사 오륙칠팔"),  # spoken
    ("phone", "영일영 구팔칠육 오사삼이", "영일영 구팔칠육 오사삼이"),
    ("phone", "사무실 전화는 02-725-4431이다.", "02-725-4431"),
    ("phone", "+82 10 4455 6677로 걸면 된다.", "+82 10 4455 6677"),
    ("phone", "북한 번호는 +850 2 381 4410이었다.", "+850 2 381 4410"),
    ("phone", "0191-234-5678은 아버지 손전화였다.", "0191-234-5678"),
    ("phone", "중국 번호 +86 139 1234 5678로 전화해라.", "+86 139 1234 5678"),
    ("phone", "중국 번호 13912345678", "13912345678"),
    ("date", "나는 1998년 3월 5일에 태어났다.", "1998년 3월 5일"),
    ("date", "98.3.5생이다.", "98.3.5"),
    ("date", "1995-11-02에 태어났다.", "1995-11-02"),
    ("date", "3월 5일생이다.", "3월 5일"),
    ("date", "주체87년 4월 15일생이다.", "주체87년 4월 15일"),
    ("date", "음력 8월 15일이 네 생일이다.", "음력 8월 15일"),
    ("date", "천구백구십팔년 삼월 오일에 태어났다", "천구백구십팔년 삼월 오일"),  # spoken
    ("date", "생일은 3월 15일이지.", "3월 15일"),
    ("date", "너는 1997년생이다.", "1997년생"),
    ("date", "1999년 12월 l일", "1999년 12월 l일"),  # OCR look-alike
    ("id_number", "주민등록번호는 980305-1234567이다.", "980305-1234567"),
    ("id_number", "주민번호 980305 1234567", "980305 1234567"),
    ("id_number", "군번은 12-345678이었다.", "12-345678"),
    ("id_number", "여권번호 M12345678", "M12345678"),
    ("id_number", "계좌번호는 110-234-567890이다.", "110-234-567890"),
    ("id_number", "수인번호 4521번으로 불렸다.", "4521"),
    ("id_number", "수인번호 사천오백이십일번으로 불렸다", "사천오백이십일"),
    ("email", "메일 주소는 kimsh1990@naver.com입니다.", "kimsh1990@naver.com"),
    ("email", "sunhee77 골뱅이 naver 점 com으로 보내라.", "sunhee77 골뱅이 naver 점 com"),
    ("url", "홈페이지는 www.freenk-letters.org이다.", "www.freenk-letters.org"),
    ("url", "https://example.kr/letters/123에 올렸다.", "https://example.kr/letters/123"),
    ("messenger", "카톡 아이디는 sunhee_88이야.", "sunhee_88"),
    ("messenger", "텔레그램 @hope_nk로 메시지 보내.", "@hope_nk"),
    ("address", "주소는 서울시 양천구 목동로 12길 34이다.", "목동로 12길 34"),
    ("address", "101동 1203호로 편지를 보내라.", "101동 1203호"),
    ("address", "우리 집은 신정동 123-45번지였다.", "신정동 123-45번지"),
    ("address", "제3인민반에 살았다.", "제3인민반"),
    ("address", "우편번호 03154로 보내면 된다.", "우편번호 03154"),
]

NOT_FOUND = [
    "전화가 오면 바로 받을 수 있게 기다린다.",
    "생일 축하한다는 말을 꼭 하고 싶었다.",
    "아침 일곱 시에 일어난다.",
    "두 시간 동안 기다렸다.",
    "스물다섯 살이 되었구나.",
    "이사를 해서 집이 좀 넓어졌다.",
    "오늘 오후에 비가 온단다.",
    "일주일에 한 번 운동을 한다.",
    "버스를 타고 한 시간을 갔다.",
    "Hello, I love you.",
    "일이 삼사 년 걸렸다.",
]


@pytest.mark.parametrize(("kind", "text", "detail"), FOUND)
def test_numbers_are_found(rules: Rules, kind: str, text: str, detail: str) -> None:
    assert covered(text, detail, rules, kind)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_everyday_numbers_are_not_details(rules: Rules, text: str) -> None:
    assert spans(text, rules) == []


def test_bare_year_is_review_only(rules: Rules) -> None:
    assert spans("2019년에 한국에 왔다.", rules, "date") == [("date", "review", "2019년")]


def test_an_unknown_long_number_is_flagged_for_review(rules: Rules) -> None:
    # Fail closed: a long number no rule knows may still be an identifier.
    assert spans("그때 98765432 라고 적어 두었다", rules, "id_number") == [
        ("id_number", "review", "98765432")
    ]


def test_invalid_dates_are_not_redacted_as_dates(rules: Rules) -> None:
    found = spans("1998년 13월 45일", rules, "date")
    assert found and all(severity == "review" for _, severity, _ in found)
