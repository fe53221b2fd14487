"""Organisations, units and places a second outside set showed missing or over-flagged, by class
(relay.detect.orgs, relay.detect.units, relay.detect.places, relay.detect.damaged, relay.detect.skeleton).

Places: peaks, rivers and markets near home towns; the cities a prisoner exchange passes through
(Ukraine, Poland); a place with a noun glued after it (출신, 거주); a province glued to its county, one
jamo off; a stem of a former name (은덕군 → 은덕); a place before "에서 같이 왔다" or "놈"; a market's
name one jamo off; a town that is also a word (나선) before a village inside it. Distances in li
(이십 리), everyday compounds (누나머리) and derived nouns are no places.

Units: the navy's numbered formations with the service before them; a number read aloud before a
unit type or a named unit; a named unit glued to the unit before it; a battalion read aloud after a
numbered 군부대; a spoken unit number OCR damaged. Organisations: a non-profit's legal form before its
name; an NGO's name after a group word or before "를 통해 전달"; a glued name holding a verb
nominalised by -ㅁ. Ranks and titles are no damaged organisations.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

PLACES = [
    # Peaks, rivers and markets next to a home town (landmarks.tsv).
    ("삼지연 간백산 기슭에서 나물 캤다.", "간백산"),
    ("자성강 가에서 놀았다", "자성강"),
    ("청진 포항시장에서 국수 팔았다.", "포항시장"),
    # The road of an exchange: Ukraine, Poland (foreign_places.tsv).
    ("크라쿠프를 거쳐 왔다", "크라쿠프"),
    ("제슈프 공항에서 내렸다", "제슈프"),
    ("드니프로 병원에 누워 있었다", "드니프로"),
    # A province glued to its city and a noun glued after it; a place glued to 거주.
    ("자강만포출신이다", "자강만포"),
    ("함남단천태생이다", "함남단천"),
    ("지금 양산거주 중", "양산"),
    # A province glued to a county stem one jamo off.
    ("평북삭쥬의 친척", "평북삭쥬"),
    # A stem of a former name (풍천군, now 과일군), and an everyday stem before a cue only a place takes.
    ("풍천에서 같이 왔다", "풍천"),
    ("우리는 운전에서 같이 왔다", "운전"),
    ("우리는운전에서 같이 왔다", "운전"),
    ("그 애 신흥 놈이었지", "신흥"),
    # A market's name one jamo off (신암시장), Kiwi reading it as ordinary words.
    ("청진 신앙시장 알지", "신앙시장"),
    # A town that is also an everyday word, before a village inside it (fillers aside).
    ("그러니까 나선 음 굴포리 바닷가에서 살았어", "나선"),
    ("거기 선봉 어 우암리 쪽으로 갔지", "선봉"),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_places(text: str, place: str, rules: Rules) -> None:
    assert covered(text, place, rules, "place")


NOT_PLACES = [
    "삼백 리 길을 걸었다",
    "오십리 밖에서 왔다",
    "누나머리가 길었다",
    "사교성 좋은 아이",
    "그 광고 사람들은 바빴다",
    "나선 그 계단을 올라갔다",
    "하산 길에 다쳤다",
    "산에서 하산할 때 조심해",
    "사흘 동안비가 내렸다.",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_place_look_alikes(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == []


UNITS = [
    ("해군 제12전대에서 복무했다", "해군 제12전대"),
    ("공군\n제5비행사단 출신이다", "공군\n제5비행사단"),
    ("이십삼 저격려단에 있었다", "이십삼 저격려단"),
    ("십일 폭풍군단에서 왔다", "십일 폭풍군단"),
    ("제11군단특수작전 대대에서", "특수작전 대대"),
    ("제5412군부대삼중대에 있었다", "제5412군부대삼중대"),
    ("팔샙칠 사단에서 왔다", "팔샙칠 사단"),
    ("구공 오 군부대에 있었다", "구공 오 군부대"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units(text: str, unit: str, rules: Rules) -> None:
    assert covered(text, unit, rules, "unit")


NOT_UNITS = [
    "전대 회장님이 오셨다",
    "2전대 회장님을 만났다",
    "편대 비행을 봤다",
    "이상한 사단이 났다",
    "오늘 일 군부대 행사가 있다",
]


@pytest.mark.parametrize("text", NOT_UNITS)
def test_unit_look_alikes(text: str, rules: Rules) -> None:
    assert spans(text, rules, "unit") == []


def test_words_of_numeral_syllables_stay_out_of_a_unit(rules: Rules) -> None:
    # 사이 ("between") is made of numeral syllables but is no number: the unit does not take it.
    assert spans("그 사이 특수작전대대가 왔다", rules, "unit") == [("unit", "redact", "특수작전대대")]


ORGS = [
    ("사단법인 하늘다리와 함께합니다", "사단법인 하늘다리"),
    ("재단법인\n새빛나래에서 도와주셨다", "재단법인\n새빛나래"),
    ("저희 단체 평화나무는 후원을 받습니다", "평화나무"),
    ("인권단체 새날나눔에서 연락이 왔다", "새날나눔"),
    ("편지는 통일의문을 통해 전달됩니다", "통일의문"),
    ("글나눔배움학원에 다녔다", "글나눔배움학원"),
]


@pytest.mark.parametrize(("text", "org"), ORGS)
def test_orgs(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


NOT_ORGS = [
    "사단법인 설립 절차가 복잡하다",
    "재단법인 형태로 운영된다",
    "저희 단체 사진을 보냅니다",
    "편지는 가족을 통해 전달될 것입니다",
    "편지는 적십자를 통해 전달된다",
    "편지는 대한적십자사를 통해 전달됩니다",
    "편지는 교회언니를 통해 전달했다",
    "저희 단체 회원들이 기도합니다",
    "보위지도원이 찾아왔다",
    "정치지도원 동지가 말했다",
]


@pytest.mark.parametrize("text", NOT_ORGS)
def test_org_look_alikes(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == []
