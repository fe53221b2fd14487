"""Risky topics: flagged for review, never redacted, inflected forms and spacing included."""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.detect.lexicon import inflected
from relay.detect.topics import SENTENCE_REACH, sentence_around

from .conftest import covered, spans

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


# A topic finding covers the statement, not just the phrase that gave it away.
SENTENCES = [
    # (text, the sentence that must be covered, text that must stay outside)
    (
        "잘 지내니? 그래서 중국에 있는 브로커에게 돈을 보내 주었다. 오늘은 비가 온다.",
        "그래서 중국에 있는 브로커에게 돈을 보내 주었다.",
        ["잘 지내니?", "오늘은 비가 온다."],
    ),
    (
        "밥은 잘 먹니. 우리는 중국 공안을 피해 라오스로 넘어갔다! 그 뒤로는 편했다.",
        "우리는 중국 공안을 피해 라오스로 넘어갔다!",
        ["밥은 잘 먹니.", "그 뒤로는 편했다."],
    ),
    (  # spacing lost by OCR, the sentence still ends at its full stop
        "건강해라.우리는브로커를통해 어렵게왔다.엄마가",
        "우리는브로커를통해 어렵게왔다.",
        ["건강해라.", "엄마가"],
    ),
]


@pytest.mark.parametrize(("text", "sentence", "outside"), SENTENCES)
def test_a_topic_finding_covers_its_whole_sentence(
    rules: Rules, text: str, sentence: str, outside: list[str]
) -> None:
    assert covered(text, sentence, rules, "topic")
    topics = [f for f in detect(text, rules) if f.kind.value == "topic"]
    assert topics and all(f.severity.value == "review" for f in topics)
    for other in outside:
        start = text.index(other)
        assert not any(f.start < start + len(other) and f.end > start for f in topics), other


def test_without_punctuation_the_reach_is_bounded_and_stops_between_words(rules: Rules) -> None:
    before = "오늘 아침에 밥을 먹고 학교에 가서 친구들과 놀았다 " * 3
    after = " 그리고 저녁에는 숙제를 하고 일찍 잠을 잤다" * 3
    text = before + "브로커에게 돈을 보냈다" + after
    topics = [f for f in detect(text, rules) if f.kind.value == "topic"]
    assert len(topics) == 1
    f = topics[0]
    assert f.start >= text.index("브로커") - SENTENCE_REACH
    assert f.end <= text.index("보냈다") + len("보냈다") + SENTENCE_REACH
    assert f.start > 0 and f.end < len(text)  # the letter is long; the finding is not all of it
    # Whole words: the finding starts and ends at a word boundary.
    assert text[f.start - 1].isspace() and not text[f.start].isspace()
    assert text[f.end].isspace() and not text[f.end - 1].isspace()


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("브로커", (0, 3), (0, 3)),  # nothing around it
        ("...브로커...", (3, 6), (3, 7)),  # the phrase between sentence ends keeps its own full stop
        ("  브로커  ", (2, 5), (2, 5)),  # spaces are not part of the sentence
        ("가. 나 브로커 다. 라", (5, 8), (3, 11)),
    ],
)
def test_sentence_around_edges(text: str, span: tuple[int, int], expected: tuple[int, int]) -> None:
    assert sentence_around(text, *span) == expected
    lo, hi = sentence_around(text, *span)
    assert lo <= span[0] and hi >= span[1]


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("네가 포로가 된 것은 부끄러운 일이 아니다.", "포로가 되"),  # 되 + ㄴ
        ("그는 체포된 뒤에 풀려났다.", "체포되"),
        ("하마터면 북송될 뻔했다.", "북송되"),  # 되 + ㄹ
        ("결국 포로가 됐다고 들었다.", "포로가 되"),  # 되 + 었, the vowel contracted
        ("매달 생활비를 보낸다.", "생활비를 보내"),  # 내 + ㄴ
        ("내일 돈을 보냅니다.", "돈을 보내"),  # 내 + ㅂ
        ("다음 달에 한국으로 갈 거야.", "한국으로 가"),  # 가 + ㄹ
    ],
)
def test_endings_fused_into_a_stem_still_match(rules: Rules, text: str, stem: str) -> None:
    assert spans(text, rules, "topic"), (text, stem)


def test_fused_spellings_are_made_only_for_long_open_stems() -> None:
    assert inflected("포로가되")[:2] == ["포로가된", "포로가될"]
    assert "포로가됐" in inflected("포로가되")
    assert inflected("탈북") == []  # two syllables: too short to vary safely
    assert inflected("국경을넘") == []  # closed last syllable: endings follow it, they do not fuse
    assert inflected("abc") == [] and inflected("") == []


def test_a_stem_whose_fused_forms_are_everyday_words_is_not_varied(rules: Rules) -> None:
    # 온 ("whole") and 올 ("this", 올해) are words of their own: the writer's own arrival in Korea or
    # "this year" must not read as a defection topic through "한국에 오".
    assert inflected("한국에오") == []
    assert spans("한국에 온 뒤로 몸무게가 늘었다.", rules, "topic") == []
    assert spans("한국에 올해 처음 눈이 왔다.", rules, "topic") == []


@pytest.mark.parametrize(
    "text",
    [
        "북으로 돌려보내지면 어떻게 되는지 우리는 다 안다.",
        "중국에서 숨어 지내다가 한국에 왔다.",
        "나는 송환을 거부했다.",
    ],
)
def test_repatriation_and_hiding_are_topics(rules: Rules, text: str) -> None:
    assert spans(text, rules, "topic")


@pytest.mark.parametrize("text", ["책을 돌려보내지 마라.", "친구 집에 숨바꼭질하러 갔다."])
def test_everyday_sending_back_and_hiding_are_not(rules: Rules, text: str) -> None:
    assert spans(text, rules, "topic") == []
