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
