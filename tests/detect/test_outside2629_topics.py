"""Risky topics in the shapes the outside27 and outside29 writers showed missing, each with examples of
its own (not those tables' sentences) and the everyday look-alikes that stay unflagged.

* crossing told along the river ("강 따라 한참 내려가서 건넜다", "강 위로 …");
* getting out through a person (통해서 빠져나왔다, 도움으로 넘어왔다);
* gone abroad and never gone back (나갔다가 돌아가지 않았다), a private trip (사사려행);
* stowing away (숨어 탔다); money sent through a carrier with its amount ("장사꾼 통해 돈 50만원 넣었다");
* a guard or a guide paid to let people cross (돈 받고 건너는 …);
* a wounded soldier carried off (후송, 들것에 실어), dragged or walking out of a trench: how a prisoner
  was taken;
* and the everyday talk: a street crossed, a trip come back from, news heard through a friend, the dead
  who never came back.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered

TOPICS = [
    ("강 따라 한참 내려가서 장백 쪽으로 건넜소.", "강 따라 한참 내려가서 장백 쪽으로 건넜"),
    ("강 위로 올라가서 밤에 건넜어요", "강 위로 올라가서 밤에 건넜"),
    ("이모는 연길 사는 조선족 할머니 통해서 빠져나왔다.", "조선족 할머니 통해서 빠져나왔"),
    ("선교사 도움으로 넘어왔어요.", "선교사 도움으로 넘어왔"),
    ("삼촌은 친척 방문으로 나갔다가 돌아가지 않았다.", "나갔다가 돌아가지 않았"),
    ("사사여행 가서 그대로 남았다.", "사사여행"),
    ("남포항에서 화물선에 숨어 탔다.", "숨어 탔"),
    ("누이한테 장사꾼 통해 돈 50만원 넣었다.", "장사꾼 통해 돈 50만원 넣었"),
    ("보초 설 때 뒷돈 받고 건너게 해 줬다.", "뒷돈 받고 건너"),
    ("전우들이 그를 들것에 실어 후송했다.", "들것에 실어 후송했"),
    ("러시아 병사들이 그를 참호에서 끌어냈다.", "참호에서 끌어냈"),
    ("개인호에서 혼자 걸어 나왔소.", "개인호에서 혼자 걸어 나왔"),
]

BENIGN = [
    "횡단보도에서 길을 건넜다.",
    "강가에 앉아 노을을 보았다.",
    "여행 갔다가 어제 돌아왔어요.",
    "친구 통해서 소식 들었어요.",
    "할아버지는 전쟁에 나갔다가 돌아오지 못하셨다.",
    "용돈 받고 가게에 갔다.",
    "젊은 날 참호 속에서 추위에 떨며 밤을 새웠다.",
    "참호를 파고 잠을 잤다.",
]


@pytest.mark.parametrize(("text", "detail"), TOPICS)
def test_topic_flagged(text: str, detail: str, rules: Rules) -> None:
    assert covered(text, detail, rules, "topic")


@pytest.mark.parametrize("text", BENIGN)
def test_everyday_unflagged(text: str, rules: Rules) -> None:
    assert [f for f in detect(text, rules) if f.kind is Kind.TOPIC] == []
