"""relay.detect: US states (bare or with 주) and more US cities are places. A state whose bare name
reads as everyday words (메인, 네바다) counts only with 주, Michigan not at all (시간 주), and the explorer
of an idiom (콜럼버스의 달걀) is no city."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import one_covers


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("큰아버지는 미시간주 앤아버에서 식당을 하셔.", "앤아버"),
        ("이모는 네바다주 라스베이거스 호텔에서 일해요.", "네바다주"),
        ("사촌 형이 테네시 내슈빌로 이사 갔대.", "내슈빌"),
        ("고모네 가족은 메인주 시골에 산다.", "메인주"),
        ("조카는 노스캐롤라이나에서 대학을 다녀요.", "노스캐롤라이나"),
    ],
)
def test_a_us_state_or_city_is_a_place(text: str, name: str, rules: Rules) -> None:
    assert one_covers(text, name, Kind.PLACE, None)


@pytest.mark.parametrize(
    "text",
    [
        "메인 요리는 불고기였어요.",
        "그건 콜럼버스의 달걀 같은 이야기지.",
        "네 바다를 보고 싶다.",
        "이 시간을 잘 견디렴.",
        "하루 여덟 시간 주 오일 일해요.",
    ],
)
def test_everyday_words_stay_clean(text: str, rules: Rules) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.PLACE]
