"""Numbers, dates, units and addresses in the shapes the outside11 and outside12 writers showed missing,
each with examples of its own (not those tables' sentences) and the everyday look-alikes that must stay
unflagged.

* a code after any number's cue (복무 번호, 확인번호, 접수번호, 군번, 수감번호): Hangul, Latin and digit
  groups joined by hyphens, 제 … 호, read aloud with a pause for a hyphen;
* number plates with their region ("서울32바4417", "경기부천 차 4417"), a rider's lettered ID, a
  permit's number with the numero sign and a slash, the bus route a driver drives, a shirt number;
* a year's holiday, its last night, 음력 before a month, this year's holiday, 무렵 after a season, a
  month read aloud glued to its lunar day, a whole date read out with its spaces lost;
* a warship by name and hull number, a named youth shock brigade and its numbered brigade;
* a Chinese address (大街, 号, 单元; 镇, 村, 组), a dormitory's block and room, a road name OCR split
  across a line, a part with the verb glued on;
* and the look-alikes: counts, prices, ages, floors, Bible verses, a bus taken, a rocket's name, this
  season's weather, ten days in March.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind, Severity

from .conftest import covered, found, spans

CUED_CODES = [
    ("동생은 구청에서 복무하는데 복무 번호가 24-안양-11820이래.", "24-안양-11820"),
    ("보훈처 확인번호는 보훈-2011-0093입니다.", "보훈-2011-0093"),
    ("형 군번 륙-3318-0452는 아직도 기억난다.", "륙-3318-0452"),
    ("병사 번호는 가-1234였다.", "가-1234"),
    ("확인 번호는 해04172231이다.", "해04172231"),
    ("재판 접수번호는 2019-남-40218이었다.", "2019-남-40218"),
    ("함흥교화소 수감번호 제10233호로 불렸다.", "제10233호"),
    ("수감번호 제10233효였다.", "제10233효"),
    ("관리 번호는아마 KR-2207-118일 거야.", "KR-2207-118"),
    # read aloud: the pause stands for the hyphen
    ("보훈처 확인번호는 보훈-이공일일 공공구삼이요", "보훈-이공일일 공공구삼"),
    # OCR reads 1 as l
    ("복무 번호가 24-안양-l1820이래.", "24-안양-l1820"),
]


@pytest.mark.parametrize(("text", "code"), CUED_CODES)
def test_cued_codes_are_ids(rules: Rules, text: str, code: str) -> None:
    assert covered(text, code, rules, "id_number"), text


PLATES_AND_IDS = [
    ("아빠 택시 번호판이 인천31자5502야.", "인천31자5502"),
    ("배달 오토바이 번호판은 서울강서 바 1182이다.", "서울강서 바 1182"),
    ("번호판경기수원 차 7731 달고 다녀.", "경기수원 차 7731"),
    ("쿠팡 라이더 아이디는 KD-55013이고", "KD-55013"),
    ("체류증 № 22/7-1045 를 받았다.", "№ 22/7-1045"),
    ("요즘은 은평공영 차고지에서 702번 버스를 운전한다.", "702번"),
    ("삼촌은 마을버스 12번 몰고 다닌다.", "12번"),
    ("요즘 153번 버스 기사로 일한다.", "153번"),
]


@pytest.mark.parametrize(("text", "number"), PLATES_AND_IDS)
def test_plates_and_codes_are_ids(rules: Rules, text: str, number: str) -> None:
    assert covered(text, number, rules, "id_number"), text


def test_shirt_number_is_reviewed() -> None:
    text = "너 청년팀에서 등번호 9번 달고 뛰었다며."
    assert found(text, Kind.ID_NUMBER, Severity.REVIEW) == ["9번"]


DATES = [
    ("2019년 성탄졀에 세례를 받았다.", "2019년 성탄졀"),
    ("작년 추셕에 다녀갔다.", "작년 추셕"),
    ("03년 동짓달에 떠났다.", "03년 동짓달"),
    ("지난 3월 말에 편지를 부쳤다.", "지난 3월 말"),
    ("2017년 추석 전날 보위부에 잡혔다.", "2017년 추석 전날"),
    ("2014년 한가위에 떠났다.", "2014년 한가위"),
    ("2019년 성탄절에 교회에서 세례를 받았다.", "2019년 성탄절"),
    ("2012년 태양절 무렵에 보위부에 잡혀갔다.", "2012년 태양절 무렵"),
    ("2016년 섣달그믐에 강을 건넜다.", "2016년 섣달그믐"),
    ("2016년섣 달그 믐에 강을 건넜다.", "2016년섣 달그 믐"),
    ("2018년 음력 동짓달에 떠났다.", "2018년 음력 동짓달"),
    ("2010년 음력 3월에 태어났다.", "2010년 음력 3월"),
    ("2010년 음력 삼 월에 태어났다.", "2010년 음력 삼 월"),
    ("올해 설에는 만두를 빚어 놓겠다.", "올해 설"),
    ("재작년 한식 무렵에 산소에 다녀왔다.", "재작년 한식 무렵"),
    ("마지막으로 본 게 지난 추석이다.", "지난 추석"),
    ("너는 시월초사흘날 태어났지.", "시월초사흘날"),
    ("엄마생일이칠월열흘날이다", "칠월열흘날"),
    ("걔는이천십구년삼월이일생이야", "이천십구년삼월이일"),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_dates_are_found(rules: Rules, text: str, date: str) -> None:
    assert covered(text, date, rules, "date"), text


UNITS = [
    ("제2사단 경보 병대대에서 복무했다.", "경보 병대대"),
    ("나는 동해함대 경비정 금강-13호에서 복무했다.", "금강-13호"),
    ("삼촌은 어뢰정 212호 정장이었다.", "212호"),
    ("그는 서해 갈매기-8호 경비정에서 근무했다.", "갈매기-8호"),
    ("나는 평양시청년돌격대 2여단에 있었다.", "평양시청년돌격대"),
    ("나는 백두산영웅청년돌격대 5려단에서 일했다.", "백두산영웅청년돌격대 5려단"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_vessels_and_brigades_are_units(rules: Rules, text: str, unit: str) -> None:
    assert covered(text, unit, rules, "unit"), text


ADDRESSES = [
    ("우리 집은 연길시 건공가두 인민로 33호 2단원 401호예요.", "연길시 건공가두 인민로 33호 2단원 401호"),
    ("저는 심양시 화평구 태원대가 8호 1단원602호에 살아요.", "심양시 화평구 태원대가 8호 1단원602호"),
    ("학교 기숙사 3호동 207호실에서 지냈지.", "3호동 207호실"),
    ("지금은 파주시 문산읍 당동 로 12 305동에 산다.", "파주시 문산읍 당동 로 12 305동"),
    ("단둥시 진안구 압강대 가 21호 1단원 303호에 살아요.", "단둥시 진안구 압강대 가 21호 1단원 303호"),
    ("우리는 훈춘시 경신진 회룡봉촌 5조에 살았어요.", "훈춘시 경신진 회룡봉촌 5조"),
    ("심양시 화평구 북삼경가 12호 4단원 501실이 우리 집이다.", "심양시 화평구 북삼경가 12호 4단원 501실"),
    ("지금은 파주시 문산읍\n당 동로 12 305동 1102호에 산다.", "당 동로 12 305동 1102호"),
    ("사무실은 부산 중구 중앙대로 88, 5층에있어요.", "부산 중구 중앙대로 88, 5층"),
]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_addresses_are_found(rules: Rules, text: str, address: str) -> None:
    assert covered(text, address, rules, "address"), text


LOOKALIKES = [
    "시편 23편을 매일 읽고 있어요.",
    "사과 3000원어치 샀다.",
    "나는 올해 일흔둘이오.",
    "우리 집은 3층이라 볕이 잘 든다.",
    "7211번 버스 타고 오면 된다.",
    "702번 버스 기사님이 친절했다.",
    "광명성-3호를 쏘았다는 뉴스를 봤다.",
    "경비정 3척이 바다에 나와 있었다.",
    "올해 겨울은 유난히 따뜻하다.",
    "이번 성탄절에는 가족과 함께 예배를 드렸습니다.",
    "3월 열흘 동안 비가 왔다.",
    "팔월 보름에 송편 빚어 먹자.",
    "작년 주석궁 참관은 취소됐다.",
    "돌격대 생활은 군대보다 더 배고팠다.",
    "번호표 12번을 뽑고 기다렸다.",
    "번호는 아마 바뀌었을 거야.",
    "축구 경기에서 7번 선수가 골을 넣었다.",
    "2023-2024 시즌에 우승했다.",
    "서울 사람 1234명이 모였다.",
    "서울에서 부산 로 3시간 걸렸다.",
]


def test_the_part_of_a_month_is_a_word_of_its_own() -> None:
    assert found("지난 3월 말씀하신 대로 했어요.", Kind.DATE) == ["지난 3월"]


def test_a_word_ending_in_ga_is_no_street_without_its_house_number() -> None:
    text = "심양시 화평구 친구가 12명 모였다."
    assert not any("친구가" in span for span in found(text, Kind.ADDRESS))


NUMBER_KINDS = ("date", "id_number", "unit", "address", "phone")


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalikes_are_not_flagged(rules: Rules, text: str) -> None:
    assert [s for s in spans(text, rules) if s[0] in NUMBER_KINDS] == [], text
