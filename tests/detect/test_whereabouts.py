"""relay.detect.whereabouts: the subject of a clause saying where someone is or lives, and the one
who lives somewhere ("X에 사는 Y")."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import spans


def redacted(text: str, name: str, rules: Rules) -> bool:
    """Every character of ``name`` is inside a redact person finding."""
    start = text.index(name)
    hit: set[int] = set()
    for _, sev, found in spans(text, rules, "person"):
        if sev == "redact":
            at = text.find(found)
            hit.update(range(at, at + len(found)))
    return all(i in hit for i in range(start, start + len(name)))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A name one OCR confusion from an everyday word (보연 ~ 보련), but the subject of "lives there".
        ("보연이 요즘도 회령에 사는지 궁금하다.", "보연"),
        ("도원이는 아직 혜산에 있을까?", "도원"),
        ("혹시 태준이는 아직 혜산에 있을까?", "태준"),
        ("순금이가 지금은 청주에 산다고 들었다.", "순금"),
    ],
)
def test_a_name_shaped_subject_of_whereabouts_is_redacted(rules: Rules, text: str, name: str) -> None:
    assert redacted(text, name, rules)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("도 원 이 요즘도 회령에 사는지 궁금하다.", "도 원"),  # split into syllables by OCR
        ("태 준이는 아직 혜산에 있을까?", "태 준"),
    ],
)
def test_a_subject_split_by_ocr_is_reviewed(rules: Rules, text: str, name: str) -> None:
    assert ("person", "review", name) in spans(text, rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "우리 학교는 아직 시내에 있다.",
        "마음은 늘 고향에 있다.",
        "그 애가 지금 서울에 산다.",
        "동생이 지금도 청진에 있는지 모르겠다.",
        "생각이 자꾸 고향에 가 있다.",
        "오빠 가게가 아직 그 골목에 있을까?",
        "사진은 서랍에 있다.",
        "예전 집이 시장 근처에 있었다.",
        "문제가 거기에 있는지 모르겠다.",
    ],
)
def test_everyday_subjects_of_whereabouts_are_no_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


def test_the_one_living_in_a_place_is_flagged(rules: Rules) -> None:
    # An everyday word there (전복, "abalone") may be a name: review; a name-shaped word: redact.
    assert ("person", "review", "전복") in spans("광주에 사는 전복도 우리 동네 출신이다.", rules, "person")
    # The friendly 이 before a particle is redacted with the name (echoes.widen_names).
    assert ("person", "redact", "보연이") in spans("대구에 사는 보연이는 잘 지낸다.", rules, "person")


@pytest.mark.parametrize(
    "text",
    [
        "서울에 사는 동안 많이 배웠다.",
        "부산에 사는 친구가 전화했다.",
        "시골에 사는 재미가 있다.",
        "평양에 살던 시절이 그립다.",
        "여기에 사는 사람들은 친절하다.",
        "거기에 사는 것이 힘들다.",
        "한국에 사는 탈북민이 많다.",
        "그곳에 사는 동물들이 많다.",
        "서울에 사는 누나와 형이 왔다.",
    ],
)
def test_who_lives_somewhere_is_not_always_a_name(rules: Rules, text: str) -> None:
    assert [s for s in spans(text, rules, "person") if s[1] == "redact" or "사는" not in text] == []
    assert not any(
        t in ("동안", "친구", "재미", "시절", "사람들", "것이", "탈북민", "동물들")
        for _, _, t in spans(text, rules, "person")
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [("보배가 지금도 회령에 있는지 모르겠다.", "보배"), ("구슬이 아직도 혜산에 사는지 궁금하다.", "구슬")],
)
def test_an_everyday_word_wondered_after_is_reviewed(rules: Rules, text: str, name: str) -> None:
    # Names are words too: wondering where X is asks after a person far more often than a thing.
    assert ("person", "review", name) in spans(text, rules, "person")
