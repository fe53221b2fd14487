"""Numbers, dates, contacts and units in the shapes four more outside sets (outside33-36) showed missing,
each class with its own examples (not those sets' sentences) and the everyday look-alikes that must stay
unflagged.

* units: the Ukrainian and Russian brigades' types (독립, 공수강습, 해군보병) after the number; a navy's
  flotilla after 제 (제13전대); a military post number (군사우편 제4417호); OCR's look-alike digits with a
  space before the unit word (제 l27 려단, 제 6 l 군 부대); a type word one jamo off (긴계화); a unit word
  split after a type word (기계화련 대); a spoken number OCR split after 제 (제이 사칠 군부대) or before a
  damaged 군부대; a damaged ordinal (저) and a damaged unit after its army's name;
* dates: a numeric date with look-alike digits (2OO4-l2-O9); a month split from 월 between a year and a
  day; a day split after a year and month with a word glued after it; a lunar day split (스 무날); a
  year read out glued to the word before it (생일이천오년);
* ids: a register number of letter codes and digit groups parted by slashes after its cue;
* contacts: an address whose name part is two Hangul words before 골뱅이 and whose host is any word
  before a said domain (메일 점 알유); a channel said as site, 골뱅이 and handle (유튜브 골뱅이 …); a Hangul
  @handle; a name searched for after a messenger with 은/는 (up to three words, 치시면); an account name
  said in parts after 아이디 that begins in Latin letters; a QQ number.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered, covered_as

UNITS = [
    ("아들은 제47독립기계화여단에서 복무한다.", "제47독립기계화여단"),
    ("그이는 제76공수강습사단 소속이었다.", "제76공수강습사단"),
    ("제155해군보병여단 사람들이 왔다.", "제155해군보병여단"),
    ("삼촌은 제22전대에서 수병으로 있었다.", "제22전대"),
    ("편지는 군사우편 제4417호로 보내라.", "군사우편 제4417호"),
    ("군사우편 칠일삼호로 소포가 왔다", "군사우편 칠일삼호"),
    ("형이 제 l27 려단 에 있 다고 했다.", "제 l27 려단"),
    ("동생이 제 6 l 군 부대로 갔다.", "제 6 l 군 부대"),
    ("오빠가 제2O3 긴계화 여단에 있었다.", "제2O3 긴계화 여단"),
    ("칠이삼기계화련 대에 있었다.", "칠이삼기계화련 대"),
    ("그 제이 사칠 군부대로 갔다고 했다", "제이 사칠 군부대"),
    ("그 칠오삼 군부뎨 갔다는 소리 들었어", "칠오삼 군부뎨"),
    ("러시아군제44공숴여단이 왔다.", "러시아군제44공숴여단"),
    ("너 제9군단 저3O사단에 있었지.", "제9군단 저3O사단"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units(rules: Rules, text: str, unit: str) -> None:
    assert covered_as(text, unit, rules, "unit", "org"), text


DATES = [
    ("아이는 2OO4-l2-O9에 태어났다.", "2OO4-l2-O9"),
    ("너 천구백구십팔년 삼 월 칠일생이지", "천구백구십팔년 삼 월 칠일"),
    ("이천칠년 유 월 십사일 새벽에 났다", "이천칠년 유 월 십사일"),
    ("이천이십년 구월 이 십삼일그때 집을 떠났다", "이천이십년 구월 이 십삼일"),
    ("생일은 음력 삼월 스 무날이다.", "음력 삼월 스 무날"),
    ("우리 손자 생일이천오년 섣달 초사흘이다", "이천오년 섣달 초사흘"),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_dates(rules: Rules, text: str, date: str) -> None:
    assert covered(text, date, rules, "date"), text


def test_slashed_register_number(rules: Rules) -> None:
    text = "등록 번호는 UNHCR/KR/24/10928입니다."
    assert covered_as(text, "UNHCR/KR/24/10928", rules, "id_number", "phone")


CONTACTS = [
    ("메일은 음 미나 하이토 골뱅이 메일 점 알유로 보내", "미나 하이토 골뱅이 메일 점 알유"),
    ("주소는 준호 케이엠 골뱅이 네이버 닷컴이야", "준호 케이엠 골뱅이 네이버 닷컴"),
    ("제 채널은 인스타 골뱅이 봄날 하늘이에요", "인스타 골뱅이 봄날 하늘"),
    ("틱톡 닷컴 슬래시 골뱅이 수아 티비로 오세요", "틱톡 닷컴 슬래시 골뱅이 수아 티비"),
    ("텔레그램 채널 @통일길벗모임 으로 오세요", "@통일길벗모임"),
    ("위챗은 두만강나루라고 치면 나와요", "두만강나루"),
    ("카톡 채널은 새봄교회 청년부 치시면 나와요", "새봄교회 청년부"),
    ("카톡 아이디는 jh 일오 평택이야", "jh 일오 평택"),
    ("QQ 번호는 3O58l7246 이다.", "3O58l7246"),
]


@pytest.mark.parametrize(("text", "contact"), CONTACTS)
def test_contacts(rules: Rules, text: str, contact: str) -> None:
    assert covered_as(text, contact, rules, "email", "url", "messenger"), text


NOT_DETAILS = [
    # 골뱅이 the dish after a site's name, and a plain search talk with no name in it.
    "유튜브 골뱅이 무침 영상 보고 따라 했어",
    "카톡은 요즘 아무도 안 찾아",
    "텔레그램은 요새 잘 안 쳐봐",
    # A count of letters sent by military post; a former president; a fraction after 번호.
    "군사우편 12통을 받았다.",
    "제3전대통령 시절 이야기다.",
    # A count of years.
    "이 십년 동안 못 봤다",
]


@pytest.mark.parametrize("text", NOT_DETAILS)
def test_look_alikes_stay_unflagged(rules: Rules, text: str) -> None:
    kinds = {"date", "unit", "email", "url", "messenger", "id_number", "phone"}
    assert not [f for f in detect(text, rules) if f.kind.value in kinds], text


def test_no_month_without_a_day(rules: Rules) -> None:
    # 이 after a year is a month split from 월 only when a day follows: here it is "this" before 월급.
    text = "이천십년 이 월급으로는 못 산다"
    dates = [text[f.start : f.end] for f in detect(text, rules) if f.kind.value == "date"]
    assert all("월" not in d for d in dates), dates
