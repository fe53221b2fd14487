"""Name classes the round-12 outside writers (outside59, 60, 62) showed missing: full names split by
the spacing anywhere after a role, a kinship word, the speaker or a describing clause; names partly
masked with blocks or circles; full names whose last syllable is also a particle after a kinship word;
foreign names before (이)라는 and a word for a worker or a nationality; and the given name that opens
a letter ("X 이 보아라"). The sentences are new ones of the same shapes (other names, places,
numbers); the look-alikes beside them must stay unflagged."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a full name split anywhere, after a role, a describing clause or the speaker
        ("검열관 하 동 수 는 밤새 나를 세워 두었다 .", "하 동 수"),
        ("같이 일한 엄 태 식 이도 포로 였다 .", "엄 태 식"),
        ("나는 목포 에서 배 모는 서명 구 입니다", "서명 구"),
        # masked syllables
        ("보위원 곽□수 가 나를 불렀다", "곽□수"),
        ("막내딸 한■미 는 잘 있다", "한■미"),
        ("마누라방■순 이 보고 싶다", "방■순"),
        ("조서에는 최○○ 씨의 이름만 남았다", "최○○"),
        # a last syllable that is also a particle
        ("아내 편숙야는 식당에서 일해요", "편숙야"),
        ("니 할아버지 방덕만 이 살아 계시나", "방덕만"),
        # foreign names before (이)라는 and a worker or a nationality
        ("식당에 아흐마드라는 직원이 있어", "아흐마드"),
        ("거기 같은 방에 솜바이라는 라오스 아저씨가 있었어요", "솜바이"),
        # the given name opening a letter
        ("태 준 이 보아라 . 할미가 쓴다 .", "태 준"),
    ],
)
def test_round12_name_is_found(text: str, name: str) -> None:
    assert covers(text, name, Kind.PERSON), found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "아버지 가 오늘 일찍 오셨다",
        "어제 만난 친구 는 좋았다",
        "우리 집 에서 한 사람 이 왔다",
        "할머니 가 떡 을 만드 셨다",
        "누나 가 기다 린다 꼭 살아 와라",
        "이모 부 나이 쉰 아홉 .",
        "세 명이 함께 일한다.",
        "■ 참고 사항",
        "엄마 생각만 나",
        "형 친구도 왔다",
        "여기 보아라.",
        "모두 에게 .",
        "행복이라는 직원 교육",
        "정직이라는 직원의 덕목",
        "늙은 동 무 밥 은 먹었 느냐",
    ],
)
def test_round12_look_alike_is_not_a_name(text: str) -> None:
    assert found(text, Kind.PERSON) == []
