"""Names in slots found on printed letters that leaked: the writer signing after a kinship word at the
letter's end, a given name set apart syllable by syllable and called, an introduction closed the way
friends write it, a name opening a run of words glued to a teknonym, and a listed name split off the
subject of a birth."""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind, Severity


def _people(text: str) -> list[tuple[str, Severity, str]]:
    return [(text[f.start : f.end], f.severity, f.rule) for f in detect(text) if f.kind is Kind.PERSON]


def _covered(text: str, name: str) -> Severity | None:
    """The strongest severity of the person findings covering every character of ``name``."""
    at = text.index(name)
    found = [f for f in detect(text) if f.kind is Kind.PERSON and f.start <= at and f.end >= at + len(name)]
    if not found:
        return None
    return Severity.REDACT if any(f.severity is Severity.REDACT for f in found) else Severity.REVIEW


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("그럼 이만 줄인다.\n2025년 1월 3일, 너를 걱정하는 누나 봄은이", "봄은"),
        ("오늘은 이만 줄인다.\n경성군 출신 형 하진달래", "하진달래"),
        ("몸 건강히 잘 있어라.\n사랑하는 언니 다솜이가", "다솜"),
        ("꼭 살아서 만나자.\n너를 기다리는 오빠 새봄", "새봄"),
    ],
)
def test_the_name_signing_a_letter_after_a_kinship_word_is_flagged(text: str, name: str) -> None:
    assert _covered(text, name) is not None


@pytest.mark.parametrize(
    "text",
    [
        "보고 싶다.\n사랑하는 엄마 아빠",
        "몸 건강해라.\n너의 형 드림",
        "모두 잘 있다.\n우리 가족 모두",
        "이 사진을 보내 준다.\n사랑하는 아들 사진",
        # not the last word of the letter: no signature
        "경성군 출신 형 하진달래 꽃을 좋아했지. 그럼 안녕",
    ],
)
def test_other_words_after_a_kinship_word_are_no_signature(text: str) -> None:
    assert not [p for p in _people(text) if p[2] == "person.kin_signed"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("청 섭 아, 너는 혼자가 아니다.", "청 섭"),
        ("잘 있었니. 김 청 섭 아! 보고 싶다", "김 청 섭"),
        ("민 혁 야, 밥은 잘 먹니?", "민 혁"),
    ],
)
def test_a_given_name_set_apart_and_called_is_redacted(text: str, name: str) -> None:
    assert _covered(text, name) is Severity.REDACT


@pytest.mark.parametrize(
    "text",
    [
        *("자 아, 이제 시작하자", "그 래 야, 알았지", "아 아, 그렇구나", "해 야, 떠라"),
        *("아 가 야, 밥은 먹었냐", "조 카 야, 큰아버지다"),
    ],
)
def test_syllables_before_a_call_that_are_no_name_are_left(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("나는 신계에서 나서 자란 천 이 슬 이라고 해.", "천 이 슬"),
        ("저는 김 하 윤 이라고 하지.", "김 하 윤"),
    ],
)
def test_a_spaced_name_introduced_the_way_friends_write_is_redacted(text: str, name: str) -> None:
    assert _covered(text, name) is Severity.REDACT


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("혁환아버지가일하던소파종합상점 굴뚝이 보이던 집이었다.", "혁환"),
        ("광혁어머니가팔던국수가 생각난다.", "광혁"),
    ],
)
def test_a_name_opening_a_glued_run_before_a_teknonym_is_redacted(text: str, name: str) -> None:
    assert _covered(text, name) is Severity.REDACT


@pytest.mark.parametrize(
    "text",
    ["평소엄마가하던말이 생각난다", "대신아버지가일하러 갔다", "덕분엄마가많이웃었다", "오늘아버지가오셨다"],
)
def test_everyday_words_glued_before_a_parent_are_no_names(text: str) -> None:
    assert _people(text) == []


def test_a_listed_name_split_off_the_subject_of_a_birth_is_flagged() -> None:
    text = "막내 빛 나가 2002년10월 25일에 태어났을 때 온 동네가 기뻐했다."
    assert _covered(text, "빛 나") is Severity.REVIEW


def test_the_signature_after_a_kinship_word_ocr_glued_to_the_word_before_is_flagged() -> None:
    text = "오늘은 이만 줄인다.\n경성군출신형 하진달래"
    assert _covered(text, "하진달래") is not None
    # A word Kiwi knows that merely ends in a kinship syllable (모형: model) is no kinship word.
    assert not [p for p in _people("이건 새로 산 모형 비행기") if p[2] == "person.kin_signed"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("우리 선학 삼촌은 아직 장흥에 사신다.", "선학"), ("선학 삼촌이 보고 싶다.", "선학")],
)
def test_a_name_before_an_uncle_is_flagged(text: str, name: str) -> None:
    assert _covered(text, name) is not None


@pytest.mark.parametrize(
    "text", ["우리 막내 삼촌은 아직", "우리 작은 삼촌은 잘 있다", "우리 시골 삼촌이 웃었다"]
)
def test_words_that_say_which_uncle_are_no_names(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize("text", ["고향 라선 선봉을 그리며, 우선주", "고향라선 선봉을그리며,우선주"])
def test_a_signature_that_is_also_a_long_everyday_noun_is_redacted(text: str) -> None:
    assert _covered(text, "우선주") is Severity.REDACT


def test_a_long_everyday_noun_inside_a_sentence_is_still_no_name() -> None:
    assert _people("성가대에서 노래를 불렀다") == []


@pytest.mark.parametrize("text", ["사랑하는 누나 이", "형 가", "누나 이가", "형 봄이", "오빠 ㅋ", "누나 A이"])
def test_a_short_or_odd_last_word_after_a_kinship_word_is_handled(text: str) -> None:
    assert not [p for p in _people(text) if p[2] == "person.kin_signed" and len(p[0]) < 2]


@pytest.mark.parametrize(
    ("text", "name"),
    [("보고 싶은 동생 석명에게", "석명"), ("석명아, 엄마 생각하며 꼭 버텨라.", "석명")],
)
def test_a_name_that_reads_as_an_old_count_is_a_name(text: str, name: str) -> None:
    # 석 counts months and measures (석 달, 석 자); three people are 세 명, so 석명 is no amount.
    assert _covered(text, name) is not None


@pytest.mark.parametrize(
    "text", ["석 달 동안 기다렸다", "석달이 지났다", "쌀 서 말을 샀다", "넉 자 길이의 천"]
)
def test_old_counts_of_months_and_measures_are_no_names(text: str) -> None:
    assert _people(text) == []


def test_a_listed_name_that_is_also_a_stop_word_signs_after_a_glued_kinship_word() -> None:
    text = "건강하세요.\n6월 6일, 너를걱정하는형 하늘이"
    assert _covered(text, "하늘") is Severity.REVIEW


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("사랑하는 아들 같은 효관 에게\n잘 지내니", "효관"),  # OCR set the particle apart
        ("너를 생각하며 이 편지를 쓴다.\n진달래 올림", "진달래"),  # a flower that names girls
        ("너를 생각하며 이 편지를 쓴다.\n진달래올림", "진달래"),
    ],
)
def test_salutations_and_signatures_found_on_printed_pages(text: str, name: str) -> None:
    assert _covered(text, name) is not None


@pytest.mark.parametrize(
    "text", ["사랑하는 우리 가족 에게", "보고 싶은 친구 에게", "진달래가 피었다", "봄이면 진달래꽃이 핀다"]
)
def test_generic_addressees_and_flowers_in_sentences_are_no_names(text: str) -> None:
    assert _people(text) == []
