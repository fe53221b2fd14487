"""Cases found while merging round 12's rules: everyday words that the new ones read as names or
organisations, and a name that one of them stretched. Sentences are invented."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind


def _kinds(text: str) -> set[Kind]:
    return {f.kind for f in detect(text)}


@pytest.mark.parametrize(
    "text",
    [
        "보고싶다동생아 편지 자주 써라",  # 동생: one jamo from the group ending 동행
        "밥 한끼나누며 옛날 이야기를 하자.",  # 나누: one jamo from 나눔
        "오늘도 당신을 위해 함께 기도합니다",  # 함께 is an adverb, not a given syllable and 께
        "한국말이 어려워서 천천히 씁니다",  # 한국말이 어: one syllable off 한국타이어
    ],
)
def test_everyday_words_stay_unflagged(text: str) -> None:
    assert detect(text) == ()


def test_group_endings_still_found_when_glued() -> None:
    assert Kind.ORG in _kinds("편지는 푸른동행 사무실로 보내 주세요")


def test_listed_firm_still_found() -> None:
    assert Kind.ORG in _kinds("아버지는 한국타이어 공장에서 일하신다")


def test_spaced_korean_name_is_not_stretched_over_the_copula() -> None:
    text = "우리 반에 리 순 벼이라는 아이가 있었다"
    spans = [text[f.start : f.end] for f in detect(text) if f.kind is Kind.PERSON]
    assert spans == ["리 순 벼"]


def test_foreign_name_keeps_its_final_i() -> None:
    text = "솜차이라는 아저씨가 길을 알려 줬다"
    spans = [text[f.start : f.end] for f in detect(text) if f.kind is Kind.PERSON]
    assert spans == ["솜차이"]
