"""A distinctive division suffix inside a word whose spaces OCR lost: the place before it is flagged."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind, Severity


def _places(text: str) -> list[tuple[str, Severity]]:
    return [(text[f.start : f.end], f.severity) for f in detect(text) if f.kind is Kind.PLACE]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("경복궁을 나와봉담읍으로 왔다.", "봉담읍"),
        ("경복궁을 나와봉담읍으로왔다.", "봉담읍"),  # the rest of the sentence glued on after the particle
        ("그래서향남읍에서 왔다", "향남읍"),
        ("학교를마치고온성로동자구로 갔다", "온성로동자구"),
    ],
)
def test_the_glued_place_is_inside_a_review_finding(text: str, place: str) -> None:
    found = _places(text)
    assert any(place in span and severity is Severity.REVIEW for span, severity in found), found


@pytest.mark.parametrize(
    "text",
    [
        "읍내에 갔다",
        "그는 읍사무소에서 일한다",
        "다시읍으로 간다",
        "읍읍읍읍읍에",
        "우리집은도읍지에서가깝다",
    ],
)
def test_words_that_only_contain_the_suffix_are_not_places(text: str) -> None:
    assert [s for s, sev in _places(text) if sev is Severity.REVIEW and "읍" in s] == []


@pytest.mark.parametrize(
    ("text", "parent", "child"),
    [
        ("함남 부전, 자성, 그리고황북은파까지 걸어서 다녔다.", "황북", "은파"),  # alias, stem
        ("나는그때평북운전군에 있었다", "평북", "운전군"),  # the county's full name
        ("어머니는량강도삼수에서 오셨다", "량강도", "삼수"),
        ("황 북 은 파 까 지 걸 어 서 갔 다", "황 북", "은 파"),  # letter-spaced: the joined reading
    ],
)
def test_a_division_glued_to_its_own_descendant_is_found_inside_any_word(
    text: str, parent: str, child: str
) -> None:
    found = [span for span, severity in _places(text) if severity is Severity.REDACT]
    assert parent in found and child in found, found


@pytest.mark.parametrize(
    "text",
    [
        "황북은 멀다",  # a province alone, then a particle: no descendant glued to it
        "그리고황북에서 왔다",
        "강원은파도가 좋다",  # 은파 is a county of 황해북도, not of 강원도
    ],
)
def test_no_descendant_is_made_up_from_what_follows_a_division(text: str) -> None:
    assert "glued_kin" not in " ".join(f.rule for f in detect(text)), text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("락덕동에서 농사짓던 집 막내였어.\n우리 락덕동앞산에는 진달래가 참 많이 폈다.", "락덕동"),
        ("무산군에서 왔다. 무산군사람들은 착하다", "무산군"),
    ],
)
def test_a_place_found_once_is_redacted_again_glued_to_a_position_or_tail(text: str, place: str) -> None:
    second = text.rindex(place)
    found = [f for f in detect(text) if f.kind is Kind.PLACE and f.severity is Severity.REDACT]
    assert any(f.start <= second and second + len(place) <= f.end for f in found), found


def test_a_place_found_once_is_not_echoed_inside_another_word() -> None:
    text = "락덕동에서 왔다. 대락덕동물원에 갔다"
    second = text.rindex("락덕동")
    assert not any(f.start <= second < f.end for f in detect(text) if f.kind is Kind.PLACE)
