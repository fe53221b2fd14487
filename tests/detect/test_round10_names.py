"""Name classes the round-10 outside writers (outside46-49) showed missing: full names set apart
syllable by syllable in a slot only a name fits, foreign names signed or listed in Latin, Cyrillic or
Hangul letters, and nicknames said with a word for the person. The sentences are new ones of the same
shapes (other names, places, dates); the look-alikes beside them must stay unflagged."""

from __future__ import annotations

import pytest

from relay.model import Kind

from .conftest import covers, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the speaker, then the name one syllable at a time and the copula (split off, too)
        ("안녕하세요 저는 박 서 연이에요.", "박 서 연"),
        ("처음 인사 드려요 저눈 최 유 진이 에요 .", "최 유 진"),
        ("반가워 나는송 민 호야 !", "송 민 호"),
        # a clause about the person before, the saying verb spaced apart
        ("청진시 송평구역에서 온 강 성 민 이 라 고 하오", "강 성 민"),
        ("저는 서울대 2학년 윤 다 은이에요", "윤 다 은"),
        # the speaker glued to the surname, the given name apart
        ("저는임 지호 이고요 옆은 제 동생이에요", "임 지호"),
        # a title or honorific after the name
        ("존경하는 권 혁 진 집사님께 드립니다", "권 혁 진"),
        ("목사님 김도 윤 목사님이 안부 전하셨어요", "김도 윤"),
        ("한지 훈님께, 저는 캐나다에서 편지를 씁니다.", "한지 훈"),
        # the reader named at the start, then the writer
        ("윤 서 진, 나는 네 옛 분대장이다.", "윤 서 진"),
    ],
)
def test_spaced_names_in_slots_are_found(text: str, name: str) -> None:
    assert covers(text, name, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # one-syllable words in a row with no slot for a name around them
        "저는 물 한 잔 마시고 잘게요.",
        "저는 한 번 더 해 볼게요.",
        "형 밥 잘 먹고 꼭 살아 있어",
        "시 한 편 외우고 나면 마음이 편해진다",
        "김 한 장 구워 먹었다",
        "정 말 고마워요 선생님",
        "그 때 나는 집에 있었다",
        # a word and its particle split off before a title-like word (간호사)
        "저는 나중 에 의사 가 되고 싶어 요 .",
        # the speaker with 도 (also), read as a surname glued on
        "네가 지금 힘든 거, 나도 다 안다.",
    ],
)
def test_spaced_lookalikes_are_not_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a Latin name before a closing, with an apostrophe, or glued by OCR
        ("2024년 3월 2일 / Fiona McAllister 드림", "Fiona McAllister"),
        ("2024년 3월 2일, Liam O'Brien 올림.", "Liam O'Brien"),
        ("2024년 4월 9일, EmmaLarsson 드림.", "EmmaLarsson"),
        # a dateline: the date opens the line, the name closes it (the date perhaps a line above)
        ("2024년 6월 6일 현충일에, Daniel Fischer.", "Daniel Fischer"),
        ("2024.10.3 개천절. Agnieszka Nowak.", "Agnieszka Nowak"),
        ("2024년 9월 1일,\nPeter Halvorsen.", "Peter Halvorsen"),
        # the author of a memo, a staff list, a law officer
        ("보고서 초안 / prepared by Olha Melnyk", "Olha Melnyk"),
        ("3 | 현장 통역 | Ivan Petrenko | +380 50 111 2233", "Ivan Petrenko"),
        ("담당 판사 Marta Kowalska와 다음 주에 만납니다.", "Marta Kowalska"),
        # Cyrillic, its two words run together by OCR
        ("2024.02.01, ЛиАнна.", "ЛиАнна"),
        # a foreign name in Hangul signing the letter, perhaps with a title in religion
        ("2024년 5월 5일, 무라카미 치하루 올림.", "무라카미 치하루"),
        ("2024년 8월 15일 성모승천 대축일에, 야쿠프 코발스키 신부 올림.", "야쿠프 코발스키"),
    ],
)
def test_foreign_signatures_are_found(text: str, name: str) -> None:
    assert covers(text, name, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # an organisation or a place closing a dateline, or before a closing
        "2024년 3월 1일, Human Rights Watch.",
        "2024.5.1 Seoul Station.",
        # Korean words signing: who, not a name
        "사랑하는 아들 올림",
        "서울에서 큰딸 올림.",
        # capitalised words with no slot for a name
        "Merry Christmas 잘 지내요",
        # a dialect verb ending in 씀 closing the line, after words Kiwi does not know
        "오늘은 햇볕이 하영 좋아마씀",
    ],
)
def test_foreign_lookalikes_are_not_names(text: str) -> None:
    assert not found(text, Kind.PERSON)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('시장에서는 다들 우리 엄마를 "콩나물 아즈마이"라고 불렀지.', "콩나물 아즈마이"),
        ("동네 사람들은 그 아저씨를 그냥 박사장이라고만 불렀어", "박사장"),
    ],
)
def test_nicknames_with_a_word_for_the_person_are_found_whole(text: str, name: str) -> None:
    assert covers(text, name, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # a verb form, not a nickname, before the word for the person
        "내가 너보다 세 살 많으니까 언니라고 불러.",
        "나이가 많으니까 아저씨라고 불러도 돼",
    ],
)
def test_a_clause_before_a_word_for_the_person_is_no_nickname(text: str) -> None:
    assert not found(text, Kind.PERSON)
