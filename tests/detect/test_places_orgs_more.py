"""Places, organisations, addresses and units that writers who never saw the rules use, by class.

- Small businesses named before what they sell, with a word saying they are a business ("X순대국을
  하는", "X칼국수 주방에서"), and "X라는 [business noun]" frames; firms with an everyday stem and a trade
  ending (철강, 오토); schools by their short names (X고, X대) before attendance; NGOs by their staff
  ("X 상담팀") and in Latin letters.
- Foreign cities on the escape routes and where Koreans abroad live; new towns; the shore of a place.
- Estates named by 마을 before a building's number; a North Korean village's work team and house.
- Numbered formations under a named command.
- Everyday look-alikes stay unflagged: blessings (평강), a bucket (양동이), consent (동의), workers
  (로동자), "these days" before a car, plain mentions of shops, schools and sayings.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

ORGS = [
    ("외숙모는 수원에서 도담감자탕을 하신다.", "도담감자탕"),
    ("제가 일하는 곳은 도란해장국 주방이에요.", "도란해장국"),
    ("누나는 가람숯불갈비에서 일해.", "가람숯불갈비"),
    ("동생은 재롱이네라는 분식집을 차렸어.", "재롱이네"),
    ("삼촌은 하나코 라멘이라는 식당을 한다.", "하나코 라멘"),
    ("아빠는 대광철강소속 운전기사야.", "대광철강"),
    ("형은 한빛오토다녀.", "한빛오토"),
    ("저는 누리솔고 다니는 2학년이에요.", "누리솔고"),
    ("동생은 해솔여중 졸업했어.", "해솔여중"),
    ("저는 Peace Harbor Mission에서 일해요.", "Peace Harbor Mission"),
    ("후원은 탈북청년희망연대로 보내 주세요.", "탈북청년희망연대"),
]


@pytest.mark.parametrize(("text", "org"), ORGS)
def test_small_businesses_schools_and_groups_are_found(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


PLACES = [
    ("쿤밍에서 라오스로 넘어갔다.", "쿤밍"),
    ("루앙남타에서 며칠 숨어 있었다.", "루앙남타"),
    ("치앙콩을 지나 방콕까지 갔어.", "치앙콩"),
    ("외삼촌은 블라고베셴스크에서 벌목을 했다.", "블라고베셴스크"),
    ("이모는 도쿄 신오쿠보에 산다.", "신오쿠보"),
    ("사촌은 토론토 노스요크에서 식당을 해.", "노스요크"),
    ("형은 뉴욕 플러싱에 살아.", "플러싱"),
    ("얼롄하오터에서 몽골로 넘어갔다.", "얼롄하오터"),
    ("요즘 청라 살아.", "청라"),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_foreign_cities_and_new_towns_are_found(text: str, place: str, rules: Rules) -> None:
    assert covered(text, place, rules, "place")


ADDRESSES = [
    ("우리 집은 무지개마을 310동 1204호야.", "무지개마을 310동 1204호"),
    ("지금은 은하수마을1201동703호 살아요", "은하수마을1201동703호"),
    ("집은 량강도 삼수군 관흥리의 3작업반 살림집 12호였다.", "3작업반 살림집 12호"),
]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_estates_and_village_houses_join_the_address(text: str, address: str, rules: Rules) -> None:
    assert covered(text, address, rules, "address")


def test_a_numbered_formation_under_a_named_command_is_a_unit(rules: Rules) -> None:
    text = "아버지는 서해함대사령부 산하 제8전대에서 복무하셨다."
    assert covered(text, "제8전대", rules, "unit")


BENIGN = [
    "주님의 은혜와 평강이 늘 함께하기를 기도합니다.",
    "평강과 기쁨이 넘치는 한 해 되세요.",
    "물 한 양동이 길어 오너라.",
    "상담 내용은 본인 동의 없이 알리지 않아요.",
    "로동자로 살아온 세월이 길었소.",
    "요즘 자동차 정비 공장 다녀.",
    "엄마는 식당에서 일해.",
    "동생은 학교 다녀.",
    "그건 그냥 옛날 말이라는 말이야.",
    "시장 가게에서 장을 봤다.",
    "평화가 오기를 바란다.",
    "오늘 점심은 바지락칼국수를 먹었다.",
    "군대 다녀와서 철이 들었다.",
    "최고 다녀온 여행이었다.",
    "우리강아지가 많이 컸다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_everyday_look_alikes_stay_unflagged(text: str, rules: Rules) -> None:
    found = [s for s in spans(text, rules) if s[0] in ("place", "org", "address", "unit")]
    assert found == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("나는 경북 안동시 풍산읍사는 할매요", "경북 안동시 풍산읍"),
        ("함경북도 청진시 수남구역서 평생 살았소", "함경북도 청진시 수남구역"),
        ("강원도 원산시 명사십리살때 바다를 봤지", "강원도 원산시 명사십리"),
    ],
)
def test_an_address_runs_on_into_a_part_with_the_verb_of_living_glued(
    text: str, address: str, rules: Rules
) -> None:
    assert covered(text, address, rules, "address")


def test_a_law_firm_is_named_after_its_legal_form(rules: Rules) -> None:
    assert covered("법무법인 새길의 변호사입니다", "법무법인 새길", rules, "org")
    assert [s for s in spans("법무법인 설립 절차를 물었다", rules) if s[0] == "org"] == []
