"""Numbers, dates, addresses and units in the shapes two more outside sets showed missing, each class with
its own examples (not those sets' sentences) and the everyday look-alikes that must stay unflagged.

* a Korean number plate ("57가 2386", OCR's look-alike digits too), not two numbers with a unit between;
* a post-office box, with or without the place before it, and a building OCR split before its room;
* a resident registration number read out digit by digit with 다시 or 대시 for the dash, OCR's spaces
  anywhere; a phone number read out with commas or 에 between its groups, and a word after it (이거);
* a past season or holiday relative to the letter ("재작년 가을에", "지난 추석 무렵"), a day of every
  month ("매월 20일"), a window before a yearly holiday ("해마다 설 전에"), the lunar month's last day,
  and a day read out with spaces inside it ("칠월 이십 일 일");
* a unit number read out digit by digit with one digit name damaged ("제오공칭팔 군부대"), and "우리
  부대", which is no damaged unit name.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.detect.document import Doc

from .conftest import covered


def _kinds(text: str, rules: Rules, kind: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text, rules) if f.kind.value == kind]


PLATES = [
    ("삼촌 트럭은 57가 2386이라 금방 찾는다.", "57가 2386"),
    ("택배 차 81배 3307 기사님이 오셨어요.", "81배 3307"),
    ("렌트한 차가 104허 9921이었소.", "104허 9921"),
    ("내 차 번호는 26너5518이야.", "26너5518"),
    # OCR reads a digit as a letter
    ("내 차 번호는 26너 55l8이야.", "26너 55l8"),
]


@pytest.mark.parametrize(("text", "plate"), PLATES)
def test_number_plates_are_ids(rules: Rules, text: str, plate: str) -> None:
    assert covered(text, plate, rules, "id_number"), text


PLATE_LOOKALIKES = [
    "오늘 11시 2500원짜리 국수를 먹었다.",
    "우리 2반 2019년 졸업생이에요.",
    "영하 15도 1200미터 고지였다.",
    "올해 예산이 12조 5000억이래.",
    "그 아파트 102동 305호 2층이에요.",
]


@pytest.mark.parametrize("text", PLATE_LOOKALIKES)
def test_numbers_with_a_unit_between_are_no_plates(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.rule == "id.vehicle_plate"], text


PO_BOXES = [
    ("편지는 경기도 연천군 전곡읍 사서함 205-7호로 보내라.", "경기도 연천군 전곡읍 사서함 205-7호"),
    ("주소는 군사우편 사서함 제118호다.", "사서함 제118호"),
    ("사서함 42호로 부쳐 주세요.", "사서함 42호"),
    # OCR split the word
    ("사 서함 3310호로 부쳐 주세요.", "사 서함 3310호"),
]


@pytest.mark.parametrize(("text", "box"), PO_BOXES)
def test_post_office_boxes_are_addresses(rules: Rules, text: str, box: str) -> None:
    assert covered(text, box, rules, "address"), text


def test_a_post_office_box_without_a_number_stays_unflagged(rules: Rules) -> None:
    assert not _kinds("우체국 사서함이 어디 있는지 몰라요.", rules, "address")


def test_a_building_split_by_ocr_runs_on_to_its_room(rules: Rules) -> None:
    text = "부산 남구 대연로 15, 구민회 관 204호로 오세요."
    assert covered(text, "부산 남구 대연로 15, 구민회 관 204호", rules, "address")


def test_a_flat_read_out_with_the_verb_of_living_glued_on_is_in_the_address(rules: Rules) -> None:
    text = "지금은 부평구 청천동 삼오칠 일공이호살아요"
    assert covered(text, "부평구 청천동 삼오칠 일공이호", rules, "address")


SPOKEN_IDS = [
    (
        "동생 주민번호는 팔 일 공 칠 이 삼 다시 일 오 사 칠 칠 영 구 이거 적어 둬",
        "팔 일 공 칠 이 삼 다시 일 오 사 칠 칠 영 구",
    ),
    (
        "주민등록번호 구 공 일 일 이 팔 대시 이 삼 삼 육 오 일 사",
        "구 공 일 일 이 팔 대시 이 삼 삼 육 오 일 사",
    ),
    # OCR's spaces inside the groups and inside 다시
    (
        "주민번호 팔 일공 칠 이 삼 다 시 일 오 사 칠칠 영 구 라고 했다",
        "팔 일공 칠 이 삼 다 시 일 오 사 칠칠 영 구",
    ),
]


def test_a_resident_number_read_out_needs_no_cue_when_whole(rules: Rules) -> None:
    # six digits, 다시, seven: the dash joins the halves, and the birth date in them is checked
    text = "이거 받아 적어 팔 일 공 칠 이 삼 다시 일 오 사 칠 칠 영 구 됐지"
    assert covered(text, "팔 일 공 칠 이 삼 다시 일 오 사 칠 칠 영 구", rules, "id_number")


@pytest.mark.parametrize(("text", "number"), SPOKEN_IDS)
def test_resident_numbers_read_out_are_found_whole(rules: Rules, text: str, number: str) -> None:
    assert covered(text, number, rules, "id_number"), text


SPOKEN_PHONES = [
    ("제 번호는 공일공, 육이팔삼, 구구영사예요.", "공일공, 육이팔삼, 구구영사"),
    ("내 번호 공일공에 오오삼일, 칠팔영이야.", "공일공에 오오삼일, 칠팔영이"),
    ("번호 불러줄게 공일공 사칠칠공 일이삼영 이거 받아 적어", "공일공 사칠칠공 일이삼영"),
    # digit by digit, the pauses as commas or 에, the copula standing apart
    ("내 번호 공 일 공, 삼 팔 팔 이, 영 사 칠 칠 이야", "공 일 공, 삼 팔 팔 이, 영 사 칠 칠"),
    ("번호는 공 일 공 에 삼 팔 팔 이 에 영 사 칠 칠 이에요", "공 일 공 에 삼 팔 팔 이 에 영 사 칠 칠"),
    # OCR split the last group, and the copula is glued to it
    ("엄마 전화번호는 공일공 오삼삼팔에 영 칠일구이다.", "공일공 오삼삼팔에 영 칠일구"),
    # glued to the verb before it by a lost space
    ("전화번호 적어라잉공일공 구구사팔 이칠공삼", "공일공 구구사팔 이칠공삼"),
]


@pytest.mark.parametrize(("text", "number"), SPOKEN_PHONES)
def test_phone_numbers_read_out_with_pauses_are_found(rules: Rules, text: str, number: str) -> None:
    assert covered(text, number, rules, "phone"), text


def test_a_word_after_a_number_read_out_is_not_a_digit(rules: Rules) -> None:
    view = Doc("공일공 사칠칠공 일이삼영 이거 받아", rules).numbers.text
    assert view.startswith("010 4770 1230 이거"), view


def test_a_list_read_out_with_commas_is_no_number(rules: Rules) -> None:
    assert not detect("일, 이, 삼, 사, 오, 육, 칠 하고 세었다.", rules)


@pytest.mark.parametrize(
    ("text", "day"),
    [("칠월 이십 일 일에 떠났다", "7월 21 일"), ("오빠 생일은 삼월 십 구 일이야", "3월 19 일")],
)
def test_a_day_read_out_with_spaces_is_one_number(rules: Rules, text: str, day: str) -> None:
    assert day in Doc(text, rules).numbers.text


DATES = [
    ("재작년 가을에 아버지가 돌아가셨다.", "재작년 가을"),
    ("지난 추석 무렵에 형이 강을 건넜소.", "지난 추석"),
    ("지난해 겨울부터 연락이 끊겼다.", "지난해 겨울"),
    ("작년 설날에 엄마가 잡혀 갔다.", "작년 설날"),
    # OCR split the season word
    ("재작년 가 을에 아버지가 돌아가셨다.", "재작년 가 을"),
    ("누나는 매월 20일 브로커한테 돈을 준다.", "매월 20일"),
    ("누나는 매월 이십일 브로커한테 돈을 준다", "매월 이십일"),
    ("누나는 매 월 20일 브로커한테 돈을 준다.", "매 월 20일"),
    ("해마다 설 전에 큰아버지가 돈을 부친다.", "해마다 설 전"),
    ("우리는 그믐밤에만 전화를 한다.", "그믐밤"),
    ("칠월 이십 일 일에 떠났다", "칠월 이십 일 일"),
    # a month read out with a space before 월, after a year relative to the letter
    ("언니는 재작년 팔 월에 잡혔다", "재작년 팔 월"),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_relative_and_recurring_dates_are_found(rules: Rules, text: str, date: str) -> None:
    assert covered(text, date, rules, "date"), text


DATE_LOOKALIKES = [
    "작년 겨울은 눈이 참 많이 왔다.",
    "올해 여름에는 바다에 가고 싶다.",
    "가을에 감을 땄다.",
    "설에 떡국을 끓여 먹었다.",
    "해마다 추석에 성묘를 간다.",
    "매달 2일씩 쉬는 날이 있다.",
    "섣달 그믐날 밤에는 잠을 자지 않는다.",
    "지난 일은 잊어버려라.",
    "올해 이 월급으로는 못 산다.",
]


@pytest.mark.parametrize("text", DATE_LOOKALIKES)
def test_everyday_seasons_and_holidays_stay_unflagged(rules: Rules, text: str) -> None:
    assert not _kinds(text, rules, "date"), text


def test_a_unit_number_read_out_with_a_damaged_digit_is_found(rules: Rules) -> None:
    text = "형은 제오공칭팔 군부대에 있었다"
    assert covered(text, "제오공칭팔 군부대", rules, "unit")


@pytest.mark.parametrize(
    "text", ["우리 부대 사람들은 다 착했다.", "우리 부대는 산속에 있었다.", "대공사 군부대 옆에서 했다."]
)
def test_our_unit_is_no_damaged_unit_name(rules: Rules, text: str) -> None:
    assert not _kinds(text, rules, "unit"), text
