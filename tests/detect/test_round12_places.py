"""Round 12, places, addresses and units: spoken unit numbers of one syllable, a type word after a
spoken ordinal, a force and its unit across a speaker's fillers, the branch said after a unit; foreign
cities split by the spacing, a place's bare stem said again, workers' districts with a spaced suffix,
quarters right after their town, numbered road names and estate blocks split by OCR."""

from __future__ import annotations

import pytest

from relay.detect import detect


def _found(text: str, kinds: tuple[str, ...]) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.kind.value in kinds]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("오빠는 팔 군단에 있었다고 들었어", "팔 군단"),
        ("우리 삼촌은 제 오 포병여단에서 복무했다", "제 오 포병여단"),
        ("형은 국경경비대 음 이십칠 여단에 있었다", "국경경비대 음 이십칠 여단"),
        ("삼촌은 육 군단 포병이었어", "육 군단 포병"),
    ],
)
def test_spoken_units(text: str, want: str) -> None:
    assert want in _found(text, ("unit",))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("그해 봄 훈 춘 에서 잡혔다", "훈 춘"),
        ("나는 어 연사 그 연사군에서 컸어", "연사"),
        ("우리 집은 부평구 산곡동 어 산곡에 있어", "산곡"),
        ("고향은 경성군 상온포 로동자구 그 상온포", "상온포"),
        ("허천군 상농 로동 자 구 에서 살았다", "상농 로동 자 구"),
        ("나는 포항 장량에서 일해", "장량"),
    ],
)
def test_places(text: str, want: str) -> None:
    assert want in _found(text, ("place", "address"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("주소는 파주시 운정 3로 41번길 12 입니다", "파주시 운정 3로 41번길 12"),
        ("평택시 고덕동 햇살마을 7단 지 에 산다", "평택시 고덕동 햇살마을 7단 지"),
        ("평택시 고덕동 햇살마을 7단 지에 산다", "평택시 고덕동 햇살마을 7단 지"),
    ],
)
def test_addresses(text: str, want: str) -> None:
    assert want in _found(text, ("address",))


@pytest.mark.parametrize(
    "text",
    [
        "그 사단이 나서 다들 놀랐다",
        "이 사단 얘기는 그만하자",
        "저 길 로 가면 된다",
        "어머니가 9로 나누라고 하셨다",
        "외국인 노동자 구인 광고를 봤다",
        "그 일 로 한참 웃었다",
        "오 년 동안 기다렸다",
        "구 년 만에 만났다",
        "칠 대대로 내려온 집안이다",
        "한 번 에 다 했다",
    ],
)
def test_benign_stays_unflagged(text: str) -> None:
    assert not detect(text)
