"""Name classes found missing by two more outside writers (tables outside8 and outside9), and the
everyday words the name rules took for names there. The sentences are new ones of the same shapes."""

from __future__ import annotations

import pytest

from relay.detect import Rules
from relay.model import Kind

from .conftest import covered, found


def _people(text: str) -> list[str]:
    return found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a quoted nickname after 별명, running into a copula
        ("동생 별명 '다람쥐'였잖아, 기억나?", "다람쥐"),
        ('네 별명은 "꼬마대장"이었다.', "꼬마대장"),
        ("그 형 별명이 너구리였던 거 알지", "너구리"),
        # a quoted word before a word for a person (OCR may split it), or "라는" and one
        ("우리 소대 '호랑이' 소대장 기억나냐", "호랑이"),
        ("우리 소대 '호랑 이' 소대장 기억나냐", "호랑 이"),
        ("'번개'라는 안내원이 산길을 알려줬다.", "번개"),
        ("심양에서 곰보라는 브로커를 만났다", "곰보"),
        # the speaker saying who they are after a clause ending in 던
        ("오빠, 나 그 시장에서 같이 국수 팔던 '깨순이'.", "깨순이"),
        ("나 압록강에서 같이 헤엄치던 경호.", "경호"),
        # chat: 나 + a name + tears or laughter in jamo
        ("ㅎㅇ 나 소연ㅋㅋ", "소연"),
        # an interjection calling out a bare name
        ("어이 기철, 잘 지내나?", "기철"),
        ("야 민혁, 내 말 들려?", "민혁"),
        # one syllable called out at the end of a sentence, after a comma
        ("몸 성히 있거라, 혁아.", "혁"),
        # a one-syllable name called the friendly way before a teknonym, after a comma or, in a
        # transcript, after a sentence's ending
        ("나야, 숙이 엄마.", "숙"),
        ("나는 잘 있다 숙이 엄마도 잘 있다", "숙"),
        ("몸 성히 있어라 혁아", "혁"),
        # called out, then who is speaking
        ("명철아 이모다", "명철"),
        ("순아 큰어머니란다", "순"),
        # a kinship word, then the speaker's own name, or the other way round
        ("영수야, 형 기철이다.", "기철"),
        ("철민아 이거 봐라 니 고모다 혜순", "혜순"),
        # chat: "it's me" and the name, or 나 + name + copula with the sentence going on
        ("저예요 미영.", "미영"),
        ("언니안녕ㅋㅋ나 수진이야 엄마가 언니얘기 맨날해", "수진"),
        # a North Korean surname that Kiwi reads as the particle of the word before
        ("서기 로은별은 청진 사람이다.", "로은별"),
        ("반장 류광철이 대답했다.", "류광철"),
        # a Western given name before a Korean surname, the sentence going on in Korean
        ("제 영어 이름은 Sarah Kim이에요.", "Sarah Kim"),
        ("Daniel Lee 씨가 도와줬어요.", "Daniel Lee"),
    ],
)
def test_names_in_new_shapes_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person"), (text, _people(text))


@pytest.mark.parametrize(
    "text",
    [
        # an everyday word after a kinship word: the kin's leg, talk, hands
        "아빠 다리가 많이 아프대.",
        "엄마 얘기는 나중에 하자.",
        "누나 손이 차가웠다.",
        # the letter's last line saying something, not a signature
        "답장 기다릴게\n기다림",
        "그럼 이만\n안녕히 계세요.",
        # a possessive and an everyday word before a kinship word
        "아이고 내 새끼 할머니가 왔다",
        # religious and folk words
        "부처님의 가피가 있기를.",
        "주님의 평강이 가득하기를.",
        "어머니는 정화수를 떠놓고 빌었다.",
        # 라는 before a thing, and what a thing is called
        "'희망이'라는 화분을 키운다.",
        "이것을 사랑이라 합니다.",
        # a verb after a comma, and the writer's own 나
        "그래, 자야.",
        "알았어, 나야.",
        "그래 나야",
        "밥 먹었다 자야",
        "교실 화분에 아이들이 '사랑이'라고 이름을 붙였어요.",
        "누나 최고야.",
        "나 지금이야 빨리 와",
        "나 혼자야 지금",
        "나야 엄마.",
        "엄마 생일이야.",
        # a quoted song after a 던-form, with its particle
        "우리가 부르던 '아리랑'을 기억하니?",
        # a verb's adnominal form and a bound noun: how sentences end, not a split name
        "내가 데리러 갈 거야.",
        "야 나다 ㅋㅋ 알지?",
        # English words shaped like romanised syllables
        "Let It Go를 같이 불렀지.",
        # a place after 나는/저는 is where one is from
        "나는 평양 병원 의사였다.",
    ],
)
def test_everyday_words_are_not_names(text: str) -> None:
    assert not _people(text), (text, _people(text))


def test_a_place_after_the_writer_is_no_split_name() -> None:
    text = "어이, 나 부산에서 택시 몬다."
    assert "나 부산" not in _people(text)
    assert not any(person.startswith("나") for person in _people(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("누나 라은은 시집갔다.", "라은"),  # a name Kiwi does not know as one word, after a kinship word
        ("삼촌 김 대성이 올 거야.", "김 대성"),  # a split name whose given part is also a place's name
    ],
)
def test_split_and_unknown_names_after_kinship_words_still_count(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person"), (text, _people(text))


def test_a_kinship_word_before_a_name_with_the_friendly_i_still_counts(rules: Rules) -> None:
    # The everyday-word guard leaves names called the friendly way: 수정 is a word, 수정이가 a name.
    assert covered("동생 수정이가 학교에 갔다.", "수정", rules, "person")
