"""Dates, numbers, contacts, units and addresses: the classes of expression the outside14-16 tables
showed the number rules missing, in sentences written for these tests, and look-alikes that must stay
unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind

from .conftest import covered, found, spans


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # Dates in Chinese characters without the day or the year.
        ("언니는 2019年11月에 연길로 떠났다.", "2019年11月", "date"),
        ("증명서에는 8月 15日로 적혀 있었다.", "8月 15日", "date"),
        # Dates in English.
        ("We left on March 12th, 2016 from 혜산.", "March 12th, 2016", "date"),
        ("딸은 Sept. 9에 입학했어요.", "Sept. 9", "date"),
        ("I was born 21 October 1979 in 청진.", "21 October 1979", "date"),
        ("7/21가 우리 family 큰 기념일이다.", "7/21", "date"),
        # A year narrowed to a farming season or a holiday compound.
        ("2011년 모내기철에 국경을 넘었다.", "2011년 모내기철", "date"),
        ("1999년 가을걷이 때 아버지가 잡혀갔다.", "1999년 가을걷이", "date"),
        # A lunar date with its year in the sixty-year cycle.
        ("어머니 생신은 무술년 동짓달 초아흐레다.", "무술년 동짓달 초아흐레", "date"),
        # A range of years.
        ("저는 2012년부터 2016년까지 요덕에 있었습니다.", "2012년부터 2016년까지", "date"),
        ("1996~2001년 그 탄광에서 일했다.", "1996~2001년", "date"),
        # A spoken date whose day takes the noun ending 임.
        ("입소일 이천십칠년 삼월 이십일임", "이천십칠년 삼월 이십일", "date"),
        # Spoken numbers split by a space before their unit.
        ("제이십 일사단에서 복무했다", "제이십 일사단", "unit"),
        ("그 사람은 천구백 칠십삼 년 음력 오월 보름에 났다", "천구백 칠십삼 년 음력 오월 보름", "date"),
        ("이 천오 년 설날 아침에 떠났다", "이 천오 년 설날", "date"),
    ],
)
def test_new_date_and_unit_classes(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # A phone number with underscores between its groups.
        ("연락은 010_5521_3087로 주세요.", "010_5521_3087", "phone"),
        # A country code read with place values after the spoken plus.
        ("번호는 플러스 팔십이 일공 칠칠삼일 오오이팔이야", "플러스 팔십이 일공 칠칠삼일 오오이팔", "phone"),
        # An e-mail address whose name part is written in Hangul.
        ("메일은 김순애 골뱅이 다음 닷컴으로 보내라", "김순애 골뱅이 다음 닷컴", "email"),
        # An account name spelled in letter names after its cue.
        ("위챗 아이디는 제이케이엠에스오 팔팔이야", "제이케이엠에스오 팔팔", "messenger"),
        # Codes with a Cyrillic or a jamo series, and a word or two between the cue and the number.
        ("수용소 번호 КЛ-4471 이라고 적혀 있었다.", "КЛ-4471", "id_number"),
        ("당원증 번호는 ㄴ338-120 7이다.", "ㄴ338-120 7", "id_number"),
        ("군번은 똑똑히 기억한다 가-551208.", "가-551208", "id_number"),
        # A Chinese number plate.
        ("그 집 차는 辽A·5K291이었다.", "辽A·5K291", "id_number"),
        # A student number with its university's short name.
        ("내 학번은 평대 07-4412였지.", "평대 07-4412", "id_number"),
        # A roll number: a class or team and a number after the cue.
        ("감방에서 내 번호는 3조 45번이었다.", "3조 45번", "id_number"),
    ],
)
def test_new_contact_and_id_classes(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # Parts of a numbered unit after it.
        ("형은 제9군단 정치부 선전대에 있었다.", "제9군단 정치부 선전대", "unit"),
        ("삼촌은 27사단 직속 수색대에서 근무했다.", "27사단 직속 수색대", "unit"),
        # A boat by its name and number after 배 or the fishing works.
        ("아버지는 배 금성 12호를 몰았다.", "금성 12호", "unit"),
        ("홍원수산사업소 청년5호에서 그물을 당겼다.", "청년5호", "unit"),
        # Street addresses as written abroad.
        ("삼촌 주소는 881 Dundas St E, Suite 210이다.", "881 Dundas St E, Suite 210", "address"),
        ("편지는 Flat 2C, 14 Mill Lane, SW9 7AB로 보내.", "Flat 2C, 14 Mill Lane, SW9 7AB", "address"),
        # The estate or hall before a numbered building or room, and the 동 before it.
        ("이모는 상계동 주공 칠 단지 705동 1201호에 산다.", "상계동 주공 칠 단지 705동 1201호", "address"),
        ("나는 제3생활관 A동 208호에 있어.", "제3생활관 A동 208호", "address"),
        ("우리 방은 신림동 햇살원룸 201호야.", "신림동 햇살원룸 201호", "address"),
        # A 동 an address finding began inside of.
        ("고향 집은 성남동 12반 7호였다.", "성남동 12반 7호", "address"),
    ],
)
def test_new_unit_and_address_classes(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        "피자가 1/4가 남았다고 동생이 웃었다.",
        "I will march 3 times around the yard. 행진을 세 번 했다.",
        "우리 May 에 만나자.",
        "I think 5 may be enough. 그래.",
        "가을걷이 끝나면 한번 놀러 와라.",
        "김장철이라 요즘 바쁘다.",
        "아이디는 잊어버렸어.",
        "내 아이디는 비밀이야.",
        "우리 동네 골뱅이 집이 네이버에 나왔어.",
        "2 best road trips in Korea, 우리도 가 보자.",
        "There are 3 big streets here. 거리가 넓어.",
        "번호는 3번이었다. 줄을 서 있었는데.",
        "번호는 모르겠고 7반 112명이 있었다.",
        "배 아파서 3호선 타고 왔어.",
        "그 배 이름은 몰라 두 척이 있었어.",
        "이십 삼 명이 왔다.",
        "오십 일 동안 기다렸다.",
        "이 십년 동안 소식이 없었다.",
        "사령부 군악대 공연을 봤다.",
        "플러스 사십사 점 받았어.",
        "현대 2차 아파트는 비싸다.",
        "우리 집은 신축 원룸이야.",
        "갑신정변 때 일이다.",
        "학번은 대충 05학번쯤 될 거야.",
    ],
)
def test_look_alikes_stay_unflagged(rules: Rules, text: str) -> None:
    assert spans(text, rules) == []


def test_account_digits_are_no_phone() -> None:
    # An underscore after letters joins an account name's digits or a file's name, not a phone
    # number's groups.
    assert found("디코 starfox_0412 친추해", Kind.PHONE) == []
    assert found("report_2023_0415_final 파일을 보냈다.", Kind.PHONE) == []


def test_split_number_keeps_words() -> None:
    # 십 alone after a digit is no place to join: "이 십년" stays "these ten years".
    assert found("이 십년 동안 고향에 못 갔다", Kind.DATE) == []
