"""Risky topics in the shapes the outside24 writers showed missing, each with examples of its own (not
the table's sentences) and the everyday look-alikes that must stay unflagged.

* a Chinese river town crossed to with no particle ("훈춘 넘어서"); a northern town's stretch of river
  ("회령 강"), a shallow or narrow spot of a river crossed, its verb glued to the word before;
* paying for the crossing (money or an amount given, then crossing);
* an amount sent through China with the OCR's 냇 for 냈;
* the moment someone was caught, told as a time, or a wound taken then;
* the person (an officer, an interpreter, a reporter) through whose mail or chat this letter goes;
* a boat from a northern port with the port's 항 spaced off its particle;
* and the everyday talk that is no detail: a feeling or a place "caught", tag, a taxi fare paid to cross
  a bridge, a letter e-mailed, an emigrant's crossing of the sea, "-은 거" in fully spaced handwriting.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered

TOPICS = [
    # a Chinese river town, no particle
    ("삼촌이랑 2019년에 훈춘 넘어서 연길까지 택시로 갔어.", "훈춘 넘어서"),
    ("우리 식구는 임강 건너서 한참 숨어 살았다.", "임강 건너서"),
    ("개산툰 쪽 몰래 건너와서 장사했소.", "개산툰 쪽 몰래 건너와"),
    # a northern town's river, a shallow spot
    ("혜산 강 좁은 데로 새벽에 건넜소.", "혜산 강 좁은 데로 새벽에 건넜"),
    ("온성 강을 밤중에 혼자 넘었지.", "온성 강을 밤중에 혼자 넘었"),
    ("강 얕은 곳으로 기어서건넜다.", "강 얕은 곳으로 기어서건넜"),
    ("강물 얕아진 데로 동생 업고 건넜어.", "강물 얕아진 데로 동생 업고 건넜"),
    # paying for the crossing
    ("아는 사람 소개로 삼천 위안 주고 밤에 강 넘었어요.", "삼천 위안 주고 밤에 강 넘었"),
    ("그 아저씨한테 돈 주고 업혀서 건너왔소.", "돈 주고 업혀서 건너왔"),
    ("경비 서는 놈한테 200달러 쥐어주고 건넜다.", "200달러 쥐어주고 건넜"),
    # an amount sent, OCR 냇
    ("고모 한테 화교 통해서 삼백만원 보냇 다.", "삼백만원 보냇"),
    ("작년에 이백 달러 부첫 다.", "이백 달러 부첫"),
    # the moment of capture, a wound then
    ("오빠가 잡힐 때 팔에 총을 맞았다고 들었어.", "오빠가 잡힐 때"),
    ("막내 러시아군에 붙잡힐 당시 혼자였대.", "막내 러시아군에 붙잡힐 당시"),
    ("잡힐 때 다리에 파편 맞아서 한참 누워 있었대.", "잡힐 때 다리에 파편"),
    # the channel of this letter
    ("수용소 통역관 카톡으로 이 편지 보내요.", "통역관 카톡으로 이 편지 보내"),
    ("적십자 직원 메일로 편지 보냅니다.", "직원 메일로 편지 보냅"),
    ("선교사님 통해서 제 편지 전합니다.", "선교사님 통해서 제 편지 전합"),
    # a port with its 항 spaced off
    ("청진 항 에서 고깃배 타고 나왓 다.", "청진 항 에서 고깃배 타"),
]


@pytest.mark.parametrize(("text", "piece"), TOPICS)
def test_risky_topics_are_flagged(rules: Rules, text: str, piece: str) -> None:
    assert covered(text, piece, rules, "topic"), text


LOOKALIKES = [
    "감이 잡힐 때까지 계속 연습해.",
    "자리 잡힐 때까지 고생 많았지.",
    "날짜 잡힐 때 알려 줄게.",
    "동생이 술래한테 잡힐 때마다 울었다.",
    "택시비 만 원 주고 다리 건너 시내로 갔다.",
    "돈 주고 횡단보도 건너는 사람은 없다.",
    "이메일로 편지 보낼게.",
    "담당자에게 편지를 보냈다.",
    "적십자 통해서 편지 보냅니다.",
    "엄마 친구는 젊을 때 바다 건너가서 식당을 차렸다.",
    "엄마는 태평양 건너간 뒤로 연락이 없다.",
    "하 고 싶 은 거 다 하 고 살 아 라.",
    "좋 은 거 많 이 먹 어.",
    "이번 주에 이백만 원 월급 받아서 적금 넣었다.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_everyday_talk_is_no_topic(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.TOPIC], text
