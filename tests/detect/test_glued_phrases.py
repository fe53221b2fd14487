"""Words glued onto a place by lost spaces are not part of it: an address chain or an unknown-suffix
place does not take "그리고온성군" whole, and a near miss of a place is not the place plus the first
syllable of the next word ("회령시 집에서"). A full name glued to the next word after its particle
("살던 변금철을아니?") is still found after a verb's adnominal form."""

from __future__ import annotations

import pytest

from relay.detect import Rules

from .conftest import covered, spans


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("회령시,무산군,그리고온성군까지 다녔다.", "온성군"),
        ("청진시 수남구역,그래서경성군으로 갔다.", "경성군"),
    ],
)
def test_a_phrase_glued_before_a_place_is_not_taken(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place")
    glued = text[text.index(place) - 3 : text.index(place)]
    assert not any(glued in t for _, _, t in spans(text, rules))


@pytest.mark.parametrize(
    ("text", "place", "word"),
    [("함북 회령시 집에서 왔다.", "회령시", "회령시 집"), ("청진시 집에서 살았다.", "청진시", "청진시 집")],
)
def test_a_place_found_exactly_takes_no_syllable_of_the_next_word(
    rules: Rules, text: str, place: str, word: str
) -> None:
    found = [t for _, _, t in spans(text, rules, "place")]
    assert covered(text, place, rules, "place") and not any(word in t for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "평양시 중구역 대동문동 12반에 산다.",
        "서울시 강남구 역삼동 123-4",
        "함경북도 청진시 수남구역 포항동 7반",
    ],
)
def test_whole_addresses_still_chain(rules: Rules, text: str) -> None:
    assert covered(text, text.rstrip(".").removesuffix("에 산다"), rules, "address")


@pytest.mark.parametrize(
    ("text", "name"), [("옆집에 살던 변금철을아니?", "변금철"), ("그때 만난 국선일을봤다.", "국선일")]
)
def test_a_full_name_glued_to_the_next_word_after_an_adnominal(rules: Rules, text: str, name: str) -> None:
    assert ("person", "redact", name) in spans(text, rules, "person")


@pytest.mark.parametrize("text", ["전에 살던 동네를가보니 좋았다.", "내가 좋아하던 김치찌개를먹었다."])
def test_everyday_words_glued_after_an_adnominal_are_no_names(rules: Rules, text: str) -> None:
    assert spans(text, rules, "person") == []


@pytest.mark.parametrize(
    "text", ["사진을 보여 주시면 좋겠다.", "그 여 주시면 고맙겠다.", "답장을 보내 주시오."]
)
def test_a_place_name_across_two_words_that_are_a_verb_is_no_place(rules: Rules, text: str) -> None:
    assert spans(text, rules, "place") == []


@pytest.mark.parametrize(
    ("text", "place"), [("경기도 여 주시에 산다.", "여 주시"), ("양강도 혜 산시에서 왔다.", "혜 산시")]
)
def test_a_place_split_by_ocr_is_still_found(rules: Rules, text: str, place: str) -> None:
    assert covered(text, place, rules, "place")


def test_a_numeral_syllable_inside_a_word_does_not_make_an_address_redacted(rules: Rules) -> None:
    # 이 in 설날이면 is no spoken number: the chain from a doubtful place stays a review.
    found = [(sev, t) for _, sev, t in spans("고향 방천리, 설날이면 생각난다.", rules, "address")]
    assert all(sev == "review" for sev, _ in found)
    assert ("redact", "평양시 중구역 대동문동 백이십이동") in [
        (sev, t) for _, sev, t in spans("평양시 중구역 대동문동 백이십이동", rules, "address")
    ]
