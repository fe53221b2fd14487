"""Risky topics: flagged for review, never redacted, inflected forms and spacing included."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import spans

FOUND = [
    ("브로커를 통해 강을 건너 왔다.", "브로커"),
    ("브로커를 통해 강을 건너 왔다.", "강을 건너"),
    ("돈은 송금으로 보냈다.", "송금"),
    ("네가 포로가 되었다는 소식을 들었다.", "포로"),
    ("경비대원에게 붙잡혔다.", "붙잡혔"),
    ("국경을  넘 었다", "국경을  넘"),  # spacing noise
]


@pytest.mark.parametrize(("text", "phrase"), FOUND)
def test_topics_are_flagged_for_review(rules: Rules, text: str, phrase: str) -> None:
    topics = spans(text, rules, "topic")
    assert any(phrase.replace(" ", "") in covered.replace(" ", "") for _, _, covered in topics)
    assert all(severity == "review" for _, severity, _ in topics)


@pytest.mark.parametrize("text", ["오늘은 날씨가 좋다.", "강가를 따라 자전거를 탄다.", "잡채가 맛있다."])
def test_no_topic_in_everyday_sentences(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind.value == "topic"] == []
