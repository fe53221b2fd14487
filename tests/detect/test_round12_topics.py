"""Risky topics in the shapes round 12's tables (outside59, 60, 62) showed missing, and the benign
look-alikes that must stay unflagged. Every sentence here is written for this file, not taken from those
tables.

* money told with its go-between (통해서, 편에) and then sent or going, with words between;
* a call, news or a letter by way of someone on the Chinese side; news sent in secret;
* bringing someone to the south planned (데려올 사람, 데려오려고);
* the river crossed with no particle, a border town with a side or a 서 and words before the verb;
* an embassy's wall climbed; islands by the sea border reached by boat; pulled aboard a southern boat;
* handed over to an army; an escape under guard or from a camp; questioned on who one met in China;
* the Russian logging camps; the go-between named by what they are (조선족, 화교, 중국 사람);
* OCR: a subject glued to 잡힐 때, a fence glued to the next word, a word split before the broker;
* and the vetoes: sold, then prison (팔려 감옥에); the Bible's wilderness; a trip to a border; a bank
  transfer; a view across the river; something hanging (걸려 있다).
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

TOPICS = [
    # money and its go-between
    "생활비는 장사하는 아저씨 통해서 큰집에 해마다 한 번씩 부쳤다.",
    "부치는 돈 은 그 마을 사람 편에 들어간다.",
    # calls and news by the Chinese side, or in secret
    "조선족 아줌마를 통해 누나랑 통화 한 번 했소.",
    "화교 통해서 련락 닿았다.",
    "고모한테 몰래 편지 보내던 일은 말 못 한다.",
    # bringing someone over, planned
    "조카를 한국으로 데려오려고 돈을 모으고 있다.",
    "언니를 남쪽으로 빼내 올 방법을 찾는 중이오.",
    # the river with no particle; a border town, then words, then the crossing
    "온성서 강 넘어올 적에 발이 얼었다.",
    "혜산 쪽 친척 아저씨가 업어 줘서 건넜다.",
    # embassies, islands, southern boats
    "북경 영사관 담장을 넘어 들어갔어요.",
    "고깃배 타고 연평도 쪽으로 나왔다.",
    "남쪽 해군 배에 끌려 올라왔다.",
    # handed over, escapes, interrogation
    "다리를 다쳐 러시아군에 넘겨졌다고 한다.",
    "압송 도중에 기차에서 뛰어내렸다.",
    "집결소에서 밤에 도망쳤다.",
    "보위원이 남조선 사람 만났냐고 자꾸 캐물었다.",
    # logging in Russia; the go-between named
    "로씨야 벌목장에 갔다가 빠져나왔다.",
    "삼촌이 소개해 준 조선족 집에 석 달 있었다.",
    "돈 전해 준 화교는 이제 련락이 끊겼다.",
    # caught by the guards; questioned at a holding place; the border reached; calls by the border
    "경비대 한테 붙들려서 끌려갔소.",
    "안전부 구류장에서 보름 취조 받았다.",
    "단동서 차 타고 국경 근처까지 갔다.",
    "압록강 가에 나가서 숨겨 둔 손전화로 통화했다.",
    # held on the south-east Asian route; money given to a go-between
    "라오스 감옥에서 두 달 있었다.",
    "브로커한테 현금 이백만 원을 맡겼다.",
    # a prisoner's capture: going over, where caught, who of the unit, what it was like
    "동무는 총을 버리고 적 참호로 혼자 걸어갔다고 해요.",
    "준호 씨 붙잡힌 곳이 어느 마을이라던데 이름은 잊었어요.",
    "그 중대에서 포로로 잡힌 건 셋이래요.",
    "오빠가 포로 됐을 때 혼자 숲에 숨어 있었다고 들었어요.",
    "그는 지금 포로 병원에서 치료받고 있대요.",
    # notes passed in or out, a diplomatic bag, a relative abroad
    "간호사 선생님 편에 쪽지를 몰래 넣어 줄 수 있대요.",
    "감옥에 면회 가면 편지를 숨겨 나올 수는 없을까요.",
    "답장은 외교행낭으로 보낼 예정입니다.",
    "중국에 계시는 이모부 통해서 소식 들을 수 있을까요.",
]

TOPICS_OCR = [
    "나잡힐 때 총소리가 났다.",
    "철조망두 줄 을 넘어 갔다.",
    "남쪽 가는 길을 우리 외삼촌 친 구한테 연결해 줬다.",
]

BENIGN = [
    # transfers through a bank or an app; goods and photos through someone
    "월급은 회사 통해서 들어가는데 세금이 많다.",
    "중국 통해서 들어온 물건이 값이 싸다.",
    "여행 사진을 친구 통해서 받았다.",
    # children and pets brought here long ago
    "딸을 한국으로 데려온 지 벌써 십 년이다.",
    "강아지를 한국으로 데려왔다.",
    "아버지가 나를 한국으로 데려올 때 나는 세 살이었다.",
    # rivers in town, embassies for visas, cases and counties
    "한강 넘어가면 우리 회사가 있어요.",
    "대사관에 가서 비자를 받았다.",
    "사건이 검찰에 넘겨졌다.",
    "그 땅은 군에 넘겨졌다고 뉴스에 나왔다.",
    # small secrets, escorts at work, patients moved
    "엄마 몰래 친구한테 전화했다.",
    "몰래 선물을 보냈다.",
    "호송 업무를 하는 친구가 있다.",
    "이송 중인 환자가 있어서 병원이 바빴다.",
    "호송차가 지나가는 걸 봤다.",
    # polite questions, forests, restaurants, a ferry to a port
    "목사님이 교회 다녔냐고 물으셨어요.",
    "선생님이 중국에서 누구 만났냐고 물어보셨다.",
    "러시아 숲은 벌목 때문에 줄어들고 있다는 기사를 봤다.",
    "시베리아에서 벌목하던 시절에는 손이 늘 얼어 있었다.",
    "친구가 소개해 준 중국 식당이 맛있다.",
    "배 타고 인천으로 나왔어요 바람이 좋았다.",
    # a trip to a border, transfers through a bank, a river seen in town, a picture hanging, shopping
    "유럽 여행 때 버스 타고 국경까지 갔는데 여권 검사도 없었다.",
    "강변에서 자전거 타다가 엄마한테 전화했어요.",
    "생활비는 은행 통해서 매달 딸한테 보냈어요.",
    "강 건너 동네에 벚꽃이 폈다.",
    "경비대에 걸려 있는 그림이 멋있었다.",
    "교통 단속에 걸려서 벌금을 냈다.",
    "화교한테 돈 주고 약을 샀다.",
    "태국 여행 가서 코끼리를 탔다.",
    # capture judged, news heard, settled places, a bag, soldiers in the news, prayers
    "친구를 통해서 소식을 전해 들었어요.",
    "균형 잡힌 식단이 중요해요.",
    "자리 잡힌 곳에서 오래 살고 싶다.",
    "행낭에 짐을 넣었다.",
    "우크라이나 군인들이 용감하게 싸운다는 뉴스를 봤다.",
    "우리 청년부에서 포로된 군인들을 위해 기도합니다.",
    # the Bible: sold, then prison
    "요셉은 형들에게 팔려 감옥에 갇혔지만 끝내 하나님의 뜻 안에서 일어섰습니다.",
    # the Bible: the wilderness
    "모세도 광야로 도망쳐 사십 년을 숨어 살았습니다.",
]

# Still topics beside a veto: a real hiding place, a transfer to a broker.
STILL_TOPICS = [
    "산속 동굴에서 숨어 지냈다.",
    "돈은 중국 은행 통해서 브로커한테 보냈다.",
]


@pytest.mark.parametrize("text", TOPICS + TOPICS_OCR + STILL_TOPICS)
def test_risky_clauses_in_round12_shapes_are_flagged(rules: Rules, text: str) -> None:
    topics = [f for f in detect(text, rules) if f.kind is Kind.TOPIC]
    assert topics, text
    assert all(f.severity.value == "review" for f in topics)


@pytest.mark.parametrize("text", BENIGN)
def test_round12_lookalikes_are_no_topic(rules: Rules, text: str) -> None:
    assert [f for f in detect(text, rules) if f.kind is Kind.TOPIC] == [], text
