"""relay.detect.titled: names the scorer cannot take whole (three-syllable given names, names glued
into a run of words) in slots where only a name fits."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("교회에서 만난 황보한아름 선생님이 큰 힘이 되었다.", "황보한아름"),
        ("시장에서일하시는선우다솜아주머니께안부를전해라.", "선우다솜"),
        ("그 때 도와준 제갈이슬비 목사님을 잊지 못한다.", "제갈이슬비"),
    ],
)
def test_a_two_syllable_surname_before_a_title(rules: Rules, text: str, name: str) -> None:
    assert ("person", "redact", name) in spans(text, rules, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("본적: 함경북도, 성명: 하 은빛나.", "하 은빛나"),
        ("이름: 라 하늘별", "라 하늘별"),
    ],
)
def test_a_long_name_after_a_name_label(rules: Rules, text: str, name: str) -> None:
    assert ("person", "redact", name) in spans(text, rules, "person")


@pytest.mark.parametrize(("text", "name"), [("조 은 달래 올림", "조 은 달래"), ("조은달래 드림", "조은달래")])
def test_a_long_name_before_a_closing_at_the_end(rules: Rules, text: str, name: str) -> None:
    assert ("person", "redact", name) in spans(text, rules, "person")


def test_what_one_is_called_is_a_name(rules: Rules) -> None:
    assert ("person", "redact", "봄샘") in spans("저는 봄샘이라고 합니다. 반갑습니다.", rules, "person")
    # An everyday noun there may be what one is rather than one's name: review.
    assert ("person", "review", "보리") in spans("저는 보리라고 합니다.", rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "공손하게 인사를 올림",
        "위안부 할머니들을 기억한다.",
        "사공이 많으면 배가 산으로 간다.",
        "2024년 5월 서울에서 씀",
        "그리운 마음 담아 보냄",
        "사랑을 담아 드림",
        "진심을 담아 드림",
        "정성껏 씀",
        "건강하세요. 막내 올림",
        "저는 괜찮다고 합니다.",
        "저는 엄마라고 불러요.",
        "내가 먼저라고 했다.",
        "그 사람 이름은 기억이 안 난다.",
        "이름이 뭐였더라.",
    ],
)
def test_no_long_names_in_everyday_sentences(rules: Rules, text: str) -> None:
    assert not [s for s in spans(text, rules, "person") if s[1] == "redact"]


@pytest.mark.parametrize(
    ("text", "name"), [("제 이름은 패민호, 1975년생이다.", "패민호"), ("이름: 체영숙", "체영숙")]
)
def test_a_name_label_takes_a_surname_ocr_damaged(rules: Rules, text: str, name: str) -> None:
    # 패 and 체 are OCR look-alikes of 배 and 채: after a name label only a name fits.
    assert ("person", "redact", name) in spans(text, rules, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [("시장에서 떡을 팔던 웅철 형이 그립다.", "웅철"), ("옆 마을 혜국 누나가 시집갔다.", "혜국")],
)
def test_a_given_name_before_an_older_siblings_title(rules: Rules, text: str, name: str) -> None:
    assert ("person", "redact", name) in spans(text, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "큰 형이 군대에 갔다.",
        "친한 언니가 전화했다.",
        "같은 반 형이 때렸다.",
        "둘째 오빠가 왔다.",
        "무서운 형님이 왔다.",
    ],
)
def test_adjectives_and_ordinals_before_a_siblings_title_are_no_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []
