"""Round 11 names: church people and soldiers naming each other beside a title or a rank, names OCR split
or glued to those titles, a corrected name in speech, the writer naming themself by kinship after a
vocative, speakers' labels in transcripts, and names in Latin or Japanese script (relay/detect/role_names.py,
foreign_names.py, lettered.py). New sentences of the same shapes, and near misses that must stay unflagged.
"""

from __future__ import annotations

import pytest

from relay.detect import detect
from relay.model import Kind

from .conftest import covers


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title or role before a full name OCR split syllable by syllable (the title split too)
        ("그때 소대 장 곽 명 수 가 우리를 살렸다", "곽 명 수"),
        ("선임 류 경 철 이 늘 챙겨 줬소", "류 경 철"),
        # ... or glued to the title before it, with a title or rank after it too
        ("전도사님배 성 민님이 기도해 주셨어요", "배 성 민"),
        ("작전부장문길 수 대좌는 엄했다", "문길 수"),
        # a comrade or a classmate before a name read whole
        ("동기 탁영남이 있으면 안부 전해 주오", "탁영남"),
        # a rank or a church title glued to the name after it
        ("우리 중대장은 김철룡상위였다.", "김철룡"),
        ("최 미 숙권사님이 오셨다", "최 미 숙"),
        # a name corrected in speech: both tries
        ("그 친구 이름이 민호 아니 민호성이었나", "민호"),
        ("독고 아니 독고민재 선생이었지", "독고"),
        # the writer who names themself by kinship after calling the reader, and signs after it
        ("영쳘아, 형이다. 잘 있니", "영쳘"),
        ("순남아 누나다 조 은 희 .", "조 은 희"),
        # speakers' labels, with the colon and as a transcript drops it
        ("서윤: 저는 대구에 살아요.", "서윤"),
        ("서윤 저는 대구에 살아요", "서윤"),
        # 군 after a full name that also reads as words (조명 + 진)
        ("조명진 군에게 이 편지를 쓴다.", "조명진"),
        # "it's me" and the name at the end of a line
        ("야 철아 나야 박훈", "박훈"),
        # the church's brother or sister after a salutation, the name an everyday word
        ("보고 싶은 하늘 자매에게", "하늘"),
        # a romanised name whose space OCR lost, a Japanese surname OCR split, Japanese address
        ("고모 LeeMi-ok 씨가 왔다", "LeeMi-ok"),
        ("저는 야 마모토 하루카예요", "야 마모토 하루카"),
        ("영수へ、 잘 지내니", "영수"),
    ],
)
def test_round11_names_found(text: str, name: str) -> None:
    assert covers(text, name, Kind.PERSON, share=0.9)


@pytest.mark.parametrize(
    "text",
    [
        # a word before a title, split or glued by the spacing, that is no name
        "아버지는 지금 공사장에서 일한다.",
        "하나님의 은혜가 형제와 함께하기를 빕니다.",
        "선생님은 지금 아이들에게 수학을 가르친다.",
        "동무 안 보고 싶냐",
        "선생님 안 계세요?",
        "소대장 말 잘 들어라",
        "목사님 말씀 대로 기도합니다",
        "중대장 동지 말씀이 옳습니다",
        # brothers and sisters in the church as everyone, and siblings counted
        "우리 형제 자매 여러분, 평안하세요.",
        "사랑하는 우리 형제에게",
        "세 자매가 모두 모였다.",
        # a kinship word with Japanese address, a label word, an adverb before the speaker
        "엄마へ、 잘 지내요.",
        "질문: 어디에 사세요?",
        "요즘 저는 바빠요",
        # no name after a correction, a call that is no statement, "it's me" alone
        "그 사람 아니 그 사람 말이야",
        "아가야 엄마야",
        "나야 나",
    ],
)
def test_round11_near_misses_unflagged(text: str) -> None:
    assert not [f for f in detect(text) if f.kind is Kind.PERSON]
