"""Risky topics in the shapes the outside11 and outside12 writers showed missing, each with examples of
its own (not those tables' sentences) and the everyday look-alikes that must stay unflagged.

* people hidden (a number of them, sisters, a family) and lying low in a hiding place (a cellar, a
  dugout, a cornfield, a Korean-Chinese family's house);
* one's family got out (빼내다, 빼오다, the colloquial 뺐다) or fetched from the north; money hidden on
  the body, put in (넣다) to the north, handed to China or a broker, paid into a Chinese account or one
  in someone else's name;
* carried, led or walked over by a guide; a ford waded; a river's ice crossed far from its name;
* crossing to a town on the Chinese or Russian border, or staying there after crossing;
* driven or sent to the border in a vehicle, hidden in a boot, a goods wagon or a train's toilet; people
  handed on across the border; a call made near it;
* over the wall of a lodging or a camp, or off while the guard looked away; slipping away on a tour
  abroad; into a consulate; a refugee ship coming south; caught by the squads that hunt people;
* and the everyday talk that is no detail: a street crossed, a crisis got over, hide-and-seek, money
  saved for a wedding, a river looked at, a child taken off a class list, a temple hidden in the hills.
"""

from __future__ import annotations

import pytest

from relay.detect import Rules, detect
from relay.model import Kind

from .conftest import covered

TOPICS = [
    # people hidden, and hiding places
    ("그 집 할머니가 우리 식구들을 광에 숨겨 주셨소.", "식구들을 광에 숨겨"),
    ("목사님은 교회 창고에 여자 네 명을 숨겨 두고 밥을 날라 주셨다.", "네 명을 숨겨"),
    ("산속 움막에 숨어 있다가 경비대가 지나간 뒤에 내려왔다.", "움막에 숨어 있다가"),
    ("옥수수밭에 숨어서 꼬박 하루를 지냈지.", "옥수수밭에 숨어서"),
    ("지 하실에 숨어 있 다가 밤이 되자 나왔어요", "숨어 있 다가"),
    ("친척집 다락에 숨어서 보름을 지냈다.", "숨어서 보름을 지냈"),
    # family got out, money on the body or in another's name
    ("동생네 식구를 중국으로 빼내는 데 이 년이 걸렸다.", "식구를 중국으로 빼내"),
    ("삼촌이 모은 돈으로 조카 둘을 먼저 빼왔어.", "조카 둘을 먼저 빼왔"),
    ("그 돈으로 처자식을 몽땅 뺐지비", "처자식을 몽땅 뺐"),
    ("북한에 있는 막내를 언젠가 꼭 데려올 거야.", "북한에 있는 막내를 언젠가 꼭 데려올"),
    ("북쪽에서 부모님을 모셔 오는 데 돈이 많이 들었다.", "북쪽에서 부모님을 모셔 오"),
    ("어머니는 달러를 솜옷 안감에 꿰매서 넘어오셨다.", "솜옷 안감에 꿰매"),
    ("돈은 차명 통장으로 들어가게 해 놨다.", "차명 통장"),
    ("북쪽에 있는 누이한테 해마다 돈을 넣어 준다.", "북쪽에 있는 누이한테 해마다 돈을 넣"),
    ("모은 달러를 조선족 상대한테 넘겼지.", "달러를 조선족 상대한테 넘겼"),
    ("조선족 사장 계좌로 인민폐를 송금했다.", "조선족 사장 계좌로 인민폐를 송금"),
    ("삼촌이 보내 주는 돈으로 겨우 산다더라.", "보내 주는 돈"),
    # guides, fords, ice
    ("길잡이가 내 손을 꽉 잡고 얼음 위를 건넜어.", "길잡이가 내 손을 꽉 잡고 얼음 위를 건넜"),
    ("안내인 뒤에 바짝 붙어서 물살을 헤엄쳐 건넜다.", "안내인 뒤에 바짝 붙어서 물살을 헤엄쳐 건넜"),
    ("새벽 세 시에 여울목을 찾아 아버지와 건넜다.", "여울목을 찾아 아버지와 건넜"),
    ("두만강 얼음이 갈라진 곳으로 외삼촌 등에 업혀 건넜다.", "얼음이 갈라진 곳으로 외삼촌 등에 업혀 건넜"),
    ("언니네 지하방에 동무 둘을 숨겨 놨었다.", "동무 둘을 숨겨"),
    # border towns, on both banks
    ("무산 쪽 얕은 데로 새벽에 건넜슴다.", "무산 쪽 얕은 데로 새벽에 건넜"),
    ("경비대 교대할 때 맞춰서 건넜다.", "경비대 교대할 때 맞춰서 건넜"),
    ("우리는 훈춘 쪽으로 밤에 넘어갔다.", "훈춘 쪽으로 밤에 넘어갔"),
    ("그해 겨울 삼합으로 혼자 건너옴", "삼합으로 혼자 건너옴"),
    ("산을 넘어가서 음 도문에서 석 달 살았다", "넘어가서 음 도문에서"),
    # vehicles
    ("그분이 봉고차로 세 사람을 라오스 국경 근처까지 실어다 줬어요.", "라오스 국경 근처까지 실어다"),
    ("화물차에 태워서 국경까지 데려다 주었습니다.", "화물차에 태워서 국경까지 데려다"),
    ("승용차 트렁크에 숨어서 검문소를 지났다.", "트렁크에 숨어서"),
    ("열차 화장실에 숨어서 남녕까지 내려갔다.", "화장실에 숨어서 남녕까지"),
    ("철길을 따라 걸어서 국경까지 갔다.", "걸어서 국경"),
    ("그 사람이 처녀 둘을 중국 쪽으로 넘겼다고 들었다.", "중국 쪽으로 넘겼"),
    ("통화는 국경 마을에 가서 몰래 했어.", "통화는 국경 마을에"),
    # walls, guards, tours, consulates, ships
    ("합숙소 울타리를 몰래 넘었던 날 밤이 생각난다.", "합숙소 울타리를 몰래 넘었"),
    ("경비원이 졸던 틈을 타서 작업장을 빠져나왔지.", "경비원이 졸던 틈을 타서 작업장을 빠져나"),
    ("러시아 순회공연 중에 모스크바 숙소에서 빠져나왔다.", "순회공연 중에 모스크바 숙소에서 빠져나왔"),
    ("우리 셋은 일본 원정 경기 갔다가 도망쳤다.", "원정 경기 갔다가 도망"),
    ("심양 한국 영사관으로 들어가던 날을 잊지 못한다.", "영사관으로 들어가"),
    ("할아버지는 피난선을 타고 거제도로 내려오셨다.", "피난선을 타고 거제도로 내려오"),
    # caught by a squad or a service
    ("규찰대한테 걸리면 다 뺏겼어.", "규찰대한테 걸리"),
    ("안전원에게 두 번 붙잡혔다가 풀려났다.", "안전원에게 두 번 붙잡혔"),
    # the act of blowing oneself up, tried or not done
    ("형은 수류탄으로 자폭하려다가 붙잡혔다고 한다.", "자폭하려"),
]


