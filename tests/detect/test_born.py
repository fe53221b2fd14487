"""The named subject of a birth is flagged for review."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _people(text: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.kind is Kind.PERSON]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("하늘이21.07.1981에 태어났을 때 온 동네가 기뻐했다.", "하늘"),
        ("경민은 평양에서 출생했다.", "경민"),
        ("가람이가 1999년 봄에 태어났다", "가람"),
    ],
)
def test_the_subject_of_a_birth_is_found(text: str, name: str) -> None:
    assert any(name in found for found in _people(text)), _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "나는 1990년에 태어났다.",
        "우리 아이가 태어났을 때",
        "동생은 2001년에 태어났다",
        "그녀는 청진에서 태어났다",
        "사람들은 모두 태어난 곳을 그리워한다",
        "봄이 오면 새싹이 태어난다",
        "그는 말했다. 태어났다",
    ],
)
def test_pronouns_kin_and_generic_subjects_are_not_names(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("막내 하 늘이 21.07.1981에 태어났을 때 온 동네가 기뻐했다.", "하 늘"),
        ("누나 은 지가 1990년에 태어났다.", "은 지"),
    ],
)
def test_a_subject_ocr_split_after_its_first_syllable_is_flagged(text: str, name: str) -> None:
    found = [text[f.start : f.end] for f in detect(text) if f.kind.value == "person"]
    assert any(name in span for span in found), found


@pytest.mark.parametrize(
    "text", ["그 애가 태어났을 때 기뻤다.", "첫 아이가 태어났다.", "내 딸이 태어났다.", "새 생명이 태어났다."]
)
def test_a_determiner_before_a_generic_subject_is_not_a_name(text: str) -> None:
    assert [f for f in detect(text) if f.kind.value == "person"] == []
