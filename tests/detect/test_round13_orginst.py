"""Round 13: institutions in a stretch spaced syllable by syllable (relay/detect/spaced_orgs.py), with
invented sentences:

- a place, a few syllables of name and an institution's ending, all set apart (schools, hospitals,
  mines and their numbered pits, a children's union camp), with OCR's l for the 1 of 제1;
- the place read from the town, not from a particle before it;

and spaced sentences of the same shape that must stay unflagged: a town, then a particle or a verb
before a school or hospital word, and a university word inside a longer one (대학생).
"""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found, one_covers


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("우 리 아 들 은 회 령 제 1 고 급 중 학 교 를 나 왔 다 .", "회 령 제 1 고 급 중 학 교"),
        ("나 는 길 주 제 l 중 학 교 에 다 녔 다 .", "길 주 제 l 중 학 교"),
        ("어 머 니 는 온 성 군 인 민 병 원 의 사 였 다 .", "온 성 군 인 민 병 원"),
        ("형 은 청 진 의 학 전 문 학 교 를 졸 업 했 다 .", "청 진 의 학 전 문 학 교"),
        ("삼 촌 은 아 오 지 탄 광 제 3 갱 에 서 일 했 다 .", "아 오 지 탄 광 제 3 갱"),
        ("여 름 마 다 송 도 원 소 년 단 야 영 소 에 갔 었 지 .", "송 도 원 소 년 단 야 영 소"),
        ("딸 은 지 금 부 산 보 건 대 학 교 에 다 녀 요 .", "부 산 보 건 대 학 교"),
    ],
)
def test_letter_spaced_institution_is_one_org(text: str, detail: str) -> None:
    assert one_covers(text, detail, Kind.ORG), found(text)


def test_place_is_read_after_a_particle() -> None:
    # "동 생 이" is the subject and its particle; the hospital is named by 천안, not by 이천.
    text = "동 생 이 천 안 중 앙 병 원 에 있 어 요 ."
    assert one_covers(text, "천 안 중 앙 병 원", Kind.ORG), found(text)
    assert not covers(text, "이", Kind.ORG)


@pytest.mark.parametrize(
    "text",
    [
        "서 울 에 서 학 교 를 다 녀 요 .",
        "평 양 에 가 서 병 원 에 들 렀 다 .",
        "청 진 은 추 워 서 학 교 가 멀 었 다 .",
        "나 는 원 래 대 학 생 이 었 어 .",
    ],
)
def test_town_then_particle_or_verb_is_no_org(text: str) -> None:
    assert not found(text, Kind.ORG), found(text)
