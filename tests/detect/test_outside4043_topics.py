"""Risky topics in the shapes the outside40–43 tables showed missing, and the benign look-alikes that
must stay unflagged. Every sentence here is written for this file, not taken from those tables.

* money named by whom it goes to ("삼촌네 집에 부치던 돈") or sent in a currency ("달러로 부쳐");
* contact with the south or with family in the north ("남한이랑 연락", "북한의 형제에게 전해");
* a capture after -다가, walking out after the other side's leaflets, an overseer's eyes evaded, an
  embassy rung for help;
* the river's ice hard enough, a customs post slipped past, a border town crossed to (넘었다);
* money sent through someone's hands, a phone carried in, a heap of goods hidden in;
* and the vetoes: rights explained, things to be prevented, detention authorities, going south as a
  condition or a promise.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered
from .test_round10_topics import BENIGN as ROUND10_BENIGN
from .test_round10_topics import TOPICS as ROUND10_TOPICS
from .test_round10_topics import TOPICS_OCR as ROUND10_TOPICS_OCR

TOPICS = [
    # money named by its destination, or sent as a currency
    "외할머니가 달마다 삼촌네 집에 부치던 돈이 끊겼다.",
    "아버지는 큰집 형님께 보낼 생활비를 모으고 계신다.",
    "작년 겨울에 막내 이모한테 달러로 부쳐 드렸소.",
    "그 사람이 고향 오빠한테 위안으로 보냈다고 했어.",
    # contact with the south, and family in the north reached
    "할아버지는 연길 친척 집에서 남한이랑 연락하셨다.",
    "그 목사님이 북한의 형제에게 사진을 전해 주셨다.",
    "북에 계신 어머니께 몇 번 편지를 보냈어.",
    # captured after -다가
    "형은 굴속에 숨어 있다가 붙잡혔다고 한다.",
    "너희 분대가 후퇴하다가 잡힌 날을 잊지 못한다.",
    # walking out after the other side's leaflets or broadcasts
    "적군 삐라 읽고 밤에 몰래 걸어 나왔다는 얘기를 들었다.",
    "우크라이나 확성기 방송 듣고 손을 들었다고 하더라.",
    # an overseer of a work site abroad evaded; an embassy rung for help
    "벌목장 지배인 눈을 피해서 트럭을 탔지.",
    "관리원 몰래 영사관으로 찾아갔다.",
    "영사관에 연락해서 살려 달라고 빌었소.",
    # the river's ice, a customs post, a border town
    "두만강 얼음이 꽁꽁 언 새벽에 떠났다.",
    "초소 옆으로 기어서 넘었다.",
    "우리는 훈춘 쪽으로 넘었지.",
    # money through someone's hands, a phone carried in, hidden in a heap of goods
    "이백 위안씩 장사꾼 아주머니 손에 들려 집으로 보냈다.",
    "밀수꾼이 손전화 하나 들여갔다.",
    "나를 장작 더미 속에 숨겨 주었다.",
]

TOPICS_OCR = [
    # a particle split off by OCR ("한 테"), and an amount glued to the next word
    "외삼촌이 화교 통해서 우리 어머니한 테 약값 보냈다.",
    "해마다 아는 사람 통해 삼천원씩고향 집으로 보냈다.",
    # glued to the word before: the other side still read
    "형이우크라이나군 전단 보고 걸어 나왔다.",
]

BENIGN = [
    # school fees and savings, not a remittance
    "큰애를 수학학원에 보내는 돈이 제일 많이 든다.",
    "동생을 대학에 보내는 돈은 내가 댔다.",
    # -다가 then a fish, a game, a plan
    "강에서 놀다가 잡힌 물고기를 구워 먹었다.",
    "회의하다가 잡힌 일정이라 바꾸기 어렵다.",
    # walking out of anywhere else
    "우크라이나 병원에서 퇴원해서 걸어 나왔다고 들었어.",
    "할인 전단 보고 시장에 다녀왔다.",
    # family in the north thought of, not reached
    "북한의 가족에게 편지를 쓰고 싶다는 사람이 많다.",
    # an overseer who is a coach or a director, an embassy for papers
    "축구부 감독 몰래 컵라면을 먹었다.",
    "대사관에 전화해서 여권 발급 날짜를 물었다.",
    # ice anywhere else
    "한강 얼음이 두꺼워서 썰매장이 열렸다.",
    # a customs post passed as a place
    "세관 옆 식당에서 국수를 먹었다.",
    # rights explained, harm to be prevented, authorities named
    "포로는 고문이나 협박을 당하지 않을 권리가 있습니다.",
    "누구든 송환을 거부할 권리가 있다고 배웠다.",
    "강제로 송환되지 않도록 뜻을 분명히 말하세요.",
    "자료는 억류 당국에 넘기지 않습니다.",
    # going south as a condition or a promise, not a wish told
    "남한에 가고 싶다고 말하면 도와줄 사람이 있대.",
    "대한민국행을 희망하시면 저희가 절차를 안내해 드립니다.",
]


# The law on repatriation said in general (a place described, not named), and becoming a prisoner said
# as a concession ("포로가 되어도"): nobody's deportation or capture is told.
GENERAL_LAW = [
    "누구도 박해받을 위험이 있는 곳으로 송환되어서는 안 된다고 배웠어요.",
    "본인이 원치 않는 곳으로의 강제 송환은 금지되어 있답니다.",
    "가기 싫은 곳으로의 송환을 거부할 수 있어요.",
    "사람은 포로가 되어도 사람이오.",
    "병사는 포로가 돼도 부끄러울 게 없다.",
]
NAMED_RETURN = [
    "사촌 형은 재작년에 북한으로 송환됐어요.",
    "삼촌이 포로가 되어 소식이 끊겼다.",
]


# Going south as the reader's condition and what to say then: advice, no wish told; the wish said outright,
# and a broker or a route in the same breath, stay topics.
IF_WISHED = [
    "형제님이 남한에 오고 싶으시면 면담하는 분께 그대로 말씀하시면 돼요.",
    "대한민국에 오고 싶다면 그 뜻을 담당자에게 밝히시면 됩니다.",
    "한국 가고 싶으면 싶다고 또박또박 얘기해.",
]
WISH_TOLD = [
    "통역관 앞에서 한국 가겠다고 두 번 말해라.",
    "남한에 가고 싶으면 브로커한테 연락해서 강을 건너라.",
]


@pytest.mark.parametrize("text", TOPICS + NAMED_RETURN + WISH_TOLD + ROUND10_TOPICS)
def test_risky_clauses_in_new_shapes_are_flagged(rules: Rules, text: str) -> None:
    # The whole sentence is covered, for review only.
    assert covered(text, text, rules, "topic"), text
    topics = [f for f in detect(text, rules) if f.kind is Kind.TOPIC]
    assert all(f.severity.value == "review" for f in topics)


@pytest.mark.parametrize("text", TOPICS_OCR + ROUND10_TOPICS_OCR)
def test_risky_clauses_survive_ocr_spacing(rules: Rules, text: str) -> None:
    assert covered(text, text, rules, "topic"), text


@pytest.mark.parametrize("text", BENIGN + GENERAL_LAW + IF_WISHED + ROUND10_BENIGN)
def test_lookalikes_are_no_topic(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind is Kind.TOPIC] == [], text


def test_condition_with_an_instruction_to_say_it_stays_a_topic(rules: Rules) -> None:
    # The veto on going south as a condition gives way when the reader is told to say it out.
    text = "한국행을 원하시면 면담하는 사람에게 꼭 말씀하세요."
    assert covered(text, text, rules, "topic"), text
