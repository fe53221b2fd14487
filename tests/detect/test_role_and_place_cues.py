"""A full name after a rank or post whose pieces Kiwi reads as everyday words, and a division named
after "the place where …" that Kiwi reads, with its copula, as a verb."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _spans(text: str, kind: Kind) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("우리 분대장 설정봄은 아직 광성협동농장 마을에 사신다.", "설정봄"),  # 설정 + 봄 to Kiwi
        ("분대장 설정봄은 말했다", "설정봄"),
        ("우리 소대장 정대원은 집에 갔다", "정대원"),
    ],
)
def test_a_full_name_after_a_rank_is_found(text: str, name: str) -> None:
    assert name in _spans(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "소대장 한명이 왔다",
        "중대장 선생님은 엄하셨다",
        "분대장 신분증을 잃어버렸다",
        "소대장 정신교육을 받았다",
        "분대장 전투복을 빨았다",
        "소대장 이야기를 들었다",
        "분대장 자신도 몰랐다",
        "대장 내시경을 받았다",
        "병사 가족들은 걱정한다",
        "군관 학교를 나왔다",
        "그 포로라도 밥은 준다며",  # a prisoner is what one is, not a post over others
        "책 한 권이라도 손에 쥐고 있어라.",  # 한 before a title says who, yet is no rank
    ],
)
def test_what_follows_a_rank_is_not_always_a_name(text: str) -> None:
    assert _spans(text, Kind.PERSON) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("누나 기근이 시집간 곳이 석령동이었지.", "석령동"),  # 동이다 (to tie) to Kiwi
        ("내가 살던 곳은 석령동이다", "석령동"),
        ("고향은 샛별리였다", "샛별리"),
    ],
)
def test_a_division_named_as_the_place_is_found(text: str, place: str) -> None:
    assert place in _spans(text, Kind.PLACE)


@pytest.mark.parametrize(
    "text",
    [
        "그 곳은 정말 아름다웠다",
        "좋은 곳이 많다",
        "사는 곳이 어디였지",
        "아픈 곳이 없다",
        "갈 곳이 없었다",
        "고향은 좋은곳이었지",
        "내가 일하는 곳은 작은 식당이다",
        "다친 곳이 있으면 꼭 치료를 받으세요.",
        "이곳은 여름이면 밤이 거의 없다.",
        "고향 생각이나면 나는 하늘을 본다.",  # 면 ends a verb here, not a township
        "우리 고향 여름엔개구리 소리 엄청 시끄러웠잖아요.",
    ],
)
def test_a_place_word_before_an_everyday_word_is_no_place(text: str) -> None:
    assert _spans(text, Kind.PLACE) == []
