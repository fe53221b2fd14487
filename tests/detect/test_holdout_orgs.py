"""Organisations the held-out letters showed missing or over-flagged, by class (relay.detect.orgs).

- A branch, site or campus after a firm or school is part of it ("X전자 Y사업장", "X대학 Y캠퍼스"),
  also when OCR glued the rest of the sentence on after the particle.
- The town before an organisation names it ("청진 수성교회", "무산 신발공장"), also when OCR split
  the town's syllables apart.
- An ending OCR damaged still takes the name before it, with its number ("청진제1고급중학굔").
- Everyday words that merely end like an ending (사계절, 명절), verb forms before a firm's ending
  ("다쳐서 치과") and the kind of a school ("요리 학원") name no organisation.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

BRANCHES = [
    ("현대자동차 울산공장에서 일한다.", "현대자동차 울산공장"),
    ("신한은행 역삼지점에 다닌다.", "신한은행 역삼지점"),
    ("LG디스플레이 파주사업장 협력사에 들어갔다.", "LG디스플레이 파주사업장"),
    ("고려대학교 세종캠퍼스에 합격했다.", "고려대학교 세종캠퍼스"),
    ("고려대학교 세종캠퍼스에서간호학을 배운다.", "고려대학교 세종캠퍼스"),  # OCR glued the next word on
    ("지금은현대자동차 아산공장에서 일해.", "현대자동차 아산공장"),
]


@pytest.mark.parametrize(("text", "org"), BRANCHES)
def test_a_branch_joins_its_firm_or_school(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


TOWN_BEFORE = [
    ("부산 해운대 새소망교회에 다녀요.", "부산 해운대 새소망교회"),
    ("청진 수성교회에 나간다.", "청진 수성교회"),
    ("삼지연 감자농장에 동원 갔다.", "삼지연 감자농장"),
    ("무산 신발공장에서 일했다.", "무산 신발공장"),
    ("대홍단 축산기지에서 일했다.", "대홍단 축산기지"),
    ("대홍단\n축산기지에서 일했다.", "대홍단\n축산기지"),  # a line break between
    ("부 산 해운대 새소망교회에 다녀요.", "부 산 해운대 새소망교회"),  # OCR split the city
]


@pytest.mark.parametrize(("text", "org"), TOWN_BEFORE)
def test_the_town_before_an_organisation_is_part_of_it(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


DAMAGED = [
    ("나는 청진제1고급중학굔를 다녔다.", "청진제1고급중학굔"),
    ("아버지는 흥남 2.8비료련합기어소에 다니셨다.", "흥남 2.8비료련합기어소"),
    ("어머니는흥남 2.8비료련합기어소에 다니셨다.", "흥남 2.8비료련합기어소"),
    ("대홍단 춱산기지에서 일했다.", "대홍단 춱산기지"),
]


@pytest.mark.parametrize(("text", "org"), DAMAGED)
def test_a_damaged_ending_takes_its_name(text: str, org: str, rules: Rules) -> None:
    assert covered(text, org, rules, "org")


NOT_ORGS = [
    "사계절 내내 바쁘게 지냈어요.",
    "이번 큰명절에 가족이 모였어요.",
    "설 명절에는 떡국을 먹어요.",
    "넘어져서 치과에 갔어요.",
    "많이 다쳐서 병원에 오래 다녔어요.",
    "가서 식품 좀 사 올게.",
    "이웃 사람들도 당신 소식을 물어요.",
    "친구들도 당연히 반겨 주었어요.",
    "운전 학원에 다니기 시작했다.",
    "요즘 미용 학원에 다녀요.",
    "한국 신발공장은 다 자동화됐다.",
    "새 고급 중학교 건물이 섰다.",
    "그 지점에서 다시 만나자.",
]


@pytest.mark.parametrize("text", NOT_ORGS)
def test_everyday_look_alikes_are_not_organisations(text: str, rules: Rules) -> None:
    assert spans(text, rules, "org") == []


def test_a_named_church_still_counts(rules: Rules) -> None:
    """Guard for the 절/당 rule: an everyday stem glued to 교회 as a word of its own is still a church."""
    assert covered("햇빛교회에 다녀요.", "햇빛교회", rules, "org")
