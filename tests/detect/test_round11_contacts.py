"""Numbers and contacts as the round-11 outside writers put them: e-mail addresses read aloud in any words
(romanised names, hosts of several words, a country's domain said as two letter names), foreign phone
numbers whose +1 OCR read as +l or whose digits a transcript read after OCR had misread them, identifiers
printed in short groups read out with 다시, lettered codes and passports with OCR's O and l, letters after
a card's digits, a series word before 제 … 호, and messenger handles read aloud (letter names after a said
dot, a digit name starting a split word, digits glued to a word, a name and digit names searched, a handle
said again after a filler), and a year OCR misread and then read out."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered_as, spans

# (kinds that may cover it, sentence, detail)
FOUND = [
    # E-mail addresses read aloud: names in words, a host of words, a country's two letters said.
    (("email",), "내 메일은 티 점 하르트만 골뱅이 웹 점 디 이 이에요", "티 점 하르트만 골뱅이 웹 점 디 이"),
    (("email",), "이메일 올리버 킴 칠칠 골뱅이 비티 인터넷 점 컴", "올리버 킴 칠칠 골뱅이 비티 인터넷 점 컴"),
    (("email",), "메일은 소피 점 뮐러 골뱅이 지 엠 엑스 점 디 이", "소피 점 뮐러 골뱅이 지 엠 엑스 점 디 이"),
    (
        ("email",),
        "메일 주소 레이 점 웡 골뱅이 아이 클라우드 닷 컴 입니다",
        "레이 점 웡 골뱅이 아이 클라우드 닷 컴",
    ),
    (("email",), "메일은 하나 골뱅이 빅 폰드 닷 컴 닷 에이 유", "하나 골뱅이 빅 폰드 닷 컴 닷 에이 유"),
    (("email",), "이메일 켄지 사토 골뱅이 니프티 점 엔 이", "켄지 사토 골뱅이 니프티 점 엔 이"),
    # (OCR: spaces inside the host, a line break before the domain, a dot glued to its letter)
    (("email",), "메일은 소피 점 뮐러 골뱅이 지\n엠 엑스 점디 이", "소피 점 뮐러 골뱅이 지\n엠 엑스 점디 이"),
    # A year OCR misread, then read out in a transcript: the digits read out are its last ones.
    (("date",), "나는 2O구년 3월에 왔소", "2O구년 3월"),
    (("date",), "19팔칠년에 떠났다", "19팔칠년"),
    # Foreign phone numbers: +1 read by OCR as +l, a transcript of a page OCR had read.
    (("phone",), "그 분 연락처는 +l 604 555 0188 입니다", "+l 604 555 0188"),
    (("phone",), "전화 +l 2l2 555 O1 93 로 해", "+l 2l2 555 O1 93"),
    (("phone",), "형 번호 +44 l삼구 사삼삼팔 이l07 이야", "+44 l삼구 사삼삼팔 이l07"),
    # Identifiers printed in short groups, read out with 다시 between them (3-2-4, 3-2-5).
    (
        ("id_number", "phone"),
        "사회보장번호는 삼이일 다시 사오 다시 육칠팔구 였다",
        "삼이일 다시 사오 다시 육칠팔구",
    ),
    (
        ("id_number", "phone"),
        "그 서류에 오일이 다시 삼삼 다시 칠칠팔팔 이라고 적었어",
        "오일이 다시 삼삼 다시 칠칠팔팔",
    ),
    # Lettered codes and passports with OCR's O and l among the digits.
    (("id_number",), "포로 번호 ICRC-UA-OlO7 를 받았다", "ICRC-UA-OlO7"),
    (("id_number",), "등록은 KP-POW-OOl8 로 되어 있다", "KP-POW-OOl8"),
    (("id_number",), "특별영주자증명서는 SEO4736618 이다", "SEO4736618"),
    (("id_number",), "여권 번호 MO4417203 로 신청했다", "MO4417203"),
    # Letters after the digits of a foreign card, and a series word before 제 … 호.
    (("id_number",), "재류카드 번호 AB12345678CD 입니다", "AB12345678CD"),
    (("id_number",), "체류카드 번호는 AB사오육칠팔구공일CD예요", "AB사오육칠팔구공일CD"),
    (("id_number",), "제 군관증 번호는 군관 제1182734호였소", "군관 제1182734호"),
    (("id_number",), "당원증 번호 평양 제사칠칠이일오호 였다", "평양 제사칠칠이일오호"),
    # Messenger handles read aloud.
    (("messenger",), "인스타는 민지 언더바 평양 점 에이치 케이 엘", "민지 언더바 평양 점 에이치 케이 엘"),
    (("messenger",), "인스타는 민지 언더바 평양점 에이치 케이 엘", "민지 언더바 평양점 에이치 케이 엘"),
    (("messenger",), "라인은 엠 에이 제이 오 타루 칠 칠", "엠 에이 제이 오 타루 칠 칠"),
    (("messenger",), "라인은 티 씨 제이 오 사카 구 일", "티 씨 제이 오 사카 구 일"),
    (("messenger",), "틱톡은 제이 디 호랑이공칠", "제이 디 호랑이공칠"),
    (("messenger",), "카톡에서 하 순 옥 팔 이 치면 나와요", "하 순 옥 팔 이"),
    (
        ("messenger",),
        "카톡은 에이치 와이 에스 엔 음 에이치와이에스엔평양",
        "에이치 와이 에스 엔 음 에이치와이에스엔평양",
    ),
]

# Look-alikes that must stay unflagged (as any of these kinds).
NOT_FOUND = [
    "골뱅이 무침 먹으러 점심에 갔다",
    "골뱅이 소면 점 하나 더 주세요",
    "우리는 이사 다시 이사 했어요",
    "오늘 다시 오일 넣었다",
    "카톡에서 옛날 친구 이름 몇 개 찾아봤다",
    "카톡은 나중에 알려줄게 음 알았지",
    "인스타는 나중에 알려줄게 음 에이 플러스",
    "케이티 점 에스케이 점 다 비슷해",
    "여권 사진 새로 찍었어요",
    "번호는 나중에 제 이름으로 드릴게요",
    "이 점 다시 생각해 보세요",
]

_KINDS = ("url", "email", "messenger", "phone", "date", "id_number")


@pytest.mark.parametrize(("kinds", "text", "detail"), FOUND)
def test_found(kinds: tuple[str, ...], text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, *kinds), spans(text, rules)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] in _KINDS], spans(text, rules)


def test_dash_after_a_whole_phone_number_stays_again(rules: Rules) -> None:
    """다시 after a whole phone number is "again": the number is found, and the words after it are not
    taken into it."""
    text = "번호는 공일공 일이삼사 오륙칠팔 다시 이사 가면 바꿀게"
    assert covered_as(text, "공일공 일이삼사 오륙칠팔", rules, "phone")
    assert not [s for s in spans(text, rules) if s[0] in _KINDS and "이사" in s[1]], spans(text, rules)
