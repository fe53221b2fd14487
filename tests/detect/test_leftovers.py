"""Leftover misses from page text: Hangul-lettered service numbers, org suffixes split by spaces, and
full names glued after a verb's adnominal ending."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

SERVICE_NUMBERS = [
    ("그때 군번 라-731845 이었다.", "라-731845"),
    ("군번: 사 604127", "사 604127"),
    ("군번은 바-5O7l23 이다.", "바-5O7l23"),  # OCR look-alikes in the digits
    ("병사번호 자-48213였다.", "자-48213"),
    ("번호 아-1234567 로 불렸다.", "아-1234567"),
]

NOT_SERVICE_NUMBERS = [
    "번호 가-123 이었다.",  # too short
    "가-123456 은 번호가 아니다.",  # no cue before
    "전화 번호를 잊었다.",
]

ORGS = [
    ("고려 대 학교에 다녔다.", "고려 대 학교"),
    ("신의주 방 직 공 장에서 일했다.", "신의주 방 직 공 장"),
    ("함흥 고급 중학교를 나왔다.", "함흥 고급 중학교"),
]

NOT_ORGS = [
    "좋은 대 학교에 가고 싶다.",
    "우리 공 장에서 일했다.",
    "이 대 학교는 크다.",
    "새 고급 중학교 건물이 섰다.",
]

GLUED_NAMES = [
    ("옆집에 사는정만철도 왔다.", "정만철"),
    ("같이 일하던허순옥이 말했다.", "허순옥"),
    ("거기 살던곽태준을 만났다.", "곽태준"),
]

NOT_NAMES = [
    "맛있는김치를 먹었다.",
    "좋은방법이 있다.",
    "우리가 사는세상을 보라.",
    "함께 있는사람들이 좋다.",
    "내가 가는학교는 멀다.",
    "내가 다니던공장이 문을 닫았다.",
    "재미있는이야기를 들었다.",
    "따뜻한마음을 느꼈다.",
    "어제 만난사람이 좋았다.",
]


@pytest.mark.parametrize(("text", "detail"), SERVICE_NUMBERS)
def test_service_numbers_with_a_letter(rules: Rules, text: str, detail: str) -> None:
    assert covered(text, detail, rules, "id_number")
    assert all(s == "redact" for _, s, _ in spans(text, rules, "id_number"))


@pytest.mark.parametrize("text", NOT_SERVICE_NUMBERS)
def test_service_number_negatives(rules: Rules, text: str) -> None:
    assert spans(text, rules, "id_number") == []


@pytest.mark.parametrize(("text", "org"), ORGS)
def test_spaced_suffix_orgs(rules: Rules, text: str, org: str) -> None:
    assert covered(text, org, rules, "org")


@pytest.mark.parametrize("text", NOT_ORGS)
def test_spaced_suffix_negatives(rules: Rules, text: str) -> None:
    assert spans(text, rules, "org") == []


@pytest.mark.parametrize(("text", "name"), GLUED_NAMES)
def test_names_after_adnominal(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize("text", NOT_NAMES)
def test_adnominal_negatives(rules: Rules, text: str) -> None:
    assert spans(text, rules) == []
