"""Risky topics in the shapes round 11's tables (outside52-55) showed missing, and the benign look-alikes
that must stay unflagged. Every sentence here is written for this file, not taken from those tables.

* a crossing at a border town with words between the town and the verb, northern towns too;
* boats: to an island or a port of the south's coast, a foreign or a smuggler's boat boarded, a boat
  glued to the word before it by OCR;
* carried out on a lorry; questioned, then fled; sold as a bride; gone to the border and not come back;
* goods and money sent home in any currency, through a customs post or a person;
* a travel pass bought with money; the army's supplies sold at the market;
* northern speech: fleeing as 뛰다 and 뜨다, 련락 for 연락, summoned by the security service;
* a long sentence covered to its end (the reach of a topic's sentence);
* and the vetoes: harms the law bans, the prisoner's state, going south as a condition or a purpose,
  arrival in the south explained, a group's story.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered

TOPICS = [
    # a border town, then words, then the crossing (northern towns too)
    "삼촌은 온성 쪽으로 짐 다 버리고 넘었다.",
    "우리는 무산으로 밤중에 혼자 건너갔다.",
    # boats: to the south's islands and ports, foreign or smugglers' boats
    "형은 조그만 목선 타고 백령도 까지 왔다.",
    "나무배로 주문진항에 겨우 닿았다.",
    "동생은 남포에서 일본 배를 몰래 탔다.",
    "밀항선에 숨어 탔어요.",
    # carried out on a lorry; questioned, then fled
    "언니는 화물차 짐칸에 실려 나왔어요.",
    "검열을 받다가 그날 밤 두만강 쪽으로 도망쳤다.",
    "나는 취조를 받은 뒤 곧바로 국경으로 갔소.",
    # sold as a bride; gone abroad and not come back
    "이모는 한족한테 팔렸다고 들었다.",
    "고모는 팔려 가서 산골 총각한테 시집갔다.",
    "외삼촌은 로씨야로 벌목하러 갔다가 끝내 안 돌아왔다.",
    # goods and money sent home, in any currency, through a post or a person
    "장사꾼 편에 회령 너네 집에 옷 두 벌을 보냈다.",
    "해마다 아는 사람 편에 큰아버지께 외화를 보내 드렸소.",
    "매달 중국돈을 보내 줬다.",
    # a travel pass bought; the army's supplies sold
    "통행증을 담배로 구해서 혜산까지 갔어.",
    "부대 휘발유를 빼돌려 장마당에 팔았다.",
    # family left behind on the way to somewhere
    "아내를 두고 혼자 중국으로 도망쳤다.",
    # northern speech: 뛰다, 뜨다 for fleeing, 련락 for 연락; summoned by the security service
    "나는 구십구년에 중국으로 몰래 뛰었다.",
    "외삼촌은 그해 조선을 떴다고 한다.",
    "그 아저씨를 통해 북에 있는 누이와 련락했다.",
    "우리 집 식구들이 보위부에 불려가서 밤새 시달렸다.",
    # a long sentence: the whole of it is the statement
    "그해 겨울 강을 건너온 사람들을 우리 교회 지하실에 며칠씩 재워 주고"
    " 버스표를 사서 곤명 가는 차에 태워 보냈습니다.",
]

TOPICS_OCR = [
    # the particle spaced off the town, the boat glued to the word before, spaced handwriting
    "아버지는 회령 으로 밤에 넘었다.",
    "누나는배타고 서해로 나 왔다.",
    "군량 미 를 장마당 에 빼 서 팔 았 다.",
    "엄마는 중국에서\n팔려 서 농촌 한족 집에 살았다.",
    "나는 중국 심양 에서 라오스 로 버스 타고 빠졌다.",
]

BENIGN = [
    # goods that sell, exports, a ferry trip, a tourist's boat, a courier
    "이 과자는 중국에서 잘 팔려서 기뻐요.",
    "우리 석탄이 중국에 팔려 나간다고 들었다.",
    "교회 청년들이 배를 타고 백령도에 가서 봉사했다.",
    "배를 타고 제주도에 왔어요.",
    "중국 배 타고 여행 갔던 일이 생각난다.",
    "우체국 통해서 고향 집에 소포를 보냈어요.",
    "택배 통해 우리 집에 선물을 보냈다.",
    # an ambulance; a teacher's questions; a day at school; the dead
    "구급차에 실려 나왔다.",
    "담임 선생님 조사를 받고 나서 집에 갔다.",
    "학교에 갔다가 안 돌아와서 걱정했다.",
    "할아버지는 전쟁에 나갔다가 돌아오지 않았다.",
    # harms the law bans, said every way
    "고문은 어떤 경우에도 금지되어 있습니다.",
    "국제법상 포로를 학대 못 하게 되어 있어.",
    "포로는 고문당하면 안 된다고 배웠다.",
    "포로는 폭행이나 모욕을 당하지 않도록 보호받아요.",
    # the prisoner's state
    "포로로 지내는 동안에도 편지는 받을 수 있어요.",
    "포로로 있어도 너는 내 자랑이다.",
    # going south as a condition or a purpose, and arrival explained
    "한국으로 가면 나도 곧 따라갈게.",
    "대한민국으로 갈 수 있도록 여러 사람이 돕고 있어요.",
    "남한에 오시면 하나원이라는 곳에서 석 달 동안 교육을 받아요.",
    "그래서한국행을 원하시면 정부가 지원을 하게 되어 있습니다.",
    # running anywhere near, leaving one's home town
    "아이들이 운동장으로 뛰어갔다.",
    "스무 살에 고향을 떴다.",
    # a group's story
    "귀국선을 타고 떠난 사람들의 이야기는 할머니가 자주 하셨다.",
    "강을 건넌 사람들의 사연을 모아 책을 냈다.",
]

# Still topics beside a veto: a companion in the story, another risky clause after the condition.
STILL_TOPICS = [
    "나와 함께 강을 건넌 사람들의 이야기를 써 보려 한다.",
    "한국으로 가면 가족이 추방된다고 그 사람이 겁을 줬다.",
    "고문은 금지돼 있다지만 나는 보위부에서 고문을 당했다.",
    "포로로 잡혀 있는 동안 다리에 파편이 박힌 채였다.",
]


@pytest.mark.parametrize("text", TOPICS + STILL_TOPICS)
def test_risky_clauses_in_round11_shapes_are_flagged(rules: Rules, text: str) -> None:
    topics = [f for f in detect(text, rules) if f.kind is Kind.TOPIC]
    assert topics, text
    assert all(f.severity.value == "review" for f in topics)


@pytest.mark.parametrize("text", TOPICS + TOPICS_OCR)
def test_the_whole_sentence_is_covered(rules: Rules, text: str) -> None:
    assert covered(text, text.rstrip("."), rules, "topic"), text


@pytest.mark.parametrize("text", BENIGN)
def test_round11_lookalikes_are_no_topic(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind is Kind.TOPIC] == [], text
