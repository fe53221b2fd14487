"""Numbers, contacts, units and risky topics in the shapes the outside25, 28, 30, 31 and 32 writers showed
missing, each with examples of its own (not those tables' sentences) and the look-alikes that stay
unflagged.

* a registration number whose letter code comes after the digits as well ("KR-POW-0193-B", a Cyrillic
  "ВП-2231-РФ" after its cue): the whole code, not the part up to the digits;
* a unit with its other name in brackets ("제9군단(번개군단)"): one finding, brackets inside;
  a training unit's type after the number ("제27훈련려단", the brigade word misread "러단"); 제 misread 져;
  a word of subordination split by OCR ("산 하");
* a lunar date with a Sino-Korean day name after its month and year ("2003년 정월 초삼일"; 사월 초파일 alone
  is a holiday); a spoken month split by OCR before the day ("음력 칠 월 열사흘");
* a date in dots with look-alike digits in its year ("2O12. 7. 3");
* an account name read aloud with digit names glued to it after 아이디 ("구름이공칠오예요"), or two Hangul
  parts with a said dot before looking it up ("인스타 달빛 점 소나기 검색해");
* risky topics: a phone sent into the north, a boat out by sea to where one came out, crossing to a
  border town (건너서), a letter and money sent together through someone or through the customs, money
  handed over by whoever, a secret meeting to hand money, feeding or sheltering people who came over,
  the office of a transit country one gave oneself up to, an amount of money OCR misread ("3OO 위안");
* not topics: being shot feared, an act denied for surviving.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered

DETAILS = [
    ("당신의 적십자 등록번호는 KR-POW-0193-B입니다.", "KR-POW-0193-B", "id_number"),
    ("수용 관리번호는 ВП-2231-РФ 입니다.", "ВП-2231-РФ", "id_number"),
    ("아들이 있던 부대는 제9군단(번개군단)으로 알려졌습니다.", "제9군단(번개군단)", "unit"),
    ("그는 제27훈련려단에서 근무했다.", "제27훈련려단", "unit"),
    ("동생이 제51훈련 러단에 있다고 들었다.", "제51훈련 러단", "unit"),
    ("조선인민군 져318군부대에서 만났지.", "져318군부대", "unit"),
    ("저는 제5군단 산 하 제12사단에 있었어요.", "제5군단 산 하 제12사단", "unit"),
    ("막내는 2003년 정월 초삼일생이다.", "2003년 정월 초삼일", "date"),
    ("너는 이천칠년 음력 칠 월 열사흘에 태어났다.", "이천칠년 음력 칠 월 열사흘", "date"),
    ("엄마 생신은 1962. 3. 4 이고 내 생일은 2O12. 7. 3 이야.", "2O12. 7. 3", "date"),
    ("카톡 아이디는 구름이공칠오예요.", "구름이공칠오", "messenger"),
    ("위챗 아이디 엠제이박팔팔 치면 나와", "엠제이박팔팔", "messenger"),
    ("인스타 달빛 점 소나기 검색해 봐", "달빛 점 소나기", "messenger"),
]

TOPICS = [
    "삼촌한테 손전화 한 대 들여보냈는데 받았는지 모르겠다.",
    "형은 목선 타고 동해로 나와서 지금 강릉에 산다.",
    "그 사람은 쪽배 몰고 중국 쪽으로 돌아서 빠져나왔대.",
    "우리는 밤에 훈춘으로 건너서 트럭을 탔다.",
    "장사꾼 통해서 어머니께 편지랑 돈을 넣었다.",
    "신의주 세관 통해서 소식을 넣어 주는 사람이 있다.",
    "할머니가 보내는 돈은 도문의 김씨 아저씨가 전해 줄 거다.",
    "작년에 누님을 몰래 만나 편지를 건네 드렸소.",
    "북에서 건너온 사람들한테 옷도 주고 숨겨 주기도 했다.",
    "라오스 경찰에 자수해서 한국으로 보내 달라고 했다.",
    "매달 아는 사람 한테 돈 3OO 위안 씩 보냈다.",
]

BENIGN = [
    # codes and dates
    "KF-94-A 마스크를 샀다.",
    "사월 초파일에 절에 갔다.",
    "3일 훈련 대대로 간다.",
    # topics
    "처음엔 총 맞을 줄 알았는데 다들 친절했다.",
    "너는 항복한 게 아니라 살아남은 거다.",
    "친구를 몰래 만나 선물을 주고 왔다.",
    "세관 통해서 소포를 받았다.",
    "배 타고 바다로 나가서 고기를 잡았다.",
]

# No account name; a messenger's name alone is a contact-channel topic of its own, so only contacts count.
BENIGN_ACCOUNTS = [
    "카톡 아이디는 모르겠어.",
    "인스타 아이디는 사이다야.",
    "인스타 사진 점 찍었다.",
    "아이디는 삼촌 이름이야.",
]


@pytest.mark.parametrize(("text", "detail", "kind"), DETAILS)
def test_details_covered(text: str, detail: str, kind: str, rules: Rules) -> None:
    assert covered(text, detail, rules, kind)


def test_brackets_in_one_unit(rules: Rules) -> None:
    text = "형은 폭풍군단 (제11군단) 소속이었다."
    units = [f for f in detect(text, rules) if f.kind is Kind.UNIT]
    assert [text[f.start : f.end] for f in units] == ["폭풍군단 (제11군단)"]


@pytest.mark.parametrize("text", TOPICS)
def test_topics_flagged(text: str, rules: Rules) -> None:
    assert any(f.kind is Kind.TOPIC for f in detect(text, rules))


@pytest.mark.parametrize("text", BENIGN)
def test_look_alikes_unflagged(text: str, rules: Rules) -> None:
    kinds = {"unit", "date", "messenger", "email", "url", "phone", "id_number", "topic"}
    assert [f for f in detect(text, rules) if f.kind.value in kinds] == []


@pytest.mark.parametrize("text", BENIGN_ACCOUNTS)
def test_no_account_unflagged(text: str, rules: Rules) -> None:
    kinds = {"messenger", "email", "url", "phone", "id_number"}
    assert [f for f in detect(text, rules) if f.kind.value in kinds] == []
