"""Organisations a workplace or attendance cue follows ("X에 다녔다", "X에서 일한다")."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("누나는 새별종합상점에 다녔다.", "새별종합상점"),
        ("형은 오랫동안 봄빛식료공장에 다녔다.", "봄빛식료공장"),
    ],
)
def test_a_doubtful_stem_before_a_suffix_and_an_attendance_cue_is_redacted(
    rules: Rules, text: str, org: str
) -> None:
    assert ("org", "redact", org) in spans(text, rules, "org")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("지금은 무지개 물류에서 일한다.", "무지개 물류"),
        ("누나는 은하수 학원에서 일한다.", "은하수 학원"),
        ("형은 소나무 식당에 다닌다.", "소나무 식당"),
    ],
)
def test_a_name_written_apart_from_its_ending_before_a_workplace_cue(
    rules: Rules, text: str, org: str
) -> None:
    assert covered(text, org, rules, "org")


@pytest.mark.parametrize(
    "text",
    [
        "우리 공장에서 일했다.",
        "큰 공장에서 일했다.",
        "동네 식당에서 일했다.",
        "그 식당에서 일했다.",
        "아버지는 평생 탄광에서 일하셨다.",
        "요즘 학원에 다닌다.",
        "그는큰기계공장에서 일했다.",
    ],
)
def test_everyday_words_before_a_workplace_are_no_names(rules: Rules, text: str) -> None:
    assert [s for s in spans(text, rules, "org") if s[1] == "redact" or s[0] != "org"] == []
    assert not any(
        "공장" in t or "식당" in t or "탄광" in t or "학원" in t
        for _, sev, t in spans(text, rules, "org")
        if sev == "review" and "큰" not in text
    )
