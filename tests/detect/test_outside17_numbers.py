"""Dates, ids, units, addresses and topics: the classes of expression the outside17 table showed the
number rules missing, in sentences written for these tests, and look-alikes that must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind, Severity

from .conftest import covered, found, spans


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # Days counted from a holiday after the year.
        ("우리는 2011년 추석 지나고 이틀째 되는 날 길을 떠났다.", "2011년 추석 지나고 이틀째", "date"),
        ("1998년 설 쇠고 닷새 만에 아버지가 끌려갔다.", "1998년 설 쇠고 닷새 만에", "date"),
        ("2004년 단오 사흘 전에 동생이 태어났다.", "2004년 단오 사흘 전", "date"),
        ("이천십삼년 음력 설 쇠고 나흘째에 떠났어", "이천십삼년 음력 설 쇠고 나흘째", "date"),
        # A case number whose last group carries a letter before its digits.
        ("Refugee file IOM-KR-A20231187 로 처리됐어요.", "IOM-KR-A20231187", "id_number"),
        ("My reference is UK-B7731045, please keep it.", "UK-B7731045", "id_number"),
        # An issuer's acronym before the number it gave.
        ("제 등록은 UNHCR 552-00917734 입니다.", "UNHCR 552-00917734", "id_number"),
        ("USCIS A213-456-789 받았어.", "USCIS A213-456-789", "id_number"),
        # A cued code with a digit in its letter group or a Chinese character as a group.
        ("접수 번호는 K7-民-20417 이라고 했다.", "K7-民-20417", "id_number"),
        ("사건번호 B2-刑-0093311 로 조회됩니다.", "B2-刑-0093311", "id_number"),
        # A number plate whose region OCR split.
        ("아들 차는 서 울32가4417 이다.", "서 울32가4417", "id_number"),
    ],
)
def test_new_date_and_id_classes(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # A named ship before a post of its crew.
        ("외삼촌은 청천강호 기관사였다.", "청천강호", "unit"),
        ("나는 백두산호의 선장으로 십 년을 보냈다.", "백두산호", "unit"),
        # A numbered guard post or checkpoint.
        ("그때 나는 17초소 경계병이었다.", "17초소", "unit"),
        ("제4검문소에서 붙잡혔다.", "제4검문소", "unit"),
        # A numbered battalion of a bureau that sends men abroad.
        ("해외건설총국 2중대 소속으로 나갔어.", "해외건설총국 2중대", "unit"),
        ("림업사업소 제5작업반에서 일했다.", "림업사업소 제5작업반", "unit"),
        # A damaged type word between 제, the number and the unit word.
        ("형은 제9기게화군단에 있었다.", "제9기게화군단", "unit"),
        # A type word or a bureau before a numbered unit whose unit word OCR damaged.
        ("나는 경보병 제41여댠에 있었다.", "경보병 제41여댠", "unit"),
        ("건설국 제2중때 소속이었다.", "건설국 제2중때", "unit"),
        # A numbered mailbox after the street address, or alone.
        ("편지는 광주 북구 용봉로 77, 우편함 208로 주세요.", "우편함 208", "address"),
        # Street addresses in Cyrillic.
        ("주소는 ул. Ленина, д. 14, кв. 7 이에요.", "ул. Ленина, д. 14, кв. 7", "address"),
        ("просп. Миру 102/3 에 살아요.", "просп. Миру 102/3", "address"),
        # Streets abroad written in Hangul as said there.
        ("방콕 라차다 소이 18 에 있는 교회로 오세요.", "라차다 소이 18", "address"),
        ("토론토 킹 스트리트 350 에서 일해요.", "킹 스트리트 350", "address"),
    ],
)
def test_new_unit_and_address_classes(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # An aircraft turned and gone south, or out of its formation.
        "야간 비행 때 기수를 돌려 휴전선 너머로 넘어왔다.",
        "그는 기수를 남쪽으로 돌렸다.",
        "편대에서 몰래 이탈해 남으로 날았다.",
        # Slipping out of a lodging or a camp by a window or over its wall.
        "합숙소 담을 넘어 도망쳤다.",
        "기숙사 창문으로 몰래 빠져나왔어요.",
    ],
)
def test_new_topic_classes(text: str) -> None:
    assert found(text, Kind.TOPIC, Severity.REVIEW), text


@pytest.mark.parametrize(
    "text",
    [
        # A plane turned back to land, a head turned: no defection.
        "비행기가 기수를 돌려 공항에 다시 내렸다.",
        "아이는 고개를 남쪽으로 돌렸다.",
        # Light and smoke through a window.
        "숙소 창문으로 햇살이 들어왔다.",
        # Counts and seconds near the new unit and address words.
        "10초 소요되는 일이었다.",
        "우편함 두 개를 새로 달았다.",
        "우편함에 편지가 와 있었다.",
        # A holiday and a span of days with no year.
        "설 쇠고 사흘째에 다시 만났다.",
        # A ship's crew with no ship's name, a train's crew.
        "선장이 배를 돌렸다.",
        "무궁화호 승무원이 친절했다.",
        # A Russian word that only looks like a street.
        "Привет, как дела?",
    ],
)
def test_look_alikes_stay_unflagged(rules: Rules, text: str) -> None:
    assert spans(text, rules) == []


def test_look_alikes_of_other_kinds_keep_their_kind() -> None:
    # An issuer's name with a year or a count after it is no number.
    assert found("UNHCR 2023년 보고서를 읽었다.", Kind.ID_NUMBER) == []
    assert found("IOM 30명이 왔다.", Kind.ID_NUMBER) == []
    # A model name is no case number.
    assert found("F-16 전투기를 봤다.", Kind.ID_NUMBER) == []
    # A street that is no address without its number.
    assert found("실크로드 여행기를 읽었다.", Kind.ADDRESS) == []


def test_split_formation_after_its_fleet(rules: Rules) -> None:
    # OCR set the formation word's syllables apart after the fleet that names it.
    text = "나는 서해함대 제12전 대에서 복무했다."
    assert covered(text, "제12전 대", rules, "unit"), spans(text, rules)


@pytest.mark.parametrize(
    ("text", "detail", "kind"),
    [
        # A Japanese address by its district block, in Hangul or in Chinese characters.
        ("외가는 쓰루하시 2초메 11-3 에 있어요.", "쓰루하시 2초메 11-3", "address"),
        ("住所は大阪市生野区桃谷3丁目4-7 です.", "大阪市生野区桃谷3丁目4-7", "address"),
        # A street address in Chinese characters with its house number and flat.
        (
            "그 집은 沈阳市和平区南京街 18号 2单元 301室 이다.",
            "沈阳市和平区南京街 18号 2单元 301室",
            "address",
        ),
        # A Thai soi in Latin letters.
        ("Sukhumvit soi 38 near the station.", "soi 38", "address"),
        # A case number with its year or series first.
        ("Case 2021-UA-88417 is mine.", "2021-UA-88417", "id_number"),
    ],
)
def test_foreign_address_and_code_classes(rules: Rules, text: str, detail: str, kind: str) -> None:
    assert covered(text, detail, rules, kind), spans(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        # Chinese characters without a house number, seconds before a medal, a date with a month's name.
        "我住在北京, 这里人很多.",
        "3초 메달을 땄다.",
        "2023-Jan-05 에 왔다.",
    ],
)
def test_foreign_look_alikes_stay_unflagged(rules: Rules, text: str) -> None:
    assert spans(text, rules) == []
