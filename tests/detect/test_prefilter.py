"""relay.detect.prefilter: a pattern is only skipped on a text where it has no match."""

from __future__ import annotations

import re

import pytest

from relay.detect import load_rules
from relay.detect.prefilter import may_match, needs


@pytest.mark.parametrize(
    ("pattern", "hit", "miss"),
    [
        (r"(?<![0-9])(?:음력\s?)?\d{1,2}월\s?보름", "음력 8월 보름날", "8월 15일"),
        (r"(?:그 ?믐|보 ?름)날?", "그 믐날 밤", "그날 밤"),
        (r"(?:제\s?)?\d+\s?(?:군단|사단)", "제 5 군단", "5 군데"),
    ],
)
def test_needs_reads_required_strings(pattern: str, hit: str, miss: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    need = needs(regex)
    assert need, "a pattern with Hangul words to find needs them"
    assert regex.search(hit) and may_match(need, hit)
    assert not regex.search(miss) and not may_match(need, miss)


@pytest.mark.parametrize(
    "pattern",
    [
        r"kakao\s?\w+",  # letters with case under IGNORECASE: K, k and the Kelvin sign all match
        r"\d{3}\d{4}",  # \d takes other scripts' digits too
        r"(\w)\1",  # a backreference
        r".+",
        r"(?:a|)",
    ],
)
def test_needs_nothing_it_cannot_read(pattern: str) -> None:
    assert needs(re.compile(pattern, re.IGNORECASE)) == ()


def test_configured_patterns_never_skipped_where_they_match() -> None:
    texts = [
        "1990년 3월 5일 음력 보름 제5군단 123사단 010-1234-5678 평양시 중구역 3동 12반",
        "카톡 아이디 kim1990 이메일 kim@example.com 주체 78년 그믐날 밤에 강을 건넜다",
        "KAKAO ID: Kim_1990, 인민반 3반, 우편번호 12345, 군번 제 123456호",
    ]
    for rule in load_rules().patterns:
        need = needs(rule.regex)
        for text in texts:
            if rule.regex.search(text):
                assert may_match(need, text), rule.id
