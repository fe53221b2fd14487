"""Contacts read aloud in video-message transcripts, in the shapes the outside51 table showed missing,
and the look-alikes that must stay unflagged. Every sentence here is written for this file.

* account names mixing letters spelled by their English names, digit names, a short Hangul word and a
  said dot or underscore, after a messenger's name (OCR may split a letter's name: "케 이");
* a channel's handle after 채널/계정 and 골뱅이, closed by the copula;
* a web address's path said after its spoken domain;
* an e-mail address whose name part mixes letter names, a Hangul word and digit names;
* a court case number said aloud (year in place values, case type, serial in digit names).
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect

from .conftest import covered_as

CONTACT_KINDS = ("email", "url", "messenger")
WEB = ("url", "email")

DETAILS = [
    # letters, a place said as it is, digit names
    ("카톡은 케이 와이 수원 칠삼이에요", "케이 와이 수원 칠삼", CONTACT_KINDS),
    ("위챗 아이디는 엠 에스 하얼빈 공사", "엠 에스 하얼빈 공사", CONTACT_KINDS),
    # a word, a said dot, letters and digit names, a verb after
    ("제 인스타 하린 점 티 구 삼 일 팔로우 해 줘", "하린 점 티 구 삼 일", CONTACT_KINDS),
    # OCR splitting a letter's name
    ("텔레그램 아이디 디 제 이 광주 팔공", "디 제 이 광주 팔공", CONTACT_KINDS),
    # a said underscore then letter names
    ("인스타는 도윤 언더바 엘 엠", "도윤 언더바 엘 엠", CONTACT_KINDS),
    # a channel's handle after 골뱅이, closed by the copula
    ("텔레그램 채널은 골뱅이 푸른 들판이에요", "골뱅이 푸른 들판", CONTACT_KINDS),
    ("카톡 채널 골뱅이 봄날 편지야", "골뱅이 봄날 편지", CONTACT_KINDS),
    # a path after a spoken domain
    ("우리 교회 주소는 은혜 점 넷 슬래시 청년부예요", "은혜 점 넷 슬래시 청년부", WEB),
    ("모임 주소는 들꽃 점 오알지 점 넷 슬래시 봄 소풍이고요", "들꽃 점 오알지 점 넷 슬래시 봄 소풍", WEB),
    # e-mail: letter names, a Hangul word, digit names before 골뱅이
    ("메일은 에스 제이 박 칠칠 골뱅이 네이버 닷컴이에요", "에스 제이 박 칠칠 골뱅이 네이버 닷컴", WEB),
    ("이메일 케이 엠 윤 골뱅이 하늘 소리 점 케이알", "케이 엠 윤 골뱅이 하늘 소리 점 케이알", WEB),
    # a case number read aloud
    ("재판 사건 번호가 이천이십삼 가단 사칠공일이입니다", "이천이십삼 가단 사칠공일이", ("id_number",)),
    ("그 건은 이천십구 고합 삼공오 번이에요", "이천십구 고합 삼공오", ("id_number",)),
]


@pytest.mark.parametrize(("text", "detail", "kinds"), DETAILS)
def test_spoken_contacts_are_covered(rules: Rules, text: str, detail: str, kinds: tuple[str, ...]) -> None:
    assert covered_as(text, detail, rules, *kinds), text


BENIGN = [
    # a messenger named, then ordinary words and a letter-like word (오, 이, 비 are Korean words)
    "카톡은 이따 오 시에 보낼게요",
    "인스타는 요즘 잘 안 봐요",
    "카톡 아이디는 나중에 알려 줄게",
    "텔레그램 채널은 구독만 하고 안 봐",
    "위챗은 비 오는 날 주로 해요",
    # letters said as an abbreviation or a title, then the sentence going on (no digits end them)
    "카톡은 엘 지 폰으로 해요",
    "카톡은 디 엠 으로 보내",
    "카톡은 최 씨 아저씨 거야",
    "위챗은 중국 가서 깔았어 에스 전자 폰에",
    # letters then a digit name that is a counted number or a word
    "인스타는 에스 와이 팔 년 전에 만들었어",
    # 골뱅이 the dish, a dot in a sentence, a slash as a word
    "카톡으로 골뱅이 무침 사진 보냈어",
    "이 점 하나만 기억해 주세요",
    "그 점 넷이서 얘기해 보자",
    # a year and numbers without a case type
    "이천이십오 년에 구합니다 사람을",
    "이천이십삼 년 가을에 만났지",
]


@pytest.mark.parametrize("text", BENIGN)
def test_lookalikes_are_no_contact(rules: Rules, text: str) -> None:
    kinds = {"email", "url", "messenger", "id_number"}
    assert not [f.rule for f in detect(text, rules) if f.kind.value in kinds], text
