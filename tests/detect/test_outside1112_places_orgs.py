"""Places and organisations the eleventh and twelfth outside sets showed missing or over-flagged
(relay.detect.places, relay.detect.orgs, relay.detect.damaged, relay.detect.skeleton).

Places: apartment complexes by their village or town and the builder's brand, also glued in chat
("능동마을푸르지오살아"); named villages and estates, 마을 split by OCR ("후곡마 을", "중산 마을 아파트");
the Koryo-saram's towns and kolkhoz villages, Kyiv's districts, Dandong's districts and Yanji's street
offices; Korean War battlefields (백마고지, damaged "백미고지", hills by their height: 1211고지);
peninsulas (갈마반도); harbours by their pier (흥남부두); the 읍 of the counties; a 동 or 읍 whose
suffix OCR damaged right after its city or county ("강계시 연풍됑").

Organisations: a school after a district named with a direction (남신의주); national universities and
university hospitals with OCR spaces ("경북 대학교병원", "한국해양대 학교"); Latin acronyms (KAIST, SBU)
but not inside longer Latin words; the coast guard; convents and dioceses with their denomination
("천주교 의정부교구"); noodle houses (면옥) with OCR spaces; study rooms and citizens' groups with the name
after them; an embassy after the city it is in; football clubs (구리FC 유소년팀) and North Korean clubs
named after a date (4.25체육단); Latin groups named for their city ("Korean Hearts Kyiv"); boats by
name and number where a boat is spoken of ("충성11호"); a temple whose 사 OCR split off ("설화 사").

Look-alikes that stay clear: a brand's letters starting another word (자이언트), a brand alone, villages
named by whose or which (우리 마을, 같은 마을) or by everyday words (고향 마을), a noun of position between
two places (근처), everyday study rooms and clubs, an embassy without its city, a pronoun before a split
company ending ("내 택시"), a subject before a club's name, Latin acronyms inside words, verbs after a
place ("평양 오셔도"), a carer's title (요양보호사), a language named after a country (우크라이나어), a
satellite and a flat's number (광명성3호, 아파트 302호).
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, covered_as, spans

PLACES = [
    # Apartment complexes: village + brand, glued in chat or spaced, a place glued before the village.
    ("언니지금광교호수마을자이살아", "호수마을자이"),
    ("형은지금동탄솔빛마을래미안살아", "동탄솔빛마을래미안"),
    ("우리는 한빛마을 힐스테이트 2단지에 산다.", "한빛마을 힐스테이트 2단지"),
    ("이모는 마포래미안에 산다.", "마포래미안"),
    ("송도 더샵에 살아요.", "송도 더샵"),
    # Named villages and estates, 마을 split by OCR.
    ("지금은 일산 백석마 을에 산다.", "백석마 을"),
    ("파주 햇살 마을 아파트에 딸이랑 산다.", "햇살 마을"),
    # Koryo-saram towns and villages, Ukrainian districts, Chinese districts and street offices.
    ("나는 우슈토베에서 온 고려인이에요.", "우슈토베"),
    ("할아버지는 김병화 농장 근처 폴리토젤에서 사셨다.", "폴리토젤"),
    ("저는 키이우 오볼론에 살아요.", "오볼론"),
    ("단둥 원보구에서 숨어 지냈다.", "원보구"),
    ("연길 건공가두에 있는 집", "건공가두"),
    ("Los Angeles Koreatown에 교회가 있어요.", "Koreatown"),
    # Korean War battlefields, also damaged by OCR; peninsulas with the space OCR put in.
    ("아버지는 저격능선에서 잡히셨다.", "저격능선"),
    ("큰아버지는 1952년 화살머리고지에서 싸웠다.", "화살머리고지"),
    ("할아버지는 1953년 백마고지에서 포로가 됐다.", "백마고지"),
    ("우리는 원산 호도 반도에서 자랐다.", "호도 반도"),
    ("삼촌은 1211고지에서 싸웠다고 했다.", "1211고지"),
    # Harbours by their pier, spaced by OCR.
    ("1950년 겨울 원산 부두에서 헤어졌다.", "원산 부두"),
    # The 읍 of border counties.
    ("나는 연천 전곡읍에서 농사 짓는다.", "전곡읍"),
    ("동생은 철원 갈말읍에 산다.", "갈말읍"),
    # A 동 or 읍 whose suffix OCR damaged, right after its city or county.
    ("원래 양강도 혜산시 연풍됑 살았다.", "연풍됑"),
    ("나는 철원 갈말으 문혜리에서 농사 짓는다.", "갈말으"),
]


@pytest.mark.parametrize(("text", "detail"), PLACES)
def test_places_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "place", "address", "org")


ORGS = [
    # A school after a district named with a direction.
    ("동생은 남신의주 제1중학교에 다닌다.", "남신의주 제1중학교"),
    # National universities and hospitals, spaces put in by OCR.
    ("누나는 전남 대학교병원 간호사예요.", "전남 대학교병원"),
    ("형은 부경대 학교에 다녀.", "부경대 학교"),
    ("누나는 동명대 학교에다녀.", "동명대 학교"),  # a verb glued on after the split suffix
    ("지금 POSTECH 다녀요.", "POSTECH"),
    ("SBU 수사관이 물어봤어요.", "SBU"),
    # The coast guard, spaced by OCR.
    ("배가 고장나서 해양 경찰이 구해줬다.", "해양 경찰"),
    # Convents and dioceses, with the denomination.
    ("저는 가르멜 봉쇄수녀원에 있는 수녀입니다.", "봉쇄수녀원"),
    ("저는 천주교 수원교구 사무처에서 일합니다.", "천주교 수원교구"),
    # Noodle houses with OCR spaces, study rooms and groups with their names.
    ("나는 을지로 평양 면옥 주방장이오.", "평양 면옥"),
    ("우리는 무지개 공부방에서 아이들을 가르쳐요.", "무지개 공부방"),
    ("탈북민인권시민모임 한울림에서 왔습니다.", "탈북민인권시민모임 한울림"),
    # An embassy after the city it is in.
    ("방콕 한국대사관 앞에서 기다렸다.", "방콕 한국대사관"),
    # Football clubs and North Korean clubs named after a date.
    ("나는 안산FC 유소년팀 코치다.", "안산FC 유소년팀"),
    ("너 4.25체 육단에서 뛰었다며.", "4.25체 육단"),
    # A temple whose ending OCR split off, a temple cue near.
    ("소승은 양양 청련 사 아래 암자에서 지냅니다.", "청련 사"),
    # A boat by its name and number, where the sentence speaks of a boat.
    ("우리 어선 이름은 대성7호였다.", "대성7호"),
    ("삼촌 배는 청진수산사업소 소속 단결 15호였다.", "단결 15호"),
    # Latin groups named for their city.
    ("Free Korea Seoul에서 일해요.", "Free Korea Seoul"),
]


@pytest.mark.parametrize(("text", "detail"), ORGS)
def test_orgs_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "org", "place")


BENIGN = [
    # A brand's letters starting another word, a brand alone.
    "자이언트 판다를 봤다.",
    "래미안 광고가 나왔다.",
    # Villages by whose or which, or by everyday words.
    "우리 마을에 눈이 왔다.",
    "같은 마을에서 자랐지.",
    "고향 마을이 그립다.",
    "작은 마을 사람들이 모였다.",
    # Everyday study rooms and clubs.
    "나는 한 공부방에서 아이들을 가르쳐.",
    "봉사 동아리에서 편지를 썼다.",
    # An embassy without its city.
    "한국 대사관이 도와줬다.",
    # A pronoun before a split company ending.
    "꼭 살아서 내 택시 한번 타요.",
    "제 택시를 타세요.",
    # A river in a song, and the song named.
    "대동강 노래를 불렀다.",
    # Latin acronyms inside longer words.
    "USBUX 케이블을 샀다.",
    # After a place-like word, a verb whose last syllable is one jamo from 동.
    "두 달 동안 씻지도 못했다.",
    # Thanks split by OCR near a monk: an everyday word, not a temple.
    "스님께 감 사 드립니다.",
    # A satellite, a room: numbers ending in 호 where no boat is spoken of, or a building's.
    "광명성3호를 쏘았다는 소식을 들었다.",
    "배가 고파서 아파트 302호 이웃집에 갔다.",
    # A bill (고지서) after an amount.
    "전기요금 3000 고지서가 왔다.",
    # A carer's title, not a damaged 보호소.
    "요양보호사 자격증을 땄어요.",
    # A language named after a country: the country's name is whole, no near miss of it.
    "러시아어와 우크라이나어는 달라요.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_look_alikes_are_not_places_or_orgs(text: str, rules: Rules) -> None:
    found = [s for s in spans(text, rules) if s[0] in ("place", "org")]
    assert not [s for s in found if s[2] not in ("대동강",)]


def test_position_between_places_is_no_place(rules: Rules) -> None:
    text = "나는 타슈켄트 근처 시온고 마을에서 왔어요."
    assert "근처" not in [s[2] for s in spans(text, rules, "place")]
    assert covered(text, "시온고", rules, "place")


def test_subject_before_club_is_not_its_stem(rules: Rules) -> None:
    assert "손흥민이" not in " ".join(s[2] for s in spans("손흥민이 FC서울 경기에 나왔다.", rules, "org"))


@pytest.mark.parametrize(("text", "word"), [("평양 오셔도 돼요.", "오셔도"), ("청진 가셔도 된다.", "가셔도")])
def test_verb_after_place_is_no_damaged_division(text: str, word: str, rules: Rules) -> None:
    assert word not in [s[2] for s in spans(text, rules, "place")]
