"""Round 14 names: names written so the rules did not see them, in typed, OCR-damaged and spoken letters.

- a syllable typed letter by letter in the jamo people type ("나 ㅇ ㅕ ㄴ 희", "ㅂ ㅕ ㄹ님"), composed back
  into the syllable while laughter and tears (ㅋㅋ, ㅠㅠ) stay as they are;
- a given name said, then said again with the surname in front ("나 다은이 권다은", "나 해 솔 . 방 해 솔");
- a question mark standing for a syllable the writer did not know or OCR could not read ("막 내 권 ? 석
  동 무", "남 편 배 ? 호 는"), and a masked name after a one-syllable kinship word or "it's me".
"""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.detect.normalize import clean
from relay.model import Kind

from .conftest import found, one_covers


@pytest.mark.parametrize(
    ("typed", "composed"),
    [
        ("나 ㅇ ㅕ ㄴ 희", "나 연 희"),
        ("ㅂㅕㄹ님께", "별님께"),
        ("ㅈ ㅜ ㄴ ㅅ ㅓ ㄱ 이", "준 석 이"),
        ("ㅎ ㅏ ㄴ ㅏ", "하 나"),  # ㄴ before a vowel starts the next syllable
    ],
)
def test_jamo_typed_letter_by_letter_are_composed(typed: str, composed: str) -> None:
    view = clean(typed)
    assert view.text == composed
    assert view.span(0, len(view.text)) == (0, len(typed))


@pytest.mark.parametrize("text", ["ㅋㅋ ㅠㅠ", "ㅎㅎㅜㅜ", "ㅋㅋㅠ", "ㅇㅋ ㅇㅇ"])
def test_laughter_and_tears_stay_jamo(text: str) -> None:
    assert not any("가" <= ch <= "힣" for ch in clean(text).text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("상 민 이 에 게 나 박 ㅇ ㅕ ㄴ 희 다", "박 ㅇ ㅕ ㄴ 희"),
        ("아 바 이 손 ㄷ ㅓ ㄱ 만 이 는 탄 광 에 서 일 하 엿 소", "손 ㄷ ㅓ ㄱ 만"),
    ],
)
def test_name_typed_in_jamo_is_found(text: str, name: str) -> None:
    assert one_covers(text, name, Kind.PERSON, None)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("야 성진아 나 다은이 권다은 기억하지", ("다은", "권다은")),
        ("경 호 야 , 나 해 솔 . 방 해 솔", ("해 솔", "방 해 솔")),
        ("준 기 야 나 수 아 이 야 . 임 수 아", ("임 수 아",)),
        ("어 민서야 언니야 예린 언니 조예린", ("조예린",)),
        ("태호야 나 진우 형 황진우다", ("황진우",)),
        ("철수야 나 보람이 전 보람", ("전 보람",)),
    ],
)
def test_given_name_said_again_with_the_surname(text: str, names: tuple[str, ...]) -> None:
    for name in names:
        assert one_covers(text, name, Kind.PERSON, None), name


@pytest.mark.parametrize(
    "text",
    [
        "나 오늘 바빠. 오늘 저녁에 전화할게",
        "하루 하루 조금씩 나아지고 있어요.",
        "정말 정말 보고 싶다. 정말로",
        "우 리 는 우 리 대 로 잘 살 아 요 .",
        "그날 그날 일하고 먹고 살았다.",
    ],
)
def test_word_said_twice_is_no_name(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("우 리 소 대 장 은 배 성 ? 동 무 였 다 .", "배 성 ?"),
        ("남 편 권 ? 호 는 탄 광 에 다 녓 소 .", "권 ? 호"),
        ("아 들 문 진? 은 군 대 에 갓 소 .", "문 진?"),
        ("시 집 간 딸 조 □ 숙 이 가 혜 산 에 산 다", "조 □ 숙"),
        ("은 혁 아 언 니 다 , 윤 ? 희", "윤 ? 희"),
    ],
)
def test_question_mark_for_a_syllable_of_a_name(text: str, name: str) -> None:
    assert one_covers(text, name, Kind.PERSON, None)


@pytest.mark.parametrize(
    "text",
    [
        "엄 마 이 거 ? 이 거 뭐 야",
        "잘 지 내 ? 나 는 잘 있 어 .",
        "아 들 아 밥 은 ? 먹 었 니 ?",
        "김 치 ? 그 건 다 먹 었 다 .",
        "진 짜 ? 정 말 ? 거 짓 말 이 지 ?",
    ],
)
def test_question_mark_in_a_question_is_no_name(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("형 봉 재 철 은 탄 광 에 다 녓 소", "봉 재 철"),
        ("어 머 니 옥 순 희 는 장 마 당 에 서 일 햇 소", "옥 순 희"),
    ],
)
def test_rarer_surname_spaced_after_a_kinship_word(text: str, name: str) -> None:
    assert one_covers(text, name, Kind.PERSON, None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("김 영 철 너 어디 있냐", "김 영 철"),
        ("박 성 훈 너 는 꼭 살 아 서 와 라 .", "박 성 훈"),
    ],
)
def test_spaced_full_name_called_before_you(text: str, name: str) -> None:
    assert one_covers(text, name, Kind.PERSON, None)


@pytest.mark.parametrize("text", ["한 번 너 해 봐", "이 번 에 너 는 꼭 와", "정 말 너 는 몰 라"])
def test_spaced_words_before_you_are_no_name(text: str) -> None:
    assert not found(text, Kind.PERSON)


def test_this_and_a_word_said_again_is_no_name() -> None:
    # 이 사람 is "this person", though 사람 … 이사람 has the shape of a name said again with its surname.
    assert not detect("사람 이 사람 을 미워 하는 건 쉽고 용서 하는 건 어렵 다 ."), "이 사람"


@pytest.mark.parametrize(
    "text", ["한 사람 한 사람 다 소중하다", "한 글자 한 글자 꾹꾹 눌러 썼다", "한 순간 한 순간이 아깝다"]
)
def test_one_by_one_is_no_name_said_again(text: str) -> None:
    assert not [f for f in detect(text) if f.rule == "person.repeated_with_surname"], text
