"""Dates named relative to the letter, account numbers before their cue and numbered units with their
nicknames: gaps a sixth outside writer's letters showed (table outside6). New sentences of the same
shapes, and look-alikes that must stay unflagged."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _found(text: str, kind: Kind) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("지난 7월에 처음 교회에 왔어요", "지난 7월"),
        ("지난 칠월에 처음 교회에 왔어요", "지난 칠월"),
        ("이번 10월에 결혼합니다", "이번 10월"),
        ("다음 달 20일에 다시 찍어 보낼게", "다음 달 20일"),
        ("담달 이십일에 또 보내께", "담달 이십일"),
        ("성탄절 지나고 12월 셋째 주에 모였어요", "12월 셋째 주"),
    ],
)
def test_relative_dates_are_found(text: str, date: str) -> None:
    assert date in _found(text, Kind.DATE)


@pytest.mark.parametrize(
    "text",
    ["지난 3개월 동안 힘들었다", "이번 주에 보자", "다음 달에 만나자", "지난달은 추웠다", "둘째 주에 보자"],
)
def test_relative_time_without_a_day_is_not_a_date(text: str) -> None:
    assert not _found(text, Kind.DATE)


def test_an_account_number_before_its_cue_is_found_without_the_cue() -> None:
    text = "후원은 302-1184-5521-07 계좌로 해 주세요"
    assert _found(text, Kind.ID_NUMBER) == ["302-1184-5521-07"]


def test_a_numbered_unit_takes_its_nickname() -> None:
    text = "나는 제7보병사단 칠성부대에서 복무했소"
    assert "제7보병사단 칠성부대" in _found(text, Kind.UNIT)


def test_a_count_of_units_is_no_unit_nickname() -> None:
    assert not _found("여러 부대가 모였다", Kind.UNIT)
