"""Congregations named with everyday words (사랑교회, 하나로교회): flagged for review, not passed over."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind, Severity


def _orgs(text: str) -> list[tuple[str, Severity]]:
    return [(text[f.start : f.end], f.severity) for f in detect(text) if f.kind is Kind.ORG]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("은혜교회 청년부에서 만났다", "은혜교회"),
        ("소망성당 신부님이 도와주셨다", "소망성당"),
        ("사랑교회가 좋다", "사랑교회"),
    ],
)
def test_an_everyday_stem_glued_to_a_church_ending_is_flagged(text: str, name: str) -> None:
    found = _orgs(text)
    # The church's own group after it (청년부) goes with the church: the finding begins with its name.
    named = [(span, severity) for span, severity in found if span == name or span.startswith(name + " ")]
    assert named, found
    assert all(severity is Severity.REVIEW for _, severity in named)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("나는 사랑교회에 다닌다", "사랑교회"),
        ("명절에는 외롭다. 하나로교회에 다니며 공부를 한다", "하나로교회"),
        ("명절에는 외롭다. 하나로교회에 다니며공부를 한다", "하나로교회"),
        ("누리교회 사장님이 잘 대해 준다", "누리교회"),
    ],
)
def test_a_church_the_writer_attends_is_redacted(text: str, name: str) -> None:
    # A workplace or attendance cue after it ("에 다니", " 사장님") says which church the writer goes to.
    found = _orgs(text)
    assert (name, Severity.REDACT) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "우리교회에 간다",  # which church, not its name
        "일요일마다교회에 간다",  # a phrase whose space OCR lost
        "열심히교회에 다닌다",  # an adverb
        "좋은교회에 다닌다",  # an adjective
        "그교회는 크다",
        "교회에 다닌다",
        "동네교회 목사님",
    ],
)
def test_phrases_that_name_no_church_are_not_orgs(text: str) -> None:
    assert _orgs(text) == []
