"""Units and places the held-out letters showed missing or over-flagged, by class (relay.detect.units,
relay.detect.places).

Units: special-operations forces named alone; a named force before a numbered unit joins it; a
numbered bureau after a command joins it; a unit word OCR damaged and split after 제 and a number,
or damaged after a unit type; a second spoken unit glued to the first in a transcript; a named unit
damaged by a jamo; the number before a named unit.

Places: landmarks and border towns from the gazetteers; two places glued together; a place glued to
the phrase before it (a particle or verb ending); a place Kiwi misreads with a contracted particle;
an administrative suffix OCR set apart. Money (원짜리) and spoken years (이천이십삼년) are no places.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

UNITS = [
    ("그 사람 특수전부대로 갔대.", "특수전부대"),
    ("형은 특작부대에 있었다.", "특작부대"),
    ("국경경비대 31려단에서 복무했어.", "국경경비대 31려단"),
    ("국경경비대 삼십일려단에서 복무했어", "국경경비대 삼십일려단"),
    ("국\n경경비대 31려단에서 복무했어.", "국\n경경비대 31려단"),
    ("폭풍군단 25려단에서 복무했다.", "폭풍군단 25려단"),
    ("총참모부 제2처에서 일했다.", "총참모부 제2처"),
    ("보위국 10과에서 나왔다.", "보위국 10과"),
    ("정찰총국 110호연구소에서 일했다.", "정찰총국 110호연구소"),
    ("제 7 궨 단 출신이다.", "제 7 궨 단"),
    ("제 8 균 단에서 왔다.", "제 8 균 단"),
    ("구군단삼사단에서 복무했다", "삼사단"),
    ("오군단칠련대에 있었다", "칠련대"),
    ("호위사령부에 뽑혀 갔다.", "호위사령부"),
    ("국경경비총국 산하에 있었다.", "국경경비총국"),
    # A unit word OCR damaged after a unit type, with or without a number.
    ("5 저격 러단 출신이다.", "5 저격 러단"),
    ("정찰 즁대에 있었다.", "정찰 즁대"),
    # A named unit one jamo off that Kiwi reads as ordinary words, and the number before a named unit.
    ("호위사령브에서 일했다.", "호위사령브"),
    ("제423해군보병여단에 있었다.", "제423해군보병여단"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units(text: str, unit: str, rules: Rules) -> None:
    assert covered(text, unit, rules, "unit")


NOT_UNITS = [
    "9 시 단속이 심했다.",
    "사단이 어디냐고 물었다.",
    "우리 동네 청년들은 다 군대에 갔다.",
    "제 9 시 버스를 탔다.",
    "정찰 대로 가면 된다.",
    "항공 사진을 찍었다.",
    "통신 비용이 많이 든다.",
]


@pytest.mark.parametrize("text", NOT_UNITS)
def test_unit_look_alikes(text: str, rules: Rules) -> None:
    assert spans(text, rules, "unit") == []


PLACES = [
    ("개성 자남산 아래 살았다.", "자남산"),
    ("함흥 반룡산 기슭에 집이 있었다.", "반룡산"),
    ("청진 고말산이 보이는 집이었다.", "고말산"),
    ("심양 서탑 시장에서 장사했다.", "서탑"),
    ("용정에서 삼 년을 살았다.", "용정"),
    ("개산툰에서 강을 건넜다.", "개산툰"),
    ("너도 청진수성천 둑에서 놀았지?", "청진"),
    ("너도 청진수성천 둑에서 놀았지?", "수성천"),
    ("할아버지는청진 역 앞에서 일하셨다.", "청진 역"),
    ("할아버지는무 산역 앞에서 일하셨다.", "무 산역"),
    ("강을 건너훈춘으로 갔지.", "훈춘"),
    ("연락하면 연길 고모가 받는다.", "연길"),
    ("전화하면연길 고모가 받는다.", "연길"),
    ("무산의오산덕에서 왔다.", "오산덕"),
    ("청진 시에서 왔다.", "청진 시"),
    ("량강도혜 산에서 보자.", "혜 산"),  # OCR moved the space from between the province and the city
    ("대둥강 건너 마을에 살았다.", "대둥강"),  # 대동강 damaged; Kiwi reads 대 + 둥 + 강
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_places(text: str, place: str, rules: Rules) -> None:
    assert covered(text, place, rules, "place")


NOT_PLACES = [
    "백 원짜리 동전을 모았다.",
    "만 원짜리 지폐 한 장.",
    "천원짜리 과자를 샀다.",
    "열 개짜리 한 묶음.",
    "이천이십삼년 겨울은 추웠어요.",
    "이천십구년에 왔어요.",
    "고양이 한 마리가 창가에 와요.",
    "광주리에 사과를 담았어요.",
    "마음의 평안을 찾았어요.",
    "작은 방을 얻어서산다.",
    "큰 강을 건넜다.",
    "높은 산에 올랐다.",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_place_look_alikes(text: str, rules: Rules) -> None:
    assert spans(text, rules, "place") == []


def test_a_city_before_a_particle_is_still_a_place(rules: Rules) -> None:
    """Guard for the spoken-number rule: 이천 with a particle or its suffix is the city."""
    assert covered("이천시에서 왔어요.", "이천시", rules, "place")
    assert covered("고향이 이천이에요.", "이천", rules, "place")
