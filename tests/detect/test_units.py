"""Military units: numbered in any order and spelling, spoken, named, OCR-damaged; and unit words used
in their everyday sense."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

FOUND = [
    ("제525군부대에서 복무했다.", "제525군부대"),
    ("조선인민군 제 5525부대 소속이었다.", "조선인민군 제 5525부대"),
    ("부대번호 3702를 적어 두었다.", "부대번호 3702"),
    ("제십일군단 병사들", "제십일군단"),  # spoken
    ("십일군단 병사들", "십일군단"),
    ("구사단에서 복무", "구사단"),
    ("11 저격 려단 출신", "11 저격 려단"),
    ("제 5 2 5 군 부대", "제 5 2 5 군 부대"),  # spacing noise
    ("제2대대 3중대에 배치되었다.", "3중대"),
    ("우리 아들은 폭풍군단에 있었다.", "폭풍군단"),  # named, from military.tsv
    ("정찰총국에서 일했다.", "정찰총국"),
    ("제9시단에서 복무했다.", "제9시단"),  # OCR: 사단 -> 시단, for review
    ("제l1군단 병사들", "제l1군단"),  # OCR: 1 -> l
]

NOT_UNIT = [
    "군대에서 고생이 많지?",
    "부대에서 밥은 제대로 나오니?",
    "사단이 나도 크게 났구나.",
    "이 중대한 시기에 네 곁에 없어서 미안하다.",
    "우리 집안은 대대로 농사를 지었다.",
    "1990년대에는 고생이 많았다.",
    "인민군에 들어갈 때 너는 열일곱 살이었다.",
    "이번 주에 이사했다.",
]


@pytest.mark.parametrize(("text", "unit"), FOUND)
def test_units_are_found(rules: Rules, text: str, unit: str) -> None:
    assert covered(text, unit, rules, "unit")


@pytest.mark.parametrize("text", NOT_UNIT)
def test_unit_words_alone_are_not_units(rules: Rules, text: str) -> None:
    assert spans(text, rules, "unit") == []


def test_misread_unit_words_are_review_only(rules: Rules) -> None:
    assert spans("제9시단에서 복무했다.", rules, "unit") == [("unit", "review", "제9시단")]


SUBUNIT_FOUND = [
    ("그는 제3군단 제18사단 경무대대에서 근무했다.", "제3군단 제18사단 경무대대"),
    ("동생은 제7군단 수색중대에 있었다.", "제7군단 수색중대"),
    ("9군단 직속 교도대대 출신이다.", "9군단 직속 교도대대"),
]


@pytest.mark.parametrize(("text", "unit"), SUBUNIT_FOUND)
def test_a_subunit_named_by_its_type_goes_with_its_parent(rules: Rules, text: str, unit: str) -> None:
    assert ("unit", "redact", unit) in spans(text, rules, "unit"), spans(text, rules)


@pytest.mark.parametrize(
    "text", ["제3군단 대대장 동지가 왔다.", "제3군단 중대원들이 모였다.", "제3군단 연대기를 읽었다."]
)
def test_a_word_that_only_starts_like_a_subunit_is_left(rules: Rules, text: str) -> None:
    assert ("unit", "redact", "제3군단") in spans(text, rules, "unit")