@pytest.mark.parametrize(("text", "piece"), TOPICS)
def test_risky_topics_are_flagged(rules: Rules, text: str, piece: str) -> None:
    assert covered(text, piece, rules, "topic"), text


LOOKALIKES = [
    "길을 건너다가 신발이 벗겨졌어요.",
    "안내원을 따라 횡단보도를 건넜다.",
    "엄마가 아기를 등에 업고 길을 건넜다.",
    "큰 고비를 넘기고 나니 이제 살 만하다.",
    "어릴 때 숨바꼭질하던 생각이 난다.",
    "숨바꼭질하다 헛간에 숨어 있던 거 기억나?",
    "숨바꼭질할 때 장롱에 숨어서 한참 있었지.",
    "결혼식 비용으로 돈을 모으고 있어요.",
    "강을 바라보며 네 생각을 했다.",
    "아이를 학원에서 빼서 집에서 공부시켜요.",
    "선생님이 아이들을 명단에서 뺐다.",
    "살을 오 킬로나 뺐다.",
    "동생 과자를 뺐어.",
    "엄마를 빼고 다 모였다.",
    "나를 숨기지 않고 다 말할게.",
    "선물을 숨겨 두었으니 찾아봐.",
    "산속에 숨어 있는 작은 절에 다녀왔어요.",
    "돈을 서랍에 숨겨 두었다.",
    "회사 통장에 월급이 들어왔다.",
    "돈을 통장에 넣었다.",
    "엄마가 보내 주는 용돈으로 산다.",
    "차로 딸을 학교까지 데려다 줬다.",
    "관광버스를 타고 두만강까지 가 봤어요.",
    "연변으로 건너가 사업을 했다.",
    "개울을 건너 학교에 다녔지.",
    "학교 담을 넘어 땡땡이를 쳤지.",
    "우리 때도 포로가 될 바엔 자폭하라고 배웠지.",
    "그 뒤로는 소식이 끊겼구나.",
    "경찰한테 걸려서 벌금을 냈다.",
    "교통 단속에 걸렸다.",
    "고향에서 엄마를 모셔 왔다.",
    "북에서 온 친구를 집에 데려왔다.",
    "기차 화장실에 숨어서 담배를 피웠지.",
    "동생한테 일을 넘겼다.",
    "한강 근처에서 전화했다.",
    "혜산 장마당 가려면 다리를 건너야 했지.",
    "무산 사람들은 그 고개를 넘어 다녔다.",
    "가이드가 버스로 압록강 근처까지 데려다 줬다.",
    "동생을 학교에서 빼 왔다.",
    "경비원 아저씨가 잠든 틈에 우리가 담을 넘어 놀이터에 갔지.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_everyday_talk_is_no_topic(rules: Rules, text: str) -> None:
    assert not [f for f in detect(text, rules) if f.kind is Kind.TOPIC], text
