"""Risky topics in the shapes the outside46–49 tables showed missing (young people's chat, older
defectors' northern dialect, forms and case notes, foreign writers), and the benign look-alikes that
must stay unflagged. Every sentence here is written for this file, not taken from those tables.
TOPICS, TOPICS_OCR and BENIGN are run by the tests of test_outside4043_topics.py (the same checks);
the capture-field tests are this file's own.

* a border river named far before the crossing, a ford at a shallow spot, the way out shown by someone;
* giving oneself up told as what one did (hands raised or the gun thrown away, then walking out), being
  caught or found by the other side after a long clause, a form's field for how one was taken;
* travel passes bought, a South Korean mission walked into, a connection into China or the north, a
  border phone, a trader's hands that carry notes and money;
* English: surrender, capture, crossing;
* and the vetoes: harm forbidden by law, guns once faced, arms laid down praised, home across the
  river longed for, no shame in being taken, the choices open to a prisoner.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered

TOPICS = [
    # a border river named, then a long clause, then crossing it
    "압록강 얼음이 갈라지던 그 밤 아버지 등에 업혀서 몰래 건넜다고 한다.",
    "도문강 물이 불어나기 전날 밤 누나랑 둘이 손을 꼭 잡고 건너왔지.",
    # a ford at a shallow spot
    "무산 쪽 물 얕은 데로 새벽에 건넜소.",
    "경비대 눈을 피해서 얕은 여울을 헤엄쳐 넘었다.",
    # the way out shown by someone
    "시장에서 만난 할머니가 국경 넘는 방법을 가르쳐 줘서 거기로 갔어.",
    "그 사람이 라오스 가는 길을 안내해 줬어요.",
    # giving oneself up: hands, then walking out; or walking out, then hands
    "소총 내던지고 혼자 들판으로 걸어 나갔다는 거 맞아?",
    "형은 두 손을 번쩍 들고 그쪽 참호로 기어 왔다고 했다.",
    "밤새 기다리다 걸어 나와서 바로 손 들었대.",
    # caught or found by the other side, told with what happened between
    "동생이 우크라이나 병사한테 담배 한 대 얻으려다 그날 잡힌 거래요.",
    "적군 수색대에 사흘 만에 발견됐다고 들었소.",
    # a travel pass bought, a South Korean mission walked into
    "장사하러 가는 척 도강증 사서 회령까지 갔어.",
    "모스크바에서 지하철 타고 곧장 대한민국 대사관 찾아갔소.",
    # a connection into China or the north, a border phone, a trader's hands
    "교회 집사님이 북쪽 인맥을 통해 동생 소식을 알아봐 주셨어요.",
    "이모는 국경 핸드폰으로 우리 소식을 들었대.",
    "할아버지 편지가 온성 밀수꾼 손을 거쳐 우리 집에 왔다.",
    "삼촌이 화교 아저씨 손으로 약값을 전해 줬소.",
    # English
    "My cousin crossed the Yalu in the winter of 2011 with his mother.",
    "He surrendered to a Ukrainian patrol near the village after two days alone.",
    "Her uncle fled across the river in 1997 with two neighbours.",
    # a white cloth waved, then walking out
    "삼촌은 하얀 천을 흔들며 걸어 나왔다고 한다.",
]

TOPICS_OCR = [
    # OCR spacing inside the words and glued words
    "두만 강 얼음 우에 눈이 하얗게 덮인 밤 어머니 손 잡고 걸어서건넜소.",
    "얕 은 곳으로 밤중에 넘었다.",
    "적군 정찰병 한테 물 달라고 했다가 그 때 잡힌 거라오.",
]

# A form's or a case note's field for how one was taken: the whole value is the event.
# (the sentence, its value after the label)
_CAUGHT = "2025년 2월 초 마을 외곽 창고에 숨어 있다가 수색조에 발견됨"
_GAVE_UP = "쿠르스크 남쪽 숲 진지 근처에서 혼자 있다가 투항"
FIELDS = [
    (f"3. 생포 경위: {_CAUGHT}", _CAUGHT),
    # speech drops the colon
    (f"▶ 포획 장소 {_GAVE_UP}", _GAVE_UP),
]

BENIGN = [
    # a river named, with no crossing done; a road crossed
    "두만강 풍경 사진을 보니 어릴 적 생각이 나서 길 건너 문방구가 떠올랐다.",
    "압록강 사진 보면서 동생이랑 한참 얘기하다가 길 건너 가게에 갔다.",
    # shallow water as a place to play, a fall
    "아이들이 얕은 데서 물장구를 쳤다.",
    "얕은 곳으로 가다가 넘어졌어.",
    # a way offered, not shown in the past
    "한국 오는 방법은 나중에 알려 드릴게요.",
    # hands raised in class, a gun laid down in a game
    "수업 시간에 손을 들고 질문했다.",
    "게임에서 총 버리고 칼로 싸웠다.",
    # the other side met, nobody caught
    "우크라이나 군인한테 길을 물어서 그때 찾은 거래요.",
    # papers issued, an embassy for papers, a connection at home, a hand that made something
    "통행증을 받아서 할머니 댁에 다녀왔지.",
    "한국 대사관에서 여권을 새로 받았어요.",
    "삼촌 인맥으로 서울 회사에 들어갔다.",
    "할머니 손으로 직접 만든 떡을 보냈어.",
    # English about the law
    "Prisoners of war must be protected from violence and intimidation.",
    "He escaped from his homework by watching films all night.",
    # vetoes: harm forbidden by law, guns once faced, arms laid down praised, home longed for,
    # no shame in being taken, choices listed, the principle named
    "누구든 고문이나 폭행을 받아서는 안 됩니다.",
    "한때 서로 총을 맞대던 사람들이 이제 친구가 됐다.",
    "무기를 내려놓는 것은 비겁한 일이 아니오.",
    "강 건너 고향을 생각하며 잠 못 이루는 밤이 많소.",
    "형제여, 포로가 된 걸 전혀 부끄러워하지 마세요.",
    "귀순이든 송환이든 그대가 고르는 것이오.",
    "강제송환금지 원칙은 국제법의 기본입니다.",
    # prisoner camps in general and who oversees them
    "전쟁포로 수용소에도 적십자 사람들이 정기적으로 찾아간대요.",
]


@pytest.mark.parametrize(("text", "value"), FIELDS)
def test_a_capture_field_covers_its_value(rules: Rules, text: str, value: str) -> None:
    assert covered(text, value, rules, "topic"), text


def test_a_capture_field_stops_at_the_next_numbered_field(rules: Rules) -> None:
    # A form's lines run together once spaces are normalised; the next field is not the event.
    text = "4. 투항 경위: 혼자 걸어 나와 손을 들었음 5. 희망 사항: 가족에게 안부 전달"
    topics = [f for f in detect(text, rules) if f.kind is Kind.TOPIC]
    assert topics, text
    assert all("희망" not in text[f.start : f.end] for f in topics), text
