"""Places, organisations and units by class, from the last round of unseen tables.

- ASR units: a corps or brigade read aloud glued to the word before it, a third spoken unit after a
  space, and a numbered unit's command (사령부, 정치부) after it.
- A community's association (X인협회, X민협회, X동포회) whose stem is the people it gathers.
- Foreign cities: China's east coast, Central and Southeast Asia, Europe's Korean towns.
- Two full place names glued together inside a chat line typed without spaces; a town Kiwi reads as
  its everyday homonym (무산) before 에서 and a river crossing.
- A church's name set apart from its denomination ("X 감리교회"); a legal form split by OCR ("사단 법인");
  a tea room (X다방); a firm's name before the copula ("X식품인데").
- A flat's number with the verb of living glued on after a lot number ("212-7 105호살아").
- Everyday look-alikes stay unflagged: time of day (열한 시, 일곱 시), "for" (위해서), flies (파리),
  cosmetics (에센스), cheering squads, "this corps", old churches, plain associations.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

UNITS = [
    ("삼촌이간데가칠군단이래", "칠군단"),
    ("오빠는 사단을 거쳐 지금은십이려단에 있대", "십이려단"),
    ("아저씨는 칠군단 삼사단 이대대 소속이었다", "칠군단 삼사단 이대대"),
    ("외삼촌은 제육군단 정치부에서 일했다", "제육군단 정치부"),
    ("사촌은 제4군단 참모부 운전수였다", "제4군단 참모부"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_spoken_and_command_units_are_found(text: str, unit: str, rules: Rules) -> None:
    assert covered(text, unit, rules, "unit")


ORGS = [
    ("엄마는 카자흐인협회에서 일을 도와요.", "카자흐인협회"),
    ("이모는 북향민협회 총무를 맡고 있다.", "북향민협회"),
    ("아버지는 재독동포회 모임에 나가신다.", "재독동포회"),
    ("해솔 감리교회 청년부에서 인사드립니다.", "해솔 감리교회"),
    ("저는 재단 법인 푸른다리의 간사입니다.", "재단 법인 푸른다리"),
    ("삼촌 가게는 별빛다방이고 시내에 있어.", "별빛다방"),
    ("형이 다니는 데는 한솔식품인데 월급이 괜찮대.", "한솔식품"),
]


@pytest.mark.parametrize(("text", "org"), ORGS)
def test_associations_churches_and_forms_are_found(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


PLACES = [
    ("언니는 항저우 식당에서 일했어.", "항저우"),
    ("사촌은 난징에서 공장에 다녔다.", "난징"),
    ("아빠는 타슈켄트에서 오셨다.", "타슈켄트"),
    ("삼촌은 뒤셀도르프에 산다.", "뒤셀도르프"),
    ("고모는 헤이그 근처에 산다.", "헤이그"),
    ("나는청진시수남구역에서자랐어", "청진시수남구역"),
    ("옛날에무산군삼봉리살때생각나", "무산군"),
    ("아빠는 작년 시월에 무산에서 새벽에 강을 건넜다.", "무산"),
]


ADDRESSES = [
    ("이모는 부평구 십정동 212-7 105호살아", "십정동 212-7 105호"),
]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_flat_number_with_glued_verb_of_living_is_in_the_address(
    text: str, address: str, rules: Rules
) -> None:
    assert covered(text, address, rules, "address")


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_foreign_cities_and_glued_chains_are_found(text: str, place: str, rules: Rules) -> None:
    assert covered(text, place, rules, "place")


BENIGN = [
    "아침 일곱 시에 일어나서 밥을 먹었다.",
    "밤 열한 시까지 도서관에 있었어요.",
    "가족을 위해서 열심히 일합니다.",
    "여름이라 파리가 많이 날아다닌다.",
    "에센스 크림을 하나 샀어요.",
    "응원군단이 경기장을 가득 채웠다.",
    "이 군단 사람들은 다 친절했다.",
    "사령부에 연락해 보겠습니다.",
    "오래된 장로교회 건물이 보였다.",
    "우리 감리교회 목사님이 오셨다.",
    "노인협회 회장님이 다녀가셨다.",
    "사단 법인 설립 절차가 복잡하다.",
    "소주 한 병을 시켰다.",
    "옛날 다방 같은 분위기였다.",
    "다방 커피 한 잔 마셨다.",
    "여기는 공장인데 시끄럽다.",
    "거기는 대학인데 좀 멀어.",
    "작은 침례교회를 지나갔다.",
    "계획이 결국 무산되어 다들 실망했다.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_everyday_look_alikes_stay_unflagged(text: str, rules: Rules) -> None:
    assert [s for s in spans(text, rules) if s[0] in ("place", "org", "unit")] == []


def test_a_kind_of_school_alone_is_no_school(rules: Rules) -> None:
    assert [s for s in spans("나는 중고등학교 다닐 때 공부를 못했다", rules) if s[0] == "org"] == []
    assert covered("회령 중고등학교 다닐 때", "회령 중고등학교", rules, "org")
