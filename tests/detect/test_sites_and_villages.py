"""A coal mine or mine named by a word that is also a noun, or glued to the words after it, and a
village Kiwi reads as "not" and two nouns before a word of farming there: found on printed letters."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _found(text: str, kind: Kind) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("나는 평양의학대학을 졸업하고 포장탄광에서 일했어.", "포장탄광"),
        ("포장탄광 굴뚝이 보였다", "포장탄광"),
        ("아버지가 일하던 중촌탄광굴뚝이 보이던 집이었다.", "중촌탄광"),
        ("재철아버지가 일하던중촌탄광굴뚝이 보이던집이었다.", "중촌탄광"),
    ],
)
def test_a_mine_named_by_an_everyday_word_or_glued_on_is_found(text: str, org: str) -> None:
    assert org in _found(text, Kind.ORG)


@pytest.mark.parametrize("text", ["석탄광산에서 일했다", "석탄광산에서일했다", "우리 고향 탄광에서 일했다"])
def test_what_is_mined_is_no_mines_name(text: str) -> None:
    assert _found(text, Kind.ORG) == []


def test_a_village_read_as_not_and_two_nouns_before_farming_there_is_flagged() -> None:
    assert "안령리" in _found("안령리에서 농사짓던 집 막내였어.", Kind.PLACE)


@pytest.mark.parametrize("text", ["이 자리에서 일한다", "요양병동에서 일했다", "우리 동네에서 자랐다"])
def test_everyday_places_of_work_are_no_villages(text: str) -> None:
    assert _found(text, Kind.PLACE) == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("청주 성모병원 영양실 에서 밥한다 .", "청주 성모병원"),
        ("우리 처는 청진 성모병원 간호사다", "청진 성모병원"),
        ("아버지는 혜산 목재공장에서 일했다", "혜산 목재공장"),
    ],
)
def test_an_institution_named_after_the_town_written_before_it_is_found_whole(text: str, org: str) -> None:
    assert org in _found(text, Kind.ORG)


@pytest.mark.parametrize(
    "text", ["평양 시내 병원에 갔다", "서울 가는 길에 병원에 들렀다", "평양 시민들이 모였다"]
)
def test_a_town_before_other_words_makes_no_institution(text: str) -> None:
    assert _found(text, Kind.ORG) == []


def test_a_town_with_its_particle_before_a_word_ending_like_a_temple_is_no_institution() -> None:
    assert _found("호주는 계절이 우리랑 반대라서 12월이 한여름이야.", Kind.ORG) == []
