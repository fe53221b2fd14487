"""Name classes found missing in the eleventh and twelfth outside writers' letters (tables outside11
and outside12), and everyday words in the same frames that must stay unflagged. The sentences are new
ones of the same shapes."""

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
        # a Western given name with a Korean surname, in Cyrillic, Latin or Hangul
        ("저는 알마티에 사는 고려인 Ирина Цой, 한국 이름은 최은주예요.", "Ирина Цой"),
        ("러시아 서류에는 Пак Сергей로 적혀 있어요.", "Пак Сергей"),
        ("Hello, 나는 Daniel Lee, 시카고에 살아요.", "Daniel Lee"),
        ("나는 카자흐스탄에서 온 고려인 니콜라이 박입니다.", "니콜라이 박"),
        ("할머니는 고려인 김 스베틀라나예요.", "김 스베틀라나"),
        # a Latin or Cyrillic name before an honorific or before (이)라는 and a word for a person
        ("담당 기자 Anna Kovalenko 씨가 연락할 거예요.", "Anna Kovalenko"),
        ("Taras라는 자원봉사자 친구가 도와줬어.", "Taras"),
        # a Japanese name: a surname in characters, a given name in kana
        ("외할아버지 田中ハルオ 명의로 된 집이에요.", "田中ハルオ"),
        # a name after a label in another language
        ("제 일본 이름은 가네다 하루코예요.", "가네다 하루코"),
        ("세례명은 안드레아입니다.", "안드레아"),
        ("스님의 법명은 혜공이고, 속명은 라철진이에요.", "혜공"),
        ("어릴 적 이름은 복실이였지.", "복실이"),
        # 나 + a full name + a copula, then more in a transcript with no punctuation
        ("나 봉은별이야 청진에서 같이 학교 다니던 은별이", "봉은별"),
        # a label and a name glued in a chat, or a name said to be three letters
        ("누나이름방소연이고서울살아", "방소연"),
        ("네 이름 추 영 길 석 자를 잊은 적 없다", "추 영 길"),
        # a nickname after a label, the copula apart in dialect
        ("어릴 때 이름이 곰돌이 였지비", "곰돌이"),
        # someone the writer was with, then asked about
        ("혹시 청진에 살던명순옥을아니?", "명순옥"),
        ("혹시 같이 일하던 편창호를 기억하니?", "편창호"),
        # a name called at the start of a line, then the writer saying who they are
        ("은성아, 아빠다. 잘 지내니.", "은성"),
        # whose real name is given
        ("단비의 본명은 우정란이에요.", "단비"),
        # a chat with no spaces
        ("우리딸서연이벌써학교가", "서연"),
        ("우리아들민혁아보고싶다", "민혁"),
        # a one-syllable given name with its friendly 이 before a title
        ("그때 순이 아줌마가 밥을 줬지.", "순이"),
        # names listed before the last one called so
        ("동네에선 우리를 별님이, 달님이라고 불렀어.", "별님"),
        # a quoted nickname the writer or the reader was
        ("나 청진역에서 지내던 꽃제비 '번개'다.", "번개"),
        ("너 그때 '감자돌이'였잖아.", "감자돌이"),
        # syllables spaced by OCR before 동무 as handwriting gives it
        ("함께 일하던 김 순 애 동므는 잘 있소?", "김 순 애"),
        # a cousin word glued to the name
        ("내 사촌오빠 영길이다.", "영길"),
        # names in religion before their title
        ("저는 이 성당의 마리 요안나 수녀입니다.", "마리 요안나"),
        ("베로니카 수녀님이 안부를 전합니다.", "베로니카"),
        # what the writer, humbly named, says they are called
        ("빈도는 산사에 머무는 혜담이라 합니다.", "혜담"),
        # a rare two-syllable surname glued to the word before, or misread
        ("저는 영어 강사제갈민서이고, 부산에 살아요.", "제갈민서"),
        # a full name after the group shared with that person
        ("같은 감방 추명. 네 외삼촌이다.", "추명"),
        ("같은 소대 반태식을 기억하오?", "반태식"),
        # an interjection and a nickname Kiwi does not know, called
        ("야 똘방구야, 나 형이다.", "똘방구"),
        ("야 똘방구야 나 형이다 기억나냐", "똘방구"),
        # a pupil or the student council's head named by role
        ("교회 학생 다온이가 편지를 전해 줬어요.", "다온"),
        ("학생회장 국소은, 부회장 반지호가 함께 씁니다.", "국소은"),
        # a three-syllable native name before 라고: the 이 is taken with the name
        ("저는 춘천에 사는 교사 김다솜이라고 합니다.", "김다솜"),
        ("저는 평택에 사는 간호사 한별이라고 합니다.", "한별이"),
        # a self-introduction broken across lines by OCR
        ("저는 단둥에서 남편과 함께 지내는\n권사 모경애입니다.", "모경애"),
    ],
)
def test_names_in_new_shapes_are_found(rules: Rules, text: str, name: str) -> None:
    assert covered(text, name, rules, "person"), (text, _people(text))


