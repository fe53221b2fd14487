"""The addressee of an affectionate salutation is flagged, even when the name is an everyday word."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _people(text: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.kind is Kind.PERSON]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("사랑하는 병용에게", "병용"),
        ("사랑하는 의석에게 이 편지를 쓴다", "의석"),
        ("그리운 하늘이에게", "하늘"),
        ("보고 싶은 청빈아, 잘 있니", "청빈"),
        ("보고싶은   우리 가람에게", "가람"),
    ],
)
def test_the_addressee_is_found(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "사랑하는 아들에게",
        "사랑하는 전사들에게",
        "사랑하는 여러분께",
        "보고싶은 동생이에게",
        "사랑하는 조국에게",
        "존경하는 선생님께",
        "소중한 친구에게",
        "사랑하는 사람에게 편지를 쓴다",
    ],
)
def test_kin_and_generic_addressees_are_not_names(text: str) -> None:
    assert _people(text) == []


def test_hostile_text_is_harmless() -> None:
    text = "사랑하는 " * 2000 + "에게" + "야" * 5000
    assert all(0 <= f.start < f.end <= len(text) for f in detect(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [("동생 상에게 안부를 전한다", "상"), ("누나 희를 만났다", "희"), ("동생 숙에게 편지를 쓴다", "숙")],
)
def test_a_one_syllable_name_after_a_kinship_word_takes_any_particle(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize("text", ["동생 집에 갔다", "동생 몫을 남겼다", "언니 옷을 입었다", "오빠 차를 탔다"])
def test_a_thing_after_a_kinship_word_is_not_a_name(text: str) -> None:
    assert _people(text) == []
