"""Round 10, video-message transcripts (outside51): speech recognition runs a determiner into the noun
after it ("이영상", "그사진"), and a surname syllable then starts what looks like a full name. Kiwi reads
the run as 이/그/저 and an everyday noun, which no name is; real names of the same shape stay found.
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import found


@pytest.mark.parametrize(
    "text",
    [
        "아빠가 이영상 찍느라 두 시간이나 걸렸어",
        "이영상을 보면 꼭 웃어 줘",
        "그사진 아직도 내 지갑에 있다",
        "이편지 받으면 답장은 못 해도 괜찮아",
        "저건물 기억나니 우리 자주 가던 데",
    ],
)
def test_determiner_run_into_a_noun_is_no_name(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("이 영상은 조민수가 만들었어요", "조민수"),
        ("나는 방학철이라고 합니다 반갑습니다", "방학철"),
        ("이영숙 선생님이 안부 전해 달래", "이영숙"),
    ],
)
def test_names_of_the_same_shape_stay_found(text: str, name: str) -> None:
    assert name in found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("우리 집은 반송로 삼백이십일에 있어요", "반송로 삼백이십일"),
        ("가게가 충장대로 오십칠이고 일층이야", "충장대로 오십칠"),
        ("회사는 테헤란로 백오에 있는데", "테헤란로 백오"),
    ],
)
def test_a_road_address_read_out_with_place_values(text: str, address: str) -> None:
    assert address in found(text, Kind.ADDRESS)


@pytest.mark.parametrize(
    "text",
    [
        "바다로 이십일에 놀러 가자",
        "그쪽으로 십일 가면 된대",
        "학교로 삼십 분이면 가",
        "시장으로 오백 원 들고 갔지",
    ],
)
def test_a_count_after_the_particle_ro_is_no_address(text: str) -> None:
    assert not found(text, Kind.ADDRESS)