@pytest.mark.parametrize(
    "text",
    [
        # 나 and an everyday word, then a copula
        "나 학생이야, 아직 공부한다.",
        # a label and a question or a verb
        "그 사람 이름이 뭐였더라.",
        "영어 이름은 아직 없어요.",
        "진짜 이름은 아무도 몰라.",
        "동생 이름이 뭐였지?",
        # a place one lived in, asked about
        "전에 살던 평양을 기억하니?",
        # an English greeting before a form of address
        "Hello 님들, 반가워요.",
        # a one-syllable word of praise in quotes
        "나 그때 '짱'이었다.",
        "네 이름 석 자를 한 번도 잊지 않았다.",
        # a called thing, not a person
        "너 그때 '최고'였어.",
        # a clause, then a thing asked about
        "같이 살던 집을 기억하니?",
        "같이 일하던 공장을 아니?",
        # a call at a line's start that is no name
        "얘야, 엄마다.",
        # a glued chat about the country or a house
        "우리나라가벌써봄이야",
        # a noun with its particle before a title
        "성이 할머니와 같다.",
        # Hangul that is a Western name only beside a surname
        "이 유리 잔을 조심해.",
        "소 한 마리 수녀원에 바쳤다.",
        "따뜻한 물 한 바가지 마음껏 쓰자.",
        # an epithet called so, in quotes or not
        "엄마는 나를 바보라고 불렀지.",
        "너 그때 '울보'였잖아.",
        # a pronoun called, then the writer
        "누구야, 엄마다.",
        # an everyday word after a humble subject
        "저는 그것을 행복이라 합니다.",
        # everyday words after the group shared, or called after an interjection
        "같은 반 친구가 왔다.",
        "학생 시절이 그립다.",
        "학생 수가 많이 줄었다.",
        "같은 부대 전우들이 그립다.",
        "야 진짜야?",
        "야 나무꾼아!",
    ],
)
def test_everyday_words_are_not_names(text: str) -> None:
    assert not _people(text), (text, _people(text))


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # the surname of a full name found, alone before a title: the same person as colleagues call them
        # (the bare surname and its title are one finding: relay/detect/titled.py's person.surname_title)
        ("나 탁영남이다. 그때 시장에서 장사하던 탁 사장.", "탁 사장"),
        ("구만철 동무를 기억하오? 우리 반의 구 반장 말이오.", None),  # 구 "nine", "old": not echoed
        ("이영호 동무가 왔다. 이 선생님이 반겼다.", None),  # 이 "this" before a title
    ],
)
def test_surname_before_a_title_echoes_a_full_name(text: str, surname: str | None) -> None:
    people = _people(text)
    assert people.count(surname) == 1 if surname else all(len(p) > 1 for p in people), (text, people)
