"""Cues OCR glued to the detail they point at: a home town after 고향, a two-syllable surname after a
kinship word, a given name before the kinship word that calls the reader; and a city that ends in a
syllable that is also a title (평양: 양, "Miss")."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind, Severity


def _found(text: str, kind: Kind) -> list[tuple[str, Severity]]:
    return [(text[f.start : f.end], f.severity) for f in detect(text) if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("고향강계를 그리며, 주민선", "강계"),
        ("고향청진을 그리며 이 편지를 쓴다", "청진"),
        ("고향혜산이 그립다", "혜산"),
        ("우리고향혜산을 떠난 지 오래다", "혜산"),
        ("고향회령을 생각하며", "회령"),
    ],
)
def test_a_town_glued_after_home_is_redacted(text: str, place: str) -> None:
    assert (place, Severity.REDACT) in _found(text, Kind.PLACE)


@pytest.mark.parametrize(
    "text",
    [
        "고향사람들을 만났다",
        "고향마을이 그립다",
        "고향집에 가고 싶다",
        "고향땅을 밟고 싶다",
        "고향하늘을 본다",
        "고향소식을 들었다",
        "고향생각이 난다",
    ],
)
def test_everyday_words_after_home_are_no_places(text: str) -> None:
    assert list(detect(text)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("아빠망절태석은아직 집에 계신다", "망절태석"),
        ("아빠선우태석은아직 집에 계신다", "선우태석"),
        ("형님사공태석은어제 떠났다", "사공태석"),
        ("언니선우은영이가보낸 편지", "선우은영"),
        ("누나남궁보람은요 잘 있어요", "남궁보람"),  # a listed given name that is also a word
    ],
)
def test_a_two_syllable_surname_glued_after_kin_keeps_both_given_syllables(text: str, name: str) -> None:
    assert (name, Severity.REDACT) in _found(text, Kind.PERSON)


def test_an_everyday_word_after_a_two_syllable_surname_is_no_given_name() -> None:
    # 동방 + 예의 (courtesy): the word goes on (예의지국), and 예의 is no listed given name.
    assert "동방예의" not in [span for span, _ in _found("아빠동방예의지국을 배웠다", Kind.PERSON)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("의삼동무,꼭살아서 만나자.", "의삼"),
        ("상권동생, 잘 있나?", "상권"),
    ],
)
def test_a_name_glued_to_the_kinship_word_that_calls_the_reader_is_reviewed(text: str, name: str) -> None:
    found = _found(text, Kind.PERSON)
    assert any(span == name for span, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "우리동생, 잘 있니?",
        "막내동생, 잘 있니?",
        "고향동무, 잘 있나?",
        "사랑하는동생, 잘 있니?",
        "귀한동생, 보아라",
        "친구동생, 안녕",
        "학교동무, 보고싶다",
    ],
)
def test_words_that_say_which_kin_are_no_names(text: str) -> None:
    assert _found(text, Kind.PERSON) == []


def test_a_city_ending_in_a_title_syllable_is_no_name() -> None:
    found = detect("고향평양을 그리며")
    assert [("고향평양을 그리며"[f.start : f.end], f.kind) for f in found] == [("평양", Kind.PLACE)]


def test_a_name_before_the_title_yang_is_still_a_name() -> None:
    assert ("김영희", Severity.REDACT) in _found("김영희양에게 보낸다", Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("아들영호와 함께 산다", "영호"),  # 영 + 호 (zero, a counter) to Kiwi, glued to the kinship word
        ("아들영호는 학교에 간다", "영호"),
        ("동생 만호가 왔다", "만호"),
        ("만호 아버지가 일하던 소동농장 굴뚝이 보이던 집이었다.", "만호"),  # a child's name, then a teknonym
        ("만명 아버지가 일하던 의주련합기업소", "만명"),
    ],
)
def test_a_name_kiwi_reads_as_a_number_and_counter_is_found_in_a_kinship_slot(text: str, name: str) -> None:
    assert name in [span for span, _ in _found(text, Kind.PERSON)]


@pytest.mark.parametrize(
    "text",
    [
        "아들 둘과 함께 산다",
        "딸 세명과 함께 왔다",
        "아들셋과 함께 산다",
        "아들한명이 있다",
        "딸둘이 있다",
        "한번 아버지가 말씀하셨다",  # 번 is a counter of times: an amount, not a name
        "만원 아버지가 주셨다",
        "일년 엄마가 없었다",
    ],
)
def test_counted_kin_are_no_names(text: str) -> None:
    assert _found(text, Kind.PERSON) == []


def test_a_name_glued_to_the_kinship_word_before_together_is_reviewed() -> None:
    assert ("별아", Severity.REVIEW) in _found("남편 련봉택과 딸별아와 함께 경기도에 산다.", Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "아들부부와 함께 산다",
        "딸내외와 함께 왔다",
        "아들손자와 함께 왔다",
        "엄마아빠와 함께 살았다",
        "아들며느리와 함께 산다",
        "아들친구와 함께 놀았다",
        "딸아이와 함께 산다",
        "남편과딸과 함께 왔다",  # 과 joins two kinship words
        "딸가족과 함께 산다",
        "언젠가 형제님과 함께 예배드릴 날을 기다립니다.",  # 형 + 제님: a word that starts like kin
    ],
)
def test_kin_glued_to_kin_or_a_group_is_no_name(text: str) -> None:
    assert _found(text, Kind.PERSON) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("우리 우민 형은 아직 림평리에 사신다.", "우민"),  # 우민 is also a noun Kiwi knows
        ("우민 형은 아직 림평리에 사신다.", "우민"),
        ("우리 진용 언니는 아직 대봉동에 사신다.", "진용"),
    ],
)
def test_a_name_that_is_a_noun_before_an_elder_siblings_word_is_reviewed(text: str, name: str) -> None:
    assert (name, Severity.REVIEW) in _found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "우리 교회 언니는 친절하다",
        "우리 동네 형은 착하다",
        "우리 고향 오빠가 왔다",
        "우리 회사 누나는 바쁘다",
        "우리 사촌 형은 군인이다",
        "우리 친구 언니가 왔다",
        "우리 옆집 누나는 간호사다",
        "우리 시장 언니가 웃었다",
        "우리 막내 오빠가 왔다",
        "우리 둘째 언니는 서울에 있다",
        "우리 팀 형들은 좋다",
    ],
)
def test_a_word_that_says_which_elder_is_no_name(text: str) -> None:
    assert _found(text, Kind.PERSON) == []


@pytest.mark.parametrize("text", ["사랑하는 누나 별이가", "너를 걱정하는 누나 별이가.", "보고싶은 형 꽃이가"])
def test_a_letter_signed_with_a_one_syllable_name_and_the_friendly_i_is_reviewed(text: str) -> None:
    name = text.split()[-1].rstrip(".")[:-1]
    assert (name, Severity.REVIEW) in _found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "엄마 눈이가 아프다",
        "형 돈이가 없다",
        "엄마 길이가 길다",
        "아빠 높이는 얼마야",
    ],  # dialect, words with 이
)
def test_a_noun_with_a_doubled_particle_mid_sentence_is_no_name(text: str) -> None:
    assert _found(text, Kind.PERSON) == []


def test_a_full_name_split_after_a_syllable_read_as_a_particle_before_a_title_is_reviewed() -> None:
    text = "도움이 필요하면 서울대학교에 있는 계가 금 선생님을 찾아라."  # 계 + 가 (subject) + 금
    assert ("계가 금", Severity.REVIEW) in _found(text, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "제가 꼭 선생님을 만나겠습니다",
        "내가 또 선생님께 말했다",
        "그가 곧 선생님을 불렀다",
        "누가 왜 선생님을",
    ],
)
def test_a_pronoun_and_an_adverb_before_a_title_are_no_split_name(text: str) -> None:
    assert _found(text, Kind.PERSON) == []
