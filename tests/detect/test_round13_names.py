"""Name classes the round-13 outside writers (parents, comrades and in-laws writing by hand) showed
missing: a name with a masked syllable written one syllable apart by OCR ("남 편 송 철 □ 은"), and a
nickname written so ("너 를 멍 멍 이 라 고 불 렀 지", "별 명 이 깜 돌 이 였 다"). The sentences are new
ones of the same shapes (other names, cues and masks); the everyday words OCR masked the same way
must stay unflagged."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a kinship word, a rank or a role before it, and a particle or the clause's end after it
        ("큰 아 들 문 □ 식 이 는 공 장 에 다 닌 다 .", "문 □ 식"),
        ("외 삼 촌 황 보 □ 은 몸 이 약 하 다 .", "황 보 □"),
        ("대 대 장 권 □ 만 대 좌 는 엄 했 다 .", "권 □ 만"),
        ("같 이 탄 광 에 서 일 하 던 윤 상 □ 는 잘 있 니 ?", "윤 상 □"),
        ("군 의 관 노 □ 태 는 친 절 했 다 .", "노 □ 태"),
        # the speaker naming themself, a copula closing the name
        ("형 님 께 . 나 는 탱 크 를 몰 던 서 □ 민 이 다 .", "서 □ 민"),
        ("그 때 통 역 은 구 진 □ 이 었 다 .", "구 진 □"),
        # OCR damaged the other syllable too, after a kinship word
        ("시 아 버 지 홍 뀩 □ 님 은 건 강 하 시 다 .", "홍 뀩 □"),
        # a nickname written one syllable apart
        ("어 릴 적 에 우 린 너 를 꼬 북 이 라 고 불 렀 다 .", "꼬 북 이"),
        ("동 생 을 다 들 복 실 이 라 고 불 렀 지 .", "복 실 이"),
        ("순 철 이 는 별 명 이 벼 락 돌 이 였 다 .", "벼 락 돌 이"),
    ],
)
def test_round13_name_is_found(text: str, name: str) -> None:
    assert covers(text, name, Kind.PERSON), found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # a syllable of an everyday word OCR could not read, after a particle or an adverb
        "할 머 니 는 요 즘 밥 □ 잘 먹 는 다 .",
        "학 교 에 서 □ 은 일 이 많 았 다 .",
        "아 빠 는 늘 기 □ 한 다 .",
        "걱 정 □ 이 다 .",
        "부 디 몸 조 심 하 거 □ .",
        # what a thing or a people is called, or a kinship word to call the writer by
        "남 쪽 에 서 는 이 런 사 람 을 새 터 민 이 라 고 부 른 다 .",
        "너 를 형 이 라 고 불 러 라 .",
        "나 를 누 나 라 고 불 렀 다 .",
    ],
)
def test_round13_no_name(text: str) -> None:
    assert found(text, Kind.PERSON) == [], found(text, Kind.PERSON)
