"""Units and contacts in the shapes the outside26, outside27 and outside29 writers showed missing, each
with examples of its own (not those tables' sentences) and the everyday look-alikes that stay unflagged.

* a unit number read aloud as one syllable after a spaced 제 ("제 오 군단", "제 칠 사단"), chained to the
  next unit and to a unit under it (직속, 산하); a number read aloud before a unit type and word ("제 구십
  공수여단"), the Ukrainian and Russian brigade types among the types (강습, 산악, 돌격);
* a numbered or named unit with the country and the forces written before it, one word each
  ("러시아 공수군 제76사단", "우크라이나 국토방위군 국제군단 제2대대"), Ukrainian and Russian
  branches among the forces; a force OCR misread by a jamo before a numbered unit;
* a day read out after its month with the copula glued to it ("사월 구일인데");
* a numbered office of any name after a command ("정찰총국 삼십칠 연락소");
* a messenger account said as a word and groups of digit names or digits ("카톡 아이디는 별빛노을 공칠",
  "라인 아이디가 수아 팔팔 공삼이에요");
* an e-mail address whose name part is words joined by a said dot or digit names ("민준 점 한 구일 골뱅이
  다음 닷컴"); a channel's handle after a site said aloud ("유튜브 닷컴 골뱅이 새벽별티비").
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered

UNITS = [
    ("저는 제 오 군단 제 칠 사단 정찰중대에 있었습니다.", "제 오 군단 제 칠 사단"),
    ("아버지는 제 구 군단 직속 통신대대 군관이었소.", "제 구 군단 직속 통신대대"),
    ("제 삼 려단에서 복무했다.", "제 삼 려단"),
    ("나는 러시아 공수군 제76사단 소속이었다.", "러시아 공수군 제76사단"),
    ("그는 우크라이나 국토방위군 국제군단 제2대대에서 싸웠다.", "우크라이나 국토방위군 국제군단 제2대대"),
    ("동생은 북한 제11군단에 끌려갔다.", "북한 제11군단"),
    ("형은 정찰총국 삼십칠 연락소에서 일했다.", "정찰총국 삼십칠 연락소"),
    ("제 사 군단 산하 제 십오 려단에 있었다.", "제 사 군단 산하 제 십오 려단"),
    ("삼촌은 제 구십 공수여단 출신이다.", "제 구십 공수여단"),
    ("그는 우크라이나군 제5강습여단 소속이었다.", "우크라이나군 제5강습여단"),
    ("나는 우크라이나 국토방위군 제12산악여단에 있었다.", "우크라이나 국토방위군 제12산악여단"),
    # a force OCR misread by a jamo before the numbered unit
    ("나는 우크라이나 특수작젼군 제3연대 소속이오.", "우크라이나 특수작젼군 제3연대"),
]

DATES = [
    ("우리 딸 생일이 사월 구일인데 선물을 못 줬다.", "사월 구일"),
    ("아버지 제사가 시월 삼일입니다.", "시월 삼일"),
]

CONTACTS = [
    ("카톡 아이디는 별빛노을 공칠 이에요.", "별빛노을 공칠", "messenger"),
    ("라인 아이디가 수아 팔팔 공삼이에요", "수아 팔팔 공삼", "messenger"),
    ("카톡 아이디는 민재바다 구구라고 찾으면 나와요", "민재바다 구구", "messenger"),
    ("메일은 민준 점 한 구일 골뱅이 다음 닷컴으로 보내 주세요", "민준 점 한 구일 골뱅이 다음 닷컴", "email"),
    ("유튜브 닷컴 골뱅이 새벽별티비 검색하면 나와요", "유튜브 닷컴 골뱅이 새벽별티비", "url"),
]

BENIGN = [
    "제 일 중요한 건 건강이에요.",
    "문제 이 번은 어렵다.",
    "우크라이나 군대는 겨울에도 싸운다.",
    "러시아 사람들은 차를 많이 마신다.",
    "카톡으로 사진 스무 장 보냈어요.",
    "카톡 단톡방 사람들이 서른 명이에요.",
    "이십 년 전 이야기는 뉴스에서 들었어요.",
    "골뱅이 무침이 맛있어요.",
    "올리브 오일인데 비싸요.",
    "산악 지대를 걸어서 넘었다.",
    "돌격 신호가 울렸다.",
]


@pytest.mark.parametrize(("text", "detail"), UNITS)
def test_units_covered(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "unit")


@pytest.mark.parametrize(("text", "detail"), DATES)
def test_dates_covered(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "date")


@pytest.mark.parametrize(("text", "detail", "kind"), CONTACTS)
def test_contacts_covered(text: str, detail: str, kind: str, rules: Rules) -> None:
    assert covered(text, detail, rules, kind)


@pytest.mark.parametrize("text", BENIGN)
def test_look_alikes_unflagged(text: str, rules: Rules) -> None:
    kinds = {"unit", "messenger", "email", "url", "phone", "id_number"}
    assert [f for f in detect(text, rules) if f.kind.value in kinds] == []
