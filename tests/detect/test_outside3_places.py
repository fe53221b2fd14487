"""Places, organisations and units a third outside set showed missing or over-flagged, by class
(relay.detect.places, relay.detect.orgs, relay.detect.lexicon, the [units] pattern).

Places: buildings, stations and lakes that pin down a North Korean home town (landmarks.tsv); a 동/리
whose stem is an everyday word written right after a district in full; a stem that is also a word
before the fused polite 계십니다; a long foreign name misread at its last syllable (the longer name
is the one meant, not a shorter alias with a syllable glued on). A one-syllable noun glued to an
everyday noun ending in 리 (풀뿌리) is no village.

Organisations: cabinet ministries (orgs_named.tsv), public hospitals, civic groups, bridges and shops
named with an everyday stem (orgs.tsv); a school with the verb glued after it; a name introduced by
"X라는 회사"; a university's short name (X대) before its department. Time words before a spaced
"야간 학교", dishes before 반찬, a subject glued to 반찬, and an everyday word one jamo off a ministry
stay unflagged.

Units: two unit types between the number and the unit word; special-operations, rocket-artillery and
armour types.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, covered_as, spans

PLACES = [
    # Buildings, stations and lakes in North Korea (landmarks.tsv).
    ("어머니랑 창광원에 가서 목욕했다.", "창광원"),
    ("청류관에서 랭면을 먹었지.", "청류관"),
    ("해당화관에서 일했다.", "해당화관"),
    ("속후역 앞에서 언니를 만났다.", "속후역"),
    ("함흥대극장 옆에 살았다.", "함흥대극장"),
    # A workers' district (로동자구) called by its stem.
    ("속후 할머니께 안부 전해라.", "속후"),
    # A 동 or 리 with an everyday stem, after a district or county written in full.
    ("집은 남포시 항구구역 소금동이었다.", "소금동"),
    # A stem that is also a word, before the fused polite verb of staying.
    ("이모는 아직 구성에 계셨어요.", "구성"),
    # The Russian border town in a defector's spelling (foreign_places.tsv alias).
    ("핫싼에서 기차를 탔다.", "핫싼"),
    # A long name OCR split after its first syllable, the rest starting like a verb (주다).
    ("우리 집은 해 주제련소 바로 옆이었다.", "해 주제련소"),
]


@pytest.mark.parametrize(("text", "detail"), PLACES)
def test_places_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "place", "org")


def test_long_foreign_name_misread_at_its_end_is_found_whole(rules: Rules) -> None:
    # 블라디보스토크 with its last syllable damaged: not its shorter alias 블라디보스톡 plus a syllable.
    text = "삼촌은 블라디보스토키를 거쳐 왔다."
    assert covered(text, "블라디보스토키", rules, "place")


ORGS = [
    # Cabinet ministries (orgs_named.tsv).
    ("아버지는 석탄공업성에서 일하셨다.", "석탄공업성"),
    ("큰아버지가 외무성 간부였어요.", "외무성"),
    # Public hospitals, civic groups, bridges and shops (orgs.tsv).
    ("서울의료원에서 치료받았어요.", "서울의료원"),
    ("새빛인권연대에서 도와주었다.", "새빛인권연대"),
    ("신의주대교를 건너는 차를 보았다.", "신의주대교"),
    ("해솔반찬에서 일해요.", "해솔반찬"),
    ("언니는 다온헤어를 한다.", "다온헤어"),
    # A school with the verb glued after it.
    ("조카는 새빛학교다녔어요.", "새빛학교"),
    # A name introduced as a firm's.
    ("지금은 코렌텍스라는 회사에서 일해요.", "코렌텍스"),
    # A university's short name and its department.
    ("조카는 경남대 북한학과에 붙었다.", "경남대 북한학과"),
]


@pytest.mark.parametrize(("text", "detail"), ORGS)
def test_orgs_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "org", "place")


UNITS = [
    ("형은 제27기계화보병사단에서 복무했다.", "제27기계화보병사단"),
    ("남편은 제5기계화보병려단에 있었소.", "제5기계화보병려단"),
    # Special-operations, rocket-artillery and armour types before the unit word.
    ("아들은 제25특수작전여단에 있다.", "제25특수작전여단"),
    ("제6방사포려단에서 제대했소.", "제6방사포려단"),
]


@pytest.mark.parametrize(("text", "detail"), UNITS)
def test_units_with_two_types_are_found_whole(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "unit")


BENIGN = [
    "산에서 풀뿌리를 캐먹었다.",
    "밤에 물소리가 들렸다.",
    "일 년 동안 야간 학교를 다녔다.",
    "주말마다 밑반찬을 만들었다.",
    "할머니가반찬을 보내 주셨다.",
    "집반찬이 제일 맛있다.",
    "친구와 헤어졌다.",
    "로동 시간이 길었다.",
    "보건소에 다녀왔다.",
    "무역이라는 일이 쉽지 않다.",
    "편지의 구성에 대해 생각했다.",
    "그걸 보여 주시면 좋겠다.",
    "그 시대 학과 선택은 어려웠다.",
    "군대 학과 동기를 만났다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_look_alikes_are_not_places_orgs_or_units(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] in ("place", "org", "unit")]
