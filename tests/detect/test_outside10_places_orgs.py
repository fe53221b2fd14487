"""Places and organisations a tenth outside set showed missing or over-flagged (relay.detect.places,
relay.detect.orgs, relay.detect.damaged).

Organisations: a restaurant named by an everyday word glued to 식당/면옥/반점/가든 that the writer ran
or holds a post in ("X식당 하던", "X식당을 했다"); restaurant endings (면옥, 냉면집, 국수집, 반점) before
a job title, also with the ending split by OCR ("X면 옥주방장"); a legal form split by OCR ("사 단법인").

Places: a city glued to a smaller division whose name OCR damaged ("부산해운대궤에"); a town's stem
split by OCR and the sentence glued after its particle ("화성 향 남읍에있는"); a county glued to the
adverb before it ("벌써회령에 계신다").

Look-alikes that stay clear: kinds of restaurant (기사식당, 구내식당, 동네식당, 비빔냉면), an everyday noun
and its particle after 고향 ("고향 말로", "고향 집도"), a loanword ending in 시 (보르시, 스시), everyday
words after a city ("서울 밤 거리"), a legal form before words that name nothing ("사 단법인 설립").
"""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.detect.places import _loan_syllable

from .conftest import covered_as, spans

ORGS = [
    # A restaurant named by an everyday word, run by the writer.
    ("우리 엄마는 용정에서 무지개식당 하셨어요.", "무지개식당"),
    ("고향에서 민들레식당을 했다.", "민들레식당"),
    ("아버지는 단골손님 많은 소나무식당 하던 분이다.", "소나무식당"),
    ("삼촌이 해바라기반점 사장님이에요.", "해바라기반점"),
    ("이모는 목련가든 운영하신다.", "목련가든"),
    # Restaurant endings after a place or a name, before a job title.
    ("형은 압록강면옥 주방장으로 일해요.", "압록강면옥"),
    ("저는 청진냉면집 직원입니다.", "청진냉면집"),
    ("누나가 함흥국수집 사장이야.", "함흥국수집"),
    # The ending split by OCR, its last syllable glued to the job title.
    ("나는 모란봉면 옥주방장이다.", "모란봉면 옥"),
    # A legal form split by OCR.
    ("재 단법인 새희망나눔에서 일합니다.", "재 단법인 새희망나눔"),
    ("주식 회사 한별에 다녀요.", "주식 회사 한별"),
]


@pytest.mark.parametrize(("text", "detail"), ORGS)
def test_orgs_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "org", "place")


PLACES = [
    # A city glued to a smaller division whose name OCR damaged by one jamo.
    ("지금은 부산해운대궤에 살아요.", "해운대궤"),
    ("서울마포궤에서 일한다.", "마포궤"),
    ("인천부평궤에 있는 학교", "부평궤"),
    # A town's stem split by OCR after its city, the rest of the sentence glued on.
    ("언니는 화성 향 남읍에있는 공장에 다닌다.", "향 남읍"),
    ("동생은 화성 봉담읍에있는 학교에 다닌다.", "봉담읍"),
    # A county glued to the adverb before it, a residence cue after.
    ("어머니는 벌써회령에 계신다.", "회령"),
    ("할머니는 지금혜산에 사신다.", "혜산"),
]


@pytest.mark.parametrize(("text", "detail"), PLACES)
def test_places_are_found(text: str, detail: str, rules: Rules) -> None:
    assert covered_as(text, detail, rules, "place", "address", "org")


BENIGN_ORGS = [
    # Kinds of restaurant, not one restaurant.
    "아버지는 기사식당 하던 사람이다.",
    "학교 구내식당 주방장으로 일했다.",
    "엄마는 동네식당 하던 아줌마랑 친해요.",
    "시골식당 하던 아저씨가 놀러 왔다.",
    "작은식당을 했다.",
    "여름엔 비빔냉면 하던 집에 갔다.",
    # A restaurant ending glued to "and".
    "민들레식당하고 학교 사이에 산다.",
    # A legal form before words that name nothing.
    "사 단법인 설립 절차가 복잡하다.",
    "재단 법인 형태로 운영한다.",
]


@pytest.mark.parametrize("text", BENIGN_ORGS)
def test_look_alikes_are_not_orgs(text: str, rules: Rules) -> None:
    assert not [s for s in spans(text, rules) if s[0] == "org"]


BENIGN_PLACES = [
    # An everyday noun and its particle after 고향.
    "고향 말로 편지를 쓴다.",
    "고향 집도 많이 변했겠지.",
    "고향 밥을 먹고 싶다.",
    # Loanwords ending in 시, not a city.
    "보르시라는 수프를 먹었다.",
    "스시라는 음식은 처음이다.",
    # Everyday words after a city, the first syllable apart.
    "서울 밤 거리에서 놀았다.",
    # A word glued to an adverb before a residence cue.
    "동생은 아직학교에 있다.",
    "엄마는 아직병원에 계신다.",
]


@pytest.mark.parametrize("text", BENIGN_PLACES)
def test_look_alikes_are_not_places(text: str, rules: Rules) -> None:
    found = [s for s in spans(text, rules) if s[0] == "place"]
    assert not [s for s in found if s[2] not in ("서울",)]


@pytest.mark.parametrize(("stem", "loan"), [("보르", True), ("스", True), ("운흥", False), ("샛별", False)])
def test_loan_syllable(stem: str, loan: bool) -> None:
    assert _loan_syllable(stem) is loan
