"""Person names: full names, given names with cues, introductions, closings, OCR and spacing damage."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans

FOUND = [
    ("사랑하는 아들 철민아, 엄마는 잘 있다.", "철민"),
    ("동생 순희는 올해 시집을 갔단다.", "순희"),
    ("리영호 동무에게 이 편지를 보냅니다.", "리영호"),
    ("리영흐 동무에게 이 편지를 보냅니다.", "리영흐"),  # OCR: 호 -> 흐
    ("리 영호 동무에게", "리 영호"),  # a space inserted inside the name
    ("김철민 중위는 우리 아들의 소대장이었다.", "김철민"),
    ("어머니 박순옥 드림", "박순옥"),
    ("저는 최은정입니다.", "최은정"),
    ("제 이름은 한명수라고 합니다.", "한명수"),
    ("영호에게\n잘 지내고 있니?", "영호"),
    ("사랑하는철수야잘지내니", "철수"),  # OCR dropped every space
    ("남궁민호라는 사람이 연락을 해 왔다.", "남궁민호"),  # two-syllable surname
    ("우리 아빠남궁태석은아직 살아 계신다.", "남궁태석"),  # both given syllables, the rest glued on
    ("장은혜 올림", "장은혜"),  # the given name is also a word (은혜)
    ("김경희가 너의 안부를 물었다.", "김경희"),  # no cue: a full name Kiwi knows
    ("영남이는 잘 지낸다.", "영남"),
    ("보내는 사람: 박옥희", "박옥희"),
    ("하정우 대위에게 물어봐라.", "하정우"),
]

NOT_PERSON = [
    "정말 고마워.",
    "이것은 신발이다.",
    "김치를 담그면서 네 생각을 했다.",
    "한강에 산책을 갔다.",
    "이 영화 봤니?",
    "친구야 잘 있니?",
    "저는 학생입니다.",
    "사랑하는 내 아들아, 보고 싶다.",
    "엄마 드림",
    "여기서는 원하는 일을 할 수 있다.",
    "이십 년 전 일이 어제 같다.",
    "수천 번 너를 불렀다.",
    "김정은 정권은 오래가지 못한다.",  # a public figure, not the writer's family
    "이웃집 아주머니가반찬을 나눠 주셨다.",
    "조국을 위해 싸웠다고 해도 너는 우리 아들이다.",
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_names_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person")


@pytest.mark.parametrize("text", NOT_PERSON)
def test_everyday_words_are_not_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


def test_cue_words_are_not_part_of_the_name(rules: Rules) -> None:
    found = spans("사랑하는 아들 철민아, 밥은 먹었니?", rules, "person")
    assert found == [("person", "redact", "철민")]


def test_a_bare_lookalike_is_at_most_reviewed(rules: Rules) -> None:
    # A surname and name syllables with no cue and nothing Kiwi knows: never silently redacted as
    # certain, and never dropped when it scores as a name.
    for _, severity, _ in spans("박순옥을 만났다.", rules, "person"):
        assert severity in ("review", "redact")
